"""Run `process_document` in long-lived worker processes with hard per-document limits.

pdfminer cannot be interrupted inside a thread, so each document runs in a child process
(`python -m pipeline.isolate`) that loads the NLP models once and then serves documents over a
pipe. A document that overruns its timeout gets its worker killed and becomes a `failures` row
(stage "timeout"); one that makes the worker's resident memory pass `memory_mb` (a decompression
bomb) likewise (stage "memory"; the address space is also capped at `AS_FACTOR` times that, so
an allocation past it fails inside the worker); a worker that dies (e.g. a native crash) becomes a
row with stage "crash". A worker that will not start is retried, then each of its documents is a
row with stage "worker": `Pool.run` never raises. Workers exit by themselves when their parent
process is gone (a watchdog thread), so a killed CLI leaves no orphans. On a Dask cluster the
documents run in the Dask workers themselves instead (`pipeline.dask_pool`).
"""

from __future__ import annotations

import atexit
import gc
import os
import pickle
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.config import pipeline_version
from pipeline.ingest import DocResult, failed_result, process_document

START_TIMEOUT_S = 180.0
START_ATTEMPTS = 3
START_RETRY_DELAY_S = 2.0
MEMORY_MB = 1024  # resident memory per worker before its document is stopped
AS_FACTOR = 1.6  # address-space cap as a multiple of MEMORY_MB (mappings beyond resident pages)
POLL_S = 0.05  # how often the parent checks a busy worker's memory
PARENT_CHECK_S = 1.0  # how often a worker checks that its parent is alive
_HEADER = 8
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


_CLOSED = "the worker pool is closed (run interrupted)"


class WorkerStartError(RuntimeError):
    """A worker process could not be started (transient: the task may be retried)."""


class _Timeout(Exception):
    pass


class _Died(Exception):
    pass


class _OverMemory(Exception):
    def __init__(self, rss_mb: float) -> None:
        super().__init__(rss_mb)
        self.rss_mb = rss_mb


def _send(stream: BinaryIO, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER, "big") + data)
    stream.flush()


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * _PAGE_KB / 1024
    except (OSError, IndexError, ValueError):
        return 0.0


def _read_exact(fd: int, n: int, deadline: float, watch=None) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Timeout
        if not select.select([fd], [], [], min(remaining, POLL_S))[0]:
            if watch:
                watch()
            continue
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise _Died
        buf += chunk
    return bytes(buf)


def _recv(fd: int, deadline: float, watch=None) -> Any:
    size = int.from_bytes(_read_exact(fd, _HEADER, deadline, watch), "big")
    return pickle.loads(_read_exact(fd, size, deadline, watch))


# One worker process per core is the unit of parallelism: BLAS threads inside each worker
# (natasha's models run on numpy) would only oversubscribe the cores. An explicit setting wins.
SINGLE_THREADED_MATH = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Worker:
    """One child process serving documents one at a time."""

    def __init__(self, warm: bool = True, memory_mb: float = MEMORY_MB) -> None:
        self.memory_mb = memory_mb
        env = {
            **SINGLE_THREADED_MATH,
            **os.environ,
            "INDIKATOR_WORKER_WARM": "1" if warm else "0",
            "INDIKATOR_WORKER_AS_MB": str(int(memory_mb * AS_FACTOR)),
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
        self.info: dict[str, Any] = {}

    def wait_ready(self) -> None:
        """Wait for the worker's hello (models loaded); `WorkerStartError` when it does not come."""
        try:
            self.info = _recv(self.proc.stdout.fileno(), time.monotonic() + START_TIMEOUT_S)
        except (_Timeout, _Died) as exc:
            self.kill()
            raise WorkerStartError("worker process did not start (see its stderr)") from exc

    def run(
        self, path: str, max_pages: int | None, timeout: float, pages: tuple[int, int] | None = None
    ) -> DocResult:
        """Process one document (or a page range of it); raises `_Timeout`, `_OverMemory` or `_Died`
        (the caller kills the worker)."""
        try:
            _send(self.proc.stdin, (path, max_pages, pages))
        except (BrokenPipeError, OSError) as exc:
            raise _Died from exc
        return _recv(self.proc.stdout.fileno(), time.monotonic() + timeout, self._check_memory)

    def _check_memory(self) -> None:
        rss = rss_mb(self.proc.pid)
        if rss > self.memory_mb:
            raise _OverMemory(rss)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream:
                stream.close()


class Pool:
    """Idle workers reused across documents; concurrency is bounded by the callers (task threads)."""

    def __init__(self, warm: bool = True, memory_mb: float = MEMORY_MB) -> None:
        self.warm = warm
        self.memory_mb = memory_mb
        self.closed = False
        self._idle: list[Worker] = []
        self._all: set[Worker] = set()
        self._lock = threading.Lock()

    def run(self, path: str | Path, *, max_pages: int | None = None, timeout: float = 600) -> DocResult:
        """Process one document in a worker; a timeout or crash becomes a failed `DocResult`.

        A PDF longer than `ranges.RANGE_PAGES` pages runs as page ranges, each with `timeout`."""
        from pipeline.catalog import page_count
        from pipeline.config import Settings
        from pipeline.ranges import RANGE_PAGES, merge, split

        n_pages = page_count(Path(path)) or 0
        spans = split(n_pages, max_pages or Settings().max_pages, RANGE_PAGES)
        if n_pages <= RANGE_PAGES or len(spans) < 2:
            return self._run(path, max_pages, timeout)
        results = [self._run(path, max_pages, timeout, span) for span in spans]
        return merge(results, spans, n_pages)

    def _run(
        self, path: str | Path, max_pages: int | None, timeout: float, pages: tuple[int, int] | None = None
    ) -> DocResult:
        started = time.perf_counter()
        try:
            worker = self._take()
        except WorkerStartError as exc:
            return failed_result(path, "worker", "WorkerStartError", str(exc), time.perf_counter() - started)
        try:
            result = worker.run(str(path), max_pages, timeout, pages)
        except _OverMemory as exc:
            self._discard(worker)
            message = (
                f"worker memory reached {exc.rss_mb:.0f} MB, over the limit of "
                f"{self.memory_mb:g} MB (decompression bomb?); worker killed"
            )
            return failed_result(path, "memory", "MemoryLimit", message, time.perf_counter() - started)
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
            self.closed = True
            workers, self._idle, self._all = list(self._all), [], set()
        for w in workers:
            w.kill()

    def _take(self) -> Worker:
        with self._lock:
            if self.closed:
                raise WorkerStartError(_CLOSED)
            if self._idle:
                return self._idle.pop()
        return self._start()

    def _start(self) -> Worker:
        """A new worker; a start that times out (busy machine) is retried, unless the pool closed.

        A starting worker is already the pool's, so `close` ends it at once."""
        for attempt in range(1, START_ATTEMPTS + 1):
            worker = Worker(self.warm, self.memory_mb)
            with self._lock:
                if self.closed:
                    worker.kill()
                    raise WorkerStartError(_CLOSED)
                self._all.add(worker)
            try:
                worker.wait_ready()
                return worker
            except WorkerStartError as exc:
                self._discard(worker)
                if self.closed:
                    raise WorkerStartError(_CLOSED) from exc
                if attempt == START_ATTEMPTS:
                    raise WorkerStartError(f"{exc} after {START_ATTEMPTS} attempts") from exc
                time.sleep(START_RETRY_DELAY_S * attempt)
        raise AssertionError("unreachable")

    def _discard(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)


_shared: Pool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> Pool:
    """This process's pool (one per flow process), closed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Pool()
            atexit.register(_shared.close)
        return _shared


def worker_info() -> dict[str, Any]:
    """Pid, peak RSS (MB), NLP model loads and objects frozen out of garbage collection (the
    modules and models loaded at start) of this worker process."""
    from pipeline.nlp import models

    return {
        "pid": os.getpid(),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model_loads": models.cache_info().misses,
        "frozen_objects": gc.get_freeze_count(),
    }


def _serve() -> None:
    """Child main loop: requests on stdin, pickled results on the original stdout."""
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints from libraries must not corrupt the channel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    _exit_with_parent()
    if os.environ.get("INDIKATOR_WORKER_WARM") == "1":
        from pipeline.nlp import warm

        warm()
    _cap_address_space(int(os.environ.get("INDIKATOR_WORKER_AS_MB", "0")))
    _send(channel, worker_info())
    stdin = sys.stdin.buffer
    while header := stdin.read(_HEADER):
        path, max_pages, pages = pickle.loads(stdin.read(int.from_bytes(header, "big")))
        result = process_document(path, max_pages=max_pages, pages=pages)
        result.worker = worker_info()
        _send(channel, result)


def _exit_with_parent() -> None:
    """A daemon thread that ends this worker as soon as its parent process is gone."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _cap_address_space(limit_mb: int) -> None:
    """Cap this process's address space (an allocation past it fails with MemoryError)."""
    if limit_mb <= 0:
        return
    limit = limit_mb << 20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


if __name__ == "__main__":
    _serve()
