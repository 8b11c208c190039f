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
from storecheck import TAG_VARIABLE, kill_during, orphans_after, table_counts, temporary_files

from pipeline.config import pipeline_version
from pipeline.generations import recover_at_start
from pipeline.runs import plan_batch, run_local
from pipeline.store import DUCKDB_FILE, locked, read_table

N_DOCS, N_FIGURES = 10, 10_000
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
    for _ in range(4):
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
        gens = {int(g.removeprefix("gen")) for name in TABLES for g in _generations(out, name)}
        assert len(gens) == 1 and last <= gens.pop() <= last + 1  # one commit in every table and format
        k = last + 2
    assert _writes_clean_up(out)


def _writes_clean_up(out: Path) -> bool:
    """The next start removes what a killed writer left."""
    with locked(out):
        return not temporary_files(out)


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
            [str(cli), "ingest", str(inbox), "--out", str(out), "--allow-failures"],
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


# One ingest run in its own process; prints each document once it is committed.
RUN = """
import sys
from pipeline.runs import plan_batch, run_local
run_local(sys.argv[2:], sys.argv[1], on_result=lambda r: print("committed", r.source_path, flush=True))
"""
THREE = ("kaluga_note.pdf", "two_column.pdf", "script_injection.pdf")


def _inbox(tmp_path: Path, pdf_dir: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in THREE:
        shutil.copy(pdf_dir / name, inbox / name)
    return inbox


def _start(inbox: Path, out: Path, tag: str, version: str) -> subprocess.Popen:
    env = {**os.environ, TAG_VARIABLE: tag, "INDIKATOR_PIPELINE_VERSION": version}
    return subprocess.Popen(
        [sys.executable, "-c", RUN, str(out), str(inbox)], stdout=subprocess.PIPE, text=True, env=env
    )


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_run_keeps_each_finished_document(tmp_path, pdf_dir, sig):
    inbox, out, tag = _inbox(tmp_path, pdf_dir), tmp_path / "out", f"keep-{sig}-{os.getpid()}"
    run = _start(inbox, out, tag, pipeline_version())
    first = run.stdout.readline().split(" ", 1)[1].strip()  # one document committed, two to go
    run.send_signal(sig)
    rest = run.communicate(timeout=60)[0]
    # On a busy machine a second document may commit before the signal lands: it is kept too.
    printed = {first} | {line.split(" ", 1)[1] for line in rest.splitlines() if line.startswith("committed ")}
    assert not orphans_after(tag)
    counts = table_counts(out)  # every format agrees
    stored = set(read_table(out, "documents")["source_path"])
    assert printed <= stored and len(stored) <= len(printed) + 1
    # Unless the signal landed after the last commit (a very busy machine), the run stopped early.
    assert len(stored) < len(THREE) or len(printed) == len(THREE)
    assert counts["pages"] == dict.fromkeys(counts["documents"], 1)
    assert all(counts["figures"].get(doc_id, 0) > 0 for doc_id in counts["documents"])
    rerun = plan_batch([inbox], out)  # what a re-run does (the kill test below runs one to the end)
    assert sorted(p.name for p in rerun.pending) == sorted(set(THREE) - {Path(s).name for s in stored})


@pytest.mark.slow
def test_sigkill_at_random_moments_never_mixes_tables(tmp_path, pdf_dir):
    """A previous complete run, then runs of a new pipeline version killed at random moments (half of
    them while a generation is written): every table in every format holds one commit, rows of a
    document are all there or none, nothing is left behind after the next start, no orphans."""
    inbox, out, rng = _inbox(tmp_path, pdf_dir), tmp_path / "out", random.Random(11)
    run_local([inbox], out, timeout=120)
    reference = table_counts(out)
    phases = []
    for i in range(3):
        tag = f"kill-{i}-{os.getpid()}"
        run = _start(inbox, out, tag, f"{pipeline_version()}-next")
        phases.append(kill_during(run, out, rng, write_phase=i > 0, span_s=8.0, nth_write=i))
        run.stdout.close()
        assert not orphans_after(tag), "worker processes outlived their killed run"
        counts = table_counts(out)
        for name, per_doc in counts.items():
            assert per_doc == {d: n for d, n in reference[name].items() if d in per_doc}, name
        assert set(counts["documents"]) == set(reference["documents"])
        with locked(out):  # the next start
            assert not temporary_files(out)
    os.environ["INDIKATOR_PIPELINE_VERSION"], old = f"{pipeline_version()}-next", pipeline_version()
    try:
        run_local([inbox], out, timeout=120)
    finally:
        os.environ["INDIKATOR_PIPELINE_VERSION"] = old
    assert table_counts(out) == reference
    assert set(read_table(out, "documents")["pipeline_version"]) == {f"{old}-next"}
    assert "write" in phases or "finished" in phases, phases


def test_a_directory_written_before_generations_becomes_generation_one(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    docs = pd.DataFrame(
        {
            "doc_id": ["d1"],
            "file_name": ["a.pdf"],
            "source_path": ["/a.pdf"],
            "status": ["ok"],
            "pipeline_version": ["v"],
            "ingested_at": ["t"],
        }
    )
    docs.to_parquet(out / "documents.parquet")
    docs.to_csv(out / "documents.csv", index=False)
    (out / DUCKDB_FILE).write_bytes(b"")
    recover_at_start(out)  # a run's start (no pandas) leaves it readable as it is
    assert read_table(out, "documents")["doc_id"].tolist() == ["d1"]
    with locked(out):  # the store's writer lock migrates it before the first write
        pass
    assert (out / "documents.parquet").is_symlink() and (out / DUCKDB_FILE).is_symlink()
    assert read_table(out, "documents")["doc_id"].tolist() == ["d1"]
    assert table_counts(out)["documents"] == {"d1": 1}


def test_rows_that_cannot_be_stored_fail_only_their_document(tmp_path, pdf_dir):
    from pipeline.catalog import DocResult
    from pipeline.ingest import commit_results

    good, bad = pdf_dir / "kaluga_note.pdf", pdf_dir / "two_column.pdf"
    rows = {}
    for path, qualifier in ((good, "="), (bad, "about")):  # "about" is no qualifier of the contract
        doc = {
            "doc_id": path.stem,
            "file_name": path.name,
            "source_path": str(path),
            "status": "ok",
            "pipeline_version": "v",
            "ingested_at": "t",
        }
        figure = {
            "figure_id": f"f-{path.stem}",
            "doc_id": path.stem,
            "page": 1,
            "char_start": 0,
            "char_end": 2,
            "quote": "5 %",
            "value": 5.0,
            "unit_mult": 0,
            "value_scaled": 5.0,
            "qualifier": qualifier,
        }
        rows[path] = DocResult(str(path), path.stem, "ok", 1.0, {"documents": [doc], "figures": [figure]})
    commit_results(tmp_path / "out", list(rows.values()))
    stored = read_table(tmp_path / "out", "documents").set_index("file_name")["status"].to_dict()
    assert stored == {"kaluga_note.pdf": "ok", "two_column.pdf": "failed"}
    failure = read_table(tmp_path / "out", "failures").iloc[0]
    assert (failure["stage"], failure["source_path"]) == ("write", str(bad))
    assert read_table(tmp_path / "out", "figures")["doc_id"].tolist() == ["kaluga_note"]


def test_a_slow_commit_spaces_the_next_ones_out(tmp_path, monkeypatch):
    """A commit rewrites every table: once one takes a while (a big store), the next comes after
    1 / COMMIT_SHARE times its duration instead of every COMMIT_EVERY_S; a final commit is at once."""
    import pipeline.ingest
    import pipeline.runs as runs

    committed: list[list[str]] = []

    def slow_commit(out, batch, aliases):
        time.sleep(0.2)
        committed.append(list(batch))

    monkeypatch.setattr(pipeline.ingest, "commit_results", slow_commit)
    monkeypatch.setattr(runs, "COMMIT_EVERY_S", 0.05)
    commits = runs._Commits(tmp_path, {}, None)
    commits.add(["a.pdf"], final=False)  # the first at once, its duration not counted (imports)
    assert commits.wait_s() is None
    time.sleep(0.1)
    commits.add(["b.pdf"], final=False)  # COMMIT_EVERY_S after the first
    commits.add(["c.pdf"], final=False)  # due 0.2 / COMMIT_SHARE = 1 s after the second, not 0.05 s
    assert committed == [["a.pdf"], ["b.pdf"]]
    assert 0.5 < commits.wait_s() < 2 * 0.2 / runs.COMMIT_SHARE  # the sleep may overrun a little
    commits.add([], final=True)
    assert committed == [["a.pdf"], ["b.pdf"], ["c.pdf"]]
