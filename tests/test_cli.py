"""The command line as a user meets it: version, help, query input and output, errors in one line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import tomllib

import pytest

import newsgraph
from newsgraph.graph import cli

from conftest import ROOT

NEWSGRAPH = [sys.executable, "-m", "newsgraph.graph.cli"]
GRAPH = str(ROOT / "output" / "graph.ttl")
PEOPLE = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
COMMANDS = ("build", "add", "remove", "export", "query", "serve")


def run(*args, stdin=None, timeout=120):
    return subprocess.run(NEWSGRAPH + list(args), input=stdin, capture_output=True, text=True, timeout=timeout)


def test_version_is_pyprojects_and_the_changelogs():
    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert newsgraph.__version__ == shipped
    assert run("--version").stdout.strip() == f"newsgraph {shipped}"
    changelog = (ROOT / "README.md").read_text().split("## Changelog", 1)[1]
    first = re.search(r"^- (\d+\.\d+\.\d+)(.*?):", changelog, re.M)
    assert first.group(1) == shipped and "unreleased" not in first.group(2)


def test_help_imports_no_model_and_answers_at_once():
    probe = (
        "import sys, time; t = time.perf_counter()\n"
        "from newsgraph.graph import cli\n"
        f"for command in {COMMANDS!r}:\n"
        "    try: cli.main([command, '--help'])\n"
        "    except SystemExit: pass\n"
        "heavy = [m for m in ('spacy', 'pyvis', 'rdflib', 'networkx', 'pyoxigraph', 'waitress')\n"
        "         if m in sys.modules]\n"
        "print(heavy, time.perf_counter() - t, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    heavy, seconds = proc.stderr.strip().rsplit("] ", 1)
    assert heavy == "[", f"--help imported {heavy}]"
    assert float(seconds) < 0.5
    t0 = time.perf_counter()
    assert run("--help").returncode == 0
    assert time.perf_counter() - t0 < 2.0  # interpreter start included, on a loaded machine


def test_help_is_true_to_what_the_commands_accept():
    from newsgraph.extract import DEFAULT_MODEL
    from newsgraph.extract.reader import SUFFIXES
    from newsgraph.graph.build import EXPORTS, FORMAT_GROUPS
    from newsgraph.graph.html import DEFAULT_MAX_NODES
    from newsgraph.graph.rdf import PREFIXES

    assert DEFAULT_MODEL in cli.MODEL_HELP and cli.MAX_NODES_HELP == DEFAULT_MAX_NODES
    build = " ".join(run("build", "--help").stdout.split())
    for suffix in SUFFIXES:
        assert suffix in build
    for name in [*EXPORTS, *FORMAT_GROUPS]:
        assert name.split("-")[0] in build
    query = " ".join(run("query", "--help").stdout.split())
    for prefix in PREFIXES:
        assert f"{prefix}:" in query
    assert "standard input" in query and "--timeout" in query


def test_unknown_format_is_one_clear_line(tmp_path):
    proc = run("build", str(ROOT / "seeds"), "-o", str(tmp_path), "--format", "ttl,pdf")
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("newsgraph: --format pdf: unknown; choose from ttl, html, jsonld")
    assert not list(tmp_path.iterdir())


def test_query_from_stdin_and_from_a_file(tmp_path):
    from_arg = run("query", GRAPH, PEOPLE).stdout
    assert "Liu Xiaoming" in from_arg
    assert run("query", GRAPH, "-", stdin=PEOPLE).stdout == from_arg
    assert run("query", GRAPH, stdin=PEOPLE).stdout == from_arg  # no SPARQL: standard input
    query_file = tmp_path / "people.rq"
    query_file.write_text(PEOPLE + "\n# a comment\n")
    assert run("query", GRAPH, "--file", str(query_file)).stdout == from_arg
    assert run("query", GRAPH, "-f", "-", stdin=PEOPLE).stdout == from_arg
    missing = run("query", GRAPH, "--file", str(tmp_path / "nope.rq"))
    assert missing.returncode == 2 and missing.stderr.startswith(f"newsgraph: {tmp_path / 'nope.rq'}: cannot read")


def test_query_json_is_the_w3c_results_format():
    out = json.loads(
        run(
            "query", GRAPH, "SELECT ?e ?name WHERE { ?e schema:name ?name } ORDER BY ?e LIMIT 1", "--format", "json"
        ).stdout
    )
    assert out["head"]["vars"] == ["e", "name"]
    row = out["results"]["bindings"][0]
    assert row["e"] == {"type": "uri", "value": "urn:newsgraph:entity:organization:bbc"}
    assert row["name"] == {"type": "literal", "value": "BBC"}
    counted = json.loads(run("query", GRAPH, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json").stdout)
    assert counted["results"]["bindings"][0]["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    asked = json.loads(run("query", GRAPH, "ASK { ?s ?p ?o }", "--format", "json").stdout)
    assert asked == {"head": {}, "boolean": True}


def test_query_formats_csv_tsv_xml_and_graphs():
    csv = run("query", GRAPH, PEOPLE, "--format", "csv").stdout
    assert csv.splitlines()[0] == "name" and "Liu Xiaoming" in csv
    tsv = run("query", GRAPH, PEOPLE, "--format", "tsv").stdout
    assert tsv.splitlines()[0] == "?name" and '"Liu Xiaoming"' in tsv
    xml = run("query", GRAPH, PEOPLE, "--format", "xml").stdout
    assert '<variable name="name"/>' in xml and "<literal>Liu Xiaoming</literal>" in xml
    construct = "CONSTRUCT { ?e schema:name ?n } WHERE { ?e schema:name ?n ; a schema:Person }"
    assert "schema:name" in run("query", GRAPH, construct).stdout  # Turtle
    assert '"@context"' in run("query", GRAPH, construct, "--format", "json").stdout  # JSON-LD


def test_query_into_a_closed_pipe_is_quiet():
    proc = subprocess.run(
        " ".join(NEWSGRAPH + ["query", GRAPH, "'SELECT * WHERE { ?s ?p ?o }'", "|", "head", "-1"]),
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == ""


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELEC ?x WHERE { ?x ?p ?o }", "newsgraph: query failed: not valid SPARQL: error at 1:"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "newsgraph: query refused: it is an update"),
        ("LOAD <http://example.org/data.ttl>", "newsgraph: query refused: it is an update"),
        (
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "newsgraph: query refused: SERVICE would send the query over the network",
        ),
    ],
)
def test_query_problems_are_one_line(query, message):
    proc = run("query", GRAPH, query)
    assert proc.returncode == 2
    assert proc.stderr.startswith(message) and proc.stderr.count("\n") == 1 and proc.stdout == ""


def test_query_past_its_time_limit_is_one_line():
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 755^3 rows to count
    t0 = time.perf_counter()
    proc = run("query", GRAPH, slow, "--timeout", "0.5")
    assert time.perf_counter() - t0 < 20
    assert proc.returncode == 2
    assert proc.stderr == "newsgraph: query stopped: it ran past the time limit of 0.5 s (--timeout)\n"


def test_query_on_a_folder_uses_a_persistent_store_made_once(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes((ROOT / "output" / "graph.ttl").read_bytes())
    first = run("query", str(out), PEOPLE)
    assert first.returncode == 0 and first.stdout == run("query", GRAPH, PEOPLE).stdout
    store = out / "graph.oxigraph" / "store"
    made = store.stat().st_ino
    assert run("query", str(out), PEOPLE).stdout == first.stdout
    assert store.stat().st_ino == made  # reused, not loaded again
