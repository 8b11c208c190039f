"""Two real ingests that name the same cluster in different grammatical forms share its cluster_id."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import ingest
from pipeline.store import DUCKDB_FILE, read_table

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clusters")
    summary = ingest([PDF / "seed_gertsik_2020.pdf", PDF / "kaluga_note.pdf"], out=out)
    assert summary.totals()["ok"] == 2
    return out


def test_same_cluster_in_two_documents_has_one_id(out: Path) -> None:
    clusters = read_table(out, "clusters")
    kaluga = clusters[clusters["normal_name"] == "калужский фармкластер"]
    assert kaluga["doc_id"].nunique() == 2  # the seed's Table 1 row and the note's "Калужского фармкластера"
    assert kaluga["cluster_id"].nunique() == 1
    from_table = kaluga[kaluga["source"] == "table"].iloc[0]
    assert (from_table["region"], from_table["founded_year"], from_table["participants"]) == (
        "Калужская область",
        2009,
        40,
    )


def test_duckdb_view_merges_across_documents(out: Path) -> None:
    con = duckdb.connect(str(out / DUCKDB_FILE), read_only=True)
    try:
        rows = con.sql(
            "SELECT n_documents, region, founded_year FROM clusters_merged WHERE name ILIKE 'Калужск%'"
        ).fetchall()
    finally:
        con.close()
    assert rows == [(2, "Калужская область", 2009)]
