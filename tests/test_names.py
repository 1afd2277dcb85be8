"""Name keys, typo matching and slugs: what decides that two mentions are one entity."""
import pytest

from newsgraph.extract.names import initials, name_key, similar_names, slug


@pytest.mark.parametrize("a, b", [
    ("The Chinese Embassy", "Chinese Embassy's"),
    ("U.K.", "the United Kingdom"),
    ("UK", "Britain"),
    ("Liu Xiaoming’s", "liu xiaoming"),
])
def test_name_key_ignores_case_dots_articles_possessives_and_known_spellings(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b, same", [
    ("Liu Xiamong", "Liu Xiaoming", True),
    ("Jeff Stone", "Jeff Bezos", False),
    ("Ann Lee", "Ann Lea", False),  # short words: a typo is not likelier than another person
    ("Bill Gates", "Bill Gates", False),  # equal is not "similar": it is the same key
    ("Liu", "Liu Xiaoming", False),
])
def test_similar_names_matches_typos_but_keeps_people_apart(a, b, same):
    assert similar_names(a, b) is same


def test_initials_spell_acronyms():
    assert initials("the Chinese Communist Party") == "CCP"
    assert initials("Department of Justice") == "DJ"


def test_slug_is_ascii_and_may_be_empty():
    assert slug("Zürich Café") == "zurich-cafe"
    assert slug("劉曉明") == ""
