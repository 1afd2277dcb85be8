"""The real model on seeds/: facts a reader of the five articles would state."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
from rdflib import Graph

from newsgraph.extract import read_article
from newsgraph.graph import load_graph
from newsgraph.graph.query import run_query

from conftest import ROOT, SEEDS, node_by_label

pytestmark = pytest.mark.model

PEOPLE_QUERY = """PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name (COUNT(?a) AS ?articles) WHERE {
  ?p a schema:Person ; rdfs:label ?name . ?a schema:mentions ?p .
} GROUP BY ?name ORDER BY DESC(?articles)"""

EVIDENCE_QUERY = """PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?s ?rel ?o ?sentence WHERE {
  ?st a rdf:Statement ; rdf:subject ?sx ; rdf:predicate ?p ; rdf:object ?ox ;
      schema:text ?sentence .
  ?sx rdfs:label ?s . ?ox rdfs:label ?o . ?p rdfs:label ?rel .
}"""


def test_liu_xiaoming_is_one_person_in_all_five_articles(seeds_build):
    graph, report, _ = seeds_build
    assert report.articles == 5 and not report.problems
    liu = graph.nodes[node_by_label(graph, "Liu Xiaoming")]
    assert liu["type"] == "Person"
    assert len(liu["articles"]) == 5
    assert {"Liu", "Mr Liu", "Xiaoming", "Liu Xiamong"} <= set(liu["aliases"])
    assert not [d for _, d in graph.nodes(data=True) if d["label"] in ("Liu", "Xiaoming", "Liu Xiamong")]


def test_embassy_is_one_organization_and_twitter_is_an_organization(seeds_build):
    graph, _, _ = seeds_build
    embassies = [d for _, d in graph.nodes(data=True) if "embassy" in d["label"].lower()]
    assert len(embassies) == 1
    assert embassies[0]["type"] == "Organization" and len(embassies[0]["articles"]) == 5
    assert {"China's UK embassy", "embassy"} <= set(embassies[0]["aliases"])
    assert graph.nodes[node_by_label(graph, "Twitter")]["type"] == "Organization"


def test_junk_does_not_become_entities(seeds_build):
    graph, _, _ = seeds_build
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert not labels & {"Original Article", "NSFW", "Porn Video", "Register", "netizens", "Latest Podcasts"}
    assert not [lab for lab in labels if lab.lower().startswith(("the ", "mr ")) or lab.endswith(("'s", "’s"))]
    places = {d["label"] for _, d in graph.nodes(data=True) if d["type"] == "Place"}
    assert {"China", "United Kingdom", "London", "Xinjiang"} <= places
    assert "UK" not in places and "U.K." not in places


def test_typed_relations_a_reader_would_state(seeds_build):
    graph, _, _ = seeds_build
    triples = {(graph.nodes[s]["label"], k, graph.nodes[o]["label"]) for s, o, k in graph.edges(keys=True)}
    assert ("Liu Xiaoming", "ambassador-to", "United Kingdom") in triples
    assert ("Jeff Stone", "worksFor", "CyberScoop") in triples
    assert ("Twitter", "banned-in", "China") in triples
    assert ("Chinese Embassy", "reported-to", "Twitter") in triples


def test_every_evidence_sentence_is_in_its_article(seeds_build):
    graph, _, _ = seeds_build
    bodies = {p.stem: read_article(p).body for p in SEEDS.glob("*.txt")}
    count = 0
    for _, _, data in graph.edges(data=True):
        for ev in data["evidence"]:
            assert bodies[ev["article"]][ev["start"] : ev["end"]] == ev["sentence"]  # offsets exact
            count += 1
    assert count >= 10


def test_contract_queries_return_rows(seeds_build):
    _, _, out = seeds_build
    people = list(run_query(str(out / "graph.ttl"), PEOPLE_QUERY))
    assert (str(people[0][0]), int(people[0][1])) == ("Liu Xiaoming", 5)
    rows = list(run_query(str(out / "graph.ttl"), EVIDENCE_QUERY))
    assert len(rows) >= 10
    assert any(str(r[1]) == "works for" and str(r[2]) == "CyberScoop" for r in rows)


def test_export_loads_back_into_the_same_graph(seeds_build):
    graph, _, out = seeds_build
    back = load_graph(out / "graph.ttl")
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))


def test_rebuild_writes_byte_identical_files(seeds_build, nlp, tmp_path):
    from newsgraph.graph.build import build

    _, _, out = seeds_build
    files = sorted(SEEDS.glob("*.txt"), reverse=True)  # another listing order
    build(files, tmp_path, nlp=nlp)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_committed_output_is_what_the_build_writes(seeds_build):
    _, _, out = seeds_build
    for name in ("graph.ttl", "graph.html"):
        committed = ROOT / "output" / name
        assert committed.is_file(), "run `make` to build output/"
        # digests, not bytes: pytest's diff of two stale 700 kB pages takes many minutes
        digests = [hashlib.sha256(path.read_bytes()).hexdigest() for path in (committed, out / name)]
        assert digests[0] == digests[1], f"output/{name} is stale: run `make`"


def test_cli_build_reports_bad_files_and_still_builds_the_rest(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Angela Merkel met Emmanuel Macron in Paris on Monday.\n")
    (corpus / "empty.txt").write_text("  \n")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph.graph.cli",
            "build",
            str(corpus),
            str(tmp_path / "missing.txt"),
            "-o",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert f"newsgraph: skipped {corpus / 'empty.txt'}: empty: no article text found" in errors
    assert any(line.startswith(f"newsgraph: skipped {corpus / 'image.txt'}: binary") for line in errors)
    assert f"newsgraph: skipped {tmp_path / 'missing.txt'}: no such file or folder" in errors
    assert proc.stdout.startswith("1 article, ")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(g) > 0 and (tmp_path / "out" / "graph.html").stat().st_size > 100_000


def test_cli_query_prints_a_table_and_csv(seeds_build):
    _, _, out = seeds_build
    cmd = [sys.executable, "-m", "newsgraph.graph.cli", "query", str(out / "graph.ttl"), PEOPLE_QUERY]
    table = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    assert table.splitlines()[0].split() == ["name", "|", "articles"]
    assert "Liu Xiaoming" in table.splitlines()[2]
    csv = subprocess.run(cmd + ["--format", "csv"], capture_output=True, text=True, check=True).stdout
    assert csv.splitlines()[:2] == ["name,articles", "Liu Xiaoming,5"]
    bad = subprocess.run(
        [sys.executable, "-m", "newsgraph.graph.cli", "query", str(out / "graph.ttl"), "SELEC nonsense"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("newsgraph: query failed:") and "Traceback" not in bad.stderr


def test_benchmark_script_runs():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_speed.py"), "--copies", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[1].split()[-1] == "ratio"
    assert all(float(line.split()[-1]) > 0 for line in lines[2:4])
    share = next(line for line in lines if line.startswith("relation patterns, model and quotations add"))
    assert 0 < float(share.split(": ")[1].split("%")[0]) < 100


def test_output_does_not_depend_on_hash_seed(seeds_build, tmp_path):
    import os

    _, _, out = seeds_build
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run(
        [sys.executable, "-m", "newsgraph.graph.cli", "build", str(SEEDS), "-o", str(tmp_path), "-q"],
        env=env,
        check=True,
    )
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_unknown_model_is_a_clear_message(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph.graph.cli",
            "build",
            str(SEEDS),
            "-o",
            str(tmp_path),
            "--model",
            "no_such_model",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("newsgraph: spaCy model 'no_such_model' is not installed")
    assert not (tmp_path / "graph.ttl").exists()


def test_min_confidence_option_keeps_only_surer_relations(seeds_build, nlp, tmp_path):
    from newsgraph.graph.build import build

    graph = seeds_build[0]
    build([SEEDS], tmp_path, nlp=nlp, min_confidence=0.75)
    strict = load_graph(tmp_path / "graph.ttl")
    assert 0 < strict.number_of_edges() < graph.number_of_edges()
    assert all(ev["confidence"] >= 0.75 for *_, d in strict.edges(data=True) for ev in d["evidence"])
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph.graph.cli",
            "build",
            str(SEEDS),
            "-o",
            str(tmp_path),
            "--min-confidence",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "must be between 0 and 1" in proc.stderr


def test_quotations_have_their_speakers_and_point_into_their_articles(seeds_build):
    graph, _, out = seeds_build
    quotations = graph.graph["quotations"]
    bodies = {p.stem: read_article(p).body for p in SEEDS.glob("*.txt")}
    for q in quotations:
        assert bodies[q["article"]][q["start"] : q["end"]] == q["text"]
    said = {(graph.nodes[q["speaker"]]["label"] if q["speaker"] else None, q["text"]) for q in quotations}
    assert ("Liu Xiaoming", "There is no such concentration camp in Xinjiang") in said
    assert ("Liu Xiaoming", "A good anvil does not fear the hammer") in said
    assert sum(1 for who, _ in said if who == "Chinese Embassy") >= 3
    assert not any(len(text.split()) < 4 for _, text in said)  # "liked", "despicable": not quotations
    rows = list(
        run_query(
            str(out / "graph.ttl"),
            """PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?text ?who WHERE { ?q a schema:Quotation ; schema:text ?text ; schema:isPartOf ?a ;
                                     schema:spokenByCharacter ?p . ?p rdfs:label ?who }""",
        )
    )
    assert len(rows) == sum(1 for q in quotations if q["speaker"])
    assert load_graph(out / "graph.ttl").graph["quotations"] == quotations


def test_progress_bar_on_a_terminal_only(tmp_path):
    import fcntl
    import os
    import pty
    import struct
    import termios

    cmd = [sys.executable, "-m", "newsgraph.graph.cli", "build", str(SEEDS), "-o", str(tmp_path / "a")]
    quiet = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0 and "article/s" not in quiet.stderr and "%|" not in quiet.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # a terminal has a size
    proc = subprocess.Popen(cmd[:-1] + [str(tmp_path / "b")], stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the build ends
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=300) == 0
    text = seen.decode("utf-8", "replace")
    import re

    assert re.search(r"[1-5]/5 \[\d\d:\d\d<\d\d:\d\d, +[\d.]+(article/s|s/article)\]", text), text  # done/total,
    # time so far < time left, rate
