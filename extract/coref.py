"""Group one article's mentions into entities: "Liu", "Mr Liu" and "Xiaoming" are Liu Xiaoming.

Rules, in order, each conservative:
1. named mentions with the same key (case, dots, "the", possessive and known place spellings
   aside) are one entity, whatever label the model gave each;
2. a multi-word person name that differs from another only by a typo joins it, and a name that
   ends exactly one person's longer name joins that person ("Le Pen", "Marine Le Pen");
3. a single word that is part of exactly one person's full name joins that person (when two
   people share it, the nearest one named before it wins), also one the NER called a place
   that is no known country, city or region ("Kato" of "Ken Kato"); a word the NER tags a
   person's also joins a full name it tagged a person's once, however that name's votes fall
   ("Blanchett" of "Cate Blanchett", tagged an organisation and a person);
4. a one-word name defined beside a longer one in parentheses joins it ("the Australian Securities
   Exchange (ASX)", "Cai (Compagnia Aerea Italia)"); an acronym joins the organisation whose
   initials it spells ("CCP", "J&J"), and a one-word
   organisation name that starts exactly one longer organisation's name joins it ("SBC" and
   "SBC Communications"; not a channel, branch or place after it: "BBC One", "CCTV America"),
   or any word of exactly one club's name ("Dortmund", "Borussia Dortmund"),
   or, failing both, the last word of exactly one proper name ("the Commission", "the European
   Commission"; not a generic head such as "Army" or "Parliament"); a one-word place joins the
   one place named by it and a geographic noun ("Gaza", "Gaza Strip"; not a known country, city
   or region, nor a compass word); an organisation's name of two words or more joins the one
   longer name it starts that goes on with "of", "for", "on" or "to" ("Reserve Bank", "Reserve
   Bank of Australia"); a short name British news uses joins the one organisation the article
   names in full ("the Fed", "the Federal Reserve"; "the Gunners", "Arsenal": names.SHORT_NAMES);
5. a nominal ("the embassy") joins the named institution with that head noun.
Once the entity typer has typed the clusters (`join_typed_surnames`, after `typemodel.retype`), a
person named by one word joins the one person whose full name has it ("Katwala" and "Sundar
Katwala", whom the NER took for a place).
Names are also compared as readers compare them: without an Arabic article ("Assad",
"Bashar al-Assad"; "Qaeda", "al Qaeda"), with hyphens as spaces ("El Sonni", "Taher El-Sonni"),
without a middle name ("Jose Kalupeteka", "Jose Julino Kalupeteka"), "EU"/"UN" as "European"/
"United Nations" ("EU Commission") and a party by its members ("the Greens", "the Green Party").
The entity's type is a weighted vote over its mentions (Cluster.type_votes); its name is its
fullest, most used form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from .facts import ORGANIZATION, PERSON, PLACE, Entity, Mention
from .identity import abbreviates, acronyms, choose_name, choose_type, name_key, similar_names
from .mentions import Found
from .names import (
    COUNTRIES,
    FOREIGN_ACRONYMS,
    GEOGRAPHIC_NOUNS,
    PARTY_SYNONYMS,
    SHORT_NAMES,
    country_of_demonym,
    is_known_place,
)
from .sport import is_club_name

# an organisation's name with its prefix written out ("EU Commission", "European Commission")
ORGANISATION_PREFIXES = {"eu": "european", "un": "united nations"}
# a lone "Army" or "Parliament" is as often the country's own as the one longer name the article gives
GENERIC_HEADS = frozenset(
    {"army", "navy", "police", "military", "parliament", "senate", "congress", "government", "court", "assembly"}
)
# the words after an organisation's name that make another body of it: a channel, a service, a
# branch ("BBC One", "BBC Sport", "Sky Sports", "Barclays Capital"): "the BBC" of the same article is
# the corporation, not its channel (a place after it, "CCTV America", is a branch too)
SUBDIVISION_WORDS = frozenset(
    {
        "one", "two", "three", "four", "1", "2", "3", "4", "sport", "sports", "radio", "tv",
        "television", "world", "worldwide", "online", "interactive", "digital", "movies", "channel",
        "capital", "plus", "mobile", "music", "films", "pictures", "entertainment", "games", "studios",
        "foundation", "trust", "institute", "america", "americas",
    }
)  # fmt: skip
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
NAME_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "von", "van", "al"})


def _abbreviation(text: str) -> bool:
    """Written as an abbreviation: in capitals ("CCP", "J&J", "U.N."), or capitals with fewer small
    letters between them ("MoD", "DfES"; not "McCain")."""
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    if not lower:
        return upper >= 2
    return upper >= 2 and lower < upper and text[:1].isupper() and " " not in text


def _qualifier(word: str) -> bool:
    """A word before a name that says whose or where it is: a place, a demonym or an acronym
    ("Cardiff", "Florida", "BBC", "US")."""
    return word.isupper() and len(word) > 1 or is_known_place(name_key(word)) or bool(country_of_demonym(word))


def _clubs_named_by(key: str, clusters: list) -> list:
    """The clubs of the article one of whose name's words is `key` ("Dortmund" of "Borussia
    Dortmund", "Villa" of "Aston Villa")."""
    return [
        c
        for c in clusters
        if c.members
        and c.type() == ORGANIZATION
        and len(c.name_words()) > 1
        and key in c.name_words()
        and is_club_name(c.name())
    ]


def _a_part_of(rest: list[str]) -> bool:
    """The words after a short name in a longer one make a part of it, not its full name."""
    return bool(rest) and (rest[0] in SUBDIVISION_WORDS or is_known_place(" ".join(rest)))


def party_forms(key: str) -> set[str]:
    """The names (name keys) a party named `key` also goes by: the name of a party named by its
    members ("greens" -> "green party", "social democrats" -> "social democratic party"; any name
    ending in a plural gets such a form, "rangers" -> "ranger party", which joins only an
    organisation of that very name), and its nickname's full name (PARTY_SYNONYMS: "tories" ->
    "conservative party"); a party's own name ("... party") is its form. Empty for other names."""
    forms: set[str] = set()
    for name in (key, PARTY_SYNONYMS.get(key)):
        if not name or not name.split():
            continue
        if name != key:
            forms.add(name)
        *rest, last = name.split()
        if len(last) >= 4 and last.endswith("s"):
            stems = {last[:-1], last[:-3] + "atic" if last.endswith("ats") else last[:-1]}
            forms.update(" ".join([*rest, stem, "party"]) for stem in stems)
        if last == "party":
            forms.add(name)
    return forms


def _bare_words(words: list[str]) -> list[str]:
    """Name words without an Arabic article: ["bashar", "al-assad"] -> ["bashar", "assad"],
    ["al", "qaeda"] -> ["qaeda"]."""
    bare = [w[3:] if w[:3] in ("al-", "el-") and len(w) > 3 else w for w in words]
    return bare[1:] if len(bare) > 1 and bare[0] in ("al", "el") else bare


def _proper(name: str) -> bool:
    """Every word of the name capitalised but its function words ("House of Lords", not "Henry to
    Arsenal" or "EADS - Airbus")."""
    return all(w[:1].isupper() or w in NAME_FUNCTION_WORDS for w in name.split())


_COMPLEMENT_WORDS = frozenset({"of", "for", "on", "to"})  # what goes on a name after its head: "Bank of ..."


def _hyphens_split(words: list[str]) -> list[str]:
    return [part for w in words for part in w.split("-") if part]


class Cluster:
    def __init__(self) -> None:
        self.members: list[Found] = []
        self._cache: dict[str, object] = {}  # name, type, key words: recomputed after a change
        self.decided: str | None = None  # the type the entity typer settled on, over the vote
        self.absorbed_by: Cluster | None = None  # set once its mentions went to another cluster

    def add(self, found: Found) -> None:
        self.members.append(found)
        self._cache.clear()

    def absorb(self, other: Cluster) -> None:
        """Take every mention of `other`, which is left empty."""
        self.members.extend(other.members)
        other.members.clear()
        other.absorbed_by = self
        self._cache.clear()
        other._cache.clear()

    def live(self) -> Cluster:
        """This cluster, or the one its mentions went to."""
        c = self
        while c.absorbed_by is not None:
            c = c.absorbed_by
        return c

    @property
    def first(self) -> int:
        return min(f.start for f in self.members)

    def named(self) -> list[Found]:
        return [f for f in self.members if f.kind == "name"]

    def type_votes(self) -> Counter:
        """Each mention's type, where a full name (two words or more) counts twice a lone word
        ("Polys Polyviou" tagged a person outvotes "Polyviou" tagged an organisation); where the
        sentence types any mention (mentions.context_type), only such mentions vote."""
        votes: Counter = Counter()
        told = any(f.context for f in self.members)
        for f in self.members:
            if f.type and (f.context or not told):
                votes[f.type] += 2 if f.kind == "name" and f.words > 1 else 1
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
    #     (hyphens count as spaces: "El Sonni" ends "Taher El-Sonni")
    people = [(c, _hyphens_split(c.name_words())) for c in clusters if c.is_person()]
    for c in clusters:
        words = _hyphens_split(c.name_words())
        if len(words) < 2 or any(f.label not in ("PERSON", "ORG", "NORP") for f in c.members):
            continue
        owners = [
            p for p, own in people if p is not c and p.members and len(own) > len(words) and own[-len(words) :] == words
        ]
        if len(owners) == 1:
            c.members[:] = [replace(f, type=PERSON, context=False) for f in c.members]
            owners[0].absorb(c)
    clusters = [c for c in clusters if c.members]

    # 2c. a person's first and last name join the one fuller name between them ("Jose
    #     Kalupeteka", "Jose Julino Kalupeteka"); two fuller ones ("George H. W. Bush", "George W.
    #     Bush") leave it alone
    for c in [c for c in clusters if c.is_person() and len(c.name_words()) == 2]:
        first, last = c.name_words()
        fuller = [
            p
            for p in clusters
            if p.members
            and p.is_person()
            and len(p.name_words()) > 2
            and p.name_words()[0] == first
            and p.name_words()[-1] == last
            and not {first, last} & set(p.name_words()[1:-1])  # not "Julie Christie Christie"
        ]
        if len(fuller) == 1:
            fuller[0].absorb(c)
    clusters = [c for c in clusters if c.members]

    # 2c'. a team sheet's initial and surname join the one full name they abbreviate ("C Paterson",
    #      "Chris Paterson"; "J. Noon", "Jamie Noon"); two ("Chris" and "Craig Paterson") leave it alone
    for c in [c for c in clusters if c.is_person() and len(c.name_words()) == 2 and len(c.name_words()[0]) == 1]:
        initial, last = c.name_words()
        full = [
            p
            for p in clusters
            if p is not c
            and p.members
            and p.is_person()
            and len(p.name_words()) > 1
            and len(p.name_words()[0]) > 1
            and p.name_words()[0][0] == initial
            and p.name_words()[-1] == last
        ]
        if len(full) == 1:
            full[0].absorb(c)
    clusters = [c for c in clusters if c.members]

    # 2c''. an organisation's or place's name of two words or more that ends exactly one longer
    #       name of its type in the article, where what goes before it only says whose or where it
    #       is (a place or an acronym), is that one ("World Service", "BBC World Service"; "Arms
    #       Park", "Cardiff Arms Park"; not "Labour Party" of the "Parliamentary Labour Party", nor
    #       the "World Bank" of a "New World Bank")
    for c in [c for c in clusters if c.type() in (ORGANIZATION, PLACE) and len(c.name_words()) > 1]:
        words = c.name_words()
        longer = [
            p
            for p in clusters
            if p is not c
            and p.members
            and p.type() == c.type()
            and len(p.name_words()) > len(words)
            and p.name_words()[-len(words) :] == words
            and all(_qualifier(w) for w in p.name().split()[: len(p.name().split()) - len(words)])
        ]
        if len(longer) == 1:
            longer[0].absorb(c)
    clusters = [c for c in clusters if c.members]

    # 2d. "EU Commission" is the "European Commission" named in full; "the French National Front"
    #     and the "National Front" the article names are one, when only one demonym goes before
    #     that name ("Russian Orthodox Church" and "Greek Orthodox Church" stay apart)
    organisations = {name_key(c.name()): c for c in clusters if c.type() == ORGANIZATION}
    with_demonym: dict[str, list[Cluster]] = defaultdict(list)
    for key, c in organisations.items():
        prefix, _, rest = key.partition(" ")
        if prefix in ORGANISATION_PREFIXES and f"{ORGANISATION_PREFIXES[prefix]} {rest}" in organisations:
            organisations[f"{ORGANISATION_PREFIXES[prefix]} {rest}"].absorb(c)
        elif country_of_demonym(prefix) and len(rest.split()) > 1 and rest in organisations:
            with_demonym[rest].append(c)
    for rest, named in with_demonym.items():
        if len(named) == 1 and named[0].members:
            organisations[rest].absorb(named[0])
    clusters = [c for c in clusters if c.members]

    # 3 and 4. single words: part of a person's name, an acronym, or an entity of their own.
    #    A word of a person's full name votes Person whatever its label ("Kagame's rule" tagged
    #    ORG is still Paul Kagame): the people are fixed before any single word joins them.
    people = [c for c in clusters if c.is_person() and len(c.name_words()) > 1]
    # and a full name the NER tagged a person's once, for a lone word it tags a person's too ("Cate
    # Blanchett" tagged an organisation and a person, then "Blanchett also paid tribute")
    tagged_people = people + [
        c for c in clusters if not c.is_person() and len(c.name_words()) > 1 and _tagged_a_person(c)
    ]
    for f in single:
        key = name_key(f.text)
        surname_label = f.label in ("PERSON", "ORG", "NORP") or f.label in ("GPE", "LOC") and not is_known_place(key)
        target = _person_with_word(people, key, f.start) if surname_label else None
        if target is None and f.label == "PERSON":
            target = _person_with_word(tagged_people, key, f.start)
        if target is not None and f.type != PERSON:
            f = replace(f, type=PERSON, context=False)
        if target is None:
            target = _defined_in_parentheses(f, found, clusters)
        if target is None and _abbreviation(f.text):  # "CCP", "J&J", "U.N.", "MoD"
            letters = re.sub(r"[^A-Z]", "", f.text)
            # an organisation's acronym may also leave out its country or keep a short word whole ("FTC", "UKIP")
            target = next(
                (
                    c
                    for c in clusters
                    if c.type() == ORGANIZATION and len(c.name().split()) > 1 and letters in acronyms(c.name())
                ),
                None,
            )
        if target is None and key in FOREIGN_ACRONYMS:  # "SPD" and "the Social Democratic Party"
            country, english = FOREIGN_ACRONYMS[key]
            named_so = [c for c in clusters if c.type() == ORGANIZATION and name_key(c.name()) in english]
            named_here = any(
                g.kind == "name" and g.type == PLACE and name_key(g.name or g.text) == country for g in found
            )
            if country is not None and not named_here:  # a name many parties share needs the country
                named_so = [c for c in named_so if country in name_key(c.name())]
            target = named_so[0] if len(named_so) == 1 else None
        if target is None and (f.label == "ORG" or f.type == ORGANIZATION):
            # "SBC" of "SBC Communications", the only such name; "Qaeda" of "al Qaeda"; a club by
            # any word of its name ("Dortmund" of "Borussia Dortmund", "Bayern" of "Bayern
            # Munich"); else the last word of one name ("the Commission", "the Times")
            organisations = [c for c in clusters if c.type() == ORGANIZATION]
            longer = [c for c in organisations if len(c.name_words()) > 1]
            starts = [
                c
                for c in longer
                if c.name_words()[0] == key and (not _a_part_of(c.name_words()[1:]) or is_club_name(c.name()))
            ]  # "Bayern" of "Bayern Munich": a club's town is no branch of it
            if not starts:
                starts = _clubs_named_by(key, clusters)
            if not starts and f.text[:1].isupper() and key not in GENERIC_HEADS:
                starts = [c for c in longer if c.name_words()[-1] == key and _proper(c.name())]
            target = starts[0] if len(starts) == 1 else None
        if target is None and f.type != ORGANIZATION and not is_known_place(key) and f.text[:1].isupper():
            # a word of the one club's name the article gives, whatever the NER made of it
            # ("Villa" of "Aston Villa" tagged a place); a known town stays itself ("Madrid")
            clubs = _clubs_named_by(key, clusters)
            target = clubs[0] if len(clubs) == 1 else None
        compass = key in ("north", "south")  # "the West" is seldom West Germany
        if target is None and f.type == PLACE and (compass or not is_known_place(key) and key not in COMPASS_WORDS):
            # the short form of the one two-word place the article names that starts with it: a
            # geographic noun dropped ("Gaza" of "the Gaza Strip"; "Connecticut" is no river, "North"
            # no sea), or a country's compass word ("the North" of North Korea, "the South" of South Sudan)
            named_by = [
                c
                for c in clusters
                if c.type() == PLACE
                and len(c.name_words()) == 2
                and c.name_words()[0] == key
                and (name_key(c.name()) in COUNTRIES if compass else c.name_words()[1] in GEOGRAPHIC_NOUNS)
            ]
            target = named_by[0] if len(named_by) == 1 else None
        if target is None and key in by_key:
            target = by_key[key].live()
        if target is None:
            target = Cluster()
            by_key[key] = target
            clusters.append(target)
        target.add(f)
        by_key.setdefault(key, target)  # a weak mention of the same name follows it

    for f in weak:
        if name_key(f.text) in by_key:
            by_key[name_key(f.text)].live().add(f)

    # an organisation named without its Arabic article joins the name with it ("Qaeda", "al
    # Qaeda", "al-Qaeda"); a party named by its members joins the party named in full ("the
    # Greens", "the Green Party"; "Social Democrats", "Social Democratic Party")
    organisations = {name_key(c.name()): c for c in clusters if c.type() == ORGANIZATION}
    for key, c in list(organisations.items()):
        bare = organisations.get(" ".join(_bare_words(key.split())))
        if bare is not None and bare is not c and bare.members and c.members:
            c.absorb(bare)
    # a party by every name it goes by ("the Tories", "the Conservatives", "the Conservative Party";
    # "the Lib Dems", "the Liberal Democrats"): the fullest name takes the others
    by_form: dict[str, list[Cluster]] = {}
    for key, c in organisations.items():
        for form in party_forms(key):
            by_form.setdefault(form, []).append(c)
    for form in sorted(by_form):
        same = list({id(c): c for c in (c.live() for c in by_form[form]) if c.members}.values())
        if len(same) > 1:
            fullest = max(same, key=lambda c: (len(name_key(c.name())), -c.first))
            for c in same:
                if c is not fullest:
                    fullest.absorb(c)
    clusters = [c for c in clusters if c.members]

    # 4a. a short name British news uses joins the one organisation it names in full ("the Fed",
    #     "the Federal Reserve"; "the Gunners", "Arsenal"), whatever the short name was tagged
    for c in [c for c in clusters if name_key(c.name()) in SHORT_NAMES]:
        full = SHORT_NAMES[name_key(c.name())]
        named = [p for p in clusters if p is not c and p.members and name_key(p.name()) in full]
        if len(named) == 1:
            named[0].absorb(c)
    clusters = [c for c in clusters if c.members]

    # 4b. an organisation's name of two words or more that starts exactly one longer
    #     organisation's name in the article, which goes on with "of", "for", "on" or "to", is that
    #     one named short ("the Medical Foundation", "the Medical Foundation for the Care of Victims
    #     of Torture"; "Reserve Bank", "Reserve Bank of Australia")
    for c in [c for c in clusters if c.type() == ORGANIZATION and len(c.name_words()) > 1]:
        words = c.name_words()
        longer = [
            p
            for p in clusters
            if p is not c
            and p.members
            and p.type() == ORGANIZATION
            and len(p.name_words()) > len(words) + 1
            and p.name_words()[: len(words)] == words
            and p.name_words()[len(words)] in _COMPLEMENT_WORDS
        ]
        if len(longer) == 1:
            longer[0].absorb(c)
    clusters = [c for c in clusters if c.members]

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


def _defined_in_parentheses(f: Found, found: list[Found], clusters: list[Cluster]) -> Cluster | None:
    """The entity a one-word name abbreviates where the text defines it, the two side by side and
    one in parentheses: "the Australian Securities Exchange (ASX)", "Cai (Compagnia Aerea Italia)"."""
    if f.parenthesised:
        other = next((g for g in found if g.end == f.start - 1 and g.kind == "name"), None)
    else:
        other = next((g for g in found if g.start == f.end + 1 and g.parenthesised and g.kind == "name"), None)
    if other is None or not abbreviates(f.text, other.name or other.text):
        return None
    target = next((c for c in clusters if any(m is other for m in c.members)), None)
    return None if target is None or target.is_person() else target  # "Steven Paterson (SNP)": his party


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


def join_typed_surnames(clusters: list[Cluster]) -> list[Cluster]:
    """Once the typer has typed them: a person named by one word only joins the one person whose
    full name has that word, or that word as part of a hyphenated name ("Katwala" and "Sundar
    Katwala", whose one mention the NER tagged a place; "Kilroy" and "Robert Kilroy-Silk"). With
    two such people ("Jamie" and "Harry Redknapp") the word stays apart."""
    people = [c for c in clusters if c.is_person() and len(c.name_words()) > 1]
    kept = []
    for c in clusters:
        words = c.name_words()
        if c.is_person() and len(words) == 1 and all(f.words == 1 for f in c.named()):
            named = [p for p in people if _has_name_word(p, words[0])]
            if len(named) == 1:
                named[0].absorb(c)
                continue
        kept.append(c)
    return kept


def _tagged_a_person(c: Cluster) -> bool:
    return any(m.label == "PERSON" and m.kind == "name" and m.words > 1 for m in c.members)


def _has_name_word(c: Cluster, word: str) -> bool:
    """The word is one of the name's, also without an Arabic article ("Assad" of "Bashar al-Assad")
    or as a part of a hyphenated name ("Kilroy" of "Robert Kilroy-Silk")."""
    words = c.name_words()
    return word in words or word in _bare_words(words) or word in _hyphens_split(words)


def _person_with_word(people: list[Cluster], word: str, position: int) -> Cluster | None:
    """The one of `people` (full names) with this word in its name; of two or more, the one named
    nearest before `position`."""
    candidates = [c for c in people if _has_name_word(c, word)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    before = [c for c in candidates if c.first <= position]
    pool = before or candidates
    return max(pool, key=lambda c: max((m.start for m in c.members if m.start <= position), default=-1))


def _with_article(c: Cluster, doc) -> str:
    """The cluster's name, with "The" where the article writes it as part of the name: capitalised
    after a lower-case preposition, verb or conjunction, inside the NER's span ("in The Hague",
    "according to The Hollywood Reporter"; not a sentence's first word, nor one after a quotation
    mark or a subheading run into the text: "... tackling poverty The World Bank said")."""
    name = c.name()
    key = name_key(name)
    for f in c.named():
        the = doc[f.start - 1] if f.start > 1 else None
        if (
            the is not None
            and the.text == "The"
            and not the.is_sent_start
            and doc[the.i - 1].pos_ in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ")
            and doc[the.i - 1].is_lower
            and the.ent_iob_ in ("B", "I")
            and doc[f.start].ent_iob_ == "I"
            and name_key(f.name or f.text) == key
            and not name.startswith("The ")
        ):
            return f"The {name}"
    return name


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
                name=_with_article(c, doc),
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
