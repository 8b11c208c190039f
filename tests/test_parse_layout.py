"""Layout repair on the generated fixtures: OCR of a scan, slides without spaces, a Word table
with wrapped cells, furniture, superscripts, broken figures and plain-text input."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from pipeline.extract import extract_page
from pipeline.extract.tables import table_rows
from pipeline.model import DocStatus, ParsedDocument, ParseError
from pipeline.parse import parse_path, parse_pdf
from pipeline.parse.assemble import assemble
from pipeline.parse.furniture import strip_furniture
from pipeline.parse.glued import split_glued
from pipeline.parse.lines import Line, dominant_size, make_line
from pipeline.parse.ocr import ocr_problem
from pipeline.parse.txt import decode, page_of

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
needs = pytest.mark.skipif(not (PDF / "slide_deck.pdf").exists(), reason="fixtures not generated")
needs_ocr = pytest.mark.skipif(ocr_problem() is not None, reason="Tesseract rus+eng not installed")


def facts(doc: ParsedDocument) -> tuple[set, set]:
    """(value_scaled, unit) of every figure and (start, end) of every date, over all pages."""
    figs, dates = set(), set()
    for p in doc.pages:
        f = extract_page(p.text)
        figs |= {(x.value * 10**x.unit_mult, x.unit) for x in f.figures}
        dates |= {(d.start, d.end) for d in f.dates}
    return figs, dates


@needs
@needs_ocr
def test_scanned_seed_page_is_ocred_with_boxes() -> None:
    scan = parse_pdf(PDF / "seed_gertsik_2020_scanned.pdf", max_pages=1)
    text = parse_pdf(PDF / "seed_gertsik_2020.pdf", max_pages=1)
    page = scan.pages[0]
    assert scan.status is DocStatus.OK and page.ocr and page.ocr_confidence > 0.8
    assert "OCR (Tesseract) on 1 page" in scan.error
    figs, dates = facts(scan)
    assert {(2e11, "USD"), (3.4, "PERCENT")} <= figs  # as on page 1 of the text layer
    assert ("2018-12-20", "2018-12-20") in dates
    word = "торгово-экономических"
    a, b = page.text.index(word), text.pages[0].text.index(word)
    box, ref = page.bbox_of(a, a + len(word)), text.pages[0].bbox_of(b, b + len(word))
    assert abs(box[1] - ref[1]) < 6 and abs(box[3] - ref[3]) < 6  # the same line on paper


@needs
def test_scan_without_tesseract_says_how_to_install(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract executable anywhere
    ocr_problem.cache_clear()
    try:
        with pytest.raises(ParseError) as ei:
            parse_path(PDF / "scanned.pdf")
    finally:
        monkeypatch.setenv("PATH", os.environ["PATH"])
        ocr_problem.cache_clear()
    assert ei.value.status is DocStatus.NO_TEXT
    assert "apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng" in str(ei.value)


@needs
def test_slide_deck_without_spaces() -> None:
    doc = parse_pdf(PDF / "slide_deck.pdf")
    text = "\n".join(p.text for p in doc.pages)
    assert doc.title == "Итоги реализации программы" and not doc.tables  # frame/background: no table
    for phrase in (
        "2,3 млрд руб.",
        "не более 25%",
        "от 01.02.2021 № 123-р",
        "Выручка 5 млн руб. в 2020 году",
        "150 млн руб. вложено в инфраструктуру",
        "47 организаций участников кластера",
    ):
        assert phrase in text
    figs, dates = facts(doc)
    assert {
        (2.3e9, "RUB"),
        (25.0, "PERCENT"),
        (5e6, "RUB"),
        (150e6, "RUB"),
        (47.0, "COUNT"),
        (1200.0, "COUNT"),
    } <= figs
    assert ("2021-02-01", "2021-02-01") in dates


@needs
def test_word_export_table_keeps_logical_rows_and_labels() -> None:
    doc = parse_pdf(PDF / "word_export_table.pdf")
    (table,) = doc.tables
    assert table.caption == "Таблица 1 – Основные показатели развития области (млн руб.)"
    assert table.header == [
        "Показатель",
        "2019 / I кв.",
        "2019 / II кв.",
        "2020 / I кв.",
        "2020 / II кв.",
        "Изменение, %",
    ]
    assert (table.n_rows, table.n_cols) == (3, 6)
    assert [r[0] for r in table.rows()] == [
        "Инвестиции в основной капитал за счёт всех источников финансирования",
        "Выручка организаций обрабатывающей промышленности",
        "Объём государственной поддержки малого и среднего предпринимательства",
    ]
    cells = {(c["row"], c["col"]): c for c in table_rows(doc.doc_id, table)["cells"]}
    assert (cells[0, 1]["value"], cells[0, 1]["unit"], cells[0, 1]["unit_mult"]) == (1250.4, "RUB", 6)
    assert cells[0, 1]["row_label"].startswith("Инвестиции") and cells[0, 1]["col_label"] == "2019 / I кв."
    assert (cells[2, 5]["value"], cells[2, 5]["unit"]) == (12.3, "PERCENT")
    assert "Стандарт утверждён 15 марта 2021 г." in doc.pages[0].text  # the ruled abstract box is body


def _line(text: str, top: float, size: float = 10.0) -> Line:
    return Line(text, (50.0, top, 300.0, top + size), size)


def test_furniture_only_in_the_band() -> None:
    height = 800.0
    repeated = "Все расчёты выполнены в ценах 2020 года."
    pages = [
        [
            _line("Вестник экономики. 2020. № 3", 20),
            _line("Текст страницы.", 60),
            _line(repeated, 700),
            _line(repeated, 712),
            _line(str(60 + k), 760),
        ]
        for k in range(4)
    ]
    out = strip_furniture(pages, [height] * 4)
    for lines in out:
        texts = [ln.text for ln in lines]
        assert texts.count(repeated) == 2  # body text in the band, no gap above it: kept
        assert "Вестник экономики. 2020. № 3" not in texts and not any(t.isdigit() for t in texts)


def _chars(text: str, x: float, size: float, bottom: float) -> list[dict]:
    out = []
    for ch in text:
        w = 0.55 * size
        out.append(
            {
                "text": ch,
                "x0": x,
                "x1": x + w,
                "top": bottom - size,
                "bottom": bottom,
                "size": size,
                "fontname": "Sans",
                "upright": True,
            }
        )
        x += w
    return out


def test_superscript_rule_spares_scale_words() -> None:
    big = _chars("150", 0, 40, 100)
    raised = _chars("млн", 70, 14, 80)  # small and raised beside the big number
    unit = _chars("руб.", 120, 14, 100)
    line = make_line(big + raised + unit + _chars("вложено", 160, 14, 100))
    assert line is not None and line.text.startswith("150 млн руб.") and not line.markers
    note = make_line(_chars("Линдквистом", 0, 11, 100) + _chars("1", 66, 7, 95) + _chars("и", 75, 11, 100))
    assert note is not None and note.markers == [(11, "1")] and "1" not in note.text


def test_figure_broken_over_lines_is_joined() -> None:
    a = Line("Объём инвестиций составил 2,3 млрд", (50, 100, 200, 110), 10.0)
    b = Line("руб. по итогам года", (80, 130, 200, 140), 10.0)  # indented, after a wide gap
    assert assemble([a, b]).text == "Объём инвестиций составил 2,3 млрд руб. по итогам года"


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("неболее25%", "не более 25%"),
        ("5млнруб.", "5 млн руб."),
        ("от01.02.2021№123-р", "от 01.02.2021 № 123-р"),
        ("Герцик", "Герцик"),  # an unknown name is not chopped into dictionary pieces
        ("COVID-19", "COVID-19"),
        ("www.site.ru/a1b", "www.site.ru/a1b"),
    ],
)
def test_split_glued(glued: str, split: str) -> None:
    assert split_glued(glued)[0] == split


TEXT = "Выручка кластера составила 25 млн руб., рост на 3,4% к уровню 2019 года."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r", "cp866"]
)
def test_text_encodings_detected(encoding: str) -> None:
    assert decode(TEXT.encode(encoding), "x.txt") == TEXT


def test_utf16_text_file_is_parsed(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text(TEXT, encoding="utf-16")
    assert parse_path(f).pages[0].text == TEXT
    with pytest.raises(ParseError, match="binary data"):
        decode(bytes(range(256)) * 8, "x.bin")


def test_hard_wrapped_text_is_reflowed() -> None:
    para = (
        "Выручка кластера в 2019 г. составила 2,3 млрд руб., что на 12% больше, чем годом ранее. "
        "Число участников выросло до 47 организаций, занятость превысила 6200 человек."
    )
    wrapped = textwrap.wrap(para, 38)
    raw = "Введение\n\n" + "\n".join(wrapped) + "\n- первый пункт;\n- второй пункт.\n\nНовый абзац."
    page = page_of(1, raw)
    assert page.text.split("\n") == [
        "Введение",
        "",
        para,
        "- первый пункт;",
        "- второй пункт.",
        "",
        "Новый абзац.",
    ]
    spans = [page.text[s.char_start : s.char_end] for s in page.lines]
    assert spans[2 : 2 + len(wrapped)] == wrapped  # each source line keeps its provenance


@needs
def test_booktabs_table_found_from_alignment() -> None:
    doc = parse_pdf(PDF / "booktabs_table.pdf")
    (table,) = doc.tables
    assert table.caption == "Таблица 2. Валовой региональный продукт, млрд руб."
    assert table.header == ["Регион", "2019", "2020", "2021"] and (table.n_rows, table.n_cols) == (4, 4)
    assert table.rows()[1] == ["Белгородская область", "968,3", "1 012,4", "1 187,0"]
    cells = table_rows(doc.doc_id, table)["cells"]
    first = next(c for c in cells if c["row"] == 0 and c["col"] == 1)
    assert (first["row_label"], first["col_label"], first["value"], first["unit"], first["unit_mult"]) == (
        "Курская область",
        "2019",
        412.5,
        "RUB",
        9,
    )
    text = doc.pages[0].text
    assert "968,3" not in text and "составил 14,5% к уровню" in text  # rows left the body, prose stays


@needs
@pytest.mark.parametrize("name", ["two_column.pdf", "kaluga_note.pdf", "slide_deck.pdf"])
def test_prose_is_never_an_aligned_table(name: str) -> None:
    assert parse_pdf(PDF / name).tables == []


def test_dominant_size_of_one_size_rows_and_of_mixed_rows() -> None:
    """The size most non-space chars of a row have, rounded (a row in one size is answered without
    counting; spaces in another size never count; of two sizes as common, the first seen)."""
    one = _chars("Рост", 10.0, 10.04, 100.0) + _chars(" ", 60.0, 20.0, 100.0)
    assert dominant_size(one) == 10.0
    mixed = _chars("1", 0.0, 6.0, 100.0) + _chars("млн", 10.0, 11.96, 100.0)
    assert dominant_size(mixed) == 12.0
    assert dominant_size(_chars("ab", 0.0, 9.0, 100.0) + _chars("cd", 20.0, 11.0, 100.0)) == 9.0
    assert dominant_size(_chars("  ", 0.0, 9.0, 100.0)) == 0.0
