"""The spaCy components newsgraph adds to a pipeline, and lemmas read on demand.

- `newsgraph_paragraphs`: a blank line ends a sentence.
- `newsgraph_attributes`: the model's own attribute_ruler (tag -> part of speech, morphology and
  lemma exceptions) applied through a cache. Its single-token patterns can only look at a token's
  tag, lower-case form and dependency label, so what they set is worked out once per distinct
  (tag, lower, dep) and looked up after that; the few patterns that span two tokens still run as a
  Matcher. Same annotations as the attribute_ruler (bench/selective.py compares them), about a
  tenth of its time: the Matcher over every token and all 179 patterns was a sixth of `nlp.pipe`.
- `newsgraph_lemmas`: the model's lemmatizer, run only for the tokens whose lemma is asked for
  (`tokens.lemma`); a few verbs and the words between two entities need one, the lemmatizer
  otherwise visits every token (another sixth of `nlp.pipe`).

`load_pipeline(full_parse=False)` swaps these two in; `full_parse=True` keeps spaCy's own.
"""

from typing import NamedTuple

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .tokens import lemmatize_with

_COLUMNS = (POS, MORPH, LEMMA)  # what the ruler sets on ordinary tokens, written as arrays


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: captions and headings without a full stop stay apart."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


class LemmasOnDemand:
    """Leaves a Doc's lemmas to be computed when read (`tokens.lemma`), by a copy of the
    lemmatizer it replaces whose word lists are sets: the rule lemmatizer looks each candidate
    form up in a list of up to 57,528 nouns, 0.3 ms per word; a set gives the same answers."""

    def __init__(self, nlp: Language, lemmatizer) -> None:
        fast = type(lemmatizer)(nlp.vocab, None, name="newsgraph_lemmas", mode=lemmatizer.mode)
        fast.lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = fast.lookups.add_table(name)
            for key, value in lemmatizer.lookups.get_table(name).items():
                table[key] = frozenset(value) if name == "lemma_index" else value
        lemmatize_with(nlp.vocab, fast.lemmatize)

    def __call__(self, doc: Doc) -> Doc:
        return doc


class _Effect(NamedTuple):
    """What some rules, applied in order, set on one token."""

    columns: dict[int, int]  # index into _COLUMNS -> value
    special: tuple[tuple[int, int], ...]  # (TAG or DEP, value): set token by token


class CachedAttributes:
    """An AttributeRuler's patterns applied with the same precedence (a later pattern wins), the
    single-token ones through a cache keyed by (tag, word, dep)."""

    def __init__(self, ruler) -> None:
        self.vocab = ruler.vocab
        self.attrs = ruler.attrs  # attr_id -> {attribute id: value id}
        self.indices = ruler.indices
        self.single = Matcher(self.vocab)
        self.multi = Matcher(self.vocab)
        self.starts = Matcher(self.vocab)  # the first tokens of the multi-token patterns
        self.words = Matcher(self.vocab)  # every test of the word itself
        self.longest = 1
        for attr_id, entry in enumerate(ruler.patterns):
            one_token = all(len(p) == 1 for p in entry["patterns"])
            (self.single if one_token else self.multi).add(str(attr_id), entry["patterns"])
            if not one_token:
                self.starts.add(str(attr_id), [p[:1] for p in entry["patterns"]])
                self.longest = max(self.longest, *(len(p) for p in entry["patterns"]))
            tests = [[{"LOWER": t["LOWER"]}] for p in entry["patterns"] for t in p if "LOWER" in t]
            if tests:
                self.words.add("word", tests)
        self.other = self.vocab.strings.add("newsgraph-any-other-word")  # a word no pattern names
        self.word: dict[int, int] = {}  # lower -> itself if a pattern tests it or it is space, else `other`
        # (tag, word, dep) -> (the single-token rules it matches, their effect, may it start a longer one)
        self.cache: dict[tuple[int, int, int], tuple[tuple[int, ...], _Effect, bool]] = {}

    def _learn_words(self, lowers: list[int]) -> None:
        """Which of these words some pattern tests: one probe Doc for all of them (a corpus brings
        new names in every article)."""
        texts = [self.vocab.strings[lower] for lower in lowers]
        for lower, text in zip(lowers, texts, strict=True):
            self.word[lower] = lower if text.isspace() else self.other
        probe = Doc(self.vocab, words=[t if not t.isspace() else "_" for t in texts])
        for _, start, _ in self.words(probe):
            self.word[lowers[start]] = lowers[start]

    def _effect(self, attr_ids) -> _Effect:
        columns: dict[int, int] = {}
        special = []
        for attr_id in sorted(attr_ids):
            for attr, value in self.attrs[attr_id].items():
                if attr in _COLUMNS:
                    columns[_COLUMNS.index(attr)] = value
                else:
                    special.append((attr, value))
        return _Effect(columns, tuple(special))

    def _rules_for(self, tag: int, lower: int, dep: int) -> tuple[tuple[int, ...], _Effect, bool]:
        """The single-token rules a token with these values matches, what they set, and whether a
        two-token rule may start at it (its word must have been learnt)."""
        key = (tag, self.word[lower], dep)
        found = self.cache.get(key)
        if found is None:
            strings = self.vocab.strings
            probe = Doc(self.vocab, words=[strings[key[1]]], tags=[strings[tag]], deps=[strings[dep]], heads=[0])
            if not dep:  # Doc() makes a parse of what it is given; an unparsed token has no label
                probe[0].dep = 0
            ids = tuple(int(strings[m]) for m, _, _ in self.single(probe, allow_missing=True))
            found = self.cache[key] = (ids, self._effect(ids), bool(self.starts(probe, allow_missing=True)))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys, where = numpy.unique(doc.to_array([TAG, LOWER, DEP]), axis=0, return_inverse=True)
        where = where.reshape(-1)
        values = doc.to_array(list(_COLUMNS))
        unknown = [lower for lower in numpy.unique(keys[:, 1]).tolist() if lower not in self.word]
        if unknown:
            self._learn_words(unknown)
        rules = [self._rules_for(*row) for row in keys.tolist()]
        # what the single-token rules set, per distinct (tag, word, dep): value and whether set
        set_to = numpy.zeros((len(keys), len(_COLUMNS)), dtype=values.dtype)
        is_set = numpy.zeros((len(keys), len(_COLUMNS)), dtype=bool)
        for row, (_, effect, _) in enumerate(rules):
            for column, value in effect.columns.items():
                set_to[row, column], is_set[row, column] = value, True
        before = values
        values = numpy.where(is_set[where], set_to[where], before)
        with_special = [row for row, (_, effect, _) in enumerate(rules) if effect.special]
        special = {i: rules[where[i]][1].special for i in numpy.flatnonzero(numpy.isin(where, with_special)).tolist()}
        # a rule over two tokens: that token's rules are applied again, all in order
        multi: dict[int, list[int]] = {}
        for first in numpy.flatnonzero(numpy.isin(where, [r for r, x in enumerate(rules) if x[2]])).tolist():
            for match_id, start, end in self.multi(doc[first : first + self.longest], allow_missing=True):
                if start == 0:
                    attr_id = int(self.vocab.strings[match_id])
                    multi.setdefault(range(first, first + end)[self.indices[attr_id]], []).append(attr_id)
        for i, attr_ids in multi.items():
            effect = self._effect([*rules[where[i]][0], *attr_ids])
            values[i] = before[i]
            for column, value in effect.columns.items():
                values[i, column] = value
            special[i] = effect.special
        doc.from_array(list(_COLUMNS), values)
        for i, changes in special.items():
            for attr, value in changes:
                if attr == TAG:
                    doc[i].tag = value
                elif attr == DEP:
                    doc[i].dep = value
        return doc


@Language.factory("newsgraph_attributes")
def make_cached_attributes(nlp: Language, name: str) -> CachedAttributes:
    return CachedAttributes(nlp.get_pipe("attribute_ruler"))


@Language.factory("newsgraph_lemmas")
def make_lemmas_on_demand(nlp: Language, name: str) -> LemmasOnDemand:
    return LemmasOnDemand(nlp, nlp.get_pipe("lemmatizer"))
