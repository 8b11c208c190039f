"""Rows of `tables` and tidy `table_cells`; numeric cells get a value and the unit of their header.

The unit of a cell comes from the nearest label that states one (`cell_unit`): a percent column,
a unit its row label ends with ("Уголь, млн.тонн"), its column header, then its row label, then the
part of the table caption that states its unit (`caption_unit`: "…, млн. долл. США", "(в % к)",
"… млрд рублей", not "с выручкой до 800 млн руб.").
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pipeline import lexicon
from pipeline.extract.numbers import parse_number, scale_of, unit_of
from pipeline.lexicon import COUNTED_ABBRS, COUNTING_UNITS, UNITS, key, unit_codes
from pipeline.model import ParsedTable
from pipeline.nlp.morph import parses

_NUMBER = re.compile(r"^[-−–+]?\d[\d\s\u00a0\u202f.,]*$")
_FOOTNOTE_TAIL = re.compile(r"(?<=\d)(?:\d\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹])$")
# A label word; a unit spelled with a slash ("Гкал/ч") is one word, any other slash separates words.
_SLASHED = sorted((s for u in UNITS for s in u.exact if "/" in s), key=len, reverse=True)
_LABEL_WORD = re.compile("|".join([*map(re.escape, _SLASHED), r"[^\s,;:()/]+"]))
_GLUED_SCALE = re.compile(r"^([^\W\d_]+\.)([^\W\d_].*)$")  # "млрд.рублей": a scale glued to its unit
_CAPTION_PARTS = re.compile(r"[,;:()]")
_RELATIVE_LEAD = re.compile(r"^(?:%|процент)", re.I)  # "% к", "процентах"
_IN = re.compile(r"^в(?:\s+|(?=%))", re.I)  # "в млн руб.", "в % к", "в процентах"
_TAIL_WORDS = 4  # "млн. долл. США на чел.": the longest unit a caption ends with, in words
_TWO_WORDS = 2  # "кв. км", "долл. США": the longest unit spelling a label splits into words
# a number followed by its unit in the cell itself: "12,3%", "5 млн руб."
_WITH_UNIT = re.compile(r"^\s*([-−–+]?\d[\d\s\u00a0\u202f.,]*?)\s*((?:%|[^\W\d_]).*)$")
TIMES_UNIT = next(u for u in UNITS if u.code == "TIMES")  # "раз"
TIMES = TIMES_UNIT.code
_TIMES_WORD = "|".join(f"{w[0]}(?:{w[1:]}а?)?" for w in TIMES_UNIT.lemmas)  # "р.", "раз", "раза"
# "в 3,0р.", "в 2,1 раза": an index past 200 % a statistical table prints as a ratio
_TIMES = re.compile(r"^\s*в\s*(\d[\d\s\u00a0\u202f.,]*?)\s*(?:" + _TIMES_WORD + r")\.?\s*$", re.I)


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
        if value is None and (times := times_value(c.text)) is not None:
            value, unit = times, TIMES
        elif value is None and (m := _WITH_UNIT.match(c.text or "")):
            value, (unit, mult) = cell_value(m.group(1)), _unit_in(m.group(2))
            value = value if unit or mult else None
        elif value is not None:
            unit, mult = cell_unit(c.col_label, c.row_label, caption_unit(table.caption))
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


def times_value(text: str | None) -> float | None:
    """The ratio a cell prints instead of an index past 200 % ("в 3,0р." → 3.0); else None."""
    found = _TIMES.match(text or "")
    return cell_value(found.group(1)) if found else None


def cell_unit(
    col_label: str | None, row_label: str | None, *more: str | None, parent: str | None = None
) -> tuple[str | None, int]:
    """(unit, power of ten) of a numeric cell: a percent or ratio its column states ("В % к
    августу 2016г."), else a unit its row label ends with ("Уголь, млн.тонн": that of the column
    header, "Август 2017г., тыс.тонн", holds for the rows stating none), else the first label
    stating one: column header, row label, the labels after (the caption); a part row stating
    none ("бурый") takes the unit its `parent` row ends with. Of a column label joined from header
    rows ("Январь-июль / на 100 тыс. человек / 2017г. в % к 2016г.") the lowest row stating a unit
    counts."""
    parts = (col_label or "").split(" / ")
    column = label_unit(*reversed(parts))
    if lexicon.relative_unit(column[0]):  # a column of percents holds for every row
        return column
    inherited = unit_tail(parent) if label_unit(row_label) == (None, 0) else None
    return label_unit(unit_tail(row_label) or inherited, *reversed(parts), row_label, *more)


@lru_cache(maxsize=1_000)
def caption_unit(caption: str | None) -> str | None:
    """The part of a caption that states its table's unit: the last part between commas or
    brackets that starts with a unit or scale ("… регионов ЦФО, долл. США на чел.", "(в млн руб.)",
    "…, в % к"), else its last words doing so ("… ФТС России) млн.долларов США", "… МИГРАЦИИ
    человек", "ВВП в млрд руб."); not a unit inside what it names ("с выручкой до 800 млн руб.")."""
    if not caption:
        return None
    for part in reversed([p.strip() for p in _CAPTION_PARTS.split(caption) if p.strip()]):
        if _unit_led(part):
            return part
    words = caption.split()
    for n in range(min(_TAIL_WORDS, len(words) - 1), 0, -1):
        before = words[-n - 1]
        amount = any(ch.isdigit() for ch in before) or scale_of(before)  # "до 800 млн руб."
        if _unit_led(" ".join(words[-n:])) and not amount:
            return " ".join(words[-n:])
    return None


def _unit_led(text: str) -> bool:
    """Text that starts with a unit or a scale, after "в" or not ("млн руб.", "в % к", "в тыс. т")."""
    text = _IN.sub("", text)
    first = _LABEL_WORD.search(text)
    return bool(_RELATIVE_LEAD.match(text)) or bool(first and _unit_in(first.group()) != (None, 0))


def unit_tail(row_label: str | None) -> str | None:
    """The text after a row label's last comma when it states a unit ("млн.тонн"); years only when
    the whole label states them (`_span_unit`: not those of an age group)."""
    if not row_label or "," not in row_label:
        return None
    tail = row_label.rsplit(",", 1)[1].strip()
    unit = _unit_in(tail)
    if unit == (None, 0) or (unit[0] in _SPAN_UNITS.values() and not _span_unit(row_label)):
        return None
    return tail


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
    """(unit, power of ten) of the first unit word of a label, with the scale word before it."""
    words = [w for m in _LABEL_WORD.finditer(label) for w in _unglued(m.group())]
    scale = 0
    for i, word in enumerate(words):
        if scale_of(word):
            scale = scale or scale_of(word) or 0
            continue
        unit = _label_unit(tuple(words[i : i + _TWO_WORDS]))
        if unit is None and (len(words) == 1 or (i and scale_of(words[i - 1]))) and _counting(word):
            unit = "COUNT"  # "штук", "млн.флаконов", not "газом и паром", "Пар и горячая вода"
        if unit is not None:
            before = scale_of(words[i - 1]) if i else None
            return unit, before or 0
    span = _span_unit(label)
    return (span, 0) if span else (None, scale)


def _span_unit(label: str) -> str | None:
    """The unit of a time span a label states as its unit, which running text never does ("за 13
    лет" is no figure): the label's text, or its part after the last comma, is one plural genitive
    or locative form of the unit's word, "в" before it or not ("Ожидаемая продолжительность жизни,
    лет", "Стаж, в годах"); not a period ("2019 год", "Годы") nor an age group ("старше 65 лет",
    "Численность населения в возрасте, лет": the years of the ages under it, `AGE_GROUP_PHRASES`)."""
    head, _, tail = label.rpartition(",")
    tail = _IN.sub("", tail.strip(" .")).lower()
    if not tail or " " in tail or _AGE_GROUP.search(head):
        return None
    forms = [p for p in parses(tail) if p.normal_form in _SPAN_UNITS and "plur" in p.tag]
    return next((_SPAN_UNITS[p.normal_form] for p in forms if p.tag.case in _UNIT_CASES), None)


def _counting(word: str) -> bool:
    """A noun of count in lower case and the genitive plural a unit takes ("штук", "флаконов",
    "пар"), not a product ("ампулы", "Пар и горячая вода")."""
    forms = parses(word) if word.islower() else []
    return any(p.normal_form in COUNTING_UNITS and {"plur", "gent"} <= set(p.tag.grammemes) for p in forms)


def _unglued(word: str) -> tuple[str, ...]:
    """A label word, split after a scale abbreviation glued to the next word ("млрд.рублей")."""
    found = _GLUED_SCALE.match(word)
    return found.groups() if found and scale_of(found.group(1)) else (word,)


@lru_cache(maxsize=10_000)
def _label_unit(words: tuple[str, ...]) -> str | None:
    """Unit of the two words together ("кв. км") or of the first alone; "чел." counts people
    (cached: label words repeat over a table's labels and captions)."""
    first = key(words[0])
    if first in COUNTED_ABBRS or first in COUNTED_ABBRS.values():
        return "COUNT"
    if len(words) == _TWO_WORDS and (unit := unit_of(" ".join(words))) in _LABEL_UNITS:
        return unit
    if not any(ch.isalpha() for ch in first) and first not in unit_codes():
        return None
    unit = unit_of(words[0])
    return unit if unit in _LABEL_UNITS else None


_LABEL_UNITS = frozenset(u.code for u in UNITS if u.free)
# units of a time span that only a label states (lexicon: not free): code by lemma ("год" → YEAR)
_SPAN_UNITS = {w: u.code for u in UNITS if not u.free and u.kind == "duration" for w in u.lemmas}
_UNIT_CASES = frozenset({"gent", "loct"})  # "лет", "в годах"
_AGE_GROUP = re.compile("|".join(rf"\b{p}" for p in lexicon.AGE_GROUP_PHRASES).replace(" ", r"\s+"), re.I)
