"""Candidate tokens for the patterns, picked with numpy from the Doc's arrays; lemmas on demand.

Most tokens of an article are no candidate for a given pattern (not a verb, not a title word);
looking at each in Python cost more than the patterns themselves, so the candidates are found
on the Doc's integer columns first and only they become Token objects, in document order.
"""

from __future__ import annotations

from typing import Callable, Iterable

import numpy
from spacy.attrs import LOWER, POS, SENT_START
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

LEMMA_CACHE = 100_000  # lemmas kept per vocabulary (about 30 MB) before the cache starts again
# id(vocab) -> (vocab, lemmatize, {(orth, pos, morph): (lemma, its hash)})
_LEMMATIZERS: dict[int, tuple[Vocab, Callable[[Token], list[str]], dict]] = {}


def word_ids(words: Iterable[str]) -> numpy.ndarray:
    """The hashes spaCy stores for these (lower-case) words, to match the LOWER column."""
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype=numpy.uint64)


def pos_ids(tags: Iterable[str]) -> numpy.ndarray:
    return numpy.array(sorted(IDS[t] for t in tags), dtype=numpy.uint64)


def tokens_where(doc: Doc, lower: numpy.ndarray | None = None, pos: numpy.ndarray | None = None) -> list[Token]:
    """The tokens whose lower-case form is one of `lower` and whose part of speech is one of `pos`
    (either test left out when None), in document order."""
    columns = doc.to_array([LOWER, POS])
    keep = numpy.ones(len(doc), dtype=bool)
    if lower is not None:
        keep &= numpy.isin(columns[:, 0], lower)
    if pos is not None:
        keep &= numpy.isin(columns[:, 1], pos)
    return [doc[i] for i in numpy.flatnonzero(keep).tolist()]


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each of the Doc's sentences, as `doc.sents` gives them: for a parsed Doc
    (a sentence starts at the first token and wherever `is_sent_start` is true) read from the Doc's
    array; otherwise (sentences set by a hook, or none: spaCy's error) from `doc.sents` itself."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
        return [s.start for s in doc.sents]
    flags = doc.to_array([SENT_START]).astype(numpy.int64).reshape(-1)
    return [0, *(numpy.flatnonzero(flags[1:] == 1) + 1).tolist()]


def lemmatize_with(vocab: Vocab, lemmatize: Callable[[Token], list[str]]) -> None:
    """Have `lemma` compute the lemmas a Doc of this vocabulary lacks with `lemmatize` (a spaCy
    Lemmatizer's), when they are read (components.LemmasOnDemand)."""
    _LEMMATIZERS[id(vocab)] = (vocab, lemmatize, {})


def lemma(token: Token) -> str:
    """The token's lemma: the one its Doc holds, else what the pipeline's lemmatizer gives it
    (computed now and kept on the token). A Doc made without a lemmatizer gives "", as
    `token.lemma_` does.

    The rule lemmatizer's answer depends on the word, its part of speech and its morphology only
    (its own cache is keyed so, but skips the words already in base form, most of them): the
    answers are kept here under the same key."""
    if token.lemma:
        return token.lemma_
    found = _LEMMATIZERS.get(id(token.vocab))
    if found is None:
        return ""
    key = (token.orth, token.pos, token.morph.key)
    known = found[2].get(key)
    if known is None:
        if len(found[2]) >= LEMMA_CACHE:
            found[2].clear()
        value = found[1](token)[0]
        known = found[2][key] = (value, token.vocab.strings.add(value))
    token.lemma = known[1]
    return known[0]
