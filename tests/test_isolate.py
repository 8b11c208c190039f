"""Worker processes forked from one warm fork server: shared load, same limits, no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pipeline.isolate import Pool

ROOT = Path(__file__).resolve().parents[1]
PDFS = ROOT / "fixtures" / "pdf"
GONE_WITHIN_S = 10.0  # two watchdog periods (server, then its workers) and slack for a busy machine


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture()
def pool():
    workers = Pool()
    yield workers
    workers.close()


def test_two_workers_are_forked_from_one_server_that_loaded_the_models(pool):
    """Two documents at once: two workers, both children of the pool's one fork server, which
    loaded the models once; the workers did not load them again."""
    docs = [PDFS / "kaluga_note.pdf", PDFS / "two_column.pdf"]
    barrier = threading.Barrier(2)

    def run(path: Path):
        barrier.wait()
        return pool.run(path, timeout=120)

    with ThreadPoolExecutor(2) as threads:
        results = list(threads.map(run, docs))
    assert [r.status for r in results] == ["ok", "ok"]
    server = pool._server
    pids = {r.worker["pid"] for r in results}
    assert len(pids) == 2 and server.proc.pid not in pids
    assert {_parent(pid) for pid in pids} == {server.proc.pid}
    assert server.info["model_loads"] == 1
    assert {r.worker["model_loads"] for r in results} == {1}  # inherited, not loaded again


def test_a_worker_killed_by_a_signal_is_a_crash_row_with_its_exit_code(pool):
    """The fork server reaps its workers, so a crash still reports how the worker ended."""
    assert pool.run(PDFS / "kaluga_note.pdf", timeout=120).status == "ok"
    worker = pool._idle[0]
    timer = threading.Timer(0.3, os.kill, (worker.pid, signal.SIGSEGV))
    timer.start()
    result = pool.run(PDFS / "seed_gertsik_2020.pdf", timeout=120)  # 11 pages: seconds of work
    timer.join()
    if result.status == "ok":
        pytest.skip("the document finished before the signal")
    assert result.failure["stage"] == "crash"
    assert "exit code -11" in result.failure["message"]
    assert pool.run(PDFS / "kaluga_note.pdf", timeout=120).status == "ok"  # a new worker is forked


OWNER = """
import sys, time
from pipeline.isolate import Pool
pool = Pool()
result = pool.run(sys.argv[1], timeout=120)
print(pool._server.proc.pid, result.worker["pid"], flush=True)
time.sleep(600)
"""


def test_killed_owner_leaves_neither_server_nor_workers():
    """SIGKILL the process that owns the pool: the server kills its workers and exits."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", OWNER, str(PDFS / "kaluga_note.pdf")]
    owner = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    try:
        server, worker = map(int, owner.stdout.readline().split())
        assert _alive(server) and _alive(worker)
    finally:
        owner.kill()
        owner.wait()
    deadline = time.monotonic() + GONE_WITHIN_S
    while (_alive(server) or _alive(worker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(server) and not _alive(worker)
