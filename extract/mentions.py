"""Find entity mentions in a parsed Doc and clean them: clean spans, mapped types, no junk.

A mention is a plain `Found` record (token and character offsets, cleaned text, type); the
clustering in `coref.py` turns them into entities. Besides the model's named entities this finds
institutional nominals ("the embassy", "China's UK embassy") that the NER does not tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .facts import ORGANIZATION, PERSON, PLACE
from .identity import abbreviates, name_key
from .names import (
    CONTINENTS,
    COUNTRIES,
    DEMONYMS,
    GEOGRAPHIC_NOUNS,
    HONORIFICS,
    LANGUAGES,
    LEADING_JUNK,
    LOWER_CASE_AGENCIES,
    NAME_PARTICLES,
    ORGANISATION_COUNTRY,
    ORGANISATION_HEADS,
    PERSON_DESCRIBERS,
    PERSON_NOUNS,
    PORTFOLIO_WORDS,
    REGION_COUNTRY,
    STATE_ABBREVIATIONS,
    TITLES,
    country_of_demonym,
    fold,
    is_known_place,
    is_people_noun,
)
from .sport import (
    CLUB_WORDS,
    SCORE,
    VERSUS,
    is_club,
    is_club_name,
    is_competition,
    names_an_event,
    names_sport,
    sport_sentence,
)
from .tokens import lemma, pos_ids, tokens_where, word_ids

LABEL_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
# Labels the model sometimes gives a name it tags properly elsewhere ("Twitter" as PRODUCT).
WEAK_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "NORP"})
# Parties the news names by their members ("the Greens", "the Tories"), which the NER calls a
# nationality or group (NORP): organisations.
PARTY_NICKNAMES = frozenset(
    {
        "greens", "tories", "conservatives", "republicans", "democrats", "social democrats",
        "christian democrats", "free democrats", "liberal democrats", "lib dems", "socialists",
        "christian social union", "sinn fein", "labour", "lib dem", "ukip", "snp",
    }
)  # fmt: skip
# A government portfolio tagged as an organisation on its own is a fragment: the word after it
# makes it the name of an office ("State Department", "Finance Ministry"), or of an office
# holder ("Interior Minister": no organisation).
PORTFOLIOS = frozenset(
    {
        "state",
        "interior",
        "defense",
        "defence",
        "finance",
        "foreign",
        "justice",
        "economy",
        "economics",
        "health",
        "education",
        "environment",
        "labor",
        "labour",
        "treasury",
        "transport",
        "agriculture",
        "energy",
        "trade",
        "home",
        "culture",
        "development",
        "war",
        "commerce",
    }
)
OFFICE_HOLDERS = frozenset({"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chief", "head"})
OFFICE_WORDS = OFFICE_HOLDERS | {"department", "ministry", "office", "committee", "agency"}
PORTFOLIO_HOLDERS = OFFICE_HOLDERS | {"commissioner"}
# the last words of many organisations' names that no commissioner's portfolio ends with ("UN
# Security Council", "UK Independence Party", "US Navy"); narrower than names.ORGANISATION_HEADS,
# whose "media", "services" and "government" are portfolios too ("EU Media Commissioner")
NEVER_PORTFOLIOS = (OFFICE_WORDS - OFFICE_HOLDERS) | frozenset(
    """council party league force navy army service union bank court assembly parliament
    commission board authority police guard""".split()
)
NOT_NAMES = frozenset({"new", "former", "acting", "shadow", "interim", "deputy", "junior"})
# Nouns naming an institution of a country; "the embassy" refers back to a named one.
INSTITUTIONS = frozenset({"embassy", "consulate"})
_INSTITUTION_IDS = word_ids(INSTITUTIONS)
_NOUNS = pos_ids(("NOUN", "PROPN"))
_COUNTRY_ADJECTIVE = {
    country: demonym.title()
    for demonym, country in reversed(DEMONYMS.items())
    if "." not in demonym and demonym != "us"
}


@dataclass
class Found:
    """One mention while the article is being processed (token offsets for the parse)."""

    start: int  # token offsets, end exclusive
    end: int
    text: str  # cleaned surface form, as written
    label: str  # model label, or NOMINAL / INSTITUTION for rule mentions
    type: str
    form: str = ""  # with a preceding honorific, as written ("Mr Liu")
    name: str = ""  # a better name when the surface form is not one ("China's UK embassy")
    kind: str = "name"  # name | nominal | weak
    context: bool = False  # typed by what the sentence says of it, not by the NER label
    parenthesised: bool = False  # stands alone in parentheses: "Australian Securities Exchange (ASX)"

    @property
    def words(self) -> int:
        return len((self.name or self.text).split())


def find_mentions(doc: Doc) -> list[Found]:
    """Every person, organisation and place mention in the Doc, cleaned, in text order."""
    found: list[Found] = []
    taken: set[int] = set()
    works: set[str] = set()  # the name keys of titles of films, shows, books, albums
    for ent, listed in (
        (part, len(items) > 1)
        for tagged in doc.ents
        for items in [_split_list(_relabel(_whole_party_name(tagged)))]
        for item in items
        for piece in _split_separated(item)
        for part in _split_coordination(piece)
    ):
        if ent.label_ not in LABEL_TYPES and ent.label_ not in WEAK_LABELS:
            continue
        span = clean_span(ent)
        if span is None or is_competition(span.text) or is_award(span) or names_an_event(span) or _an_index(span):
            continue
        if is_work(span):
            works.add(name_key(span.text))
            continue
        span = _whole_defined_name(_whole_club_name(span))
        if ent.label_ == "PRODUCT" and name_key(span.text) in ORGANISATION_COUNTRY:
            ent = span = Span(doc, span.start, span.end, label="ORG")  # "took to Twitter": the company's name
        if taken.intersection(range(span.start, span.end)):
            continue  # inside a name found whole: "Yugoslavia" of "the Tribunal for the former Yugoslavia (ICTY)"
        if ent.label_ in WEAK_LABELS or listed or _used_as_no_name(span):  # counts only if tagged elsewhere
            found.append(Found(span.start, span.end, fold(span.text), ent.label_, "", kind="weak"))
            taken.update(range(span.start, span.end))
            continue
        if span[-1].lower_ in INSTITUTIONS and len(span) == 1:
            found.append(Found(span.start, span.end, span.text, "NOMINAL", ORGANIZATION, kind="nominal"))
        else:
            label = span.label_  # the NER's, or what cleaning found it is ("UK" of "UK Home Secretary")
            said = context_type(span)
            if said == PERSON and ent.label_ != "PERSON":  # trim its title as a person's
                span = clean_span(Span(doc, ent.start, ent.end, label="PERSON")) or span
            found.append(
                Found(
                    span.start,
                    span.end,
                    fold(span.text),
                    label,
                    said or LABEL_TYPES[label],
                    form=_with_honorific(span),
                    context=said is not None,
                )
            )
        taken.update(range(span.start, span.end))
    if works:  # a title named as a work once is that work wherever the article names it
        found = [f for f in found if name_key(f.text) not in works]
    _clubs_in_lists(doc, found)
    for token in tokens_where(doc, lower=_INSTITUTION_IDS, pos=_NOUNS):
        if token.i not in taken:
            found.append(_institution(doc, token))
    found.sort(key=lambda f: (f.start, f.end))
    for f in found:
        f.parenthesised = 0 < f.start and f.end < len(doc) and doc[f.start - 1].text == "(" and doc[f.end].text == ")"
    return found


# An award is a thing won, not a person, organisation or place ("the Brownlow Medal", "an Oscar").
_AWARD = re.compile(r"(?:.+\s)?(?:awards?|prizes?|medals?|trophy|trophies)|golden globes?", re.IGNORECASE)
# awards named by one word that is also a first name ("Oscar Niemeyer", "Emmy Rossum")
_AWARD_WORDS = re.compile(r"(?:oscar|emmy|grammy|bafta)(s?)", re.IGNORECASE)
# nouns an award's name says what kind of thing they are ("Oscar hopefuls", "Oscar-nominated")
_AWARD_KINDS = frozenset({"hopefuls", "nominee", "nominees", "winner", "winners", "nominated", "ceremony", "glory"})
# the categories an award is named after ("the best actress Oscar")
_AWARD_CATEGORIES = frozenset({"actor", "actress", "director", "picture", "film", "song", "screenplay", "album"})
# Products named the way Apple names them ("iPod", "iPhone", "iTunes"), which the NER calls organisations
_PRODUCT = frozenset(
    {"iPod", "iPods", "iPhone", "iPhones", "iPad", "iPads", "iTunes", "iMac", "iMacs", "iCloud", "iPlayer"}
)
# nouns after which an adjective-like name is a place's ("the Atlantic coast", "a Caribbean island")
_PLACE_AFTER_ADJECTIVE = GEOGRAPHIC_NOUNS | {"coast", "island", "islands", "region", "shore", "seaboard", "basin"}
# Groups of nations named by their number ("the G8", "G-20"), which the NER tags as anything
_GROUP_OF_NATIONS = re.compile(r"G-?(?:7|8|20|77)")
# Papers a government puts before a parliament, which the NER tags as names in British news
_DOCUMENTS = frozenset({"budget", "budgets", "bill", "white paper", "green paper"})
# The endings of adjectives made from names ("Napoleonic", "Baltic", "Socialist", "Welsh").
_ADJECTIVE_ENDING = re.compile(r"(?:ic|al|an|ese|ish|sh|ern|ist)$")


def _an_index(span: Span) -> bool:
    """A share index named after its publisher: "the Dow Jones index", "the Nikkei index"."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("index", "indices", "indexes")


def is_work(span: Span) -> bool:
    """The title of a work, not a person, organisation or place: a kind of work right before it
    ("gangster flick Bugsy", "the award-winning film Being Julia", "soap operas Knots Landing"),
    also for the names listed after the first ("soap operas Knots Landing, Falcon Crest"), or a
    part in it ("her starring role in Bugsy", "starred in Sideways")."""
    doc = span.doc
    if is_known_place(name_key(span.text)) or is_club_name(span.text):
        return False  # "In open play Arsenal were", "a star in Europe": the name stays what it is
    root = first = span.root
    owner = span.end < len(doc) and doc[span.end].tag_ == "POS"  # "biopic Ray and Mike Leigh's drama"
    while first.dep_ == "conj" and first.head.i < first.i and not owner:  # "soap operas Knots Landing, Falcon Crest"
        first = first.head
    start = span.start if first is root else first.i
    while start > 0 and doc[start].ent_iob_ == "I":  # where the first of the list begins
        start -= 1
    if start > 0:
        before = doc[start - 1]
        if before.pos_ == "NOUN" and before.lower_ in WORK_NOUNS and _joined(before, first):
            return True
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "in":
        return False
    part = head.head  # "starred in Sideways", "her starring role in Bugsy" (not "a role in Europe")
    return (
        part.pos_ == "VERB"
        and lemma(part).lower() == "star"
        or part.lower_ in ("role", "roles")
        and any(c.lower_ in _LEADING_PARTS for c in part.children)
    )


def _joined(noun: Token, name: Token) -> bool:
    """The noun and the name are one phrase: the noun modifies the name ("drama Vera Drake"), or the
    name stands in apposition to it ("the film, Sideways"); not "in open play Arsenal were", "under
    the programme Iran would", "the show Chelsea lost", where the name begins a clause of its own."""
    return noun.head.i == name.i or noun.head.head.i == name.i or name.head.i == noun.i and name.dep_ == "appos"


# kinds of work whose title follows them ("the film Sideways", "soap operas Knots Landing")
WORK_NOUNS = frozenset(
    {
        "film", "films", "movie", "movies", "flick", "biopic", "blockbuster", "sequel", "remake",
        "documentary", "cartoon", "sitcom", "sitcoms", "soap", "soaps", "opera", "operas", "drama",
        "series", "miniseries", "programme", "musical", "novel", "novels", "album", "albums", "single",
        "song", "songs", "play", "comedy", "thriller", "videogame",
    }
)  # fmt: skip
_LEADING_PARTS = frozenset({"starring", "title", "lead", "leading"})  # "her starring role in Bugsy"


def is_award(span: Span) -> bool:
    """'the Ramon Magsaysay Award', 'People's Choice Awards', 'a Golden Globe', and 'Oscar' where
    it is counted or plural ("won an Oscar", "her second Oscar", "the Oscars") or says what kind
    of thing another noun is ("Oscar hopefuls", "Oscar-nominated", "the best actress Oscar"), not
    a first name ("Oscar said")."""
    key = name_key(span.text)
    if _AWARD.fullmatch(key):
        return True
    word = _AWARD_WORDS.fullmatch(key)
    if word is None:
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    owner = doc[span.start - 2] if span.start > 1 else None  # "her second Oscar"
    after = doc[span.end] if span.end < len(doc) else None
    root = span.root
    return (
        word.group(1) == "s"
        or before is not None
        and (
            before.tag_ in ("DT", "PRP$", "WP$")  # "an Oscar", "his Oscar", "whose Oscar nomination"
            or before.pos_ in ("ADJ", "NUM")
            and owner is not None
            and owner.tag_ in ("DT", "PRP$", "POS")
            or before.lower_ in _AWARD_CATEGORIES  # "the best actress Oscar", not "Chelsea midfielder Oscar"
        )
        or after is not None
        and (
            after.text == "-"
            and not span[-1].whitespace_
            and not after.whitespace_  # "Oscar-nominated"
            or after.is_lower
            and after.tag_ in ("NN", "NNS")
            or after.lower_ in _AWARD_KINDS
        )
        or root.dep_ in ("compound", "nmod", "amod")
        and root.head.pos_ == "NOUN"  # "Oscar hopefuls", "the Oscar ceremony", "Oscar winner Adrien Brody"
    )


def _used_as_no_name(span: Span) -> bool:
    """A mention that, as used here, names no person, organisation or place, though the NER tagged
    it; it still counts where the same name is tagged elsewhere (as the WEAK_LABELS do):
    - one adjective made from a name ("the Napoleonic era", "the Baltic nation", "his Socialist
      friends"), or a product named as Apple names them ("the iPod");
    - a language (names.LANGUAGES: "speaks Quechua"), or a belief named by one word in "-ism"
      ("Buddhism", "Thatcherism"; not "Islam": "Mohammed Islam" is a person);
    - a person's or a place's name standing whole inside quotation marks, with no organisation
      noun beside it: the title of a film, song or book ('box office hits such as "Troy"'), or a
      nickname. Organisations are quoted as themselves ('the so-called "Islamic State"')."""
    key = name_key(span.text)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        all(t.tag_ == "JJ" for t in span)
        and len(span) <= 2
        and _ADJECTIVE_ENDING.search(span.text)
        and not (after is not None and after.lower_ in _PLACE_AFTER_ADJECTIVE)
        or span.text in _PRODUCT
    ):
        return True  # "the Baltic nation", "the Middle Eastern states"
    if (
        len(span) == 1
        and country_of_demonym(span.text)
        and key not in COUNTRIES
        and span[0].dep_ in ("compound", "amod")
        and after is not None
        and span[0].head.i == after.i
        and after.is_lower
        and after.lower_ not in _PLACE_AFTER_ADJECTIVE
    ):
        return True  # "an Angolan court", "Angolan officials": the country's adjective
    if key in LANGUAGES or len(span) == 1 and len(key) > 5 and key.endswith("ism"):  # not "Prism"
        return True  # "speaks Quechua", "films in Hindi", "Thatcherism", "Buddhism"
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        is_people_noun(span.text)
        and not (span.label_ == "ORG" and key.endswith("man"))  # "The Scotsman", "the Scotsman" (a newspaper)
        and (key.endswith(("s", "men", "women")) or before is not None and before.tag_ == "DT")  # "a Finn"
        and not _surname_of_a_person(span)  # "Claire Danes ... Danes said"
        or len(span) == 1
        and country_of_demonym(span.text)
        and key not in COUNTRIES
        and before is not None
        and before.lower_ == "the"
    ):
        return True  # "Britons", "a Welshman", "the Scots", "the Welsh": a country's people
    if (
        len(span) == 1
        and key in _NATIONALS
        and not (span.label_ == "ORG" and key.endswith("man"))  # "The Scotsman", a newspaper
        and before is not None
        and (
            before.tag_ == "DT"
            or before.pos_ == "ADJ"
            and span.start > 1
            and doc[span.start - 2].tag_ == "DT"
            or doc[max(0, span.start - 5) : span.start].text.endswith("-year-old")
        )
    ):
        return True  # "the Briton", "the first Scot", "the 25-year-old Briton"; not "Townsend praised Finn"
    if key in _DOCUMENTS and (
        key != "bill" or before is not None and (before.tag_ in ("DT", "PRP$", "POS") or before.text == "'s")
    ):
        return True  # "Mr Brown's Budget", "the White Paper", "as the Bill passes" (not "Bill said")
    return (
        span.label_ in ("PERSON", "GPE", "LOC")
        and span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].is_quote
        and doc[span.end].is_quote
        and not _organisation_noun_beside(span)
    )


def _surname_of_a_person(span: Span) -> bool:
    """The word ends a name the NER tags as a person's elsewhere in the Doc ("Claire Danes")."""
    text = span.text
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == text for e in span.doc.ents)


def _relabel(ent: Span) -> Span:
    """A group name the NER calls NORP that is a party ("the Greens") or a place ("Pakistan's
    Punjab province") gets the label of what it is; other NORP names count only where the same name
    is tagged as an entity elsewhere (WEAK_LABELS). A title the NER calls a work that an
    organisation noun describes is the organisation ("news magazine \"Der Spiegel\"")."""
    if ent.label_ == "WORK_OF_ART" and _organisation_noun_beside(ent):
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    if _GROUP_OF_NATIONS.fullmatch(ent.text):
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "the G8", "G20 summit", tagged as anything
    if ent.label_ != "NORP":
        return ent
    if name_key(ent.text) in PARTY_NICKNAMES:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    if not country_of_demonym(ent.text) and _place_noun_beside(ent):
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    return ent


def _whole_party_name(ent: Span) -> Span:
    """A party's nickname the NER cut in two or short ("Liberal" | "Democrats", "Lib" | "Dems"): the
    capitalised word before or after it that makes it one (PARTY_NICKNAMES), as one organisation."""
    doc = ent.doc
    for start, end in ((ent.start - 1, ent.end), (ent.start, ent.end + 1)):
        if start < 0 or end > len(doc):
            continue
        added = doc[start] if start < ent.start else doc[end - 1]
        if not added.is_title or added.pos_ not in ("PROPN", "ADJ", "NOUN"):
            continue
        if name_key(doc[start:end].text) in PARTY_NICKNAMES:
            return Span(doc, start, end, label="ORG")
    return ent


def _whole_club_name(span: Span) -> Span:
    """A club's name the NER cut short or in two ("Arminia" of "Arminia Bielefeld", "FC" of "FC
    Teningen", "Zagreb" of "Dinamo Zagreb", "Tottenham" | "Hotspur"), as one organisation: a club
    marker or first word right before the name that no entity holds, the next name word where
    the two make a club's name, and after a name with a club marker the capitalised proper nouns
    that no other entity holds (at most two; not a title: "Schalke Captain Benedikt Höwedes")."""
    doc, start, end = span.doc, span.start, span.end
    club = is_club_name(span.text)
    if start > 0 and (before := doc[start - 1]).text in CLUB_WORDS and not before.ent_type_:
        start, club = start - 1, True
    if not club and end < len(doc) and (after := doc[end]).is_title and after.pos_ == "PROPN" and span[-1].whitespace_:
        if is_club_name(doc[start : end + 1].text):
            club, end = True, end + 1
    if not club:
        return span
    first_end = end
    while (
        end < len(doc)
        and end - first_end < 2
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
        and doc[end].lower_ not in TITLES
        and not doc[end].is_sent_start
    ):
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="ORG")


def _whole_defined_name(span: Span, reach: int = 6) -> Span:
    """An organisation's name the NER cut short, where the text defines its abbreviation right
    after the whole name: "the International Criminal Tribunal for the former Yugoslavia (ICTY)",
    "the National Commission for Scheduled Castes (NCSC)". The name runs to the parenthesis when
    the abbreviation spells it and not the name as tagged (identity.abbreviates)."""
    if span.label_ != "ORG":
        return span
    doc = span.doc
    for j in range(span.end, min(span.end + reach, len(doc) - 2)):
        if doc[j].text == "(" and doc[j + 2].text == ")" and j > span.end:
            short = doc[j + 1].text
            if abbreviates(short, doc[span.start : j].text) and not abbreviates(short, span.text):
                return Span(doc, span.start, j, label="ORG")
            return span
        if doc[j].is_punct and doc[j].text not in ("-", "'") or doc[j].is_sent_start:
            return span
        if doc[j].tag_ == "POS" or doc[j].is_lower and doc[j].pos_ not in ("ADP", "DET", "ADJ"):
            return span  # no name runs on past a possessive, a common noun or a conjunction: "GM's profits
            # General Motors (GM)", "the Christian Democrats and the Christian Social Union (CSU)"
    return span


# what may follow a comma inside one name ("Atari, Inc.", "Martin Luther King, Jr.")
_NAME_SUFFIXES = frozenset("inc ltd llc llp lp plc co corp ag sa spa sas nv bv se kg na gmbh jr sr ii iii iv".split())


_LIST_MARKS = frozenset({",", ";"})  # "Garvey, Simpson-Daniel", "Paul, Gomarsall; Wood" (a team sheet)


def _joins(token: Token) -> bool:
    """A hyphen inside a word ("Simpson-Daniel")."""
    return token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_


def _split_list(ent: Span) -> list[Span]:
    """A list of names the NER took as one person or organisation, split at its commas: a team's
    line-up ("Dawson, Ellis, Flatman, Gomarsall, Greening"), "Walliams, Lucas said". Each item is
    one to three capitalised words; a list says nothing of what its names are, so find_mentions
    counts an item only where the same name is tagged elsewhere."""
    if ent.label_ not in ("PERSON", "ORG") or not any(t.text in _LIST_MARKS for t in ent):
        return [ent]
    doc, items, start, end = ent.doc, [], ent.start, ent.end
    while end > start and doc[end - 1].text in _LIST_MARKS:  # "Douglas, Blair," tagged with the comma after it
        end -= 1
    for i in range(ent.start, end + 1):
        if i == end or doc[i].text in _LIST_MARKS or doc[i].lower_ == "and" and items:
            item = doc[start:i]
            if not 0 < len(item) <= 3 or not all(t.is_title or t.is_upper or t.text == "." or _joins(t) for t in item):
                return [ent]
            if items and item[0].lower_.replace(".", "") in _NAME_SUFFIXES:  # "Banco Santander, S.A."
                return [ent]
            items.append(Span(doc, start, i, label=ent.label_))
            start = i + 1
    return items if len(items) > 1 else [ent]


_DASHES = frozenset({"-", "–", "—"})


def _split_separated(ent: Span) -> list[Span]:
    """Names the NER ran together across a "v" or a dash with spaces around it, which never stand
    inside one name: "Peterborough Brentford v Hartlepool" (a fixture), "Rob Partridge - Marley"
    (a caption); each side is a name of its own ("Jean-Pierre", "Saxony-Anhalt" keep their hyphen,
    "Charles V of Spain" its capital V)."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end - 1):
        t = doc[i]
        if t.text in VERSUS or t.text in _DASHES and doc[i - 1].whitespace_ and t.whitespace_:
            return [
                Span(doc, ent.start, i, label=ent.label_),
                *_split_separated(Span(doc, i + 1, ent.end, label=ent.label_)),
            ]
    return [ent]


def _split_coordination(ent: Span) -> list[Span]:
    """'Mons and Liege', 'Jürgen Fitschen und Anshu Jain': two places or two people the NER took as
    one name. An organisation keeps its 'and' ("Johnson and Johnson", "Marks and Spencer")."""
    if ent.label_ not in ("PERSON", "GPE", "LOC", "FAC") or len(ent) < 3 or name_key(ent.text) in _ONE_PLACE:
        return [ent]  # "Bosnia and Herzegovina" is one country
    doc = ent.doc
    for i in range(ent.start + 1, ent.end - 1):
        if doc[i].lower_ in ("and", "und", "&") and doc[i - 1].is_title and doc[i + 1].is_title:
            return [
                Span(doc, ent.start, i, label=ent.label_),
                *_split_coordination(Span(doc, i + 1, ent.end, label=ent.label_)),
            ]
    return [ent]


# What a sentence says of a name can outweigh the NER label (tests/test_extract.py):
# a name after a person's title is a person ("Foreign Minister Walid Muallem");
# a town or name in a match report is a club ("Hoffenheim beat Dortmund", "Freiburg coach").
_PERSON_WORDS = TITLES | HONORIFICS | PERSON_NOUNS
# person nouns that describe companies too: "Vivendi advisor Deutsche Bank", "market leader
# Nintendo", "steel producer Krivorizhstal", "analysts Datamonitor", "chip designer ARM"
_ALSO_OF_COMPANIES = frozenset(
    "leader producer analyst adviser advisor expert designer architect engineer provider".split()
)
_COUNTRIES_AND_CONTINENTS = COUNTRIES | CONTINENTS
_LOCATIVE = frozenset({"in", "at", "near", "from"})
_ONE_PLACE = frozenset({k for k in COUNTRIES if " and " in k} | {"jammu and kashmir", "turks and caicos islands"})


# one initial and a surname: how team sheets and results tables name people ("M Farah", "L Moody")
_PARTICLE = r"(?:[Dd]a|[Dd]al|[Dd]e|[Dd]el|[Dd]ella|[Dd]i|[Dd]u|L[aeo]|[Vv]an|[Vv]on) "  # "D Dal Maso"
_INITIAL_AND_SURNAME = re.compile(rf"[A-Z]\.? (?:{_PARTICLE})?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?")
_INITIAL = re.compile(r"[A-Z]\.?")
# a first name, a middle initial and a surname: "Hunter S Thompson", "Michael J. Fox"
_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+ [A-Z]\.? [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?")
_INITIALS_AND_SURNAMES = re.compile(rf"(?<![\w.]){_INITIAL_AND_SURNAME.pattern}")


def _people_by_initial(doc: Doc) -> int:
    """How many names of the article are an initial and a surname that is no place's name; counted
    once per Doc (a team sheet asks for every one of its names)."""
    if "newsgraph_initials" not in doc.user_data:
        doc.user_data["newsgraph_initials"] = sum(
            not is_known_place(name_key(m.group().split()[-1])) and m.group().split()[0] not in ("A", "I")
            for m in _INITIALS_AND_SURNAMES.finditer(doc.text)
        )  # ("A Labour spokesman", "I Think": an article and a pronoun)
    return doc.user_data["newsgraph_initials"]


def context_type(span: Span) -> str | None:
    """The type the sentence gives this name, when it says clearly (else None: the label decides)."""
    doc, label = span.doc, span.label_
    if (
        label == "PERSON"
        and len(span) == 1
        and span.text.isalpha()
        and span.text.isupper()
        and 2 <= len(span.text) <= 5
    ):
        return ORGANIZATION  # "SPD", "NATO": an acronym is an organisation's name, not a person's
    if label == "PERSON" and len(span) > 1 and name_key(span.text) in ORGANISATION_COUNTRY:
        return ORGANIZATION  # "Goldman Sachs", "Marks & Spencer" tagged as people
    if label == "PERSON" and span.start > 0 and _described_as_a_person(doc[span.start - 1], span):
        return PERSON  # "Rapper Eminem" where the article's other mentions are tagged otherwise
    if (
        label in ("ORG", "GPE", "LOC")
        and _INITIAL_AND_SURNAME.fullmatch(span.text)
        and not is_known_place(name_key(span.text.split()[-1]))  # "N Korea", "S Africa"
        and _people_by_initial(span.doc) >= 2
        and not _organisation_noun_beside(span)
    ):
        return PERSON  # "M Farah, L Moody": a team sheet's or a results table's people, two or more in the article
    if (
        label in ("ORG", "GPE", "LOC")
        and len(span) == 1
        and span.start >= 2
        and _INITIAL.fullmatch(doc[span.start - 1].text)
        and doc[span.start - 2].text in (",", ";", ":")
        and (span.end == len(doc) or doc[span.end].is_punct)  # a team sheet's item: not "A Tesco spokesman"
        and not is_known_place(name_key(span.text))
        and _people_by_initial(span.doc) >= 2
    ):
        return PERSON  # ", A Goode,": the NER left the initial out of the name
    if label in ("ORG", "GPE", "LOC"):
        lead = span.start  # "Foreign Minister" inside the span, as the NER sometimes takes it
        while lead < span.end - 2 and doc[lead].lower_.rstrip(".") in TITLES:
            lead += 1
        name = doc[lead : span.end]
        before = doc[lead - 1] if lead > 0 else None
        person_word = (  # not an adjective: "the official Xinhua News Agency"
            before is not None
            and before.pos_ != "ADJ"
            and (
                before.lower_.rstrip(".") in _PERSON_WORDS
                and before.lower_ not in _ALSO_OF_COMPANIES
                or _described_as_a_person(before, name)
            )
        )
        root = name.root
        described = any(c.dep_ == "appos" and _person_word(c) for c in root.children) or (
            root.dep_ == "appos" and _person_word(root.head)  # "the party's leader, Marine Le Pen"
        )
        if (
            2 <= len(name) <= 3
            and (person_word or described)
            and root.dep_ not in ("compound", "amod")  # "the veteran White House correspondent"
            and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in name)
        ):
            return PERSON  # "Foreign Minister Walid Muallem", "Chris Yearley, a journalist at ..."
        if (
            len(name) == 1
            and before is not None
            and _described_as_a_person(before, name)
            and before.lower_ in _ONE_NAME_DESCRIBERS
            and root.dep_ not in ("compound", "amod")
            and name[0].is_title
        ):
            return PERSON  # "rapper Eminem", "striker Drogba": a trade before one word
    if label in ("ORG", "PERSON") and _before_its_region(span):
        return PLACE  # "MEMPHIS, Tenn.", "Mineral Wells, Texas.", "Camp Butner, N.C.;"
    if (
        label in ("ORG", "GPE", "LOC")
        and _MIDDLE_INITIAL.fullmatch(span.text)
        and span[-1].lower_ not in ORGANISATION_HEADS  # "the Hepatitis C Trust"
        or label == "ORG"
        and _listed_with_people(span)
    ):
        return PERSON  # "Hunter S Thompson"; "stars Paul Giamatti, Thomas Haden Church and Virginia Madsen"
    if (
        label in ("ORG", "GPE", "LOC")
        and len(span) == 1
        and not is_known_place(name_key(span.text))
        and not is_club_name(span.text)
        and _in_a_line_up(span)
    ):
        return PERSON  # "Morton, Moffat, MacRae, Hore, Berthinussen": a team's players by surname
    if label in ("ORG", "GPE", "LOC") and _told_of_as_a_person(span):
        return PERSON  # "Jacobs, 20, and Eddie Hatcher, 31, were charged"
    if label in ("ORG", "PERSON") and _place_noun_beside(span):
        return PLACE  # "the state of Thuringia", "Lazio province" (a club's name too), "Jena, a city in Germany"
    if is_club(span) or label != "ORG" and name_key(span.text) in PARTY_NICKNAMES:
        return ORGANIZATION  # "the Lib Dems" or "Labour" tagged as people
    if label in ("PERSON", "GPE", "LOC") and (_organisation_noun_beside(span) or _a_companys(span)):
        return ORGANIZATION  # "news weekly Der Spiegel", "Pandora, a provider of internet radio", "shares in Carlsberg"
    return None


def _before_its_region(span: Span) -> bool:
    """The name is followed by a comma and a state or country that ends the phrase: a town with
    its region, as datelines and addresses give it ("MEMPHIS, Tenn.", "Camp Butner, N.C.;",
    "Mineral Wells, Texas."); not a city ("Siemens, Munich" may be an address), nor a country
    followed by another comma ("Usain Bolt, Jamaica, 9.58", "backed by Gazprom, Russia, and"),
    and a name the NER took for a person's only before a state's abbreviation."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].text != "," or span[-1].lower_ in ORGANISATION_HEADS:
        return False  # "Haines High School, Alaska" is a school there
    for n in (1, 2, 3):
        region = doc[end + 1 : end + 1 + n]
        if len(region) < n or not all(t.is_title or t.is_upper for t in region):
            return False
        after = doc[region.end] if region.end < len(doc) else None
        closes = after is None or after.is_punct or bool(after.is_sent_start)
        if closes and region.text in STATE_ABBREVIATIONS:
            return True
        key = name_key(region.text)
        if span.label_ != "PERSON" and closes and (after is None or after.text != ","):
            if key in COUNTRIES or key in REGION_COUNTRY:
                return True
    return False


def _conjuncts(token: Token) -> list[Token]:
    """Every item of the list `token` is in ("A, B and C" parses as B conj of A, C conj of B),
    from the first; [token] when it is in none."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    items, todo = [], [first]
    while todo:
        t = todo.pop()
        items.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(items, key=lambda t: t.i)


# organisation kind words that are also common surnames ("Thomas Haden Church", "Emily Post")
_SURNAMES_THAT_ARE_KINDS = frozenset({"church", "post", "press", "times", "guard"})


def _capitalised_words(span: Span, fewest: int = 1, most: int = 3) -> bool:
    """The span is `fewest` to `most` capitalised words of letters ("Thomas Haden Church", "Jacobs")."""
    return fewest <= len(span) <= most and all(t.is_alpha and t.is_title for t in span)


LINE_UP = 5  # the fewest names a team sheet lists
_SURNAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*")  # "MacRae", "O'Driscoll", "S."


def _in_a_line_up(span: Span) -> bool:
    """The name is one of a sentence of LINE_UP or more surnames (or an initial and a surname) and
    nothing else but commas or semicolons between them and a full stop, half of them at least
    tagged as people, in an article on sport: a team sheet ("Morton, Moffat, MacRae, Hore, S.
    Best, Warnock."), whatever the NER made of the rest (not a list of clubs: "Chelsea, Arsenal,
    Liverpool, Everton, Fulham.")."""
    doc = span.doc
    if not names_sport(doc):
        return False
    sent = span.sent
    key = ("newsgraph_line_up", sent.start)
    if key not in doc.user_data:
        tokens = [t for t in sent if not t.is_space]
        if tokens and tokens[-1].text in (".", ";"):
            tokens = tokens[:-1]
        items: list[list[Token]] = [[]]
        for t in tokens:
            if t.text in (",", ";"):
                items.append([])
            else:
                items[-1].append(t)
        doc.user_data[key] = (
            len(items) >= LINE_UP
            and all(0 < len(item) <= 2 and all(_SURNAME_TOKEN.fullmatch(t.text) for t in item) for item in items)
            and 2 * sum(any(t.ent_type_ == "PERSON" for t in item) for item in items) >= len(items)
        )
    return doc.user_data[key]


def _listed_with_people(span: Span) -> bool:
    """A name of two or three capitalised words in a list of which at least two other items are,
    and every other item is, a name the NER took for a person's: "Paul Giamatti, Thomas Haden
    Church and Virginia Madsen" (not "Rupert Murdoch and News Corp": one person beside a company;
    not a name of a kind of organisation or in the plural: "the Royal Ballet", "Space Invaders")."""
    if not _capitalised_words(span, fewest=2):
        return False
    last = span[-1].lower_
    if last in ORGANISATION_HEADS - _SURNAMES_THAT_ARE_KINDS or _singular(last) != last:
        return False
    others = [t for t in _conjuncts(span.root) if not span.start <= t.i < span.end]
    return len(others) >= 2 and all(t.ent_type_ == "PERSON" for t in others)


def _told_of_as_a_person(span: Span) -> bool:
    """A name of one to three capitalised words followed by an age in commas: "Jacobs, 20, and
    Eddie Hatcher, 31, were charged". (Not ", who": British news says "Toshiba, who have been
    working on the chip", and clubs are "who" in every sports page.)"""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or not _capitalised_words(span):
        return False
    age = doc[end + 1].text
    return doc[end].text == "," and age.isdigit() and 1 <= int(age) <= 110 and doc[end + 2].text == ","


PLACE_NOUNS = frozenset(
    {
        "state", "province", "region", "city", "town", "village", "county", "district", "capital", "island",
        "municipality", "canton", "port", "suburb", "neighbourhood", "neighborhood", "prefecture", "territory",
    }
)  # fmt: skip
# "a Fargo native", "Boothbay residents": a name before one of these is where people come from
_PEOPLE_OF_A_PLACE = frozenset({"native", "natives", "resident", "residents"})


_ALSO_OF_ORGANISATIONS = frozenset({"capital"})  # "the capital of Deutsche Bank"

# nouns that say a name is an organisation's when they stand before it or in apposition ("media
# conglomerate Axel Springer", "Der Spiegel, a news weekly"); not when the name stands before
# them: "a Murdoch newspaper", "the Berlin bank" name a person and a place
ORGANISATION_NOUNS = frozenset(
    {
        "newspaper", "magazine", "weekly", "daily", "tabloid", "broadcaster", "agency",
        "company", "firm", "conglomerate", "corporation", "carmaker", "automaker", "airline", "bank",
        "insurer", "retailer", "manufacturer", "provider", "operator", "startup", "band",
        "brewer", "bookmaker", "chipmaker", "drugmaker", "supermarket", "telecoms",
        "distiller", "label", "studio", "website", "reinsurer", "brokerage", "charity", "lender", "chain",
        "utility",
    }
)  # fmt: skip


def _place_noun_beside(span: Span) -> bool:
    root = span.root
    nouns = PLACE_NOUNS - _ALSO_OF_ORGANISATIONS if span.label_ == "ORG" else PLACE_NOUNS
    # "a Fargo native", "Umbria and Lazio provinces": the name, or the first item of its list,
    # hangs on the noun right after the name or the list (a plural place noun only after a list)
    items = _conjuncts(root)
    noun = items[0].head
    if items[0].dep_ in ("compound", "nmod") and noun.i == items[-1].i + 1:
        if noun.lower_ in _PEOPLE_OF_A_PLACE or len(items) > 1 and _singular(noun.lower_) in PLACE_NOUNS:
            return True  # a place noun in the plural, after a list ("Tanga, Pwani and Lindi Regions" too)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in nouns:
        return root.head.head.i < root.i  # "the state of Thuringia", not "the capital's state of mind"
    return any(c.dep_ in ("compound", "appos") and c.lower_ in nouns and c.pos_ == "NOUN" for c in root.children) or (
        # "Kassongue province"; "Pakistan's Punjab province", a name parsed as an adjective of a
        # noun a place owns (not "the Muslim city of Hebron", "the Kurdish region")
        (root.dep_ == "compound" or root.dep_ == "amod" and _owned_by_a_place(root.head))
        and root.head.lower_ in nouns
        and root.head.i == span.end
    )


def _singular(word: str) -> str:
    """A regular English plural's singular ("provinces", "counties"); other words as they are."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _owned_by_a_place(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC") for c in noun.children)


# what only a company has: shares, profits, shareholders ("shares in Carlsberg", "William Hill's
# profits", "Activcard shares")
_COMPANY_NOUNS = frozenset({"shares", "shareholders", "profits", "profit", "revenues", "turnover", "stake"})


def _a_companys(span: Span) -> bool:
    """The sentence says the name is a company's: a company noun right after it ("Carlsberg shares",
    "William Hill's profits") or its shares or stake in it ("shares in Carlsberg", "a stake in
    Buzznet")."""
    doc = span.doc
    after = span.end
    if after < len(doc) and doc[after].tag_ == "POS":  # "William Hill's profits"
        after += 1
    if after < len(doc) and doc[after].lower_ in _COMPANY_NOUNS and doc[after].pos_ == "NOUN":
        return True
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in ("shares", "stake")


# what a newspaper or magazine is called right before its name, whatever the tagger made of it
# ("the weekly Der Spiegel" with "weekly" an adjective, "news weekly, Der Spiegel,")
_PUBLICATIONS = frozenset({"newspaper", "magazine", "weekly", "daily", "tabloid", "broadsheet", "journal"})
# a publication's staff named after it ("Cumhuriyet editor Can Dundar", "Guardian columnist")
_PUBLICATION_STAFF = frozenset({"editor", "columnist", "editor-in-chief"})


def _organisation_noun_beside(span: Span) -> bool:
    """An organisation noun describes the name: "the German weekly Der Spiegel", "the band Muse",
    "Pandora, a provider of ...", or right before it when the parse is lost to quotation marks
    ("news magazine \"Der Spiegel\""); a publication is named right before it, or its staff
    after it ("Cumhuriyet editor Can Dundar"; not a known place's: "Europe editor")."""
    root = span.root
    doc = span.doc
    before = span.start - 1  # the word before the name, across quotation marks
    while before >= 0 and doc[before].is_quote:
        before -= 1
    publication = before
    if publication >= 0 and doc[publication].text == "," and span.end < len(doc) and doc[span.end].text == ",":
        publication -= 1  # "news weekly, Der Spiegel, in April"; not "Writing in the magazine, Jones argued"
    if (
        publication > 0
        and doc[publication].lower_ in _PUBLICATIONS
        and (doc[publication - 1].pos_ in ("DET", "ADJ", "NOUN") or doc[publication - 1].ent_type_ == "NORP")
        and root.dep_ not in ("compound", "amod")  # not "the weekly Merkel interview"
    ):
        return True  # "the weekly Der Spiegel", "German news weekly, Der Spiegel,"
    if (
        span.end < len(doc)
        and doc[span.end].lower_ in _PUBLICATION_STAFF
        and doc[span.end].pos_ == "NOUN"
        and not (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "of")  # "the Hollywood editor of the paper"
        and not is_known_place(name_key(span.text))
    ):
        return True
    return (
        any(
            c.dep_ in ("compound", "appos", "amod") and c.lower_ in ORGANISATION_NOUNS and c.pos_ == "NOUN"
            for c in root.children
        )
        or (root.dep_ == "appos" and root.head.lower_ in ORGANISATION_NOUNS and root.head.pos_ == "NOUN")
        or (
            before >= 0
            and before < span.start - 1  # only across a quotation mark: the parse has it otherwise
            and doc[before].lower_ in ORGANISATION_NOUNS
            and doc[before].pos_ == "NOUN"
        )
    )


def _clubs_in_lists(doc: Doc, found: list[Found]) -> None:
    """A name listed with a club named as only clubs are ("drawn with Valencia, Lille and BATE
    Borisov"), or with another club in a sentence about sport, is a club too; so is a word of a club's
    name the article gives ("Dortmund" after "Borussia Dortmund") in a sentence about sport, unless it
    follows "in", "at", "near" or "from" (the town). Countries stay places."""
    clubs = {doc[f.start : f.end].root.i for f in found if f.context and f.type == ORGANIZATION and f.label != "ORG"}
    # (not a club's name the sentence calls something else: "Umbria and Lazio provinces")
    club_names = [f for f in found if is_club_name(f.text) and not (f.context and f.type != ORGANIZATION)]
    named_clubs = {doc[f.start : f.end].root.i for f in club_names}  # listed with one: no doubt left
    clubs |= named_clubs
    if not clubs:
        return
    club_words = {w for f in club_names for w in f.text.split()}
    for n, f in enumerate(found):
        if f.kind != "name" or f.type == ORGANIZATION or f.label not in ("GPE", "LOC", "PERSON"):
            continue
        span = doc[f.start : f.end]
        if name_key(f.text) in _COUNTRIES_AND_CONTINENTS:
            continue
        listed = [c.i for c in span.root.conjuncts if c.i in clubs]
        short = f.text in club_words and not (span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVE)
        if any(i in named_clubs for i in listed) or (listed or short) and sport_sentence(span):
            found[n] = replace(f, type=ORGANIZATION, context=True)


def _person_word(token) -> bool:
    """A noun that names a person's role or trade ("athlete", "minister", "curator")."""
    return token.pos_ == "NOUN" and (token.lower_ in _PERSON_WORDS or lemma(token).lower() in _PERSON_WORDS)


_TRAILING_JUNK = frozenset({"ADP", "ADV", "CCONJ", "SCONJ", "DET", "PRON", "AUX", "PART"})


def clean_span(span: Span) -> Span | None:
    """Trim determiners, honorifics, titles, possessives and credits; None for junk. The span comes
    back with the label of what is left when trimming shows it: "UK" of "UK Home Secretary" is a
    place (GPE), whatever the NER said of "UK Home"."""
    doc = span.doc
    start, end = span.start, span.end
    label = span.label_
    if "/" in span.text:  # photo credits: "Lucas Schifres/Pictobank"
        cut = doc.char_span(span.start_char, span.start_char + span.text.index("/"), alignment_mode="contract")
        if cut is None or len(cut) == 0:
            return None
        end = cut.end
    while start < end:
        low = doc[start].lower_.rstrip(".")
        if doc[start].is_punct or low in ("the", "a", "an"):
            start += 1
        elif label == "PERSON" and (low in HONORIFICS or low in TITLES or low in LEADING_JUNK):
            start += 1
        elif label in ("GPE", "LOC") and low == "free" and end - start > 1:
            start += 1
        elif low == "ex" and end - start > 2 and doc[start + 1].text == "-":
            start += 2  # "Ex-BBC presenter": the BBC
        elif start == span.start and (
            _described_at_start(span, end) or _nationality_before(span, end) or _headline_word_before(span, end)
        ):
            start += 1  # "Sprinter Michelle Collins", "Welshman Jimmy Watkins", "Philippoussis | Mark Philippoussis"
        elif (
            doc[start].is_lower
            and doc[start].is_alpha
            and low not in NAME_PARTICLES
            and end - start > 1
            and not (label == "ORG" and doc[start].pos_ == "PROPN")  # "thyssenkrupp Steel Europe"
            and doc[start].lower_ not in LOWER_CASE_AGENCIES  # "dpa news agency"
        ):
            start += 1  # "non-Nato", "nine Wallabies", "pro-European Democratic Left"
        else:
            break
    opened = None  # a parenthesis left open or closed unopened inside: the name ends before it
    for i in range(start, end):  # ("Shameless (Channel 4", "APT)agreed"; not "Frankfurt (Oder)")
        if doc[i].text == "(" and opened is None:
            opened = i
        elif doc[i].text == ")":
            if opened is None:
                end = i
                break
            opened = None
    if opened is not None:
        end = opened
    trimmed = -1
    while trimmed != end:  # to a fixed point: "Anil - the" loses "the", then "-"
        trimmed = end
        while end > start and (
            doc[end - 1].tag_ == "POS"
            or doc[end - 1].is_currency  # "Snappy Snaps £9.99", the price cut off
            or doc[end - 1].is_punct
            and doc[end - 1].text not in (".", ")")  # a ")" left is closed: "Frankfurt (Oder)"
            or doc[end - 1].text in ("'s", "’s", "'", "’")
        ):
            end -= 1
        while end > start + 1 and (
            doc[end - 1].is_lower and doc[end - 1].pos_ in _TRAILING_JUNK or SCORE.fullmatch(doc[end - 1].text)
        ):
            end -= 1  # "Eppelsheim near", "Dynamo Kyiv 4-3"
        while (
            end > start + 1
            and doc[end - 1].is_lower
            and doc[end - 1].is_alpha
            and doc[end - 1].pos_ == "NOUN"
            and doc[end - 1].lower_ != "party"  # "the Green party" is the party's name
            and doc[end - 2].whitespace_  # not the end of "Kim Myong-chol", "Middle-earth"
            and (doc[start].is_title or doc[start].lower_ in LOWER_CASE_AGENCIES)
        ):
            end -= 1  # a common noun after the name: "Kassongue province", "Pacific coast", "Twitter account"
    while end - start > 3 and SCORE.fullmatch(doc[end - 3 : end].text):
        end -= 3  # "Dynamo Kyiv 4 - 3", the score in three tokens; "Lisa Raymond 7-5 6-4", two sets
    if label == "ORG" and end - start > 2 and doc[end - 1].text == "party" and doc[end - 2].is_title:
        end -= 1  # "the Rwandan Patriotic Front party" is the Rwandan Patriotic Front
    for i in range(start + 1, end):
        if doc[i].text in ("UTC", "GMT"):  # "Sao Paulo UTC +1": a time zone after the place
            end = i
            break
    if start >= end:
        return None
    if label == "ORG" and end < len(doc) and doc[end].lower_ in PORTFOLIO_HOLDERS:
        # "EU Energy Commissioner Andris Piebalgs": the EU's; "Energy" is the commissioner's
        cut = end
        # "EU Enlargement Commissioner": any portfolio before a commissioner's title, but no
        # organisation's own head word ("UN Security Council", "UK Independence Party", "US Navy")
        acronym = doc[start].is_upper and len(doc[start]) > 1 and doc[end].text == "Commissioner"
        while (
            cut - start > 1
            and doc[cut - 1].is_title
            and (
                doc[cut - 1].lower_ in PORTFOLIOS
                or acronym
                and end - cut < PORTFOLIO_WORDS
                and doc[cut - 1].lower_ not in NEVER_PORTFOLIOS
            )
        ):
            cut -= 1
        last = doc[cut - 1]  # what is left must be a name: not "New" of "New Home Secretary", nor "Ex-"
        if cut < end and last.pos_ == "PROPN" and last.lower_ not in NOT_NAMES and last.text[-1].isalnum():
            end = cut
            if is_known_place(name_key(doc[start:end].text)):
                label = "GPE"  # "UK Home Secretary", "Texas Education Commissioner": the place's
    if label == "ORG" and end - start == 1 and doc[start].lower_ in PORTFOLIOS:
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in OFFICE_HOLDERS:
            return None  # "Secretary of State", "Minister of Finance": a role
        if end < len(doc) and doc[end].lower_ in OFFICE_WORDS:  # "State Department", not "State"
            if doc[end].lower_ in OFFICE_HOLDERS:
                return None  # "Interior Minister": a role, not an organisation
            end += 1
    text = doc[start:end].text
    if text in LOWER_CASE_AGENCIES:
        label = "ORG"  # "told dpa", tagged a person now and then
    elif not any(c.isupper() for c in text) and not any(ord(c) > 0x2E7F for c in text):
        return None  # "netizens": lower-case words are not names (CJK has no case)
    if len(text) < 2 or not re.search(r"[^\W\d_]", text):
        return None
    return Span(doc, start, end, label=label)


# trades that describe a person before a name as PERSON_DESCRIBERS do, though a headline rarely
# ends in them (the reader's glued-headline rule reads only those)
_TRADES = frozenset("sprinter model boxer golfer cyclist swimmer runner comedian chef tycoon".split())
# trades that describe people only: not those of companies too (_ALSO_OF_COMPANIES), nor a role
# any party to a story may have ("victim", "witness", "official"), nor "host", which the parser
# reads as a noun in "Saracens host Sale Sharks"
_DESCRIBERS = (
    (PERSON_DESCRIBERS | _TRADES)
    - _ALSO_OF_COMPANIES
    - frozenset("critic veteran victim survivor witness resident candidate official officer commander host".split())
)
# the trades before a one-word name that make it a person's ("rapper Eminem", "striker Drogba");
# not those a club or a place may follow ("champion Arsenal", "host Germany", "seed")
_ONE_NAME_DESCRIBERS = _DESCRIBERS - {"champion", "host", "seed", "hopeful", "star", "legend"}
# a person's nationality as a noun, before the name ("Briton Tim Henman", "Welshman Jimmy Watkins")
_NATIONALS = frozenset(
    """briton scot scotsman scotswoman englishman englishwoman welshman welshwoman irishman irishwoman
    frenchman frenchwoman dutchman dutchwoman spaniard swede dane finn pole turk kiwi""".split()
)


def _nationality_before(span: Span, end: int) -> bool:
    """A person's full name with a nationality before it: "Welshman Jimmy Watkins" (not "Scot
    Gemmill", a first name)."""
    rest = span.doc[span.start + 1 : end]
    return (
        span.label_ == "PERSON"
        and len(rest) > 1
        and span.doc[span.start].lower_ in _NATIONALS
        and all(t.is_title for t in rest[:2])
    )


def _headline_word_before(span: Span, end: int) -> bool:
    """In the article's first sentence, where the BBC's headlines run into the body, a person's full
    name after the headline's last word, a surname: the name's own ("Injury sidelines Philippoussis
    | Mark Philippoussis withdrew") or another person's ("Lewis-Francis turns to Christie | Mark
    Lewis-Francis has"), where the headline named this person too or the name opens the body
    ("Edgy Agassi struggles past | Dent Andre Agassi put in"). Not "Elton John joined John Paul
    Jones": nothing before it named Jones."""
    doc = span.doc
    if span.label_ != "PERSON" or end - span.start < 3 or doc[0].sent.end <= span.start:
        return False
    first, last = doc[span.start], doc[end - 1]
    if not all(t.is_title for t in doc[span.start + 1 : span.start + 3]):
        return False
    if span.start > 0 and not any(t.text == last.text for t in doc[: span.start + 1]):
        return False  # (at the body's very start, the reader cut the headline before its last word)
    return first.text == last.text or any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == first.text and not (e.start <= span.start < e.end)
        for e in doc.ents
    )


def _described_as_a_person(word: Token, name: Span) -> bool:
    """The word before the name is a trade that describes a person ("Rapper 50 Cent", "sprinter
    Michelle Collins"), and the name no club's or place's ("champion Real Madrid")."""
    return (
        word.lower_ in _DESCRIBERS
        and word.dep_ == "compound"  # not a verb: "will coach Portsmouth"
        and not is_club_name(name.text)
        and not is_known_place(name_key(name.text))
    )


def _described_at_start(span: Span, end: int) -> bool:
    """The span's first word opens its sentence and describes the name after it: a trade or a
    country's adjective, capitalised only because it comes first ("Sprinter Michelle Collins
    banned", "Australian Lleyton Hewitt"; a nationality noun anywhere: `_nationality_before`). A
    person's name keeps one word at least (two after an adjective); any other name loses the word
    only when the article names the rest alone ("Model Sophie Anderton" and "Sophie Anderton"; not
    "Victim Support Scotland")."""
    doc, first = span.doc, span.doc[span.start]
    rest = doc[span.start + 1 : end]
    if not (first.is_sent_start and first.is_title and len(rest)) or not (rest[0].is_title or rest[0].like_num):
        return False
    low = first.lower_
    trade = low in _DESCRIBERS
    if span.label_ == "PERSON":
        return trade or country_of_demonym(first.text) is not None and len(rest) > 1  # "Australian Lleyton Hewitt"
    return trade and any(e.text == rest.text and not (e.start < end and span.start < e.end) for e in doc.ents)


def _with_honorific(span: Span) -> str:
    """'Mr Liu' where the text reads so: the honorific is kept as an alias, not in the name."""
    if span.label_ == "PERSON" and span.start > 0:
        before = span.doc[span.start - 1]
        if before.lower_.rstrip(".") in HONORIFICS:
            return fold(span.doc[span.start - 1 : span.end].text)
    return ""


def _institution(doc: Doc, head) -> Found:
    """'China's UK embassy', 'the Chinese embassy in London', 'the embassy', 'his embassy'."""
    country = None
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("poss", "amod", "compound", "nmod", "det"):
            start = min(start, child.left_edge.i)
            ent = child.ent_type_
            if child.dep_ == "poss" and ent == "GPE":
                country = _whole_entity(child).text
            elif ent == "NORP" or country_of_demonym(child.text):
                country = country or country_of_demonym(child.text)
    while start < head.i and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    text = fold(doc[start : head.i + 1].text)
    if country:
        country = re.sub(r"(?:'s|’s)$", "", country)
        adjective = _COUNTRY_ADJECTIVE.get(country)
        name = f"{adjective} {head.text.title()}" if adjective else f"{head.text.title()} of {country}"
        return Found(start, head.i + 1, text, "INSTITUTION", ORGANIZATION, name=name)
    return Found(head.i, head.i + 1, head.text, "NOMINAL", ORGANIZATION, kind="nominal")


def _whole_entity(token) -> Span:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return doc[token.i : token.i + 1]
