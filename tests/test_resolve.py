"""The resolver that relations and quotations share (extract/resolve.py), on hand-built Docs."""

from __future__ import annotations

from newsgraph.extract.facts import ORGANIZATION, PERSON, Entity, Mention
from newsgraph.extract.quotes import Speakers
from newsgraph.extract.relations import CONFIDENCE as RULES
from newsgraph.extract.relations import extract_relations
from newsgraph.extract.resolve import CONFIDENCE, Resolver


def person_and_pronoun(make_doc):
    # "Liu Xiaoming arrived . He said Twitter 's platform ..."
    words = ["Liu", "Xiaoming", "arrived", ".", "He", "left", "the", "Twitter", "platform", "."]
    heads = [1, 2, 2, 2, 5, 5, 8, 8, 5, 5]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "det", "compound", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "DET", "PROPN", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", ".", "PRP", "VBD", "DT", "NNP", "NN", "."]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags)
    entities = [
        Entity("e0", "Liu Xiaoming", PERSON, (Mention("Liu Xiaoming", 0, 12, "PERSON"),)),
        Entity("e1", "Twitter", ORGANIZATION, (Mention("Twitter", 33, 40, "ORG"),)),
    ]
    return doc, entities, {0: "e0", 1: "e0", 7: "e1"}


def test_names_pronouns_and_organisation_nouns_resolve_with_their_confidence(make_doc):
    doc, entities, token_map = person_and_pronoun(make_doc)
    r = Resolver(doc, entities, token_map)
    assert r.entity(doc[1]) == ("e0", CONFIDENCE["name"])
    assert r.entity(doc[4]) == ("e0", CONFIDENCE["pronoun"])  # "He": the person named last
    assert r.entity(doc[4], allow_pronoun=False) == (None, 0.0)
    assert r.entity(doc[8]) == ("e1", CONFIDENCE["organisation-noun"])  # "the Twitter platform"
    assert r.key(doc[5]) is None


def test_quotations_resolve_speakers_with_the_same_resolver(make_doc):
    doc, entities, token_map = person_and_pronoun(make_doc)
    speakers = Speakers(doc, entities, token_map, [])
    assert isinstance(speakers.resolver, Resolver)
    assert speakers.resolve(doc[4]) == Resolver(doc, entities, token_map).entity(doc[4])[0] == "e0"


def test_a_relation_is_as_sure_as_its_rule_times_the_resolution_of_each_argument(make_doc):
    doc, entities, token_map = person_and_pronoun(make_doc)
    (found,), _ = extract_relations(doc, entities, token_map)
    assert (found.subject, found.predicate, found.object, found.rule) == ("e0", "left", "e1", "verb-object")
    expected = RULES["verb-object"] * CONFIDENCE["pronoun"] * CONFIDENCE["organisation-noun"]
    assert found.confidence == round(expected, 3)
