"""Profile the parse stage (CPU time) over a corpus: total CPU-s, then cProfile's top functions.

Usage: python bench/profile_parse.py [DIR ...] [--glob PATTERN] [--top N] [--sort tottime|cumulative]
         [--no-profile]
Scanned PDFs (names containing "scanned") are skipped: their cost is Tesseract's, not the parser's.
The total is CPU time (`time.process_time`); the profile uses cProfile's default clock (a CPU clock
makes the profiler itself 7× slower), so read its shares on an idle machine.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline.extract  # noqa: E402, F401  (import order: see bench_parse.py)
from pipeline.model import ParseError  # noqa: E402
from pipeline.parse import parse_pdf  # noqa: E402
from pipeline.parse.dehyphen import known  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpus" / "real", ROOT / "fixtures" / "pdf"]


def parse_all(paths: list[Path]) -> int:
    """Parse every document; the number of pages read."""
    n = 0
    for p in paths:
        with contextlib.suppress(ParseError):
            n += len(parse_pdf(p).pages)
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--glob", default="*.pdf")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--no-profile", action="store_true", help="only the CPU-s, no profiler")
    args = ap.parse_args()
    paths = [p for d in args.dirs for p in sorted(d.glob(args.glob)) if "scanned" not in p.name]
    known("развитие")  # the pymorphy3 model loads before the clock starts
    prof = None if args.no_profile else cProfile.Profile()  # process_time as its clock costs 7×
    c = time.process_time()
    if prof:
        prof.enable()
    n = parse_all(paths)
    if prof:
        prof.disable()
    cpu = time.process_time() - c
    print(f"{len(paths)} documents, {n} pages: {cpu:.2f} CPU-s, {n / cpu:.1f} pages per CPU-s")
    if prof:
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
