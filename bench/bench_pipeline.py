"""End-to-end pipeline benchmark on the real corpus (11 PDFs, 375 pages).

Reports pages/s with 1 and 2 worker processes (first run into an empty output dir), the re-run on
the unchanged inbox (library call and `indikator ingest`), peak RSS per worker, and where the time
goes (worker start-up, parse-only time). `--prefect` adds a run through the Prefect flow.

    .venv/bin/python bench/bench_pipeline.py [--workers 1 2] [--prefect]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def first_run(workers: int, out: Path) -> dict:
    from pipeline.runs import run_local

    summary = run_local([CORPUS], out, workers=workers, timeout=1800)
    totals = summary.totals()
    done = [r for r in summary.results if not r.skipped]
    return {
        "workers": workers,
        "seconds": round(summary.seconds, 1),
        "pages": totals["pages"],
        "pages_per_s": round(totals["pages"] / summary.seconds, 2),
        "doc_seconds_sum": round(sum(r.seconds for r in done), 1),
        "ok": totals["ok"],
        "failures": totals["failures"],
        "worker_pids": len({r.worker.get("pid") for r in done}),
        "model_loads_per_worker": max(r.worker.get("model_loads", 0) for r in done),
        "peak_rss_mb_per_worker": max(r.worker.get("rss_mb", 0) for r in done),
        "slowest": sorted(((round(r.seconds, 1), Path(r.source_path).name) for r in done), reverse=True)[:3],
    }


def rerun(out: Path, first_seconds: float) -> dict:
    from pipeline.config import pipeline_version
    from pipeline.runs import run_local

    started = time.perf_counter()
    summary = run_local([CORPUS], out)
    seconds = time.perf_counter() - started
    cli = Path(sys.executable).with_name("indikator")
    started = time.perf_counter()
    env = {**os.environ, "INDIKATOR_PIPELINE_VERSION": pipeline_version()}  # source edits since the run
    subprocess.run([str(cli), "ingest", str(CORPUS), "--out", str(out)], check=True, env=env)
    cli_seconds = time.perf_counter() - started
    return {
        "skipped": summary.totals()["skipped"],
        "seconds": round(seconds, 3),
        "percent_of_first": round(100 * seconds / first_seconds, 2),
        "cli_seconds": round(cli_seconds, 2),
    }


def worker_start() -> float:
    from pipeline.isolate import Worker

    started = time.perf_counter()
    worker = Worker()
    worker.wait_ready()
    worker.kill()
    return round(time.perf_counter() - started, 2)


def parse_only() -> dict:
    from pipeline.parse import parse_path

    started, pages = time.perf_counter(), 0
    for pdf in sorted(CORPUS.glob("*.pdf")):
        pages += len(parse_path(pdf).pages)
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 1), "pages_per_s": round(pages / seconds, 2)}


def prefect_run(workers: int, out: Path) -> dict:
    from pipeline.config import prefect_environment

    prefect_environment(Path(tempfile.mkdtemp()))
    started = time.perf_counter()
    from flows.ingest import ingest

    summary = ingest([str(CORPUS)], str(out), workers=workers, timeout=1800)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    ingest([str(CORPUS)], str(out), workers=workers)
    return {
        "workers": workers,
        "seconds_incl_prefect_startup": round(seconds, 1),
        "pages_per_s": round(summary.totals()["pages"] / seconds, 2),
        "rerun_flow_seconds": round(time.perf_counter() - started, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--prefect", action="store_true", help="also time the Prefect flow")
    parser.add_argument("--no-parse-only", action="store_true")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="indikator-bench-"))
    report: dict = {"corpus": str(CORPUS), "worker_start_s": worker_start()}
    for n in args.workers:
        report[f"first_run_{n}w"] = run = first_run(n, root / f"out{n}")
        print(run, flush=True)
    last = args.workers[-1]
    report["rerun"] = rerun(root / f"out{last}", report[f"first_run_{last}w"]["seconds"])
    print(report["rerun"], flush=True)
    if not args.no_parse_only:
        report["parse_only_1_process"] = parse_only()
    if args.prefect:
        report["prefect_flow"] = prefect_run(last, root / "prefect")
    print()
    for key, value in report.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
