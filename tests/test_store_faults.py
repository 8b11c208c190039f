"""Output-store faults: writers killed mid-write, and two `indikator ingest` runs at the same time."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.store import DUCKDB_FILE, read_table

N_DOCS, N_FIGURES = 10, 30_000
TABLES = {"documents": N_DOCS, "figures": N_FIGURES}

# Writes generation k, k+1, ... forever: every row of every table carries its generation number.
WRITER = """
import sys
import pandas as pd
from pipeline.store import write_batch
out, k, n_docs, n_figures = sys.argv[1], *map(int, sys.argv[2:])
ids = [f"d{i:02d}" for i in range(n_docs)]
while True:
    docs = pd.DataFrame({"doc_id": ids, "file_name": "f.pdf", "source_path": ids, "status": "ok",
                         "title": f"gen{k}", "pipeline_version": "v", "ingested_at": "t"})
    figs = pd.DataFrame({"figure_id": [f"x{i}" for i in range(n_figures)],
                         "doc_id": [ids[i % n_docs] for i in range(n_figures)], "page": 1,
                         "char_start": 0, "char_end": 1, "quote": f"gen{k}", "value": 1.0,
                         "unit_mult": 0, "value_scaled": 1.0})
    write_batch(out, {"documents": docs, "figures": figs}, ids)
    print(k, flush=True)
    k += 1
"""


def _generations(out: Path, name: str) -> set[str]:
    """The generation(s) a table holds in each format; asserts each is complete and readable."""
    column = {"documents": "title", "figures": "quote"}[name]
    frames = [pd.read_parquet(out / f"{name}.parquet"), pd.read_csv(out / f"{name}.csv")]
    with duckdb.connect(str(out / DUCKDB_FILE), read_only=True) as con:
        frames.append(con.execute(f"SELECT * FROM {name}").df())
    found = set()
    for df in frames:
        assert len(df) == TABLES[name] and df[column].nunique() == 1
        found.add(df[column].iloc[0])
    return found


@pytest.mark.slow
def test_sigkill_mid_write_leaves_complete_tables(tmp_path):
    rng, out, k = random.Random(7), tmp_path / "out", 0
    for _ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(out), str(k), str(N_DOCS), str(N_FIGURES)],
            stdout=subprocess.PIPE,
        )
        first = int(proc.stdout.readline())  # at least one full generation on disk
        time.sleep(rng.uniform(0.0, 1.5))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        last = max([first, *map(int, proc.stdout.read().split() or [first])])
        proc.stdout.close()
        for name in TABLES:
            gens = {int(g.removeprefix("gen")) for g in _generations(out, name)}
            assert all(0 <= g <= last + 1 for g in gens), (name, gens, last)
        k = last + 2
    assert _writes_clean_up(out)


def _writes_clean_up(out: Path) -> bool:
    """A later writer removes temporary files left by a killed one."""
    from pipeline.store import write_batch

    write_batch(out, {"documents": read_table(out, "documents")}, [])
    return not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_two_ingest_runs_at_once_store_each_document_once(tmp_path, pdf_dir, prefect_server):
    from prefect.settings import PREFECT_API_URL

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for name in ("kaluga_note.pdf", "script_injection.pdf", "truncated.pdf"):
        shutil.copy(pdf_dir / name, inbox / name)
    cli = Path(sys.executable).with_name("indikator")
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}  # the test's server, no ephemeral one
    runs = [
        subprocess.Popen(
            [str(cli), "ingest", str(inbox), "--out", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    for run in runs:
        output = run.communicate(timeout=600)[0]
        assert run.returncode == 0, output[-3000:]
    docs = read_table(out, "documents")
    assert len(docs) == 3 and docs["doc_id"].is_unique
    assert len(read_table(out, "failures")) == 1
    pages = read_table(out, "pages")
    assert not pages.duplicated(["doc_id", "page"]).any()
