"""Fuzz run: 200 structure-aware mutants (tests/mutate.py) of the real corpus in ONE batch.

Mutations: byte flips inside streams, chunk deletion and duplication, object body swaps, lone
surrogates and control characters injected into text (ToUnicode maps, title). Prints whether
the batch crashed, each mutant's status, failure stages, peak RSS per worker and the time.

    PYTHONPATH=$PWD .venv/bin/python bench/fuzz.py [--count 200] [--workers 2] [--max-source-pages 15]

Sources are the corpus PDFs of at most `--max-source-pages` pages (the long reports would make
the run hours long without testing anything new) plus the fixture PDFs.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mutate import mutants  # noqa: E402

from pipeline.catalog import page_count  # noqa: E402
from pipeline.runs import run_local  # noqa: E402
from pipeline.store import read_table  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"  # `--corpus` for a worktree elsewhere
FIXTURES = ("kaluga_note.pdf", "two_column.pdf", "script_injection.pdf", "seed_gertsik_2020.pdf")


def sources(corpus_dir: Path, max_pages: int) -> list[Path]:
    corpus = [p for p in sorted(corpus_dir.glob("*.pdf")) if (page_count(p) or 0) <= max_pages]
    return corpus + [ROOT / "fixtures" / "pdf" / name for name in FIXTURES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-source-pages", type=int, default=15)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="indikator-fuzz-"))
    inbox = root / "inbox"
    inbox.mkdir()
    paths = mutants(sources(args.corpus, args.max_source_pages), inbox, args.count, args.seed)
    started = time.perf_counter()
    try:
        summary = run_local([inbox], root / "out", workers=args.workers, timeout=300)
        crashed = 0
    except Exception as exc:  # noqa: BLE001 - this is what the bench counts
        print(f"BATCH CRASHED: {type(exc).__name__}: {exc}")
        raise SystemExit(1) from exc
    done = [r for r in summary.results if not r.skipped]
    docs = read_table(root / "out", "documents")
    stages = collections.Counter(r.failure["stage"] for r in done if r.failure)
    print(
        f"mutants: {len(paths)}; crashed batches: {crashed}; processed: {len(done)} "
        f"(identical mutants skipped: {len(summary.results) - len(done)}); documents rows: {len(docs)}"
    )
    print(f"statuses: {dict(collections.Counter(docs['status']))}; failure stages: {dict(stages)}")
    print(
        f"replaced characters: {int(docs['replaced_chars'].fillna(0).sum())} in "
        f"{int((docs['replaced_chars'].fillna(0) > 0).sum())} documents"
    )
    print(
        f"peak RSS per worker: {max(r.worker.get('rss_mb', 0) for r in done):.0f} MB; "
        f"{time.perf_counter() - started:.0f} s; output in {root}"
    )


if __name__ == "__main__":
    main()
