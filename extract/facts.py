"""Plain-data facts that extract/ produces: articles, entities, relations, quotations.

Everything here is a frozen dataclass of strings, ints and floats (no spaCy objects), so facts
pickle, cross process boundaries, can be written to disk as JSON and merged later.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

PERSON = "Person"
ORGANIZATION = "Organization"
PLACE = "Place"
ENTITY_TYPES = (PERSON, ORGANIZATION, PLACE)


@dataclass(frozen=True)
class Article:
    """One news article as read from a file; every offset in its facts points into `body`."""

    id: str
    path: str
    headline: str
    body: str
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) where the article states one
    url: str | None = None
    authors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()  # photo and media credits, kept out of the text the NER reads
    editors: tuple[str, ...] = ()  # "Editor: ..." lines
    sources: tuple[str, ...] = ()  # the news agencies credited ("(AFP, Reuters)"), never mentions
    warnings: tuple[str, ...] = ()  # what the reader had to guess or repair
    duplicates: tuple[str, ...] = ()  # ids of other files holding the same text (read once)


@dataclass(frozen=True)
class Mention:
    """One place in the body where an entity is named or referred to."""

    text: str
    start: int
    end: int
    label: str  # the model's label (PERSON, ORG, GPE, ...) or the rule that found it
    form: str = ""  # as written with its honorific ("Mr Liu") when that differs from `text`


@dataclass(frozen=True)
class Entity:
    """An entity as one article knows it: its best name, type and every mention."""

    key: str  # unique inside the article
    name: str
    type: str  # one of ENTITY_TYPES
    mentions: tuple[Mention, ...]
    type_votes: tuple[tuple[str, int], ...] = ()  # (type, mentions voting for it), for merging

    @property
    def aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.form or m.text, None)
        return tuple(seen)


@dataclass(frozen=True)
class Relation:
    """A typed relation between two entities of one article, with the sentence that states it."""

    subject: str  # Entity.key
    predicate: str  # a key of extract.predicates.PREDICATES
    object: str  # Entity.key
    sentence: str
    start: int  # sentence offsets into the body
    end: int
    confidence: float = 1.0
    rule: str = ""  # which pattern produced it, for debugging and evaluation


@dataclass(frozen=True)
class Attribute:
    """A literal fact about one entity (a job title, say), with its evidence sentence."""

    entity: str
    name: str  # "jobTitle"
    value: str
    sentence: str
    start: int
    end: int
    confidence: float = 1.0  # of the pattern that found it, as for relations


@dataclass(frozen=True)
class Quotation:
    """Quoted words, who said them and where (extract/quotes.py finds them)."""

    text: str
    speaker: str | None  # Entity.key, or None when nobody in the article can be named
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extract/ learned from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    quotations: tuple[Quotation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """As dataclasses.asdict gives it (every field, nested facts as dicts), in about a tenth of its
        time: the facts hold only strings, numbers and tuples of them, so nothing needs a deep copy
        (tests/test_extract.py compares the two)."""
        return {
            "article": dict(vars(self.article)),
            "entities": tuple({**vars(e), "mentions": tuple(dict(vars(m)) for m in e.mentions)} for e in self.entities),
            "relations": tuple(dict(vars(r)) for r in self.relations),
            "attributes": tuple(dict(vars(a)) for a in self.attributes),
            "quotations": tuple(dict(vars(q)) for q in self.quotations),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleFacts":
        def tup(items, make):
            return tuple(make(i) for i in items)

        def entity(d):
            return Entity(
                key=d["key"],
                name=d["name"],
                type=d["type"],
                mentions=tup(d["mentions"], lambda m: Mention(**m)),
                type_votes=tuple(tuple(v) for v in d.get("type_votes", ())),
            )

        art = dict(data["article"])
        for f in fields(Article):  # the lists of names, as tuples (a field added later: empty)
            if f.type.startswith("tuple"):
                art[f.name] = tuple(art.get(f.name, ()))
        return cls(
            article=Article(**art),
            entities=tup(data.get("entities", ()), entity),
            relations=tup(data.get("relations", ()), lambda r: Relation(**r)),
            attributes=tup(data.get("attributes", ()), lambda a: Attribute(**a)),
            quotations=tup(data.get("quotations", ()), lambda q: Quotation(**q)),
        )
