"""Which entity a token stands for: the one resolver that relations and quotations share.

A token inside an entity mention stands for that entity. Beyond names, in the order tried:
- "the company" / "the Twitter platform": an organisation noun with a named compound;
- "the latter": the entity named last before it in the sentence;
- "which" / "who" / "that" heading a relative clause: the noun the clause describes;
- "he" / "him" / "his" / "she" / "her": the person whose mention starts last before it.
Each way has a confidence (`CONFIDENCE`), which the patterns multiply into their own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .facts import PERSON, Entity
from .identity import name_key

ORG_NOUNS = frozenset({"company", "firm", "corporation", "group", "platform", "network", "party"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# how far each way of resolving a token can be trusted
CONFIDENCE = {"name": 1.0, "organisation-noun": 0.9, "the-latter": 0.8, "pronoun": 0.7}


class Resolver:
    """One Doc's entities, looked up by token."""

    def __init__(self, doc: Doc, entities: list[Entity], token_map: dict[int, str]):
        self.doc = doc
        self.token_map = token_map  # token index -> entity key
        self.types = {e.key: e.type for e in entities}
        self.names = {e.key: e.name for e in entities}
        self.by_name = {name_key(e.name): e.key for e in entities}
        # (first token, key) of every person mention, in document order
        self.person_starts = sorted(
            (i, key)
            for i, key in token_map.items()
            if (i == 0 or token_map.get(i - 1) != key) and self.types.get(key) == PERSON
        )

    def entity(self, token: Token | None, allow_pronoun: bool = True) -> tuple[str | None, float]:
        """The entity a token stands for, and how sure we are (pronouns are guesses)."""
        if token is None:
            return None, 0.0
        key = self.token_map.get(token.i)
        if key:
            return key, CONFIDENCE["name"]
        if token.lower_ in ORG_NOUNS:
            for child in token.children:
                if child.dep_ == "compound" and child.i in self.token_map:
                    return self.token_map[child.i], CONFIDENCE["organisation-noun"]
        if token.lower_ == "latter" and any(c.lower_ == "the" for c in token.children):
            before = [key for i, key in sorted(self.token_map.items()) if token.sent.start <= i < token.i]
            if before:
                return before[-1], CONFIDENCE["the-latter"]
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":  # "Microsoft, which is based"
            return self.entity(token.head.head, allow_pronoun=False)
        if allow_pronoun and token.lower_ in PRONOUNS and token.pos_ == "PRON":
            previous = [key for i, key in self.person_starts if i < token.i]
            if previous:
                return previous[-1], CONFIDENCE["pronoun"]
        return None, 0.0

    def key(self, token: Token | None) -> str | None:
        """The entity a token names or plainly refers to, pronouns aside."""
        return self.entity(token, allow_pronoun=False)[0]


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)
