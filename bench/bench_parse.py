"""Benchmark the parse stage on the real corpus against bare pdfplumber `extract_text()`.

Usage: python bench/bench_parse.py [CORPUS_DIR] [--max-pages N]
Prints per-document pages/s for both, the time ratio (ours / bare) and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.parse import parse_pdf  # noqa: E402
from pipeline.parse.dehyphen import morph  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"


def bare(path: Path, max_pages: int | None) -> tuple[int, float]:
    """Pages and seconds for plain pdfplumber text extraction."""
    t = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages[:max_pages] if max_pages else pdf.pages
        for page in pages:
            page.extract_text()
            page.close()
        n = len(pages)
    return n, time.perf_counter() - t


def ours(path: Path, max_pages: int | None) -> tuple[int, float, int]:
    """Pages, seconds and table count for `parse_pdf`."""
    t = time.perf_counter()
    doc = parse_pdf(path, max_pages=max_pages)
    return len(doc.pages), time.perf_counter() - t, len(doc.tables)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--max-pages", type=int, default=None)
    args = ap.parse_args()
    paths = sorted(args.corpus.glob("*.pdf"))
    if not paths:
        sys.exit(f"no PDFs in {args.corpus}")
    morph()  # model load is per process, not per document
    print(f"{'document':48} {'pages':>5} {'ours p/s':>9} {'bare p/s':>9} {'ratio':>6} {'tables':>6}")
    tot_n = tot_ours = tot_bare = 0.0
    for p in paths:
        n, tb = bare(p, args.max_pages)
        _, to, nt = ours(p, args.max_pages)
        tot_n, tot_ours, tot_bare = tot_n + n, tot_ours + to, tot_bare + tb
        print(f"{p.stem[:48]:48} {n:5d} {n / to:9.1f} {n / tb:9.1f} {to / tb:6.2f} {nt:6d}")
    print(f"{'TOTAL':48} {int(tot_n):5d} {tot_n / tot_ours:9.1f} {tot_n / tot_bare:9.1f} "
          f"{tot_ours / tot_bare:6.2f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
