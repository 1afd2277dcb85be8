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


class CachedAttributes:
    """An AttributeRuler's patterns applied with the same precedence (a later pattern wins), the
    single-token ones through a cache keyed by (tag, lower, dep)."""

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
        self.cache: dict[tuple[int, int, int], tuple[int, ...]] = {}  # -> rule ids (-1: may start a longer one)

    def _word(self, lower: int) -> int:
        """The word as the patterns see it: itself if one of them tests it (or it is white space,
        which some test), else `other`."""
        found = self.word.get(lower)
        if found is None:
            self._learn_words([lower])
            found = self.word[lower]
        return found

    def _learn_words(self, lowers) -> None:
        """Which of these words some pattern tests: one probe Doc for all of them (a corpus brings
        new names in every article)."""
        texts = [self.vocab.strings[lower] for lower in lowers]
        for lower, text in zip(lowers, texts, strict=True):
            self.word[lower] = lower if text.isspace() else self.other
        probe = Doc(self.vocab, words=[t if not t.isspace() else "_" for t in texts])
        for _, start, _ in self.words(probe):
            self.word[lowers[start]] = lowers[start]

    def _rules_for(self, tag: int, lower: int, dep: int) -> tuple[int, ...]:
        """The attr_ids of the single-token patterns a token with these values matches, in order."""
        key = (tag, self._word(lower), dep)
        found = self.cache.get(key)
        if found is None:
            strings = self.vocab.strings
            probe = Doc(self.vocab, words=[strings[key[1]]], tags=[strings[tag]], deps=[strings[dep]], heads=[0])
            if not dep:  # Doc() makes a parse of what it is given; an unparsed token has no label
                probe[0].dep = 0
            found = tuple(sorted(int(strings[m]) for m, _, _ in self.single(probe, allow_missing=True)))
            if self.starts(probe, allow_missing=True):
                found = (-1, *found)
            self.cache[key] = found
        return found

    def _apply(self, attr_ids, values: numpy.ndarray, special: list) -> None:
        """Set one token's columns (`values`, a row) by these rules, a later rule winning; a new
        tag or dependency label goes to `special`."""
        for attr_id in sorted(attr_ids):
            for attr, value in self.attrs[attr_id].items():
                if attr in _COLUMNS:
                    values[_COLUMNS.index(attr)] = value
                else:
                    special.append((attr, value))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys, where = numpy.unique(doc.to_array([TAG, LOWER, DEP]), axis=0, return_inverse=True)
        where = where.reshape(-1)
        before = doc.to_array(list(_COLUMNS)).astype(numpy.uint64)
        # what the single-token rules set, per distinct (tag, lower, dep): value and whether set
        set_to = numpy.zeros((len(keys), len(_COLUMNS)), dtype=numpy.uint64)
        is_set = numpy.zeros((len(keys), len(_COLUMNS)), dtype=bool)
        special: dict[int, list] = {}  # row of `keys` -> [(TAG or DEP, value)]
        unknown = [lower for lower in numpy.unique(keys[:, 1]).tolist() if lower not in self.word]
        if unknown:
            self._learn_words(unknown)
        may_start = []
        for row, (tag, lower, dep) in enumerate(keys.tolist()):
            rules = self._rules_for(tag, lower, dep)
            if rules and rules[0] == -1:
                may_start.append(row)
                rules = rules[1:]
            for attr_id in rules:
                for attr, value in self.attrs[attr_id].items():
                    if attr in _COLUMNS:
                        set_to[row, _COLUMNS.index(attr)] = value
                        is_set[row, _COLUMNS.index(attr)] = True
                    else:
                        special.setdefault(row, []).append((attr, value))
        values = numpy.where(is_set[where], set_to[where], before)
        changes: list[tuple[int, int, int]] = [
            (i, attr, value)
            for i in numpy.flatnonzero(numpy.isin(where, list(special))).tolist()
            for attr, value in special[where[i]]
        ]
        # a rule over two tokens: that token's rules are applied again, all in order
        multi: dict[int, list[int]] = {}
        for first in numpy.flatnonzero(numpy.isin(where, may_start)).tolist():
            window = doc[first : first + self.longest]
            for match_id, start, end in self.multi(window, allow_missing=True):
                if start == 0:
                    attr_id = int(self.vocab.strings[match_id])
                    multi.setdefault(range(first, first + end)[self.indices[attr_id]], []).append(attr_id)
        for i, attr_ids in multi.items():
            values[i] = before[i]
            extra: list = []
            single = [r for r in self._rules_for(*keys[where[i]].tolist()) if r >= 0]
            self._apply([*single, *attr_ids], values[i], extra)
            changes = [c for c in changes if c[0] != i] + [(i, attr, value) for attr, value in extra]
        doc.from_array(list(_COLUMNS), values)
        for i, attr, value in changes:
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
