"""Find entity mentions in a parsed Doc and clean them: clean spans, mapped types, no junk.

A mention is a plain `Found` record (token and character offsets, cleaned text, type); the
clustering in `coref.py` turns them into entities. Besides the model's named entities this finds
institutional nominals ("the embassy", "China's UK embassy") that the NER does not tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .facts import ORGANIZATION, PERSON, PLACE
from .names import CONTINENTS, COUNTRIES, DEMONYMS, HONORIFICS, LEADING_JUNK, TITLES, country_of_demonym, fold
from .tokens import lemma, pos_ids, tokens_where, word_ids

LABEL_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
# Labels the model sometimes gives a name it tags properly elsewhere ("Twitter" as PRODUCT).
WEAK_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})
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

    @property
    def words(self) -> int:
        return len((self.name or self.text).split())


def find_mentions(doc: Doc) -> list[Found]:
    """Every person, organisation and place mention in the Doc, cleaned, in text order."""
    found: list[Found] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES and ent.label_ not in WEAK_LABELS:
            continue
        span = clean_span(ent)
        if span is None:
            continue
        if ent.label_ in WEAK_LABELS:  # counts only if the same name is tagged properly elsewhere
            found.append(Found(span.start, span.end, fold(span.text), ent.label_, "", kind="weak"))
            taken.update(range(span.start, span.end))
            continue
        if span[-1].lower_ in INSTITUTIONS and len(span) == 1:
            found.append(Found(span.start, span.end, span.text, "NOMINAL", ORGANIZATION, kind="nominal"))
        else:
            said = context_type(span)
            if said == PERSON and ent.label_ != "PERSON":  # trim its title as a person's
                span = clean_span(Span(doc, ent.start, ent.end, label="PERSON")) or span
            found.append(
                Found(
                    span.start,
                    span.end,
                    fold(span.text),
                    ent.label_,
                    said or LABEL_TYPES[ent.label_],
                    form=_with_honorific(span),
                    context=said is not None,
                )
            )
        taken.update(range(span.start, span.end))
    for token in tokens_where(doc, lower=_INSTITUTION_IDS, pos=_NOUNS):
        if token.i not in taken:
            found.append(_institution(doc, token))
    found.sort(key=lambda f: (f.start, f.end))
    return found


# What a sentence says of a name can outweigh the NER label (tests/test_extract.py):
# a name after a person's title is a person ("Foreign Minister Walid Muallem");
# a town or name in a match report is a club ("Hoffenheim beat Dortmund", "Freiburg coach").
PERSON_NOUNS = frozenset(
    {
        "journalist",
        "reporter",
        "correspondent",
        "scholar",
        "expert",
        "analyst",
        "professor",
        "researcher",
        "scientist",
        "lawyer",
        "attorney",
        "investigator",
        "economist",
        "historian",
        "author",
        "writer",
        "activist",
        "official",
        "politician",
        "lawmaker",
        "legislator",
        "diplomat",
        "spokesman",
        "spokeswoman",
        "player",
        "coach",
        "actor",
        "actress",
        "singer",
        "artist",
        "director",
        "founder",
        "leader",
        "candidate",
        "deputy",
        "adviser",
        "advisor",
        "teacher",
        "student",
        "doctor",
        "priest",
        "bishop",
        "judge",
        "prosecutor",
    }
)
SPORT_VERBS = frozenset(
    {
        "beat",
        "defeat",
        "thrash",
        "edge",
        "draw",
        "hold",
        "overcome",
        "trounce",
        "outplay",
        "relegate",
        "host",
        "sign",
        "lose",
        "rout",
        "stun",
        "eliminate",
    }
)
SPORT_NOUNS = frozenset(
    {
        "coach",
        "striker",
        "midfielder",
        "goalkeeper",
        "keeper",
        "defender",
        "forward",
        "winger",
        "fans",
        "supporters",
        "squad",
        "manager",
        "captain",
        "player",
        "players",
        "side",
        "club",
        "team",
        "teammate",
        "teammates",
        "stadium",
        "bench",
        "goal",
        "goals",
        "win",
        "victory",
        "defeat",
        "draw",
        "match",
        "game",
        "clash",
        "loss",
    }
)
PLACE_OF_A_CLUB = frozenset({"club", "side", "team", "stadium", "fans", "supporters"})  # "the Gelsenkirchen club"
SPORT_WORDS = SPORT_NOUNS | {
    "bundesliga",
    "league",
    "championship",
    "cup",
    "season",
    "scored",
    "kickoff",
    "relegation",
    "promotion",
    "referee",
    "halftime",
    "penalty",
    "tournament",
}


_PERSON_WORDS = TITLES | HONORIFICS | PERSON_NOUNS
_COUNTRIES_AND_CONTINENTS = COUNTRIES | CONTINENTS
_TEAM_WORDS = SPORT_NOUNS - PLACE_OF_A_CLUB
_SPORT_HEADS = SPORT_VERBS | SPORT_NOUNS


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
    if label in ("ORG", "GPE", "LOC"):
        lead = span.start  # "Foreign Minister" inside the span, as the NER sometimes takes it
        while lead < span.end - 2 and doc[lead].lower_.rstrip(".") in TITLES:
            lead += 1
        name = doc[lead : span.end]
        before = doc[lead - 1] if lead > 0 else None
        person_word = before is not None and before.lower_.rstrip(".") in _PERSON_WORDS
        described = any(c.dep_ == "appos" and lemma(c).lower() in PERSON_NOUNS for c in name.root.children)
        if (
            2 <= len(name) <= 3
            and (person_word or described)
            and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in name)
        ):
            return PERSON  # "Foreign Minister Walid Muallem", "Chris Yearley, a journalist at ..."
    if label in ("GPE", "LOC") and _sport_role(span) and _sport_sentence(span):
        if fold(span.text).casefold() not in _COUNTRIES_AND_CONTINENTS:
            return ORGANIZATION
    return None


def _sport_sentence(span: Span) -> bool:
    return any(t.lower_ in SPORT_WORDS or lemma(t).lower() in SPORT_VERBS for t in span.sent)


def _sport_role(span: Span) -> bool:
    """The name plays a club's part: subject or object of a sporting verb, owner or modifier of a
    team word ("Dortmund coach", "Bayern's striker"), a score beside it ("Hamburg 2-1")."""
    doc, head = span.doc, span.root
    if head.dep_ in ("nsubj", "dobj", "nsubjpass") and lemma(head.head).lower() in SPORT_VERBS:
        return True
    if head.dep_ in ("poss", "compound", "nmod") and head.head.lower_ in _TEAM_WORDS:
        return True
    if (
        head.dep_ == "pobj"
        and head.head.lower_ in ("against", "over", "at", "to", "with")
        and lemma(head.head.head).lower() in _SPORT_HEADS
    ):
        return True
    nearby = doc[max(span.start - 2, 0) : span.start].text + " " + doc[span.end : span.end + 2].text
    return re.search(r"\b\d{1,2}\s*[-–:]\s*\d{1,2}\b", nearby) is not None


def clean_span(span: Span) -> Span | None:
    """Trim determiners, honorifics, titles, possessives and credits; None for junk."""
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
        else:
            break
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        and doc[end - 1].text != "."
        or doc[end - 1].text in ("'s", "’s", "'", "’")
    ):
        end -= 1
    if start >= end:
        return None
    if label == "ORG" and end - start == 1 and doc[start].lower_ in PORTFOLIOS:
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in OFFICE_HOLDERS:
            return None  # "Secretary of State", "Minister of Finance": a role
        if end < len(doc) and doc[end].lower_ in OFFICE_WORDS:  # "State Department", not "State"
            if doc[end].lower_ in OFFICE_HOLDERS:
                return None  # "Interior Minister": a role, not an organisation
            end += 1
    text = doc[start:end].text
    if not any(c.isupper() for c in text) and not any(ord(c) > 0x2E7F for c in text):
        return None  # "netizens": lower-case words are not names (CJK has no case)
    if len(text) < 2 or not re.search(r"[^\W\d_]", text):
        return None
    return Span(doc, start, end, label=label)


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
