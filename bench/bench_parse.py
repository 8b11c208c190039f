"""Benchmark the parse stage on the real corpus: the three engines against bare pdfplumber
`extract_text()` ("bare") and bare pypdfium2 `get_text_range()` ("rawpdfium").

Usage: python bench/bench_parse.py [CORPUS_DIR] [--glob PATTERN] [--max-pages N]
                                   [--engine pdfium|hybrid|pdfplumber|bare|rawpdfium]
Without --engine, each engine runs in its own subprocess (so peak RSS is per engine) and the
table shows per-document pages/s (wall and CPU) for each, the CPU-time ratio to bare, and a
last line with the CPU-time ratio of each engine to bare pypdfium2.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline.extract  # noqa: E402, F401  (first: `import pipeline.parse` alone hits the nlp↔extract cycle)
from pipeline.parse import parse_pdf  # noqa: E402
from pipeline.parse.dehyphen import known  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"
ENGINES = ("pdfium", "hybrid", "pdfplumber", "bare", "rawpdfium")


def bare(path: Path, max_pages: int | None) -> int:
    """Plain pdfplumber text extraction; returns the page count."""
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages[:max_pages] if max_pages else pdf.pages
        for page in pages:
            page.extract_text()
            page.close()
        return len(pages)


def rawpdfium(path: Path, max_pages: int | None) -> int:
    """Plain pypdfium2 text extraction (no boxes, no layout); returns the page count."""
    doc = pdfium.PdfDocument(path)
    try:
        n = min(len(doc), max_pages) if max_pages else len(doc)
        for i in range(n):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return n
    finally:
        doc.close()


def timed(engine: str, path: Path, max_pages: int | None) -> dict[str, float]:
    """Pages, wall and CPU seconds of one document with one engine."""
    w, c = time.perf_counter(), time.process_time()
    if engine == "bare":
        n = bare(path, max_pages)
    elif engine == "rawpdfium":
        n = rawpdfium(path, max_pages)
    else:
        n = len(parse_pdf(path, max_pages=max_pages, engine=engine).pages)  # type: ignore[arg-type]
    return {"pages": n, "wall": time.perf_counter() - w, "cpu": time.process_time() - c}


def run_engine(engine: str, paths: list[Path], max_pages: int | None) -> dict:
    """All documents with one engine in this process, plus its peak RSS (MB)."""
    known("развитие")  # the pymorphy3 model loads once per process, not per document
    docs = {p.stem: timed(engine, p, max_pages) for p in paths}
    return {"docs": docs, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(engine: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, str(args.corpus), "--engine", engine, "--glob", args.glob]
    if args.max_pages:
        cmd += ["--max-pages", str(args.max_pages)]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def row(name: str, n: float, res: dict[str, dict[str, float]]) -> str:
    cells = [f"{n / res[e]['wall']:7.1f} {n / res[e]['cpu']:7.1f}" for e in ENGINES]
    ratios = [f"{res[e]['cpu'] / res['bare']['cpu']:5.2f}" for e in ENGINES[:3]]
    return f"{name[:40]:40} {int(n):5d} " + " ".join(cells) + " " + " ".join(ratios)


def report(results: dict[str, dict]) -> None:
    print(f"{'':46} " + " ".join(f"{e + ' p/s':>15}" for e in ENGINES) + f" {'CPU ratio to bare':>17}")
    print(
        f"{'document':40} {'pages':>5} "
        + " ".join(f"{'wall':>7} {'cpu':>7}" for _ in ENGINES)
        + f" {'pdfium':>5} {'hybr':>5} {'plumb':>5}"
    )
    total = {e: {"wall": 0.0, "cpu": 0.0} for e in ENGINES}
    n_total = 0
    for name, d in results["bare"]["docs"].items():
        res = {e: results[e]["docs"][name] for e in ENGINES}
        print(row(name, d["pages"], res))
        n_total += d["pages"]
        for e in ENGINES:
            total[e]["wall"] += res[e]["wall"]
            total[e]["cpu"] += res[e]["cpu"]
    print(row("TOTAL", n_total, total))
    raw = total["rawpdfium"]["cpu"]
    print("CPU ratio to bare pypdfium2: " + ", ".join(f"{e} {total[e]['cpu'] / raw:.1f}" for e in ENGINES))
    print("peak RSS (MB): " + ", ".join(f"{e} {results[e]['rss']:.0f}" for e in ENGINES))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--glob", default="*.pdf", help="which documents of the corpus")
    ap.add_argument("--max-pages", type=int, default=None)
    ap.add_argument("--engine", choices=ENGINES, help="run one engine and print JSON")
    args = ap.parse_args()
    paths = sorted(args.corpus.glob(args.glob))
    if not paths:
        sys.exit(f"no PDFs in {args.corpus}")
    if args.engine:
        print(json.dumps(run_engine(args.engine, paths, args.max_pages)))
        return
    report({e: child(e, args) for e in ENGINES})


if __name__ == "__main__":
    main()
