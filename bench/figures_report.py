"""Figures over the real corpus: counts per unit and per document, and a fixed random sample to check.

Ingests every PDF of `../shared/corpus/real` into a temporary folder with `pipeline.ingest.ingest`
and prints the counts and 20 random figure rows (seed 7) for a check by hand against the PDF.
Run: python bench/figures_report.py [N_SAMPLE]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.ingest import ingest  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SAMPLE_COLUMNS = ["page", "quote", "sentence", "value_scaled", "unit", "qualifier", "kind", "period"]


def load(out: Path) -> pd.DataFrame:
    """Figures joined with their document's file name."""
    figures = pd.read_parquet(out / "figures.parquet")
    docs = pd.read_parquet(out / "documents.parquet", columns=["doc_id", "file_name"])
    return figures.merge(docs, on="doc_id", how="left")


def print_counts(figures: pd.DataFrame) -> None:
    units = figures["unit"].fillna("(none)").value_counts()
    print(f"\nFigures: {len(figures)}\n\nPer unit:")
    print(units.to_string())
    per_doc = figures.groupby("file_name").size().sort_values(ascending=False)
    print("\nPer document:")
    print(per_doc.to_string())


def print_sample(figures: pd.DataFrame, n: int, seed: int = 7) -> None:
    sample = figures.sample(n=min(n, len(figures)), random_state=seed)
    print(f"\n{len(sample)} random figures (seed {seed}):")
    for i, (_, row) in enumerate(sample.iterrows(), 1):
        print(f"\n[{i}] {row['file_name']} p.{row['page']}  quote={row['quote']!r}")
        print(f"    sentence: {row['sentence']}")
        fields = ", ".join(f"{c}={row[c]}" for c in SAMPLE_COLUMNS if c not in ("page", "quote", "sentence"))
        print(f"    {fields}")


def main(n_sample: int = 20) -> int:
    pdfs = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    if not pdfs:
        print(f"No corpus at {CORPUS}; skipping.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        summary = ingest(pdfs, out=tmp, force=True)
        print(f"Ingested {len(pdfs)} PDFs in {summary.seconds:.1f}s")
        figures = load(Path(tmp))
    pd.set_option("display.width", 200)
    print_counts(figures)
    print_sample(figures, n_sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
