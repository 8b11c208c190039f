"""Review speed and decision survival on the seed paper.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_review.py [--decisions 40] [--no-browser]

Reports the median and 95th percentile time per decision in the library (`record_decision`,
target < 0.2 s) and in the browser (key press → saved and the next row selected, in Debian's
Chromium, target < 1 s), the time of one background publish, and how ~20 decisions re-attach
after (a) `--force` re-ingest, (b) a pipeline-version change, (c) the same PDF with its pages
reordered: attached / orphaned / on a wrong fact / lost (lost = decisions no longer in force).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="bench-review-prefect-"))
os.environ.setdefault("INDIKATOR_PIPELINE_VERSION", "bench-review")


def percentiles(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (n={len(ordered)})"


def library(out: Path, n: int) -> None:
    from pipeline.review.decisions import publish, record_decision
    from pipeline.store import read_table

    figs = read_table(out, "figures").to_dict("records")
    times = []
    for i in range(n):
        row = figs[i % len(figs)]
        started = time.perf_counter()
        record_decision(out, "figures", row["figure_id"], ("accept", "reject")[i % 2], doc_id=row["doc_id"])
        times.append(time.perf_counter() - started)
    print(f"library record_decision: first {times[0] * 1000:.1f} ms; {percentiles(times[1:])}")
    started = time.perf_counter()
    publish(out)
    seconds = time.perf_counter() - started
    print(f"publish (tables + reviewed/ CSV + Excel; the app runs it in the background): {seconds:.2f} s")


def browser(out: Path, n: int) -> None:
    from test_review_browser import browser_tab, counter, running_app, wait_counter

    times = []
    with running_app(out) as (url, _), browser_tab(url) as tab:
        for _ in range(n):
            done = counter(tab, "saved")
            previous = tab.evaluate("S.view[S.sel]._id")
            started = time.perf_counter()
            tab.keyboard.press("a")
            wait_counter(tab, "saved", done + 1)
            tab.wait_for_function(f"S.view[S.sel]._id !== {previous!r}")
            times.append(time.perf_counter() - started)
    print(f"browser key → saved + next row: {percentiles(times)}")


def reattachment(project: Path) -> None:
    from test_review_seed import SEED, _counts, _decide_twenty, _ingest, _reordered

    from pipeline.review import journal

    out = _ingest(project)
    _decide_twenty(out)
    print(
        f"re-attachment of {len(journal.effective(out))} decisions (figures, table cells, dates, a cluster):"
    )
    steps = [
        ("(a) --force re-ingest", lambda: _ingest(project, force=True)),
        ("(b) pipeline-version change", lambda: _version(project)),
        ("(c) pages reordered", lambda: (_reordered(SEED, project / "seed.pdf"), _ingest(project))),
    ]
    for name, step in steps:
        step()
        counts = _counts(out)
        lost = 20 - len(journal.effective(out))
        print(
            f"  {name}: attached {counts['attached']}, orphaned {counts['orphaned']}, "
            f"wrong fact {counts['wrong_fact']}, lost {lost}; matched by {counts['by']}"
        )


def _version(project: Path) -> None:
    from test_review_seed import _ingest

    os.environ["INDIKATOR_PIPELINE_VERSION"] = "bench-review-next"
    _ingest(project)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--decisions", type=int, default=40)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from test_review_seed import SEED, _ingest

    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        for name in ("speed", "survival"):
            (Path(tmp) / name).mkdir()
            shutil.copy(SEED, Path(tmp) / name / "seed.pdf")
        out = _ingest(Path(tmp) / "speed")
        shutil.copytree(out, Path(tmp) / "speed" / "out2")
        library(out, args.decisions)
        if not args.no_browser:
            browser(Path(tmp) / "speed" / "out2", min(args.decisions, 30))
        reattachment(Path(tmp) / "survival")


if __name__ == "__main__":
    main()
