"""Links between neighbouring figures: shared units and scales, parallel kinds, counts."""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline.extract.facts import Confidence, FigureFact
from pipeline.extract.figures.words import _WORD, _as_word, _is_verb, _Word
from pipeline.extract.numbers import CURRENCIES

_CONNECTOR = re.compile(r"\s*(?:и|или|до|а|,|–|—|-)\s*$")

CURRENCY_REACH = 600  # characters before a bare scaled amount searched for a money figure
THOUSANDS = 3  # power of ten from which a bare amount is money-like ("30 миллионов")
COUNT_REACH = 200  # characters between a count and "из которых N" that shares its noun
RELATIVE_REACH = 20  # characters before a number searched for "из которых"


def _inherit_currency(facts: list[FigureFact], reach: int = CURRENCY_REACH) -> None:
    """A bare "30 миллионов" near a money figure (before, else after) is in its currency."""
    money = [f for f in facts if f.unit in CURRENCIES]
    for f in facts:
        if f.unit is not None or f.unit_mult < THOUSANDS:
            continue
        before = [g for g in money if 0 <= f.char_start - g.char_end < reach]
        after = [g for g in money if 0 <= g.char_start - f.char_end < reach // 2]
        near = before[-1] if before else after[0] if after else None
        if near is not None:
            f.unit, f.unit_raw, f.confidence = near.unit, near.unit_raw, Confidence.GUESS


def _link(text: str, found: list[FigureFact]) -> None:
    """Share units across "98 млрд и 360 млрд руб.", "11 из 50 компаний", "с X до Y"."""
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.char_end : b.char_start]
        if a.unit is None and a.unit_mult and b.unit in CURRENCIES and _CONNECTOR.match(between):
            a.unit, a.unit_raw, a.confidence = b.unit, b.unit_raw, Confidence.COUNTED
        if a.qualifier == ">" and b.qualifier == "=" and re.fullmatch(r"\s*и\s*", between):
            b.qualifier = ">"
        if a.unit is None and b.unit in {None, "COUNT"} and re.fullmatch(r"\s*из\s*", between):
            a.unit = b.unit = "COUNT"  # "11 из 50 компаний", "1,33 из 4-х млн.": part of a whole
            a.counted, a.confidence = b.counted, Confidence.DERIVED
            if not a.unit_mult and b.unit_mult and a.value < b.value:
                a.unit_mult = b.unit_mult  # "1,33 из 4-х млн.": the scale is printed once
        from_to = re.search(r"\b[сС]\s*$", text[max(0, a.char_start - len("с ")) : a.char_start])
        if (
            b.qualifier == "<="
            and (a.unit or b.unit)
            and from_to
            and re.match(r"\s*до\b", text[b.char_start :])
        ):
            b.qualifier = "="  # "с 10,63 до 11,29 млрд", "с 40 до 47 организаций": the level reached
            if a.unit is None:
                a.unit, a.unit_raw, a.counted, a.confidence = (
                    b.unit,
                    b.unit_raw,
                    b.counted,
                    Confidence.INFERRED,
                )
            if not a.unit_mult and b.unit_mult:
                a.unit_mult = b.unit_mult  # the scale is printed once
    for f in found:
        if f.unit is None and f.unit_mult:
            cur = [g for g in found if g.unit in CURRENCIES]
            if cur:
                near = min(cur, key=lambda g: abs(g.char_start - f.char_start))
                f.unit, f.unit_raw, f.confidence = near.unit, near.unit_raw, Confidence.INFERRED


def _parallel(text: str, found: list[FigureFact]) -> None:
    """A figure in an elliptical aside takes the kind of the figure it parallels.

    "57,04% от всего объема импорта в 2019 году (в 2018 году – 57,12%)": the second is a share too.
    """
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.char_end : b.char_start]
        if b.unit != a.unit or b.kind != "level" or a.kind in {"level", "ratio"}:
            continue
        verbs = any(_is_verb(w) for w in map(_as_word, _WORD.finditer(between)))
        if re.search(r"[(;]", between) and not verbs:
            b.kind = a.kind


_COUNT_MEASURES = {"число", "количество", "численность"}


_RELATIVE = re.compile(r"\b(?:из|среди)\s+(?:которых|них)\s*$")


def _count_bare(text: str, facts: list[FigureFact]) -> None:
    """Bare numbers that count: "их общее число составляет 2543", "..., из которых 1991"."""
    for i, f in enumerate(facts):
        if f.unit is not None:
            continue
        words = (f.measure or "").lower().split()
        prev = next((g for g in reversed(facts[:i]) if g.unit == "COUNT"), None)
        near = prev is not None and f.char_start - prev.char_end < COUNT_REACH
        if any(_Word(0, 0, w).lemma in _COUNT_MEASURES for w in words):
            f.unit, f.confidence = "COUNT", Confidence.INFERRED
        elif near and _RELATIVE.search(text[max(0, f.char_start - RELATIVE_REACH) : f.char_start]):
            f.unit, f.counted, f.confidence = "COUNT", prev.counted, Confidence.INFERRED


_OUNCES = re.compile(r"\s*\d+\s*унц")
_OUNCES_REACH = 12


def _weights(text: str, found: list[FigureFact]) -> None:
    """ "8 фунтов 6 унций" is a weight in pounds, not money."""
    for f in found:
        if f.unit == "GBP" and _OUNCES.match(text[f.char_end : f.char_end + _OUNCES_REACH]):
            f.unit = "LB"
