"""Ruled tables' captions and cell texts (pipeline.parse.tables), on lines and chars laid out as in
the corpus PDFs (Kursk export strategy: A4 at 14 pt, table from x = 78 to 531)."""

from __future__ import annotations

from pipeline.parse.lines import Line
from pipeline.parse.tables import _cell_text, find_caption

TABLE = (78.0, 352.0, 531.0, 780.0)  # x0, top, x1, bottom
SIZE = 14.0


def _at(text: str, top: float, x0: float, x1: float) -> Line:
    return Line(text, (x0, top, x1, top + SIZE), SIZE)


def _centred(text: str, top: float, width: float) -> Line:
    middle = (TABLE[0] + TABLE[2]) / 2
    return _at(text, top, middle - width / 2, middle + width / 2)


def test_a_table_number_far_above_keeps_its_title_lines() -> None:
    """Kursk p. 63: "Таблица N 1" 94 pt above the table (beyond the caption reach), three title
    lines under it, the prose before it left out."""
    lines = [
        _at("- в гостиничном и ресторанном бизнесе.", 225, 106, 400),
        _at("Таблица N 1", 258, 470, 531),
        _centred("Численность и состав трудовых ресурсов Курской области", 290, 380),
        _centred("в среднем за 2019 год (по данным отчетного баланса", 306, 360),
        _centred("трудовых ресурсов)", 322, 130),
    ]
    assert find_caption(lines, TABLE) == (
        "Таблица N 1 Численность и состав трудовых ресурсов Курской области в среднем за 2019 год "
        "(по данным отчетного баланса трудовых ресурсов)"
    )


def test_a_centred_title_is_the_caption_without_a_table_number() -> None:
    """Kursk p. 6: the running "Таблица N 3" was taken for page furniture; the centred title and
    its unit line stay the caption. A flush-right unit line under a centred title belongs to it
    (Rosstat p. 77)."""
    lines = [
        _centred("Объем экспорта на душу населения регионов ЦФО,", 318, 332),
        _centred("долл. США на чел.", 334, 123),
    ]
    assert find_caption(lines, TABLE) == "Объем экспорта на душу населения регионов ЦФО, долл. США на чел."
    flush = [_centred("ИНДЕКСЫ ЦЕН И ТАРИФОВ", 310, 117), _at("на конец периода, в процентах", 330, 424, 531)]
    assert find_caption(flush, TABLE) == "ИНДЕКСЫ ЦЕН И ТАРИФОВ на конец периода, в процентах"


def test_prose_above_a_table_is_no_caption_unless_it_leads_in_with_a_colon() -> None:
    """A justified paragraph (indented first line, flush-left last line) is no title (Kursk
    declaration p. 15); its last sentence is the caption when it ends with a colon."""
    prose = [
        _at(
            "Прогноз индекса промышленного производства в добыче полезных ископаемых основан на",
            300,
            105,
            531,
        ),
        _at("ожидаемых тенденциях развития конъюнктуры рынка железорудного сырья.", 316, 78, 420),
    ]
    assert find_caption(prose, TABLE) is None
    lead_in = [
        _at("Численность занятых выросла на 2%. Численность занятых в экономике Курской", 300, 105, 531),
        _at("области по видам экономической деятельности распределилась следующим", 316, 78, 531),
        _at("образом:", 332, 78, 140),
    ]
    assert find_caption(lead_in, TABLE) == (
        "Численность занятых в экономике Курской области по видам экономической деятельности "
        "распределилась следующим образом:"
    )


def test_no_caption_over_a_continued_table_or_a_grid_s_text() -> None:
    """ "Окончание табл. 2" under a running head (Syomin p. 10); the last row of an unruled
    regression table above a ruled one (HSE p. 21)."""
    continued = [
        _centred("Экономическая, социальная и политическая география", 310, 300),
        _at("Окончание табл. 2", 334, 420, 531),
    ]
    assert find_caption(continued, TABLE) is None
    grid = [_centred("-0.0170 industry_pc_i", 334, 200)]
    assert find_caption(grid, TABLE) is None


def _chars(text: str, x: float, bottom: float, size: float = 10.0) -> list[dict]:
    out = []
    for ch in text:
        w = 0.5 * size
        out.append({"text": ch, "x0": x, "x1": x + w, "top": bottom - size, "bottom": bottom, "size": size})
        x += w
    return out


def _cell(*lines: str, width: float) -> str:
    chars = [c for i, text in enumerate(lines) for c in _chars(text, 100.0, 112.0 + 12 * i)]
    chars.sort(key=lambda c: (c["top"] + c["bottom"]) / 2)
    mids = [(c["top"] + c["bottom"]) / 2 for c in chars]
    return _cell_text((100.0, 100.0, 100.0 + width, 150.0), chars, mids)


def test_a_word_broken_without_hyphen_in_a_narrow_cell_is_joined() -> None:
    """Kursk p. 12: "Прирос" / "т к 2014" / "г." and "предприяти" / "я" fill their narrow cells;
    "Мест" / "о" is a word alone on its line. A line that does not fill its cell keeps its space,
    and so do two words ("малых" / "и средних")."""
    assert _cell("Прирос", "т к 2014", "г.", width=40.0) == "Прирост к 2014 г."
    assert _cell("Малые", "предприяти", "я", width=50.0) == "Малые предприятия"
    assert _cell("Мест", "о", width=20.0) == "Место"
    assert _cell("Мест", "о", width=60.0) == "Мест о"
    assert _cell("Количество малых", "и средних", width=80.0) == "Количество малых и средних"
