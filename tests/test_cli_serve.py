"""`indikator serve` as a user runs it: status while its local Prefect server starts, prompt stop on
Ctrl-C (exit 130), and the server it started is gone afterwards (one server for this module)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.net import SERVER_START_TIMEOUT_S, free_port, port_free

ROOT = Path(__file__).resolve().parents[1]
SERVING = "being served"  # Prefect's runner, once it polls for scheduled runs
STOP_WITHIN_S = 20.0


def _wait_for(log: Path, text: str, proc: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if text in (content := log.read_text()):
            return content
        time.sleep(0.5)
    raise AssertionError(f"no {text!r} within {timeout:g} s: {log.read_text()[-2000:]}")


def _freed(port: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while not port_free(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    return port_free(port)


def _serve(tmp_path: Path, port: int) -> tuple[subprocess.Popen, Path]:
    """`indikator serve` in its own session with its own Prefect home and a local server on `port`."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PYTHONPATH": str(ROOT),
        "PREFECT_HOME": str(tmp_path / ".prefect"),
        "INDIKATOR_INBOX": str(tmp_path / "inbox"),
        "INDIKATOR_OUT": str(tmp_path / "out"),
        "INDIKATOR_INTERVAL_SECONDS": "3600",
        "INDIKATOR_PREFECT_PORT": str(port),
    }
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        cmd = [sys.executable, "-m", "pipeline.cli", "serve"]
        proc = subprocess.Popen(
            cmd, cwd=tmp_path, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    return proc, log


def test_serve_stops_promptly_on_ctrl_c_and_stops_its_server(tmp_path):
    port = free_port()
    proc, log = _serve(tmp_path, port)
    try:
        started = _wait_for(log, SERVING, proc, SERVER_START_TIMEOUT_S + 60)
        assert f"starting a local Prefect server on 127.0.0.1:{port}" in started
        assert not port_free(port)
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the CLI's process group
        stopping = time.monotonic()
        # 130 as a shell reports it: exit(130), or death by the SIGINT re-raised on the way out
        # (seen once at load 10; the code that re-raised it was not found).
        code = proc.wait(timeout=STOP_WITHIN_S + 10)
        assert code in (130, -signal.SIGINT), log.read_text()[-3000:]
        assert time.monotonic() - stopping < STOP_WITHIN_S
        assert "stopped" in log.read_text()
        assert _freed(port, within=5.0)  # the server it started is gone
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_serve_killed_outright_takes_its_server_with_it(tmp_path):
    """SIGKILL runs no `finally`: the server must end by itself (it had stayed, holding the port)."""
    port = free_port()
    proc, log = _serve(tmp_path, port)
    try:
        _wait_for(log, SERVING, proc, SERVER_START_TIMEOUT_S + 60)
        assert not port_free(port)
    finally:
        proc.kill()
        proc.wait()
    assert _freed(port, within=30.0)
