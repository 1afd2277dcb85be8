"""Load DWIE and Re-DocRED as plain gold documents, split them for training and testing, write them as articles.

    import datasets                               # from bench/, after sys.path.insert(0, bench folder)
    docs = datasets.load_dwie(datasets.DWIE)      # 98 GoldDocs
    test = datasets.split(docs, "test")           # the 30 held out
    datasets.write_articles(test, folder)         # <id>.txt files that `newsgraph build` reads

The held-out split is a contract: the relation model trains on `split(docs, "train")` only and the
benchmarks report on `split(docs, "test")`. A document's place is fixed by the SHA-1 of its id
(hex digest of the UTF-8 id): sorted by that digest, the first TEST_SIZE[dataset] documents are
the test part (30 of DWIE's 98, 150 of Re-DocRED's 500), the rest are train. It depends on
nothing but the ids, so it is the same on every machine and does not move when documents are
added, reordered or limited. Ids: DWIE's own (`DW_1095032`); for Re-DocRED the Wikipedia title
with every run of characters other than letters and digits replaced by "_" (`Willi_Schneider_skeleton_racer`).

Every document becomes a `GoldDoc`: the text with character offsets for each mention, the gold
entities (one per DWIE cluster or Re-DocRED vertex, typed Person / Organization / Place or None
for the types not scored) and the gold relations as a set of (head entity, schema.org property,
tail entity). How the data sets' relation types map onto schema.org is in DWIE_PROPERTIES and
REDOCRED_PROPERTIES; three conventions hold for both:
- parent and child relations are stated one way, as `children` (parent -> child);
- `founder` goes from the organisation to the person who founded it, as schema.org has it;
- a relation is kept only when both of its entities have a scored type and are named in the
  text (the others could never be matched by name); what was left out is counted in `GoldDoc.dropped`.
DWIE types ending in `-x` point at an adjective cluster ("German", a NORP) instead of the place:
they are followed through the adjective's `gpe0/1/2` relation to the place it names. In the 98
development articles every such relation then equals a plain relation already there, so they add
nothing; they are counted in `dropped` so that stays visible.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
DWIE = SHARED / "dwie" / "dev.jsonl"
REDOCRED = SHARED / "redocred" / "dev.json"
TEST_SIZE = {"dwie": 30, "redocred": 150}
PARTS = ("train", "test", "all")

DWIE_TYPES = {"PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place"}
REDOCRED_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}

# DWIE relation type -> (schema.org property, whether head and tail swap)
DWIE_PROPERTIES = {
    "citizen_of": ("nationality", False),
    "member_of": ("memberOf", False),
    "player_of": ("memberOf", False),
    **{
        t: ("worksFor", False)
        for t in (
            "agent_of",
            "head_of",
            "minister_of",
            "coach_of",
            "spokesperson_of",
            "advisor_of",
            "mayor_of",
            "head_of_state",
            "head_of_gov",
        )
    },
    "based_in0": ("location", False),
    "based_in1": ("location", False),
    "based_in2": ("location", False),
    "in0": ("containedInPlace", False),
    "in1": ("containedInPlace", False),
    "in2": ("containedInPlace", False),
    "agency_of": ("parentOrganization", False),
    "ministry_of": ("parentOrganization", False),
    "institution_of": ("parentOrganization", False),
    "spouse_of": ("spouse", False),
    "sibling": ("sibling", False),
    "parent_of": ("children", False),  # parent_of(A, B): A is B's parent
    "child_of": ("children", True),  # child_of(A, B): A is B's child
    "founder_of": ("founder", True),  # founder_of(person, org) -> founder(org, person)
}
DWIE_ADJECTIVE_LINKS = ("gpe0", "gpe1", "gpe2")  # adjective cluster -> the place it names

# Re-DocRED Wikidata property -> (schema.org property, whether head and tail swap); the place
# properties P131, P17, P276, P30 and P706 depend on the head's type (REDOCRED_PLACE_PROPERTIES)
REDOCRED_PROPERTIES = {
    "P108": ("worksFor", False),
    "P463": ("memberOf", False),
    "P102": ("memberOf", False),
    "P54": ("memberOf", False),
    "P27": ("nationality", False),
    "P159": ("location", False),
    "P551": ("homeLocation", False),
    "P749": ("parentOrganization", False),
    "P112": ("founder", False),  # founded by: organisation -> founder
    "P26": ("spouse", False),
    "P19": ("birthPlace", False),
    "P20": ("deathPlace", False),
    "P69": ("alumniOf", False),
    "P40": ("children", False),  # child: parent -> child
    "P22": ("children", True),
    "P25": ("children", True),  # father, mother: child -> parent
    "P3373": ("sibling", False),
}
# of an organisation, located in; of a place, contained in; of anything else, not scored
REDOCRED_PLACE_PROPERTIES = {
    "P131": {"Organization": "location", "Place": "containedInPlace"},
    "P17": {"Organization": "location", "Place": "containedInPlace"},
    "P276": {"Organization": "location", "Place": "containedInPlace"},
    "P30": {"Place": "containedInPlace"},
    "P706": {"Place": "containedInPlace"},
}


class Mention(NamedTuple):
    """A name as written, with its character offsets [start, end) into GoldDoc.text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity: a DWIE cluster or a Re-DocRED vertex (its index is `cluster`)."""

    cluster: int
    type: str | None  # Person, Organization, Place; None for the types not scored
    mentions: tuple[Mention, ...]


@dataclass
class GoldDoc:
    """One annotated document as plain data.

    `text` is what the article file holds: for DWIE the headline, a blank line and the body
    paragraphs separated by blank lines (offsets rebased accordingly); for Re-DocRED the body
    alone (the Wikipedia title is not part of the annotated text). `body_start` is where the
    body begins in `text`; mentions before it are in the headline.
    """

    dataset: str
    id: str
    headline: str
    text: str
    body_start: int
    entities: list[GoldEntity]
    relations: set[tuple[int, str, int]]
    dropped: Counter = field(default_factory=Counter)  # gold relations left out, by reason

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


# --- DWIE ------------------------------------------------------------------------------------


def load_dwie(path: str | Path = DWIE) -> list[GoldDoc]:
    """Every article of a DWIE JSON-lines file, in file order."""
    with open(path, encoding="utf-8") as fh:
        return [dwie_doc(json.loads(line)) for line in fh if line.strip()]


def dwie_doc(item: dict) -> GoldDoc:
    """One DWIE article (a parsed JSON line) as a GoldDoc."""
    text, shift = _paragraphs(item["text"])
    headline = text.split("\n", 1)[0]
    by_cluster: dict[int, list[Mention]] = {c["cluster"]: [] for c in item["clusters"]}
    for m in sorted(item["entities"], key=lambda m: (m["start"], m["end"])):
        start, end = shift(m["start"]), shift(m["end"])
        by_cluster[m["cluster"]].append(Mention(text[start:end], start, end))
    entities = [
        GoldEntity(c["cluster"], DWIE_TYPES.get(c["type"]), tuple(by_cluster[c["cluster"]])) for c in item["clusters"]
    ]
    relations, dropped = dwie_relations(item["relations"], entities)
    return GoldDoc(
        "dwie",
        item["id"],
        headline,
        text,
        len(headline) + 2 if "\n" in text else len(text),
        entities,
        relations,
        dropped,
    )


def _paragraphs(text: str):
    """The text with each line stripped, blank lines dropped and lines joined by a blank line, and a
    function that moves an offset in the old text to the same character in the new one."""
    new_parts: list[str] = []
    moves: list[tuple[int, int]] = []  # (old start of a kept line's text, new start)
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            new_start = sum(len(p) + 2 for p in new_parts)
            moves.append((pos + lead, new_start))
            new_parts.append(stripped)
        pos += len(line) + 1

    def shift(offset: int) -> int:
        old, new = max((m for m in moves if m[0] <= offset), default=moves[0])
        return new + offset - old

    return "\n\n".join(new_parts), shift


def dwie_relations(relations: list[dict], entities: list[GoldEntity]) -> tuple[set[tuple[int, str, int]], Counter]:
    """DWIE's relations as (head, schema.org property, tail), and a count of those left out by reason."""
    scored = {e.cluster for e in entities if e.type and e.mentions}
    adjective_of = {r["head_cluster"]: r["tail_cluster"] for r in relations if r["type"] in DWIE_ADJECTIVE_LINKS}
    kept: set[tuple[int, str, int]] = set()
    dropped: Counter = Counter()
    for r in relations:
        kind, head, tail = r["type"], r["head_cluster"], r["tail_cluster"]
        adjective = kind.endswith("-x")
        if adjective:
            kind = kind[:-2]
            if tail not in adjective_of:
                dropped["-x: the adjective names no place"] += 1
                continue
            tail = adjective_of[tail]
        if kind not in DWIE_PROPERTIES:
            dropped[f"{kind}: no schema.org property"] += 1
            continue
        prop, swap = DWIE_PROPERTIES[kind]
        if swap:
            head, tail = tail, head
        if head not in scored or tail not in scored:
            dropped[f"{prop}: an entity of an unscored type or never named"] += 1
            continue
        triple = (head, prop, tail)
        if adjective:
            dropped[
                "-x: same as a plain relation"
                if _plain_exists(triple, relations)
                else "-x: followed to the place (kept)"
            ] += 1
        kept.add(triple)
    return kept, dropped


def _plain_exists(triple: tuple[int, str, int], relations: list[dict]) -> bool:
    head, prop, tail = triple
    return any(
        DWIE_PROPERTIES.get(r["type"], (None,))[0] == prop and {r["head_cluster"], r["tail_cluster"]} == {head, tail}
        for r in relations
    )


# --- Re-DocRED -------------------------------------------------------------------------------


def load_redocred(path: str | Path = REDOCRED) -> list[GoldDoc]:
    """Every document of a Re-DocRED JSON file, in file order."""
    docs = [redocred_doc(item) for item in json.loads(Path(path).read_text(encoding="utf-8"))]
    ids = Counter(d.id for d in docs)
    if len(ids) != len(docs):
        raise ValueError(f"{path}: titles that give the same id: {[i for i, n in ids.items() if n > 1]}")
    return docs


def redocred_id(title: str) -> str:
    """A file-safe id from a Wikipedia title: "Willi Schneider (skeleton racer)" -> "Willi_Schneider_skeleton_racer"."""
    return re.sub(r"[^\w]+", "_", title).strip("_") or hashlib.sha1(title.encode()).hexdigest()[:12]


def redocred_doc(item: dict) -> GoldDoc:
    """One Re-DocRED document as a GoldDoc, its tokens joined into readable text."""
    text, spans = detokenize(item["sents"])
    entities = []
    for index, vertex in enumerate(item["vertexSet"]):
        mentions = []
        for m in sorted(vertex, key=lambda m: (m["sent_id"], m["pos"][0])):
            start = spans[m["sent_id"]][m["pos"][0]][0]
            end = spans[m["sent_id"]][m["pos"][1] - 1][1]
            mentions.append(Mention(text[start:end], start, end))
        kinds = Counter(m["type"] for m in vertex)  # a few vertices mix types: the majority, then the first
        kind = max(kinds, key=lambda k: (kinds[k], -[m["type"] for m in vertex].index(k)))
        entities.append(GoldEntity(index, REDOCRED_TYPES.get(kind), tuple(mentions)))
    relations, dropped = redocred_relations(item["labels"], entities)
    return GoldDoc("redocred", redocred_id(item["title"]), item["title"], text, 0, entities, relations, dropped)


def redocred_relations(labels: list[dict], entities: list[GoldEntity]) -> tuple[set[tuple[int, str, int]], Counter]:
    """Re-DocRED's labels as (head, schema.org property, tail), and a count of those left out by reason."""
    kept: set[tuple[int, str, int]] = set()
    dropped: Counter = Counter()
    for label in labels:
        r, head, tail = label["r"], label["h"], label["t"]
        if r in REDOCRED_PLACE_PROPERTIES:
            prop, swap = REDOCRED_PLACE_PROPERTIES[r].get(entities[head].type), False
            if prop is None:
                dropped[f"{r} of {_a(entities[head].type or 'unscored type')}: not scored"] += 1
                continue
        elif r in REDOCRED_PROPERTIES:
            prop, swap = REDOCRED_PROPERTIES[r]
        else:
            continue  # most Wikidata properties have no schema.org counterpart: not counted
        if swap:
            head, tail = tail, head
        if not (entities[head].type and entities[tail].type):
            dropped[f"{prop}: an entity of an unscored type"] += 1
            continue
        kept.add((head, prop, tail))
    return kept, dropped


def _a(noun: str) -> str:
    return ("an " if noun[0].lower() in "aeiou" else "a ") + noun


NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "”",
    "’",
    "...",
    "…",
    "..",
    "(;",
}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "£", "“", "‘"}
ATTACHED = {"-"}  # "two - year" -> "two-year"


def detokenize(sents: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Tokens joined into text as it would be written, sentences separated by a space, and the
    character span of every token (sentence by sentence); tokens that are only whitespace keep an
    empty span where they stood."""
    out: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    length = 0
    quote_open = False
    glue = True  # no space before the next token
    for sent in sents:
        sent_spans = []
        for token in sent:
            if not token.strip():
                sent_spans.append((length, length))
                continue
            opening = token == '"' and not quote_open
            closing = token == '"' and quote_open
            if not glue and not (token in NO_SPACE_BEFORE or token in ATTACHED or closing):
                out.append(" ")
                length += 1
            sent_spans.append((length, length + len(token)))
            out.append(token)
            length += len(token)
            if token == '"':
                quote_open = not quote_open
            glue = token in NO_SPACE_AFTER or token in ATTACHED or opening
        spans.append(sent_spans)
        glue = False
    return "".join(out), spans


# --- the split and the articles --------------------------------------------------------------


def split_key(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()


def folds_of(doc_ids: Iterable[str], folds: int, seed: int) -> list[int]:
    """The cross-validation fold of each item, by its document: the documents, shuffled with
    `seed`, are dealt into `folds` folds, so no document is in two."""
    ids = list(doc_ids)
    docs = sorted(set(ids))
    random.Random(seed).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    return [fold[d] for d in ids]


def cross_validation(doc_ids: Iterable[str], folds: int, seed: int, repeats: int = 1):
    """(train, test) boolean masks over the items, fold by fold, of `repeats` cross-validations by
    document, each dealing the documents into folds with its own seed (seed, seed + 1, ...): the
    mean of their out-of-fold scores depends less on one split's luck."""
    import numpy as np

    ids = list(doc_ids)
    for repeat in range(repeats):
        groups = np.array(folds_of(ids, folds, seed + repeat))
        for k in range(folds):
            yield groups != k, groups == k


def trained_on(counts: dict[str, int]) -> dict[str, str]:
    """What a model trained here read: the train parts of DWIE and Re-DocRED (`counts`: documents
    of each), and what was held out."""
    return {
        "dwie": f"{counts['dwie']} of the 98 DWIE development articles in ../shared/bench/dwie (Deutsche Welle "
        "news; annotations GPL-3.0, text Deutsche Welle's): bench/datasets.py's train part",
        "redocred": f"{counts['redocred']} of the 500 Re-DocRED development documents in "
        "../shared/bench/redocred (Wikipedia introductions; MIT): the train part",
        "held_out": "DWIE 30 and Re-DocRED 150 documents (bench/datasets.py split 'test'), never read here",
    }


def split(docs: Iterable[GoldDoc], part: str) -> list[GoldDoc]:
    """The documents of one part, "train", "test" or "all", in their given order (see the module docstring)."""
    docs = list(docs)
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    if part == "all":
        return docs
    test: set[str] = set()
    for dataset in sorted({d.dataset for d in docs}):
        ranked = sorted((split_key(d.id), d.id) for d in docs if d.dataset == dataset)
        test.update(doc_id for _, doc_id in ranked[: TEST_SIZE[dataset]])
    return [d for d in docs if (d.id in test) == (part == "test")]


def write_articles(docs: Iterable[GoldDoc], folder: str | Path) -> dict[str, str]:
    """Write each document as `<id>.txt` in `folder` so that newsgraph's reader gives back its body
    exactly; return, per id, how the headline was written.

    The reader takes a first line of 3 to 25 words without closing punctuation as the headline,
    drops body paragraphs that start with the headline, and otherwise keeps the first line as
    body text. So each file is tried, in order, as: the headline line, a blank line, the body
    ("plain"); the headline as a Markdown heading "# ..." ("heading"; the reader always takes that
    as the headline); the body alone ("no headline", when the body starts with the headline, as
    Wikipedia introductions do; the reader then uses the first sentence). The first form the reader
    parses back to this headline (where one is written) and this body is written; if none does,
    the plain form is written and its value is "changed by the reader".
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    forms = {}
    for doc in docs:
        form, content = article_file(doc)
        forms[doc.id] = form
        (folder / f"{doc.id}.txt").write_text(content, encoding="utf-8")
    return forms


def article_file(doc: GoldDoc) -> tuple[str, str]:
    """How `write_articles` writes one document: (form, the file's whole content); see there."""
    from newsgraph.extract.reader import parse_article

    candidates = [
        ("plain", f"{doc.headline}\n\n{doc.body}", doc.headline),
        ("heading", f"# {doc.headline}\n\n{doc.body}", doc.headline),
        ("no headline", doc.body, None),
    ]
    for name, content, headline in candidates:
        article = parse_article(content, article_id=doc.id)
        if article.body == doc.body and (headline is None or article.headline == headline):
            return name, content + "\n"
    return "changed by the reader", candidates[0][1] + "\n"


def built_body(doc: GoldDoc) -> str:
    """The text `newsgraph build` parses for this document: the body the reader gives back from the
    file `write_articles` writes (agency credits, author and editor lines are the article's
    metadata, not its text), so that training reads what the benchmarks' builds read."""
    from newsgraph.extract.reader import parse_article

    return parse_article(article_file(doc)[1], article_id=doc.id).body
