"""A real `distributed` cluster: `dask scheduler` and two `dask worker` processes on 127.0.0.1.

The ingest runs through the CLI (`indikator ingest --dask-address tcp://…`, no Prefect server
configured, so the library path) and as the Prefect flow (on the session's Prefect server), with
long documents split in 3-page extraction slices; both must give the same tables as the serial
library path, and the Dask workers never import Prefect. A document
over its timeout becomes a `failures` row and its worker is restarted by the nanny.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from daskcluster import DASK, free_port, start_cluster, stop_cluster
from storecheck import stable_table

from pipeline.ingest import ingest as serial_ingest
from pipeline.nlp import WORKER_GC_THRESHOLD
from pipeline.schema import PER_DOCUMENT
from pipeline.store import read_table

REPO = Path(__file__).resolve().parents[1]
FILES = ("seed_gertsik_2020.pdf", "kaluga_note.pdf", "truncated.pdf")  # 11 pages, 1 page, damaged
STOP_S = 20  # per signal, when stopping the cluster
CLUSTER_START_S = 120  # bounded waits: a busy 2-core machine imports slowly
CLI_TIMEOUT_S = 300
SLICE = "3"  # pages per extraction task, so the 11-page seed runs as 4 slices on both workers

pytestmark = [
    pytest.mark.skipif(not DASK.exists(), reason=f"no `dask` command next to {sys.executable}"),
    pytest.mark.slow,
]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory) -> Iterator[str]:
    """The address of a scheduler with two single-threaded workers (separate processes, cwd elsewhere)."""
    tmp = tmp_path_factory.mktemp("dask")
    address, procs = start_cluster(tmp, {**os.environ, "PYTHONPATH": str(REPO)}, wait_s=CLUSTER_START_S)
    try:
        yield address
    finally:
        stop_cluster(procs, STOP_S)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for name in FILES:
        shutil.copy(REPO / "fixtures" / "pdf" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def serial(inbox, tmp_path_factory) -> Path:
    """The serial library path's output for the inbox (the reference)."""
    out = tmp_path_factory.mktemp("serial")
    serial_ingest([inbox], out)
    return out


def _assert_same_tables(expected: Path, out: Path) -> None:
    for table in PER_DOCUMENT:
        serial, dask = (stable_table(d, table) for d in (expected, out))
        assert len(serial) == len(dask), table
        pd.testing.assert_frame_equal(serial, dask, check_dtype=False, obj=table)
    assert len(read_table(out, "figures")) > 40  # the seed's figures, really extracted
    assert read_table(out, "failures")["stage"].tolist() == ["parse"]  # truncated.pdf


def _workers_state(address: str) -> dict[str, tuple[bool, int]]:
    """Per worker: whether it imported Prefect, and how many times it loaded the NLP models."""
    from distributed import Client

    def state() -> tuple[bool, int]:
        from pipeline.nlp import models

        return "prefect" in sys.modules, models.cache_info().misses

    with Client(address, timeout=CLUSTER_START_S) as client:
        return client.run(state)


def test_workers_load_the_models_as_they_start(scheduler):
    """`dask worker --preload pipeline.dask_pool`: the models are loaded before any task (this test
    runs first on the module's cluster and submits none)."""
    deadline = time.monotonic() + CLUSTER_START_S
    while (states := _workers_state(scheduler)) and time.monotonic() < deadline:
        if all(loads == 1 for _, loads in states.values()):
            break
        time.sleep(0.5)
    assert len(states) == 2 and set(states.values()) == {(False, 1)}


def test_cli_on_dask_cluster_gives_the_serial_tables(scheduler, inbox, serial, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {
        "PYTHONPATH": str(REPO),
        "INDIKATOR_DASK_SLICE_PAGES": SLICE,
        "PREFECT_HOME": str(tmp_path / "pf"),
    }
    cli = [sys.executable, "-m", "pipeline.cli", "ingest", str(inbox), "--out", str(tmp_path / "dask")]
    run = subprocess.run(
        [*cli, "--dask-address", scheduler, "--allow-failures"],
        env=env,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Prefect" not in run.stdout  # no flow run, no server: the library path
    _assert_same_tables(serial, tmp_path / "dask")
    # Neither worker imported Prefect; each loaded the models at most once, and the slices ran there
    # (which worker takes which slice is the scheduler's choice: on a busy machine one may take all).
    states = _workers_state(scheduler)
    assert not any(prefect for prefect, _ in states.values()), states
    assert sorted(loads for _, loads in states.values())[-1] == 1, states


def test_flow_on_the_cluster_records_each_document_and_gives_the_serial_tables(
    scheduler, inbox, serial, tmp_path, prefect_server, monkeypatch
):
    """The Prefect flow (on the session's server) on the same cluster: one task run per document
    in the flow's process, the documents' work in the Dask workers."""
    import pipeline.dask_pool
    from flows.ingest import ingest

    monkeypatch.setattr(pipeline.dask_pool, "SLICE_PAGES", int(SLICE))
    summary = ingest([str(inbox)], str(tmp_path / "flow"), dask_address=scheduler, timeout=CLI_TIMEOUT_S)
    assert (summary.totals()["documents"], summary.totals()["failures"]) == (3, 1)
    _assert_same_tables(serial, tmp_path / "flow")
    assert _task_states("indikator-ingest") == {
        "seed_gertsik_2020.pdf": "COMPLETED",
        "kaluga_note.pdf": "COMPLETED",
        "truncated.pdf": "FAILED",
    }
    assert [prefect for prefect, _ in _workers_state(scheduler).values()] == [False, False]


def _task_states(flow_name: str) -> dict[str, str]:
    """Task run name → state of the latest run of the flow."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName, FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import FlowRunSort

    with get_client(sync_client=True) as client:
        flows = FlowFilter(name=FlowFilterName(any_=[flow_name]))
        (run,) = client.read_flow_runs(flow_filter=flows, sort=FlowRunSort.START_TIME_DESC, limit=1)
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
    return {t.name: t.state.type.value for t in runs}


def _long_document(pdf_dir: Path, folder: Path, copies: int = 8) -> Path:
    """The seed paper's 11 pages `copies` times over in one PDF: seconds of work on any machine."""
    import pypdfium2 as pdfium

    seed, long = pdfium.PdfDocument(pdf_dir / "seed_gertsik_2020.pdf"), pdfium.PdfDocument.new()
    for _ in range(copies):
        long.import_pages(seed)
    path = folder / "seed_times_8.pdf"
    long.save(path)
    return path


def test_document_over_its_timeout_is_a_failure_and_its_worker_restarts(scheduler, pdf_dir, tmp_path):
    from pipeline.dask_pool import DaskPool

    # One task for the whole document, and a document long enough not to end within the caller's
    # first poll (0.5 s) on warm workers: a document that finished is kept, overrun or not (the
    # seed alone, 11 pages, once ended within it).
    pool = DaskPool(scheduler, slice_pages=1000)
    try:
        started = time.monotonic()
        late = pool.run(_long_document(pdf_dir, tmp_path), timeout=0.2)
        assert (late.status, late.failure["stage"]) == ("failed", "timeout"), late.failure
        assert "Dask worker was restarted" in late.failure["message"]
        assert time.monotonic() - started < CLUSTER_START_S
        pool.client.wait_for_workers(2, timeout=CLUSTER_START_S)
        ok = pool.run(pdf_dir / "kaluga_note.pdf", timeout=CLI_TIMEOUT_S)
        assert ok.status == "ok" and ok.count("figures") > 0
        assert ok.worker["model_loads"] == 1 and ok.worker["frozen_objects"] > 10_000  # models out of gc
        assert ok.worker["gc_threshold"] == WORKER_GC_THRESHOLD
        assert ok.worker["malloc_retuned"] is True  # the nanny's MALLOC_TRIM_THRESHOLD_ undone
    finally:
        pool.close()


def test_no_scheduler_makes_failures_rows_not_a_crash(tmp_path, pdf_dir, monkeypatch):
    import pipeline.dask_pool
    from pipeline.runs import run_local

    monkeypatch.setattr(pipeline.dask_pool, "CONNECT_TIMEOUT_S", 2)
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    summary = run_local([pdf_dir / "kaluga_note.pdf"], tmp_path / "out", dask_address=address)
    (result,) = summary.results
    assert (result.status, result.failure["stage"]) == ("failed", "worker")
    assert address in result.failure["message"]
    assert read_table(tmp_path / "out", "failures")["error_type"].tolist() == ["ClusterUnavailable"]


ORPHAN_WAIT_S = 60  # a SIGTERMed scheduler and nanny shut down gracefully on a busy machine
STARTER = """
import os, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from daskcluster import start_cluster
address, procs = start_cluster(Path({work!r}), dict(os.environ), workers=1, wait_s={wait})
print(" ".join(str(p.pid) for p in procs), flush=True)
import time
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split()[2] == "Z")  # a zombie has ended


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_the_cluster_ends_when_the_process_that_started_it_is_killed(tmp_path):
    """A test or bench run killed from outside (no `finally` runs) leaves no dask processes behind."""
    script = STARTER.format(tests=str(REPO / "tests"), work=str(tmp_path), wait=CLUSTER_START_S)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    starter = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in starter.stdout.readline().split()]
    finally:
        starter.kill()
        starter.wait()
    assert len(pids) == 2  # the scheduler and the worker's nanny
    deadline = time.monotonic() + ORPHAN_WAIT_S
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not [p for p in pids if _alive(p)]
