"""Name normalisation: clean surface forms, comparison keys, and the small gazetteers behind them.

The keys decide which mentions are the same entity, inside an article and across the corpus, so
they are deliberately conservative: case, dots, a leading "the" and a possessive do not matter;
spelling does (typos are matched separately, by `similar_names`).
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Titles and honorifics that precede a name but are not part of it ("Mr Liu", "Ambassador Liu").
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev st".split())
TITLES = frozenset(
    """ambassador president prime minister premier chancellor secretary senator sen rep
    representative governor gov mayor king queen prince princess general gen colonel col captain
    capt judge justice chairman chairwoman chair spokesman spokeswoman spokesperson editor
    director chief ceo envoy diplomat consul foreign deputy vice minister commissioner""".split()
)
LEADING_JUNK = frozenset({"the", "a", "an", "free", "his", "her", "its", "their", "our"})

# Common demonyms, to read "Chinese ambassador" as a relation to China.
DEMONYMS = {
    "chinese": "China", "british": "United Kingdom", "english": "England", "scottish": "Scotland",
    "welsh": "Wales", "irish": "Ireland", "american": "United States", "us": "United States",
    "u.s.": "United States", "russian": "Russia", "french": "France", "german": "Germany",
    "italian": "Italy", "spanish": "Spain", "japanese": "Japan", "korean": "Korea",
    "south korean": "South Korea", "north korean": "North Korea", "indian": "India",
    "pakistani": "Pakistan", "iranian": "Iran", "iraqi": "Iraq", "israeli": "Israel",
    "palestinian": "Palestine", "saudi": "Saudi Arabia", "turkish": "Turkey",
    "ukrainian": "Ukraine", "polish": "Poland", "dutch": "Netherlands", "belgian": "Belgium",
    "swiss": "Switzerland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "finnish": "Finland", "greek": "Greece", "portuguese": "Portugal", "canadian": "Canada",
    "mexican": "Mexico", "brazilian": "Brazil", "argentine": "Argentina", "australian": "Australia",
    "egyptian": "Egypt", "nigerian": "Nigeria", "kenyan": "Kenya", "taiwanese": "Taiwan",
    "thai": "Thailand", "vietnamese": "Vietnam", "indonesian": "Indonesia", "syrian": "Syria",
    "afghan": "Afghanistan", "austrian": "Austria", "hungarian": "Hungary", "czech": "Czech Republic",
    "new zealand": "New Zealand", "south african": "South Africa", "singaporean": "Singapore",
    "malaysian": "Malaysia", "philippine": "Philippines", "filipino": "Philippines",
}

# Places written several ways; the value is the canonical name.
PLACE_ALIASES = {
    "uk": "United Kingdom", "u.k.": "United Kingdom", "u.k": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom", "us": "United States", "u.s.": "United States",
    "u.s": "United States", "usa": "United States", "u.s.a.": "United States",
    "united states": "United States", "united states of america": "United States",
    "america": "United States", "prc": "China", "people's republic of china": "China",
    "mainland china": "China", "uae": "United Arab Emirates", "eu": "European Union",
    "e.u.": "European Union", "ussr": "Soviet Union", "hk": "Hong Kong",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.I)


def fold(text: str) -> str:
    """Unicode-normalised, apostrophe-normalised, whitespace-collapsed text."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", fold(text)).rstrip()


@lru_cache(maxsize=1 << 16)  # about 16 MB when full; names recur within an article, not across the corpus
def name_key(text: str) -> str:
    """The comparison key of a name: casefolded, without dots, a leading article or a possessive.

    >>> name_key("The Chinese Embassy") == name_key("chinese embassy") == name_key("Chinese Embassy's")
    True
    """
    key = _key_step(text)
    for _ in range(8):  # repeat to a fixed point, so that name_key(name_key(x)) == name_key(x)
        again = _key_step(key)
        if again == key:
            break
        key = again
    return key


def _key_step(text: str) -> str:
    text = strip_possessive(text).casefold()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    canonical = PLACE_ALIASES.get(text)
    if canonical:
        text = canonical.casefold()
    text = text.replace(".", "")
    text = re.sub(r"[^\w\s'&-]", " ", text)
    return " ".join(text.split())


def canonical_place(text: str) -> str | None:
    """The canonical name of a place written in one of several common ways, if known."""
    return PLACE_ALIASES.get(strip_possessive(text).casefold().removeprefix("the "))


def country_of_demonym(word: str) -> str | None:
    return DEMONYMS.get(fold(word).casefold())


def initials(text: str) -> str:
    """Upper-case initials of the content words: "Chinese Communist Party" -> "CCP"."""
    words = [w for w in re.split(r"[\s-]+", name_key(text)) if w and w not in ("of", "and", "for", "the", "&")]
    return "".join(w[0] for w in words).upper()


def similar_names(a: str, b: str) -> bool:
    """Two multi-word person names that differ only by a typo: "Liu Xiamong" ~ "Liu Xiaoming".

    Every word must match (one exactly), and the others must be long enough and near enough that
    a typo is likelier than a different person: "Jeff Stone" and "Jeff Bezos" stay apart.
    """
    wa, wb = name_key(a).split(), name_key(b).split()
    if len(wa) != len(wb) or len(wa) < 2 or wa == wb:
        return False
    exact = 0
    for x, y in zip(wa, wb, strict=False):
        if x == y:
            exact += 1
        elif min(len(x), len(y)) < 5 or not _near(x, y):
            return False
    return exact >= 1


def _near(x: str, y: str) -> bool:
    """SequenceMatcher's ratio is 0.8 or more; its cheap upper bounds are tried first, as
    difflib.get_close_matches does (most pairs a big corpus compares fail there)."""
    m = SequenceMatcher(None, x, y)
    return m.real_quick_ratio() >= 0.8 and m.quick_ratio() >= 0.8 and m.ratio() >= 0.8


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("" when nothing ASCII is left)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
