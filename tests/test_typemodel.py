"""The entity typer (extract/typemodel.py): features, decisions, and the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.extract import Article, facts_from_doc
from newsgraph.extract.coref import cluster_mentions, to_entities
from newsgraph.extract.facts import ORGANIZATION, PERSON, PLACE
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.typemodel import CLASSES, OTHER, RULES_ONLY, TypeModel, default_model, features, retype


def toy(weights: dict, switch: float = 0.6, drop: float = 0.7) -> TypeModel:
    size = sum(1 for f in weights if f[0] == "v" and f[1:].isdigit())
    data = {"classes": list(CLASSES), "bias": [0.0] * 4, "weights": weights, "vector_size": size}
    return TypeModel({**data, "switch": switch, "drop": drop})


def halberstadt(make_doc):
    # "Halberstadt 's cathedral stands in Halberstadt ." (tagged ORG, then GPE)
    words = ["Halberstadt", "'s", "cathedral", "stands", "in", "Halberstadt", "."]
    heads = [2, 0, 3, 3, 3, 4, 3]
    deps = ["poss", "case", "nsubj", "ROOT", "prep", "pobj", "punct"]
    pos = ["PROPN", "PART", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["NNP", "POS", "NN", "VBZ", "IN", "NNP", "."]
    lemmas = ["Halberstadt", "'s", "cathedral", "stand", "in", "Halberstadt", "."]
    ents = ["B-ORG", "O", "O", "O", "O", "B-GPE", "O"]
    return make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)


def test_features_read_the_name_the_labels_and_every_mentions_surroundings(make_doc):
    doc = halberstadt(make_doc)
    (cluster,) = cluster_mentions(find_mentions(doc))
    feats = features(doc, cluster.members, ORGANIZATION)
    assert {"vote:Organization", "w:halberstadt", "suf4:tadt", "lab:ORG", "lab:GPE", "poss", "owns:cathedral"} <= feats
    assert {"prep:in", "prep:in:stand", "m:2", "nw:1"} <= feats


def test_the_model_switches_a_type_only_when_sure_and_drops_only_what_it_calls_other():
    model = toy({"suf4:tadt": [0.0, 0.0, 3.0, 0.0], "w:oscar": [0.0, 0.0, 0.0, 4.0], "w:maybe": [0.0, 0.0, 0.5, 0.0]})
    place = model.probabilities({"vote:Organization", "suf4:tadt"})
    assert max(place, key=place.get) == PLACE and abs(sum(place.values()) - 1) < 1e-9
    assert model.decide(ORGANIZATION, place) == PLACE
    assert model.decide(PERSON, model.probabilities({"w:maybe"})) == PERSON  # not sure enough: the vote stays
    assert model.decide(PERSON, model.probabilities({"w:oscar"})) is None
    assert model.probabilities({"w:oscar"})[OTHER] > 0.9


def test_retype_settles_the_type_and_carries_it_into_the_merge_votes(make_doc):
    doc = halberstadt(make_doc)
    clusters = cluster_mentions(find_mentions(doc))
    assert clusters[0].type() == ORGANIZATION  # the rules: a tie goes to Organization
    kept = retype(doc, clusters, toy({"suf4:tadt": [0.0, 0.0, 3.0, 0.0]}))
    entities, _ = to_entities(kept, doc)
    assert [(e.name, e.type, e.type_votes) for e in entities] == [("Halberstadt", PLACE, (("Place", 2),))]
    assert retype(doc, cluster_mentions(find_mentions(doc)), toy({"w:halberstadt": [0, 0, 0, 5.0]})) == []


def test_vector_weights_count_when_the_pipeline_has_vectors():
    model = toy({"v0": [0.0, 4.0, 0.0, 0.0], "v1": [0.0, 0.0, 0.0, 0.0]})
    assert model.probabilities(set(), np.array([1.0, 0.0]))[ORGANIZATION] > 0.9
    assert model.probabilities(set(), np.zeros(0))[ORGANIZATION] == pytest.approx(0.25)


@pytest.mark.model
def test_the_shipped_typer_keeps_plain_names_as_they_are(nlp):
    assert default_model() is not None and default_model().data["trained_on"]["held_out"]
    text = "German Chancellor Angela Merkel visited Paris and met executives of Siemens on Monday."
    facts = facts_from_doc(nlp(text), Article("t", "t.txt", "", text))
    assert {(e.name, e.type) for e in facts.entities} == {
        ("Angela Merkel", PERSON),
        ("Paris", PLACE),
        ("Siemens", ORGANIZATION),
    }


def test_a_lone_surname_joins_the_one_full_name_the_typer_made_a_person(make_doc):
    # "Sundar Katwala spoke . Katwala added ." with "Sundar Katwala" tagged a place: the rules keep
    # him apart from "Katwala"; once the typer makes him a person, he takes it
    from newsgraph.extract.relmodel import PATTERNS_ONLY

    words = ["Sundar", "Katwala", "spoke", ".", "Katwala", "added", "."]
    doc = make_doc(words, ents=["B-LOC", "I-LOC", "O", "O", "B-PERSON", "O", "O"])
    typer = toy({"w:sundar": [5.0 if c == PERSON else 0.0 for c in CLASSES]})
    article = Article("t", "t.txt", "", doc.text)
    assert sorted((e.name, e.type) for e in facts_from_doc(doc, article, PATTERNS_ONLY, RULES_ONLY).entities) == [
        ("Katwala", PERSON),
        ("Sundar Katwala", PLACE),
    ]
    facts = facts_from_doc(doc, article, PATTERNS_ONLY, typer)
    assert [(e.name, e.type, len(e.mentions)) for e in facts.entities] == [("Sundar Katwala", PERSON, 2)]


def test_a_lone_surname_two_typed_people_share_stays_apart(make_doc):
    # "Jamie Redknapp met Harry Redknapp . Redknapp left ." with both full names tagged places
    from newsgraph.extract.relmodel import PATTERNS_ONLY

    words = ["Jamie", "Redknapp", "met", "Harry", "Redknapp", ".", "Redknapp", "left", "."]
    doc = make_doc(words, ents=["B-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "O", "B-PERSON", "O", "O"])
    typer = toy({f"w:{w}": [5.0 if c == PERSON else 0.0 for c in CLASSES] for w in ("jamie", "harry")})
    facts = facts_from_doc(doc, Article("t", "t.txt", "", doc.text), PATTERNS_ONLY, typer)
    assert sorted((e.name, e.type, len(e.mentions)) for e in facts.entities) == [
        ("Harry Redknapp", PERSON, 1),
        ("Jamie Redknapp", PERSON, 1),
        ("Redknapp", PERSON, 1),
    ]
