"""The layout of an output directory and its writer lock, without pandas or a PDF library.

`out/.generations/NNNNNNNN/` holds one commit (every table in every format), `out/current` is the
symlink to the committed one and `out/<table>.<ext>` are symlinks into `current/` (see
`pipeline.store`). `locked` is the writer lock; the first acquisition in a process `recover`s the
directory from a killed writer: temporary files and directories and generations written but never
switched to are removed, old generations pruned, the user paths made symlinks into `current`.
Cheap enough for the start of every run, even one with nothing to do.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

DUCKDB_FILE = "indikator.duckdb"
LOCK_FILE = ".indikator.lock"
LOCK_TIMEOUT_S = 600
GENERATIONS_DIR = ".generations"
CURRENT = "current"
MANIFEST = "MANIFEST.json"
KEEP_GENERATIONS = 3  # the current one and two before it (readers that resolved them just now)
TABLE_SUFFIXES = (".parquet", ".csv")
GEN_DIGITS = 8

_locks: dict[str, FileLock] = {}
_locks_guard = threading.Lock()


def file_mode() -> int:
    """Mode of a new output file under the process umask (0644 under the usual 022)."""
    try:
        with open("/proc/self/status") as fh:
            umask = next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError):
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


def _lock(out: Path) -> FileLock:
    """One lock object per directory and process: re-entrant in a thread, exclusive across threads."""
    key = str(out.resolve())
    with _locks_guard:
        if key not in _locks:
            _locks[key] = FileLock(key + os.sep + LOCK_FILE, timeout=LOCK_TIMEOUT_S, mode=file_mode())
        return _locks[key]


@contextmanager
def locked(out: Path | str, on_legacy: Callable[[Path], None] | None = None):
    """Hold the output directory's writer lock (re-entrant; blocks while another run writes).

    The first acquisition recovers the directory from a writer that was killed (see `recover`);
    `on_legacy` (the store's migration) turns a directory written before generations into one."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    with lock:
        if lock.lock_counter == 1:
            recover(out, on_legacy)
        yield


def recover_at_start(out: Path | str) -> None:
    """What a run does first: recover an existing output directory from a killed writer."""
    if Path(out).is_dir():
        with locked(out):
            pass


def recover(out: Path, on_legacy: Callable[[Path], None] | None = None) -> None:
    """Roll back a killed writer: temporary files, unfinished and uncommitted generations; prune.
    A directory written before generations stays readable as it is until `on_legacy` migrates it."""
    for stale in out.glob(".*.tmp"):
        stale.unlink(missing_ok=True)
    (out / f"{CURRENT}.tmp").unlink(missing_ok=True)
    gens = out / GENERATIONS_DIR
    if not gens.is_dir():
        if on_legacy and any(p.is_file() and not p.is_symlink() for p in out.glob("*.parquet")):
            on_legacy(out)
        return
    current = current_dir(out)
    keep = generation_number(current) if current else 0
    for entry in gens.iterdir():
        number = generation_number(entry)
        if number is None or number > keep or number <= keep - KEEP_GENERATIONS:
            shutil.rmtree(entry, ignore_errors=True)
    _link_tables(out)


def current_dir(out: Path | str) -> Path | None:
    """The committed generation's directory (None before the first commit)."""
    link = Path(out) / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    path = (link.parent / target).resolve()
    return path if path.is_dir() else None


def generation_number(path: Path) -> int | None:
    return int(path.name) if path.name.isdigit() else None


def table_path(out: Path | str, name: str, suffix: str = "parquet") -> Path:
    """The committed file of a table (a legacy single file when the directory predates generations)."""
    gen = current_dir(out)
    return (gen if gen else Path(out)) / f"{name}.{suffix}"


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def switch(out: Path, gen: Path) -> None:
    """The commit: point `current` at `gen` with one atomic rename."""
    tmp = out / f"{CURRENT}.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(gen, out), tmp)
    os.replace(tmp, out / CURRENT)
    fsync_dir(out)


def _link_tables(out: Path) -> None:
    """User paths `out/<table>.<ext>` as symlinks into `current` (replacing legacy files)."""
    gen = current_dir(out)
    if gen is None:
        return
    names = [p.name for p in gen.iterdir() if p.suffix in TABLE_SUFFIXES] + [DUCKDB_FILE]
    for name in sorted(names):
        path, target = out / name, f"{CURRENT}/{name}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        tmp = out / f".{name}.link.tmp"
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        os.replace(tmp, path)
