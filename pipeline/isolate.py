"""Run `process_document` in long-lived worker processes with a hard per-document timeout.

pdfminer cannot be interrupted inside a thread, so each document runs in a child process
(`python -m pipeline.isolate`) that loads the NLP models once and then serves documents over a
pipe. A document that overruns its timeout gets its worker killed and becomes a `failures` row
(stage "timeout"); a worker that dies (e.g. a native crash) becomes a row with stage "crash".
Children are plain subprocesses, so this also works inside daemonic Dask worker processes.
"""

from __future__ import annotations

import atexit
import os
import pickle
import resource
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.config import pipeline_version
from pipeline.ingest import DocResult, failed_result, process_document

START_TIMEOUT_S = 180.0
_HEADER = 8


class WorkerStartError(RuntimeError):
    """A worker process could not be started (transient: the task may be retried)."""


class _Timeout(Exception):
    pass


class _Died(Exception):
    pass


def _send(stream: BinaryIO, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER, "big") + data)
    stream.flush()


def _read_exact(fd: int, n: int, deadline: float) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise _Timeout
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise _Died
        buf += chunk
    return bytes(buf)


def _recv(fd: int, deadline: float) -> Any:
    size = int.from_bytes(_read_exact(fd, _HEADER, deadline), "big")
    return pickle.loads(_read_exact(fd, size, deadline))


# One worker process per core is the unit of parallelism: BLAS threads inside each worker
# (natasha's models run on numpy) would only oversubscribe the cores. An explicit setting wins.
SINGLE_THREADED_MATH = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Worker:
    """One child process serving documents one at a time."""

    def __init__(self, warm: bool = True) -> None:
        env = {
            **SINGLE_THREADED_MATH,
            **os.environ,
            "INDIKATOR_WORKER_WARM": "1" if warm else "0",
            "INDIKATOR_PIPELINE_VERSION": pipeline_version(),  # the version the run planned with
        }
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.isolate"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                cwd=str(Path(__file__).resolve().parents[1]),
            )
        except OSError as exc:
            raise WorkerStartError(f"cannot start worker process: {exc}") from exc
        try:
            self.info = _recv(self.proc.stdout.fileno(), time.monotonic() + START_TIMEOUT_S)
        except (_Timeout, _Died) as exc:
            self.kill()
            raise WorkerStartError("worker process did not start (see its stderr)") from exc

    def run(self, path: str, max_pages: int | None, timeout: float) -> DocResult:
        """Process one document; raises `_Timeout` or `_Died` (the caller kills the worker)."""
        try:
            _send(self.proc.stdin, (path, max_pages))
        except (BrokenPipeError, OSError) as exc:
            raise _Died from exc
        return _recv(self.proc.stdout.fileno(), time.monotonic() + timeout)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream:
                stream.close()


class Pool:
    """Idle workers reused across documents; concurrency is bounded by the callers (task threads)."""

    def __init__(self, warm: bool = True) -> None:
        self.warm = warm
        self._idle: list[Worker] = []
        self._all: set[Worker] = set()
        self._lock = threading.Lock()

    def run(self, path: str | Path, *, max_pages: int | None = None, timeout: float = 600) -> DocResult:
        """Process one document in a worker; a timeout or crash becomes a failed `DocResult`."""
        started = time.perf_counter()
        worker = self._take()
        try:
            result = worker.run(str(path), max_pages, timeout)
        except _Timeout:
            self._discard(worker)
            message = f"no result after {timeout:g} s (parse/extract too slow or hung); worker killed"
            return failed_result(path, "timeout", "Timeout", message, time.perf_counter() - started)
        except _Died:
            code = worker.proc.poll()
            self._discard(worker)
            message = f"worker process died while processing the document (exit code {code})"
            return failed_result(path, "crash", "WorkerDied", message, time.perf_counter() - started)
        with self._lock:
            self._idle.append(worker)
        return result

    def close(self) -> None:
        with self._lock:
            workers, self._idle, self._all = list(self._all), [], set()
        for w in workers:
            w.kill()

    def _take(self) -> Worker:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        worker = Worker(self.warm)
        with self._lock:
            self._all.add(worker)
        return worker

    def _discard(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)


_shared: Pool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> Pool:
    """This process's pool (one per flow process or Dask worker), closed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Pool()
            atexit.register(_shared.close)
        return _shared


def worker_info() -> dict[str, Any]:
    """Pid, peak RSS (MB) and NLP model loads of this worker process."""
    from pipeline.nlp import models

    return {
        "pid": os.getpid(),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model_loads": models.cache_info().misses,
    }


def _serve() -> None:
    """Child main loop: requests on stdin, pickled results on the original stdout."""
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints from libraries must not corrupt the channel
    if os.environ.get("INDIKATOR_WORKER_WARM") == "1":
        _warm()
    _send(channel, worker_info())
    stdin = sys.stdin.buffer
    while header := stdin.read(_HEADER):
        path, max_pages = pickle.loads(stdin.read(int.from_bytes(header, "big")))
        result = process_document(path, max_pages=max_pages)
        result.worker = worker_info()
        _send(channel, result)


def _warm() -> None:
    try:
        from pipeline.nlp import models

        models()
    except Exception as exc:  # noqa: BLE001 - a broken model shows up per document instead
        print(f"indikator worker: model warm-up failed: {exc}", file=sys.stderr)


if __name__ == "__main__":
    _serve()
