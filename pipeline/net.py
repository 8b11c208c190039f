"""Local helper processes (Prefect server, review app): free ports and health checks on 127.0.0.1."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pipeline.config import prefect_server_url


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a child gets when the thread that started it ends


def ends_with_parent() -> Callable[[], object] | None:
    """A `preexec_fn` asking Linux to SIGTERM the child when its starter dies, also when that is
    killed from outside (SIGKILL: no `finally` runs). Only from the main thread, since the signal
    follows the starting thread; None elsewhere and on other systems."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork
    parent = os.getpid()

    def arm() -> None:
        prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
        if os.getppid() != parent:  # the starter died before the signal was armed
            os.kill(os.getpid(), signal.SIGTERM)

    return arm


def wait_healthy(health_url: str, process: subprocess.Popen, timeout: float) -> None:
    """Poll a health URL until it answers 200; fail early when the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(health_url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"nothing answered at {health_url} within {timeout:g} s")


SERVER_START_TIMEOUT_S = 180.0  # `prefect server start` on a busy 2-core machine
STOP_TIMEOUT_S = 10.0


def stop_process_group(process: subprocess.Popen, timeout: float = STOP_TIMEOUT_S) -> None:
    """SIGTERM a helper started with `start_new_session=True` and its children; SIGKILL after `timeout`."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def prefect_api(port: int, status: Callable[[str], None] = print) -> Iterator[str]:
    """Use the configured Prefect server (`PREFECT_API_URL` or the active profile), else run
    `prefect server start` on 127.0.0.1 meanwhile.

    Enter it before Prefect is imported (Prefect reads its settings at import). The server runs in
    its own session, so Ctrl-C reaches only the caller, which stops the server on the way out; a
    caller killed outright takes the server with it (`ends_with_parent`)."""
    if url := prefect_server_url():
        yield url
        return
    port = port if port_free(port) else free_port()
    url = f"http://127.0.0.1:{port}/api"
    status(f"starting a local Prefect server on 127.0.0.1:{port} (up to {SERVER_START_TIMEOUT_S:g} s)…")
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, start_new_session=True, preexec_fn=ends_with_parent()
    )
    try:
        wait_healthy(f"{url}/health", server, timeout=SERVER_START_TIMEOUT_S)
        os.environ["PREFECT_API_URL"] = url
        status(f"Prefect server and UI: http://127.0.0.1:{port}")
        yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_process_group(server)
