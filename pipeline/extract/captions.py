"""Periods from the table a sentence refers to: "Наибольший удельный вес в структуре занятых
занимают следующие отрасли (таблица N 3):" dates its figures by the caption of table N 3 ("Величина
и структура среднегодовой численности занятых … в 2019 году").

A document's tables are numbered in its text ("Таблица N 3" on a line of its own, the caption on the
lines after it, up to "Источник" or the next table); numbering may restart in a new section, so a
reference means the latest table of that number at or before the figure. A figure takes the
caption's period when its sentence, or the lead-in line of the list it is an item of, refers to
the table and its sentence states no period (none was found, or only a section's, which is less
sure: `period_source` "table").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.extract.dates import extract_dates
from pipeline.extract.facts import DateFact
from pipeline.extract.periods import LIST_ITEM_LINES, is_item_line, lead_in_above, legacy_period
from pipeline.lexicon import NUMBER_SIGN, TABLE_REFERENCE, TABLE_WORD

_CAPTION = re.compile(
    rf"(?m)^[ \t]*{TABLE_WORD}[ \t]*{NUMBER_SIGN}?[ \t]*(\d+)\.?[ \t]*"  # "Таблица N 3" opening a line
    rf"([^\n]*(?:\n(?![ \t]*(?:Источник|{TABLE_WORD})|[^\n]*[.:][ \t]*$)[^\n]*){{0,3}})"
)  # the caption: up to 3 lines more, none a sentence of the text (ending with "." or ":")
CAPTION_PRECISIONS = frozenset({"year", "quarter", "month"})  # a period, not a day's stock
_LESS_SURE = frozenset({"section"})  # a period carried from a heading or an earlier paragraph


@dataclass(frozen=True)
class Caption:
    page: int
    start: int
    number: str
    date: DateFact


def captions(pages: Mapping[int, str]) -> list[Caption]:
    """The numbered tables of a document whose caption states one period, in reading order."""
    out = []
    for page in sorted(pages):
        for m in _CAPTION.finditer(pages[page] or ""):
            dates = [d for d in extract_dates(m.group(2)) if _a_period(d)]
            if len({(d.start, d.end) for d in dates}) == 1:
                out.append(Caption(page, m.start(), m.group(1), dates[0]))
    return out


def _a_period(d: DateFact) -> bool:
    return d.kind != "by" and d.precision in CAPTION_PRECISIONS


def apply_table_periods(rows: list[dict], pages: Mapping[int, str]) -> None:
    """Figure rows with no period of their sentence (none, or a section's: less sure) whose sentence
    or list lead-in refers to a numbered table take the period of that table's caption."""
    undated = [r for r in rows if r.get("period_start") is None or r.get("period_source") in _LESS_SURE]
    found = captions(pages) if undated else []
    for row in undated:
        number = _reference(row, pages.get(row["page"]) or "")
        caption = _latest(found, number, row["page"], row["char_start"]) if number else None
        if caption is not None:
            d = caption.date
            row.update(
                period=legacy_period(d), period_start=d.start, period_end=d.end,
                period_precision=d.precision, period_source="table", date_id=None,
            )  # fmt: skip


def _reference(row: dict, text: str) -> str | None:
    """The table number the row's sentence refers to, else the lead-in line of its list."""
    m = TABLE_REFERENCE.search(str(row.get("sentence") or ""))
    if m is not None:
        return m.group(1)
    line = text.rfind("\n", 0, row["char_start"]) + 1
    own = text[line : text.find("\n", line) if "\n" in text[line:] else len(text)]
    above = lead_in_above(text, line, is_item_line, LIST_ITEM_LINES) if is_item_line(own) else None
    m = TABLE_REFERENCE.search(text[above[0] : above[1]]) if above else None
    return m.group(1) if m else None


def _latest(found: list[Caption], number: str, page: int, start: int) -> Caption | None:
    """The last table of that number at or before the figure (numbering restarts by section)."""
    before = [c for c in found if c.number == number and (c.page, c.start) <= (page, start)]
    return before[-1] if before else None
