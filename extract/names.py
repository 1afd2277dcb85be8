"""Words around names: titles and honorifics, demonyms, clean surface forms, initials and slugs.

What makes two names one entity (comparison keys, place spellings, typos) is `identity.py`.
"""
from __future__ import annotations

import re
import unicodedata

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

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.I)


def fold(text: str) -> str:
    """Unicode-normalised, apostrophe-normalised, whitespace-collapsed text."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", fold(text)).rstrip()


def country_of_demonym(word: str) -> str | None:
    return DEMONYMS.get(fold(word).casefold())


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("" when nothing ASCII is left)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
