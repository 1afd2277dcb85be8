"""Quotations: the words an article puts in quote marks, and who it says spoke them.

Who speaks, in the order tried:
- a speech verb in the quote's sentence, outside the quote: '"...," said a statement',
  'the ambassador said that "..."', '"...," Liu said';
- what stands before a colon that opens the quote: a name ('China's ambassador Liu Xiaoming:
  "..."'), or the subject of the clause ('Liu republished the tweet, adding the caption: "..."');
- a quote standing on its own right after another one continues it (the same speaker).

The subject is then resolved to one of the article's entities: a name directly; "he"/"she" to the
person named last; "it" to the subject of the sentence before, else the organisation named last; a
title ("the ambassador") to the person the article gives that title, else to the person it
mentions most; a source noun ("the embassy's spokesman", "a statement from X", "the statement") to
its owner, else to whoever was last said to speak. Scare quotes of fewer than MIN_WORDS words
("liked", "despicable") are not quotations.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .facts import ORGANIZATION, PERSON, Attribute, Entity, Quotation
from .names import TITLES
from .resolve import Resolver, negated
from .tokens import lemma

QUOTE = re.compile(r'[“"]([^“”"\n]+)[”"]')
MIN_WORDS = 4
SPEECH_VERBS = frozenset(
    """say tell add write tweet post state claim insist argue explain warn declare note reply respond
    comment announce ask urge condemn deny dismiss accuse read quote""".split()
)
SOURCE_NOUNS = frozenset(
    """statement spokesman spokeswoman spokesperson comment tweet post message letter release caption
    proverb reply response notice announcement account feed""".split()
)
# an unowned "statement" is the one the article last reported; an unowned tweet may be anyone's
INSTITUTIONAL = frozenset({"statement", "release", "announcement", "spokesman", "spokeswoman", "spokesperson"})
OWNER_PREPS = ("from", "of", "for", "by")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of the quoted words (without the marks or trailing commas) of each quote."""
    spans = []
    for m in QUOTE.finditer(text):
        start, end = m.span(1)
        inner = m.group(1)
        stripped = inner.rstrip(" ,;:.")
        lead = len(inner) - len(inner.lstrip())
        if len(re.findall(r"[^\W\d_]+", stripped)) >= MIN_WORDS:
            spans.append((start + lead, start + len(stripped)))
    return spans


class Speakers:
    """Resolves the grammatical source of a quotation to an entity of the article: first as every
    token is resolved (`resolve.Resolver`), then by the rules for speakers above."""

    def __init__(self, doc: Doc, entities: list[Entity], token_map: dict[int, str], attributes: list[Attribute]):
        self.doc = doc
        self.resolver = Resolver(doc, entities, token_map)  # names, he/she, "the latter": as relations do
        self.token_map = token_map
        self.types = self.resolver.types
        people = [e for e in entities if e.type == PERSON]
        size = {e.key: len(e.mentions) for e in entities}
        self.about = max(people, key=lambda e: (len(e.mentions), -e.mentions[0].start)).key if people else None
        self.titled: dict[str, str] = {}
        for a in sorted(attributes, key=lambda a: -size.get(a.entity, 0)):
            if a.name == "jobTitle" and self.types.get(a.entity) == PERSON:
                for word in a.value.split():
                    self.titled.setdefault(word.lower(), a.entity)
        self.spoke: list[tuple[int, str]] = []  # (token index, speaker) in document order

    def last_of_type(self, kind: str, before: int) -> str | None:
        keys = [key for i, key in sorted(self.token_map.items()) if i < before and self.types.get(key) == kind]
        return keys[-1] if keys else None

    def last_speaker(self, before: int) -> str | None:
        found = [key for i, key in self.spoke if i < before]
        return found[-1] if found else None

    def resolve(self, token: Token | None, owner_only: bool = False, depth: int = 0) -> str | None:
        if token is None or depth > 3:
            return None
        key, _ = self.resolver.entity(token)
        if key:
            return key
        word = token.lower_
        if word in ("it", "they") and token.pos_ == "PRON":
            # the subject of the sentence before ("Mr Liu's account ... . It has also tweeted")
            if token.sent.start > 0:
                before = self.doc[token.sent.start - 1].sent
                found = self.resolve(self.subject_of(before.root), depth=depth + 1)
                if found:
                    return found
            return self.last_of_type(ORGANIZATION, token.i)
        if word in SOURCE_NOUNS or word in TITLES:
            for child in token.children:
                if child.dep_ in ("poss", "compound"):
                    found = self.resolve(child, owner_only=True, depth=depth + 1)
                    if found:
                        return found
                if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    found = self.resolve(pobj, owner_only=True, depth=depth + 1)
                    if found:
                        return found
            if owner_only:
                return None
            if word in TITLES and word not in SOURCE_NOUNS:
                return self.titled.get(word) or self.about
            if word in INSTITUTIONAL:
                return self.last_speaker(token.i)
        return None

    def subject_of(self, verb: Token) -> Token | None:
        """The verb's subject, looking up through conjoined and participle clauses ("..., adding");
        for a relative clause ("a proverb that reads"), the noun it describes."""
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
                return verb.head
            if subj is not None or verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb:
                return subj
            verb = verb.head
        return None

    def speaker_before_colon(self, colon_token: Token) -> str | None:
        """A name right before the colon, else the first clause above it whose subject resolves."""
        key = self.token_map.get(colon_token.i)
        if key:
            return key
        for verb in [colon_token, *colon_token.ancestors]:
            if verb.pos_ in ("VERB", "AUX"):
                key = self.resolve(self.subject_of(verb))
                if key:
                    return key
        return None

    def learn(self) -> None:
        """Note every speech verb whose subject is plainly an entity, to resolve "the statement" later."""
        for token in self.doc:
            if lemma(token) in SPEECH_VERBS and token.pos_ == "VERB" and not negated(token):
                subj = self.subject_of(token)
                if subj is not None and subj.lower_ not in SOURCE_NOUNS:
                    key = self.resolve(subj)
                    if key:
                        self.spoke.append((token.i, key))


def _speech_verb(span: Span, text: str) -> Token | None:
    """The speech verb nearest the quote, in the sentences it touches, outside its words.

    A quote that ends in a comma ('"...," said a statement') is attributed by what follows it,
    even where the parser started a new sentence after the closing mark.
    """
    doc = span.doc
    first, last = span[0].sent, span[-1].sent
    tokens = list(doc[first.start : last.end])
    if "," in text[span.end_char : span.end_char + 3] and last.end < len(doc):
        tokens += list(doc[last.end].sent[:4])
    verbs = [
        t
        for t in tokens
        if not (span.start <= t.i < span.end) and lemma(t) in SPEECH_VERBS and t.pos_ == "VERB" and not negated(t)
    ]
    if not verbs:
        return None
    return min(verbs, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))


def _before_colon(span: Span) -> Token | None:
    """The token before a colon that opens the quote ('Liu Xiaoming: "..."'), if there is one."""
    i = span.start - 1
    while i >= 0 and (span.doc[i].text in ('"', "“") or span.doc[i].is_space):
        i -= 1
    if i >= 1 and span.doc[i].text == ":":
        return span.doc[i - 1]
    return None


def extract_quotations(
    doc: Doc, entities: list[Entity], token_map: dict[int, str], attributes: list[Attribute]
) -> list[Quotation]:
    text = doc.text  # built anew on every access: once per article
    spans = quote_spans(text)
    if not spans:
        return []
    speakers = Speakers(doc, entities, token_map, attributes)
    speakers.learn()
    out: list[Quotation] = []
    previous: tuple[int, str | None] | None = None  # (last token of its sentence, speaker) of the last quotation
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        speaker, anchor = None, span
        verb = _speech_verb(span, text)
        colon = _before_colon(span)
        if verb is not None:
            speaker = speakers.resolve(speakers.subject_of(verb))
            anchor = doc[min(span.start, verb.i) : max(span.end, verb.i + 1)]
        if speaker is None and colon is not None:
            speaker = speakers.speaker_before_colon(colon)
            anchor = doc[colon.sent.start : span.end]
        if (
            speaker is None
            and verb is None
            and previous is not None
            and previous[1]
            and _follows(doc, previous[0], span.start)
        ):
            speaker = previous[1]
        if speaker:
            speakers.spoke.append((span.start, speaker))
            speakers.spoke.sort()
        sent_start = doc[anchor.start].sent.start_char
        last_sent = doc[anchor.end - 1].sent
        sent_end = last_sent.end_char
        previous = (last_sent.end, speaker)
        sentence = text[sent_start:sent_end].strip()
        out.append(Quotation(text=text[start:end], speaker=speaker, sentence=sentence, start=start, end=end))
    return out


def _follows(doc: Doc, previous_end: int, start: int) -> bool:
    """Only quote marks, punctuation and space between the last quotation's sentence and this quote."""
    return start >= previous_end and all(t.is_punct or t.is_space or t.is_quote for t in doc[previous_end:start])
