"""Output tables in `extracted/`: Parquet + CSV per table and one DuckDB file, written atomically.

A batch is merged into what is there under a file lock (one writer at a time): rows of the
batch's documents replace their old rows, everything else is kept. Each file is written to a
temporary name and renamed into place; the DuckDB tables change in one transaction. A run
killed mid-write leaves every table either as it was or as it should be, never half-written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
from filelock import FileLock

from pipeline.schema import COLUMNS, PER_DOCUMENT, conform
from pipeline.views import VIEWS

DUCKDB_FILE = "indikator.duckdb"
LOCK_FILE = ".indikator.lock"
LOCK_TIMEOUT_S = 600



@contextmanager
def locked(out: Path):
    """Hold the output directory's writer lock (blocks while another run writes)."""
    out.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out / LOCK_FILE), timeout=LOCK_TIMEOUT_S):
        for stale in out.glob(".*.tmp"):  # left by a writer that was killed mid-write
            stale.unlink(missing_ok=True)
        yield


def read_table(out: Path | str, name: str) -> pd.DataFrame:
    """A table as written (empty frame with the contract's columns when absent)."""
    path = Path(out) / f"{name}.parquet"
    if not path.exists():
        return conform(name, None)
    return conform(name, pd.read_parquet(path))


def write_batch(
    out: Path | str,
    batch: Mapping[str, pd.DataFrame],
    doc_ids: Iterable[str],
    source_paths: Iterable[str] = (),
) -> None:
    """Merge a batch into the tables: replace rows of `doc_ids` and of older versions of the files
    at `source_paths` (a changed file gets a new doc_id), then append the batch's rows."""
    out = Path(out)
    doc_ids = set(doc_ids)
    with locked(out):
        doc_ids |= _ids_at_paths(out, set(source_paths))
        merged = {name: _merge(out, name, batch.get(name), doc_ids) for name in _names_to_write(batch)}
        # review step (pipeline/review): republish with review_status, refresh the reviewed/ export
        from pipeline.review.decisions import apply_stored_reviews, export_if_reviewed

        merged = apply_stored_reviews(out, merged)
        write_tables(out, merged)
        export_if_reviewed(out)


def write_tables(out: Path, frames: Mapping[str, pd.DataFrame]) -> None:
    """Write whole tables (Parquet, CSV, DuckDB) atomically; the caller holds the lock."""
    frames = {name: conform(name, df) for name, df in frames.items()}
    for name, df in frames.items():
        atomic_write(out / f"{name}.parquet", lambda p, df=df: df.to_parquet(p, index=False))
        atomic_write(out / f"{name}.csv", lambda p, df=df: df.to_csv(p, index=False))
    _write_duckdb(out / DUCKDB_FILE, frames)


def _ids_at_paths(out: Path, source_paths: set[str]) -> set[str]:
    if not source_paths:
        return set()
    docs = read_table(out, "documents")
    return set(docs.loc[docs["source_path"].isin(source_paths), "doc_id"])


def _names_to_write(batch: Mapping[str, pd.DataFrame]) -> list[str]:
    return [name for name in COLUMNS if name in batch or name in PER_DOCUMENT]


def _merge(out: Path, name: str, new: pd.DataFrame | None, doc_ids: set[str]) -> pd.DataFrame:
    old = read_table(out, name)
    if name in PER_DOCUMENT and not old.empty:
        old = old[~old["doc_id"].isin(doc_ids)]
    if name == "failures" and not old.empty and new is not None and not new.empty:
        old = old[~old["source_path"].isin(set(new["source_path"]))]
    if new is None or new.empty:
        return old
    return pd.concat([old, conform(name, new)], ignore_index=True) if not old.empty else conform(name, new)


def atomic_write(path: Path, write) -> None:
    """Write via a temporary file in the same directory, fsync, then rename over the target."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def _write_duckdb(path: Path, frames: Mapping[str, pd.DataFrame]) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN TRANSACTION")
        for name, df in frames.items():
            con.register("frame", df)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM frame')
            con.unregister("frame")
        for name, (needs, sql) in VIEWS.items():
            if needs <= _tables(con):
                con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
