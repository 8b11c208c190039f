"""Run `process_document` in long-lived worker processes with hard per-document limits.

pdfminer cannot be interrupted inside a thread, so each document runs in a worker process that
serves documents over a pipe. A pool's workers are forked from one fork server (`python -m
pipeline.isolate FD`) that imports the pipeline, loads the NLP models and warms the extractors
once (`_warm`), so a second worker costs no second load and shares those pages copy-on-write.
A document that overruns its timeout gets its worker killed and becomes a `failures` row
(stage "timeout"); one that makes the worker's resident memory pass `memory_mb` (a decompression
bomb) likewise (stage "memory"; the address space is also capped at `AS_FACTOR` times that, so
an allocation past it fails inside the worker); a worker that dies (e.g. a native crash) becomes a
row with stage "crash". A worker that will not start is retried (a server that cannot fork is
replaced), then each of its documents is a row with stage "worker": `Pool.run` never raises. The
fork server and the workers exit by themselves when their parent process is gone (a watchdog
thread; the server kills its workers first), so a killed CLI leaves no orphans. On a Dask cluster
the documents run in the Dask workers themselves instead (`pipeline.dask_pool`).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import pickle
import resource
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
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
CLOSE_WAIT_S = 10.0  # how long a closing fork server may take to end its workers
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


def _environment(warm: bool, memory_mb: float) -> dict[str, str]:
    """The environment of a pool's fork server (and so of its workers)."""
    return {
        **SINGLE_THREADED_MATH,
        **os.environ,
        "INDIKATOR_WORKER_WARM": "1" if warm else "0",
        "INDIKATOR_WORKER_AS_MB": str(int(memory_mb * AS_FACTOR)),
        "INDIKATOR_PIPELINE_VERSION": pipeline_version(),  # the version the run planned with
    }


class ForkServer:
    """The process a pool's workers are forked from (`python -m pipeline.isolate FD`): it loads
    and warms once, then forks a worker per request. Requests (pickled, with the worker's two pipe
    ends as passed descriptors) and replies go over a socket pair, one at a time."""

    def __init__(self, warm: bool = True, memory_mb: float = MEMORY_MB) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.isolate", str(theirs.fileno())],
                stdin=subprocess.DEVNULL,
                env=_environment(warm, memory_mb),
                cwd=str(Path(__file__).resolve().parents[1]),
                pass_fds=(theirs.fileno(),),
            )
        except OSError as exc:
            ours.close()
            raise WorkerStartError(f"cannot start the worker fork server: {exc}") from exc
        finally:
            theirs.close()
        self.sock = ours
        self.lock = threading.Lock()
        self.info: dict[str, Any] = {}

    def wait_ready(self) -> None:
        """Wait for the server's hello (models loaded, extractors warm); `WorkerStartError` when
        it does not come."""
        try:
            self.info = _recv(self.sock.fileno(), time.monotonic() + START_TIMEOUT_S)
        except (_Timeout, _Died) as exc:
            self.kill()
            raise WorkerStartError("worker fork server did not start (see its stderr)") from exc

    def _ask(self, request: tuple, fds: list[int]) -> Any:
        with self.lock:
            socket.send_fds(self.sock, [pickle.dumps(request)], fds)
            return _recv(self.sock.fileno(), time.monotonic() + START_TIMEOUT_S)

    def fork(self) -> tuple[int, int, int]:
        """A new worker: its pid and the pool's ends of its request and result pipes (fds)."""
        req_r, req_w = os.pipe()
        res_r, res_w = os.pipe()
        try:
            pid = self._ask(("fork", 0), [req_r, res_w])
        except (OSError, _Timeout, _Died) as exc:
            os.close(req_w)
            os.close(res_r)
            raise WorkerStartError("the worker fork server did not fork a worker") from exc
        finally:
            os.close(req_r)
            os.close(res_w)
        return pid, req_w, res_r

    def reap(self, pid: int) -> int | None:
        """The exit code of an ended worker (the server waits for it); None when unknown."""
        try:
            return self._ask(("reap", pid), [])
        except (OSError, _Timeout, _Died):
            return None

    def close(self) -> None:
        """End the server: it kills and reaps the workers it still has, then exits."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        try:
            self.proc.wait(timeout=CLOSE_WAIT_S)
        except subprocess.TimeoutExpired:
            self.kill()
        self.sock.close()

    def kill(self) -> None:
        """End a server that has no workers yet (it did not start in time)."""
        self.proc.kill()
        self.proc.wait()
        self.sock.close()


class Worker:
    """One forked worker process serving documents one at a time."""

    def __init__(self, server: ForkServer, memory_mb: float = MEMORY_MB) -> None:
        self.memory_mb = memory_mb
        self.server = server
        self.pid, req, res = server.fork()
        self.stdin, self.stdout = os.fdopen(req, "wb"), os.fdopen(res, "rb")
        try:
            self.pidfd = os.pidfd_open(self.pid)
        except OSError:  # already gone: it did not start
            self.pidfd = None
        self.exit_code: int | None = None
        self.info: dict[str, Any] = {}

    def wait_ready(self) -> None:
        """Wait for the worker's hello; `WorkerStartError` when it does not come."""
        try:
            self.info = _recv(self.stdout.fileno(), time.monotonic() + START_TIMEOUT_S)
        except (_Timeout, _Died) as exc:
            self.kill()
            raise WorkerStartError("worker process did not start (see its stderr)") from exc

    def run(
        self, path: str, max_pages: int | None, timeout: float, pages: tuple[int, int] | None = None
    ) -> DocResult:
        """Process one document (or a page range of it); raises `_Timeout`, `_OverMemory` or `_Died`
        (the caller kills the worker)."""
        try:
            _send(self.stdin, (path, max_pages, pages))
        except (BrokenPipeError, OSError) as exc:
            raise _Died from exc
        return _recv(self.stdout.fileno(), time.monotonic() + timeout, self._check_memory)

    def _check_memory(self) -> None:
        rss = rss_mb(self.pid)
        if rss > self.memory_mb:
            raise _OverMemory(rss)

    def kill(self, reap: bool = True) -> None:
        """SIGKILL (by pidfd: never another process that took the pid), then the server reaps it
        (`reap`; else the server does when it closes)."""
        if self.pidfd is not None:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            os.close(self.pidfd)
            self.pidfd = None
            if reap:
                self.exit_code = self.server.reap(self.pid)
        for stream in (self.stdin, self.stdout):
            with contextlib.suppress(OSError):
                stream.close()


class Pool:
    """Idle workers reused across documents; concurrency is bounded by the callers (task threads).
    Workers are forked from one `ForkServer`, started with the first worker."""

    def __init__(self, warm: bool = True, memory_mb: float = MEMORY_MB) -> None:
        self.warm = warm
        self.memory_mb = memory_mb
        self.closed = False
        self._idle: list[Worker] = []
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._server: ForkServer | None = None
        self._server_lock = threading.Lock()

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
            self._discard(worker)
            message = f"worker process died while processing the document (exit code {worker.exit_code})"
            return failed_result(path, "crash", "WorkerDied", message, time.perf_counter() - started)
        with self._lock:
            self._idle.append(worker)
        return result

    def close(self) -> None:
        with self._lock:
            self.closed = True
            workers, self._idle, self._all = list(self._all), [], set()
        for w in workers:
            w.kill(reap=False)  # the server reaps them as it closes
        with self._server_lock:
            server, self._server = self._server, None
        if server is not None:
            server.close()

    def _take(self) -> Worker:
        with self._lock:
            if self.closed:
                raise WorkerStartError(_CLOSED)
            if self._idle:
                return self._idle.pop()
        return self._start()

    def _fork_server(self) -> ForkServer:
        """The pool's fork server, started (and waited for) by the first caller."""
        with self._server_lock:
            if self.closed:
                raise WorkerStartError(_CLOSED)
            if self._server is None:
                server = ForkServer(self.warm, self.memory_mb)
                server.wait_ready()
                self._server = server
            return self._server

    def _drop_server(self, server: ForkServer) -> None:
        with self._server_lock:
            if self._server is not server:
                return
            self._server = None
        server.close()

    def _start(self) -> Worker:
        """A new worker; a start that times out (busy machine) is retried, unless the pool closed.
        A server that cannot fork is replaced. A starting worker is already the pool's, so
        `close` ends it at once."""
        for attempt in range(1, START_ATTEMPTS + 1):
            worker = None
            try:
                worker = self._new_worker()
                worker.wait_ready()
                return worker
            except WorkerStartError as exc:
                if worker is not None:
                    self._discard(worker)
                if self.closed:
                    raise WorkerStartError(_CLOSED) from exc
                if attempt == START_ATTEMPTS:
                    raise WorkerStartError(f"{exc} after {START_ATTEMPTS} attempts") from exc
                time.sleep(START_RETRY_DELAY_S * attempt)
        raise AssertionError("unreachable")

    def _new_worker(self) -> Worker:
        server = self._fork_server()
        try:
            worker = Worker(server, self.memory_mb)
        except WorkerStartError:
            self._drop_server(server)
            raise
        with self._lock:
            if self.closed:
                worker.kill()
                raise WorkerStartError(_CLOSED)
            self._all.add(worker)
        return worker

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


def _fork_server(fd: int) -> None:
    """Fork server main loop (see `ForkServer`): warm once, then fork a worker per request."""
    sock = socket.socket(fileno=fd)
    os.dup2(2, 1)  # stray prints from libraries go to stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    children: set[int] = set()
    _exit_with_parent(lambda: _end(children))
    warm = os.environ.get("INDIKATOR_WORKER_WARM") == "1"
    if warm:
        _load_models()
    _cap_address_space(int(os.environ.get("INDIKATOR_WORKER_AS_MB", "0")))  # inherited by the workers
    if warm:
        _warm_up()
    gc.freeze()
    replies = sock.makefile("wb")
    _send(replies, worker_info())
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(sock, 1024, 2)
        except OSError:
            break
        if not data:
            break  # the pool closed
        kind, pid = pickle.loads(data)
        if kind == "fork":
            child = os.fork()
            if child == 0:
                _forked_worker(sock, *fds)
            for f in fds:
                os.close(f)
            children.add(child)
            _send(replies, child)
        else:
            children.discard(pid)
            _send(replies, _reap(pid))
    _end(children)


def _reap(pid: int) -> int | None:
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:
        return None


def _end(children: set[int]) -> None:
    """Kill and reap the server's workers."""
    for pid in list(children):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _reap(pid)


def _forked_worker(server: socket.socket, requests: int, results: int) -> None:
    """A forked worker's life: requests on one pipe, pickled results on the other; never returns."""
    code = 0
    try:
        os.close(server.detach())  # only the server answers the pool (its file object stays unused)
        _exit_with_parent()
        _serve(os.fdopen(requests, "rb"), os.fdopen(results, "wb"))
    except BaseException:  # noqa: BLE001 - report, never return into the server's loop
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        os._exit(code)


def _serve(requests: BinaryIO, channel: BinaryIO) -> None:
    """A worker's loop: its hello, then one result per request until the pool closes the pipe."""
    _send(channel, worker_info())
    while header := requests.read(_HEADER):
        path, max_pages, pages = pickle.loads(requests.read(int.from_bytes(header, "big")))
        result = process_document(path, max_pages=max_pages, pages=pages)
        result.worker = worker_info()
        _send(channel, result)


def _exit_with_parent(before: Callable[[], None] | None = None) -> None:
    """A daemon thread that ends this process (after `before`) as soon as its parent is gone."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        if before:
            before()
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


WARM_TEXT = (  # a note in the genre: every stage of a text document runs once in the fork server
    "Муниципальная программа «Развитие экономики». В 2023 году объём инвестиций в основной капитал "
    "Курской области составил 120,5 млрд рублей, что на 5,2 % больше, чем в 2022 году.\n"
)


def _load_models() -> None:
    try:
        from pipeline.nlp import models

        models()
    except Exception as exc:  # noqa: BLE001 - a broken model shows up per document instead
        print(f"indikator worker: model warm-up failed: {exc}", file=sys.stderr)


def _warm_up() -> None:
    """Run one short text document through every stage (imports, grammars, morphology caches),
    so that forked workers start warm; the caches hold only pure results. Runs under the address
    space cap, as the workers' documents do (allocators that reserve address space adapt to it)."""
    try:
        import pipeline.parse.pdf  # noqa: F401  (PDF modules, which a text note does not load)

        with tempfile.TemporaryDirectory(prefix="indikator-warm-") as scratch:
            note = Path(scratch) / "warm.txt"
            note.write_text(WARM_TEXT, encoding="utf-8")
            process_document(note)
    except Exception as exc:  # noqa: BLE001 - the documents report their own failures
        print(f"indikator worker: warm-up failed: {exc}", file=sys.stderr)


if __name__ == "__main__":
    _fork_server(int(sys.argv[1]))
