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


REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
DECLARATION = REAL / "kursk_investment_declaration_2022.pdf"


@pytest.fixture(scope="module")
def declaration(tmp_path_factory) -> dict:
    if not DECLARATION.exists():
        pytest.skip("shared corpus not available")
    out = tmp_path_factory.mktemp("declaration")
    assert ingest([DECLARATION], out=out).totals()["ok"] == 1
    return {row["name"]: row for row in read_table(out, "clusters").to_dict("records")}


def test_declaration_records_are_complete_from_text(declaration: dict) -> None:
    """Kursk investment declaration 2022, pp. 9-10: each park's section states its attributes."""
    soyuz = declaration["Индустриальный (промышленный) парк «Союз»"]
    # "Парк … создан в 2017 году", "Отраслевая специализация резидентов - обрабатывающая промышленность",
    # "в парке 13 резидентов, создано 1,7 тыс. рабочих мест", "располагается в городе Курске"
    assert (soyuz["founded_year"], soyuz["field"], soyuz["participants"], soyuz["city"]) == (
        2017,
        "обрабатывающая промышленность",
        13,
        "Курск",
    )
    assert '"jobs": 1700' in soyuz["attributes"]
    # "… в сфере электроники с общей инфраструктурой"
    assert declaration["Промышленный технопарк «Совтест»"]["field"] == "электроника"


def test_declaration_alias_is_linked(declaration: dict) -> None:
    """ "… зоны промышленно-производственного типа "Третий полюс" (далее - ОЭЗ)"; "ОЭЗ создана
    Постановлением … от 26 февраля 2022 г."; "Территория ОЭЗ составляет 237,05 га"."""
    sez = declaration["Особая экономическая зона промышленно-производственного типа «Третий полюс»"]
    assert "ОЭЗ" in sez["aliases"].split("; ")
    assert (sez["founded_year"], sez["region"], sez["city"]) == (2022, "Курская область", "Железногорск")
    assert '"area_km2": 2.3705' in sez["attributes"]


def test_duckdb_view_links_a_name_to_another_documents_alias(tmp_path: Path) -> None:
    """One document introduces a short name with "(далее — …)", another uses only the short name:
    `clusters_merged` gives both one row; a one-word alias ("ОЭЗ") links nothing."""
    texts = {
        "one.txt": "Химико-фармацевтический кластер «Здоровье» (далее — Кластер «Фарма Поволжья») создан "
        "в 2011 году. Особая экономическая зона «Заря» (далее — ОЭЗ) создана в 2015 году.",
        "two.txt": "Кластер «Фарма Поволжья» объединяет 25 предприятий. Особая экономическая зона "
        "«Восход» (далее — ОЭЗ) занимает 300 га.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert ingest(sorted(tmp_path.glob("*.txt")), out=out).totals()["ok"] == 2
    con = duckdb.connect(str(out / DUCKDB_FILE), read_only=True)
    try:
        total = con.sql("SELECT count(*) FROM clusters_merged").fetchall()
        linked = con.sql("SELECT founded_year, participants FROM clusters_merged WHERE n_documents = 2")
        merged = linked.fetchall()
    finally:
        con.close()
    assert (total, merged) == ([(3,)], [(2011, 25)])  # the two zones stay apart
