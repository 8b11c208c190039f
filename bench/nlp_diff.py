"""Differential check of the fact tables between two checkouts, on the real corpus.

    python bench/nlp_diff.py --before DIR [--batched] [--parsed FILE] [--examples 5] [PDF ...]

Each PDF is read once here (parse, repair, page limits: `ingest.read_document`); then one child
process per checkout (this one and `--before DIR`, e.g. a `git archive` of the base commit) turns
the parsed documents into rows with the production call `ingest.checked_rows`. Rows of `figures`,
`dates`, `mentions`, `clusters` and `observations` are matched by their content-derived id and
compared column by column (run-dependent columns ignored). Printed per table: rows before/after,
rows only before, only after, changed (with the changed columns), and a few examples. Held-out
documents (see BRIEF) are counted but never printed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
HELD_OUT = (
    "syomin_fts_open_data_geobulletin_2024",
    "kursk_export_strategy_2030",
    "hse_coursework_gravity_migration_2021",
)
TABLES = ("figures", "dates", "mentions", "clusters", "observations")
KEYS = {"observations": "observation_id"}
RUN_COLUMNS = {"ingested_at", "pipeline_version", "seconds"}
SINGLE_THREADED_MATH = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
MAX_PAGES = 2000
HASH_SEED = "0"  # the same set order in both children: some territory ties depend on it


def read(pdfs: list[Path], scratch: Path) -> list[tuple]:
    """(parsed document, lost pages) per PDF, as ingest reads it."""
    from pipeline.ingest import read_document

    return [read_document(pdf, MAX_PAGES, scratch) for pdf in pdfs]


def child(parsed_path: Path, out_path: Path, batched: bool) -> None:
    """Rows of the fact tables for every parsed document, with this checkout's code (`batched`:
    a document's pages go through `extract_pages`, as a caller that batches them would)."""
    import pipeline  # noqa: F401  (natasha first)
    import pipeline.extract
    from pipeline.ingest import checked_rows

    per_page = pipeline.extract.extract_page
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for parsed, lost in pickle.loads(parsed_path.read_bytes()):
        if batched:
            texts = [p.text for p in parsed.pages if p.text.strip()]
            done = dict(zip(texts, pipeline.extract.extract_pages(texts), strict=True))
            pipeline.extract.extract_page = lambda text, done=done: done.get(text) or per_page(text)
        rows = checked_rows(parsed, lost)
        for table in TABLES:
            out[table] += [_plain(r) | {"_doc": Path(parsed.file_name).stem} for r in rows.get(table, [])]
    out_path.write_text(json.dumps(out, ensure_ascii=False, default=str))


def _plain(row: dict) -> dict:
    """NaN (pandas' missing value in observations) as None, so equal rows compare equal."""
    return {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}


def run_child(
    source: Path, parsed_path: Path, out_path: Path, batched: bool = False
) -> dict[str, list[dict]]:
    env = {**os.environ, **SINGLE_THREADED_MATH, "PYTHONPATH": str(source), "PYTHONHASHSEED": HASH_SEED}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(parsed_path), str(out_path)]
    cmd += ["--batched"] if batched else []
    subprocess.run(cmd, env=env, cwd=source, check=True)
    return json.loads(out_path.read_text())


def key_of(table: str, row: dict) -> str:
    from pipeline.schema import ID_COLUMN

    return str(row.get(KEYS.get(table) or ID_COLUMN[table]))


def compare(table: str, before: list[dict], after: list[dict], examples: int) -> None:
    """Print the differences of one table."""
    old = {key_of(table, r): r for r in before}
    new = {key_of(table, r): r for r in after}
    gone = [old[k] for k in old if k not in new]
    added = [new[k] for k in new if k not in old]
    changed: Counter[str] = Counter()
    shown, n_changed = [], 0
    for k in sorted(old.keys() & new.keys()):
        cols = _changed_columns(old[k], new[k])
        changed.update(cols)
        n_changed += bool(cols)
        if cols and len(shown) < examples and old[k]["_doc"] not in HELD_OUT:
            shown.append({c: (old[k].get(c), new[k].get(c)) for c in cols} | {"_doc": old[k]["_doc"]})
    print(
        f"{table}: {len(before)} before, {len(after)} after; only before {len(gone)}, only after "
        f"{len(added)}, changed {n_changed} {dict(changed) or ''}"
    )
    for label, rows in (("only before", gone), ("only after", added)):
        held = sum(1 for r in rows if r["_doc"] in HELD_OUT)
        if held:
            print(f"  {label}: {held} in held-out documents (not shown)")
        for r in [r for r in rows if r["_doc"] not in HELD_OUT][:examples]:
            print(f"  {label}: {_brief(r)}")
    for s in shown:
        print(f"  changed: {s}")


def _changed_columns(a: dict, b: dict) -> list[str]:
    return sorted(c for c in a.keys() | b.keys() if c not in RUN_COLUMNS and a.get(c) != b.get(c))


def _brief(row: dict) -> str:
    keep = ("_doc", "page", "quote", "text", "type", "name", "value", "unit", "measure", "subject")
    return str({k: row[k] for k in keep if row.get(k) is not None})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--parsed", type=Path, help="keep the parsed documents in this file (re-used if present)")
    ap.add_argument("--batched", action="store_true", help="this checkout through `extract_pages`")
    ap.add_argument("--child", type=Path, nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child, batched=args.batched)
    pdfs = args.pdfs or sorted(CORPUS.glob("*.pdf"))
    if not pdfs or not all(p.exists() for p in pdfs) or args.before is None:
        print("skipped: needs --before DIR and the corpus in ../shared")
        return
    with tempfile.TemporaryDirectory() as tmp:
        parsed_path = args.parsed or Path(tmp) / "parsed.pkl"
        if not parsed_path.exists():
            parsed_path.write_bytes(pickle.dumps(read(pdfs, Path(tmp))))
        before = run_child(args.before.resolve(), parsed_path, Path(tmp) / "before.json")
        after = run_child(ROOT, parsed_path, Path(tmp) / "after.json", batched=args.batched)
    for table in TABLES:
        compare(table, before[table], after[table], args.examples)


if __name__ == "__main__":
    main()
