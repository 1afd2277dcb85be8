"""Integrity under real use (issue 18): one snapshot per export, writers that take turns, one line
and a distinct exit status per failure, no leftovers. No model: facts are made by hand
(factories.story) or extraction is replaced by one that returns empty facts."""

from __future__ import annotations

import errno
import importlib
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsgraph.extract import ArticleFacts
from newsgraph.graph.build import BuildError, build, export, ingest
from newsgraph.graph.cli import main
from newsgraph.graph.scratch import LOCK, scratch, sweep
from newsgraph.graph.store import FILE, Store, StoreError

from conftest import ROOT
from factories import fill

GOOD = "Angela Merkel met Emmanuel Macron in Paris on Monday.\n"
CLI = [sys.executable, "-m", "newsgraph.graph.cli"]
build_module = importlib.import_module("newsgraph.graph.build")  # newsgraph.graph.build is also the function


@pytest.fixture
def no_model(monkeypatch):
    """Extraction replaced by empty facts for each article; returns the list of ids it was given."""
    seen = []

    def extract(articles, **_):
        for art in articles:
            seen.append(art.id)
            yield ArticleFacts(article=art)

    monkeypatch.setattr(build_module, "extract_with", extract)
    return seen


def corpus(folder: Path, n: int) -> Path:
    """n short articles, their texts different from those of any other folder's."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"s{i}.txt").write_text(GOOD.replace("Monday", f"day {i} of {folder.name}"))
    return folder


def ttl_of(store_dir: Path, out: Path) -> bytes:
    with Store(store_dir, create=False) as store:
        export(store, out, formats=("ttl",))
    return (out / "graph.ttl").read_bytes()


# --- 3. one snapshot per export ---------------------------------------------------------------------
def test_an_export_racing_removes_and_adds_writes_a_state_the_store_was_in(tmp_path):
    numbers = range(150)
    victims = [f"a{i:03d}" for i in range(0, 150, 3)]
    with Store(tmp_path / "store") as store:
        fill(store, numbers)
    stop = threading.Event()
    toggles = []

    def writer():  # `newsgraph remove` of 50 ids (one transaction each), then adding them back, over and over
        with Store(tmp_path / "store") as store:
            while not stop.is_set():
                for art_id in victims:
                    store.remove(art_id)
                fill(store, [int(v[1:]) for v in victims])
                toggles.append(1)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        outputs = [ttl_of(tmp_path / "store", tmp_path / f"out{k}") for k in range(12)]
    finally:
        stop.set()
        thread.join()
    assert toggles  # the writer was busy while the exports ran
    states = {}
    for ttl in outputs:  # each export is exactly the export of the articles it holds, nothing mixed
        held = tuple(sorted(set(re.findall(rb"schema:identifier \"a(\d{3})\"", ttl))))
        if held not in states:
            with Store(tmp_path / f"state{len(states)}") as clean:
                fill(clean, [int(n) for n in held])
            states[held] = ttl_of(clean.folder, tmp_path / f"state{len(states)}-out")
        assert ttl == states[held], f"an export of {len(held)} articles is not what those articles give"


def test_the_snapshot_is_the_store_at_one_moment(tmp_path):
    with Store(tmp_path / "store") as store:
        fill(store, range(5))
        (tmp_path / "snap").mkdir()
        with store.snapshot(tmp_path / "snap") as snap:
            store.remove("a000")
            assert len(store) == 4 and len(snap) == 5 and "a000" in snap.ids()


# --- 4. writers wait their turn ---------------------------------------------------------------------
def test_a_second_writer_waits_its_turn_and_says_so(tmp_path):
    with Store(tmp_path / "store") as store:
        fill(store, range(3))
        with store.writing():
            proc = subprocess.Popen(
                [*CLI, "remove", "a001", "--store", str(tmp_path / "store")],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            line = proc.stderr.readline()
            assert (
                line == f"newsgraph: waiting for the store {tmp_path / 'store'}: another add or remove is "
                "writing to it\n"
            )
            time.sleep(0.5)
            assert proc.poll() is None and store.ids() == ["a000", "a001", "a002"]  # still waiting
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out == "removed a001; the store holds 2\n" and err == ""


def test_concurrent_adds_lose_no_extraction(tmp_path, monkeypatch):
    def slow(articles, **_):
        for art in articles:
            time.sleep(0.05)
            yield ArticleFacts(article=art)

    monkeypatch.setattr(build_module, "extract_with", slow)
    monkeypatch.setattr("newsgraph.graph.store.COMMIT_SECONDS", 0.0)  # commit after every article
    folders = [corpus(tmp_path / f"in{k}", 8) for k in range(3)]
    for k, folder in enumerate(folders):
        for path in folder.iterdir():
            path.rename(path.with_name(f"{k}-{path.name}"))
    waited, errors = [], []

    def add(folder):
        try:
            with Store(tmp_path / "store") as store:
                ingest([folder], store, waiting=waited.append)
        except BaseException as exc:  # noqa: B902 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(f,)) for f in folders]
    with Store(tmp_path / "store") as holder, holder.writing():  # another writer holds the store
        for t in threads:
            t.start()
        time.sleep(1.0)
    for t in threads:
        t.join()
    assert errors == [] and waited  # they waited their turn, and no one failed
    with Store(tmp_path / "store") as store:
        assert len(store) == 24


def test_ctrl_c_during_add_keeps_and_counts_what_it_finished(tmp_path, monkeypatch, capsys):
    def two_then_interrupt(articles, **_):
        for n, art in enumerate(articles):
            if n == 2:
                raise KeyboardInterrupt
            yield ArticleFacts(article=art)

    monkeypatch.setattr(build_module, "extract_with", two_then_interrupt)
    assert main(["add", str(corpus(tmp_path / "in", 5)), "--store", str(tmp_path / "store"), "-q"]) == 130
    assert (
        capsys.readouterr().err == "newsgraph: interrupted; the store keeps the 2 new article(s) it had "
        "finished and holds 2\n"
    )
    with Store(tmp_path / "store") as store:
        assert len(store) == 2


# --- 6. queries have limits ---------------------------------------------------------------------------
GRAPH = str(ROOT / "output" / "graph.ttl")
CUBE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # minutes of work


def test_ctrl_c_ends_a_query_at_once_even_without_a_time_limit():
    proc = subprocess.Popen(
        [*CLI, "query", GRAPH, CUBE, "--timeout", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(3)  # loaded, and counting
    assert proc.poll() is None
    proc.send_signal(2)
    t0 = time.monotonic()
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - t0 < 5
    assert proc.returncode == 130 and err == "newsgraph: query interrupted\n" and out == ""


def test_a_query_that_grows_past_the_memory_limit_is_stopped():
    sort = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"  # sorts 1.1 M rows
    proc = subprocess.run(
        [*CLI, "query", GRAPH, sort, "--max-memory", "250"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "newsgraph: query stopped: it took more than 250 MB of memory (--max-memory)\n"


@pytest.mark.parametrize("bind", [[], ["--bind", "x=y"]], ids=["oxigraph", "rdflib"])
def test_answers_are_capped_and_say_so(bind, capsys):
    assert main(["query", GRAPH, "SELECT ?s WHERE { ?s ?p ?o }", "--max-rows", "3", "--format", "csv", *bind]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 4 and err == "newsgraph: the answer was cut at 3 rows (--max-rows)\n"


def test_query_has_a_time_limit_by_default():
    from newsgraph.graph.cli import _parser

    args = _parser().parse_args(["query", GRAPH, "ASK {}"])
    assert (args.timeout, args.max_rows, args.max_memory) == (30.0, 100_000, 2048)
    assert _parser().parse_args(["query", GRAPH, "ASK {}", "--timeout", "0"]).timeout is None


# --- 7. one line and a distinct exit status per failure ---------------------------------------------
def one_line(err: str, *parts: str) -> None:
    assert err.startswith("newsgraph: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for part in parts:
        assert part in err, err


def test_exit_statuses_tell_skipped_files_from_no_build(tmp_path, capsys, no_model):
    folder = corpus(tmp_path / "in", 2)
    assert main(["build", str(folder), "-o", str(tmp_path / "ok"), "-q"]) == 0
    (folder / "empty.txt").write_text("")
    assert main(["build", str(folder), "-o", str(tmp_path / "some"), "-q"]) == 1
    assert main(["build", str(folder / "empty.txt"), "-o", str(tmp_path / "none"), "-q"]) == 2
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("where", ["file", "under-a-file"])
def test_an_output_that_cannot_be_a_folder_is_refused_before_extraction(tmp_path, capsys, no_model, where):
    (tmp_path / "taken").write_text("a file")
    out = tmp_path / "taken" if where == "file" else tmp_path / "taken" / "out"
    assert main(["build", str(corpus(tmp_path / "in", 2)), "-o", str(out)]) == 2
    one_line(capsys.readouterr().err, str(out))
    assert no_model == []  # nothing was extracted
    assert (tmp_path / "taken").read_text() == "a file"


def test_a_store_that_is_a_file_is_one_line(tmp_path, capsys, no_model):
    (tmp_path / "store").write_text("a file")
    assert main(["add", str(corpus(tmp_path / "in", 1)), "--store", str(tmp_path / "store")]) == 2
    one_line(capsys.readouterr().err, str(tmp_path / "store"), "not a folder")
    assert no_model == []


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, capsys, no_model):
    (tmp_path / "store").mkdir()
    with sqlite3.connect(tmp_path / "store" / FILE) as db:
        db.execute("CREATE TABLE photos (name TEXT)")
    before = (tmp_path / "store" / FILE).read_bytes()
    for command in (["add", str(corpus(tmp_path / "in", 1))], ["export", "-o", str(tmp_path / "out")]):
        assert main([*command, "--store", str(tmp_path / "store")]) == 2
        one_line(capsys.readouterr().err, str(tmp_path / "store" / FILE), "not a newsgraph store")
    assert (tmp_path / "store" / FILE).read_bytes() == before and no_model == []


def test_a_damaged_store_is_refused_before_anything_is_written_to_it(tmp_path, capsys, no_model):
    with Store(tmp_path / "store") as store:
        fill(store, range(300))
    path = tmp_path / "store" / FILE
    data = bytearray(path.read_bytes())
    page = 4096
    data[5 * page + 100 : 5 * page + 400] = b"\xa5" * 300  # pages in the middle of the facts
    data[9 * page : 9 * page + 16] = b"\x0d" + b"\xff" * 15
    path.write_bytes(bytes(data))
    assert main(["add", str(corpus(tmp_path / "in", 1)), "--store", str(tmp_path / "store")]) == 2
    one_line(capsys.readouterr().err, str(path), "damaged")
    assert path.read_bytes() == bytes(data) and no_model == []
    assert main(["export", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "out")]) == 2
    one_line(capsys.readouterr().err, "damaged")
    assert not (tmp_path / "out").exists()


def test_a_bad_json_row_names_its_article(tmp_path, capsys):
    with Store(tmp_path / "store") as store:
        fill(store, range(3))
        store.db.execute(
            "UPDATE texts SET facts = '{\"article\": ' WHERE hash = (SELECT hash FROM files WHERE id = 'a001')"
        )
        store.commit()
    assert main(["export", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "out")]) == 2
    one_line(capsys.readouterr().err, "the facts of article a001 are damaged", "newsgraph remove a001")
    assert not (tmp_path / "out").exists()


def test_a_read_only_store_is_one_line(tmp_path, capsys, monkeypatch, no_model):
    with Store(tmp_path / "store") as store:
        fill(store, range(2))
    connect = sqlite3.connect  # root may write anywhere: open the file as a read-only mount would

    def read_only(path, **kw):
        if Path(path).parent != tmp_path / "store":  # the export's scratch copy is elsewhere, writable
            return connect(path, **kw)
        return connect(f"file:{path}?mode=ro", uri=True, **kw)

    monkeypatch.setattr("newsgraph.graph.store.sqlite3.connect", read_only)
    assert main(["add", str(corpus(tmp_path / "in", 1)), "--store", str(tmp_path / "store")]) == 2
    one_line(capsys.readouterr().err, str(tmp_path / "store" / FILE), "read-only")
    assert main(["export", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "out"), "-q"]) == 0  # reads


def test_a_full_store_is_one_line(tmp_path, no_model):
    with Store(tmp_path / "store") as store:
        store.db.execute("PRAGMA max_page_count = 3")  # SQLite's own "disk is full", a few pages on
        with pytest.raises(StoreError, match=re.escape(f"{tmp_path / 'store' / FILE}: the disk is full")):
            ingest([corpus(tmp_path / "in", 40)], store)


def test_a_full_disk_while_writing_an_export_is_one_line_and_keeps_the_old_files(tmp_path, capsys, monkeypatch):
    with Store(tmp_path / "store") as store:
        fill(store, range(3))
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old ttl")
    (out / "graph.html").write_text("old html")

    def full(merged, fh, **_):
        fh.write(b"partial")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setitem(build_module.EXPORTS, "html", ("graph.html", full))
    assert main(["export", "--store", str(tmp_path / "store"), "-o", str(out)]) == 2
    one_line(capsys.readouterr().err, str(out / "graph.html"), "No space left on device")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".newsgraph")) == ["graph.html", "graph.ttl"]
    assert (out / "graph.ttl").read_text() == "old ttl" and (out / "graph.html").read_text() == "old html"


# --- 8. no leftovers ---------------------------------------------------------------------------------
def test_temporary_files_of_a_killed_export_go_with_the_next_export(tmp_path):
    with Store(tmp_path / "store") as store:
        fill(store, range(2))
        out = tmp_path / "out"
        out.mkdir()
        stale = [out / ".graph.ttl.k1ll3d.tmp", out / ".graph.html.abc123.tmp", out / ".nodes.csv.x.tmp"]
        for path in stale:
            path.write_bytes(b"half")
        (out / "notes.tmp").write_text("the user's")
        export(store, out)
    assert not any(p.exists() for p in stale) and (out / "notes.tmp").exists()


def test_scratch_folders_of_a_killed_run_are_swept_and_live_ones_kept(tmp_path):
    code = (
        "import sys, time; from newsgraph.graph.scratch import scratch\n"
        "with scratch('merge', sys.argv[1]) as f:\n    print(f, flush=True); time.sleep(120)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    killed = Path(proc.stdout.readline().strip())
    assert (killed / LOCK).exists()
    assert sweep(tmp_path) == [] and killed.exists()  # alive: kept
    proc.kill()
    proc.wait()
    (tmp_path / "newsgraph-unrelated").mkdir()  # not ours (no lock file): kept
    with scratch("merge", tmp_path) as mine:  # the next run sweeps first
        assert not killed.exists() and mine.exists()
        assert sweep(tmp_path) == []  # this run's own folder is held
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsgraph-unrelated"]


def test_the_python_api_refuses_one_path_for_many_and_jobs_under_one(tmp_path, no_model):
    with pytest.raises(TypeError, match=r"sources: give a list of files and folders, e.g. \['seeds'\]"):
        build("seeds", tmp_path / "out")
    with pytest.raises(TypeError):
        build(Path("seeds"), tmp_path / "out")
    for jobs in (0, -1, 1.5):
        with pytest.raises(ValueError, match="jobs"):
            build(["seeds"], tmp_path / "out", jobs=jobs)
    with Store(tmp_path / "store") as store, pytest.raises(TypeError):
        ingest("seeds", store)
    assert no_model == [] and not (tmp_path / "out").exists()


def test_build_error_names_the_output(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(BuildError, match=re.escape(f"{tmp_path / 'f'}: exists and is not a folder")):
        build(["seeds"], tmp_path / "f")
