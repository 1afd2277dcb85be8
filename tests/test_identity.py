"""Identity rules (extract/identity.py): name keys, typo matching, acronyms, names, types and ids."""

from collections import Counter

import pytest

from newsgraph.extract.facts import Entity, Mention
from newsgraph.extract.identity import (
    abbreviates,
    acronyms,
    choose_name,
    choose_type,
    entity_id,
    initials,
    merge_keys,
    name_key,
    similar_names,
)
from newsgraph.extract.names import slug


@pytest.mark.parametrize(
    "a, b",
    [
        ("The Chinese Embassy", "Chinese Embassy's"),
        ("U.K.", "the United Kingdom"),
        ("UK", "Britain"),
        ("Liu Xiaoming’s", "liu xiaoming"),
    ],
)
def test_name_key_ignores_case_dots_articles_possessives_and_known_spellings(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Liu Xiamong", "Liu Xiaoming", True),
        ("Jeff Stone", "Jeff Bezos", False),
        ("Ann Lee", "Ann Lea", False),  # short words: a typo is not likelier than another person
        ("Pascal Papé", "Pascal Pape", True),  # with or without its accent, one word
        ("Bill Gates", "Bill Gates", False),  # equal is not "similar": it is the same key
        ("Liu", "Liu Xiaoming", False),
    ],
)
def test_similar_names_matches_typos_but_keeps_people_apart(a, b, same):
    assert similar_names(a, b) is same


def test_initials_spell_acronyms():
    assert initials("the Chinese Communist Party") == "CCP"
    assert initials("Department of Justice") == "DJ"


@pytest.mark.parametrize(
    "short, name, same",
    [
        ("ASX", "Australian Securities Exchange", True),  # letters in order, not only initials
        ("ICTY", "International Criminal Tribunal for the former Yugoslavia", True),
        ("Cai", "Compagnia Aerea Italia", True),  # a word spelt by the initials
        ("CDU", "Angela Merkel", False),  # "Merkel (CDU)": her party
        ("AP", "Paris", False),  # a dateline's agency
        ("SX", "Australian Securities Exchange", False),  # not from the first word's initial
        ("Cia", "Compagnia Aerea Italia", False),
        ("MoD", "Ministry of Defence", True),  # the capitals of a mixed-case abbreviation
        ("BBC", "BBC One", False),  # a word of the name, not its initials: "BBC One (BBC)" is the channel's
    ],
)
def test_an_abbreviation_comes_from_the_names_letters_in_order(short, name, same):
    assert abbreviates(short, name) is same


def test_slug_is_ascii_and_may_be_empty():
    assert slug("Zürich Café") == "zurich-cafe"
    assert slug("劉曉明") == ""


def test_choose_name_prefers_known_place_spellings_then_the_fullest_most_used_form():
    assert choose_name(["UK", "Britain"]) == "United Kingdom"
    assert choose_name(["Liu", "Liu Xiaoming", "Liu", "Mr Liu"]) == "Liu Xiaoming"
    assert choose_name(Counter({"Acme Corp": 1, "Acme Corp.": 1})) == "Acme Corp."  # then the longer, then A-Z
    assert choose_name(Counter({"Acme Corp": 3, "Acme Corp.": 1})) == "Acme Corp"
    # capitals give way where the text writes the name otherwise too (a dateline's "MEMPHIS")
    assert choose_name(Counter({"MEMPHIS": 2, "Memphis": 1})) == "Memphis"
    assert choose_name(Counter({"NATO": 2})) == "NATO"


def test_choose_type_is_the_majority_and_ties_go_to_organisation_then_person():
    assert choose_type({"Person": 3, "Place": 1}) == "Person"
    assert choose_type({"Person": 2, "Organization": 2}) == "Organization"
    assert choose_type({"Place": 2, "Person": 2}) == "Person"
    assert choose_type({}) == "Organization"


def test_merge_keys_are_full_names_but_not_a_persons_lone_surname():
    liu = Entity(
        "e0", "Liu Xiaoming", "Person", (Mention("Liu Xiaoming", 0, 12, "PERSON"), Mention("Liu", 40, 43, "PERSON"))
    )
    assert merge_keys(liu) == ["liu xiaoming"]
    nato = Entity(
        "e1",
        "North Atlantic Treaty Organization",
        "Organization",
        (Mention("North Atlantic Treaty Organization", 0, 34, "ORG"), Mention("NATO", 50, 54, "ORG")),
    )
    assert merge_keys(nato) == ["nato", "north atlantic treaty organization"]


def test_entity_id_is_type_and_slug_with_a_hash_only_when_the_slug_loses_something():
    assert entity_id("Person", "Liu Xiaoming") == "person:liu-xiaoming"
    assert entity_id("Person", "liu xiaoming's") == "person:liu-xiaoming"
    assert entity_id("Place", "U.K.") == "place:united-kingdom"
    zurich = entity_id("Place", "Zürich")
    assert zurich.startswith("place:zurich-") and zurich != entity_id("Place", "Zurich")


def test_a_british_partys_nickname_joins_its_full_name_across_articles():
    tories = Entity("e0", "Tories", "Organization", (Mention("Tories", 0, 6, "NORP"),))
    assert merge_keys(tories) == ["conservative party", "tories"]
    person = Entity("e1", "Tories", "Person", (Mention("Tories", 0, 6, "PERSON"),))  # only an organisation
    assert merge_keys(person) == ["tories"]


def test_one_node_for_a_party_named_by_its_nickname_in_one_article_and_in_full_in_another():
    from newsgraph.graph import build_graph

    from factories import article, entity

    g = build_graph(
        [
            article("a1", entity("e0", "Tories", "Organization")),
            article("a2", entity("e0", "Conservative Party", "Organization")),
            article("a3", entity("e0", "Lib Dems", "Organization")),
        ]
    )
    labels = sorted((d["label"], tuple(d["aliases"]), tuple(d["articles"])) for _, d in g.nodes(data=True))
    assert labels == [("Conservative Party", ("Tories",), ("a1", "a2")), ("Lib Dems", (), ("a3",))]


def test_a_club_named_as_its_town_is_one_node_and_the_town_another():
    from newsgraph.graph import build_graph

    from factories import article, entity

    g = build_graph(
        [
            article("a1", entity("e0", "Newcastle", "Organization")),  # "Newcastle v Chelsea"
            article("a2", entity("e0", "Newcastle", "Organization")),
            article("a3", entity("e0", "Newcastle", "Place")),  # "a flat in Newcastle"
            article("a4", entity("e0", "Chile", "Organization")),  # a national side: the country
            article("a5", entity("e0", "Chile", "Place")),
            article("a6", entity("e0", "Chile", "Place")),
            article("a7", entity("e0", "Washington", "Organization")),  # a capital for its government
            article("a8", entity("e0", "Washington", "Place")),
            article("a9", entity("e0", "Washington", "Place")),
        ]
    )
    nodes = sorted((d["label"], d["type"], tuple(d["articles"])) for _, d in g.nodes(data=True))
    assert nodes == [
        ("Chile", "Place", ("a4", "a5", "a6")),
        ("Newcastle", "Organization", ("a1", "a2")),
        ("Newcastle", "Place", ("a3",)),
        ("Washington", "Place", ("a7", "a8", "a9")),
    ]


def test_an_organisations_acronyms_may_leave_out_its_country_or_keep_a_short_word_whole():
    assert {"FTC", "USFTC"} <= acronyms("US Federal Trade Commission")
    assert "UKIP" in acronyms("UK Independence Party")
    assert acronyms("Federal Trade Commission") == {"FTC"}
    assert "FTC" not in acronyms("Acme Federal Trade Commission")  # only a country is left out


def test_an_acronym_may_keep_the_o_of_of():
    assert {"DOE", "DE"} <= acronyms("US Department of Energy")
    assert {"BOE", "BE"} <= acronyms("Bank of England")
    assert acronyms("Federal Reserve Bank") == {"FRB"}  # no "of": nothing more
    assert "OE" not in acronyms("Department of Energy")
