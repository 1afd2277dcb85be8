"""The fast default pipeline (cached attributes, lemmas on demand) against the model as it ships."""

from __future__ import annotations

import csv

import numpy
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from newsgraph.extract import extract_facts, parse_article, read_article
from newsgraph.extract.tokens import lemma, sentence_starts

from conftest import SEEDS

SHIPPED = ["tok2vec", "tagger", "newsgraph_paragraphs", "parser", "attribute_ruler", "lemmatizer", "ner"]
TEXTS = [
    "The ministers were running towards the houses of parliament, weren't they?",
    "There is a man who's gonna win. Let's go: y'all ain't seen nothing'.",
    "Liu Xiaoming, China's ambassador to the UK, said the tweets were liked by mistake.",
    "  \n\nIt has been said that it, and I, and you, did it to them.\n",
]


@pytest.fixture(scope="module")
def full_nlp():
    from newsgraph.extract import load_pipeline

    return load_pipeline(full_parse=True)


def shipped(nlp, text: str) -> Doc:
    """The Doc the model's own components make (they stay in the fast pipeline, disabled)."""
    doc = nlp.make_doc(text)
    for name in SHIPPED:
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_the_fast_pipeline_swaps_two_components(nlp, full_nlp):
    assert "newsgraph_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert "newsgraph_lemmas" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert full_nlp.pipe_names == SHIPPED


def test_cached_attributes_equal_the_attribute_ruler(nlp):
    texts = TEXTS + [read_article(p).body for p in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        fast, slow = nlp(text), shipped(nlp, text)
        columns = [POS, TAG, DEP, MORPH, HEAD]
        assert (fast.to_array(columns) == slow.to_array(columns)).all(), text[:60]
        # the ruler's own lemma exceptions ("'s" -> "be") are set; the rest wait to be read
        ruled = fast.to_array([LEMMA]) != 0
        assert (fast.to_array([LEMMA])[ruled] == slow.to_array([LEMMA])[ruled]).all()
        assert 0 < ruled.sum() < len(fast)


def test_lemmas_on_demand_are_the_lemmatizers(nlp):
    for text in TEXTS:
        fast, slow = nlp(text), shipped(nlp, text)
        assert [lemma(t) for t in fast] == [t.lemma_ for t in slow]
        assert all(t.lemma for t in fast)  # kept on the token once read


def test_sentence_starts_are_the_docs_sentences(nlp, make_doc):
    for text in TEXTS + [read_article(p).body for p in sorted(SEEDS.glob("*.txt"))]:
        doc = nlp(text)
        assert sentence_starts(doc) == [s.start for s in doc.sents], text[:60]
    # hand-built: each root and its subtree a sentence ("Twitter banned it" / "Liu left")
    doc = make_doc(["Twitter", "banned", "it", "Liu", "left"], heads=[1, 1, 1, 4, 4])
    assert sentence_starts(doc) == [0, 3] == [s.start for s in doc.sents]


def test_lemma_of_a_hand_built_doc(make_doc, vocab):
    doc = make_doc(["Twitter", "banned", "it"], lemmas=["Twitter", "ban", "it"])
    assert [lemma(t) for t in doc] == ["Twitter", "ban", "it"]
    bare = Doc(vocab, words=["banned"])  # a vocabulary no lemmatizer was given: no lemma, as spaCy
    assert lemma(bare[0]) == "" == bare[0].lemma_


def test_same_facts_as_the_full_pipeline(nlp, full_nlp, shared_dir):
    """The seeds and 40 BBC articles: every entity, mention, relation, attribute and quotation."""
    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    with open(shared_dir / "bench" / "bbc" / "bbc_news_train.csv", encoding="utf-8", newline="") as fh:
        for n, row in zip(range(40), csv.DictReader(fh), strict=False):
            articles.append(parse_article(row["text"], f"bbc-{n}"))
    fast = list(extract_facts(articles, nlp))
    full = list(extract_facts(articles, full_nlp))
    assert sum(len(f.relations) for f in full) > 100 and sum(len(f.quotations) for f in full) > 50
    for a, b in zip(fast, full, strict=True):
        assert a == b, a.article.id


def test_build_full_parse_flag(tmp_path):
    from newsgraph.graph.cli import main

    seed = sorted(SEEDS.glob("*.txt"))[0]
    assert main(["build", str(seed), "-o", str(tmp_path / "fast"), "--format", "ttl", "-q"]) == 0
    assert main(["build", str(seed), "-o", str(tmp_path / "full"), "--format", "ttl", "-q", "--full-parse"]) == 0
    fast, full = ((tmp_path / d / "graph.ttl").read_bytes() for d in ("fast", "full"))
    assert fast == full and b"schema:Person" in fast


def test_cached_attributes_cache_is_small(nlp):
    """The cache holds one entry per (tag, word the patterns test or "any other", dependency)."""
    attributes = nlp.get_pipe("newsgraph_attributes")
    nlp("Xylophonists from Zanzibar quietly outplayed Quixotic Quokkas.")
    words = {key[1] for key in attributes.cache}
    assert attributes.other in words
    assert len(words) < 400
    assert numpy.uint64(attributes.other) not in set(nlp("Quokkas").to_array([LEMMA]).tolist())
