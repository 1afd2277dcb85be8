"""The facts store: every article's facts in one SQLite file, so a corpus can grow and shrink.

A store is a folder holding `facts.sqlite` with two tables:
- `texts`: one row per distinct article text (keyed by `text_hash`), its facts as JSON;
- `files`: one row per file read (article id, path), pointing at its text.

Files with the same text share one row of facts, and the article is known by the smallest id
(then path) among them, the others recorded as its duplicates, whatever order they came in.
Two different texts are always two articles: where their files share a name (`2021/report.txt`
and `2022/report.txt`, or `dup.txt` and `dup.TXT`), each article's id is the name and the first
digits of its text's hash (`report-1f3a9c0b`), decided from the whole store, so the ids do not
depend on the order the files came in (`article_ids`).
Taking an article out deletes its file rows, and its facts once no file holds that text; the
graph is always merged afresh from what is left (`graph.merge.build_graph`), so a relation that
only that article supported disappears with it. The build itself writes to a temporary store, so
facts go to disk as they are extracted and the merge reads them back.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newsgraph.extract import Article, ArticleFacts

FILE = "facts.sqlite"
LOCK = ".newsgraph-write.lock"
COMMIT_SECONDS = 2.0  # how often an `add` commits (an interrupted one commits what it finished)
BUSY_SECONDS = 600.0  # how long a commit waits for a reader's snapshot (a copy of the file) to finish
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


DIGITS = 8  # hex digits of the text's hash added to a name that several articles share


def article_ids(texts: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    """For every text (its hash -> the (name, path) of each file holding it): (article id, the name and
    path it is known by, the other names). The id is the name (`keep_first`) where no other text's
    name is the same (case aside: `dup.txt` and `dup.TXT` clash); else the name, "-" and the first
    DIGITS hex digits of the text's hash, more where that too is taken. Decided from the whole set,
    so the same files give the same ids in any order, and no two articles ever share one."""
    kept = {digest: keep_first(names) for digest, names in texts.items()}
    clashes = Counter(name.casefold() for (name, _), _ in kept.values())
    ids = {digest: name for digest, ((name, _), _) in kept.items() if clashes[name.casefold()] == 1}
    taken = {i.casefold() for i in ids.values()}
    for digest in sorted(set(kept) - set(ids)):
        name = kept[digest][0][0]
        size = DIGITS
        while f"{name}-{digest[:size]}".casefold() in taken and size < len(digest):
            size += 4
        ids[digest] = f"{name}-{digest[:size]}"
        taken.add(ids[digest].casefold())
    return {digest: (ids[digest], *kept[digest][0], kept[digest][1]) for digest in kept}


def identified(facts: Iterable[ArticleFacts]) -> list[ArticleFacts]:
    """Facts not read from a store (a list a script made) named as the store names them: one
    article per text, known by `article_ids`' id, its other names as duplicates; by id."""
    texts: dict[str, list[tuple[str, str]]] = {}
    first: dict[tuple[str, str, str], ArticleFacts] = {}
    for f in facts:
        digest = text_hash(f.article.body)
        texts.setdefault(digest, []).append((f.article.id, f.article.path))
        first.setdefault((digest, f.article.id, f.article.path), f)
    out = []
    for digest, (art_id, name, path, others) in article_ids(texts).items():
        f = first[digest, name, path]
        duplicates = tuple(sorted({*f.article.duplicates, *others}))
        out.append(replace(f, article=replace(f.article, id=art_id, duplicates=duplicates)))
    return sorted(out, key=lambda f: f.article.id)


class StoreError(RuntimeError):
    """A store that cannot be used as asked; str() is one line naming the file and the cause."""


@contextmanager
def _errors(path: Path):
    """SQLite's errors (disk full, read-only, damaged pages) as one line naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: {_reason(exc)}") from exc


def _reason(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    hints = {
        "file is not a database": "not a SQLite database, so not a newsgraph store",
        "database disk image is malformed": "damaged (database disk image is malformed); rebuild the store "
        "with `newsgraph add` into a new folder",
        "database or disk is full": "the disk is full (database or disk is full)",
        "attempt to write a readonly database": "read-only: the store cannot be written here",
    }
    return hints.get(text, text)


class Store:
    """A folder with facts.sqlite in it; created on first use.

    Readers and writers may share it: writers (`writing`: `ingest`, `remove`) take their turn
    through a lock file, and a reader that must see one state (`export`) reads a `snapshot`."""

    def __init__(self, folder: str | os.PathLike, create: bool = True):
        self.folder = Path(folder)
        self.path = path = self.folder / FILE
        if self.folder.exists() and not self.folder.is_dir():
            raise StoreError(f"{self.folder}: not a folder (a store is a folder holding {FILE})")
        if not path.is_file():
            if not create or path.exists():
                raise StoreError(f"{self.folder}: not a newsgraph store (no {FILE}; `newsgraph add` makes one)")
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.folder}: cannot make the store ({exc.strerror or exc})") from None
        with _errors(path):
            self.db = sqlite3.connect(path, timeout=BUSY_SECONDS)
            try:
                tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if not tables:  # a new file (or one another process is making): all tables at once
                    self.db.executescript(f"BEGIN IMMEDIATE; {SCHEMA} COMMIT;")
                elif not {"texts", "files"} <= tables:
                    raise StoreError(f"{path}: a SQLite file, but not a newsgraph store (no texts and files tables)")
            except BaseException:
                self.db.close()
                raise
        self._wanted: set[str] = set()  # texts whose facts this session asked for and has not had yet
        self._committed = time.monotonic()
        self._writers = 0  # how deep `writing` is held

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- taking turns -----------------------------------------------------------------------
    @contextmanager
    def writing(self, waiting: Callable[[str], None] | None = None) -> Iterator["Store"]:
        """Hold the store's write lock (`DIR/.newsgraph-write.lock`): other writers wait their turn.
        `waiting` is told, in one line, when another holds it. The store is checked first: a damaged
        one is refused before anything is written to it."""
        if self._writers:
            self._writers += 1
            try:
                yield self
            finally:
                self._writers -= 1
            return
        try:
            fh = open(self.folder / LOCK, "a+")
        except OSError as exc:
            raise StoreError(f"{self.folder}: cannot write to the store ({exc.strerror or exc})") from None
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting(f"waiting for the store {self.folder}: another add or remove is writing to it")
                fcntl.flock(fh, fcntl.LOCK_EX)
            self._writers = 1
            try:
                self.check()
                yield self
            finally:
                self._writers = 0
                fcntl.flock(fh, fcntl.LOCK_UN)

    def check(self) -> None:
        """StoreError unless SQLite finds every page of the file sound (`PRAGMA quick_check`)."""
        with _errors(self.path):
            problems = [row[0] for row in self.db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise StoreError(
                f"{self.path}: damaged ({problems[0]}); rebuild the store with `newsgraph add` into a new folder"
            )

    @contextmanager
    def snapshot(self, folder: str | os.PathLike) -> Iterator["Store"]:
        """A copy of the store as it stands, in `folder`: one read transaction (SQLite's backup in a
        single step), so an `add` or `remove` running meanwhile is either wholly in it or not at all."""
        copy_path = Path(folder) / FILE
        with _errors(copy_path):
            copy = sqlite3.connect(copy_path)
            try:
                with _errors(self.path):
                    self.db.backup(copy)
            finally:
                copy.close()
        with Store(folder, create=False) as copy:
            copy.check()
            yield copy

    # --- writing ----------------------------------------------------------------------------
    def add_article(self, article: Article, digest: str) -> bool:
        """Record that a file holds a text; True when the text is new: the store neither holds its
        facts nor was asked for them already (they are wanted from the caller, by `put`).

        A file that now holds another text than before lets go of the old one (dropped when no
        other file holds it)."""
        with _errors(self.path):
            old = self.db.execute(
                "SELECT hash FROM files WHERE id = ? AND path = ?", (article.id, article.path)
            ).fetchone()
            if old is None or old[0] != digest:
                self.db.execute(
                    "INSERT OR REPLACE INTO files (id, path, hash) VALUES (?, ?, ?)", (article.id, article.path, digest)
                )
                if old is not None:
                    self._drop_orphans()
            if digest in self._wanted or self.db.execute("SELECT 1 FROM texts WHERE hash = ?", (digest,)).fetchone():
                return False
        self._wanted.add(digest)
        return True

    def put(self, digest: str, facts: ArticleFacts) -> None:
        """Keep a text's facts (committed at least every COMMIT_SECONDS, and by `commit`)."""
        data = json.dumps(facts.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with _errors(self.path):
            self.db.execute("INSERT OR REPLACE INTO texts (hash, facts) VALUES (?, ?)", (digest, data))
        self._wanted.discard(digest)
        if time.monotonic() - self._committed > COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        with _errors(self.path):
            self.db.commit()
        self._committed = time.monotonic()

    def remove(self, article_id: str) -> int:
        """Take out the files an article id names; returns how many there were (0: none).

        The id is an article's (`report-1f3a9c0b` where several articles are called "report"), or
        the name of files holding one text (a duplicate's name takes out that file only; the article
        stays while another file holds its text). A name that several articles share is refused
        (StoreError listing their ids): it would take out more than one article."""
        with self.writing(), _errors(self.path), self.db:
            held = {h for (h,) in self.db.execute("SELECT DISTINCT hash FROM files WHERE id = ?", (article_id,))}
            if len(held) > 1:
                ids = sorted(art_id for digest, (art_id, *_) in self._named().items() if digest in held)
                raise StoreError(
                    f"{article_id}: {len(held)} articles have this name ({', '.join(ids)}); "
                    "remove one of them by its id"
                )
            n = self.db.execute("DELETE FROM files WHERE id = ?", (article_id,)).rowcount
            if not held:  # an id made unique with its text's hash
                for digest, (art_id, name, _, _) in self._named().items():
                    if art_id == article_id:
                        n = self.db.execute("DELETE FROM files WHERE hash = ? AND id = ?", (digest, name)).rowcount
            self._drop_orphans()
        return n

    def _drop_orphans(self) -> None:
        self.db.execute("DELETE FROM texts WHERE hash NOT IN (SELECT hash FROM files)")

    # --- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM texts").fetchone()[0]

    def names_of(self, digest: str) -> tuple[tuple[str, str], list[str]] | None:
        """Of the files holding a text: the (id, path) the article is known by, and the other paths
        (None when no file holds it)."""
        names = self.db.execute("SELECT id, path FROM files WHERE hash = ?", (digest,)).fetchall()
        if not names:
            return None
        kept, _ = keep_first(names)
        return kept, [path for _, path in sorted(names) if path != kept[1]]

    def ids(self) -> list[str]:
        """Every article's id."""
        return sorted(art_id for art_id, *_ in self._named().values())

    def _named(self) -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
        """`article_ids` of every text whose facts the store holds."""
        texts: dict[str, list[tuple[str, str]]] = {}
        for digest, name, path in self.db.execute(
            "SELECT f.hash, f.id, f.path FROM files f JOIN texts t ON t.hash = f.hash"
        ):
            texts.setdefault(digest, []).append((name, path))
        return article_ids(texts)

    def articles(self) -> list[tuple[str, str, tuple[str, ...], str]]:
        """(id, path, duplicate names, hash) of every article, by id."""
        return sorted((art_id, path, others, digest) for digest, (art_id, _, path, others) in self._named().items())

    def __iter__(self) -> Iterator[ArticleFacts]:
        """Every article's facts, by id, read one at a time (the store can be iterated again)."""
        with _errors(self.path):
            articles = self.articles()
        for art_id, path, others, digest in articles:
            with _errors(self.path):
                row = self.db.execute("SELECT facts FROM texts WHERE hash = ?", (digest,)).fetchone()
            if row is None:  # removed meanwhile (`export` reads a snapshot, where this cannot happen)
                continue
            try:
                facts = ArticleFacts.from_dict(json.loads(row[0]))
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                raise StoreError(
                    f"{self.path}: the facts of article {art_id} are damaged ({type(exc).__name__}: "
                    f"{exc}); `newsgraph remove {art_id}` and add its file again".splitlines()[0]
                ) from None
            yield replace(facts, article=replace(facts.article, id=art_id, path=path, duplicates=others))
