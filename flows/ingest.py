"""Prefect ingest flow: skip unchanged files, one task per new document, one atomic write.

Orchestration only: planning, isolation and reports live in `pipeline.runs` / `pipeline.isolate`.
Each task hands its document to a long-lived worker process (hard timeout, models loaded once);
a document's failure is a `failures` row, so the run ends Completed with failures counted.
Measured per-task overhead is ~5 ms against seconds of parsing, so documents are not chunked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.config import prefect_environment

prefect_environment()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner  # noqa: E402

from pipeline.ingest import DocResult, IngestSummary, write_results  # noqa: E402
from pipeline.isolate import WorkerStartError, shared_pool  # noqa: E402
from pipeline.runs import (  # noqa: E402
    FAILURES_KEY,
    SUMMARY_KEY,
    failures_markdown,
    plan_batch,
    summary_rows,
    worker_failure,
)

# Called with each finished DocResult in the flow's process (the CLI's progress bar listens here).
listeners: list[Callable[[DocResult], None]] = []

TRANSIENT = (WorkerStartError, BlockingIOError, InterruptedError, ConnectionError)


def _retry_transient(task, task_run, state) -> bool:
    """Retry only errors that can go away by themselves (worker start-up, I/O), never a bad document."""
    try:
        state.result()
    except TRANSIENT:
        return True
    except Exception:  # noqa: BLE001
        return False
    return False


@task(name="process-document", retries=2, retry_delay_seconds=2, retry_condition_fn=_retry_transient)
def process_document_task(path: str, max_pages: int | None = None, timeout: float = 600) -> DocResult:
    """One document in this process's worker pool (a Dask worker has its own)."""
    return shared_pool().run(path, max_pages=max_pages, timeout=timeout)


@flow(name="indikator-ingest", task_runner=ThreadPoolTaskRunner(max_workers=1), log_prints=False)
def ingest_flow(
    paths: list[str],
    out: str = "extracted",
    force: bool = False,
    max_pages: int | None = None,
    timeout: float = 600,
    review: bool = False,
    review_port: int = 8501,
) -> IngestSummary:
    """Ingest new or changed PDF/TXT files into `out`; publishes summary and failure artifacts.

    With `review`, the run then pauses until a reviewer resumes it (see `flows.review`)."""
    summary = run_batch(paths, out, force=force, max_pages=max_pages, timeout=timeout)
    publish(summary, out)
    if review:
        from flows.review import review_gate

        review_gate(out, port=review_port)
    return summary


def task_runner(workers: int = 1, dask_address: str | None = None) -> TaskRunner:
    """Threads feeding `workers` worker processes, or prefect-dask on a cluster ("local": LocalCluster)."""
    if not dask_address:
        return ThreadPoolTaskRunner(max_workers=max(1, workers))
    from prefect_dask import DaskTaskRunner

    if dask_address == "local":
        return DaskTaskRunner(cluster_kwargs={"n_workers": max(1, workers), "threads_per_worker": 1})
    return DaskTaskRunner(address=dask_address)


def ingest(
    paths: list[str], out: str = "extracted", *, workers: int = 1, dask_address: str | None = None, **kw
) -> IngestSummary:
    """Run `ingest_flow` with the task runner for `workers` / `dask_address`."""
    return ingest_flow.with_options(task_runner=task_runner(workers, dask_address))(paths, out, **kw)


def run_batch(
    paths: list[str], out: str, *, force: bool, max_pages: int | None, timeout: float = 600
) -> IngestSummary:
    """Skip unchanged files before any task exists, run the rest, write them as one batch."""
    import time

    started = time.perf_counter()
    plan = plan_batch(paths, out, force=force)
    futures = {process_document_task.submit(str(p), max_pages, timeout): str(p) for p in plan.pending}
    results = list(plan.skipped)
    for future in as_completed(list(futures)):
        results.append(_result(futures[future], future))
        for listener in listeners:
            listener(results[-1])
    write_results(Path(out), results)
    return IngestSummary(results, time.perf_counter() - started)


def _result(path: str, future) -> DocResult:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - retries exhausted: record it, keep the run Completed
        return worker_failure(path, exc)


def publish(summary: IngestSummary, out: str) -> None:
    """Table artifact (per document) and markdown artifact (failures, review hint), stable keys."""
    totals = summary.totals()
    create_table_artifact(
        table=summary_rows(summary) or [{"file": None, "status": "nothing new"}],
        key=SUMMARY_KEY,
        description=f"{totals['documents']} processed, {totals['skipped']} skipped → {out}",
    )
    create_markdown_artifact(
        markdown=failures_markdown(summary, out),
        key=FAILURES_KEY,
        description=f"{totals['failures']} failures",
    )
