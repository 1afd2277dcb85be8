"""The exports for Gephi, spreadsheets and JSON-LD users, and the RDF schema.org users expect."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SDO

from newsgraph.extract import Attribute
from newsgraph.graph import build_graph, export, flatten, load_graph, to_rdf, write_turtle
from newsgraph.graph.build import EXPORTS, export_formats
from newsgraph.graph.ids import NG, RELATION
from newsgraph.graph.query import run_query

from factories import HOSTILE, article, entity, quote, rel

CONTRACT_EVIDENCE = """SELECT ?s ?rel ?o ?sentence WHERE {
  ?st a rdf:Statement ; rdf:subject ?sx ; rdf:predicate ?p ; rdf:object ?ox ; schema:text ?sentence .
  ?sx rdfs:label ?s . ?ox rdfs:label ?o . ?p rdfs:label ?rel . }"""


@pytest.fixture
def corpus():
    return [
        article(
            "a1",
            entity("e0", "Liu Xiaoming", "Person", "Liu Xiaoming", "Liu"),
            entity("e1", "Twitter", "Organization"),
            entity("e2", "United Kingdom", "Place", "UK"),
            relations=[rel("e0", "ambassador-to", "e2", "Liu is ambassador to the UK.", conf=0.7)],
            attributes=[Attribute("e0", "jobTitle", "ambassador", "Liu is ambassador to the UK.", 0, 28, 0.9)],
            quotations=[quote("There is no such camp in Xinjiang", "e0", 40)],
        ),
        article(
            "a2",
            entity("e0", "Liu Xiaoming", "Person"),
            entity("e1", "Twitter", "Organization"),
            entity("e2", "Jeff Stone", "Person"),
            entity("e3", '=HYPERLINK("http://x")', "Person"),
            relations=[
                rel("e2", "worksFor", "e1", "Jeff Stone works at Twitter.", 5),
                rel("e3", "worksFor", "e1", "@sum works at Twitter.", 50),
            ],
        ),
        article(
            "a3",
            entity("e0", "Liu Xiaoming", "Person"),
            entity("e1", "United Kingdom", "Place", "U.K."),
            relations=[rel("e0", "ambassador-to", "e1", "Liu, envoy to the U.K., spoke.", 9, conf=0.9)],
        ),
    ]


@pytest.fixture
def exported(corpus, tmp_path):
    export(corpus, tmp_path, formats=["all"])
    return tmp_path


# --- choosing formats ----------------------------------------------------------------------------
def test_formats_default_to_turtle_and_html_and_all_writes_every_export(corpus, tmp_path):
    export(corpus, tmp_path / "default")
    assert sorted(p.name for p in (tmp_path / "default").iterdir() if not p.name.startswith(".")) == [
        "graph.html",
        "graph.ttl",
    ]
    export(corpus, tmp_path / "all", formats=["all"])
    assert sorted(p.name for p in (tmp_path / "all").iterdir() if not p.name.startswith(".")) == sorted(
        name for name, _ in EXPORTS.values()
    )
    assert export_formats(["csv", "TTL ", "csv"]) == ["nodes-csv", "edges-csv", "ttl"]
    with pytest.raises(ValueError, match="--format pdf: unknown"):
        export_formats(["pdf"])


# --- Gephi: GraphML and GEXF ----------------------------------------------------------------------
@pytest.mark.parametrize("fmt, read", [("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_with_networkx(exported, corpus, fmt, read):
    graph = build_graph(corpus)
    back = read(exported / fmt)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    liu = "urn:newsgraph:entity:person:liu-xiaoming"
    assert back.nodes[liu]["label"] == "Liu Xiaoming"
    assert back.nodes[liu]["aliases"] == "Liu"
    assert back.nodes[liu]["job_titles"] == "ambassador" and back.nodes[liu]["article_count"] == 3
    edges = [d for s, o, d in back.edges(data=True) if s == liu and o.endswith("united-kingdom")]
    assert len(edges) == 1
    edge = edges[0]
    assert (edge["label"], edge["evidence"], edge["confidence"]) == ("ambassador to", 2, 0.9)
    assert edge["sentence"] == "Liu, envoy to the U.K., spoke." and edge["article"] == "a3"  # the surer sentence


def test_gexf_is_the_same_bytes_whatever_the_day(corpus, tmp_path):
    export(corpus, tmp_path, formats=["gexf"])
    text = (tmp_path / "graph.gexf").read_text("utf-8")
    assert "lastmodifieddate" not in text and "<creator>newsgraph</creator>" in text


def test_flatten_makes_a_loaded_graph_writable_by_networkx(corpus, tmp_path):
    path = tmp_path / "graph.ttl"
    write_turtle(build_graph(corpus), path)
    graph = load_graph(path)
    with pytest.raises(nx.NetworkXError):  # lists and dicts: why flatten exists
        nx.write_graphml(graph, tmp_path / "raw.graphml")
    nx.write_graphml(flatten(graph), tmp_path / "flat.graphml")
    nx.write_gexf(flatten(graph), tmp_path / "flat.gexf")
    assert nx.read_graphml(tmp_path / "flat.graphml").number_of_edges() == graph.number_of_edges()
    assert nx.read_gexf(tmp_path / "flat.gexf").number_of_nodes() == graph.number_of_nodes()


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_survive_graphml(name, tmp_path):
    facts = [
        article(
            "a1",
            entity("e0", name, "Person"),
            entity("e1", "Acme", "Organization"),
            relations=[rel("e0", "worksFor", "e1", f"{name} works at Acme.")],
        )
    ]
    export(facts, tmp_path, formats=["graphml"])
    back = nx.read_graphml(tmp_path / "graph.graphml")
    expected = "".join(c if c in "\t\n" or ord(c) >= 0x20 else "\ufffd" for c in name)  # XML 1.0 cannot carry them
    assert [d["label"] for _, d in back.nodes(data=True) if d["type"] == "Person"] == [expected]


# --- spreadsheets: nodes.csv and edges.csv --------------------------------------------------------
def rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_edges_csv_has_one_row_per_relation_with_label_count_sentence_and_confidence(exported, corpus):
    edges = rows(exported / "edges.csv")
    assert len(edges) == build_graph(corpus).number_of_edges()
    ambassador = next(
        e for e in edges if e["predicate_label"] == "ambassador to" and e["target_label"] == "United Kingdom"
    )
    assert ambassador == {
        "source": "urn:newsgraph:entity:person:liu-xiaoming",
        "source_label": "Liu Xiaoming",
        "predicate": RELATION + "ambassador-to",
        "predicate_label": "ambassador to",
        "target": "urn:newsgraph:entity:place:united-kingdom",
        "target_label": "United Kingdom",
        "evidence": "2",
        "confidence": "0.900",
        "sentence": "Liu, envoy to the U.K., spoke.",
        "article": "a3",
    }
    works = [e for e in edges if e["predicate"] == "https://schema.org/worksFor"]
    assert {e["predicate_label"] for e in works} == {"works for"}


def test_nodes_csv_has_one_row_per_entity(exported, corpus):
    nodes = rows(exported / "nodes.csv")
    assert len(nodes) == build_graph(corpus).number_of_nodes()
    liu = next(n for n in nodes if n["label"] == "Liu Xiaoming")
    assert (liu["type"], liu["aliases"], liu["articles"], liu["job_titles"]) == ("Person", "Liu", "3", "ambassador")


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_stay_text(exported):
    text = ((exported / "nodes.csv").read_bytes() + (exported / "edges.csv").read_bytes()).decode("utf-8")
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text
    assert "'=HYPERLINK" in text and "'@sum works at Twitter." in text
    assert text.count("\r\n") == text.count("\n")  # RFC 4180 line ends


# --- JSON-LD --------------------------------------------------------------------------------------
def test_jsonld_is_the_turtle_graph_with_a_schema_org_context(exported):
    doc = json.loads((exported / "graph.jsonld").read_text("utf-8"))
    assert doc["@context"]["@vocab"] == "https://schema.org/"
    liu = next(n for n in doc["@graph"] if n["@id"] == "urn:newsgraph:entity:person:liu-xiaoming")
    assert liu["@type"] == "Person" and liu["name"] == "Liu Xiaoming" and liu["rdfs:label"] == "Liu Xiaoming"
    assert liu["alternateName"] == "Liu"
    turtle = Graph().parse(exported / "graph.ttl", format="turtle")
    jsonld = Graph().parse(exported / "graph.jsonld", format="json-ld")
    assert len(jsonld) == len(turtle) and isomorphic(jsonld, turtle)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_survive_jsonld(name, tmp_path):
    import pyoxigraph as ox

    export([article("a1", entity("e0", name, "Person"), headline=name)], tmp_path, formats=["ttl", "jsonld"])
    turtle = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert isomorphic(Graph().parse(tmp_path / "graph.jsonld", format="json-ld"), turtle)
    assert len(list(ox.parse(path=str(tmp_path / "graph.jsonld"), format=ox.RdfFormat.JSON_LD))) == len(turtle)


# --- RDF for schema.org and SPARQL users ------------------------------------------------------------
def test_every_entity_has_schema_name_beside_its_label(corpus):
    rdf = to_rdf(build_graph(corpus))
    entities = {s for t in (SDO.Person, SDO.Organization, SDO.Place) for s in rdf.subjects(RDF.type, t)}
    assert entities
    for e in entities:
        assert list(rdf.objects(e, SDO.name)) == list(rdf.objects(e, RDFS.label))


def test_project_properties_are_declared_and_schema_org_terms_only_labelled(corpus):
    rdf = to_rdf(build_graph(corpus))
    used = {p for p in rdf.predicates() if str(p).startswith(str(NG))} | set(rdf.objects(None, RDF.predicate))
    project = {p for p in used if str(p).startswith(str(NG))}
    assert URIRef(RELATION + "ambassador-to") in project and NG.confidence in project
    declared = set(rdf.subjects(RDF.type, RDF.Property))
    assert project <= declared
    assert rdf.value(URIRef(RELATION + "ambassador-to"), RDFS.label) == Literal("ambassador to")
    for prop in declared:
        assert len(list(rdf.objects(prop, RDFS.label))) == 1
    # schema.org's terms get only the plain-words label CONTRACT.md's evidence query reads
    assert {p for s, p, _ in rdf if str(s).startswith(str(SDO))} == {RDFS.label}
    assert rdf.value(SDO.worksFor, RDFS.label) == Literal("works for")


def test_quotation_speaker_is_creator_too_and_job_titles_carry_confidence(corpus):
    rdf = to_rdf(build_graph(corpus))
    (q,) = rdf.subjects(RDF.type, SDO.Quotation)
    liu = URIRef("urn:newsgraph:entity:person:liu-xiaoming")
    assert rdf.value(q, SDO.creator) == liu and rdf.value(q, SDO.spokenByCharacter) == liu
    (st,) = rdf.subjects(RDF.predicate, SDO.jobTitle)
    assert float(rdf.value(st, NG.confidence)) == 0.9
    back = load_graph(write_turtle(build_graph(corpus)).decode())
    assert back.nodes[str(liu)]["attributes"][0]["confidence"] == 0.9


def test_contracts_evidence_query_finds_schema_org_relations_in_the_file_alone(corpus, tmp_path):
    path = tmp_path / "graph.ttl"
    write_turtle(build_graph(corpus), path)
    found = {(str(r[0]), str(r[1]), str(r[2])) for r in run_query(path, CONTRACT_EVIDENCE)}
    assert ("Jeff Stone", "works for", "Twitter") in found  # schema:worksFor
    assert ("Liu Xiaoming", "ambassador to", "United Kingdom") in found
    plain = Graph().parse(path).query("PREFIX schema: <https://schema.org/>\n" + CONTRACT_EVIDENCE)
    assert ("Jeff Stone", "works for", "Twitter") in {tuple(map(str, r[:3])) for r in plain}  # any SPARQL engine


def test_jsonld_writer_handles_any_construct_result():
    import pyoxigraph as ox

    from newsgraph.graph.jsonld import jsonld_bytes

    b = ox.BlankNode("b0")
    triples = [
        ox.Triple(b, ox.NamedNode("http://example.org/p"), ox.Literal("x", language="fr")),
        ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("https://schema.org/name"), ox.Literal("n")),
        ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode(str(RDF.type)), b),
    ]
    back = list(ox.parse(jsonld_bytes(triples), format=ox.RdfFormat.JSON_LD))
    assert len(back) == 3
    assert Graph().parse(io.BytesIO(jsonld_bytes(triples)), format="json-ld").value(
        URIRef("http://example.org/s"), SDO.name
    ) == Literal("n")


def test_a_works_for_statement_carries_the_role_its_sentence_gives_the_person(tmp_path):
    said = "Ross Walker, economist at RBS, said so."
    spans = "Ann Lee spoke on Monday. The analyst works at RBS."  # a model statement's two sentences
    facts = [
        article(
            "a1",
            entity("e0", "Ross Walker", "Person"),
            entity("e1", "RBS", "Organization"),
            entity("e2", "United Kingdom", "Place"),
            entity("e3", "Ann Lee", "Person"),
            relations=[
                rel("e0", "memberOf", "e1", said, 10),
                rel("e3", "memberOf", "e1", spans, 200),
                rel("e0", "worksFor", "e1", "Walker joined RBS in 2001.", 60),  # no role in that sentence
                rel("e0", "nationality", "e2", said, 10),  # not employment: no role
            ],
            attributes=[
                Attribute("e0", "jobTitle", "economist", said, 10, 10 + len(said), 0.85),
                Attribute("e0", "jobTitle", "trader", "Walker was once a trader.", 90, 115, 0.85),
                Attribute("e3", "jobTitle", "analyst", "The analyst works at RBS.", 225, 250, 0.85),
            ],
        )
    ]
    path = tmp_path / "graph.ttl"
    write_turtle(build_graph(facts), path)
    data = path.read_bytes()
    rdf = Graph().parse(data=data, format="turtle")
    roles = {
        (rdf.value(st, RDF.predicate), str(rdf.value(st, SDO.text)), str(role))
        for st, role in rdf.subject_objects(SDO.roleName)
    }
    assert roles == {(SDO.memberOf, said, "economist"), (SDO.memberOf, spans, "analyst")}
    found = run_query(
        path,
        """SELECT ?org ?role WHERE { ?st rdf:predicate schema:memberOf ; rdf:object ?o ; schema:roleName ?role .
           ?o rdfs:label ?org . }""",
    )
    assert sorted(tuple(map(str, row)) for row in found) == [("RBS", "analyst"), ("RBS", "economist")]
    for graph in (build_graph(facts), load_graph(data.decode())):  # networkx: on the evidence, either way
        roles = {
            (key, ev["sentence"], tuple(ev.get("roles", ())))
            for _, _, key, d in graph.edges(keys=True, data=True)
            for ev in d["evidence"]
        }
        assert roles == {
            ("memberOf", said, ("economist",)),
            ("memberOf", spans, ("analyst",)),
            ("worksFor", "Walker joined RBS in 2001.", ()),
            ("nationality", said, ()),
        }
    assert write_turtle(load_graph(data.decode())) == data  # derived again, the same, from the loaded graph
