"""The DWIE and Re-DocRED benchmarks: scoring on hand-made data, and both scripts on two real documents."""

from __future__ import annotations

import math
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import datasets  # noqa: E402
import score  # noqa: E402
from datasets import GoldDoc, GoldEntity, Mention  # noqa: E402
from score import Entity, Relation  # noqa: E402


def gold_doc(relations=(), body_start=0):
    """An article with Angela Merkel (0), the CDU (1), Germany (2), Berlin (3) and a role (4, unscored)."""
    entities = [
        GoldEntity(0, "Person", (Mention("Angela Merkel", 30, 43), Mention("Merkel", 80, 86))),
        GoldEntity(1, "Organization", (Mention("the CDU", 50, 57),)),
        GoldEntity(2, "Place", (Mention("Germany", 10, 17),)),
        GoldEntity(3, "Place", (Mention("Berlin", 90, 96),)),
        GoldEntity(4, None, (Mention("Chancellor", 20, 30),)),
    ]
    return GoldDoc("dwie", "a1", "Headline", "x" * 100, body_start, entities, set(relations))


def entity(eid, kind, *names, articles=("a1",)):
    return Entity(eid, kind, names, articles)


# --- entities ----------------------------------------------------------------------------------


def test_names_compare_without_case_spacing_or_a_leading_the():
    assert score.normalise("  The   CDU ") == score.normalise("cdu") == "cdu"
    assert score.normalise("Theresa May") == "theresa may"


def test_entity_is_right_by_any_name_and_only_with_the_gold_type():
    predicted = [
        entity("merkel", "Person", "Mrs Merkel", "Merkel"),  # an alias is a gold mention
        entity("cdu", "Organization", "CDU"),  # "the CDU" in the gold
        entity("germany", "Organization", "Germany"),  # right name, wrong type
        entity("chancellor", "Person", "Chancellor"),
    ]  # a gold name of an unscored type
    result = score.score_entities([gold_doc()], predicted)
    assert (result["tp"], result["fp"], result["fn"]) == (2, 2, 2)
    assert result["alignments"]["a1"].matched == {"merkel": 0, "cdu": 1}
    assert result["missed"] == {"Germany (Place)": 1, "Berlin (Place)": 1}
    assert result["why_wrong"] == {"a gold name of another type": 1, "a gold name of an unscored type": 1}
    assert math.isclose(result["precision"], 0.5) and math.isclose(result["recall"], 0.5)


def test_a_second_node_for_one_gold_entity_is_a_false_positive_but_keeps_its_relations():
    predicted = [
        entity("angela", "Person", "Angela Merkel", "Merkel"),
        entity("merkel", "Person", "Merkel"),
        entity("cdu", "Organization", "CDU"),
    ]
    result = score.score_entities([gold_doc()], predicted)
    a = result["alignments"]["a1"]
    assert a.matched == {"angela": 0, "cdu": 1} and a.wrong == ["merkel"]  # the node with more matching names wins
    assert a.named["merkel"] == 0
    assert result["wrong"] == {"Merkel (Person, duplicate)": 1}
    rel = score.score_relations(
        [gold_doc({(0, "memberOf", 1)})], [Relation("merkel", "memberOf", "cdu", "a1", 0.9)], result["alignments"]
    )
    assert rel["micro"]["tp"] == 1


def test_a_name_inside_an_unscored_mention_is_wrong_and_says_so():
    doc = gold_doc()
    doc.entities.append(GoldEntity(5, None, (Mention("mz/msh (AP, AFP, dpa)", 70, 91),)))
    result = score.score_entities([doc], [entity("afp", "Organization", "AFP")])
    assert result["fp"] == 1 and result["why_wrong"] == {"inside a gold mention of an unscored type": 1}


def test_entities_count_only_in_the_articles_they_list():
    predicted = [entity("merkel", "Person", "Merkel", articles=("elsewhere",))]
    result = score.score_entities([gold_doc()], predicted)
    assert (result["tp"], result["fp"], result["fn"]) == (0, 0, 4)


def test_each_gold_entity_is_matched_once_and_the_matching_is_maximal():
    # "a" names both places and goes first, "b" only Germany: a greedy match of a to Germany leaves b out
    predicted = [entity("a", "Place", "Berlin", "Germany"), entity("b", "Place", "Germany")]
    a = score.align(gold_doc().entities, predicted)
    assert a.matched == {"a": 3, "b": 2} and a.wrong == [] and a.missed == [0, 1]


def test_missed_entities_named_only_in_the_headline_are_counted():
    result = score.score_entities([gold_doc(body_start=18)], [])
    assert result["missed_in_headline"] == 1  # Germany, at 10-17


# --- relations ---------------------------------------------------------------------------------


def aligned(*predicted):
    return {"a1": score.align(gold_doc().entities, predicted)}


PEOPLE = (
    entity("merkel", "Person", "Merkel"),
    entity("cdu", "Organization", "CDU"),
    entity("germany", "Place", "Germany"),
    entity("berlin", "Place", "Berlin"),
)


def test_relation_direction_counts():
    doc = gold_doc({(3, "containedInPlace", 2), (0, "memberOf", 1)})
    right = Relation("berlin", "containedInPlace", "germany", "a1", 0.8)
    backwards = Relation("germany", "containedInPlace", "berlin", "a1", 0.8)
    result = score.score_relations([doc], [right, backwards], aligned(*PEOPLE))
    assert result["per_property"]["containedInPlace"] == score.prf(1, 1, 0)
    assert result["per_property"]["memberOf"] == score.prf(0, 0, 1)
    assert result["micro"] == score.prf(1, 1, 1)


def test_relation_needs_its_evidence_in_the_article_and_a_scored_predicate():
    doc = gold_doc({(0, "memberOf", 1)})
    predicted = [
        Relation("merkel", "memberOf", "cdu", "other-article", 0.9),
        Relation("merkel", "leader-of", "cdu", "a1", 0.9),
    ]
    result = score.score_relations([doc], predicted, aligned(*PEOPLE))
    assert result["micro"] == score.prf(0, 0, 1)


def test_relation_with_an_unaligned_node_is_wrong_and_duplicates_count_once():
    doc = gold_doc({(0, "nationality", 2)})
    predicted = [
        Relation("merkel", "nationality", "germany", "a1", 0.6),
        Relation("merkel", "nationality", "germany", "a1", 0.9),
        Relation("merkel", "nationality", "mars", "a1", 0.7),
    ]
    result = score.score_relations([doc], predicted, aligned(*PEOPLE, entity("mars", "Place", "Mars")))
    assert result["micro"] == score.prf(1, 1, 0)
    assert sorted(result["outcomes"]) == [(0.7, False), (0.9, True)]


def test_a_wrong_relation_says_whether_an_entity_or_the_relation_is_to_blame():
    doc = gold_doc({(3, "containedInPlace", 2)})
    predicted = [
        Relation("germany", "containedInPlace", "berlin", "a1", 0.8),  # the gold pair, backwards
        Relation("merkel", "memberOf", "cdu", "a1", 0.8),  # two gold entities, no gold relation
        Relation("merkel", "nationality", "mars", "a1", 0.7),  # Mars is no gold entity
    ]
    result = score.score_relations([doc], predicted, aligned(*PEOPLE, entity("mars", "Place", "Mars")))
    assert result["why_wrong"] == {
        "a gold pair, another property or direction": 1,
        "a pair of gold entities with no gold relation": 1,
        "an entity that is no gold entity": 1,
    }


def test_spouse_is_symmetric_and_parent_is_children_reversed():
    entities = [
        GoldEntity(0, "Person", (Mention("Ann", 0, 3),)),
        GoldEntity(1, "Person", (Mention("Bob", 5, 8),)),
        GoldEntity(2, "Person", (Mention("Cat", 9, 12),)),
    ]
    doc = GoldDoc("t", "a1", "h", "Ann, Bob, Cat", 0, entities, {(0, "spouse", 1), (0, "children", 2)})
    people = [entity(n, "Person", n.title()) for n in ("ann", "bob", "cat")]
    alignments = {"a1": score.align(entities, people)}
    predicted = [Relation("bob", "spouse", "ann", "a1", 1.0), Relation("cat", "parent", "ann", "a1", 1.0)]
    assert score.score_relations([doc], predicted, alignments)["micro"] == score.prf(2, 0, 0)
    wrong = [Relation("ann", "parent", "cat", "a1", 1.0)]
    assert score.score_relations([doc], wrong, alignments)["micro"] == score.prf(0, 1, 2)


def test_reliability_bins_by_tenths_with_one_in_the_last_bin():
    rows = score.reliability(
        [(0.0, True), (0.05, False), (0.1, True), (0.17, False), (0.86, True), (0.95, True), (1.0, False), (0.99, True)]
    )
    assert [r["count"] for r in rows] == [2, 2, 0, 0, 0, 0, 0, 0, 1, 3]
    assert rows[0]["share"] == 0.5 and rows[1]["share"] == 0.5 and rows[2]["share"] is None
    assert math.isclose(rows[9]["share"], 2 / 3)
    assert (rows[9]["low"], rows[9]["high"]) == (0.9, 1.0)


def test_relations_from_graph_take_the_best_confidence_per_article():
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_edge(
        "s",
        "o",
        key="worksFor",
        evidence=[
            {"article": "a", "confidence": 0.4},
            {"article": "a", "confidence": 0.7},
            {"article": "b", "confidence": 0.2},
        ],
    )
    g.add_edge("s", "o", key="ambassador-to", evidence=[{"article": "a", "confidence": 0.9}])
    assert score.relations_from_graph(g) == [
        Relation("s", "worksFor", "o", "a", 0.7),
        Relation("s", "worksFor", "o", "b", 0.2),
    ]


def test_floor_pairs_entities_named_in_one_sentence():
    body = "Merkel of the CDU spoke in Berlin. Germany was quiet."
    doc = GoldDoc("t", "a1", "h", body, 0, gold_doc().entities, set())
    found = score.floor_relations([doc], PEOPLE)
    assert {(r.subject, r.property, r.object) for r in found} == {
        ("merkel", "worksFor", "cdu"),
        ("merkel", "nationality", "berlin"),
        ("cdu", "location", "berlin"),
    }


# --- the data sets -----------------------------------------------------------------------------


def test_detokenize_gives_readable_text_and_token_spans():
    text, spans = datasets.detokenize(
        [["He", "said", '"', "yes", '"', "(", "twice", ")", "."], ["A", "two", "-", "year", "deal", "'s", "end", "."]]
    )
    assert text == 'He said "yes" (twice). A two-year deal\'s end.'
    assert text[slice(*spans[1][1])] == "two" and text[spans[0][3][0] : spans[0][3][1]] == "yes"


def test_training_reads_the_body_the_build_reads_without_the_credits(tmp_path):
    from newsgraph.extract.reader import read_article

    headline = "Talks on gas supplies resume in Brussels"
    body = "Ministers met in Brussels on Monday to discuss gas supplies.\n\nAuthor: Ann Lee / Editor: Bob Day"
    doc = GoldDoc("dwie", "g1", headline, f"{headline}\n\n{body}", len(headline) + 2, [], set())
    datasets.write_articles([doc], tmp_path)
    built = datasets.built_body(doc)
    assert built == read_article(tmp_path / "g1.txt").body  # what `newsgraph build` parses
    assert "Ministers met in Brussels" in built and "Editor" not in built and "Ann Lee" not in built


def test_split_is_fixed_by_the_ids_and_the_parts_are_disjoint():
    docs = [GoldDoc("dwie", f"DW_{n}", "h", "t", 0, [], set()) for n in range(50)]
    test, train = datasets.split(docs, "test"), datasets.split(docs, "train")
    assert len(test) == 30 and len(train) == 20 and not {d.id for d in test} & {d.id for d in train}
    assert [d.id for d in datasets.split(list(reversed(docs)), "test")] == [d.id for d in reversed(test)]
    with pytest.raises(ValueError, match="part must be one of"):
        datasets.split(docs, "dev")


# --- the real data, with the real model -----------------------------------------------------------


@pytest.fixture
def bench_data(shared_dir):
    if not (datasets.DWIE.exists() and datasets.REDOCRED.exists()):
        pytest.skip("../shared/bench has no dwie/dev.jsonl or redocred/dev.json")
    return shared_dir


@pytest.mark.model
@pytest.mark.parametrize("load", [datasets.load_dwie, datasets.load_redocred], ids=["dwie", "redocred"])
def test_benchmark_builds_two_documents_and_scores_them(bench_data, nlp, load):
    import harness

    docs = datasets.split(load(), "test")[:2]
    result = harness.run(docs, nlp=nlp)
    assert result["built"] == 2 and not result["problems"] and not result["not_built"]
    figures = [result["entities"][k] for k in ("precision", "recall", "f1")]
    figures += [result[part]["micro"][k] for part in ("relations", "floor") for k in ("precision", "recall", "f1")]
    assert all(isinstance(x, float) and 0.0 <= x <= 1.0 for x in figures)
    assert result["entities"]["tp"] > 0


def test_gold_relations_of_the_real_data_use_only_scored_properties_and_entities(bench_data):
    for doc in datasets.load_dwie()[:10] + datasets.load_redocred()[:10]:
        entities = {e.cluster: e for e in doc.entities}
        for head, prop, tail in doc.relations:
            assert prop in score.SCORED
            assert entities[head].type and entities[tail].type and entities[head].mentions
        for e in doc.entities:
            for text, start, end in e.mentions:
                assert doc.text[start:end] == text
