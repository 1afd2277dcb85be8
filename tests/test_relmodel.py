"""The learned relation extractor (extract/relmodel.py): candidates, the document-level decision,
and the shipped model on a few sentences."""

from __future__ import annotations

import math

import pytest

from newsgraph.extract import Article, facts_from_doc
from newsgraph.extract.facts import ORGANIZATION, PERSON, PLACE, Entity, Mention, Relation
from newsgraph.extract.relmodel import (
    MODEL_FILE,
    PATTERNS_ONLY,
    RelationModel,
    candidates,
    default_model,
    model_relations,
)


def merkel_doc(make_doc):
    # German Chancellor Angela Merkel visited Paris . Germany won .
    words = ["German", "Chancellor", "Angela", "Merkel", "visited", "Paris", ".", "Germany", "won", "."]
    heads = [1, 3, 3, 4, 4, 4, 4, 8, 8, 8]
    deps = ["amod", "compound", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"]
    lemmas = ["german", "chancellor", "Angela", "Merkel", "visit", "Paris", ".", "Germany", "win", "."]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    entities = [
        Entity("e0", "Angela Merkel", PERSON, (Mention("Angela Merkel", 18, 31, "PERSON"),)),
        Entity("e1", "Paris", PLACE, (Mention("Paris", 40, 45, "GPE"),)),
        Entity("e2", "Germany", PLACE, (Mention("Germany", 48, 55, "GPE"),)),
    ]
    return doc, entities, {2: "e0", 3: "e0", 5: "e1", 7: "e2"}


def by_pair(cands):
    return {(c.subject, c.object): c for c in cands}


def test_candidates_read_paths_words_titles_demonyms_and_countries(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    cands = by_pair(candidates(doc, entities, token_map))
    assert set(cands) == {(a, b) for a in ("e0", "e1", "e2") for b in ("e0", "e1", "e2") if a != b}
    paris = set(cands["e0", "e1"].features)
    assert {"d:0", "ord:so", "b:visit", "p:nsubj|visit|dobj", "pd:nsubj|dobj", "st:chancellor"} <= paris
    germany = set(cands["e0", "e2"].features)
    assert {"d:1", "dem:s", "o:country", "o:only-country", "st:chancellor", "Per>Pla|dem:s"} <= germany
    assert "dem:s" not in paris and not any(f.startswith("p:") for f in germany)  # no path across sentences
    assert doc.text[slice(*cands["e0", "e2"].evidence)].strip() == doc.text.strip()  # both sentences
    assert doc.text[slice(*cands["e0", "e1"].evidence)].startswith("German Chancellor")


def test_signatures_limit_the_pairs_scored(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    assert {(c.subject, c.object) for c in candidates(doc, entities, token_map, signatures={(PERSON, PLACE)})} == {
        ("e0", "e1"),
        ("e0", "e2"),
    }


TOY = {
    "properties": {
        "nationality": {
            "signatures": [[PERSON, PLACE]],
            "bias": -2.0,
            "weights": {"dem:s": 4.0},
            "calibration": [1.0, 0.0],
            "threshold": 0.5,
        }
    },
    "patterns": {"verb-object|met": {"n": 10, "precision": 0.4}},
}


def test_the_model_decides_per_pair_and_patterns_keep_their_measured_precision(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    pattern = Relation("e0", "met", "e1", "a sentence", 0, 10, 0.8, "verb-object")
    out = model_relations(doc, entities, token_map, [pattern], RelationModel(TOY))
    found = {(r.subject, r.predicate, r.object): r for r in out}
    assert set(found) == {("e0", "nationality", "e2"), ("e0", "met", "e1")}  # Paris: no demonym, 0.12 < 0.5
    nationality = found["e0", "nationality", "e2"]
    assert nationality.confidence == 0.881 and nationality.rule == "model"  # sigmoid(-2 + 4)
    assert (
        nationality.sentence == doc.text.strip() and doc.text[nationality.start : nationality.end] == doc.text.strip()
    )
    assert found["e0", "met", "e1"].confidence == 0.533  # (10 x 0.4 measured + 5 x its own 0.8) / 15


def test_a_relation_a_pattern_stated_is_not_added_again_by_the_model(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    pattern = Relation(
        "e0", "nationality", "e2", "German Chancellor Angela Merkel visited Paris .", 0, 44, 0.75, "demonym-before-name"
    )
    out = model_relations(doc, entities, token_map, [pattern], RelationModel(TOY))
    assert [(r.predicate, r.rule, r.confidence) for r in out] == [("nationality", "demonym-before-name", 0.75)]


@pytest.mark.parametrize("prop, one", [("nationality", True), ("worksFor", True), ("homeLocation", False)])
def test_the_model_gives_a_person_one_nationality_and_one_employer(make_doc, prop, one):
    doc, entities, token_map = merkel_doc(make_doc)  # Merkel, Paris, Germany
    both = {  # every person-place pair passes; the demonym's ("German") more surely
        "properties": {prop: {**TOY["properties"]["nationality"], "bias": 1.0, "weights": {"dem:s": 2.0}}}
    }
    found = {(r.subject, r.object) for r in model_relations(doc, entities, token_map, [], RelationModel(both))}
    assert found == ({("e0", "e2")} if one else {("e0", "e1"), ("e0", "e2")})
    stated = Relation("e0", prop, "e2", "a sentence", 0, 10, 0.9, "verb-object")  # a pattern's: the model adds none
    out = model_relations(doc, entities, token_map, [stated], RelationModel(both))
    assert {(r.subject, r.object) for r in out} == ({("e0", "e2")} if one else {("e0", "e1"), ("e0", "e2")})


@pytest.mark.parametrize(
    "predicate, rule, ruled_out",
    [
        ("ambassador-to", "title-before-name", "nationality"),  # a diplomat is no national of his post
        ("has-account-on", "account-of", "worksFor"),  # "his Twitter account": no employee of Twitter
        ("has-account-on", "account-of", "memberOf"),
    ],
)
def test_what_a_pattern_said_of_a_pair_rules_out_a_property_the_model_would_add(make_doc, predicate, rule, ruled_out):
    doc, entities, token_map = merkel_doc(make_doc)
    toy = {**TOY, "properties": {ruled_out: TOY["properties"]["nationality"]}}  # gives e0 `ruled_out` e2
    said = Relation("e0", predicate, "e2", "a sentence", 0, 10, 0.9, rule)
    out = model_relations(doc, entities, token_map, [said], RelationModel(toy))
    assert {(r.subject, r.predicate, r.object) for r in out} == {("e0", predicate, "e2")}
    met = Relation("e0", "met", "e2", "a sentence", 0, 10, 0.8, "verb-object")  # any other pattern: no effect
    out = model_relations(doc, entities, token_map, [met], RelationModel(toy))
    assert ("e0", ruled_out, "e2") in {(r.subject, r.predicate, r.object) for r in out}


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Shanghai, China is a big city. Hamburg is a port in Germany.",
            {("Shanghai", "containedInPlace", "China"), ("Hamburg", "containedInPlace", "Germany")},
        ),
        (
            "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday. "
            "Germany and France agreed on a plan.",
            {("Angela Merkel", "nationality", "Germany"), ("Emmanuel Macron", "nationality", "France")},
        ),
        ("Barack Obama was born in Honolulu, Hawaii.", {("Barack Obama", "birthPlace", "Honolulu")}),
        (  # a known organisation's country, which the text does not state
            "Lawmakers in the Bundestag approved the bill on Friday. Germany will pay for it.",
            {("Bundestag", "location", "Germany")},
        ),
    ],
)
def test_the_shipped_model_reads_plain_news_sentences(nlp, text, expected):
    assert MODEL_FILE.is_file() and default_model() is not None
    facts = facts_from_doc(nlp(text), Article("t", "t.txt", "", text))
    names = {e.key: e.name for e in facts.entities}
    found = {(names[r.subject], r.predicate, names[r.object]) for r in facts.relations}
    assert expected <= found
    for r in facts.relations:
        assert 0 < r.confidence <= 1 and text[r.start : r.end] == r.sentence


def read_triples(nlp, text: str) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of every relation the build states in `text`."""
    facts = facts_from_doc(nlp(text), Article("t", "t.txt", "", text))
    names = {e.key: e.name for e in facts.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in facts.relations}


def test_a_demonym_for_another_country_counts_against_the_pair(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    doc = make_doc(
        [t.text if t.i != 7 else "France" for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
        pos=[t.pos_ for t in doc],
    )
    entities[2] = Entity("e2", "France", PLACE, (Mention("France", 48, 54, "GPE"),))
    features = set(by_pair(candidates(doc, entities, token_map))["e0", "e2"].features)
    assert "dem:s-other" in features and "dem:s" not in features


@pytest.mark.model
def test_a_leader_named_with_his_countrys_adjective_is_not_given_the_other_country(nlp):
    found = read_triples(
        nlp, "Chinese President Xi Jinping met US President Barack Obama on Friday. The United States wants a deal."
    )
    assert ("Barack Obama", "nationality", "United States") in found
    assert ("Xi Jinping", "nationality", "United States") not in found


def two_places_and_a_country_doc(make_doc, first: str, second: str, country: str):
    """ "<first> and <second> met. <country> won.": the Doc, its places e0, e1, e2 and its token map."""
    words = [first, "and", second, "met", ".", country, "won", "."]
    heads = [3, 0, 0, 3, 3, 6, 6, 6]
    deps = ["nsubj", "cc", "conj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    doc = make_doc(
        words, heads=heads, deps=deps, pos=["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    )
    entities = [
        Entity(f"e{n}", doc[i].text, PLACE, (Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), "GPE"),))
        for n, i in enumerate((0, 2, 5))
    ]
    return doc, entities, {0: "e0", 2: "e1", 5: "e2"}


def test_of_two_places_put_in_each_other_only_the_likelier_way_is_kept(make_doc):
    doc, entities, token_map = two_places_and_a_country_doc(make_doc, "Tabqa", "Raqqa", "Syria")
    everything_in_everything = {  # every pair passes, the first place in the second more surely
        "properties": {
            "containedInPlace": {
                "signatures": [[PLACE, PLACE]],
                "bias": 2.0,
                "weights": {"ord:so": 1.0},
                "calibration": [1.0, 0.0],
                "threshold": 0.5,
            }
        }
    }
    model = RelationModel(everything_in_everything)
    found = {(r.subject, r.object) for r in model_relations(doc, entities, token_map, [], model)}
    assert ("e0", "e1") in found and ("e1", "e0") not in found
    assert all(((b, a) in found) != ((a, b) in found) for a, b in [("e0", "e2"), ("e1", "e2")])  # one way each
    stated = Relation("e1", "containedInPlace", "e0", "a sentence", 0, 10, 0.9, "place-in-place")
    found = {(r.subject, r.object) for r in model_relations(doc, entities, token_map, [stated], model)}
    assert ("e1", "e0") in found and ("e0", "e1") not in found  # not against a pattern's


def two_places_and_a_country(make_doc, first: str, second: str, country: str):
    """The candidates of "<first> and <second> met. <country> won." (entities e0, e1, e2), by pair."""
    return by_pair(candidates(*two_places_and_a_country_doc(make_doc, first, second, country)))


def test_a_known_city_reads_its_own_country(make_doc):
    cands = two_places_and_a_country(make_doc, "Berlin", "London", "Germany")
    assert "city:own" in cands["e0", "e2"].features and "city:other" in cands["e1", "e2"].features
    assert "city:country-in-city" in cands["e2", "e0"].features


def test_a_city_in_a_nation_of_its_country_is_told_apart_from_one_in_another_country(make_doc):
    cands = two_places_and_a_country(make_doc, "Leeds", "Berlin", "England")
    assert "city:nation" in cands["e0", "e2"].features and "city:other" in cands["e1", "e2"].features


@pytest.mark.parametrize("first, second", [("Leeds", "Berlin"), ("Leeds", "Bavaria")])
def test_the_model_puts_no_place_in_another_country_than_the_gazetteer_gives(make_doc, first, second):
    everything = {  # a model that puts every place in every other, in the article's country and
        # the first named in the second more surely (of two places in each other one way is kept)
        "properties": {
            "containedInPlace": {
                "signatures": [[PLACE, PLACE]],
                "bias": 5.0,
                "weights": {"o:only-country": 1.0, "ord:so": 1.0},
                "calibration": [1.0, 0.0],
                "threshold": 0.5,
            }
        }
    }
    doc, entities, token_map = two_places_and_a_country_doc(make_doc, first, second, "England")
    found = {(r.subject, r.object) for r in model_relations(doc, entities, token_map, [], RelationModel(everything))}
    assert ("e0", "e2") in found and ("e0", "e1") in found  # Leeds in England; Leeds in Berlin: no gazetteer says
    assert ("e1", "e2") not in found  # Berlin (a city), Bavaria (a region) are in Germany, not in England


def test_the_model_puts_a_country_in_a_continent_but_in_no_other_country(make_doc):
    everything = {  # a model that would put every place in every other
        "properties": {
            "containedInPlace": {
                "signatures": [[PLACE, PLACE]],
                "bias": 5.0,
                "weights": {},
                "calibration": [1.0, 0.0],
                "threshold": 0.5,
            }
        }
    }
    doc, entities, token_map = two_places_and_a_country_doc(make_doc, "Russia", "Uruguay", "Europe")
    found = {(r.subject, r.object) for r in model_relations(doc, entities, token_map, [], RelationModel(everything))}
    assert ("e0", "e2") in found and ("e1", "e2") in found  # Russia, Uruguay in Europe
    assert not found & {("e0", "e1"), ("e1", "e0"), ("e2", "e0"), ("e2", "e1")}


def test_a_known_organisation_reads_its_own_country(make_doc):
    doc, places, token_map = two_places_and_a_country_doc(make_doc, "Bundestag", "Xinhua", "Germany")
    entities = [Entity(e.key, e.name, ORGANIZATION, e.mentions) for e in places[:2]] + places[2:]
    cands = by_pair(candidates(doc, entities, token_map))
    assert "org:own" in cands["e0", "e2"].features  # the Bundestag is Germany's
    assert "org:other" in cands["e1", "e2"].features  # Xinhua is China's
    assert not any(f.startswith("org:") for f in cands["e2", "e0"].features)


def test_a_known_region_reads_its_own_country(make_doc):
    cands = two_places_and_a_country(make_doc, "Bavaria", "Xinjiang", "Germany")
    assert "region:own" in cands["e0", "e2"].features and "region:other" in cands["e1", "e2"].features
    assert not any(f.startswith(("region:", "city:")) for f in cands["e2", "e0"].features)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, right, wrong",
    [  # a capital is not put in the country the article names; a region is put in its own
        (
            "Relations between London and Beijing have soured, China's foreign ministry said on Monday.",
            ("Beijing", "containedInPlace", "China"),
            ("London", "containedInPlace", "China"),
        ),
        (
            "Officials in Xinjiang rejected a report published in the United Kingdom, China's foreign ministry said.",
            ("Xinjiang", "containedInPlace", "China"),
            ("Xinjiang", "containedInPlace", "United Kingdom"),
        ),
    ],
)
def test_a_known_place_is_put_in_its_own_country(nlp, text, right, wrong):
    found = read_triples(nlp, text)
    assert right in found
    assert wrong not in found


@pytest.mark.model
def test_patterns_only_leaves_the_model_out(nlp):
    text = (
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday. "
        "Germany and France agreed on a plan."
    )
    doc = nlp(text)
    default = facts_from_doc(doc, Article("t", "t.txt", "", text))
    patterns = facts_from_doc(doc, Article("t", "t.txt", "", text), PATTERNS_ONLY)
    assert any(r.rule == "model" for r in default.relations)
    assert not any(r.rule == "model" for r in patterns.relations)
    assert {r.rule for r in patterns.relations} <= {r.rule for r in default.relations}


def test_a_pronoun_brings_its_person_into_the_sentence(make_doc):
    # Angela Merkel spoke . She grew up in Hamburg .
    words = ["Angela", "Merkel", "spoke", ".", "She", "grew", "up", "in", "Hamburg", "."]
    heads = [1, 2, 2, 2, 5, 5, 5, 5, 7, 5]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "prt", "prep", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "ADP", "ADP", "PROPN", "PUNCT"]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos)
    entities = [
        Entity("e0", "Angela Merkel", PERSON, (Mention("Angela Merkel", 0, 13, "PERSON"),)),
        Entity("e1", "Hamburg", PLACE, (Mention("Hamburg", 39, 46, "GPE"),)),
    ]
    cand = by_pair(candidates(doc, entities, {0: "e0", 1: "e0", 8: "e1"}))["e0", "e1"]
    assert {"d:0", "via:pronoun", "p:nsubj|grew|prep>pobj", "sm:1"} <= set(cand.features)  # lemmas as written
    assert doc.text[slice(*cand.evidence)].strip() == "She grew up in Hamburg ."


def test_bulk_scoring_gives_each_candidates_probability(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    model = default_model()
    cands = candidates(doc, entities, token_map, signatures=model.signatures)
    low = RelationModel(
        {**model.data, "properties": {k: {**p, "threshold": 0.0} for k, p in model.properties.items()}}
    )  # every admitted pair out
    got = {(c.subject, c.object, prop): prob for c, prop, prob in low.predict(cands)}

    def by_hand(p, features):  # the model file's numbers, read one by one
        a, b = p["calibration"]
        return 1 / (1 + math.exp(-(a * (p["bias"] + sum(p["weights"].get(f, 0.0) for f in features)) + b)))

    expected = {
        (c.subject, c.object, prop): by_hand(p, c.features)
        for c in cands
        for prop, p in model.properties.items()
        if list(c.types) in p["signatures"]
    }
    assert got.keys() == expected.keys() and len(got) > 10
    assert all(abs(got[k] - expected[k]) < 1e-9 for k in got)


def test_a_very_long_text_pairs_only_its_most_mentioned_entities(make_doc):
    from newsgraph.extract import relmodel

    n = relmodel.MAX_PAIRED + 20
    words = [f"Town{i}" for i in range(n)] + ["Capital", ".", "Capital"]
    doc = make_doc(words, heads=[n + 2] * (n + 2) + [n + 2])
    entities = [Entity(f"e{i}", f"Town{i}", PLACE, (Mention(f"Town{i}", 0, 1, "GPE"),)) for i in range(n)]
    entities.append(Entity("zcap", "Capital", PLACE, (Mention("Capital", 0, 1, "GPE"),) * 2))
    token_map = {i: f"e{i}" for i in range(n)} | {n: "zcap", n + 2: "zcap"}
    pairs = {(c.subject, c.object) for c in candidates(doc, entities, token_map)}
    keys = {k for pair in pairs for k in pair}
    assert len(keys) == relmodel.MAX_PAIRED and "zcap" in keys  # the twice-named one is kept
    assert len(pairs) == relmodel.MAX_PAIRED * (relmodel.MAX_PAIRED - 1)


def test_a_platform_named_for_an_account_is_no_mention_for_the_model(make_doc):
    # Liu set up his Twitter account . Twitter said so .
    words = ["Liu", "set", "up", "his", "Twitter", "account", ".", "Twitter", "said", "so", "."]
    heads = [1, 1, 1, 5, 5, 1, 1, 8, 8, 8, 8]
    deps = ["nsubj", "ROOT", "prt", "poss", "compound", "dobj", "punct", "nsubj", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "VERB", "ADP", "PRON", "PROPN", "NOUN", "PUNCT", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos)
    entities = [
        Entity("e0", "Liu", PERSON, (Mention("Liu", 0, 3, "PERSON"),)),
        Entity("e1", "Twitter", ORGANIZATION, (Mention("Twitter", 16, 23, "ORG"), Mention("Twitter", 35, 42, "ORG"))),
    ]
    pair = by_pair(candidates(doc, entities, {0: "e0", 4: "e1", 7: "e1"}))["e0", "e1"]
    assert "d:1" in pair.features  # only the second sentence's "Twitter" counts: a sentence apart
    assert by_pair(candidates(doc, entities, {0: "e0", 4: "e1"})) == {}  # named for the account alone: no pair


def test_a_property_without_a_threshold_is_scored_but_never_stated(make_doc):
    doc, entities, token_map = merkel_doc(make_doc)
    silent = {**TOY, "properties": {"nationality": {**TOY["properties"]["nationality"], "threshold": None}}}
    model = RelationModel(silent)
    cands = candidates(doc, entities, token_map)
    assert model.predict(cands) == []
    assert model.probability("nationality", by_pair(cands)["e0", "e2"].features) == pytest.approx(0.881, abs=1e-3)
    # its pairs are not gathered for the build: only the type pairs of properties it can state
    spouse = {"signatures": [[PERSON, PERSON]], "bias": 0.0, "weights": {}, "calibration": [1.0, 0.0]}
    both = RelationModel({**TOY, "properties": {**TOY["properties"], "spouse": {**spouse, "threshold": None}}})
    assert both.signatures == {(PERSON, PLACE)}
    stated = RelationModel({**TOY, "properties": {"spouse": {**spouse, "threshold": 0.5}}})
    assert stated.signatures == {(PERSON, PERSON)}


def test_the_words_on_the_path_between_a_pair_count_with_any_role_noun_as_one(make_doc):
    # "Chris Yearley , a journalist at the Gazette ." and the same with "an economist"
    for role in ("journalist", "economist"):
        words = ["Chris", "Yearley", ",", "a", role, "at", "the", "Gazette", "."]
        heads = [1, 1, 1, 4, 1, 4, 7, 5, 1]
        deps = ["compound", "ROOT", "punct", "det", "appos", "prep", "det", "pobj", "punct"]
        pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT"]
        doc = make_doc(words, heads=heads, deps=deps, pos=pos)
        entities = [
            Entity("e0", "Chris Yearley", PERSON, (Mention("Chris Yearley", 0, 13, "PERSON"),)),
            Entity("e1", "Gazette", ORGANIZATION, (Mention("Gazette", doc[7].idx, doc[7].idx + 7, "ORG"),)),
        ]
        cands = by_pair(candidates(doc, entities, {0: "e0", 1: "e0", 7: "e1"}))
        assert "pw:so:appos:ROLE>prep:at" in cands["e0", "e1"].features
        assert "pw:os:prep:at>appos:ROLE" in cands["e1", "e0"].features


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Foreign Ministry", "ministry"),
        ("Christian Democratic Union", "union"),
        ("Warner Bros.", "bros"),
        ("Bayern Munich", "club"),  # a club's name, not the town's
        ("FC Porto", "club"),
        ("Jenoptik", None),  # a proper name's last word names one organisation only
        ("Deutsche Welle", None),
    ],
)
def test_an_organisations_kind_is_read_from_its_last_word_never_from_a_proper_name(make_doc, name, kind):
    words = ["Joe", "Kaeser", "spoke", "for", *name.split(), "."]
    n = len(name.split())
    doc = make_doc(words)
    entities = [
        Entity("e0", "Joe Kaeser", PERSON, (Mention("Joe Kaeser", 0, 10, "PERSON"),)),
        Entity("e1", name, ORGANIZATION, (Mention(name, 21, 21 + len(name), "ORG"),)),
    ]
    token_map = {0: "e0", 1: "e0", **{4 + i: "e1" for i in range(n)}}
    feats = set(by_pair(candidates(doc, entities, token_map))["e0", "e1"].features)
    heads = {f for f in feats if f.startswith("oh:")}
    assert heads == ({f"oh:{kind}"} if kind else set())


def test_a_path_starts_at_the_word_of_a_long_name_the_other_mention_hangs_on(make_doc):
    # She works at the Center for European Policy in Freiburg .  ("in Freiburg" parsed onto "Policy")
    words = ["She", "works", "at", "the", "Center", "for", "European", "Policy", "in", "Freiburg", "."]
    heads = [1, 1, 1, 4, 2, 4, 7, 5, 7, 8, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "amod", "pobj", "prep", "pobj", "punct"]
    doc = make_doc(words, heads=heads, deps=deps)
    entities = [
        Entity("e0", "Center for European Policy", ORGANIZATION, (Mention(doc.text[20:46], 20, 46, "ORG"),)),
        Entity("e1", "Freiburg", PLACE, (Mention("Freiburg", 50, 58, "GPE"),)),
    ]
    token_map = {4: "e0", 5: "e0", 6: "e0", 7: "e0", 9: "e1"}
    pair = set(by_pair(candidates(doc, entities, token_map))["e0", "e1"].features)
    assert "p:|*|prep>pobj" in pair  # as "Siemens in Munich", not through "for European Policy"


def test_a_title_and_a_demonym_in_apposition_count_as_before_the_name(make_doc):
    # The Lithuanian president , Dalia Grybauskaite , signed . Lithuania voted .
    words = ["The", "Lithuanian", "president", ",", "Dalia", "Grybauskaite", ",", "signed", "."]
    words += ["Lithuania", "voted", "."]
    heads = [2, 2, 7, 2, 5, 2, 2, 7, 7, 10, 10, 10]
    deps = ["det", "amod", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    pos = ["DET", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos)
    start = doc[4].idx
    entities = [
        Entity("e0", "Dalia Grybauskaite", PERSON, (Mention("Dalia Grybauskaite", start, start + 18, "PERSON"),)),
        Entity("e1", "Lithuania", PLACE, (Mention("Lithuania", doc[9].idx, doc[9].idx + 9, "GPE"),)),
    ]
    pair = set(by_pair(candidates(doc, entities, {4: "e0", 5: "e0", 9: "e1"}))["e0", "e1"].features)
    assert {"st:president", "dem:s", "st&country:president:only"} <= pair


def test_a_title_that_owns_the_noun_in_apposition_is_not_the_persons(make_doc):
    # Carla Bruni , the French president 's wife , left . France voted .
    words = ["Carla", "Bruni", ",", "the", "French", "president", "'s", "wife", ",", "left", ".", "France", "voted"]
    words += ["."]
    heads = [1, 9, 1, 5, 5, 7, 5, 1, 1, 9, 9, 12, 12, 12]
    deps = ["compound", "nsubj", "punct", "det", "amod", "poss", "case", "appos", "punct", "ROOT", "punct", "nsubj"]
    deps += ["ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PART", "NOUN", "PUNCT", "VERB", "PUNCT", "PROPN", "VERB"]
    pos += ["PUNCT"]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos)
    entities = [
        Entity("e0", "Carla Bruni", PERSON, (Mention("Carla Bruni", 0, 11, "PERSON"),)),
        Entity("e1", "France", PLACE, (Mention("France", doc[11].idx, doc[11].idx + 6, "GPE"),)),
    ]
    pair = set(by_pair(candidates(doc, entities, {0: "e0", 1: "e0", 11: "e1"}))["e0", "e1"].features)
    assert not {f for f in pair if f.startswith(("st:", "st&"))}
