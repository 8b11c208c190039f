"""Kill test over the real corpus: SIGKILL ingest runs at random moments, half of them while a
generation is being written, into an output directory that holds a previous complete run.

After each kill: every table in Parquet, CSV and DuckDB holds one commit (formats agree), each
document's rows are all there or none (row counts per document equal the complete run's), the
next start leaves no temporary files, and no worker process outlives the run by 10 s. At the
end an uninterrupted run completes to the new state. Prints the counts.

    PYTHONPATH=$PWD .venv/bin/python bench/kill_ingest.py [--kills 20] [--workers 2] [--cli]

Each killed run uses a new pipeline version, so it has the whole corpus to do; `--cli` kills
`indikator ingest` instead of a library run (`pipeline.runs.run_local`) in its own process.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from storecheck import TAG_VARIABLE, kill_during, orphans_after, table_counts, temporary_files  # noqa: E402

from pipeline.config import pipeline_version  # noqa: E402
from pipeline.store import locked, read_table  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"  # `--corpus` for a worktree elsewhere
RUN = """
import sys
from pipeline.runs import run_local
run_local([sys.argv[2]], sys.argv[1], workers=int(sys.argv[3]), timeout=1800)
"""


def start(out: Path, version: str, tag: str, workers: int, cli: bool, corpus: Path) -> subprocess.Popen:
    """One ingest run of the corpus in its own process (its workers inherit the tag)."""
    env = {**os.environ, TAG_VARIABLE: tag, "INDIKATOR_PIPELINE_VERSION": version}
    if cli:
        command = [
            str(Path(sys.executable).with_name("indikator")),
            "ingest",
            str(corpus),
            "--out",
            str(out),
            "--workers",
            str(workers),
        ]
    else:
        command = [sys.executable, "-c", RUN, str(out), str(corpus), str(workers)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def check(out: Path, reference: dict, tag: str) -> dict:
    """The invariants after one kill; returns what was seen."""
    seen = {"orphans": len(orphans_after(tag))}
    counts = table_counts(out)  # asserts that the formats agree
    for name, per_doc in counts.items():
        assert per_doc == {d: n for d, n in reference[name].items() if d in per_doc}, f"{name}: mixed rows"
    seen["left_before_start"] = len(temporary_files(out))
    with locked(out):  # the next start
        seen["left_after_start"] = len(temporary_files(out))
    seen["new_docs"] = int((read_table(out, "documents")["pipeline_version"] != pipeline_version()).sum())
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--span", type=float, default=60.0, help="random kills happen in the first SPAN s")
    parser.add_argument("--cli", action="store_true")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    rng, out = random.Random(args.seed), Path(tempfile.mkdtemp(prefix="indikator-kill-")) / "out"
    started = time.perf_counter()
    run = start(out, pipeline_version(), "reference", args.workers, args.cli, args.corpus)
    assert run.wait() == 0, "the reference run failed"
    reference = table_counts(out)
    print(f"reference run: {len(reference['documents'])} documents, {time.perf_counter() - started:.0f} s")
    phases, rows = {"write": 0, "run": 0, "finished": 0}, []
    for i in range(args.kills):
        tag = f"kill-{i}-{os.getpid()}"
        run = start(out, f"{pipeline_version()}-kill{i}", tag, args.workers, args.cli, args.corpus)
        nth = rng.randint(1, 4)  # which of the run's commits a write-phase kill interrupts
        phase = kill_during(run, out, rng, write_phase=i % 2 == 0, span_s=args.span, nth_write=nth)
        phases[phase] += 1
        seen = check(out, reference, tag)
        rows.append(seen)
        print(f"kill {i + 1:2d}: {phase:8s} {seen}", flush=True)
    final = start(out, f"{pipeline_version()}-final", "final", args.workers, args.cli, args.corpus)
    assert final.wait() == 0, "the final run failed"
    assert table_counts(out) == reference, "the final state differs from a complete run"
    versions = set(read_table(out, "documents")["pipeline_version"])
    print(
        f"kills: {args.kills} ({phases['write']} during a write, {phases['run']} during processing, "
        f"{phases['finished']} after the run ended); mixed states: 0; "
        f"temporary files left after the next start: {sum(r['left_after_start'] for r in rows)}; "
        f"orphans after 10 s: {sum(r['orphans'] for r in rows)}; "
        f"final run complete: {versions == {pipeline_version() + '-final'}}; "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
