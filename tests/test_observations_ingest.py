"""A real ingest writes `observations`: one row per figure with an indicator, and the conflicts view."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.ingest import ingest
from pipeline.store import DUCKDB_FILE, read_table

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


def test_ingest_writes_observations(tmp_path: Path) -> None:
    assert ingest([PDF / "seed_gertsik_2020.pdf"], out=tmp_path).totals()["ok"] == 1
    figures, obs = read_table(tmp_path, "figures"), read_table(tmp_path, "observations")
    text = obs[obs["source"] == "text"]
    assert len(text) == figures["indicator"].notna().sum() > 0
    both = text.merge(figures, on="figure_id", suffixes=("", "_figure"))
    assert len(both) == len(text)
    assert (both["indicator"] == both["indicator_figure"]).all()
    assert (both["value_scaled"] == both["value_scaled_figure"]).all()
    # the seed's "товарооборот … 110,76 млрд долл." of 2019
    trade = text[(text["indicator"] == "trade_turnover") & (text["unit"] == "USD")]
    stated = zip(trade["value_scaled"] / 1e9, trade["period_start"].astype(str), strict=True)
    assert (110.76, "2019") in {(round(v, 2), d[:4]) for v, d in stated}
    with duckdb.connect(str(tmp_path / DUCKDB_FILE), read_only=True) as con:
        con.sql("SELECT * FROM observations_conflicts").fetchall()  # the view exists
