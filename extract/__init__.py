"""newsgraph.extract: news article text in, plain facts out (entities, relations, evidence).

    from newsgraph.extract import read_article, load_pipeline, extract_facts
    nlp = load_pipeline()                      # en_core_web_md, installed from PyPI
    facts = next(extract_facts([read_article("seeds/000_912c7b24476735e9.txt")], nlp))

Nothing here knows about graphs; what it returns pickles and serialises to JSON.
"""

from .facts import (
    ENTITY_TYPES,
    ORGANIZATION,
    PERSON,
    PLACE,
    Article,
    ArticleFacts,
    Attribute,
    Entity,
    Mention,
    Quotation,
    Relation,
)
from .reader import ArticleError, find_articles, parse_article, read_article

__all__ = [
    "ENTITY_TYPES",
    "ORGANIZATION",
    "PERSON",
    "PLACE",
    "Article",
    "ArticleFacts",
    "Attribute",
    "Entity",
    "Mention",
    "Quotation",
    "Relation",
    "DEFAULT_MODEL",
    "ModelNotFound",
    "extract_facts",
    "facts_from_doc",
    "load_pipeline",
    "ArticleError",
    "find_articles",
    "parse_article",
    "read_article",
]


def __getattr__(name: str):
    """The pipeline's names are imported on first use: spaCy takes a second to import, and the
    command line's help, the reader and the facts do not need it (PEP 562)."""
    if name in ("DEFAULT_MODEL", "ModelNotFound", "extract_facts", "facts_from_doc", "load_pipeline"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
