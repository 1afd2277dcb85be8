"""Typed relations between one article's entities, read from the parse and the entity spans.

Each pattern is a small function over one `Found` (the Doc, its resolver and what was found so
far); its confidence is `CONFIDENCE[rule]`, times the resolver's confidence in each argument.
- role before a name: "Chinese Ambassador to the UK Liu Xiaoming", "China's ambassador Liu"
  -> jobTitle "ambassador", "ambassador of" China, "ambassador to" United Kingdom;
- role by copula, apposition or "as": "Jeff Stone is the editor-in-chief of CyberScoop",
  "As ambassador to the U.K., Liu said", "He worked as an editor at the Wall Street Journal";
- parent organisation: "YouTube, a subsidiary of Google";
- nationality: "Chinese artist Ai Weiwei";
- accounts: "his Twitter account" (has an account on);
- family: "his wife Michelle Obama", "Bill Clinton's wife, Hillary Clinton" (spouse, children,
  sibling);
- missions: "the Chinese Embassy" belongs to China; China's ambassador works for it;
- verbs between two entities, with their preposition and voice: "The Embassy has reported this
  to Twitter" (reported to), "Twitter is banned in China" (banned in), "urged Twitter" (urged);
  negated verbs give nothing;
- place: "the Chinese Embassy in London", "the Berlin-based Transparency International",
  "Germany's Foreign Ministry" (location), "Shanghai, China" (containedInPlace), "camps in Xinjiang in China".
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Token

from .facts import ORGANIZATION, PERSON, PLACE, Attribute, Entity, Relation
from .identity import name_key
from .mentions import ORGANISATION_NOUNS
from .names import (
    CONTINENTS,
    HONORIFICS,
    NATIONS,
    PERSON_NOUNS,
    PORTFOLIO_WORDS,
    TITLES,
    can_contain,
    country_of_demonym,
)
from .predicates import past_tense, phrase_key, schema_for
from .resolve import Resolver, negated
from .sport import PLAYER_POSITIONS
from .tokens import lemma, pos_ids, tokens_where, word_ids

# rule -> how far a relation it finds can be trusted (before the arguments' own confidence)
CONFIDENCE = {
    "title-before-name": 0.9,
    "copula-role": 0.85,
    "apposition-role": 0.85,
    "as-role": 0.85,
    "parent-organisation": 0.8,
    "demonym-before-name": 0.75,
    "verb-object": 0.8,
    "passive-agent": 0.75,
    "verb-preposition": 0.7,
    "in-place": 0.8,
    "place-comma-place": 0.85,
    "place-in-place": 0.7,
    "based-in": 0.85,
    "place-possessive": 0.8,
    "organisation-of-place": 0.8,
    "office-of-place": 0.75,
    "person-of-organisation": 0.7,
    "player-of-club": 0.8,
    "described-by-place": 0.75,
    "account-of": 0.8,
    "embassy-of-country": 0.9,
    "ambassador-at-embassy": 0.85,
    "family-noun": 0.85,
}
ROLE_PREPS = ("to", "of", "for", "at", "with")
MEMBER_NOUNS = frozenset({"member", "members"})
PARENT_NOUNS = frozenset({"subsidiary", "unit", "division", "arm", "affiliate", "branch", "part"})
# Roles read before a name or beside one that are not honorifics to strip from a name: "Taliban
# leader Mullah Omar", "Green Party co-leader Cem Özdemir", "Deutsche Bank head Josef Ackermann"
ROLE_TITLES = TITLES | {"leader", "head", "official"}
# Occupations read the same ways as titles ("Ross Walker, UK economist at Royal Bank of Scotland",
# "EFF lawyer Kurt Opsahl", "a prospective Labour MP"), for the person's jobTitle only: whether an
# occupation "at" an organisation is employment or membership is a convention the annotated data
# do not share (DWIE: an analyst is a member of the bank; Wikidata: its employee), so the relation
# model decides it from the same words. Not the people nouns that are no job (family, victims,
# residents), nor players, whom `players_of_clubs` makes members of their club.
OCCUPATIONS = (
    PERSON_NOUNS
    - {"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister"}
    - {"victim", "survivor", "witness", "resident", "veteran", "student", "dissident"}
    - {"player", "athlete", "footballer"}
    - {"author"}  # of a report, a study: no job
) | {"mp", "mep", "negotiator", "strategist", "consultant", "lecturer", "trader", "councillor"}
ROLE_NOUNS = ROLE_TITLES | OCCUPATIONS
_JOBS_ONLY = OCCUPATIONS - ROLE_TITLES  # the occupations that are no title ("economist", not "editor")
# words before a role noun that belong to the role ("chief economist", "political scientist",
# "energy policy expert"), besides role nouns and lower-case nouns
ROLE_ADJECTIVES = frozenset(
    """senior chief political managing general assistant associate executive principal lead junior
    special economic financial legal military technical""".split()
)
# offices held in a state's name: their holder "of" a place works for it ("head" is left out:
# "head of Latin America at Citigroup" is a business's regional job)
STATE_OFFICES = frozenset(
    """president minister premier chancellor secretary governor mayor king queen ambassador envoy
    consul diplomat commissioner spokesman spokeswoman spokesperson leader""".split()
)
# of those, the heads of a state or its government: "US President X" is the US's; "US Syria envoy
# X" is not Syria's
HEAD_OFFICES = frozenset("president minister premier chancellor governor mayor king queen leader".split())
_ROLE_WORDS = word_ids(ROLE_NOUNS | MEMBER_NOUNS)
_PARENT_WORDS = word_ids(PARENT_NOUNS)
_VERB = pos_ids(("VERB",))
SKIP_VERBS = frozenset({"be", "say", "have", "do", "tell"})
ACCOUNT_NOUNS = frozenset({"account", "accounts", "handle", "feed", "channel", "page", "profile"})
_ACCOUNT_WORDS = word_ids(ACCOUNT_NOUNS)
MISSIONS = ("embassy", "consulate", "mission", "high commission")
# family nouns -> the property between the noun's owner and the relative it names
FAMILY = {
    **dict.fromkeys(("wife", "husband", "spouse", "widow", "widower"), "spouse"),
    **dict.fromkeys(("son", "daughter", "stepson", "stepdaughter"), "children"),
    **dict.fromkeys(("father", "mother", "stepfather", "stepmother"), "parent"),
    **dict.fromkeys(("brother", "sister", "half-brother", "half-sister"), "sibling"),
}
_FAMILY_WORDS = word_ids(FAMILY)
DIPLOMATS = frozenset({"ambassador", "envoy", "consul", "diplomat", "chargé", "attaché", "commissioner"})


def sentence_of(token: Token) -> tuple[str, int, int]:
    """The token's sentence without surrounding whitespace, and its character offsets in the Doc."""
    sent = token.sent
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return text, start, start + len(text)


def rule_confidence(rule: str, sureness: tuple[float, ...]) -> float:
    """The rule's confidence times how sure the resolver was of each argument."""
    confidence = CONFIDENCE[rule]
    for s in sureness:
        confidence *= s
    return confidence


class Found:
    """What the patterns found in one Doc: relations and attributes, each with its sentence."""

    def __init__(self, doc: Doc, resolver: Resolver):
        self.doc = doc
        self.resolve = resolver
        self.types = resolver.types
        self.relations: dict[tuple, Relation] = {}
        self.attributes: dict[tuple, Attribute] = {}

    def add(self, subject: str | None, key: str, obj: str | None, token: Token, rule: str, *sureness: float):
        """A relation found by `rule`, its confidence the rule's times each argument's `sureness`."""
        if not subject or not obj or subject == obj or not key:
            return
        confidence = rule_confidence(rule, sureness)
        key = schema_for(key, self.types.get(subject, ""), self.types.get(obj, ""))
        if key == "containedInPlace" and not can_contain(self._name(obj), self._name(subject)):
            return  # "Kenya, Tunisia, Russia, Uruguay": a list, not Russia in Uruguay
        text, start, end = sentence_of(token)
        rel = Relation(
            subject=subject,
            predicate=key,
            object=obj,
            sentence=text,
            start=start,
            end=end,
            confidence=round(confidence, 3),
            rule=rule,
        )
        index = (subject, key, obj, start)
        if index not in self.relations or self.relations[index].confidence < rel.confidence:
            self.relations[index] = rel

    def _name(self, key: str) -> str:
        return name_key(self.resolve.names.get(key, ""))

    def attribute(self, entity: str, name: str, value: str, token: Token, confidence: float):
        text, start, end = sentence_of(token)
        index = (entity, name, value.lower(), start)
        fact = Attribute(
            entity=entity,
            name=name,
            value=value,
            sentence=text,
            start=start,
            end=end,
            confidence=round(confidence, 3),
        )
        if index not in self.attributes or self.attributes[index].confidence < fact.confidence:
            self.attributes[index] = fact

    def role(
        self,
        person: str,
        title_tokens: list[Token],
        origin: str | None,
        target: str | None,
        prep: str,
        anchor: Token,
        rule: str,
        *sureness: float,
    ):
        """A person's role: a job title, and whom it is "of", "to", "at" ("ambassador to")."""
        # as news writes it: lower case but for an acronym ("CEO", "MP")
        written = " ".join(t.text if t.text.isupper() and len(t.text) > 1 else t.lower_ for t in title_tokens)
        written = written.replace(" - ", "-")
        title = written.lower()
        if title in MEMBER_NOUNS:  # "a member of the Labour Party" is membership, not a job
            if target and self.types.get(target) == ORGANIZATION and prep == "of":
                self.add(person, "memberOf", target, anchor, rule, *sureness)
            return
        if title:
            self.attribute(person, "jobTitle", written, anchor, rule_confidence(rule, sureness))
        # the role's own noun: "Secretary of State" is a secretary's, "chief economist" an economist's
        if next((t.lower_ for t in reversed(title_tokens) if t.lower_ in ROLE_NOUNS), "") in _JOBS_ONLY:
            return  # an occupation: its jobTitle only (see OCCUPATIONS)
        for other, word in ((origin, "of"), (target, prep)):
            if not other:
                continue
            if self.types.get(other) == ORGANIZATION and word in ("of", "at", "for", "with"):
                if title.endswith("founder"):  # "Facebook founder Mark Zuckerberg", "co-founder"
                    self.add(other, "founder", person, anchor, rule, *sureness)
                else:
                    self.add(person, "worksFor", other, anchor, rule, *sureness)
            elif title:
                self.add(person, phrase_key(title, word), other, anchor, rule, *sureness)
                if word == "of" and self._in_state_service(title, title_tokens, other):
                    self.add(person, "worksFor", other, anchor, "office-of-place", *sureness)

    def _in_state_service(self, title: str, title_tokens: list[Token], place: str) -> bool:
        """ "German Chancellor Angela Merkel", "X, chief minister of West Bengal", "China's
        ambassador X": a state office "of" a place is in its service (DWIE's head_of_state,
        head_of_gov, minister_of, agent_of). Not a former holder; not a continent ("head of
        Latin America"); not the posting named after the owner ("US Syria envoy X")."""
        # "vice-president" is a president's office, "secretary of state" a secretary's
        office = re.split(r"[\s-]+", title.split(" of ")[0])[-1]
        return (
            self.types.get(place) == PLACE
            and office in STATE_OFFICES
            and not _held_before(title_tokens)
            and self._name(place) not in CONTINENTS
            # "US Secretary of State X": the portfolio follows "of", so the place before is the owner;
            # not a nation of the UK ("Northern Ireland Secretary of State X" is the UK's)
            and (
                " of " in title
                and self._name(place) not in NATIONS
                or not self._posting_before(title_tokens[0], place, office)
            )
        )

    def _posting_before(self, first: Token, place: str, office: str) -> bool:
        """The place named bare right before the title is the posting or the portfolio: always for
        an envoy, a secretary, a commissioner ("The new Syria envoy X", "Northern Ireland
        Secretary X", "Trump's Iran envoy X"), and for a head of state or government when another
        entity's name or a demonym stands before the place ("UN Iran leader X"); alone before a
        head's title it is whose the office is ("US President Barack Obama")."""
        token_map = self.resolve.token_map
        if first.i == 0 or token_map.get(first.i - 1) != place:
            return False
        if office not in HEAD_OFFICES:
            return True
        start = _name_start(first.i - 1, token_map)
        if start == 0:
            return False
        before = first.doc[start - 1]
        return token_map.get(before.i) is not None or country_of_demonym(before.text) is not None


_FORMER = frozenset(
    {"former", "ex", "late", "then", "erstwhile", "previous", "deposed", "ousted", "onetime", "exiled", "past"}
)


def _held_before(title_tokens: list[Token]) -> bool:
    """A title its holder no longer holds: "ex-president", "the former president of France",
    "Former German Chancellor": a word of the title, a modifier of one, or one of the three words
    before it with no punctuation between ("Since then, German Chancellor X" holds it)."""
    first = title_tokens[0]
    if any(t.lower_ in _FORMER for t in title_tokens):
        return True
    if any(c.lower_ in _FORMER for t in title_tokens for c in t.children if c.dep_ in ("amod", "advmod")):
        return True
    for k in range(first.i - 1, max(first.sent.start, first.i - 3) - 1, -1):
        if first.doc[k].is_punct:
            return False
        if first.doc[k].lower_ in _FORMER:
            return True
    return False


# --- roles ----------------------------------------------------------------------------------


def titles_before_names(found: Found) -> None:
    """ "Chinese Ambassador to the UK Liu Xiaoming", "China's ambassador Liu", "Siemens chief
    executive Joe Kaeser" (an organisation or place named right before the title is whose it is)."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for start, person in found.resolve.person_starts:
        j = start - 1
        sent_start = doc[start].sent.start
        if j > sent_start and doc[j].lower_.rstrip(".") in HONORIFICS and j not in token_map:
            j -= 1  # "United boss Sir Alex Ferguson", "research director Dr Alastair Sibbald"
        target, prep = None, ""
        if j >= sent_start and token_map.get(j) and types.get(token_map[j]) in (PLACE, ORGANIZATION):
            other = token_map[j]
            k = max(_name_start(j, token_map), sent_start) - 1
            if k >= sent_start and doc[k].lower_ == "the":
                k -= 1
            if k >= sent_start and doc[k].lower_ in ROLE_PREPS:
                target, prep, j = other, doc[k].lower_, k - 1
        titles: list[Token] = []
        # a title with its portfolio after "of": "US Secretary of State Condoleezza Rice",
        # "Chancellor of the Exchequer Gordon Brown"
        k = j
        while k >= sent_start and j - k < PORTFOLIO_WORDS and _portfolio_word(doc[k], token_map):
            k -= 1
        of = k - 1 if k < j and k >= sent_start and doc[k].lower_ == "the" else k
        if k < j and of - 1 >= sent_start and doc[of].lower_ == "of" and doc[of - 1].lower_ in ROLE_TITLES:
            titles, j = list(doc[of - 1 : j + 1]), of - 2
        while j >= sent_start and (
            doc[j].lower_ in ROLE_NOUNS
            and not (doc[j].lower_ == "official" and doc[j].pos_ == "ADJ")
            or doc[j].text in ("-",)
        ):
            titles.insert(0, doc[j])
            j -= 1
        if titles and titles[0].text == "-" and j >= sent_start and not doc[j].whitespace_:
            titles.insert(0, doc[j])  # "co-founder", "ex-president": the prefix is part of it
            j -= 1
        if not titles:
            continue
        origin = _origin_before(found, j, sent_start)
        adjective = j  # "IVCRL's senior official", "Augsburg's new coach": not part of the title
        while origin is None and adjective >= sent_start and j - adjective < 2:
            word = doc[adjective]
            if word.pos_ != "ADJ" or not word.is_lower or word.lower_ in _FORMER:
                break
            adjective -= 1
            origin = _origin_before(found, adjective, sent_start)
        portfolio = j
        while origin is None and portfolio >= sent_start and j - portfolio < PORTFOLIO_WORDS:
            # "EU Migration Commissioner", "German Interior Minister": a portfolio between them,
            # part of the title when an owner stands before it
            if not _portfolio_word(doc[portfolio], token_map, titles_too=True):
                break
            portfolio -= 1
            origin = _origin_before(found, portfolio, sent_start)
            if origin is not None:
                titles = list(doc[portfolio + 1 : j + 1]) + titles
        found.role(person, titles, origin, target, prep, doc[start], "title-before-name")


def _portfolio_word(word: Token, token_map: dict[int, str], titles_too: bool = False) -> bool:
    """A capitalised word of a portfolio ("Migration", "State", "the Exchequer"'s "Exchequer"): a
    noun or proper noun of no entity's name, and no title word unless `titles_too`."""
    return (
        word.text[:1].isupper()
        and word.pos_ in ("PROPN", "NOUN")
        and word.i not in token_map
        and (titles_too or word.lower_ not in ROLE_TITLES)
    )


def _origin_before(found: Found, j: int, sent_start: int) -> str | None:
    """Whose a title is, from the word at `j` right before it (in the sentence from `sent_start`):
    a demonym's country ("Chinese Ambassador"), a possessive ("China's ambassador"), or an
    organisation or place named there ("Siemens chief executive Joe Kaeser", "Liverpool coach
    Jurgen Klopp")."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    if j < sent_start:
        return None
    if country_of_demonym(doc[j].text):
        return found.resolve.by_name.get(name_key(country_of_demonym(doc[j].text)))
    if j - 1 >= sent_start and doc[j].tag_ == "POS" and token_map.get(j - 1):
        return token_map[j - 1]
    if types.get(token_map.get(j)) in (PLACE, ORGANIZATION):
        return token_map[j]
    return None


def roles_by_parse(found: Found) -> None:
    """Copula ("X is the editor of Y"), apposition ("X, editor of Y") and "as" roles."""
    doc, resolve = found.doc, found.resolve
    for token in tokens_where(doc, lower=_ROLE_WORDS):
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        person, conf, rule = None, 0.0, ""
        head = token.head
        if token.dep_ == "attr" and lemma(head) == "be":
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            (person, conf), rule = resolve.entity(subj), "copula-role"
        elif token.dep_ == "appos":
            (person, conf), rule = resolve.entity(head, allow_pronoun=False), "apposition-role"
        elif token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            (person, conf), rule = resolve.entity(subj), "as-role"
        elif not (token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN")):
            # "India's Prime Minister, Narendra Modi,", "The ambassador, Liu Xiaoming,": a person
            # after a comma (without one, "Siemens' chief executive Joe Kaeser", the title is read
            # before the name); not a title inside another noun's phrase ("A spokesman for the
            # chancellor, Steffen Seibert,")
            named = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i), None)
            if named is not None and named.left_edge.i > 0 and doc[named.left_edge.i - 1].text == ",":
                (person, conf), rule = resolve.entity(named, allow_pronoun=False), "apposition-role"
        if not person or found.types.get(person) != PERSON:
            continue
        titles = [token]
        occupation = token.lower_ in _JOBS_ONLY
        while (
            titles[0].i > 0
            and ((before := doc[titles[0].i - 1]).head.i == token.i or occupation and before.head.i == titles[0].i)
            and _of_role(before, occupation)
        ):
            titles.insert(0, before)  # "Prime Minister", "chief executive", "energy policy expert": the whole title
        nxt = token.nbor(1) if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.text == "-" and token.i + 4 < len(doc) and doc[token.i + 4].lower_ == "chief":
            titles = list(doc[token.i : token.i + 5])  # editor-in-chief
        origin = None
        for child in token.children:  # "the Taliban's former leader", "the UN High Commissioner"
            if child.dep_ == "poss" or child.dep_ == "compound" and found.types.get(resolve.key(child)) == ORGANIZATION:
                origin = resolve.key(child)
        target, prep = None, ""
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS]
        if token.dep_ == "pobj":  # "worked as an editor at X": the place of work hangs on the verb
            preps += [c for c in token.head.head.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS]
        for p in preps:
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ == "chief":
                preps += [c for c in obj.children if c.dep_ == "prep"]
                continue
            other = resolve.key(obj)
            if other:
                target, prep = other, p.lower_
                break
        found.role(person, titles, origin, target, prep, token, rule, conf)


def _of_role(word: Token, occupation: bool) -> bool:
    """Whether a word before a role noun, and modifying it, is part of the role: a title word
    ("Prime Minister"), or before an occupation also a lower-case noun or role adjective ("energy
    policy expert", "senior analyst")."""
    if word.lower_ in ROLE_TITLES:
        return True
    return (
        occupation
        and word.is_lower
        and (word.lower_ in ROLE_NOUNS or word.pos_ == "NOUN" or word.lower_ in ROLE_ADJECTIVES)
    )


def _described(noun: Token) -> Token | None:
    """What a noun describes: the name it is in apposition to ("YouTube, a subsidiary of Google"),
    or the subject it is said of ("YouTube is a unit of Google"); else None."""
    if noun.dep_ == "appos":
        return noun.head
    if noun.dep_ == "attr" and lemma(noun.head) == "be":
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None


def parent_organisations(found: Found) -> None:
    """ "YouTube, a subsidiary of Google" / "YouTube is a unit of Google" -> parentOrganization."""
    resolve = found.resolve
    for token in tokens_where(found.doc, lower=_PARENT_WORDS):
        org = resolve.key(_described(token))
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        parent = resolve.key(next((c for c in of.children if c.dep_ == "pobj"), None)) if of is not None else None
        if org and parent and found.types.get(org) == ORGANIZATION and found.types.get(parent) == ORGANIZATION:
            found.add(org, "parentOrganization", parent, token, "parent-organisation")


def nationality(found: Found) -> None:
    """ "Chinese artist Ai Weiwei", "the French novelist Annie Ernaux": a demonym before a person's
    name (with at most two plain nouns between, and no title, which makes a role instead)."""
    doc, token_map = found.doc, found.resolve.token_map
    for start, person in found.resolve.person_starts:
        j = start - 1
        sent_start = doc[start].sent.start
        nouns = 0
        while j >= sent_start and doc[j].pos_ == "NOUN" and doc[j].lower_ not in TITLES and nouns < 2:
            j -= 1
            nouns += 1
        if j < sent_start or (j + 1 < start and doc[j + 1].lower_ in TITLES) or token_map.get(j):
            continue
        country = country_of_demonym(doc[j].text)
        key = found.resolve.by_name.get(name_key(country)) if country else None
        if key and found.types.get(key) == PLACE:
            found.add(person, "nationality", key, doc[start], "demonym-before-name")


def players_of_clubs(found: Found) -> None:
    """ "Madrid attacker Cristiano Ronaldo", "Bayern's Polish striker Robert Lewandowski",
    "Tottenham Hotspur midfielder Luka Modric": a club's name (or its possessive) before a
    player's position and name is the club the player is a member of (DWIE's player_of)."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for start, person in found.resolve.person_starts:
        j = start - 1
        sent_start = doc[start].sent.start
        if j <= sent_start or doc[j].lower_ not in PLAYER_POSITIONS or doc[j].pos_ != "NOUN":
            continue
        k = j - 1
        while k > sent_start and k not in token_map and doc[k].pos_ == "ADJ" and j - k <= 2:
            k -= 1  # "Polish", "veteran"
        if doc[k].tag_ == "POS":
            k -= 1
        club = token_map.get(k)
        if club and types.get(club) == ORGANIZATION:
            found.add(person, "memberOf", club, doc[j], "player-of-club")


def person_of_organisation(found: Found) -> None:
    """ "Roland Süss, of the globalization-critical network Attac", "Claudio Tarlazzi of the UIL
    Trasporti union", "Sebastian Kurz (photo) of the Austrian People's Party": a person's name, "of"
    hanging on it, and an organisation's name after at most a few describing words."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for i, person in sorted(token_map.items()):  # the last token of each person's mention
        if types.get(person) != PERSON or token_map.get(i + 1) == person:
            continue
        k = i + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        elif k < len(doc) and doc[k].text == "(":  # "(photo)", "(above right)"
            close = next((j for j in range(k + 1, min(k + 5, len(doc))) if doc[j].text == ")"), None)
            k = close + 1 if close is not None else k
        if k >= len(doc) or doc[k].lower_ != "of" or token_map.get(doc[k].head.i) != person:
            continue
        j = k + 1
        while j < len(doc) and j - k <= 5 and j not in token_map and doc[j].pos_ in ("DET", "ADJ", "NOUN", "PUNCT"):
            if doc[j].pos_ == "PUNCT" and doc[j].text != "-":
                break
            j += 1
        org = token_map.get(j)
        if not org or types.get(org) != ORGANIZATION:
            continue
        after = _name_end(doc, j, token_map) + 1
        if after < len(doc) and (doc[after].text == "-" or doc[after].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")):
            # the name modifies what follows ("the Google-backed startup Nextdoor", "the Samsung
            # founding family"), unless that is the organisation's kind ("the UIL Trasporti union")
            noun = next((t for t in doc[after : after + 3] if t.pos_ == "NOUN"), None)
            if doc[after].text == "-" or noun is None or noun.lower_ not in _ORGANISATION_KINDS:
                continue
        found.add(person, "memberOf", org, doc[k], "person-of-organisation")


def accounts(found: Found) -> None:
    """ "Liu Xiaoming's Twitter account", "his Twitter account", "her account on Instagram": the
    owner has an account on the platform."""
    resolve = found.resolve
    for token in tokens_where(found.doc, lower=_ACCOUNT_WORDS):
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        platform = next(
            (k for c in token.children if c.dep_ in ("compound", "nmod") for k in [resolve.key(c)] if k), None
        )
        if platform is None:
            on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on"), None)
            platform = resolve.key(next((c for c in on.children if c.dep_ == "pobj"), None)) if on is not None else None
        if platform is None or found.types.get(platform) != ORGANIZATION:
            continue
        owner, sure = resolve.entity(next((c for c in token.children if c.dep_ == "poss"), None))
        if owner and found.types.get(owner) in (PERSON, ORGANIZATION):
            found.add(owner, "has-account-on", platform, token, "account-of", sure)


def family(found: Found) -> None:
    """ "his wife Michelle Obama", "Bill Clinton's wife, Hillary Clinton", "Hillary Clinton, Bill
    Clinton's wife", "Prince Charles's mother Queen Elizabeth": a family noun with its owner (a
    possessive) and the relative it names (in apposition) -> spouse, children or sibling."""
    resolve = found.resolve
    for token in tokens_where(found.doc, lower=_FAMILY_WORDS):
        if token.pos_ != "NOUN":
            continue
        owner, sure = resolve.entity(next((c for c in token.children if c.dep_ == "poss"), None))
        relative = resolve.key(_described(token)) or next(
            (k for c in token.children if c.dep_ == "appos" for k in [resolve.key(c)] if k), None
        )  # "Hillary Clinton, Bill Clinton's wife" / "Bill Clinton's wife, Hillary Clinton"
        if not owner or not relative or found.types.get(owner) != PERSON or found.types.get(relative) != PERSON:
            continue
        kin = FAMILY[token.lower_]
        if kin == "parent":  # "Charles's mother Elizabeth": Elizabeth is Charles's parent
            found.add(relative, "children", owner, token, "family-noun", sure)
        else:
            found.add(owner, kin, relative, token, "family-noun", sure)


def _mission_country(name: str, by_name: dict[str, str]) -> str | None:
    """The key of the country whose embassy (consulate, mission) this is: "Chinese Embassy",
    "Embassy of China", "the US embassy"; None when the article does not name that country."""
    key = name_key(name)
    for noun in MISSIONS:
        if key.endswith(" " + noun):
            country = key[: -len(noun) - 1]
            return by_name.get(name_key(country_of_demonym(country) or country))
        for prep in (" of ", " to "):
            if key.startswith(noun + prep):
                return by_name.get(name_key(key[len(noun) + len(prep) :]))
    return None


def _first_token(found: Found, key: str, near: str | None = None) -> Token:
    """The entity's first mention, or its first in a sentence that also names `near`."""
    tokens = sorted(i for i, k in found.resolve.token_map.items() if k == key)
    if near is not None:
        near_sents = {found.doc[i].sent.start for i, k in found.resolve.token_map.items() if k == near}
        both = [i for i in tokens if found.doc[i].sent.start in near_sents]
        tokens = both or tokens
    return found.doc[tokens[0]]


def missions(found: Found) -> None:
    """An embassy belongs to the country it represents ("the Chinese Embassy" -> China), and an
    ambassador (envoy, consul) of a country works for its embassy named in the article; with no
    country stated, for the one embassy the article names."""
    by_name, types = found.resolve.by_name, found.types
    embassies = {}
    for key, name in found.resolve.names.items():
        if types.get(key) == ORGANIZATION and any(
            name_key(name).split()[-1:] == [n] or name_key(name).startswith(n) for n in MISSIONS
        ):
            country = _mission_country(name, by_name)
            embassies[key] = country
            if country and types.get(country) == PLACE:
                found.add(key, "parentOrganization", country, _first_token(found, key, country), "embassy-of-country")
    if not embassies:
        return
    for (person, name, value, _), attribute in sorted(found.attributes.items()):
        if name != "jobTitle" or not DIPLOMATS & set(value.split()) or types.get(person) != PERSON:
            continue
        origins = {r.object for r in found.relations.values() if r.subject == person and r.predicate.endswith("-of")}
        matching = [e for e, c in embassies.items() if c and c in origins]
        target, sure = (
            (matching[0], 1.0)
            if len(matching) == 1
            else (next(iter(embassies)), 0.8)
            if len(embassies) == 1 and not matching
            else (None, 0.0)
        )
        if target:
            span = found.doc.char_span(attribute.start, attribute.end, alignment_mode="expand")
            found.add(person, "worksFor", target, span[0], "ambassador-at-embassy", sure)


# --- verbs ----------------------------------------------------------------------------------


def verbs(found: Found) -> None:
    """Subject, verb and object (or preposition and its object, or a passive's agent)."""
    resolve = found.resolve
    for verb in tokens_where(found.doc, pos=_VERB):
        if lemma(verb) in SKIP_VERBS or negated(verb):
            continue
        subj_token = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj_token is None and verb.dep_ == "conj":
            subj_token = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        subject, s_conf = resolve.entity(subj_token)
        if not subject:
            continue
        word = verb.text.lower() if verb.tag_ in ("VBD", "VBN") else lemma(verb).lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        passive = subj_token is not None and subj_token.dep_ == "nsubjpass"
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                obj, o_conf = resolve.entity(child)
                found.add(subject, phrase_key(word, particle), obj, verb, "verb-object", s_conf, o_conf)
            elif child.dep_ == "agent" and passive:  # "Twitter was urged by the embassy": the embassy urged
                agent, a_conf = resolve.entity(next((c for c in child.children if c.dep_ == "pobj"), None))
                found.add(
                    agent,
                    phrase_key(past_tense(lemma(verb).lower()), particle),
                    subject,
                    verb,
                    "passive-agent",
                    s_conf,
                    a_conf,
                )
            elif child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                obj, o_conf = resolve.entity(pobj)
                if obj:
                    found.add(
                        subject, phrase_key(word, particle, child.lower_), obj, verb, "verb-preposition", s_conf, o_conf
                    )


# --- places ---------------------------------------------------------------------------------


def places(found: Found) -> None:
    """ "the Chinese Embassy in London" (location), "Shanghai, China" (containedInPlace)."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for i, key in sorted(token_map.items()):
        token = doc[i]
        if token_map.get(token.head.i) == key:
            continue  # only the head token of a mention
        kind = types.get(key)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                other = found.resolve.key(pobj)
                if other and types.get(other) == PLACE:
                    pred = {PLACE: "containedInPlace", ORGANIZATION: "location"}.get(kind)
                    if pred:
                        found.add(key, pred, other, token, "in-place")
            elif child.dep_ == "appos" and kind == PLACE and child.i > 0 and doc[child.i - 1].text == ",":
                other = token_map.get(child.i)
                if other and types.get(other) == PLACE:
                    found.add(key, "containedInPlace", other, token, "place-comma-place")


_BASED_WORDS = word_ids({"based", "headquartered"})
_NOT_IN_NAME = pos_ids(("VERB", "AUX", "ADP", "PUNCT", "PRON", "CCONJ"))


def _name_end(doc: Doc, start: int, token_map: dict[int, str]) -> int:
    """The last token of the entity mention that starts at `start`."""
    end, key = start, token_map.get(start)
    while key is not None and end + 1 < len(doc) and token_map.get(end + 1) == key:
        end += 1
    return end


def _name_start(end: int, token_map: dict[int, str]) -> int:
    """The first token of the entity mention that ends at `end`."""
    start, key = end, token_map.get(end)
    while key is not None and start > 0 and token_map.get(start - 1) == key:
        start -= 1
    return start


def _is_mission(name: str) -> bool:
    """An embassy, consulate or mission, which is abroad ("Britain's High Commission")."""
    name = " " + name.lower()
    return any(name.endswith(" " + m) for m in MISSIONS)


def based_in(found: Found) -> None:
    """ "the Berlin-based watchdog Transparency International" -> the organisation's location
    ("Siemens, which is based in Munich" is a verb with its preposition: `verbs`; "the London-based
    Deutsche Bank analyst" is the analyst, not the bank)."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for token in tokens_where(doc, lower=_BASED_WORDS):
        if token.i < 2 or doc[token.i - 1].text != "-":
            continue
        place, org = token_map.get(token.i - 2), None
        for j in range(token.i + 1, min(token.i + 6, token.sent.end)):  # "<place>-based <words> <organisation>"
            if j in token_map:
                after = _name_end(doc, j, token_map) + 1
                org = token_map[j] if after >= len(doc) or doc[after].pos_ not in ("NOUN", "PROPN") else None
                break
            if doc[j].pos in _NOT_IN_NAME:
                break
        if org and place and types.get(org) == ORGANIZATION and types.get(place) == PLACE:
            found.add(org, "location", place, token, "based-in")


def possessive_place(found: Found) -> None:
    """ "Germany's Foreign Ministry", "Turin's La Stampa", "London's Financial Times": a place's
    possessive right before an organisation's name is where it is. Not a mission ("Britain's High
    Commission in Delhi" is abroad), not the platform of an account ("the UK's Twitter account"),
    not half of a place the NER split ("Trinidad and Tobago's Petrotrin")."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for i, place in sorted(token_map.items()):  # the last token of each place's mention
        if types.get(place) != PLACE or token_map.get(i + 1) == place or i + 2 >= len(doc):
            continue
        token = doc[i + 1]
        org = token_map.get(i + 2)
        if token.tag_ != "POS" or i + 1 in token_map or not org or types.get(org) != ORGANIZATION:
            continue  # no possessive; one inside a name: "China's UK embassy"
        first = _name_start(i, token_map)
        if first > 0 and doc[first - 1].lower_ in ("and", "&"):
            continue
        end = _name_end(doc, token.i + 1, token_map)
        if _is_mission(doc[token.i + 1 : end + 1].text):
            continue
        if end + 1 < len(doc) and doc[end + 1].lower_ in ACCOUNT_NOUNS:
            continue
        found.add(org, "location", place, token, "place-possessive")


def organisation_of_place(found: Found) -> None:
    """ "OMV of Austria, MOL of Hungary": an organisation's name, "of" and a place that ends the
    phrase is where it is (not a mission: "the Embassy of Japan" is abroad; not "... of
    Germany's", a possessive of something else)."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for i, org in sorted(token_map.items()):  # the last token of each organisation's mention
        if types.get(org) != ORGANIZATION or token_map.get(i + 1) == org or i + 2 >= len(doc):
            continue
        of = doc[i + 1]
        if of.lower_ != "of" or of.head.i > i or token_map.get(of.head.i) != org:
            continue  # "of" must hang on the organisation's name
        j = i + 2 + (doc[i + 2].lower_ == "the")
        place = token_map.get(j)
        if not place or types.get(place) != PLACE:
            continue
        end = _name_end(doc, j, token_map)
        after = doc[end + 1] if end + 1 < len(doc) else None
        if after is not None and (after.tag_ == "POS" or after.pos_ in ("NOUN", "PROPN")):
            continue  # the place modifies what follows: "of Germany's cities", "of Berlin police"
        if _is_mission(doc[_name_start(i, token_map) : i + 1].text):
            continue
        found.add(org, "location", place, of, "organisation-of-place")


# what an organisation is said to be, when a place owns it ("Tabcorp, Australia's largest
# bookmaker"); not what it is to another ("the EU, Russia's biggest trading partner", "the IMF,
# Greece's biggest lender", "Gazprom, Europe's biggest gas supplier": not "lender")
_ORGANISATION_KINDS = ORGANISATION_NOUNS - {"lender"} | {
    "bookmaker", "utility", "producer", "club", "party", "union", "university", "institute", "exchange",
    "group", "organisation", "organization", "publisher",
}  # fmt: skip
_ORGANISATION_KIND_IDS = word_ids(_ORGANISATION_KINDS)


def described_by_place(found: Found) -> None:
    """ "Tabcorp, Australia's largest bookmaker", "Epikaira, a weekly Athens magazine", "Tabcorp
    is Australia's largest bookmaker": an organisation described (`_described`) by a noun of its
    kind that a place owns or qualifies is there."""
    resolve, types = found.resolve, found.types
    for noun in tokens_where(found.doc, lower=_ORGANISATION_KIND_IDS):
        if noun.pos_ != "NOUN":
            continue
        org = resolve.key(_described(noun))
        if not org or types.get(org) != ORGANIZATION:
            continue
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "nmod") and child.i < noun.i:
                place = resolve.token_map.get(child.i)
                if place and types.get(place) == PLACE:
                    found.add(org, "location", place, noun, "described-by-place")
                    break


def places_in_sequence(found: Found) -> None:
    """ "Camps in Xinjiang in China": a place, "in", a place, whatever the parser attached them to."""
    doc, token_map, types = found.doc, found.resolve.token_map, found.types
    for i, key in sorted(token_map.items()):
        if types.get(key) != PLACE or token_map.get(i + 1) == key:
            continue  # the last token of a place mention
        j = i + 1
        if j + 1 < len(doc) and doc[j].lower_ == "in" and doc[j].sent.start == doc[i].sent.start:
            k = j + 1 + (doc[j + 1].lower_ == "the")
            other = token_map.get(k)
            if other and other != key and types.get(other) == PLACE:
                found.add(key, "containedInPlace", other, doc[i], "place-in-place")


PATTERNS: tuple[Callable[[Found], None], ...] = (
    titles_before_names,
    parent_organisations,
    roles_by_parse,
    nationality,
    person_of_organisation,
    players_of_clubs,
    accounts,
    family,
    missions,
    verbs,
    places,
    based_in,
    possessive_place,
    organisation_of_place,
    described_by_place,
    places_in_sequence,
)


def extract_relations(
    doc: Doc, entities: list[Entity], token_map: dict[int, str]
) -> tuple[list[Relation], list[Attribute]]:
    """All relations and attributes that the patterns find in one parsed article."""
    found = Found(doc, Resolver(doc, entities, token_map))
    for pattern in PATTERNS:
        pattern(found)
    relations = sorted(found.relations.values(), key=lambda x: (x.start, x.subject, x.predicate, x.object))
    attributes = sorted(found.attributes.values(), key=lambda x: (x.start, x.entity, x.value))
    return relations, attributes
