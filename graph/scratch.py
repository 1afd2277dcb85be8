"""Scratch folders (the build's temporary store, the merge's tables) that no crash leaves behind,
and the file lock they and the output folders use.

A scratch folder holds a lock file that its process keeps locked while it lives. The kernel lets
go of the lock when the process ends, however it ends (`kill -9` included), so the next run finds
the folders nobody holds and removes them before making its own. The lock file is locked before
it takes its name, so a folder is never seen unlocked while its process still uses it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK = ".newsgraph-scratch.lock"
PREFIX = "newsgraph-"


@contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_file` (made if missing) for the block: one process at a time."""
    with open(lock_file, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def sweep(parent: str | os.PathLike | None = None) -> list[Path]:
    """Remove the scratch folders in `parent` (the temporary folder) whose process has ended; returns them."""
    gone = []
    for folder in Path(parent or tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            fh = open(folder / LOCK, "r")
        except OSError:  # not a scratch folder of ours, or not readable: leave it
            continue
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # its process is alive
                continue
            shutil.rmtree(folder, ignore_errors=True)
            gone.append(folder)
    return gone


@contextmanager
def scratch(kind: str, parent: str | os.PathLike | None = None) -> Iterator[Path]:
    """A new folder `newsgraph-KIND-*` in the temporary folder (or `parent`), removed when the block
    ends, or by the next run's `sweep` if this process is killed first."""
    sweep(parent)
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-", dir=parent))
    try:
        fh = open(folder / (LOCK + ".new"), "w")
        fcntl.flock(fh, fcntl.LOCK_EX)
        os.rename(folder / (LOCK + ".new"), folder / LOCK)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        fh.close()
