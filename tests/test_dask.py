"""A real `distributed` cluster: `dask scheduler` and two `dask worker` processes on 127.0.0.1.

The ingest runs through the CLI (`indikator ingest --dask-address tcp://…`, no Prefect server
configured, so the library path) with long documents split in 3-page extraction slices, and must
give the same tables as the serial library path; the Dask workers never import Prefect. A document
over its timeout becomes a `failures` row and its worker is restarted by the nanny.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from pipeline.ingest import ingest as serial_ingest
from pipeline.store import read_table

REPO = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).with_name("dask")
FILES = ("seed_gertsik_2020.pdf", "kaluga_note.pdf", "truncated.pdf")  # 11 pages, 1 page, damaged
TABLES = (
    "documents",
    "pages",
    "figures",
    "dates",
    "mentions",
    "clusters",
    "tables",
    "table_cells",
    "failures",
)
VOLATILE = {"ingested_at", "seconds", "at", "source_path", "source_paths"}
CLUSTER_START_S = 120  # bounded waits: a busy 2-core machine imports slowly
STOP_S = 20
CLI_TIMEOUT_S = 300
SLICE = "3"  # pages per extraction task, so the 11-page seed runs as 4 slices on both workers

pytestmark = pytest.mark.skipif(not DASK.exists(), reason=f"no `dask` command next to {sys.executable}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str], cwd: Path, log: Path) -> subprocess.Popen:
    """A dask process in its own session (so its nanny's worker ends with it), logging to `log`."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(DASK), *args], cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group we started, SIGKILL after a bounded wait."""
    for sig, wait_s in ((signal.SIGTERM, STOP_S), (signal.SIGKILL, STOP_S)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(wait_s)
            break
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory) -> Iterator[str]:
    """The address of a scheduler with two single-threaded workers (separate processes, cwd elsewhere)."""
    from distributed import Client

    tmp = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    procs = [
        _start(
            ["scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
            tmp,
            tmp / "scheduler.log",
        )
    ]
    try:
        for i in (1, 2):
            worker = [
                "worker",
                address,
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
                "--name",
                f"w{i}",
            ]
            procs.append(_start(worker, tmp, tmp / f"worker{i}.log"))
        with Client(address, timeout=CLUSTER_START_S) as client:
            client.wait_for_workers(2, timeout=CLUSTER_START_S)
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


@pytest.fixture
def inbox(tmp_path, pdf_dir) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in FILES:
        shutil.copy(pdf_dir / name, folder / name)
    return folder


def _stable(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns=[c for c in df.columns if c in VOLATILE])
    return df.sort_values(list(df.columns)).reset_index(drop=True) if not df.empty else df


def _workers_state(address: str) -> dict[str, tuple[bool, int]]:
    """Per worker: whether it imported Prefect, and how many times it loaded the NLP models."""
    from distributed import Client

    def state() -> tuple[bool, int]:
        from pipeline.nlp import models

        return "prefect" in sys.modules, models.cache_info().misses

    with Client(address, timeout=CLUSTER_START_S) as client:
        return client.run(state)


def test_cli_on_dask_cluster_gives_the_serial_tables(scheduler, inbox, tmp_path):
    serial_ingest([inbox], tmp_path / "serial")
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
    for table in TABLES:
        serial, dask = (_stable(read_table(tmp_path / d, table)) for d in ("serial", "dask"))
        assert len(serial) == len(dask), table
        pd.testing.assert_frame_equal(serial, dask, check_dtype=False, obj=table)
    assert len(read_table(tmp_path / "dask", "figures")) > 40  # the seed's figures, really extracted
    assert read_table(tmp_path / "dask", "failures")["stage"].tolist() == ["parse"]  # truncated.pdf
    states = _workers_state(scheduler)  # both extracted (the seed's slices); neither imported Prefect
    assert list(states.values()) == [(False, 1), (False, 1)], states


def test_document_over_its_timeout_is_a_failure_and_its_worker_restarts(scheduler, pdf_dir):
    from pipeline.dask_pool import DaskPool

    pool = DaskPool(scheduler, slice_pages=3)
    try:
        started = time.monotonic()
        late = pool.run(pdf_dir / "seed_gertsik_2020.pdf", timeout=0.2)
        assert (late.status, late.failure["stage"]) == ("failed", "timeout"), late.failure
        assert "Dask worker was restarted" in late.failure["message"]
        assert time.monotonic() - started < CLUSTER_START_S
        pool.client.wait_for_workers(2, timeout=CLUSTER_START_S)
        ok = pool.run(pdf_dir / "kaluga_note.pdf", timeout=CLI_TIMEOUT_S)
        assert ok.status == "ok" and ok.count("figures") > 0
    finally:
        pool.close()


def test_no_scheduler_makes_failures_rows_not_a_crash(tmp_path, pdf_dir, monkeypatch):
    import pipeline.dask_pool
    from pipeline.runs import run_local

    monkeypatch.setattr(pipeline.dask_pool, "CONNECT_TIMEOUT_S", 2)
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    summary = run_local([pdf_dir / "kaluga_note.pdf"], tmp_path / "out", dask_address=address)
    (result,) = summary.results
    assert (result.status, result.failure["stage"]) == ("failed", "worker")
    assert address in result.failure["message"]
    assert read_table(tmp_path / "out", "failures")["error_type"].tolist() == ["ClusterUnavailable"]
