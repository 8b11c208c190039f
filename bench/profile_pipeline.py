"""Where a worker's CPU goes, per stage, over a corpus (one warm process, as a pool worker runs).

Stages are timed exclusively (a stage called inside another is charged to itself only) with
`time.process_time` around the functions that do each step:
  import+models   importing the pipeline and loading natasha's models (once per worker)
  parse           `parse_checked` (pdfium chars, lines, tables, furniture; OCR excluded: Tesseract is a child)
  segment         sentence splitting of every page (`nlp._sentences`)
  ner             natasha NER on the windows (`nlp.ner.tag`)
  syntax          morphology + syntax of the sentences the extractors ask for (`nlp._parse_sentences`)
  extract         every extractor over the page texts (`extract._extract` less the NLP above)
  page rows       `page_rows` (provenance, ids)
  document rows   `document_rows` less the page parts (tables, clusters, observations)
then optionally a cProfile of the whole pass (`--profile`, sorted by `--sort`).

    PYTHONPATH=$PWD .venv/bin/python bench/profile_pipeline.py [DIR ...] [--profile] [--top N] [--dump FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = [ROOT.parent / "shared" / "corpus" / "real"]

_spent: dict[str, float] = defaultdict(float)
_stack: list[list] = []  # [stage, started, child time]


def timed(stage: str, fn: Callable) -> Callable:
    """`fn` with its exclusive CPU time charged to `stage`."""

    def wrapper(*args, **kwargs):
        _stack.append([stage, time.process_time(), 0.0])
        try:
            return fn(*args, **kwargs)
        finally:
            name, started, inner = _stack.pop()
            total = time.process_time() - started
            _spent[name] += total - inner
            if _stack:
                _stack[-1][2] += total

    return wrapper


def instrument() -> None:
    """Wrap the stage functions where their callers look them up."""
    import pipeline.extract as extract
    import pipeline.ingest as ingest
    import pipeline.nlp as nlp

    nlp._sentences = timed("segment", nlp._sentences)
    nlp.ner.tag = timed("ner", nlp.ner.tag)
    nlp._parse_sentences = timed("syntax", nlp._parse_sentences)
    extract._extract = timed("extract", extract._extract)
    extract.page_rows = timed("page rows", extract.page_rows)
    ingest.parse_checked = timed("parse", ingest.parse_checked)
    ingest.document_rows = timed("document rows", ingest.document_rows)
    ingest.page_part = timed("page part (rest)", ingest.page_part)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--dump", type=Path, help="also write the cProfile stats to this file (pstats format)")
    args = ap.parse_args()
    from pipeline.isolate import SINGLE_THREADED_MATH

    for name, value in SINGLE_THREADED_MATH.items():
        os.environ.setdefault(name, value)
    started = time.process_time()
    from pipeline.ingest import process_document
    from pipeline.nlp import models

    models()
    _spent["import+models"] = time.process_time() - started
    instrument()
    paths = [p for d in args.dirs for p in sorted(d.glob("*")) if p.suffix.lower() in (".pdf", ".txt")]
    prof = cProfile.Profile() if args.profile else None
    c = time.process_time()
    if prof:
        prof.enable()
    pages = 0
    for path in paths:
        result = process_document(path)
        pages += len(result.rows.get("pages", []))
    if prof:
        prof.disable()
    total = time.process_time() - c
    print(f"{len(paths)} documents, {pages} pages: {total:.2f} CPU-s after import+models")
    for stage, s in sorted(_spent.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<18}{s:8.2f} CPU-s  {100 * s / (total + _spent['import+models']):5.1f} %")
    print(f"  {'(untimed)':<18}{total - sum(v for k, v in _spent.items() if k != 'import+models'):8.2f}")
    if prof:
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)
        if args.dump:
            prof.dump_stats(args.dump)


if __name__ == "__main__":
    main()
