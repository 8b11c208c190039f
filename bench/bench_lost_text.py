"""Lost-text check: does every pdfplumber text line holding a digit survive the parse stage?

Usage: python bench/bench_lost_text.py [PDF_OR_DIR ...] [--show N] [--max-pages N]

For each page, pdfplumber's `extract_text_lines()` (the lines of `extract_text()`, with their
chars) is split into segments at horizontal gaps wider than one font size (table cells, the two
columns of a page), superscripts (chars smaller than `SUP_RATIO` × the line's size) dropped. A
segment that holds a digit must appear, normalized (case, spacing, hyphens, dashes, quotes, ё),
in the document's page texts, footnotes or table cells; a line that does not is counted as
`band` when it sits in the header/footer band (removed furniture is allowed there) and `lost`
otherwise. Prints counts per document; `--show` prints lost lines.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline.extract  # noqa: E402, F401  (import order: see bench_parse.py)
from pipeline.model import ParsedDocument  # noqa: E402
from pipeline.parse import parse_pdf  # noqa: E402
from pipeline.parse.settings import LAYOUT  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpus" / "real", ROOT / "fixtures" / "pdf"]
BAND = LAYOUT.band  # header/footer band, the share of the page height (the parser's)
GAP = 1.0  # a gap wider than this × font size starts a new segment
SUP_RATIO = LAYOUT.sup_ratio
_DROP = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212«»\"'“”„`’‘]+")


def norm(text: str) -> str:
    """Lower case, ё→е, without spaces, hyphens, dashes and quotes."""
    return _DROP.sub("", text.lower().replace("ё", "е"))


def pool(doc: ParsedDocument) -> str:
    """Everything the parse stage keeps, normalized, as one searchable string."""
    parts = [p.text for p in doc.pages] + [f"{f.marker} {f.text}" for p in doc.pages for f in p.footnotes]
    parts += [c for t in doc.tables for c in [*t.header, *(x.text for x in t.cells)]]
    parts += [t.caption or "" for t in doc.tables]
    parts += ["".join(t.header) for t in doc.tables]  # a row of cells read across, as pdfplumber does
    parts += ["".join(r) for t in doc.tables for r in t.rows()]
    return "\x00".join(norm(p) for p in parts)


def segments(line: dict) -> Iterator[str]:
    """Text runs of one pdfplumber line split at wide gaps, superscripts dropped."""
    chars = sorted(line["chars"], key=lambda c: c["x0"])
    size = max((c["size"] for c in chars), default=10.0)
    run: list[str] = []
    prev = None
    for c in chars:
        if c["size"] < SUP_RATIO * size or not c["text"].strip():
            continue
        if prev is not None and c["x0"] - prev > GAP * size and run:
            yield "".join(run)
            run = []
        run.append(c["text"])
        prev = c["x1"]
    if run:
        yield "".join(run)


def check(path: Path, max_pages: int | None, lost: list[str], show: int) -> dict[str, int]:
    """Counts of digit lines: total, kept, in the furniture band, lost (up to `show` into `lost`)."""
    doc = parse_pdf(path, max_pages=max_pages)
    text = pool(doc)
    counts = {"lines": 0, "kept": 0, "band": 0, "lost": 0}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:max_pages] if max_pages else pdf.pages:
            h = float(page.height)
            for line in page.extract_text_lines(return_chars=True):
                segs = [s for s in segments(line) if re.search(r"\d", s) and "(cid:" not in s]
                if not segs:
                    continue
                counts["lines"] += 1
                missing = [s for s in segs if norm(s) not in text]
                if not missing:
                    counts["kept"] += 1
                elif line["bottom"] < BAND * h or line["top"] > (1 - BAND) * h:
                    counts["band"] += 1
                else:
                    counts["lost"] += 1
                    if counts["lost"] <= show:
                        lost.append(f"  lost p{page.page_number}: {' | '.join(missing)[:110]}")
            page.close()
    return counts


def paths_of(args: list[Path]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        out += sorted(a.glob("*.pdf")) if a.is_dir() else [a]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=0, help="print up to N lost lines per document")
    ap.add_argument("--max-pages", type=int, default=None)
    args = ap.parse_args()
    total = {"lines": 0, "kept": 0, "band": 0, "lost": 0}
    print(f"{'document':48} {'lines':>6} {'kept':>6} {'band':>6} {'lost':>6}")
    for p in paths_of(args.paths):
        print(f"{p.name[:48]:48} ", end="", flush=True)
        try:
            lost: list[str] = []
            c = check(p, args.max_pages, lost, args.show)
        except Exception as e:  # noqa: BLE001 - a bench reports and goes on
            print(f"skipped: {str(e)[:70]}")
            continue
        print(" ".join(f"{c[k]:6d}" for k in total))
        print("\n".join(lost), end="\n" if lost else "")
        for k in total:
            total[k] += c[k]
    print(f"{'TOTAL':48} " + " ".join(f"{total[k]:6d}" for k in total))


if __name__ == "__main__":
    main()
