"""Documents on a Dask cluster (`dask scheduler` + `dask worker`s, or a LocalCluster), without Prefect.

The tasks call `pipeline.ingest` inside the Dask worker processes: no Prefect import and no
Prefect server there, no nested worker process; the NLP models load once per Dask worker process.
A document of more than `SLICE_PAGES` pages is a read task, extraction tasks of `SLICE_PAGES`
pages each (run on whichever workers are free) and a finishing task, with the same rows as in one
piece: extraction is per page, while furniture, title, territory, clusters and ids are steps of
the whole document (`ingest.prepare` / `ingest.page_part` / `ingest.finish`).

Limits: each task starts a timer in its worker; a task still running after the per-document
timeout logs an event, and the caller waiting on that document records a `failures` row (stage
"timeout"), cancels the document's tasks and restarts that worker through its nanny (start
workers with the nanny, the default). Memory is bounded by Dask (`dask worker --memory-limit`: the
nanny restarts a worker past it); a task that keeps killing workers ends as `KilledWorker`, a
`failures` row with stage "crash". `DaskPool.run` never raises, like `isolate.Pool.run`.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from pipeline.ingest import DocResult, PagePart, Prepared, failed_result

LOCAL = "local"  # --dask-address local: a LocalCluster with one single-threaded process per worker
SLICE_PAGES = int(os.environ.get("INDIKATOR_DASK_SLICE_PAGES", "16"))  # pages per extraction task
TIMEOUT_TOPIC = "indikator-timeout"
POLL_S = 0.5  # how often a waiting caller looks for a timeout event
CONNECT_TIMEOUT_S = 60
RESTART_TIMEOUT_S = 60
IN_FLIGHT_PER_THREAD = 2  # documents submitted per Dask thread, so no worker waits for the next one
# Dask's own periodic work, made coarse for long CPU-bound tasks: the event-loop watchdog ticks
# every 20 ms, the worker's profiler samples every 10 ms and its memory monitor runs every 100 ms
# in every scheduler, nanny and worker process. Measured on 3 corpus PDFs with 2 workers: 20.6
# CPU-s by default, 17.3 with these (the same run with `--workers 2`: 15.9). Set for the
# LocalCluster here; for `dask scheduler` / `dask worker` as environment (`lean_environ()`).
LEAN_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}
PRELOAD = "pipeline.dask_pool"  # `dask worker --preload`: workers prime as they start (`dask_setup`)
_RESTARTED = "parse/extract too slow or hung; its Dask worker was restarted"
_CLOSED = "the Dask client is closed (run interrupted)"


def lean_environ() -> dict[str, str]:
    """`LEAN_CONFIG` as the environment variables Dask reads (`DASK_DISTRIBUTED__ADMIN__...`)."""
    return {
        "DASK_" + key.replace(".", "__").replace("-", "_").upper(): str(v) for key, v in LEAN_CONFIG.items()
    }


# ---- worker side: plain functions, imported by the Dask workers (no Prefect) ----


@contextmanager
def _time_limit(timeout: float) -> Iterator[None]:
    """Report this task to the caller (an event) if it is still running after `timeout` seconds."""
    from distributed import get_worker

    worker = get_worker()
    message = {"key": str(worker.get_current_task()), "worker": worker.address}
    timer = threading.Timer(timeout, worker.log_event, args=(TIMEOUT_TOPIC, message))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _with_worker(result: DocResult) -> DocResult:
    from pipeline.isolate import worker_info

    result.worker = worker_info()
    return result


def dask_setup(worker) -> None:
    """`dask worker --preload pipeline.dask_pool`: the worker primes itself as it starts (`_warm`,
    in a thread, so it joins the cluster at once); a task that comes first waits for it."""
    threading.Thread(target=_warm, name="indikator-prime", daemon=True).start()


_priming = threading.Lock()


def _warm() -> None:
    """Once per Dask worker process, as the isolate workers' zygote starts: glibc's malloc back to
    adaptive thresholds (the nanny fixed them: `isolate.adaptive_malloc`), the models loaded, the
    extraction primed and everything frozen out of the collector's reach (`ingest.prime_worker`)."""
    from pipeline.ingest import prime_worker
    from pipeline.isolate import adaptive_malloc

    with _priming:
        adaptive_malloc()
        prime_worker()


def document_task(path: str, max_pages: int | None, timeout: float) -> DocResult:
    """A whole document in this Dask worker."""
    from pipeline.ingest import process_document

    _warm()
    with _time_limit(timeout):
        return _with_worker(process_document(path, max_pages=max_pages))


def read_task(path: str, max_pages: int | None, timeout: float) -> Prepared | DocResult:
    """A long document read and checked (or its finished result when it failed)."""
    from pipeline.ingest import prepare

    with _time_limit(timeout):
        return prepare(path, max_pages=max_pages)


def extract_task(read: Prepared | DocResult, start: int, stop: int | None, timeout: float) -> PagePart | None:
    """Rows of pages `start:stop` (indexes into the parsed pages) of a read document."""
    from pipeline.ingest import neighbour_texts, page_part

    if isinstance(read, DocResult):
        return None
    _warm()
    with _time_limit(timeout):
        pages = read.parsed.pages
        return page_part(read.parsed.doc_id, pages[start:stop], neighbour_texts(pages, start, stop))


def finish_task(read: Prepared | DocResult, parts: list[PagePart | None], timeout: float) -> DocResult:
    """The document's result from its read state and page parts."""
    from pipeline.ingest import finish

    if isinstance(read, DocResult):
        return _with_worker(read)
    with _time_limit(timeout):
        return _with_worker(finish(read, [p for p in parts if p is not None]))


def slices(n_pages: int, size: int) -> list[tuple[int, int | None]]:
    """Index slices of `size` pages; the last is open-ended (a parse may find more or fewer pages)."""
    starts = list(range(0, max(n_pages, 1), size))
    return [(a, b) for a, b in zip(starts, [*starts[1:], None], strict=True)]


# ---- caller side ----


class ClusterUnavailable(RuntimeError):
    """No usable Dask cluster: no scheduler, no worker, or workers running another pipeline version."""


class Unavailable:
    """Stands in for a `DaskPool` that could not connect: every document is a `failures` row."""

    concurrency = 1

    def __init__(self, message: str) -> None:
        self.message = message

    def run(self, path: str | Path, *, max_pages: int | None = None, timeout: float = 600) -> DocResult:
        return failed_result(path, "worker", "ClusterUnavailable", self.message, 0.0)

    def close(self) -> None:
        pass


def connect(address: str, workers: int = 1) -> DaskPool | Unavailable:
    """A `DaskPool` on the cluster at `address`, or an `Unavailable` saying why there is none."""
    try:
        return DaskPool(address, workers)
    except (ClusterUnavailable, OSError, TimeoutError) as exc:
        return Unavailable(f"Dask cluster {address}: {exc}")


class DaskPool:
    """Runs documents on a Dask cluster; same interface as `isolate.Pool` (`run`, `close`).

    Raises `ClusterUnavailable` (or the connection's `OSError`) when there is no usable cluster."""

    def __init__(self, address: str, workers: int = 1, slice_pages: int | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.slice_pages, self.closed = max(1, slice_pages or SLICE_PAGES), False
        self._cluster = None
        if address == LOCAL:
            with dask.config.set({**LEAN_CONFIG, "distributed.worker.preload": [PRELOAD]}):
                self._cluster = LocalCluster(
                    n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
                )
            address = self._cluster.scheduler_address
        self.client = Client(address, timeout=CONNECT_TIMEOUT_S)
        self._overruns: dict[str, str] = {}  # task key → worker address, reported by the timers
        self._lock = threading.Lock()
        try:
            self._check_workers()
        except BaseException:
            self.close()
            raise
        self.client.subscribe_topic(TIMEOUT_TOPIC, self._on_overrun)

    def _check_workers(self) -> None:
        """At least one worker joins within `CONNECT_TIMEOUT_S`, and all run this pipeline version
        (else their rows would carry another version and every run would extract them again)."""
        from pipeline.config import pipeline_version

        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except TimeoutError as exc:
            raise ClusterUnavailable(f"no Dask worker joined within {CONNECT_TIMEOUT_S:g} s") from exc
        theirs = set(self.client.run(pipeline_version).values())
        if theirs != {mine := pipeline_version()}:
            versions = ", ".join(sorted(theirs))
            raise ClusterUnavailable(f"Dask workers run pipeline {versions}, this process {mine}")

    @property
    def concurrency(self) -> int:
        """How many documents callers should keep in flight (per-thread queue kept short)."""
        return IN_FLIGHT_PER_THREAD * max(1, sum(self.client.nthreads().values()))

    def _on_overrun(self, event: tuple[float, dict]) -> None:
        _, message = event
        with self._lock:
            self._overruns[message["key"]] = message["worker"]

    def run(self, path: str | Path, *, max_pages: int | None = None, timeout: float = 600) -> DocResult:
        """Process one document on the cluster; a timeout, a killed worker or an error becomes a
        failed `DocResult`."""
        started = time.perf_counter()
        if self.closed:
            return failed_result(path, "worker", "Cancelled", _CLOSED, 0.0)
        try:
            futures = self._submit(str(path), max_pages, timeout)
        except Exception as exc:  # noqa: BLE001 - the scheduler is gone, the document is recorded
            return failed_result(path, "worker", type(exc).__name__, str(exc), time.perf_counter() - started)
        try:
            return self._wait(str(path), futures, timeout, started)
        finally:
            self._forget(futures)

    def _submit(self, path: str, max_pages: int | None, timeout: float) -> list:
        """The document's futures, the last one giving its `DocResult`."""
        from pipeline.catalog import page_count
        from pipeline.config import Settings

        token = f"{Path(path).name}-{uuid.uuid4().hex[:12]}"
        submit = self.client.submit
        n_pages = min(page_count(Path(path)) or 0, max_pages or Settings().max_pages)
        if n_pages <= self.slice_pages:
            return [submit(document_task, path, max_pages, timeout, key=f"document-{token}")]
        read = submit(read_task, path, max_pages, timeout, key=f"read-{token}")
        parts = [
            submit(extract_task, read, a, b, timeout, key=f"extract-{a}-{token}")
            for a, b in slices(n_pages, self.slice_pages)
        ]
        return [read, *parts, submit(finish_task, read, parts, timeout, key=f"finish-{token}")]

    def _wait(self, path: str, futures: list, timeout: float, started: float) -> DocResult:
        from distributed import KilledWorker

        def failed(stage: str, kind: str, message: str) -> DocResult:
            return failed_result(path, stage, kind, message, time.perf_counter() - started)

        while not self.closed:
            try:
                return futures[-1].result(timeout=POLL_S)
            except TimeoutError:
                if worker := self._overrun(futures):
                    self._stop(futures, worker)
                    return failed("timeout", "Timeout", f"no result after {timeout:g} s; {_RESTARTED}")
            except KilledWorker as exc:
                return failed("crash", "KilledWorker", f"Dask workers died on the document: {exc}")
            except Exception as exc:  # noqa: BLE001 - a task error or a lost scheduler, recorded
                stage = "extract" if self.client.status == "running" else "worker"
                return failed(stage, type(exc).__name__, str(exc))
        return failed("worker", "Cancelled", _CLOSED)

    def _overrun(self, futures: list) -> str | None:
        with self._lock:
            for f in futures:
                if (worker := self._overruns.pop(str(f.key), None)) is not None:
                    return worker
        return None

    def _stop(self, futures: list, worker: str) -> None:
        """Cancel the document's tasks and restart the worker still running one of them."""
        self.client.cancel(futures, force=True)
        with suppress(Exception):  # a worker without a nanny cannot be restarted
            self.client.restart_workers([worker], timeout=RESTART_TIMEOUT_S, raise_for_error=False)

    def _forget(self, futures: list) -> None:
        with self._lock:
            for f in futures:
                self._overruns.pop(str(f.key), None)
        for f in futures:
            f.release()

    def close(self) -> None:
        """Stop waiting, disconnect (the cluster cancels this client's tasks), stop an own LocalCluster."""
        self.closed = True
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
