"""Rows of `tables` and tidy `table_cells`; numeric cells get a value and the unit of their header.

The unit of a cell comes from the nearest label that states one: its column header, then its
row label, then the table caption ("млн. долл. США", "в % к", "млрд рублей", "тыс. человек").
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pipeline.extract.numbers import parse_number, scale_of, unit_of
from pipeline.model import ParsedTable

_NUMBER = re.compile(r"^[-−–+]?\d[\d\s\u00a0\u202f.,]*$")
_FOOTNOTE_TAIL = re.compile(r"(?<=\d)(?:\d\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹])$")
_UNIT_PHRASE = re.compile(
    r"(?P<scale>тыс(?:\.|яч\w*)?|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?)?\s*"
    r"(?<![А-Яа-яЁёA-Za-z])(?P<unit>%|процент\w*|руб(?:\.|л\w*)?|долл(?:\.|ар\w*)?(?:\s*США)?|евро|юан\w*|\$|€|"
    r"км²|км2|кв\.\s?км|га\b|тонн\w*|т\.?(?![А-Яа-яЁё])|человек|чел\.)",
    re.IGNORECASE,
)
# a number followed by its unit in the cell itself: "12,3%", "5 млн руб."
_WITH_UNIT = re.compile(r"^\s*([-−–+]?\d[\d\s\u00a0\u202f.,]*?)\s*((?:%|[^\W\d_]).*)$")
_SCALE_ONLY = re.compile(r"\b(тыс\.|тысяч\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?)", re.I)


def table_id(doc_id: str, index: int) -> str:
    return hashlib.sha256(f"table|{doc_id}|{index}".encode()).hexdigest()[:16]


def table_rows(doc_id: str, table: ParsedTable) -> dict:
    """The `tables` row and the `table_cells` rows of one parsed table."""
    tid = table_id(doc_id, table.index)
    row = {
        "table_id": tid,
        "doc_id": doc_id,
        "page_first": table.page_first,
        "page_last": table.page_last,
        "n_rows": table.n_rows,
        "n_cols": table.n_cols,
        "caption": table.caption,
    }
    cells = []
    for c in table.cells:
        value, unit, mult = cell_value(c.text), None, 0
        if value is None and (m := _WITH_UNIT.match(c.text or "")):
            value, (unit, mult) = cell_value(m.group(1)), _unit_in(m.group(2))
            value = value if unit or mult else None
        elif value is not None:
            unit, mult = label_unit(c.col_label, c.row_label, table.caption)
        cells.append(
            {
                "table_id": tid,
                "doc_id": doc_id,
                "page": c.page,
                "row": c.row,
                "col": c.col,
                "row_label": c.row_label,
                "col_label": c.col_label,
                "text": c.text,
                "value": value,
                "unit": unit,
                "unit_mult": mult,
            }
        )
    return {"table": row, "cells": cells}


def cell_value(text: str | None) -> float | None:
    """The number a cell holds ("41782,1", "−5,2", "1 300"), footnote markers dropped; else None."""
    if not text:
        return None
    s = _FOOTNOTE_TAIL.sub("", text.strip())
    if not _NUMBER.match(s):
        return None
    return parse_number(s)


def label_unit(*labels: str | None) -> tuple[str | None, int]:
    """(unit, power of ten) stated by the first label that states one."""
    for label in labels:
        if label:
            found = _unit_in(label)
            if found != (None, 0):
                return found
    return None, 0


@lru_cache(maxsize=10_000)
def _unit_in(label: str) -> tuple[str | None, int]:
    m = _UNIT_PHRASE.search(label)
    if m:
        raw = re.sub(r"\s*США$", "", m.group("unit"), flags=re.I).rstrip(".")
        unit = unit_of(raw) or ("COUNT" if m.group("unit").lower().startswith("чел") else None)
        mult = scale_of(m.group("scale")) if m.group("scale") else 0
        return unit, mult or 0
    s = _SCALE_ONLY.search(label)
    return (None, scale_of(s.group(1)) or 0) if s else (None, 0)
