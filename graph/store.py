"""The facts store: every article's facts in one SQLite file, so a corpus can grow and shrink.

A store is a folder holding `facts.sqlite` with two tables:
- `texts`: one row per distinct article text (keyed by `text_hash`), its facts as JSON;
- `files`: one row per file read (article id, path), pointing at its text.

Files with the same text share one row of facts, and the article is known by the smallest id
(then path) among them, the others recorded as its duplicates, whatever order they came in.
Taking an article out deletes its file rows, and its facts once no file holds that text; the
graph is always merged afresh from what is left (`graph.merge.build_graph`), so a relation that
only that article supported disappears with it. The build itself writes to a temporary store, so
facts go to disk as they are extracted and the merge reads them back.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from newsgraph.extract import Article, ArticleFacts

FILE = "facts.sqlite"
COMMIT_SECONDS = 2.0  # the most extraction work an interrupted `add` can lose
SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (hash TEXT PRIMARY KEY, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (id TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL,
                                  PRIMARY KEY (id, path));
CREATE INDEX IF NOT EXISTS files_by_hash ON files (hash);
"""


def text_hash(body: str) -> str:
    """What makes two files one article: the same words, whatever the whitespace."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def keep_first(names: list[tuple[str, str]]) -> tuple[tuple[str, str], tuple[str, ...]]:
    """Of several (id, path) holding one text: the one kept, and the other ids."""
    first, *others = sorted(names)
    return first, tuple(sorted({i for i, _ in others} - {first[0]}))


class StoreError(RuntimeError):
    pass


class Store:
    """A folder with facts.sqlite in it; created on first use."""

    def __init__(self, folder: str | os.PathLike, create: bool = True):
        self.folder = Path(folder)
        path = self.folder / FILE
        if not create and not path.is_file():
            raise StoreError(f"{self.folder}: not a newsgraph store (no {FILE}; `newsgraph add` makes one)")
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path)
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: {exc}") from exc
        self._wanted: set[str] = set()  # texts whose facts this session asked for and has not had yet
        self._committed = time.monotonic()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------
    def add_article(self, article: Article, digest: str) -> bool:
        """Record that a file holds a text; True when the text is new: the store neither holds its
        facts nor was asked for them already (they are wanted from the caller, by `put`).

        A file that now holds another text than before lets go of the old one (dropped when no
        other file holds it)."""
        old = self.db.execute("SELECT hash FROM files WHERE id = ? AND path = ?", (article.id, article.path)).fetchone()
        if old is None or old[0] != digest:
            self.db.execute("INSERT OR REPLACE INTO files (id, path, hash) VALUES (?, ?, ?)",
                            (article.id, article.path, digest))
            if old is not None:
                self._drop_orphans()
        if digest in self._wanted or self.db.execute("SELECT 1 FROM texts WHERE hash = ?", (digest,)).fetchone():
            return False
        self._wanted.add(digest)
        return True

    def put(self, digest: str, facts: ArticleFacts) -> None:
        """Keep a text's facts (committed at least every COMMIT_SECONDS, and by `commit`)."""
        data = json.dumps(facts.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self.db.execute("INSERT OR REPLACE INTO texts (hash, facts) VALUES (?, ?)", (digest, data))
        self._wanted.discard(digest)
        if time.monotonic() - self._committed > COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._committed = time.monotonic()

    def remove(self, article_id: str) -> int:
        """Take out every file with this article id; returns how many there were."""
        with self.db:
            n = self.db.execute("DELETE FROM files WHERE id = ?", (article_id,)).rowcount
            self._drop_orphans()
        return n

    def _drop_orphans(self) -> None:
        self.db.execute("DELETE FROM texts WHERE hash NOT IN (SELECT hash FROM files)")

    # --- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM texts").fetchone()[0]

    def names_of(self, digest: str) -> tuple[tuple[str, str], list[str]]:
        """Of the files holding a text: the (id, path) the article is known by, and the other paths."""
        kept, _ = keep_first(self.db.execute("SELECT id, path FROM files WHERE hash = ?", (digest,)).fetchall())
        others = [path for (path,) in self.db.execute("SELECT path FROM files WHERE hash = ? ORDER BY id, path",
                                                      (digest,)) if path != kept[1]]
        return kept, others

    def ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT DISTINCT id FROM files ORDER BY id")]

    def articles(self) -> list[tuple[str, str, tuple[str, ...], str]]:
        """(id, path, duplicate ids, hash) of every article, by id."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for digest, art_id, path in self.db.execute(
                "SELECT f.hash, f.id, f.path FROM files f JOIN texts t ON t.hash = f.hash"):
            groups.setdefault(digest, []).append((art_id, path))
        out = []
        for digest, names in groups.items():
            (art_id, path), others = keep_first(names)
            out.append((art_id, path, others, digest))
        return sorted(out)

    def __iter__(self) -> Iterator[ArticleFacts]:
        """Every article's facts, by id, read one at a time (the store can be iterated again)."""
        for art_id, path, others, digest in self.articles():
            (data,) = self.db.execute("SELECT facts FROM texts WHERE hash = ?", (digest,)).fetchone()
            facts = ArticleFacts.from_dict(json.loads(data))
            yield replace(facts, article=replace(facts.article, id=art_id, path=path, duplicates=others))
