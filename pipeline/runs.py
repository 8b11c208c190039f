"""Batch planning and run reports shared by the CLI, the Prefect flows and the benchmark.

`plan_batch` (from `pipeline.catalog`) decides which files need work (new content hash or new
pipeline version, one file per content) without parsing anything; `run_local` processes them in
worker processes without Prefect, committing each document as it finishes; the report helpers
shape what the flows publish as Prefect artifacts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

from pipeline.catalog import DocResult, IngestSummary, Plan, plan_batch  # noqa: F401  (re-exported)

COMMIT_EVERY_S = 5.0  # a finished document waits at least this long for its commit (Ctrl-C: none)
# Commits take at most this share of a run's time: a commit rewrites every table of the store, so a
# store whose commit takes 2 s commits every 10 s, not every 5 s (the submitting process would
# otherwise spend a big store's run committing, beside the workers).
COMMIT_SHARE = 0.2
SUMMARY_KEY = "indikator-ingest-summary"
FAILURES_KEY = "indikator-ingest-failures"


def run_local(
    paths: list[str] | list[Path],
    out: str | Path,
    *,
    workers: int = 1,
    timeout: float = 600,
    max_pages: int | None = None,
    force: bool = False,
    on_result: Callable[[DocResult], None] | None = None,
    dask_address: str | None = None,
) -> IngestSummary:
    """Ingest without Prefect in `workers` isolated worker processes, or on the Dask cluster at
    `dask_address` ('local': a LocalCluster of `workers` processes; see `pipeline.dask_pool`).

    Finished documents are committed as they finish, at most every `COMMIT_EVERY_S` seconds or five
    times the last commit's duration (`COMMIT_SHARE`; documents finishing within that window share a
    commit), and at once on an interrupt, so an interrupted run keeps every finished document (a
    SIGKILL: all but those of the last window); `on_result` is called with each result once it is
    committed. An interrupt (Ctrl-C) cancels the documents not yet started and kills the workers
    before it propagates."""
    from pipeline.generations import recover_at_start

    started = time.perf_counter()
    recover_at_start(out)
    plan = plan_batch(paths, out, force=force)
    results = list(plan.skipped)
    if plan.pending:
        pool, concurrency = open_pool(workers, dask_address)
        results += _run_pending(plan, Path(out), pool, concurrency, timeout, max_pages, on_result)
    return IngestSummary(results, time.perf_counter() - started)


def open_pool(workers: int, dask_address: str | None = None) -> tuple:
    """(pool, documents to keep in flight): `workers` isolated worker processes, or a `DaskPool`
    on the cluster at `dask_address` (both have `run(path, max_pages=, timeout=)` and `close()`)."""
    if dask_address:
        from pipeline.dask_pool import connect

        pool = connect(dask_address, workers)  # no cluster: every document is a `failures` row
        return pool, pool.concurrency
    from pipeline.isolate import Pool

    return Pool(), max(1, workers)


def _run_pending(
    plan: Plan,
    out: Path,
    pool,
    concurrency: int,
    timeout: float,
    max_pages: int | None,
    on_result: Callable[[DocResult], None] | None,
) -> list[DocResult]:
    threads = ThreadPoolExecutor(max_workers=concurrency)
    commits, waiting = _Commits(out, plan.aliases, on_result), set()
    try:
        waiting = {threads.submit(pool.run, p, max_pages=max_pages, timeout=timeout) for p in plan.pending}
        while waiting:
            done, waiting = wait(waiting, timeout=commits.wait_s(), return_when=FIRST_COMPLETED)
            commits.add([f.result() for f in done], final=not waiting)
    except BaseException:  # an interrupt keeps every document that finished
        commits.add([f.result() for f in waiting if f.done() and not f.cancelled()], final=True)
        raise
    finally:
        pool.close()  # an interrupted run: workers killed, their threads return at once
        threads.shutdown(wait=True, cancel_futures=True)
    return commits.results


class _Commits:
    """Finished documents committed at most every `COMMIT_EVERY_S` seconds, or every 1 / `COMMIT_SHARE`
    times the last commit's duration when that is longer (the first commit at once and not counted:
    it imports the table libraries), so that documents finishing close together share a commit;
    `final` commits what is left."""

    def __init__(self, out: Path, aliases: dict[str, list[str]], on_result) -> None:
        self.out, self.aliases, self.on_result = out, aliases, on_result
        self.results: list[DocResult] = []
        self.pending: list[DocResult] = []
        self.last = float("-inf")
        self.every = COMMIT_EVERY_S

    def wait_s(self) -> float | None:
        """How long to wait for more documents before the pending ones are due."""
        if not self.pending:
            return None
        return max(0.0, self.last + self.every - time.monotonic())

    def add(self, finished: list[DocResult], final: bool) -> None:
        from pipeline.ingest import commit_results

        self.pending += finished
        if not self.pending or not (final or time.monotonic() - self.last >= self.every):
            return
        batch, self.pending = self.pending, []
        started, first = time.monotonic(), not self.results
        commit_results(self.out, batch, self.aliases)
        self.last = time.monotonic()
        if not first:  # the first commit also imports the table libraries
            self.every = max(COMMIT_EVERY_S, (self.last - started) / COMMIT_SHARE)
        self.results += batch
        for result in batch if self.on_result else ():
            self.on_result(result)


def document_line(result: DocResult) -> str:
    """One line per finished document (CLI output, Prefect run log): pages, facts, seconds or the failure."""
    name = Path(result.source_path).name
    if failure := result.failure:
        return f"{name}: {result.status} at {failure['stage']}: {failure['message']} ({result.seconds:.1f} s)"
    facts = sum(result.count(t) for t in ("figures", "dates", "clusters", "mentions"))
    return f"{name}: {result.count('pages')} pages, {facts} facts, {result.seconds:.1f} s"


def worker_failure(path: str | Path, exc: BaseException) -> DocResult:
    """A `failures` row for a document whose task itself failed (e.g. workers would not start)."""
    from pipeline.ingest import failed_result

    return failed_result(path, "worker", type(exc).__name__, str(exc) or repr(exc), 0.0)


def summary_rows(summary: IngestSummary) -> list[dict]:
    """One row per processed document for the run's table artifact."""
    rows = []
    for r in sorted(summary.results, key=lambda r: r.source_path):
        if r.skipped:
            continue
        failure = r.failure or {}
        rows.append(
            {
                "file": Path(r.source_path).name,
                "status": r.status,
                "pages": r.count("pages"),
                "figures": r.count("figures"),
                "dates": r.count("dates"),
                "clusters": r.count("clusters"),
                "seconds": round(r.seconds, 2),
                "stage": failure.get("stage"),
            }
        )
    return rows


def failures_markdown(summary: IngestSummary, out: str | Path) -> str:
    """Markdown for the run's failures artifact, with how to open the review app."""
    totals = summary.totals()
    lines = [
        "# indikator ingest",
        "",
        f"{totals['documents']} processed, {totals['skipped']} unchanged (skipped), "
        f"{totals['ok']} ok, {totals['failures']} failed, {totals['seconds']} s.",
        "",
    ]
    failed = [r.failure for r in summary.results if not r.skipped and r.failure]
    if failed:
        lines += ["| file | stage | error | message |", "|---|---|---|---|"]
        lines += [
            f"| {Path(f['source_path']).name} | {f['stage']} | {f['error_type']} | {_cell(f['message'])} |"
            for f in failed
        ]
    else:
        lines.append("No failures.")
    lines += ["", f"Review the extracted facts: `indikator review --out {out}` (opens on 127.0.0.1)."]
    return "\n".join(lines)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")[:200]
