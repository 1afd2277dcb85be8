"""What the build promises about bad input, hostile text and interrupted runs.

Each test is one promise. The reader-level ones need no model; the build-level ones run the real
model on a few short files.
"""

from __future__ import annotations

import codecs
import os
import signal
import subprocess
import sys
import time

import pytest
from rdflib import Graph

from newsgraph.extract import ArticleFacts, read_article
from newsgraph.extract.pipeline import split_text
from newsgraph.extract.reader import MAX_BYTES
from newsgraph.graph import build_graph, load_graph, write_turtle
from newsgraph.graph.build import BuildReport, ingest, read_files, write_all
from newsgraph.graph.query import find_entity, run_query
from newsgraph.graph.store import Store

from conftest import SEEDS
from factories import HOSTILE, article, entity, rel

GOOD = "Angela Merkel met Emmanuel Macron in Paris on Monday.\n"


def problems_for(tmp_path, name: str, make) -> tuple[list[str], list[str]]:
    """Put one bad file beside a good one; return (problems, ids read) from the corpus reader."""
    (tmp_path / "good.txt").write_text(GOOD)
    make(tmp_path / name)
    report = BuildReport()
    ids = [a.id for a, _ in read_files([tmp_path], report)]
    return report.problems, ids


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "empty: no article text found"),
        ("blank.txt", lambda p: p.write_bytes(b"  \n\t \n"), "empty: no article text found"),
        ("image.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file (an image"),
        ("nul.txt", lambda p: p.write_bytes(b"text with a \x00 NUL"), "binary file (contains NUL bytes)"),
        ("huge.txt", lambda p: os.truncate(p.write_bytes(b"") or p, MAX_BYTES + 1), "too large ("),
        ("pipe.txt", lambda p: os.mkfifo(p), "not a regular file"),
        (
            "loop.txt",
            lambda p: (os.symlink(p.with_name("loop2.txt"), p), os.symlink(p, p.with_name("loop2.txt"))),
            "symbolic link loop",
        ),
    ],
)
def test_a_bad_file_is_named_with_its_reason_and_the_rest_still_reads(tmp_path, name, make, reason):
    problems, ids = problems_for(tmp_path, name, make)
    assert ids == ["good"]
    assert any(p.startswith(f"{tmp_path / name}: {reason}") for p in problems), problems


def test_an_unreadable_file_is_named_and_skipped(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD.replace("Paris", "Berlin"))
    if os.geteuid() == 0:  # root reads anything: make the read fail the way chmod 000 would
        real = type(secret).read_bytes
        monkeypatch.setattr(
            type(secret),
            "read_bytes",
            lambda self: (
                (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                if self.name == "secret.txt"
                else real(self)
            ),
        )
    else:
        secret.chmod(0)
    problems, ids = problems_for(tmp_path, "x.txt", lambda p: None)
    assert ids == ["good"] and problems == [f"{secret}: permission denied"]


def test_a_missing_path_is_named(tmp_path):
    report = BuildReport()
    ((art, _),) = read_files([tmp_path / "nope", SEEDS / "004_1dce59e31ca20825.txt"], report)
    assert art.id.startswith("004")
    assert report.problems == [f"{tmp_path / 'nope'}: no such file or folder"]


def test_a_folder_symlink_loop_does_not_hang_the_walk(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "back")  # sub/back -> .. -> sub/back -> ...
    report = BuildReport()
    assert [a.id for a, _ in read_files([tmp_path], report)] == ["good"] and report.problems == []


def test_a_file_name_that_is_not_utf8_is_read_and_named_safely(tmp_path, monkeypatch, capsys):
    from newsgraph.graph.cli import main

    monkeypatch.setattr(
        sys.modules["newsgraph.graph.build"],
        "extract_with",
        lambda articles, **_: (ArticleFacts(article=a) for a in articles),
    )  # no model needed
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name, city in ((b"bad\xff.txt", "Rome"), (b"caf\xe9.txt", "Oslo")):
        with open(os.path.join(folder, name), "w") as fh:
            fh.write(GOOD.replace("Paris", city))
    assert main(["build", os.fsdecode(folder), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr().err == ""
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    assert sorted(graph.graph["articles"]) == ["bad\\xff", "caf\\xe9"]  # the bytes, readable and stable


def test_a_newline_in_a_file_name_cannot_forge_a_message_line(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "x.txt\nnewsgraph: skipped forged.txt").write_bytes(b"")  # empty: it is skipped, and named
    (tmp_path / "bidi\u202etxt.md").write_bytes(b"\x00")
    report = BuildReport()
    assert [a.id for a, _ in read_files([tmp_path], report)] == ["good"]
    assert sorted(report.problems) == [
        f"{tmp_path}/bidi\\u202etxt.md: binary file (contains NUL bytes), not text",
        f"{tmp_path}/x.txt\\nnewsgraph: skipped forged.txt: empty: no article text found",
    ]
    assert all(p.isprintable() for p in report.problems)


def deep_folder(top, levels: int = 22):
    """Folders nested past PATH_MAX (4096 bytes), made by handle since no path can name the deepest."""
    fd = os.open(top, os.O_RDONLY)
    for _ in range(levels):
        os.mkdir("d" * 200, dir_fd=fd)
        deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    file = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
    os.write(file, GOOD.encode())
    os.close(file)
    os.close(fd)


def test_folders_deeper_than_path_max_and_unreadable_ones_are_named(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD)
    deep_folder(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(GOOD)
    scandir = os.scandir  # root lists anything: make the folder fail the way chmod 000 would

    def locked(path="."):
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", locked)
    report = BuildReport()
    assert [a.id for a, _ in read_files([tmp_path], report)] == ["good"]
    deep, unreadable = sorted(report.problems, key=len, reverse=True)
    assert deep.startswith(f"{tmp_path}/{'d' * 200}/") and deep.endswith(": cannot list folder (File name too long)")
    assert unreadable == f"{tmp_path / 'locked'}: cannot list folder (Permission denied)"


@pytest.mark.parametrize(
    "encoding, data, note",
    [
        ("cp1252", "Café owner José Núñez spoke in Zürich – “quietly”.".encode("cp1252"), "cp1252 (guessed)"),
        ("latin-1", "Señor Muñoz visited Köln.".encode("latin-1"), "cp1252 (guessed)"),
        ("utf-16", codecs.BOM_UTF16_BE + "Angela Merkel met Emmanuel Macron.".encode("utf-16-be"), "UTF-16"),
    ],
)
def test_text_that_is_not_utf8_is_decoded_and_the_guess_is_reported(tmp_path, encoding, data, note):
    (tmp_path / "odd.txt").write_bytes(data)
    report = BuildReport()
    ((art, _),) = read_files([tmp_path], report)
    assert "�" not in art.body and any(note in n for n in report.notes), report.notes
    assert report.notes[0].startswith(str(tmp_path / "odd.txt") + ": ")


def test_the_same_article_under_two_names_is_one_article_with_both_names(tmp_path, nlp):
    (tmp_path / "b-copy.txt").write_text(GOOD)
    (tmp_path / "a-original.txt").write_text("  " + GOOD.replace(" ", "  "))  # whitespace aside, the same
    for n, order in enumerate(
        ([tmp_path / "b-copy.txt", tmp_path / "a-original.txt"], [tmp_path / "a-original.txt", tmp_path / "b-copy.txt"])
    ):
        report = BuildReport()
        with Store(tmp_path / f"store{n}") as store:
            ingest(order, store, nlp=nlp, report=report)
            (art,) = [f.article for f in store]
        assert (art.id, art.duplicates) == ("a-original", ("b-copy",))  # whatever the order given
        assert report.notes == [f"{tmp_path / 'b-copy.txt'}: same text as {tmp_path / 'a-original.txt'}; counted once"]
    g = build_graph([article("a-original", entity("e0", "Angela Merkel", "Person"))])
    g.graph["articles"]["a-original"]["duplicates"] = ["b-copy"]
    assert load_graph(write_turtle(g).decode()).graph["articles"]["a-original"]["duplicates"] == ["b-copy"]


def test_one_enormous_line_is_cut_into_pieces_that_join_back_exactly():
    text = ("Word " * 30_000) + "x" * 70_000 + "\n\nTail. " * 100
    pieces = split_text(text, limit=50_000)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) <= 50_000 and len(pieces) >= 5


@pytest.mark.model
def test_a_long_one_line_article_is_parsed_in_pieces_with_exact_offsets(nlp, tmp_path):
    from newsgraph.extract import extract_facts

    sentence = "Jeff Stone is the editor of CyberScoop in Washington. "
    path = tmp_path / "long.txt"
    path.write_text("A long dump\n" + sentence * 1_800)  # ~97,000 characters on one line: two pieces
    art = read_article(path)
    facts = next(extract_facts([art], nlp))
    assert len(split_text(art.body)) == 2
    assert facts.relations and all(art.body[r.start : r.end] == r.sentence for r in facts.relations)
    assert {e.name for e in facts.entities} >= {"Jeff Stone", "CyberScoop", "Washington"}


# --- hostile text --------------------------------------------------------------------------------


def test_a_users_entity_name_cannot_inject_sparql(tmp_path):
    facts = [
        article(
            f"a{i}",
            entity("e0", name, "Person"),
            entity("e1", "Acme", "Organization"),
            relations=[rel("e0", "worksFor", "e1")],
        )
        for i, name in enumerate(HOSTILE)
    ]
    path = tmp_path / "g.ttl"
    path.write_bytes(write_turtle(build_graph(facts)))
    for name in HOSTILE:
        rows = list(find_entity(str(path), name))
        assert [str(r.label) for r in rows] == [name]
    attack = 'x" } UNION { ?entity ?p ?o } #'
    assert list(find_entity(str(path), attack)) == []
    rows = run_query(str(path), "SELECT ?e WHERE { ?e rdfs:label ?n }", {"n": "Acme"})
    assert len(list(rows)) == 1


def test_the_query_command_binds_text_instead_of_splicing_it(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_bytes(write_turtle(build_graph([article("a1", entity("e0", "Acme", "Organization"))])))
    cmd = [
        sys.executable,
        "-m",
        "newsgraph.graph.cli",
        "query",
        str(path),
        "SELECT ?e WHERE { ?e rdfs:label ?name }",
        "--format",
        "csv",
    ]
    ok = subprocess.run(cmd + ["--bind", "name=Acme"], capture_output=True, text=True, check=True)
    assert ok.stdout.splitlines() == ["e", "urn:newsgraph:entity:organization:acme"]
    evil = subprocess.run(cmd + ["--bind", 'name=" } ?e ?p ?o . { "'], capture_output=True, text=True, check=True)
    assert evil.stdout.splitlines() == ["e"]


# --- whole or absent -----------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_files_and_no_temporaries(tmp_path, monkeypatch):
    old = {tmp_path / "graph.ttl": b"old ttl", tmp_path / "graph.html": b"old html"}
    write_all(old)
    real_replace = os.replace
    calls = []

    def interrupted(src, dst):
        calls.append(dst)
        raise KeyboardInterrupt  # as if Ctrl-C arrived at the first rename

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all({p: b"new " + p.name.encode() for p in old})
    monkeypatch.setattr(os, "replace", real_replace)
    assert calls and {p: p.read_bytes() for p in old} == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]


def test_ctrl_c_during_the_renames_is_held_until_both_files_are_new(tmp_path, monkeypatch):
    files = {tmp_path / "graph.ttl": b"new ttl", tmp_path / "graph.html": b"new html"}
    real_replace = os.replace

    def replace_then_ctrl_c(src, dst):
        real_replace(src, dst)
        os.kill(os.getpid(), signal.SIGINT)  # arrives between the two renames

    monkeypatch.setattr(os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_all(files)
    assert {p: p.read_bytes() for p in files} == files


def rss_mb(pid: int) -> float:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@pytest.mark.model
def test_ctrl_c_mid_build_leaves_the_previous_output_intact(tmp_path, seeds_build):
    _, _, seeds_out = seeds_build
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.ttl", "graph.html"):
        (out / name).write_bytes((seeds_out / name).read_bytes())
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(200):  # long enough to be still running on a loaded machine (it is interrupted anyway)
        (corpus / f"{i}.txt").write_text(GOOD.replace("Monday", f"day {i}") * 50)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.graph.cli", "build", str(corpus), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while rss_mb(proc.pid) < 300 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)  # wait until the model is in memory: the build is under way
    time.sleep(1)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (seeds_out / name).read_bytes()
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".newsgraph.lock")) == [
        "graph.html",
        "graph.ttl",
    ]


@pytest.mark.model
def test_two_builds_into_one_folder_do_not_interleave(tmp_path):
    out = tmp_path / "out"
    sources = {"one": SEEDS / "000_912c7b24476735e9.txt", "two": SEEDS / "003_84a72388b0f39897.txt"}
    procs = [
        subprocess.Popen([sys.executable, "-m", "newsgraph.graph.cli", "build", str(src), "-o", str(out), "-q"])
        for src in sources.values()
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    ttl_ids = {
        str(o)
        for o in Graph().parse(out / "graph.ttl").objects(None, None)
        if str(o) in {s.stem for s in sources.values()}
    }
    html = (out / "graph.html").read_text()
    html_ids = {s.stem for s in sources.values() if f'"{s.stem}"' in html}
    assert len(ttl_ids) == 1 and ttl_ids == html_ids  # both files from the same build
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
