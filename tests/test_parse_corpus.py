"""Parse stage on the 11 real PDFs of ../shared/corpus/real (skipped when absent)."""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from pipeline.model import DocStatus, ParsedDocument
from pipeline.parse import parse_pdf

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
# Long documents are cut to keep the suite under a minute; the cut keeps their quirks.
MAX_PAGES = {
    "rosstat_sep_russia_jan_aug_2017": 60,
    "kursk_export_strategy_2030": 25,
    "ranepa_thesis_investment_attractiveness_2021": 25,
}

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not REAL.is_dir(), reason="shared corpus not available"),
]


def _parse(path: Path) -> ParsedDocument:
    return parse_pdf(path, max_pages=MAX_PAGES.get(path.stem))


@pytest.fixture(scope="module")
def docs() -> dict[str, ParsedDocument]:
    paths = sorted(REAL.glob("*.pdf"))
    with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return {p.stem: d for p, d in zip(paths, pool.map(_parse, paths), strict=True)}


def test_all_documents_parse(docs: dict[str, ParsedDocument]) -> None:
    assert len(docs) == 11
    for name, d in docs.items():
        assert d.status is DocStatus.OK, name
        assert len(d.pages) == min(d.n_pages, MAX_PAGES.get(name, d.n_pages)), name
        assert sum(len(p.text) for p in d.pages) > 1000 * len(d.pages) // 4, name


def test_doc_ids_match_sources(docs: dict[str, ParsedDocument]) -> None:
    assert docs["rosstat_sep_russia_jan_aug_2017"].doc_id == "42b8a3edd39ef0a4"
    assert docs["cegr_2012_volgograd_pharma_cluster"].doc_id == "24cf851c2ddb7141"


def test_no_broken_glyphs_or_furniture(docs: dict[str, ParsedDocument]) -> None:
    for name, d in docs.items():
        for p in d.pages:
            assert "(cid:" not in p.text, (name, p.page)
            assert "КонсультантПлюс" not in p.text and "consultant.ru" not in p.text, (name, p.page)
            assert not re.search(r"[\ue000-\uf8ff\ufffd]", p.text), (name, p.page)


def test_running_headers_and_page_numbers(docs: dict[str, ParsedDocument]) -> None:
    syomin = docs["syomin_fts_open_data_geobulletin_2024"]
    for p in syomin.pages[1:]:
        assert "Географический вестник" not in p.text[:200], p.page
        assert not re.search(r"(^|\n)\d{2,3}($|\n)", p.text), p.page
    cegr = docs["cegr_2012_volgograd_pharma_cluster"]
    assert cegr.pages[1].text.startswith("Сегодня государство уже принимает")


def test_rosstat_tables(docs: dict[str, ParsedDocument]) -> None:
    d = docs["rosstat_sep_russia_jan_aug_2017"]
    assert len(d.tables) >= 20
    t = next(t for t in d.tables if t.page_first == 4)
    gdp = next(r for r in t.rows() if r[0].startswith("Валовой внутренний продукт"))
    assert gdp[1] == "41782,1" and gdp[2] == "101,5"  # superscript "1)" and "2)" dropped
    # Spanning headings label every column they cover, read against the printed page 4.
    assert t.header[1:4] == ["Август 2017г.", "В % к / августу 2016г.", "В % к / июлю 2017г."]
    assert t.header[6] == "Справочно / август 2016г. в % к / июлю 2016г."
    # p. 60: "2016г." across the whole table opens the months of 2016; it is a row, not a heading
    herd = next(t for t in d.tables if t.page_first == 60 and "Свиньи" in " ".join(t.header))
    assert not any("2016" in h for h in herd.header) and herd.rows()[0][0] == "2016г."
    assert herd.rows()[1][:3] == ["Январь", "98,6", "100,1"]
    # p. 21: a raised "2" after a unit is its power, not a footnote mark ("Ткани, млн.м²")
    textiles = [r[0] for t in d.tables if t.page_first == 20 or t.page_last == 21 for r in t.rows()]
    assert "Ткани, млн.м²" in textiles and "шерстяные, тыс.м²" in textiles
    assert "Производство ВВП" in d.pages[4].text
    assert "41782,1 млрд.рублей" in d.pages[4].text
    assert "41782,11" not in "".join(p.text for p in d.pages)
    body = d.pages[3].text  # the indicator table page: table text is not repeated as body
    assert "Валовой внутренний продукт" not in body and "2591,5" not in body
    captions = [t.caption for t in d.tables if t.caption]
    assert any(c.startswith("Таблица 2 ПРОИЗВОДСТВО ВВП") for c in captions)
    multi = [t for t in d.tables if t.page_last > t.page_first]
    assert multi and all(t.n_cols == len(t.header) for t in multi)


def test_rosstat_footnotes_and_dehyphenation(docs: dict[str, ParsedDocument]) -> None:
    d = docs["rosstat_sep_russia_jan_aug_2017"]
    notes = [f for p in d.pages for f in p.footnotes]
    assert any(f.page == 5 and f.marker == "1)" and "DEMETRA" in f.text for f in notes)
    text = "".join(p.text for p in d.pages)
    assert "Индекс-дефлятор ВВП" in text
    assert "классификатора видов экономической деятельности" in text  # "классификато-/ра"


def test_kursk_consultant_and_tables(docs: dict[str, ParsedDocument]) -> None:
    decl = docs["kursk_investment_declaration_2022"]
    assert decl.pages[0].text.startswith("ГУБЕРНАТОР КУРСКОЙ ОБЛАСТИ")
    assert len(decl.tables) >= 9
    # the box ruled around the "Список изменяющих документов" note is no table: its text is body
    assert "Список изменяющих документов\n(в ред. распоряжения Губернатора" in decl.pages[0].text
    assert not any("Список изменяющих" in " ".join(t.header) for t in decl.tables)
    strat = docs["kursk_strategy2030_investment_section"]
    t = next(t for t in strat.tables if t.caption and "Таблица N 3" in t.caption)
    assert (t.page_first, t.page_last) == (13, 14)


def test_kursk_export_captions_and_narrow_cells(docs: dict[str, ParsedDocument]) -> None:
    """Kursk export strategy: the running "Таблица N 3" over the page is taken for furniture, the
    centred title is the caption (p. 6); words broken without a hyphen in narrow cells are joined
    (p. 12: "Прирос" / "т к 2014 г.", "предприяти" / "я")."""
    tables = {t.page_first: t for t in docs["kursk_export_strategy_2030"].tables}
    assert tables[6].caption == "Объем экспорта на душу населения регионов ЦФО, долл. США на чел."
    assert tables[12].header[2] == "Прирост к 2014 г."
    assert tables[12].cells[0].row_label == "Малые предприятия"


def test_two_column_abstract(docs: dict[str, ParsedDocument]) -> None:
    p = docs["tipor_2017_migration_theories_bilingual"].pages[0]
    assert "two_column" in p.flags
    assert "ИСТОРИЯ И ТЕОРИИ МИГРАЦИОННЫХ ПРОЦЕССОВ" in p.text
    assert "теории миграционных процессов. Рассматриваются" in p.text


def test_cid_glyphs_dropped_but_page_kept(docs: dict[str, ParsedDocument]) -> None:
    hse = docs["hse_coursework_gravity_migration_2021"]
    assert not any("broken_text_layer" in p.flags for p in hse.pages)
    assert all("(cid:" not in p.text for p in hse.pages)
