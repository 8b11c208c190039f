"""Compare every table of two `indikator ingest` outputs (a speed-up must not change a row).

Rows are sorted by all columns; run-dependent columns (timestamps, durations, version)
are ignored. Exit status 1 when any table differs.

Usage: python bench/compare_outputs.py OUT_A OUT_B
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from pipeline.schema import COLUMNS
from pipeline.store import read_tables

IGNORED = {"ingested_at", "seconds", "pipeline_version", "at"}


def _canonical(df: pd.DataFrame) -> pd.DataFrame:
    """The frame's comparable part: ignored columns dropped, rows in a fixed order."""
    df = df.drop(columns=[c for c in df.columns if c in IGNORED])
    text = df.astype(object).where(df.notna(), "<NA>").map(repr)
    order = text.sort_values(list(text.columns)).index
    return text.loc[order].reset_index(drop=True)


def compare(a: Path, b: Path) -> list[str]:
    """One line per table that differs (empty list: identical)."""
    names = list(COLUMNS)
    left, right = read_tables(a, names), read_tables(b, names)
    problems = []
    for name in names:
        x, y = _canonical(left[name]), _canonical(right[name])
        if x.shape != y.shape or list(x.columns) != list(y.columns):
            problems.append(f"{name}: shape {x.shape} vs {y.shape}")
            continue
        diff = (x != y).any(axis=1)
        if diff.any():
            cols = [c for c in x.columns if (x[c] != y[c]).any()]
            problems.append(f"{name}: {int(diff.sum())} rows differ in {cols}")
    return problems


def main() -> int:
    a, b = (Path(p) for p in sys.argv[1:3])
    problems = compare(a, b)
    for line in problems:
        print(line)
    print("IDENTICAL" if not problems else f"{len(problems)} tables differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
