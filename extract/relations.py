"""Typed relations between one article's entities, read from the parse and the entity spans.

Patterns (each keeps its sentence as evidence and a confidence for how far it can be trusted):
- role before a name: "Chinese Ambassador to the UK Liu Xiaoming", "China's ambassador Liu"
  -> jobTitle "ambassador", "ambassador of" China, "ambassador to" United Kingdom;
- role by copula, apposition or "as": "Jeff Stone is the editor-in-chief of CyberScoop",
  "As ambassador to the U.K., Liu said", "He worked as an editor at the Wall Street Journal";
- verbs between two entities, with their preposition and voice: "The Embassy has reported this
  to Twitter" (reported to), "Twitter is banned in China" (banned in), "urged Twitter" (urged);
  negated verbs give nothing;
- place: "the Chinese Embassy in London" (location), "Shanghai, China" (containedInPlace).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from .facts import ORGANIZATION, PERSON, PLACE, Attribute, Entity, Relation
from .identity import name_key
from .names import TITLES, country_of_demonym
from .predicates import past_tense, phrase_key, schema_for
from .tokens import pos_ids, tokens_where, word_ids

ROLE_PREPS = ("to", "of", "for", "at", "with")
ORG_NOUNS = frozenset({"company", "firm", "corporation", "group", "platform", "network", "party"})
MEMBER_NOUNS = frozenset({"member", "members"})
PARENT_NOUNS = frozenset({"subsidiary", "unit", "division", "arm", "affiliate", "branch", "part"})
_ROLE_WORDS = word_ids(PARENT_NOUNS | TITLES | MEMBER_NOUNS)  # what roles_by_parse looks at
_VERB = pos_ids(("VERB",))
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SKIP_VERBS = frozenset({"be", "say", "have", "do", "tell"})
PRONOUNS = frozenset({"he", "him", "she", "her"})


def sentence_of(token: Token) -> tuple[str, int, int]:
    """The token's sentence without surrounding whitespace, and its character offsets in the Doc."""
    sent = token.sent
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return text, start, start + len(text)


class Relations:
    """Collects the relations and attributes of one Doc."""

    def __init__(self, doc: Doc, entities: list[Entity], token_map: dict[int, str]):
        self.doc = doc
        self.token_map = token_map
        self.types = {e.key: e.type for e in entities}
        self.by_name = {name_key(e.name): e.key for e in entities}
        self.relations: dict[tuple, Relation] = {}
        self.attributes: dict[tuple, Attribute] = {}
        self.mention_starts = sorted(
            (i, key) for i, key in token_map.items()
            if (i == 0 or token_map.get(i - 1) != key) and self.types.get(key) == PERSON
        )

    # --- helpers --------------------------------------------------------------------------
    def entity(self, token: Token | None, allow_pronoun: bool = True) -> tuple[str | None, float]:
        """The entity a token stands for, and how sure we are (pronouns are guesses)."""
        if token is None:
            return None, 0.0
        key = self.token_map.get(token.i)
        if key:
            return key, 1.0
        if token.lower_ in ORG_NOUNS:
            for child in token.children:
                if child.dep_ == "compound" and child.i in self.token_map:
                    return self.token_map[child.i], 0.9
        if token.lower_ == "latter" and any(c.lower_ == "the" for c in token.children):
            before = [key for i, key in sorted(self.token_map.items()) if token.sent.start <= i < token.i]
            if before:
                return before[-1], 0.8
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":  # "Microsoft, which is based"
            return self.entity(token.head.head, allow_pronoun=False)
        if allow_pronoun and token.lower_ in PRONOUNS and token.pos_ == "PRON":
            previous = [key for i, key in self.mention_starts if i < token.i]
            if previous:
                return previous[-1], 0.7
        return None, 0.0

    def add(self, subject: str | None, key: str, obj: str | None, token: Token, confidence: float, rule: str):
        if not subject or not obj or subject == obj or not key:
            return
        key = schema_for(key, self.types.get(subject, ""), self.types.get(obj, ""))
        text, start, end = sentence_of(token)
        rel = Relation(subject=subject, predicate=key, object=obj, sentence=text,
                       start=start, end=end, confidence=round(confidence, 3), rule=rule)
        index = (subject, key, obj, start)
        if index not in self.relations or self.relations[index].confidence < rel.confidence:
            self.relations[index] = rel

    def attribute(self, entity: str, name: str, value: str, token: Token):
        text, start, end = sentence_of(token)
        self.attributes.setdefault((entity, name, value.lower(), start), Attribute(
            entity=entity, name=name, value=value.lower(), sentence=text, start=start, end=end))

    # --- roles ----------------------------------------------------------------------------
    def role(self, person: str, title_tokens: list[Token], origin: str | None, target: str | None,
             prep: str, anchor: Token, confidence: float, rule: str):
        title = " ".join(t.text for t in title_tokens).replace(" - ", "-").lower()
        if title in MEMBER_NOUNS:  # "a member of the Labour Party" is membership, not a job
            if target and self.types.get(target) == ORGANIZATION and prep == "of":
                self.add(person, "memberOf", target, anchor, confidence, rule)
            return
        if title:
            self.attribute(person, "jobTitle", title, anchor)
        for other, word in ((origin, "of"), (target, prep)):
            if not other:
                continue
            if self.types.get(other) == ORGANIZATION and word in ("of", "at", "for", "with"):
                self.add(person, "worksFor", other, anchor, confidence, rule)
            elif title:
                self.add(person, phrase_key(title, word), other, anchor, confidence, rule)

    def titles_before_names(self):
        doc = self.doc
        for start, person in self.mention_starts:
            j = start - 1
            sent_start = doc[start].sent.start
            target, prep = None, ""
            if j >= sent_start and self.token_map.get(j) and self.types.get(self.token_map[j]) in (PLACE, ORGANIZATION):
                other = self.token_map[j]
                k = j
                while k - 1 >= sent_start and self.token_map.get(k - 1) == other:
                    k -= 1
                k -= 1
                if k >= sent_start and doc[k].lower_ == "the":
                    k -= 1
                if k >= sent_start and doc[k].lower_ in ROLE_PREPS:
                    target, prep, j = other, doc[k].lower_, k - 1
            titles: list[Token] = []
            while j >= sent_start and (doc[j].lower_ in TITLES or doc[j].text in ("-",)):
                titles.insert(0, doc[j])
                j -= 1
            if not titles:
                continue
            origin = None
            if j >= sent_start and country_of_demonym(doc[j].text):
                origin = self.by_name.get(name_key(country_of_demonym(doc[j].text)))
            elif j - 1 >= sent_start and doc[j].tag_ == "POS" and self.token_map.get(j - 1):
                origin = self.token_map[j - 1]
            self.role(person, titles, origin, target, prep, doc[start], 0.9, "title-before-name")

    def roles_by_parse(self):
        """Copula ("X is the editor of Y"), apposition ("X, editor of Y") and "as" roles."""
        for token in tokens_where(self.doc, lower=_ROLE_WORDS):
            if token.lower_ in PARENT_NOUNS:
                self.parent_organisation(token)
            if (token.lower_ not in TITLES and token.lower_ not in MEMBER_NOUNS) or token.pos_ not in ("NOUN", "PROPN"):
                continue
            person, conf, rule = None, 0.0, ""
            head = token.head
            if token.dep_ == "attr" and head.lemma_ == "be":
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                (person, conf), rule = self.entity(subj), "copula-role"
            elif token.dep_ == "appos":
                (person, conf), rule = self.entity(head, allow_pronoun=False), "apposition-role"
            elif token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
                verb = head.head
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                (person, conf), rule = self.entity(subj), "as-role"
            if not person or self.types.get(person) != PERSON:
                continue
            titles = [token]
            nxt = token.nbor(1) if token.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.text == "-" and token.i + 4 < len(self.doc) \
                    and self.doc[token.i + 4].lower_ == "chief":
                titles = list(self.doc[token.i:token.i + 5])  # editor-in-chief
            origin = None
            for child in token.children:
                if child.dep_ == "poss":
                    origin = self.entity(child, allow_pronoun=False)[0]
            target, prep = None, ""
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS]
            if token.dep_ == "pobj":  # "worked as an editor at X": the place of work hangs on the verb
                preps += [c for c in token.head.head.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS]
            for p in preps:
                obj = next((c for c in p.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ == "chief":
                    preps += [c for c in obj.children if c.dep_ == "prep"]
                    continue
                found = self.entity(obj, allow_pronoun=False)[0]
                if found:
                    target, prep = found, p.lower_
                    break
            self.role(person, titles, origin, target, prep, token, 0.85 * conf, rule)

    def parent_organisation(self, token: Token):
        """"YouTube, a subsidiary of Google" / "YouTube is a unit of Google" -> parentOrganization."""
        head = token.head
        if token.dep_ == "appos":
            child = head
        elif token.dep_ == "attr" and head.lemma_ == "be":
            child = next((c for c in head.children if c.dep_ == "nsubj"), None)
        else:
            return
        org = self.entity(child, allow_pronoun=False)[0]
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        parent = self.entity(next((c for c in of.children if c.dep_ == "pobj"), None), allow_pronoun=False)[0] \
            if of is not None else None
        if org and parent and self.types.get(org) == ORGANIZATION and self.types.get(parent) == ORGANIZATION:
            self.add(org, "parentOrganization", parent, token, 0.8, "parent-organisation")

    def nationality(self):
        """"Chinese artist Ai Weiwei", "the French novelist Annie Ernaux": a demonym before a person's
        name (with at most two plain nouns between, and no title, which makes a role instead)."""
        doc = self.doc
        for start, person in self.mention_starts:
            j = start - 1
            sent_start = doc[start].sent.start
            nouns = 0
            while j >= sent_start and doc[j].pos_ == "NOUN" and doc[j].lower_ not in TITLES and nouns < 2:
                j -= 1
                nouns += 1
            if j < sent_start or (j + 1 < start and doc[j + 1].lower_ in TITLES) or self.token_map.get(j):
                continue
            country = country_of_demonym(doc[j].text)
            key = self.by_name.get(name_key(country)) if country else None
            if key and self.types.get(key) == PLACE:
                self.add(person, "nationality", key, doc[start], 0.75, "demonym-before-name")

    # --- verbs ----------------------------------------------------------------------------
    def verbs(self):
        for verb in tokens_where(self.doc, pos=_VERB):
            if verb.lemma_ in SKIP_VERBS or negated(verb):
                continue
            subj_token = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj_token is None and verb.dep_ == "conj":
                subj_token = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            subject, s_conf = self.entity(subj_token)
            if not subject:
                continue
            word = verb.text.lower() if verb.tag_ in ("VBD", "VBN") else verb.lemma_.lower()
            particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
            passive = subj_token is not None and subj_token.dep_ == "nsubjpass"
            for child in verb.children:
                if child.dep_ in ("dobj", "dative"):
                    obj, o_conf = self.entity(child)
                    self.add(subject, phrase_key(word, particle), obj, verb, 0.8 * s_conf * o_conf, "verb-object")
                elif child.dep_ == "agent" and passive:  # "Twitter was urged by the embassy": the embassy urged
                    agent, a_conf = self.entity(next((c for c in child.children if c.dep_ == "pobj"), None))
                    self.add(agent, phrase_key(past_tense(verb.lemma_.lower()), particle), subject, verb,
                             0.75 * s_conf * a_conf, "passive-agent")
                elif child.dep_ == "prep":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    obj, o_conf = self.entity(pobj)
                    if obj:
                        self.add(subject, phrase_key(word, particle, child.lower_), obj, verb,
                                 0.7 * s_conf * o_conf, "verb-preposition")

    # --- places ---------------------------------------------------------------------------
    def places(self):
        for i, key in sorted(self.token_map.items()):
            token = self.doc[i]
            if self.token_map.get(token.head.i) == key:
                continue  # only the head token of a mention
            kind = self.types.get(key)
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "in":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    other = self.entity(pobj, allow_pronoun=False)[0]
                    if other and self.types.get(other) == PLACE:
                        pred = {PLACE: "containedInPlace", ORGANIZATION: "location"}.get(kind)
                        if pred:
                            self.add(key, pred, other, token, 0.8, "in-place")
                elif child.dep_ == "appos" and kind == PLACE and child.i > 0 and self.doc[child.i - 1].text == ",":
                    other = self.token_map.get(child.i)
                    if other and self.types.get(other) == PLACE:
                        self.add(key, "containedInPlace", other, token, 0.85, "place-comma-place")


    def places_in_sequence(self):
        """"Camps in Xinjiang in China": a place, "in", a place, whatever the parser attached them to."""
        doc = self.doc
        for i, key in sorted(self.token_map.items()):
            if self.types.get(key) != PLACE or self.token_map.get(i + 1) == key:
                continue  # the last token of a place mention
            j = i + 1
            if j + 1 < len(doc) and doc[j].lower_ == "in" and doc[j].sent.start == doc[i].sent.start:
                k = j + 1 + (doc[j + 1].lower_ == "the")
                other = self.token_map.get(k)
                if other and other != key and self.types.get(other) == PLACE:
                    self.add(key, "containedInPlace", other, doc[i], 0.7, "place-in-place")


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def extract_relations(doc: Doc, entities: list[Entity], token_map: dict[int, str]
                      ) -> tuple[list[Relation], list[Attribute]]:
    """All relations and attributes that the patterns find in one parsed article."""
    r = Relations(doc, entities, token_map)
    steps: list[Callable[[], None]] = [r.titles_before_names, r.roles_by_parse, r.nationality, r.verbs,
                                       r.places, r.places_in_sequence]
    for step in steps:
        step()
    relations = sorted(r.relations.values(), key=lambda x: (x.start, x.subject, x.predicate, x.object))
    attributes = sorted(r.attributes.values(), key=lambda x: (x.start, x.entity, x.value))
    return relations, attributes
