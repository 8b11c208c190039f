"""Run `process_document` in long-lived worker processes with hard per-document limits.

pdfminer cannot be interrupted inside a thread, so each document runs in a worker process that
serves documents over a pipe. Workers are forked by the pool's zygote (`python -m
pipeline.isolate`), which loads the NLP models and primes the extraction once (`Zygote`), so a
worker is ready at once and shares those pages with its siblings. While the zygote primes, the
caller that started it has its document read by a parse-only process of its own (`Pool._parser`):
the parsed document then goes to a forked worker for the rest. A document that overruns its
timeout gets its worker killed and becomes a `failures` row (stage "timeout"); one that makes the
worker's resident memory pass `memory_mb` (a decompression bomb) likewise (stage "memory"; the
address space is also capped at `AS_FACTOR` times that, so an allocation past it fails inside the
worker); a worker that dies (e.g. a native crash) becomes a row with stage "crash". A worker that
will not start is retried, then each of its documents is a row with stage "worker": `Pool.run`
never raises. Workers exit by themselves when their parent process (the zygote, which exits with
the pool's process) is gone (a watchdog thread), so a killed CLI leaves no orphans. On a Dask
cluster the documents run in the Dask workers themselves instead (`pipeline.dask_pool`).
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
import threading
import time
import traceback
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.config import pipeline_version
from pipeline.ingest import DocResult, failed_result, prepare, process_document, process_prepared

START_TIMEOUT_S = 180.0
START_ATTEMPTS = 3
START_RETRY_DELAY_S = 2.0
MEMORY_MB = 1024  # resident memory per worker before its document is stopped
AS_FACTOR = 1.6  # address-space cap as a multiple of MEMORY_MB (mappings beyond resident pages)
POLL_S = 0.05  # how often the parent checks a busy worker's memory
PARENT_CHECK_S = 1.0  # how often a worker checks that its parent is alive
ZYGOTE_REPLY_S = 60.0  # a fork or a worker's end answered by the zygote (a busy machine is slow)
_HEADER = 8
_MESSAGE = 1 << 20  # largest zygote request (a pickled environment)
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
        try:
            if not select.select([fd], [], [], min(remaining, POLL_S))[0]:
                if watch:
                    watch()
                continue
            chunk = os.read(fd, min(n - len(buf), 1 << 20))
        except (OSError, ValueError) as exc:  # the pipe was closed under us: the worker is gone
            raise _Died from exc
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
# pyarrow's default allocator (mimalloc) reserves 1 GB of address space on first use: a worker
# forked after that reservation would sit past its address-space cap, and every allocation that
# maps memory would fail first (millions of failed mmap calls, seconds of system CPU a document).
# The system allocator reserves nothing; it is the workers' whatever the caller's setting.
ARROW_SYSTEM_ALLOCATOR = {"ARROW_DEFAULT_MEMORY_POOL": "system"}


# glibc adapts its mmap threshold (128 KiB up to 32 MiB, trimming at twice it) unless the
# environment fixes one: Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536, and then every allocation
# past 128 KiB is an mmap/munmap pair — 155-369 K page faults and 0.3-0.8 CPU-s of system time per
# Dask worker over the corpus (20 K and 0.13 s with adaptation). A worker primed under such a
# setting takes the thresholds glibc's own adaptation would reach (`adaptive_malloc`).
MALLOC_ENVIRONMENT = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_")
MMAP_THRESHOLD_MAX = 32 * 2**20  # glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit systems
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)
_malloc_retuned = False


def adaptive_malloc() -> bool:
    """Undo a fixed glibc trim or mmap threshold of this process's environment (see
    `MALLOC_ENVIRONMENT`): set the thresholds adaptation would reach. True when it did."""
    global _malloc_retuned
    if _malloc_retuned:
        return True  # once per process
    if not any(name in os.environ for name in MALLOC_ENVIRONMENT) or not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False  # not glibc
    _malloc_retuned = bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX) and mallopt(_M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD_MAX)
    )
    return _malloc_retuned


def worker_environment(**extra: str) -> dict[str, str]:
    """The environment of the zygote and of each worker it forks (and so of their subprocesses):
    the caller's, one BLAS thread unless it says otherwise, pyarrow's system allocator, and the
    pipeline version the run planned with."""
    return {
        **SINGLE_THREADED_MATH,
        **os.environ,
        **ARROW_SYSTEM_ALLOCATOR,
        "INDIKATOR_PIPELINE_VERSION": pipeline_version(),
        **extra,
    }


class Zygote:
    """A process that loads the models, imports and primes everything a document needs
    (`ingest.prime_worker`) once, then forks the pool's workers: a worker is ready at once and
    shares the loaded pages with its siblings instead of loading them again (≈ 1.5 CPU-s a worker).

    The parent talks to it over a Unix socket (one request, one reply): `fork` (with the worker's
    two pipe ends, its environment and address-space cap) answers the worker's pid; `exit` its
    exit code once it is gone (None while it runs); `kill` kills it and answers the code. Only the
    zygote can wait for its children, so every worker's end goes through it; the zygote ends with
    its parent (watchdog), and its workers end with it."""

    def __init__(self, warm: bool = True) -> None:
        """Start the process (`wait_ready` waits for it to be primed)."""
        self._lock = threading.Lock()
        self.ready = False
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = worker_environment(INDIKATOR_WORKER_WARM="1" if warm else "0")
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.isolate", str(theirs.fileno())],
                stdin=subprocess.DEVNULL,
                pass_fds=[theirs.fileno()],
                env=env,
                cwd=str(Path(__file__).resolve().parents[1]),
            )
        except OSError as exc:
            self.sock.close()
            raise WorkerStartError(f"cannot start worker process: {exc}") from exc
        finally:
            theirs.close()

    def wait_ready(self) -> None:
        """Wait until the zygote is primed (at once when it was); `WorkerStartError` (and the
        zygote ended) if it is not. Callers hold the pool's zygote lock."""
        if self.ready:
            return
        try:
            self._reply(START_TIMEOUT_S)
        except (_Timeout, _Died) as exc:
            self.close()
            raise WorkerStartError("worker process did not start (see its stderr)") from exc
        self.ready = True

    def alive(self) -> bool:
        return self.proc.poll() is None

    def fork(self, memory_mb: float) -> _Forked:
        """A new worker with its own pipes; `WorkerStartError` when the zygote does not answer."""
        requests, their_requests = os.pipe()[::-1]  # we write requests, the worker reads them
        their_results, results = os.pipe()[::-1]  # the worker writes results, we read them
        reason = None
        try:
            request = ("fork", worker_environment(), int(memory_mb * AS_FACTOR))
            pid = self.ask(request, [their_requests, their_results])
        except (_Timeout, _Died, OSError) as exc:
            pid, reason = None, exc
        finally:
            for fd in (their_requests, their_results):
                os.close(fd)
        if pid is None:
            for fd in (requests, results):
                os.close(fd)
            raise WorkerStartError("the zygote process did not fork a worker") from reason
        return _Forked(self, pid, os.fdopen(requests, "wb"), os.fdopen(results, "rb"))

    def ask(self, request: tuple, fds: list[int] = ()) -> Any:
        """Send a request (and file descriptors), return the reply; `_Timeout`/`_Died` without one."""
        with self._lock:
            try:
                socket.send_fds(self.sock, [pickle.dumps(request)], list(fds))
            except (OSError, ValueError) as exc:  # the zygote is gone, or closed by the pool
                raise _Died from exc
            try:
                return self._reply(ZYGOTE_REPLY_S)
            except _Timeout:  # a late reply would answer the next request: this zygote is done
                self.close()
                raise

    def _reply(self, timeout: float) -> Any:
        try:
            if not select.select([self.sock], [], [], timeout)[0]:
                raise _Timeout
            data = self.sock.recv(_MESSAGE)
        except (OSError, ValueError) as exc:  # closed by the pool meanwhile
            raise _Died from exc
        if not data:
            raise _Died
        return pickle.loads(data)

    def close(self) -> None:
        """End the zygote (its idle workers follow it); callable from any thread, any number of times."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.sock.close()


class _Forked:
    """A worker forked by the zygote, with the slice of `subprocess.Popen` the pool uses."""

    def __init__(self, zygote: Zygote, pid: int, stdin: BinaryIO, stdout: BinaryIO) -> None:
        self.zygote, self.pid, self.stdin, self.stdout = zygote, pid, stdin, stdout
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self._ask("exit")
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            self.returncode = self._ask("kill")

    def _ask(self, what: str) -> int | None:
        try:
            return self.zygote.ask((what, self.pid))
        except (_Timeout, _Died, OSError):  # the zygote is gone: the worker's watchdog ends it
            return -signal.SIGKILL  # (no kill by pid: once reparented, the pid may be reused)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


class _Parser(subprocess.Popen):
    """A parse-only worker process of the pool's own (`python -m pipeline.isolate --parser`): it
    imports the parser, not the models; requests on its stdin, results on its stdout."""

    def __init__(self, memory_mb: float) -> None:
        try:
            super().__init__(
                [sys.executable, "-m", "pipeline.isolate", "--parser", str(int(memory_mb * AS_FACTOR))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=worker_environment(),
                cwd=str(Path(__file__).resolve().parents[1]),
            )
        except OSError as exc:
            raise WorkerStartError(f"cannot start a parser process: {exc}") from exc

    def kill(self) -> None:
        """Kill and reap it."""
        super().kill()
        self.wait()


class Worker:
    """One worker process (forked by the zygote, or a `_Parser`) serving jobs one at a time."""

    def __init__(self, proc: _Forked | _Parser, memory_mb: float = MEMORY_MB) -> None:
        self.memory_mb = memory_mb
        self.proc = proc
        self.info: dict[str, Any] = {}

    def wait_ready(self) -> None:
        """Wait for the worker's hello; `WorkerStartError` when it does not come."""
        try:
            self.info = _recv(self.proc.stdout.fileno(), time.monotonic() + START_TIMEOUT_S)
        except (_Timeout, _Died) as exc:
            self.kill()
            raise WorkerStartError("worker process did not start (see its stderr)") from exc

    def run(self, job: tuple, timeout: float) -> DocResult | bytes:
        """Do one job (see `_JOBS`); raises `_Timeout`, `_OverMemory` or `_Died` (the caller kills
        the worker)."""
        try:
            _send(self.proc.stdin, job)
        except (BrokenPipeError, OSError) as exc:
            raise _Died from exc
        return _recv(self.proc.stdout.fileno(), time.monotonic() + timeout, self._check_memory)

    def exit_code(self, wait_s: float = 1.0) -> int | None:
        """The worker's exit code, waited for up to `wait_s` (its pipe closes just before it ends)."""
        deadline = time.monotonic() + wait_s
        while (code := self.proc.poll()) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        return code

    def _check_memory(self) -> None:
        rss = rss_mb(self.proc.pid)
        if rss > self.memory_mb:
            raise _OverMemory(rss)

    def kill(self) -> None:
        self.proc.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):  # a request half-written to a dead worker
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
        self._zygote: Zygote | None = None
        self._zygote_lock = threading.Lock()  # one zygote starts; the other callers wait for it

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
        """The document in a worker; the one that starts the zygote is read by a parser meanwhile."""
        started = time.perf_counter()
        job: tuple = ("document", str(path), max_pages, pages)
        budget = timeout
        if parser := self._parser():
            begun = time.perf_counter()
            read = self._job(parser, ("prepare", *job[1:]), path, timeout, budget, started)
            self._discard(parser)  # one document each: it is no pool worker
            if not isinstance(read, bytes):
                return read  # failed, garbled or without text: done
            job, budget = ("finish", read), timeout - (time.perf_counter() - begun)
        try:
            worker = self._take()
        except WorkerStartError as exc:
            return failed_result(path, "worker", "WorkerStartError", str(exc), time.perf_counter() - started)
        result = self._job(worker, job, path, timeout, budget, started)
        with self._lock:
            if worker in self._all:
                self._idle.append(worker)
        return result

    def _job(
        self, worker: Worker, job: tuple, path: str | Path, timeout: float, budget: float, started: float
    ) -> DocResult | bytes:
        """The job's result, or the document's failed result after a timeout (what is left of the
        document's `timeout`: `budget`), a memory overrun or a crash (the worker discarded)."""
        try:
            return worker.run(job, budget)
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
            code = worker.exit_code()
            self._discard(worker)
            message = f"worker process died while processing the document (exit code {code})"
            return failed_result(path, "crash", "WorkerDied", message, time.perf_counter() - started)

    def close(self) -> None:
        """Kill every worker and the zygote, at once (a starting one too); later `run`s fail."""
        with self._lock:
            self.closed = True
            idle = set(self._idle)
            workers, self._idle, self._all = list(self._all), [], set()
            zygote = self._zygote
        for w in workers:
            if w in idle:
                w.kill()
            else:  # its caller is reading its pipe: it sees the end and discards the worker itself
                w.proc.kill()
        if zygote:
            zygote.close()

    def _take(self) -> Worker:
        """An idle worker that is still alive (one whose zygote died has ended), else a new one."""
        while True:
            with self._lock:
                if self.closed:
                    raise WorkerStartError(_CLOSED)
                if not self._idle:
                    break
                worker = self._idle.pop()
            if worker.proc.poll() is None:
                return worker
            self._discard(worker)
        return self._start()

    def _start(self) -> Worker:
        """A new worker; a start that times out (busy machine) is retried, unless the pool closed."""
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                return self._ready(lambda: self._running_zygote().fork(self.memory_mb))
            except WorkerStartError as exc:
                if self.closed:
                    raise WorkerStartError(_CLOSED) from exc
                if attempt == START_ATTEMPTS:
                    raise WorkerStartError(f"{exc} after {START_ATTEMPTS} attempts") from exc
                time.sleep(START_RETRY_DELAY_S * attempt)
        raise AssertionError("unreachable")

    def _ready(self, spawn) -> Worker:
        """A worker on the process `spawn()` gives, once it said hello; a starting worker is
        already the pool's, so `close` ends it at once. `WorkerStartError` (nothing left) if not."""
        worker = None
        try:
            worker = Worker(spawn(), self.memory_mb)
            with self._lock:
                if self.closed:
                    raise WorkerStartError(_CLOSED)
                self._all.add(worker)
            worker.wait_ready()
            return worker
        except WorkerStartError:
            if worker:
                self._discard(worker)
            raise

    def _parser(self) -> Worker | None:
        """For the caller that starts the zygote of a warm pool: a `_Parser` that reads its document
        while the zygote loads the models (≈ 3 CPU-s on one core, the other one idle otherwise);
        None for every other caller, and when it will not start (the document goes the usual way)."""
        if not self.warm:
            return None
        with self._zygote_lock:
            if self._zygote is not None:
                return None
            try:
                self._started_zygote()
            except WorkerStartError:
                return None
        try:
            return self._ready(lambda: _Parser(self.memory_mb))
        except WorkerStartError:
            return None

    def _running_zygote(self) -> Zygote:
        """The pool's zygote, started (or started again, if it died) on first need, and primed; the
        other callers wait for it. `close` ends a starting zygote at once (its start then fails)."""
        with self._zygote_lock:
            zygote = self._started_zygote()
            zygote.wait_ready()
            return zygote

    def _started_zygote(self) -> Zygote:
        """The pool's zygote, maybe still priming; a new one when there is none or it died (the
        caller holds the zygote lock)."""
        with self._lock:
            if self.closed:
                raise WorkerStartError(_CLOSED)
            zygote = self._zygote
        if zygote is None or not zygote.alive():
            if zygote:
                zygote.close()
            zygote = Zygote(self.warm)
            with self._lock:
                closed, self._zygote = self.closed, zygote
            if closed:
                zygote.close()
                raise WorkerStartError(_CLOSED)
        return zygote

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
    """Pid, peak RSS (MB), NLP model loads, objects frozen out of garbage collection (the modules
    and models loaded at start), the young-collection threshold, pyarrow's allocator and whether
    glibc's malloc thresholds were set back to adaptive values (`adaptive_malloc`) of this worker
    process."""
    from pipeline.nlp import models

    return {
        "pid": os.getpid(),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model_loads": models.cache_info().misses,
        "frozen_objects": gc.get_freeze_count(),
        "gc_threshold": gc.get_threshold()[0],
        "arrow_allocator": _arrow_allocator(),
        "malloc_retuned": _malloc_retuned,
    }


def _arrow_allocator() -> str | None:
    """pyarrow's memory pool in this process; before pyarrow is imported (a worker makes no
    frames), the pool the environment names for it (None: pyarrow's default)."""
    arrow = sys.modules.get("pyarrow")
    return arrow.default_memory_pool().backend_name if arrow else os.environ.get("ARROW_DEFAULT_MEMORY_POOL")


def _zygote_main(control_fd: int) -> None:
    """The zygote's loop: prime once, then fork workers and answer for their ends (`Zygote`)."""
    control = socket.socket(fileno=control_fd)
    os.dup2(2, 1)  # stray prints from libraries must not reach anyone's pipe
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    _exit_with_parent()
    adaptive_malloc()
    if os.environ.get("INDIKATOR_WORKER_WARM") == "1":
        from pipeline.ingest import prime_worker

        prime_worker()
    ended: dict[int, int] = {}
    control.send(pickle.dumps("ready"))
    while data := (message := socket.recv_fds(control, _MESSAGE, 2))[0]:
        (what, *args), fds = pickle.loads(data), message[1]
        _reap(ended)
        if what == "fork":
            reply = _fork(control, fds, *args)
        elif what == "kill":
            reply = _end(args[0], ended)
        else:
            reply = ended.get(args[0])
        control.send(pickle.dumps(reply))


def _fork(control: socket.socket, fds: list[int], environ: dict[str, str], as_mb: int) -> int | None:
    """Fork a worker serving requests on `fds[0]` with results to `fds[1]`; its pid (None: the
    system would not fork, e.g. out of memory or processes)."""
    try:
        pid = os.fork()
    except OSError as exc:
        print(f"indikator zygote: cannot fork a worker: {exc}", file=sys.stderr)
        for fd in fds:
            os.close(fd)
        return None
    if pid == 0:  # the worker: never returns into the zygote's loop
        code = 0
        try:
            control.close()
            os.environ.clear()
            os.environ.update(environ)
            _exit_with_parent()  # threads do not survive a fork: the worker watches the zygote
            _cap_address_space(as_mb)
            _serve(os.fdopen(fds[0], "rb"), os.fdopen(fds[1], "wb"))
        except BaseException:  # noqa: BLE001 - said on stderr; the pool sees the worker die
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    for fd in fds:
        os.close(fd)
    return pid


def _reap(ended: dict[int, int]) -> None:
    """Collect the exit codes of the workers that ended."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        ended[pid] = os.waitstatus_to_exitcode(status)


def _end(pid: int, ended: dict[int, int]) -> int:
    """Kill a worker (unless it ended already) and wait for it; its exit code."""
    if pid not in ended:
        _kill(pid)
        try:
            ended[pid] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        except ChildProcessError:  # not one of ours (any more)
            ended[pid] = -signal.SIGKILL
    return ended[pid]


def _document(path: str, max_pages: int | None, pages: tuple[int, int] | None) -> DocResult:
    return process_document(path, max_pages=max_pages, pages=pages)


def _prepare(path: str, max_pages: int | None, pages: tuple[int, int] | None) -> DocResult | bytes:
    """The document read (`ingest.prepare`), pickled for the worker that goes on (the pool passes
    the bytes on as they are), or its finished result."""
    read = prepare(path, max_pages=max_pages, pages=pages)
    return read if isinstance(read, DocResult) else pickle.dumps(read, protocol=pickle.HIGHEST_PROTOCOL)


def _finish(read: bytes) -> DocResult:
    return process_prepared(pickle.loads(read))


# A worker's jobs: a whole document; the parser's read of one (`Pool._parser`); the rest of it.
_JOBS = {"document": _document, "prepare": _prepare, "finish": _finish}


def _serve(requests: BinaryIO, channel: BinaryIO) -> None:
    """A worker's loop: jobs in, pickled results out, until the parent closes its end."""
    _send(channel, worker_info())
    while header := requests.read(_HEADER):
        job, *args = pickle.loads(requests.read(int.from_bytes(header, "big")))
        result = _JOBS[job](*args)
        if isinstance(result, DocResult):
            result.worker = worker_info()
        _send(channel, result)


def _parser_main(as_mb: int) -> None:
    """A `_Parser`: the parser imported (no models), then jobs from stdin, results to stdout."""
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints from libraries must not reach the pipe
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    _exit_with_parent()
    adaptive_malloc()
    _cap_address_space(as_mb)
    import pipeline.parse.pdf  # noqa: F401
    from pipeline.nlp import WORKER_GC_THRESHOLD

    gc.freeze()  # as a forked worker reads: modules out of the collector's reach, young collections rarer
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    _serve(os.fdopen(0, "rb"), channel)


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
    if sys.argv[1] == "--parser":
        _parser_main(int(sys.argv[2]))
    else:
        _zygote_main(int(sys.argv[1]))
