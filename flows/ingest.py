"""Prefect ingest flow: skip unchanged files, one task run per new document, named after its file.

Orchestration only: planning, isolation and reports live in `pipeline.runs` / `pipeline.isolate`.
Each task hands its document to a long-lived worker process (hard timeout, models loaded once), or,
with `dask_address`, to the Dask cluster (`pipeline.dask_pool`), and logs one line through
Prefect's run logger. The task runs stay in the flow's process (threads waiting on their document):
Dask workers run plain `pipeline` functions, so they never import Prefect nor need its API, while
the Prefect UI still shows one task run per document with its state, duration and log line.
A document that ends with a `failures` row is a Failed task run; the flow still writes every
finished document and ends Completed with a message such as "2 ok, 1 failed". Measured per-task
overhead is ~5 ms against seconds of parsing (long documents are split in page slices on Dask
only, inside the document's task). Call `pipeline.config.prefect_environment()` before importing this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import as_completed
from prefect.runtime import task_run
from prefect.states import Completed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.generations import recover_at_start
from pipeline.ingest import DocResult, IngestSummary, commit_results
from pipeline.isolate import WorkerStartError, shared_pool
from pipeline.runs import (
    FAILURES_KEY,
    SUMMARY_KEY,
    document_line,
    failures_markdown,
    open_pool,
    plan_batch,
    summary_rows,
    worker_failure,
)

# Called with each finished DocResult in the flow's process (the CLI's progress bar listens here).
listeners: list[Callable[[DocResult], None]] = []

# The pool of the `ingest` call in progress (a `DaskPool` for a cluster); else this process's pool.
_pool = None

# `Pool.run` retries a worker's start itself; these can still come from the task machinery.
TRANSIENT = (WorkerStartError, BlockingIOError, InterruptedError, ConnectionError)


class DocumentFailed(Exception):
    """A document that ended with a `failures` row: its task run is Failed, the batch goes on."""

    def __init__(self, result: DocResult) -> None:
        super().__init__(result)
        self.result = result

    def __str__(self) -> str:
        return document_line(self.result)


def _retry_transient(task, task_run, state) -> bool:
    """Retry only errors that can go away by themselves (worker start-up, I/O), never a bad document."""
    try:
        state.result()
    except TRANSIENT:
        return True
    except Exception:  # noqa: BLE001
        return False
    return False


def _document_name() -> str:
    return Path(task_run.parameters["path"]).name


@task(
    name="process-document",
    task_run_name=_document_name,
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=_retry_transient,
)
def process_document_task(path: str, max_pages: int | None = None, timeout: float = 600) -> DocResult:
    """One document in this process's worker pool or on the Dask cluster of the run; raises
    `DocumentFailed` (carrying the failed result) when the document failed."""
    result = (_pool or shared_pool()).run(path, max_pages=max_pages, timeout=timeout)
    if result.failure:
        get_run_logger().error(document_line(result))
        raise DocumentFailed(result)
    get_run_logger().info(document_line(result))
    return result


@flow(name="indikator-ingest", task_runner=ThreadPoolTaskRunner(max_workers=1), log_prints=False)
def ingest_flow(
    paths: list[str],
    out: str = "extracted",
    force: bool = False,
    max_pages: int | None = None,
    timeout: float = 600,
    review: bool = False,
    review_port: int = 8501,
):
    """Ingest new or changed PDF/TXT files into `out`; publishes summary and failure artifacts when
    anything was processed. Returns the `IngestSummary` (final state message: "N ok, M failed").

    With `review`, the run then pauses until a reviewer resumes it (see `flows.review`)."""
    summary = run_batch(paths, out, force=force, max_pages=max_pages, timeout=timeout)
    if summary.totals()["documents"]:
        publish(summary, out)
    if review:
        from flows.review import review_gate

        review_gate(out, port=review_port)
    return Completed(message=outcome(summary), data=summary)


def outcome(summary: IngestSummary) -> str:
    """ "2 ok, 1 failed, 3 unchanged" for the flow run's final state."""
    totals = summary.totals()
    ok = totals["documents"] - totals["failures"]
    return f"{ok} ok, {totals['failures']} failed, {totals['skipped']} unchanged"


def ingest(
    paths: list[str], out: str = "extracted", *, workers: int = 1, dask_address: str | None = None, **kw
) -> IngestSummary:
    """Run `ingest_flow` on `workers` worker processes, or on the Dask cluster at `dask_address`
    ('local': a LocalCluster of `workers` processes), as many task threads as documents in flight."""
    global _pool
    pool, concurrency = open_pool(workers, dask_address) if dask_address else (shared_pool(), workers)
    _pool = pool if dask_address else None
    try:
        runner = ThreadPoolTaskRunner(max_workers=max(1, concurrency))
        return ingest_flow.with_options(task_runner=runner)(paths, out, **kw)
    finally:
        _pool = None
        if dask_address:
            pool.close()


def run_batch(
    paths: list[str], out: str, *, force: bool, max_pages: int | None, timeout: float = 600
) -> IngestSummary:
    """Skip unchanged files before any task exists; write each document as its task finishes."""
    started = time.perf_counter()
    recover_at_start(out)  # roll back what a killed run left before planning on it
    plan = plan_batch(paths, out, force=force)
    futures = {process_document_task.submit(str(p), max_pages, timeout): str(p) for p in plan.pending}
    results = list(plan.skipped)
    for future in as_completed(list(futures)):
        results.append(_result(futures[future], future))
        commit_results(Path(out), [results[-1]], plan.aliases)
        for listener in listeners:
            listener(results[-1])
    return IngestSummary(results, time.perf_counter() - started)


def _result(path: str, future) -> DocResult:
    """The task's `DocResult`, also for a Failed task run (a document failure or exhausted retries)."""
    value = future.result(raise_on_failure=False)
    if isinstance(value, DocumentFailed):
        return value.result
    if isinstance(value, BaseException):  # retries exhausted: record it, keep the run going
        return worker_failure(path, value)
    return value


def publish(summary: IngestSummary, out: str) -> None:
    """Table artifact (per document) and markdown artifact (failures, review hint), stable keys."""
    totals = summary.totals()
    create_table_artifact(
        table=summary_rows(summary),
        key=SUMMARY_KEY,
        description=f"{totals['documents']} processed, {totals['skipped']} skipped → {out}",
    )
    create_markdown_artifact(
        markdown=failures_markdown(summary, out),
        key=FAILURES_KEY,
        description=f"{totals['failures']} failures",
    )
