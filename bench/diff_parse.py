"""Differential check of the parse stage: every page's text (and footnotes, flags, tables) from a
base revision's parser against this tree's, on the real corpus.

Usage: python bench/diff_parse.py [CORPUS_DIR] [--base REV] [--glob PATTERN] [--cache FILE]
The base revision's `pipeline` is taken with `git archive` into a temporary folder and each tree
parses in its own subprocess (`--cache FILE`: the base's pages are read from FILE when it exists,
else parsed and saved there, so a series of changes is checked against one baseline).
Prints per document the pages compared and the pages that differ;
for the held-out documents only the counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import asdict
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "real"
HELD_OUT = {
    "syomin_fts_open_data_geobulletin_2024",
    "kursk_export_strategy_2030",
    "hse_coursework_gravity_migration_2021",
    "cegr_2012_volgograd_pharma_cluster",
}


def dump(paths: list[Path]) -> dict[str, list]:
    """Each document's pages as comparable records (this process's `pipeline`)."""
    import pipeline.extract  # noqa: F401  (import order: see bench_parse.py)
    from pipeline.model import ParseError
    from pipeline.parse import parse_pdf

    out = {}
    for p in paths:
        try:
            d = parse_pdf(p)
        except ParseError as e:  # the fixtures' deliberately bad files: compare the errors
            out[p.stem] = [[e.error_type, str(e)]]
            continue
        out[p.stem] = [_page(pg) for pg in d.pages] + [[d.title, [asdict(t) for t in d.tables]]]
    return out


def _page(pg) -> list:
    """A page's text, footnotes, flags, markers, line boxes (rounded to 1/1000 pt), size, OCR
    fields and a digest of its char boxes (bit for bit)."""
    lines = [(s.char_start, s.char_end, [round(v, 3) for v in s.bbox]) for s in pg.lines]
    boxes = hashlib.sha1(pg.char_boxes.tobytes()).hexdigest()
    return [
        pg.text,
        [(f.marker, f.text) for f in pg.footnotes],
        pg.flags,
        pg.markers,
        lines,
        [pg.width, pg.height, pg.ocr, pg.ocr_confidence],
        boxes,
    ]


def run_tree(tree: Path, args: argparse.Namespace) -> dict[str, list]:
    cmd = [sys.executable, __file__, str(args.corpus), "--glob", args.glob, "--dump"]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout)


def base_tree(rev: str, into: Path) -> Path:
    """The base revision's `pipeline` package, unpacked into `into`."""
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "pipeline"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into


def report(old: dict[str, list], new: dict[str, list]) -> int:
    """Print the differences; the number of differing pages."""
    total = bad = 0
    for name in old:
        a, b = old[name], new[name]
        diff = [i + 1 for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y] + (
            ["count"] if len(a) != len(b) else []
        )
        total, bad = total + len(a) - 1, bad + len(diff)
        shown = "" if name in HELD_OUT or not diff else f" pages {diff[:20]}"
        print(f"{name[:45]:45} pages {len(a) - 1:4d} differing {len(diff):3d}{shown}")
    print(f"TOTAL pages {total} differing {bad} (the last record per document: title and tables)")
    return bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--base", default="HEAD", help="git revision to compare against")
    ap.add_argument("--glob", default="*.pdf")
    ap.add_argument("--dump", action="store_true", help="print this tree's pages as JSON")
    ap.add_argument("--cache", type=Path, help="JSON file holding (or to hold) the base's pages")
    args = ap.parse_args()
    paths = sorted(args.corpus.glob(args.glob))
    if args.dump:
        print(json.dumps(dump(paths), default=str))
        return
    sys.exit(1 if report(base_pages(args), run_tree(ROOT, args)) else 0)


def base_pages(args: argparse.Namespace) -> dict[str, list]:
    """The base revision's pages, from `--cache` when it exists."""
    if args.cache and args.cache.exists():
        return json.loads(args.cache.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        old = run_tree(base_tree(args.base, Path(tmp)), args)
    if args.cache:
        args.cache.write_text(json.dumps(old))
    return old


if __name__ == "__main__":
    main()
