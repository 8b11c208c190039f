"""Checks of an output directory after a crash, process helpers for kill tests, and two runs'
outputs made comparable.

Used by tests/test_store_faults.py, test_flows.py, test_dask.py, bench/kill_ingest.py and
bench/bench_pipeline.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.schema import COLUMNS
from pipeline.store import CURRENT, DUCKDB_FILE, GENERATIONS_DIR, read_table

TAG_VARIABLE = "INDIKATOR_KILL_TEST_TAG"  # set in a run's environment: its worker processes inherit it
ORPHAN_WAIT_S = 10.0
WRITE_WAIT_S = 180.0  # how long a write-phase kill waits for the run's commit (a busy machine is slow)
RUN_COLUMNS = frozenset({"ingested_at", "seconds", "at", "source_path"})  # differ from run to run


def stable_table(out: Path, name: str, ignore: frozenset[str] = frozenset()) -> pd.DataFrame:
    """A committed table without its run-specific columns (and `ignore`), rows in a canonical
    order: two runs over the same input give equal frames."""
    df = read_table(out, name)
    df = df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS | ignore])
    return df.sort_values(list(df.columns)).reset_index(drop=True) if not df.empty else df


def table_counts(out: Path) -> dict[str, dict[str, int]]:
    """Rows per document of every table, after asserting that Parquet, CSV and DuckDB agree."""
    counts = {}
    with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
        for name in COLUMNS:
            parquet = pd.read_parquet(out / f"{name}.parquet")
            csv = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
            db = con.execute(f'SELECT * FROM "{name}"').df()
            assert len(parquet) == len(csv) == len(db), (name, len(parquet), len(csv), len(db))
            if "doc_id" in parquet:
                per_doc = parquet["doc_id"].value_counts().to_dict()
                assert (
                    per_doc == csv["doc_id"].value_counts().to_dict() == db["doc_id"].value_counts().to_dict()
                )
                counts[name] = per_doc
    docs = set(counts["documents"])
    for name, per_doc in counts.items():
        assert set(per_doc) <= docs, f"{name} holds rows of documents not in documents"
    return counts


def temporary_files(out: Path) -> list[Path]:
    """What a killed writer may leave: temporary files, unfinished or unswitched generations."""
    found = [*out.glob(".*.tmp"), out / f"{CURRENT}.tmp"]
    gens = out / GENERATIONS_DIR
    if gens.is_dir():
        current = (out / CURRENT).resolve()
        found += [
            g
            for g in gens.iterdir()
            if g.name.startswith(".") or (g.name.isdigit() and g.name > current.name)
        ]
    return [p for p in found if p.exists() or p.is_symlink()]


def writing(out: Path) -> bool:
    """True while a generation is being written and not yet switched to."""
    try:
        return bool(temporary_files(out))
    except OSError:  # a directory removed while listed
        return True


def tagged_processes(tag: str) -> list[int]:
    """Pids of live processes whose environment carries the kill-test tag."""
    import psutil

    pids = []
    for proc in psutil.process_iter(["pid"]):
        try:
            if proc.environ().get(TAG_VARIABLE) == tag and proc.status() != psutil.STATUS_ZOMBIE:
                pids.append(proc.pid)
        except (psutil.Error, OSError):
            continue
    return pids


def orphans_after(tag: str, wait_s: float = ORPHAN_WAIT_S) -> list[int]:
    """Tagged processes still alive after `wait_s` seconds (polls, returns as soon as none are left)."""
    deadline = time.monotonic() + wait_s
    while (left := tagged_processes(tag)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def kill_during(
    proc: subprocess.Popen,
    out: Path,
    rng: random.Random,
    write_phase: bool,
    span_s: float,
    nth_write: int = 1,
    write_wait_s: float = WRITE_WAIT_S,
) -> str:
    """SIGKILL `proc` at a random moment of its first `span_s` seconds, or (write_phase) at a random
    moment of its `nth_write` commit. Returns when it was killed: 'write', 'run' or 'finished'."""
    deadline = time.monotonic() + (write_wait_s if write_phase else rng.uniform(0.2, span_s))
    writes, was_writing = 0, False
    while time.monotonic() < deadline and proc.poll() is None:
        now_writing = write_phase and writing(out)
        writes += now_writing and not was_writing
        was_writing = now_writing
        if now_writing and writes >= nth_write:
            time.sleep(rng.uniform(0.0, 0.05))
            break
        time.sleep(0.005 if write_phase else 0.05)
    phase = "write" if writing(out) else "run"
    if proc.poll() is not None:
        return "finished"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return phase
