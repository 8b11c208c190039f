"""OCR benchmark: speed of OCR pages, and facts of a scanned document against its text-layer twin.

Usage:
  python bench/bench_ocr.py speed [PDF] [--max-pages N]     # OCR pages/s (parse stage only)
  python bench/bench_ocr.py compare OUT_TEXT OUT_SCAN TEXT_FILE SCAN_FILE
      # figures and dates F1 of SCAN_FILE (in OUT_SCAN) against TEXT_FILE (in OUT_TEXT), both
      # ingested with `indikator ingest` into the two out dirs; keys as `indikator eval`
      # (page + value + unit, page + start + end).

Default PDF: fixtures/pdf/seed_gertsik_2020_scanned.pdf (the seed article, image only).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline.extract  # noqa: E402, F401  (import order: see bench_parse.py)
from pipeline.evaluate import Score, date_key, figure_key  # noqa: E402
from pipeline.parse import parse_pdf  # noqa: E402
from pipeline.store import read_table  # noqa: E402

DEFAULT = ROOT / "fixtures" / "pdf" / "seed_gertsik_2020_scanned.pdf"


def speed(path: Path, max_pages: int | None) -> None:
    """Parse a scanned PDF and print its OCR pages/s (wall and CPU, Tesseract included)."""
    w = time.perf_counter()
    doc = parse_pdf(path, max_pages=max_pages)
    wall = time.perf_counter() - w
    ocr = [p for p in doc.pages if p.ocr]
    conf = sum(p.ocr_confidence or 0 for p in ocr) / max(len(ocr), 1)
    print(
        f"{path.name}: {len(ocr)}/{len(doc.pages)} pages OCRed in {wall:.1f} s wall "
        f"= {len(doc.pages) / wall:.2f} pages/s; mean confidence {conf:.3f}"
    )


def _facts(out: Path, table: str, file_name: str) -> list:
    docs = read_table(out, "documents")
    doc_ids = set(docs.loc[docs["file_name"] == file_name, "doc_id"])
    df = read_table(out, table)
    return list(df[df["doc_id"].isin(doc_ids)].itertuples(index=False))


def compare(out_text: Path, out_scan: Path, text_file: str, scan_file: str) -> None:
    """Print precision/recall/F1 of the scan's figures and dates against the text layer's."""
    for table, key in (("figures", figure_key), ("dates", date_key)):
        gold = Counter(key(r._asdict()) for r in _facts(out_text, table, text_file))
        pred = Counter(key(r._asdict()) for r in _facts(out_scan, table, scan_file))
        s = Score(scan_file, table, sum((gold & pred).values()), sum(pred.values()), sum(gold.values()))
        print(
            f"{table:8} text {s.n_gold:4d} scan {s.n_pred:4d} tp {s.tp:4d}  "
            f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
        )
        for k in sorted((gold - pred).elements())[:15]:
            print("   missed", k)
        for k in sorted((pred - gold).elements())[:15]:
            print("   extra ", k)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("speed")
    sp.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    sp.add_argument("--max-pages", type=int, default=None)
    cp = sub.add_parser("compare")
    for name in ("out_text", "out_scan"):
        cp.add_argument(name, type=Path)
    cp.add_argument("text_file")
    cp.add_argument("scan_file")
    args = ap.parse_args()
    if args.cmd == "speed":
        speed(args.pdf, args.max_pages)
    else:
        compare(args.out_text, args.out_scan, args.text_file, args.scan_file)


if __name__ == "__main__":
    main()
