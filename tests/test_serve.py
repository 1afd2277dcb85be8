"""`newsgraph serve` against real clients: SPARQLWrapper, rdflib's SPARQLStore, plain HTTP and chromium.

One server (the real command, on a free port of 127.0.0.1) serves a copy of output/graph.ttl for
the module, with a 3 s time limit and a 50-row cap so that both can be seen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SDO
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from newsgraph.graph.serve import App
from newsgraph.graph.triplestore import SourceError, prepare

from conftest import ROOT

LIU = "urn:newsgraph:entity:person:liu-xiaoming"
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?name (COUNT(?a) AS ?articles) WHERE { ?p a schema:Person ; schema:name ?name . ?a schema:mentions ?p }
GROUP BY ?name ORDER BY DESC(?articles) ?name"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 755^3 rows: minutes


def start(folder, *options):
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.graph.cli", "serve", str(folder), "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    if not line.startswith("SPARQL endpoint http://127.0.0.1:"):
        proc.kill()
        raise AssertionError(f"serve did not start: {line}{proc.stderr.read()}")
    return proc, line.split()[2].rstrip(";")


def stop(proc) -> int:
    proc.terminate()
    return proc.wait(30)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(ROOT / "output" / "graph.ttl", folder / "graph.ttl")
    proc, endpoint = start(folder, "--timeout", "3", "--max-rows", "50", "-q")
    yield endpoint, folder
    assert stop(proc) == 0


def http(url, data=None, headers=None, method=None):
    """(status, headers, body) of one request, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(endpoint, query, accept="application/sparql-results+json", **params):
    return http(endpoint + "?" + urllib.parse.urlencode({"query": query, **params}), headers={"Accept": accept})


# --- real clients ---------------------------------------------------------------------------------
def test_sparqlwrapper_select_as_json_xml_and_csv(served):
    endpoint, _ = served
    client = SPARQLWrapper(endpoint)
    client.setQuery(PEOPLE)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert rows[0]["name"] == {"type": "literal", "value": "Liu Xiaoming"}
    assert rows[0]["articles"]["value"] == "5"
    client.setReturnFormat(XML)
    xml = client.query().convert()  # a DOM
    assert "Liu Xiaoming" in xml.toxml()
    client.setReturnFormat(CSV)
    client.setMethod(POST)
    assert client.query().convert().decode("utf-8").splitlines()[:2] == ["name,articles", "Liu Xiaoming,5"]


def test_sparqlwrapper_construct_as_rdf_and_turtle(served):
    endpoint, _ = served
    client = SPARQLWrapper(endpoint)
    client.setQuery(f"CONSTRUCT {{ <{LIU}> ?p ?o }} WHERE {{ <{LIU}> ?p ?o }}")
    client.setReturnFormat(XML)
    graph = client.query().convert()  # RDF/XML, parsed by rdflib
    assert graph.value(URIRef(LIU), SDO.name) == Literal("Liu Xiaoming")
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    assert Graph().parse(data=turtle, format="turtle").value(URIRef(LIU), SDO.name) == Literal("Liu Xiaoming")


def test_rdflib_sparqlstore_reads_the_graph(served):
    endpoint, _ = served
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="xml"))
    assert graph.value(URIRef(LIU), SDO.name) == Literal("Liu Xiaoming")
    assert (URIRef(LIU), SDO.name, Literal("Liu Xiaoming")) in graph
    rows = list(graph.query(PEOPLE))
    assert (str(rows[0][0]), int(rows[0][1])) == ("Liu Xiaoming", 5)
    post = Graph(store=SPARQLStore(endpoint, method="POST", returnFormat="json"))
    assert list(post.query(PEOPLE))[0][0] == Literal("Liu Xiaoming")


# --- the protocol ---------------------------------------------------------------------------------
def test_get_post_form_and_post_body_give_the_same_answer(served):
    endpoint, _ = served
    accept = {"Accept": "text/csv"}
    via_get = get(endpoint, PEOPLE, "text/csv")
    form = http(endpoint, urllib.parse.urlencode({"query": PEOPLE}).encode(), accept)
    body = http(endpoint, PEOPLE.encode(), {**accept, "Content-Type": "application/sparql-query"})
    assert via_get[0] == form[0] == body[0] == 200
    assert via_get[2] == form[2] == body[2] and via_get[1]["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize(
    "accept, media",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("", "application/sparql-results+json"),
    ],
)
def test_results_by_accept(served, accept, media):
    status, headers, body = get(served[0], PEOPLE, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media and b"Liu Xiaoming" in body


@pytest.mark.parametrize(
    "accept, media",
    [("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"), ("*/*", "text/turtle")],
)
def test_graphs_by_accept(served, accept, media):
    status, headers, body = get(served[0], f"DESCRIBE <{LIU}>", accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    graph = Graph().parse(data=body, format="json-ld" if "json" in media else "turtle")
    assert graph.value(URIRef(LIU), SDO.name) == Literal("Liu Xiaoming")


@pytest.mark.parametrize(
    "how, status, message",
    [
        (
            {"data": urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()},
            403,
            b"read-only",
        ),
        (
            {
                "data": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                "headers": {"Content-Type": "application/sparql-update"},
            },
            403,
            b"read-only",
        ),
        ({"query": "LOAD <http://example.org/data.ttl>"}, 403, b"update"),
        ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, 403, b"network"),
        ({"query": "SELECT ?x WHERE { ?x"}, 400, b"not valid SPARQL"),
        ({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "headers": {"Accept": "image/png"}}, 406, b"cannot answer"),
        ({"path": "/nope"}, 404, b"not found"),
        ({"data": b"SELECT * {}", "headers": {"Content-Type": "text/plain"}}, 415, b"unsupported"),
        ({"method": "PUT", "data": b"x"}, 405, b"not allowed"),
        ({"query": "SELECT * {}", "headers": {"Host": "attacker.example"}}, 403, b"addressed to this machine"),
    ],
)
def test_what_is_refused_and_how(served, how, status, message):
    endpoint, _ = served
    url = endpoint.rsplit("/", 1)[0] + how["path"] if "path" in how else endpoint
    if "query" in how:
        url += "?" + urllib.parse.urlencode({"query": how["query"]})
    got, headers, body = http(url, how.get("data"), how.get("headers"), how.get("method"))
    assert got == status and message in body and headers["Content-Type"].startswith("text/plain")
    assert body.count(b"\n") == 1


def test_a_running_server_sends_nothing_to_the_network(served, listener):
    endpoint, _ = served
    url, heard = listener
    for query in (
        f"SELECT ?s WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"LOAD <{url}/data.ttl>",
        f"SELECT ?s FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }} LIMIT 1",
    ):
        status, _, body = get(endpoint, query)
        assert b"from-the-network" not in body
    assert heard == []


def test_answers_are_cut_at_the_row_cap_and_say_so(served):
    status, headers, body = get(served[0], "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-SPARQL-MaxRows"] == "50"
    assert len(json.loads(body)["results"]["bindings"]) == 50
    status, headers, body = get(served[0], "SELECT * WHERE { ?s ?p ?o } LIMIT 7")
    assert "X-SPARQL-MaxRows" not in headers and len(json.loads(body)["results"]["bindings"]) == 7


def test_a_query_past_the_time_limit_is_stopped_and_the_server_goes_on(served):
    t0 = time.perf_counter()
    status, _, body = get(served[0], SLOW)
    assert status == 503 and b"time limit of 3 s" in body
    assert time.perf_counter() - t0 < 15
    for _ in range(3):  # the killed worker is replaced; the other answers meanwhile
        assert get(served[0], PEOPLE)[0] == 200


def test_the_contract_query_finds_schema_org_relations(served):
    query = """PREFIX schema: <https://schema.org/>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?s ?rel ?o WHERE { ?st a rdf:Statement ; rdf:subject ?sx ; rdf:predicate ?p ; rdf:object ?ox .
      ?sx rdfs:label ?s . ?ox rdfs:label ?o . ?p rdfs:label ?rel } ORDER BY ?s ?rel ?o"""
    rows = json.loads(get(served[0], query)[2])["results"]["bindings"]  # the first 50 (--max-rows)
    assert {"s": "Jeff Stone", "rel": "works for", "o": "CyberScoop"} in [
        {k: v["value"] for k, v in row.items()} for row in rows
    ]


def test_cors_only_when_asked():
    class Pool:
        def run(self, job, timeout):
            return 200, {"Content-Type": "text/csv"}, b"x\r\n"

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/sparql",
        "QUERY_STRING": "query=ASK%7B%7D",
        "HTTP_HOST": "localhost:7878",
    }
    for cors in (False, True):
        seen = {}
        App(Pool(), cors=cors)(dict(environ), lambda status, headers, seen=seen: seen.update(headers))
        assert (seen.get("Access-Control-Allow-Origin") == "*") is cors
    seen = {}
    App(Pool(), cors=True)({**environ, "REQUEST_METHOD": "OPTIONS"}, lambda status, headers: seen.update(headers))
    assert "POST" in seen["Access-Control-Allow-Methods"]


# --- the store: made once, reused while unchanged -----------------------------------------------------
def test_store_is_reused_while_the_export_is_unchanged_and_reloaded_when_it_changes(tmp_path):
    shutil.copy(ROOT / "output" / "graph.ttl", tmp_path / "graph.ttl")
    store = prepare(tmp_path)
    assert store == tmp_path / "graph.oxigraph" / "store"
    made = store.stat().st_ino
    os.utime(tmp_path / "graph.ttl")  # touched, not changed
    assert prepare(tmp_path / "graph.ttl").stat().st_ino == made
    with open(tmp_path / "graph.ttl", "a") as fh:
        fh.write('<urn:x:new> <https://schema.org/name> "Added later" .\n')
    assert prepare(tmp_path).stat().st_ino != made
    found = ox.Store.read_only(str(store)).query('ASK { ?x <https://schema.org/name> "Added later" }')
    assert bool(found)


def test_a_newsgraph_store_and_an_oxigraph_store_can_be_served(tmp_path):
    from newsgraph.graph.store import Store, text_hash

    from factories import article, entity

    facts = article("a1", entity("e0", "Angela Merkel", "Person"))
    with Store(tmp_path / "facts") as store:
        store.put(text_hash(facts.article.body), facts)
        store.add_article(facts.article, text_hash(facts.article.body))
        store.commit()
    made = prepare(tmp_path / "facts")
    assert made == tmp_path / "facts" / "oxigraph" / "store"
    assert bool(ox.Store.read_only(str(made)).query('ASK { ?p <https://schema.org/name> "Angela Merkel" }'))
    assert prepare(made) == made  # an Oxigraph store folder is served as it is
    with pytest.raises(SourceError, match="no graph.ttl"):
        prepare(tmp_path)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "graph.ttl").write_text("this is not turtle <")
    with pytest.raises(SourceError, match="not valid Turtle"):
        prepare(tmp_path / "bad")


def test_serve_says_clearly_what_it_cannot_serve(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph.graph.cli", "serve", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stderr.startswith(f"newsgraph: {tmp_path}: no graph.ttl")


def test_load_benchmark_runs(served):
    _, folder = served
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "serve_load.py"),
            "--graph",
            str(folder),
            "--clients",
            "3",
            "--queries",
            "4",
            "--rounds",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "12 queries" in proc.stdout and "errors: 0" in proc.stdout and "after round 2" in proc.stdout


# --- the query page, in chromium ------------------------------------------------------------------
@pytest.mark.browser
def test_query_page_runs_queries_offline_in_chromium(served):
    from browser import CHROMIUM, chromium

    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            raise RuntimeError(f"CI must run the browser tests, but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    endpoint, _ = served
    base = endpoint.rsplit("/", 1)[0] + "/"
    errors, outside = [], []
    with chromium() as browser:
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith(base):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(base)
        assert page.text_content("#endpoint") == endpoint
        page.click("#run")
        page.wait_for_selector("body[data-state='done']", state="attached")
        assert page.text_content("#results tr:nth-child(1) td:nth-child(1)") == "Liu Xiaoming"
        assert "row" in page.text_content("#status")
        page.select_option("#accept", "raw:text/csv")
        page.click("#run")
        page.wait_for_selector("body[data-state='done']", state="attached")
        assert page.text_content("#results pre").startswith("name,articles")
        page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
        page.press("#query", "Control+Enter")
        page.wait_for_selector("body[data-state='error']", state="attached")
        assert page.text_content("#status").startswith("403 refused: SERVICE")
        page.select_option("#accept", "application/sparql-results+json")
        page.fill("#query", "SELECT * WHERE { ?s ?p ?o }")
        page.click("#run")
        page.wait_for_selector("body[data-state='done']", state="attached")
        assert "cut at the server's cap of 50 rows" in page.text_content("#status")
    # the refused SERVICE query is the one failed request (chromium logs every 4xx as a console error)
    assert errors == ["Failed to load resource: the server responded with a status of 403 (Forbidden)"]
    assert outside == []
