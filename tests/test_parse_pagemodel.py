"""The page model keeps char geometry: any span of a page's cleaned text maps back to the boxes of
the glyphs that drew it (`PageText.box_of`), checked against pdfplumber's own chars."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from pipeline.model import BBox, ParsedDocument
from pipeline.parse import parse_pdf
from pipeline.parse.txt import page_of

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "seed_gertsik_2020.pdf"
needs_fixtures = pytest.mark.skipif(not SEED.exists(), reason="fixtures not generated")
LINE = "превысил 51%, в 2019 г. – 12% (доля"  # page 2: one line, two figures


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return parse_pdf(SEED, max_pages=3)


def drawn(page: int, box: BBox) -> str:
    """What pdfplumber (pdfminer, not the parser's pdfium chars) reads inside the box: the
    non-space chars whose centre lies in it."""
    with pdfplumber.open(SEED) as pdf:
        chars = pdf.pages[page - 1].chars
    inside = [
        c
        for c in chars
        if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2]
        and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]
        and c["text"].strip()
    ]
    return "".join(c["text"] for c in sorted(inside, key=lambda c: c["x0"]))


@needs_fixtures
def test_span_box_is_its_glyphs_not_its_line(seed: ParsedDocument) -> None:
    p = seed.pages[1]
    at = p.text.index(LINE)
    a, b = at + LINE.index("51%"), at + LINE.index("12%")
    (line,) = [ln.bbox for ln in p.lines if ln.char_start <= a < ln.char_end]
    (first,), (second,) = p.box_of(a, a + 3), p.box_of(b, b + 3)
    for box in (first, second):
        assert line[0] <= box[0] < box[2] <= line[2] and line[1] <= box[1] < box[3] <= line[3]
        assert box[2] - box[0] < (line[2] - line[0]) / 10  # a few glyphs, not the line
    assert first[2] < second[0]  # "51%" is left of "12%" on the same line
    assert drawn(2, first) == "51%" and drawn(2, second) == "12%"


@needs_fixtures
def test_span_over_a_dehyphenated_line_break_has_a_box_per_line(seed: ParsedDocument) -> None:
    p, word = seed.pages[0], "торгово-экономические"  # "торгово-эконо-" / "мические" on paper
    at = next(
        m.start()
        for m in re.finditer(word, p.text)
        if any(m.start() < ln.char_end < m.end() for ln in p.lines)
    )
    top, bottom = p.box_of(at, at + len(word))
    assert top[3] <= bottom[1]  # two lines, one under the other
    assert drawn(1, top) == "торгово-эконо" and drawn(1, bottom) == "мические"  # no hyphen glyph


@needs_fixtures
def test_every_char_has_a_box_slot_and_spaces_have_none(seed: ParsedDocument) -> None:
    for p in seed.pages:
        assert len(p.char_boxes) == 4 * len(p.text)
        gap = p.text.index(" ")
        assert p.box_of(gap, gap + 1) == []


def test_text_input_falls_back_to_line_boxes() -> None:
    page = page_of(1, "Первая строка.\n\nВторая строка.")
    assert page.box_of(0, 6) == [page.lines[0].bbox]
