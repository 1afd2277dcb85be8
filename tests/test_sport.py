"""Competitions and club names, as plain strings (extract/sport.py)."""

from __future__ import annotations

import pytest

from newsgraph.extract.sport import is_club_name, is_competition


@pytest.mark.parametrize(
    "name",
    ["Bundesliga", "the Champions League", "2012-13 UEFA Champions League Group Stage", "German Cup", "World Cup",
     "European Championships", "London Olympics", "Group F.", "Tough Group D", "Zweite Bundesliga", "Euro 2016",
     "English Premier League", "RBS Six Nations", "Zurich Premiership", "the US Open", "Monaco Grand Prix",
     "Australian Open"],
)  # fmt: skip
def test_competitions(name):
    assert is_competition(name)


@pytest.mark.parametrize(
    "name",
    ["Arab League", "Muslim League", "National League for Democracy", "Cup", "Olympic Stadium", "Europe",
     "Group", "Premier Foods", "Bundesbank", "Euro Stoxx 50", "AFC Wimbledon", "German Chancellery",
     "Wimbledon", "Formula One Group", "Premier League clubs' owners", "Open University", "Open", "Grand Prix",
     "Open Russia", "Dave Masters", "Keep Britain Open", "Henman Open", "Project Open"],
)  # fmt: skip
def test_not_competitions(name):
    assert not is_competition(name)


@pytest.mark.parametrize(
    "name",
    [
        "Borussia Dortmund",
        "FC Porto",
        "Real Madrid",
        "Inter Milan",
        "Tottenham Hotspur",
        "Bayern",
        "BATE Borisov",
        "Manchester United",
        "Sheff Utd",
        "Charlton Athletic",
        "West Bromwich Albion",
        "Aston Villa",
    ],
)
def test_club_names(name):
    assert is_club_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Dortmund",
        "Madrid",
        "Real",
        "Bayer",
        "Stade de France",
        "Manchester",
        "Milan",
        "SC",
        "Celtic Sea",
        "United States",
        "United Nations",
        "United",
        "Stoke City",  # a club only in a sentence about sport (test_extract.py)
        "Mexico City",
    ],
)
def test_not_club_names(name):
    assert not is_club_name(name)


def test_a_place_the_ner_cut_from_an_events_name_is_no_entity(make_doc):
    from newsgraph.extract.mentions import find_mentions

    # "Kuznetsova won the US Open and Hamilton the Monaco Grand Prix in Monaco ."
    words = ["Kuznetsova", "won", "the", "US", "Open", "and", "Hamilton", "the", "Monaco", "Grand", "Prix", "in"]
    words += ["Monaco", "."]
    ents = ["B-PERSON", "O", "O", "B-GPE", "O", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"]
    found = find_mentions(make_doc(words, ents=ents))
    assert [(f.text, f.start) for f in found] == [("Kuznetsova", 0), ("Hamilton", 6), ("Monaco", 12)]
    # a person before "Open" stays one: "Henman Open hopes fade"
    found = find_mentions(make_doc(["Henman", "Open", "hopes", "fade"], ents=["B-PERSON", "O", "O", "O"]))
    assert [f.text for f in found] == ["Henman"]
