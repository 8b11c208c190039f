"""Indicator, territory and period coverage of figures and observations over an ingested output.

Reads the tables an ingest wrote (default `extracted/`; ingest the corpus first, e.g.
`indikator ingest ../shared/corpus/real --out /tmp/corpus_out`) and prints, per document and in
total: figures with an indicator, with a measure, with an indicator among those with a measure,
with a subject code and a period start; observations by source with their period and territory
shares; and the rows of the `observations_conflicts` view.
Run: python bench/catalog_coverage.py [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pandas as pd

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "extracted"


def _share(series: pd.Series) -> float:
    return round(float(series.mean()), 3) if len(series) else float("nan")


def figure_coverage(figures: pd.DataFrame) -> pd.DataFrame:
    """Per document: figures, and the shares with indicator, measure, subject code, period."""
    rows = []
    for doc, g in [*figures.groupby("file_name"), ("TOTAL", figures)]:
        measured = g[g["measure"].notna()]
        rows.append(
            {
                "document": doc,
                "figures": len(g),
                "indicator": _share(g["indicator"].notna()),
                "measure": _share(g["measure"].notna()),
                "indicator_if_measure": _share(measured["indicator"].notna()),
                "subject_code": _share(g["subject_code"].notna()),
                "period_start": _share(g["period_start"].notna()),
            }
        )
    return pd.DataFrame(rows)


def main(out: Path) -> None:
    docs = pd.read_parquet(out / "documents.parquet", columns=["doc_id", "file_name"])
    figures = pd.read_parquet(out / "figures.parquet").merge(docs, on="doc_id", how="left")
    print(figure_coverage(figures).to_string(index=False))
    per_ten = 10 * figures["measure"].nunique() / max(len(figures), 1)
    print(f"\ndistinct measures per 10 figures: {per_ten:.2f}")
    observations = pd.read_parquet(out / "observations.parquet")
    for source, g in observations.groupby("source"):
        print(
            f"observations from {source}: {len(g)}, period {_share(g['period_start'].notna())}, "
            f"territory {_share(g['subject_code'].notna())}, indicators {g['indicator'].nunique()}"
        )
    with duckdb.connect(str(out / "indikator.duckdb"), read_only=True) as con:
        print("\nobservations_conflicts:")
        print(con.sql("SELECT * EXCLUDE (observation_a, observation_b) FROM observations_conflicts"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
