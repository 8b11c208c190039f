"""Prefect ingest flow: one task per document, one atomic write per batch.

Orchestration only: parsing and extraction live in `pipeline.ingest`. A document's failure is a
`failures` row returned by its task, so the flow run ends Completed with failures counted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.config import prefect_environment

prefect_environment()

from prefect import flow, task  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline.ingest import (  # noqa: E402
    DocResult,
    IngestSummary,
    already_done,
    expand_paths,
    process_document,
    write_results,
)

# Called with each finished DocResult in the flow's process (the CLI's progress bar listens here).
listeners: list[Callable[[DocResult], None]] = []

TRANSIENT = (BlockingIOError, InterruptedError, ConnectionError, TimeoutError)


def _retry_transient(task, task_run, state) -> bool:
    """Retry only errors that can go away by themselves (I/O hiccups), never a bad document."""
    try:
        state.result()
    except TRANSIENT:
        return True
    except Exception:  # noqa: BLE001
        return False
    return False


@task(name="process-document", retries=2, retry_delay_seconds=1, retry_condition_fn=_retry_transient)
def process_document_task(path: str, max_pages: int | None = None) -> DocResult:
    return process_document(path, max_pages=max_pages)


@flow(name="indikator-ingest", task_runner=ThreadPoolTaskRunner(max_workers=1), log_prints=False)
def ingest_flow(
    paths: list[str], out: str = "extracted", force: bool = False, max_pages: int | None = None
) -> IngestSummary:
    """Ingest PDF/TXT files and folders into `out`; returns per-document results and totals."""
    return run_batch(paths, out, force=force, max_pages=max_pages)


def run_batch(paths: list[str], out: str, *, force: bool, max_pages: int | None) -> IngestSummary:
    """Submit one task per new or changed document, collect results, write them once."""
    import time

    started = time.perf_counter()
    files = expand_paths(paths)
    skip = set() if force else already_done(Path(out), files)
    results = [DocResult(str(p), None, "skipped", skipped=True) for p in files if p in skip]
    futures = [process_document_task.submit(str(p), max_pages) for p in files if p not in skip]
    for future in as_completed(futures):
        results.append(future.result())
        for listener in listeners:
            listener(results[-1])
    write_results(Path(out), results)
    return IngestSummary(results, time.perf_counter() - started)
