"""Merging facts across articles, the RDF export and its round trip, the HTML page's safety."""

from __future__ import annotations

import json
import random
import re

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import SDO

from newsgraph.extract import (
    Attribute,
)
from newsgraph.graph import build_graph, export, load_graph, merge, to_rdf, write_turtle
from newsgraph.graph.html import QUOTES_PER_SPEAKER, html_page, node_size

from conftest import node_by_label
from factories import HOSTILE, article, entity, quote, rel


@pytest.fixture
def corpus():
    return [
        article(
            "a1",
            entity("e0", "Liu Xiaoming", "Person", "Liu Xiaoming", "Liu"),
            entity("e1", "Twitter", "Organization", votes={"Person": 2}),
            entity("e2", "United Kingdom", "Place", "UK"),
            relations=[rel("e0", "ambassador-to", "e2", "Liu is ambassador to the UK.")],
            attributes=[Attribute("e0", "jobTitle", "ambassador", "Liu is ambassador to the UK.", 0, 28)],
        ),
        article(
            "a2",
            entity("e0", "Liu Xiamong", "Person"),
            entity("e1", "Twitter", "Organization", votes={"Organization": 3}),
            entity("e2", "Jeff Stone", "Person"),
            entity("e3", "Jeff Bezos", "Person"),
            relations=[rel("e2", "worksFor", "e1", "Jeff Stone works at Twitter.", 5)],
        ),
        article(
            "a3",
            entity("e0", "Xiaoming", "Person"),
            entity("e1", "United Kingdom", "Place", "U.K."),
            relations=[rel("e0", "ambassador-to", "e1", "Xiaoming, envoy to the U.K., spoke.")],
        ),
    ]


def test_one_node_per_entity_across_articles(corpus):
    g = build_graph(corpus)
    liu = g.nodes[node_by_label(g, "Liu Xiaoming")]
    assert liu["articles"] == ["a1", "a2", "a3"]
    assert liu["aliases"] == ["Liu", "Liu Xiamong", "Xiaoming"]
    assert g.nodes[node_by_label(g, "Twitter")]["type"] == "Organization"  # 3 votes beat 2
    assert {d["label"] for _, d in g.nodes(data=True)} == {
        "Liu Xiaoming",
        "Twitter",
        "United Kingdom",
        "Jeff Stone",
        "Jeff Bezos",
    }


def test_a_lone_surname_joins_the_one_full_name_ending_in_it_but_a_lone_first_name_does_not():
    wimbledon = entity("e9", "Wimbledon", "Place")
    g = build_graph(
        [
            article(
                "a1", entity("e0", "Maria Sharapova", "Person"), entity("e1", "Ann Lee Smith", "Person"), wimbledon
            ),
            article("a2", entity("e0", "Sharapova", "Person"), wimbledon),  # her surname: her
            article("a3", entity("e0", "Maria", "Person"), wimbledon),  # a first name: another Maria, as likely
            article("a4", entity("e0", "Lee", "Person"), wimbledon),  # a middle name: not joined either
            article("a5", entity("e0", "John Lennon", "Person"), entity("e1", "Beatles", "Organization")),
            article("a6", entity("e0", "Lennon", "Person"), entity("e1", "Celtic", "Organization")),
        ]
    )
    nodes = sorted((d["label"], tuple(d["articles"])) for _, d in g.nodes(data=True))
    assert nodes == [
        ("Ann Lee Smith", ("a1",)),
        ("Beatles", ("a5",)),
        ("Celtic", ("a6",)),
        ("John Lennon", ("a5",)),
        ("Lee", ("a4",)),
        ("Lennon", ("a6",)),  # Celtic's Lennon: the two articles name nothing else in common
        ("Maria", ("a3",)),
        ("Maria Sharapova", ("a1", "a2")),
        ("Wimbledon", ("a1", "a2", "a3", "a4")),
    ]


def test_each_articles_lone_surname_is_judged_by_its_own_article():
    g = build_graph(
        [
            article("a1", entity("e0", "Jonathan Swift", "Person"), entity("e1", "Dublin", "Place")),
            article("a2", entity("e0", "Swift", "Person"), entity("e1", "Dublin", "Place")),  # the writer
            article("a3", entity("e0", "Swift", "Person"), entity("e1", "Eminem", "Person")),  # a rapper
            article("a4", entity("e0", "Swift", "Person"), entity("e1", "Eminem", "Person")),  # the rapper again
        ]
    )
    nodes = sorted((d["label"], tuple(d["articles"])) for _, d in g.nodes(data=True))
    assert nodes == [
        ("Dublin", ("a1", "a2")),
        ("Eminem", ("a3", "a4")),
        ("Jonathan Swift", ("a1", "a2")),
        ("Swift", ("a3", "a4")),
    ]


def test_an_entity_most_articles_name_is_no_shared_context_for_a_lone_surname():
    uk = entity("e9", "United Kingdom", "Place")
    filler = [article(f"f{i:02d}", entity("e0", f"Person Number{i}", "Person"), uk) for i in range(11)]
    g = build_graph(
        [
            *filler,
            article("a1", entity("e0", "John Lennon", "Person"), uk),
            article("a2", entity("e0", "Lennon", "Person"), uk),
        ]
    )
    assert node_by_label(g, "Lennon") != node_by_label(g, "John Lennon")


def test_relations_keep_every_evidence_sentence(corpus):
    g = build_graph(corpus)
    s, o = node_by_label(g, "Liu Xiaoming"), node_by_label(g, "United Kingdom")
    edge = g.edges[s, o, "ambassador-to"]
    assert edge["label"] == "ambassador to"
    assert [(e["article"], e["sentence"]) for e in edge["evidence"]] == [
        ("a1", "Liu is ambassador to the UK."),
        ("a3", "Xiaoming, envoy to the U.K., spoke."),
    ]


def test_merge_does_not_depend_on_article_order(corpus):
    shuffled = corpus[:]
    random.Random(3).shuffle(shuffled)
    assert write_turtle(build_graph(shuffled)) == write_turtle(build_graph(corpus))


def test_exports_streamed_from_disk_equal_those_of_the_networkx_graph(corpus, tmp_path):
    report = export(corpus, tmp_path, max_nodes=3)
    graph = build_graph(corpus)
    assert (tmp_path / "graph.ttl").read_bytes() == write_turtle(graph)
    with merge(corpus) as merged:  # the page also carries the articles' texts, which networkx does not hold
        assert (tmp_path / "graph.html").read_text("utf-8") == html_page(merged, max_nodes=3)
    assert (report.articles, sum(report.entities.values()), report.relations) == (
        3,
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )


def test_the_page_leaves_the_merged_tables_open_for_the_next_export(corpus, tmp_path):
    export(corpus, tmp_path, formats=("html", "ttl"))
    assert (tmp_path / "graph.ttl").read_bytes() == write_turtle(build_graph(corpus))


def test_rdf_shape_follows_the_contract(corpus):
    rdf = to_rdf(build_graph(corpus))
    types = {SDO.Person, SDO.Organization, SDO.Place}
    entities = {s for t in types for s in rdf.subjects(RDF.type, t)}
    assert len(entities) == 5
    for e in entities:
        assert len(set(rdf.objects(e, RDF.type)) & types) == 1
        assert len(list(rdf.objects(e, RDFS.label))) == 1
    articles = set(rdf.subjects(RDF.type, SDO.NewsArticle))
    assert len(articles) == 3
    for st in rdf.subjects(RDF.type, RDF.Statement):
        s, p, o = (next(rdf.objects(st, x)) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in rdf
        assert next(rdf.objects(st, SDO.text))
    worksfor = list(rdf.subject_objects(SDO.worksFor))
    assert len(worksfor) == 1


def test_round_trip_graph_turtle_graph_is_lossless(corpus):
    g = build_graph(corpus)
    data = write_turtle(g)
    back = load_graph(data.decode())
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(g.edges(keys=True, data=True))
    assert back.graph == g.graph
    assert write_turtle(back) == data
    assert isomorphic(to_rdf(back), Graph().parse(data=data, format="turtle"))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_survive_turtle_and_iris_stay_safe(name):
    facts = [
        article(
            "x y<z>",
            entity("e0", name, "Person"),
            entity("e1", "Acme Corp", "Organization"),
            relations=[rel("e0", "worksFor", "e1", f"{name} works for Acme.")],
            headline=name,
        )
    ]
    g = build_graph(facts)
    data = write_turtle(g)
    back = load_graph(data.decode())
    assert {d["label"] for _, d in back.nodes(data=True)} == {name, "Acme Corp"}
    assert back.graph["articles"]["x y<z>"]["headline"] == name
    for node in back.nodes:
        assert re.fullmatch(r"urn:newsgraph:[A-Za-z0-9:._~%-]+", node), node


@pytest.mark.parametrize("name", HOSTILE)
def test_html_page_shows_hostile_text_as_data(name):
    facts = [
        article(
            "a",
            entity("e0", name, "Person"),
            entity("e1", "Acme", "Organization"),
            relations=[rel("e0", "worksFor", "e1", name)],
            headline=name,
        )
    ]
    page = html_page(build_graph(facts))
    data = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data  # nothing in the data block can open or close a tag
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "innerHTML" not in page.split("<script>", 2)[-1]


def test_node_discs_grow_with_articles_but_hubs_stay_readable():
    sizes = [node_size(n) for n in (1, 2, 5, 50, 2000)]
    assert sizes == sorted(sizes) and sizes[0] == 10 and sizes[-1] == 60 == node_size(10_000)


def test_html_page_needs_no_network(corpus):
    page = html_page(build_graph(corpus))
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "vis.Network" in page and "default-src 'none'" in page


def test_max_nodes_keeps_the_most_mentioned_and_says_so(corpus):
    page = html_page(build_graph(corpus), max_nodes=2)
    data = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert '"omitted": 3' in data and '"total": 5' in data
    assert "Liu Xiaoming" in data and "Jeff Bezos" not in data


def page_data(page):
    return json.loads(page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0])


def test_a_capped_page_carries_the_quotations_of_the_entities_it_draws_up_to_a_limit():
    many = [
        quote(f"Words number {i} from the minister", speaker="e0", start=i * 50) for i in range(QUOTES_PER_SPEAKER + 5)
    ]
    facts = [
        article(
            "a1",
            entity("e0", "Ann Minister", "Person", "Ann Minister", "Ann Minister"),
            entity("e1", "Bob Aide", "Person"),
            quotations=[
                *many,
                quote("The aide said these words", speaker="e1", start=5000),
                quote("Nobody owns these four words", start=6000),
            ],
        )
    ]
    full = page_data(html_page(build_graph(facts)))
    assert len(full["quotations"]) == full["quotationsTotal"] == QUOTES_PER_SPEAKER + 7
    capped = page_data(html_page(build_graph(facts), max_nodes=1))
    assert [n["label"] for n in capped["nodes"]] == ["Ann Minister"]
    assert capped["quotationsTotal"] == QUOTES_PER_SPEAKER + 7
    assert [q["text"] for q in capped["quotations"]] == [q.text for q in many[:QUOTES_PER_SPEAKER]]


def test_min_confidence_drops_weak_evidence_and_relations_left_without_any(corpus):
    corpus[0] = article(
        "a1",
        *corpus[0].entities,
        relations=[rel("e0", "ambassador-to", "e2", "Weak.", conf=0.5)],
        attributes=corpus[0].attributes,
    )
    full, strict = build_graph(corpus), build_graph(corpus, min_confidence=0.6)
    s, o = node_by_label(full, "Liu Xiaoming"), node_by_label(full, "United Kingdom")
    assert [e["sentence"] for e in full.edges[s, o, "ambassador-to"]["evidence"]] == [
        "Weak.",
        "Xiaoming, envoy to the U.K., spoke.",
    ]
    assert [e["sentence"] for e in strict.edges[s, o, "ambassador-to"]["evidence"]] == [
        "Xiaoming, envoy to the U.K., spoke."
    ]
    assert build_graph(corpus, min_confidence=0.9).number_of_edges() == 0
    assert set(build_graph(corpus, min_confidence=0.9).nodes) == set(full.nodes)


def test_a_name_one_article_gives_does_not_label_a_node_other_articles_name_otherwise():
    g = build_graph(
        [
            # a headline run into its body: the party's label in that article only
            article(
                "a1", entity("e0", "Tories National Insurance", "Organization", "Tories National Insurance", "Tories")
            ),
            article("a2", entity("e0", "Conservative Party", "Organization", "Conservative Party", "Tories")),
            article("a3", entity("e0", "Conservative Party", "Organization")),
            # a full name no other article gives still labels the surname joined to it
            article("a4", entity("e0", "Maria Sharapova", "Person"), entity("e1", "Wimbledon", "Place")),
            article("a5", entity("e0", "Sharapova", "Person"), entity("e1", "Wimbledon", "Place")),
            article("a6", entity("e0", "Sharapova", "Person"), entity("e1", "Wimbledon", "Place")),
        ]
    )
    labels = sorted((d["label"], tuple(d["articles"])) for _, d in g.nodes(data=True))
    assert labels == [
        ("Conservative Party", ("a1", "a2", "a3")),
        ("Maria Sharapova", ("a4", "a5", "a6")),
        ("Wimbledon", ("a4", "a5", "a6")),
    ]
