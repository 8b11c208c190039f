"""Figures over the real corpus: counts per unit and per document, the analysis-readiness measures
of issue 10, and a fixed random sample to check.

Ingests every PDF of `../shared/corpus/real` into a temporary folder with `pipeline.ingest.ingest`
(or reads an existing output folder given with --out) and prints the counts, the readiness
measures (share with an indicator, distinct measures per 10 figures, currency-country subjects,
period where the sentence states a year) and 20 random figure rows (seed 7) for a check by hand.
Run: python bench/figures_report.py [N_SAMPLE] [--out FOLDER]
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


YEAR = r"\b(?:19|20)\d\d\b"
CURRENCY_COUNTRY = r"(?:долл\w*\.?|доллар\w*)\s+США"


def readiness(figures: pd.DataFrame) -> dict[str, float]:
    """Issue 10's corpus measures (targets: indicator ≥ 0.7, measures ≤ 1 per 10, no currency
    country, period wherever the sentence states a year)."""
    n = max(len(figures), 1)
    sentence = figures["sentence"].fillna("")
    with_year = sentence.str.contains(YEAR)
    usa_only_as_currency = sentence.str.contains(CURRENCY_COUNTRY) & ~sentence.str.replace(
        CURRENCY_COUNTRY, "", regex=True
    ).str.contains("США")
    usa = figures["subject"].isin(["США", "Соединённые Штаты"])
    if "subject_code" in figures:
        usa |= figures["subject_code"] == "US"
    period = "period_start" if "period_start" in figures else "period"  # older outputs: `period`
    return {
        "figures": len(figures),
        "indicator share": round(figures["indicator"].notna().mean(), 3) if "indicator" in figures else 0.0,
        "measure null share": round(figures["measure"].isna().mean(), 3),
        "distinct measures per 10 figures": round(10 * figures["measure"].nunique() / n, 2),
        "subject USA from 'долл. США' only": int((usa & usa_only_as_currency).sum()),
        "period where the sentence has a year": round(figures.loc[with_year, period].notna().mean(), 3),
    }  # fmt: skip


def print_sample(figures: pd.DataFrame, n: int, seed: int = 7) -> None:
    sample = figures.sample(n=min(n, len(figures)), random_state=seed)
    print(f"\n{len(sample)} random figures (seed {seed}):")
    for i, (_, row) in enumerate(sample.iterrows(), 1):
        print(f"\n[{i}] {row['file_name']} p.{row['page']}  quote={row['quote']!r}")
        print(f"    sentence: {row['sentence']}")
        fields = ", ".join(f"{c}={row[c]}" for c in SAMPLE_COLUMNS if c not in ("page", "quote", "sentence"))
        print(f"    {fields}")


def main(n_sample: int = 20, out: str | None = None) -> int:
    if out is not None:
        return report(load(Path(out)), n_sample)
    pdfs = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    if not pdfs:
        print(f"No corpus at {CORPUS}; skipping.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        summary = ingest(pdfs, out=tmp, force=True)
        print(f"Ingested {len(pdfs)} PDFs in {summary.seconds:.1f}s")
        figures = load(Path(tmp))
    return report(figures, n_sample)


def report(figures: pd.DataFrame, n_sample: int) -> int:
    pd.set_option("display.width", 200)
    print_counts(figures)
    print("\nReadiness (issue 10):")
    for name, value in readiness(figures).items():
        print(f"  {name}: {value}")
    print_sample(figures, n_sample)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    out_dir = args[args.index("--out") + 1] if "--out" in args else None
    numbers = [a for a in args if a.isdigit()]
    raise SystemExit(main(int(numbers[0]) if numbers else 20, out_dir))
