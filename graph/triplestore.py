"""The persistent Oxigraph store behind `newsgraph serve` and `newsgraph query FOLDER`.

Made once from an export and reused while the export is unchanged: loading the 1.23 M triples of
bench/sparql_scale.py takes 7 s; opening the store again takes milliseconds. What a source is:

- a Turtle file (`out/graph.ttl`), or a build's output folder holding one: the store goes to
  `out/graph.oxigraph/` beside it;
- a newsgraph store folder (`facts.sqlite`, from `newsgraph add`): its merged graph is exported
  to `DIR/oxigraph/graph.ttl` (again only when the facts changed) and loaded into
  `DIR/oxigraph/store/`;
- an Oxigraph store folder (made by this module or by Oxigraph itself): opened as it is.

`source.json` in the store's folder records the Turtle file loaded (size, time, SHA-256), the
pyoxigraph version and the store format, so a changed export, a new pyoxigraph or a new
format loads afresh (into a new folder, swapped in whole: a store is never half loaded).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from .scratch import locked

FORMAT = 2  # how a store is made from an export; bump to reload every store (2: the export alone)
FACTS = "facts.sqlite"
TURTLE = "graph.ttl"


class SourceError(ValueError):
    """Not something a store can be made from (or not valid Turtle)."""


def is_oxigraph_store(folder: Path) -> bool:
    return (folder / "CURRENT").is_file() and (folder / "IDENTITY").is_file()  # RocksDB's own files


def default_location(source: str | os.PathLike) -> Path:
    """Where the store of `source` goes unless told: beside the export, or inside the facts store."""
    path = Path(source)
    if path.is_dir() and (path / FACTS).is_file():
        return path / "oxigraph"
    turtle = path / TURTLE if path.is_dir() else path
    return turtle.with_name(turtle.stem + ".oxigraph")


def prepare(
    source: str | os.PathLike, location: str | os.PathLike | None = None, log: Callable[[str], None] | None = None
) -> Path:
    """The folder of an Oxigraph store holding `source` (see the module's docstring), loaded now
    if it is missing or out of date. `location` is the folder to keep it in."""
    path = Path(source)
    if path.is_dir() and is_oxigraph_store(path):
        return path
    if path.is_dir() and not (path / FACTS).is_file() and not (path / TURTLE).is_file():
        raise SourceError(f"{path}: no {TURTLE} (a build's output), {FACTS} (a newsgraph store) or Oxigraph store here")
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    home = Path(location) if location is not None else default_location(path)
    home.mkdir(parents=True, exist_ok=True)
    with _locked(home):
        if path.is_dir() and (path / FACTS).is_file():
            turtle = _export_facts(path, home, log)
        else:
            turtle = path / TURTLE if path.is_dir() else path
        return _load(turtle, home, log)


def open_store(
    source: str | os.PathLike, location: str | os.PathLike | None = None, log: Callable[[str], None] | None = None
) -> ox.Store:
    """A read-only Oxigraph store of `source`, made or refreshed first when needed."""
    return ox.Store.read_only(str(prepare(source, location, log)))


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), "utf-8")
    os.replace(tmp, path)


def _export_facts(folder: Path, home: Path, log) -> Path:
    """The facts store's graph as Turtle in `home`, exported again only when facts.sqlite changed."""
    facts = [folder / FACTS] + [p for p in (folder / (FACTS + "-wal"),) if p.exists()]
    stamp = [_stamp(p) for p in facts]
    record = home / "facts.json"
    turtle = home / TURTLE
    if turtle.is_file() and _read_json(record).get("facts") == stamp:
        return turtle
    from .build import export
    from .store import Store

    if log:
        log(f"exporting {folder / FACTS} to {turtle}")
    with Store(folder, create=False) as store:
        report = export(store, home, formats=("ttl",))
    if not report.articles:
        raise SourceError(f"{folder}: the store holds no articles")
    _write_json(record, {"facts": stamp})
    return turtle


def _load(turtle: Path, home: Path, log) -> Path:
    """`home/store`, holding `turtle`; loaded afresh unless source.json matches."""
    if not turtle.is_file():
        raise SourceError(f"{turtle}: no such file")
    store_dir, record_file = home / "store", home / "source.json"
    record = _read_json(record_file)
    wanted = {"turtle": str(turtle.resolve()), "pyoxigraph": version("pyoxigraph"), "format": FORMAT}
    if store_dir.is_dir() and all(record.get(k) == v for k, v in wanted.items()):
        if record.get("stamp") == _stamp(turtle):
            return store_dir
        if record.get("sha256") == _sha256(turtle):  # touched, not changed
            _write_json(record_file, {**record, "stamp": _stamp(turtle)})
            return store_dir
    stamp, digest = _stamp(turtle), _sha256(turtle)
    if log:
        log(f"loading {turtle} into {store_dir}")
    fresh = home / "store.new"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        store = ox.Store(str(fresh))
        store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
        store.flush()
        store.optimize()
        del store  # closes RocksDB before the folder moves
    except SyntaxError as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SourceError(f"{turtle}: not valid Turtle: {exc}") from exc
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = home / "store.old"
    shutil.rmtree(old, ignore_errors=True)
    if store_dir.exists():
        os.replace(store_dir, old)
    os.replace(fresh, store_dir)
    shutil.rmtree(old, ignore_errors=True)
    _write_json(record_file, {**wanted, "stamp": stamp, "sha256": digest})
    return store_dir


def _locked(home: Path):
    """One process at a time makes or checks a store (two `serve`s started together load it once)."""
    return locked(home / ".lock")
