"""Parse stage on the generated fixtures: text cleanup, footnotes, tables and bad inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.model import DocStatus, ParsedDocument, ParseError
from pipeline.parse import doc_id_of, parse_path, parse_pdf, parse_txt
from pipeline.parse.dehyphen import dehyphenate_cell, keep_hyphen
from pipeline.parse.furniture import is_page_number

FIX = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIX / "pdf" / "seed_gertsik_2020.pdf"
needs_fixtures = pytest.mark.skipif(not SEED.exists(), reason="fixtures not generated")


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return parse_pdf(SEED)


def body(doc: ParsedDocument) -> str:
    return "\n".join(p.text for p in doc.pages)


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("конкурентоспособ", "ности", False),
        ("торгово", "экономических", True),
        ("Зелено", "град", False),
        ("территориаль", "ный", False),
        ("из", "за", True),
        ("Санкт", "Петербург", True),
        ("ЖКХ", "услуги", True),  # an abbreviation before the hyphen
        ("А", "Х", True),  # initials
    ],
)
def test_keep_hyphen(left: str, right: str, keep: bool) -> None:
    assert keep_hyphen(left, right) is keep


def test_cell_join_and_page_numbers() -> None:
    assert dehyphenate_cell(["Зелено-", "град"]) == "Зеленоград"
    assert dehyphenate_cell(["Инновационный", "территориаль-", "ный"]) == ("Инновационный территориальный")
    assert all(map(is_page_number, ["64", "- 5 -", "стр. 5", "Страница 3 из 10"]))
    assert not is_page_number("2019 год")


@needs_fixtures
def test_seed_metadata(seed: ParsedDocument) -> None:
    assert seed.status is DocStatus.OK
    assert seed.doc_id == doc_id_of(SEED) and re.fullmatch(r"[0-9a-f]{16}", seed.doc_id)
    assert seed.n_pages == len(seed.pages) >= 10
    assert seed.title and seed.title.startswith("Анализ опыта России и Китая")


@needs_fixtures
def test_seed_dehyphenation(seed: ParsedDocument) -> None:
    text = body(seed)
    assert "развития торгово-экономических" in text  # real compound keeps its hyphen
    assert "торгово-экономические отношения" in text  # "торгово-эконо-/мические"
    assert "глобальной конкурентоспособности" in text  # "конкурентоспособ-/ности"
    assert "конкурентоспособ-" not in text and "конкурентоспособ ности" not in text


@needs_fixtures
def test_seed_furniture_removed(seed: ParsedDocument) -> None:
    for p in seed.pages:
        assert "Вестник инновационной экономики" not in p.text
        lines = p.text.split("\n")
        assert not any(re.fullmatch(r"\d{2}", ln.strip()) for ln in lines), p.page
    assert seed.pages[1].text.startswith("ходимы новые совместные проекты")


@needs_fixtures
def test_seed_footnotes(seed: ParsedDocument) -> None:
    notes = {f.marker: f for p in seed.pages for f in p.footnotes}
    assert set(notes) == {"1", "2", "3", "4"}
    assert notes["1"].page == 3 and notes["1"].text.startswith("Cluster Management Guide")
    assert notes["4"].text.endswith("(дата обращения 01.06.2020).")
    p3 = seed.pages[2]
    assert "Cluster Management Guide" not in p3.text
    assert [m for _, m in p3.markers] == ["1"]


@needs_fixtures
def test_seed_provenance(seed: ParsedDocument) -> None:
    for p in seed.pages:
        spans = p.lines
        assert all(0 <= s.char_start <= s.char_end <= len(p.text) for s in spans)
        assert all(a.char_end <= b.char_start for a, b in zip(spans, spans[1:], strict=False))
    p1 = seed.pages[0]
    i = p1.text.index("конкурентоспособности российских")
    box = p1.bbox_of(i, i + 10)
    assert box is not None and box[1] > 300


@needs_fixtures
def test_seed_table_spans_two_pages(seed: ParsedDocument) -> None:
    assert len(seed.tables) == 1
    t = seed.tables[0]
    assert (t.page_first, t.page_last, t.n_rows, t.n_cols) == (9, 10, 13, 6)
    assert t.caption and t.caption.startswith("Таблица 1.") and "в области биотехнологий" in t.caption
    assert t.header[:3] == ["Кластер", "Регион РФ", "Год основания"]
    rows = t.rows()
    kaluga = next(r for r in rows if r[0] == "Калужский фармкластер")
    assert kaluga[1:3] == ["Калужская область", "2009"] and kaluga[4] == "40 участников"
    assert not any(r[0] == "Кластер" for r in rows)  # repeated header dropped
    assert any("Зеленоград" in r[0] for r in rows)
    assert {c.page for c in t.cells} == {9, 10}
    cell = next(c for c in t.cells if c.text == "2009")
    assert (cell.row_label, cell.col_label) == ("Калужский фармкластер", "Год основания")
    assert "Калужский фармкластер" not in seed.pages[8].text + seed.pages[9].text


@needs_fixtures
def test_two_column_reading_order() -> None:
    doc = parse_pdf(FIX / "pdf" / "two_column.pdf")
    p = doc.pages[0]
    assert "two_column" in p.flags
    assert "Опыт Китайской Народной Республики. Практика формирования" in p.text
    assert "Китайские кластеры подразделяются на следующие виды" in p.text
    assert p.text.index("подразделяются") < p.text.index("Сегодня в КНР")


@needs_fixtures
@pytest.mark.parametrize(
    ("name", "error_type", "status", "message"),
    [
        ("empty.pdf", "empty", DocStatus.FAILED, "empty file"),
        ("not_a_pdf.pdf", "not_pdf", DocStatus.FAILED, "not a PDF"),
        ("encrypted.pdf", "encrypted", DocStatus.FAILED, "encrypted PDF: needs a password"),
        ("truncated.pdf", "corrupt", DocStatus.FAILED, "corrupt or truncated PDF"),
    ],
)
def test_bad_inputs(name: str, error_type: str, status: DocStatus, message: str) -> None:
    with pytest.raises(ParseError) as ei:
        parse_path(FIX / "pdf" / name)
    assert ei.value.error_type == error_type
    assert ei.value.status is status
    assert message in str(ei.value)


def test_txt_and_dispatch(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("Заголовок\nПервая строка.\fВторая страница", encoding="utf-8")
    doc = parse_path(f)
    assert doc == parse_txt(f)
    assert [p.text for p in doc.pages] == ["Заголовок\nПервая строка.", "Вторая страница"]
    assert doc.title == "Заголовок" and doc.pages[0].lines[1].char_start == 10
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ParseError, match="empty file"):
        parse_path(tmp_path / "empty.txt")
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    with pytest.raises(ParseError, match="unsupported"):
        parse_path(tmp_path / "x.bin")


def test_broken_text_layer() -> None:
    from pipeline.parse.quality import page_is_broken

    def chars(s: str) -> list[dict]:
        return [{"text": ch} for ch in s]

    assert page_is_broken(chars("Ïðîåêò ñòðàòåãèè ðàçâèòèÿ"))
    assert page_is_broken([{"text": "(cid:34)"}] * 30)
    assert not page_is_broken(chars("Проект стратегии развития региона до 2030 года"))


@needs_fixtures
@pytest.mark.parametrize(
    "name",
    ["seed_gertsik_2020.pdf", "two_column.pdf", "kaluga_note.pdf", "slide_deck.pdf", "word_export_table.pdf"],
)
def test_engines_agree(name: str) -> None:
    fast = parse_pdf(FIX / "pdf" / name)
    slow = parse_pdf(FIX / "pdf" / name, engine="pdfplumber")
    assert (fast.title, fast.tables, fast.n_pages) == (slow.title, slow.tables, slow.n_pages)
    for a, b in zip(fast.pages, slow.pages, strict=True):
        assert (a.text, a.markers, a.flags) == (b.text, b.markers, b.flags), a.page
        assert [(f.marker, f.text) for f in a.footnotes] == [(f.marker, f.text) for f in b.footnotes]
        assert [(s.char_start, s.char_end) for s in a.lines] == [(s.char_start, s.char_end) for s in b.lines]
        assert all(
            abs(x - y) < 1.0
            for s, t in zip(a.lines, b.lines, strict=True)
            for x, y in zip(s.bbox, t.bbox, strict=True)
        )


@needs_fixtures
def test_table_pages_routed_to_pdfplumber() -> None:
    import pypdfium2 as pdfium

    from pipeline.parse.ruling import may_have_grid

    doc = pdfium.PdfDocument(SEED)
    try:
        assert may_have_grid(doc[8]) and may_have_grid(doc[9])  # the ruled table
        assert not may_have_grid(doc[0])
    finally:
        doc.close()
