"""Read-only SPARQL (graph/sparql.py): what is refused, content negotiation, the W3C results formats."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from newsgraph.graph import sparql
from newsgraph.graph.cli import main
from newsgraph.graph.jsonld import PREFIXES as JSONLD_PREFIXES
from newsgraph.graph.rdf import PREFIXES
from newsgraph.graph.serve import respond

from conftest import ROOT


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.bulk_load(path=str(ROOT / "output" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    s.add(
        ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal('tab\there "quoted" <b>&', language="en"))
    )
    s.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.BlankNode("b1")))
    return s


def test_prefixes_are_the_exports():
    assert sparql.STRING_PREFIXES == {k: str(v) for k, v in PREFIXES.items()} == JSONLD_PREFIXES


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b ?c . OPTIONAL { SeRvIcE ?endpoint { ?s ?p ?o } } }",
        "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        'SELECT * WHERE {?s ?p "x"}SERVICE<http://example.org/>{?s ?p ?o}',
    ],
)
def test_service_is_refused_however_written(query):
    with pytest.raises(sparql.Refused, match="SERVICE would send the query over the network"):
        sparql.check(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s schema:text "the Secret Service said" }',
        "SELECT * WHERE { ?s ?p ?o } # a SERVICE in a comment\n",
        "PREFIX service: <http://example.org/>\nSELECT ?service WHERE { ?service service:x ?o }",
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
        "SELECT * WHERE { ?s schema:serviceType ?o }",
        'SELECT * WHERE { ?s ?p """delete\nSERVICE""" }',
    ],
)
def test_the_word_service_in_data_refuses_nothing(query):
    sparql.check(query)


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <http://example.org/>\n# a comment\ndelete where { ?s ex:p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(query, store):
    assert sparql.is_update(query)
    with pytest.raises(sparql.Refused, match="update"):
        sparql.run(store, query)


def test_a_malformed_query_is_a_one_line_problem(store):
    with pytest.raises(sparql.QueryProblem) as info:
        sparql.run(store, "SELECT ?x WHERE { ?x ?p }")
    assert info.value.status == 400 and "\n" not in str(info.value) and str(info.value).startswith("not valid SPARQL")


def test_rows_are_capped_and_the_answer_says_so(store):
    answer = sparql.run(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=10)
    assert len(answer.rows) == 10 and answer.truncated
    assert not sparql.run(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", max_rows=10).truncated
    graph = sparql.run(store, "CONSTRUCT WHERE { ?s ?p ?o }", max_rows=5)
    assert len(graph.triples) == 5 and graph.truncated


@pytest.mark.parametrize(
    "accept, kind, fmt",
    [
        (None, "SELECT", "json"),
        ("*/*", "SELECT", "json"),
        (None, "GRAPH", "turtle"),
        ("application/sparql-results+xml", "SELECT", "xml"),
        ("text/csv;q=0.5, text/tab-separated-values", "SELECT", "tsv"),
        ("application/sparql-results+json,application/json,text/javascript,application/javascript", "SELECT", "json"),
        ("application/sparql-results+xml, application/rdf+xml", "GRAPH", "rdfxml"),
        ("application/ld+json", "GRAPH", "jsonld"),
        ("text/turtle;q=0.9, */*;q=0.1", "GRAPH", "turtle"),
        ("image/png", "SELECT", None),
        ("text/csv;q=0", "SELECT", None),
    ],
)
def test_content_negotiation(accept, kind, fmt):
    assert sparql.negotiate(accept, kind) == fmt


@pytest.mark.parametrize(
    "fmt, parse_as",
    [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)],
)
def test_results_read_back_with_oxigraph_as_the_same_terms(store, fmt, parse_as):
    query = "SELECT ?o ?n ?missing WHERE { <urn:x:s> ?p ?o OPTIONAL { ?o ?q ?n } } ORDER BY ?o"
    answer = sparql.run(store, query)
    parsed = ox.parse_query_results(sparql.answer_bytes(answer, fmt), format=parse_as)
    assert [v.value for v in parsed.variables] == ["o", "n", "missing"]
    back = [[row[v] for v in ("o", "n", "missing")] for row in parsed]
    if fmt == "tsv":  # blank node labels are local to a document
        back = [[t if not isinstance(t, ox.BlankNode) else "bnode" for t in row] for row in back]
        expected = [[t if not isinstance(t, ox.BlankNode) else "bnode" for t in row] for row in answer.rows]
    else:
        expected = answer.rows
        back = [[t if not isinstance(t, ox.BlankNode) else ox.BlankNode(t.value) for t in row] for row in back]
    assert back == expected


def test_csv_results_follow_the_w3c_note(store):
    answer = sparql.run(store, "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(?s = <urn:x:s>) } ORDER BY ?o")
    rows = list(csv.reader(io.StringIO(sparql.answer_bytes(answer, "csv").decode("utf-8"), newline="")))
    assert rows[0] == ["s", "o"]
    assert sorted(rows[1:]) == [["urn:x:s", "_:b1"], ["urn:x:s", 'tab\there "quoted" <b>&']]


def test_ask_in_every_results_format(store):
    answer = sparql.run(store, "ASK { <urn:x:s> ?p ?o }")
    assert bool(ox.parse_query_results(sparql.answer_bytes(answer, "json"), format=ox.QueryResultsFormat.JSON))
    assert bool(ox.parse_query_results(sparql.answer_bytes(answer, "xml"), format=ox.QueryResultsFormat.XML))
    assert sparql.answer_bytes(answer, "csv") == b"true\n"


# --- nothing leaves the machine, on every path a query can take -------------------------------------
REMOTE = [  # {url}: the listener's address
    ("SELECT ?s WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT ?s WHERE { SERVICE SILENT <{url}/sparql> { ?s ?p ?name } }", "SERVICE"),
    ("SELECT ?s WHERE { \\u0053ERVICE <{url}/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("LOAD <{url}/data.ttl>", "update"),
    ("SELECT ?s FROM <{url}/data.ttl> WHERE { ?s ?p ?name } LIMIT 1", None),
    ("SELECT ?s FROM NAMED <{url}/data.ttl> WHERE { GRAPH ?g { ?s ?p ?name } } LIMIT 1", None),
    ("DESCRIBE <{url}/thing>", None),
    ("SELECT ?s WHERE { ?s ?p ?name . BIND (<{url}/f>(?s) AS ?x) } LIMIT 1", None),
]


def test_the_listener_hears_a_query_that_is_not_checked(listener, store):
    url, heard = listener  # the proof below is worth something only if a request would be heard
    rows = list(store.query(f"SELECT ?s WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"))
    assert heard and heard[0][0] == "POST" and rows[0]["s"].value == "urn:from-the-network"


@pytest.mark.parametrize("bind", [[], ["--bind", "name=Twitter"]], ids=["oxigraph", "rdflib"])
@pytest.mark.parametrize("query, refused", REMOTE)
def test_no_query_reaches_the_network_from_the_command_line(listener, capsys, query, refused, bind):
    url, heard = listener  # --bind of a variable the query does not select runs it on rdflib
    status = main(["query", str(ROOT / "output" / "graph.ttl"), query.replace("{url}", url), *bind])
    out, err = capsys.readouterr()
    assert heard == []
    assert "from-the-network" not in out
    if refused:
        assert status == 2 and err.startswith("newsgraph: query refused: ") and refused in err
        assert err.count("\n") == 1


@pytest.mark.parametrize("query, refused", REMOTE)
def test_no_query_reaches_the_network_from_the_endpoint(listener, store, query, refused):
    url, heard = listener  # what serve's query processes run
    try:
        status, _, body = respond(store, query.replace("{url}", url), None, 100)
    except RuntimeError:  # Oxigraph cannot run it (a custom function): the worker answers 500
        status, body = 500, b""
    assert heard == [] and b"from-the-network" not in body
    if refused:
        assert status == 403 and refused.encode() in body
