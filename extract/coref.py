"""Group one article's mentions into entities: "Liu", "Mr Liu" and "Xiaoming" are Liu Xiaoming.

Rules, in order, each conservative:
1. named mentions with the same key (case, dots, "the", possessive and known place spellings
   aside) are one entity, whatever label the model gave each;
2. a multi-word person name that differs from another only by a typo joins it, and a name that
   ends exactly one person's longer name joins that person ("Le Pen", "Marine Le Pen");
3. a single word that is part of exactly one person's full name joins that person (when two
   people share it, the nearest one named before it wins);
4. an acronym joins the organisation whose initials it spells ("CCP", "J&J"), and a one-word
   organisation name that starts exactly one longer organisation's name joins it ("SBC" and
   "SBC Communications"), or any word of exactly one club's name ("Dortmund", "Borussia Dortmund");
5. a nominal ("the embassy") joins the named institution with that head noun.
The entity's type is a weighted vote over its mentions (Cluster.type_votes); its name is its
fullest, most used form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from .facts import ORGANIZATION, PERSON, Entity, Mention
from .identity import choose_name, choose_type, initials, name_key, similar_names
from .mentions import Found
from .sport import is_club_name


class Cluster:
    def __init__(self) -> None:
        self.members: list[Found] = []
        self._cache: dict[str, object] = {}  # name, type, key words: recomputed after a change
        self.decided: str | None = None  # the type the entity typer settled on, over the vote

    def add(self, found: Found) -> None:
        self.members.append(found)
        self._cache.clear()

    def absorb(self, other: Cluster) -> None:
        """Take every mention of `other`, which is left empty."""
        self.members.extend(other.members)
        other.members.clear()
        self._cache.clear()
        other._cache.clear()

    @property
    def first(self) -> int:
        return min(f.start for f in self.members)

    def named(self) -> list[Found]:
        return [f for f in self.members if f.kind == "name"]

    def type_votes(self) -> Counter:
        """Each mention's type: a full name (two words or more) counts twice a lone word ("Polys
        Polyviou" tagged a person outvotes "Polyviou" tagged an organisation), and a mention typed
        by its sentence (mentions.context_type) twice again."""
        votes: Counter = Counter()
        for f in self.members:
            if f.type:
                votes[f.type] += (2 if f.kind == "name" and f.words > 1 else 1) * (2 if f.context else 1)
        return votes

    def type(self) -> str:
        if self.decided:
            return self.decided
        if "type" not in self._cache:
            self._cache["type"] = choose_type(self.type_votes())
        return self._cache["type"]

    def is_person(self) -> bool:
        return self.type() == PERSON

    def name(self) -> str:
        if "name" not in self._cache:
            named = [f.name or f.text for f in self.named()]
            self._cache["name"] = choose_name(named or [f.text for f in self.members])
        return self._cache["name"]

    def name_words(self) -> list[str]:
        """The words of the canonical name's key ("liu xiaoming" -> ["liu", "xiaoming"])."""
        if "words" not in self._cache:
            self._cache["words"] = name_key(self.name()).split()
        return self._cache["words"]


def cluster_mentions(found: list[Found]) -> list[Cluster]:
    by_key: dict[str, Cluster] = {}
    clusters: list[Cluster] = []
    single: list[Found] = []
    nominal: list[Found] = []

    weak = [f for f in found if f.kind == "weak"]
    for f in found:
        if f.kind == "weak":
            continue
        if f.kind == "nominal":
            nominal.append(f)
            continue
        key = name_key(f.name or f.text)
        if key in by_key:
            by_key[key].add(f)
        elif len(key.split()) == 1 and not f.name:
            single.append(f)  # decided once every full name is known
        else:
            c = Cluster()
            c.add(f)
            by_key[key] = c
            clusters.append(c)

    # 2. typos among multi-word person names: the rarer spelling joins the commoner one
    #    (a typo leaves at least one word exact, so only names sharing a word are compared)
    people = sorted((c for c in clusters if c.is_person()), key=lambda c: (-len(c.members), c.first))
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(people):
        for j in sorted({j for w in c.name_words() for j in by_word.get(w, ())}):
            other = people[j]
            if other.members and c.members and similar_names(c.name(), other.name()):
                other.absorb(c)
                break
        if c.members:  # not absorbed: later names may be its typos
            for w in set(c.name_words()):
                by_word[w].append(i)
    clusters = [c for c in clusters if c.members]

    # 2b. a surname of more than one word ("Le Pen", "De Maiziere", "El Sonni") is the one person
    #     whose full name ends with it, whatever its label
    people = [c for c in clusters if c.is_person()]
    for c in clusters:
        words = c.name_words()
        if len(words) < 2 or any(f.label not in ("PERSON", "ORG", "NORP") for f in c.members):
            continue
        owners = [
            p
            for p in people
            if p is not c and p.members and len(p.name_words()) > len(words) and p.name_words()[-len(words) :] == words
        ]
        if len(owners) == 1:
            c.members[:] = [replace(f, type=PERSON, context=False) for f in c.members]
            owners[0].absorb(c)
    clusters = [c for c in clusters if c.members]

    # 3 and 4. single words: part of a person's name, an acronym, or an entity of their own.
    #    A word of a person's full name votes Person whatever its label ("Kagame's rule" tagged
    #    ORG is still Paul Kagame): the people are fixed before any single word joins them.
    people = [c for c in clusters if c.is_person() and len(c.name_words()) > 1]
    for f in single:
        key = name_key(f.text)
        target = _person_with_word(people, key, f.start) if f.label in ("PERSON", "ORG", "NORP") else None
        if target is not None and f.type != PERSON:
            f = replace(f, type=PERSON, context=False)
        if target is None and f.text.isupper() and len(f.text) >= 2:  # "CCP", "J&J", "U.N."
            letters = re.sub(r"[^A-Z]", "", f.text)
            target = next(
                (
                    c
                    for c in clusters
                    if c.type() == ORGANIZATION and len(c.name().split()) > 1 and initials(c.name()) == letters
                ),
                None,
            )
        if target is None and (f.label == "ORG" or f.type == ORGANIZATION):
            # "SBC" of "SBC Communications", the only such name; a club by any word of its name
            # ("Dortmund" of "Borussia Dortmund", "Bayern" of "Bayern Munich")
            longer = [c for c in clusters if c.type() == ORGANIZATION and len(c.name_words()) > 1]
            starts = [c for c in longer if c.name_words()[0] == key]
            if not starts:
                starts = [c for c in longer if key in c.name_words() and is_club_name(c.name())]
            target = starts[0] if len(starts) == 1 else None
        if target is None:
            target = by_key.get(key)
        if target is None:
            target = Cluster()
            by_key[key] = target
            clusters.append(target)
        target.add(f)

    for f in weak:
        if name_key(f.text) in by_key:
            by_key[name_key(f.text)].add(f)

    # 5. nominals refer back to a named institution with the same head noun
    for f in nominal:
        head = f.text.lower()
        candidates = [c for c in clusters if c.name_words()[-1:] == [head] and c.type() == ORGANIZATION]
        if candidates:
            before = [c for c in candidates if c.first <= f.start]
            target = (
                max(before, key=lambda c: max(m.start for m in c.members if m.start <= f.start))
                if before
                else min(candidates, key=lambda c: c.first)
            )
            target.add(f)
    return sorted(clusters, key=lambda c: c.first)


def propagate(doc, clusters: list[Cluster]) -> list[Cluster]:
    """Where the model missed a name it tagged elsewhere in the article, add that mention too.

    Only exact, capitalised token sequences of a named mention count ("Twitter company" after
    "Twitter" was tagged), never a lower-case word or part of a longer tagged span.
    """
    covered = {i for c in clusters for f in c.members for i in range(f.start, f.end)}
    names: dict[tuple[str, ...], Cluster] = {}
    for c in clusters:
        for f in c.named():
            words = tuple(t.text for t in doc[f.start : f.end])
            if words and words[0][:1].isupper() and len(words) <= 4:
                names.setdefault(words, c)
    if not names:
        return clusters
    texts = [t.text for t in doc]  # plain strings: slicing the Doc per token costs a Span each time
    sizes: dict[str, list[int]] = {}  # first word -> the lengths of the names it starts, longest first
    for words in names:
        sizes.setdefault(words[0], []).append(len(words))
    for first_word in sizes:
        sizes[first_word] = sorted(set(sizes[first_word]), reverse=True)
    i = 0
    while i < len(texts):
        for size in sizes.get(texts[i], ()):
            words = tuple(texts[i : i + size])
            c = names.get(words)
            if c and not covered.intersection(range(i, i + size)) and doc[i].pos_ == "PROPN":
                first = c.named()[0]
                c.add(Found(i, i + size, first.text, "PROPAGATED", first.type))
                covered.update(range(i, i + size))
                i += size - 1
                break
        i += 1
    return clusters


def _person_with_word(clusters: list[Cluster], word: str, position: int) -> Cluster | None:
    candidates = [c for c in clusters if len(c.name_words()) > 1 and word in c.name_words() and c.is_person()]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    before = [c for c in candidates if c.first <= position]
    pool = before or candidates
    return max(pool, key=lambda c: max((m.start for m in c.members if m.start <= position), default=-1))


def to_entities(clusters: list[Cluster], doc) -> tuple[list[Entity], dict[int, str]]:
    """Entities with plain-data mentions, and a map from token index to entity key."""
    entities: list[Entity] = []
    token_map: dict[int, str] = {}
    for n, c in enumerate(clusters):
        key = f"e{n}"
        mentions = tuple(
            Mention(
                text=f.text,
                start=doc[f.start].idx,
                end=doc[f.end - 1].idx + len(doc[f.end - 1].text),
                label=f.label,
                form=f.form,
            )
            for f in sorted(c.members, key=lambda f: (f.start, f.end))
        )
        votes = c.type_votes()
        if c.decided:  # the typer's decision carries all the votes into the merge across articles
            votes = Counter({c.decided: sum(votes.values())})
        entities.append(
            Entity(
                key=key,
                name=c.name(),
                type=choose_type(votes),
                mentions=mentions,
                type_votes=tuple(sorted(votes.items())),
            )
        )
    # the smallest mention covering a token wins ("China" inside "China's UK embassy")
    by_size = sorted(
        {(f.end - f.start, f.start, f.end, f"e{n}") for n, c in enumerate(clusters) for f in c.members}, reverse=True
    )
    for _, start, end, key in by_size:
        for i in range(start, end):
            token_map[i] = key
    return entities, token_map
