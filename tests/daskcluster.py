"""A real `distributed` cluster for tests and benches: a `dask scheduler` and `dask worker`
processes on 127.0.0.1 (one single-threaded worker each), as a user would start them across
machines. Used by tests/test_dask.py and bench/bench_pipeline.py. The processes get the
environment the README recommends (`pipeline.dask_pool.lean_environ`: Dask's own periodic work
made coarse), on top of the caller's.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from pipeline.net import ends_with_parent

DASK = Path(sys.executable).with_name("dask")
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _start(args: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    """A dask process in its own session (so its nanny's worker ends with it), logging to `log`,
    ending with the process that started it."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(DASK), *args],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=ends_with_parent(),
        )


def start_cluster(
    work: Path, env: dict[str, str], *, workers: int = 2, wait_s: float
) -> tuple[str, list[subprocess.Popen]]:
    """The scheduler's address and the processes (scheduler first), once `workers` have joined
    within `wait_s`; logs go to `work`. The processes are stopped on failure."""
    from distributed import Client

    from pipeline.dask_pool import PRELOAD, lean_environ

    env = {**lean_environ(), **env}  # an explicit setting of the caller wins
    port = free_port()
    address = f"tcp://{HOST}:{port}"
    scheduler = ["scheduler", "--host", HOST, "--port", str(port), "--no-dashboard"]
    procs = [_start(scheduler, work, env, work / "scheduler.log")]
    try:
        for i in range(1, workers + 1):
            worker = [
                "worker",
                address,
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--host",
                HOST,
                "--no-dashboard",
                "--preload",
                PRELOAD,
            ]
            procs.append(_start([*worker, "--name", f"w{i}"], work, env, work / f"worker{i}.log"))
        with Client(address, timeout=wait_s) as client:
            client.wait_for_workers(workers, timeout=wait_s)
    except BaseException:
        stop_cluster(procs, wait_s)
        raise
    return address, procs


def stop_cluster(procs: list[subprocess.Popen], wait_s: float) -> None:
    """SIGTERM to each process group we started, workers first (graceful: each parent waits for its
    children, so their CPU is counted), SIGKILL after a bounded wait."""
    for proc in reversed(procs):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
                proc.wait(wait_s)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
