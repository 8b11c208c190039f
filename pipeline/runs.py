"""Batch planning and run reports shared by the CLI, the Prefect flows and the benchmark.

`plan_batch` decides which files need work (new content hash or new pipeline version) without
parsing anything; `run_local` processes them in worker processes without Prefect; the report
helpers shape what the flows publish as Prefect artifacts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from pipeline.catalog import DocResult, IngestSummary, already_done, expand_paths, largest_first

SUMMARY_KEY = "indikator-ingest-summary"
FAILURES_KEY = "indikator-ingest-failures"


@dataclass
class Plan:
    files: list[Path]
    pending: list[Path]
    skipped: list[DocResult]


def plan_batch(paths: list[str] | list[Path], out: str | Path, *, force: bool = False) -> Plan:
    """Files to process (longest first): everything when `force`, else those not yet ingested by this
    version."""
    files = expand_paths(paths)
    done = set() if force else already_done(Path(out), files)
    skipped = [DocResult(str(p), None, "skipped", skipped=True) for p in files if p in done]
    return Plan(files, largest_first([p for p in files if p not in done]), skipped)


def run_local(
    paths: list[str] | list[Path],
    out: str | Path,
    *,
    workers: int = 1,
    timeout: float = 600,
    max_pages: int | None = None,
    force: bool = False,
    on_result: Callable[[DocResult], None] | None = None,
) -> IngestSummary:
    """Ingest without Prefect: `workers` isolated worker processes, one atomic write at the end.

    `on_result` sees each document as it finishes; an interrupt (Ctrl-C) cancels the documents
    not yet started and kills the workers before it propagates."""
    from pipeline.ingest import write_results
    from pipeline.isolate import Pool

    started = time.perf_counter()
    plan = plan_batch(paths, out, force=force)
    results = list(plan.skipped)
    if plan.pending:
        pool, threads = Pool(), ThreadPoolExecutor(max_workers=max(1, workers))
        try:
            run = lambda p: pool.run(p, max_pages=max_pages, timeout=timeout)  # noqa: E731
            futures = [threads.submit(run, p) for p in plan.pending]
            for future in as_completed(futures):
                results.append(future.result())
                if on_result:
                    on_result(results[-1])
        finally:
            threads.shutdown(wait=False, cancel_futures=True)
            pool.close()
        write_results(Path(out), results)
    return IngestSummary(results, time.perf_counter() - started)


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
