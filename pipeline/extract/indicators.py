"""The indicator catalog (pipeline/data/indicators.toml) and matching of measure phrases to it.

`match_indicator(words, unit)` takes the words (surface forms or lemmas) of the noun phrase a
figure quantifies, with its modifiers ("объёма экспорта продукции АПК", "товарооборот между РФ и
КНР"), and returns the catalog entry it names, or None. Every word is expanded to all its pymorphy3
lemmas, so any case form matches; the match that starts first wins (the head of a Russian noun
phrase comes first), then the longest pattern; "generic" entries ("производство", "инвестиции")
apply only when nothing specific matched, except that a generic head wins over a breakdown after it
("цены на мясо" is a price, "инвестиции в сельское хозяйство" investment) unless the catalog marks
it `of_products` ("производство мяса" is meat production, matched from "производство" on); an
entry whose unit classes do not fit the figure's unit is skipped. `match_label(text, unit)` does the
same on a phrase such as a table row label.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pipeline import lexicon
from pipeline.extract.lemmas import LemmaIndex, phrase_lemmas
from pipeline.extract.lemmas import words as lemma_words

__all__ = [
    "ANY_UNIT",
    "Indicator",
    "IndicatorMatch",
    "catalog",
    "find_indicator",
    "find_indicators",
    "fits_unit",
    "match_indicator",
    "match_label",
    "unit_class",
    "words_of",
]

CATALOG_FILE = Path(__file__).resolve().parent.parent / "data" / "indicators.toml"
TYPES = ("stock", "flow", "rate", "index")
UNIT_CLASSES = (
    "money", "percent", "count", "mass", "area", "volume", "length", "power", "energy", "freight",
    "times", "duration", "score", "data", "yield",
)  # fmt: skip
# Changes and shares ("+5 %", "в 2 раза") fit every indicator.
ALWAYS_FITS = frozenset({"percent", "times"})
MAX_GAP = 2  # other words allowed between two words of a pattern
ANY_UNIT = "*"  # `unit` argument that skips the unit check (e.g. a table label without a unit)
UNIT_CACHE = 256
# Unit class of a lexicon unit kind, where the names differ (pipeline/lexicon.py `Unit.kind`).
_CLASS_OF_KIND = {"currency": "money", "points": "percent", "ratio": "times", "voltage": "power"}
# Codes figures use that are no lexicon unit: a counted noun, and units of the gold/tables.
_CLASS_OF_CODE = {"COUNT": "count", "DAY": "duration", "YEAR": "duration", "POINT": "score"}


@dataclass(frozen=True)
class Indicator:
    id: str
    label_ru: str
    label_en: str
    type: str
    units: frozenset[str]
    patterns: tuple[tuple[str, ...], ...]  # lemmas of each pattern
    generic: bool = False
    strict_units: bool = False  # percent/times do not fit unless listed
    breakdown: bool = False  # a product, branch or group: another label's indicator wins in a table
    of_products: bool = False  # a generic head a breakdown after it specifies ("производство мяса")


@dataclass(frozen=True)
class IndicatorMatch:
    indicator: Indicator
    start: int  # index of the first matched word
    end: int  # index after the last matched word


def _entry(raw: dict) -> Indicator:
    if raw["type"] not in TYPES:
        raise ValueError(f"indicator {raw['id']}: type {raw['type']!r} not in {TYPES}")
    unknown = set(raw["units"]) - set(UNIT_CLASSES)
    if unknown:
        raise ValueError(f"indicator {raw['id']}: unknown unit classes {sorted(unknown)}")
    return Indicator(
        id=raw["id"],
        label_ru=raw["label_ru"],
        label_en=raw.get("label_en", ""),
        type=raw["type"],
        units=frozenset(raw["units"]),
        patterns=tuple(phrase_lemmas(p) for p in raw["patterns"]),
        generic=bool(raw.get("generic", False)),
        strict_units=bool(raw.get("strict_units", False)),
        breakdown=bool(raw.get("breakdown", False)),
        of_products=bool(raw.get("of_products", False)),
    )


@cache
def catalog() -> dict[str, Indicator]:
    """id → Indicator, in catalog order (loaded once per process)."""
    raw = tomllib.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    entries = [_entry(item) for item in raw["indicator"]]
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate indicator ids in {CATALOG_FILE.name}")
    return {e.id: e for e in entries}


def catalog_version() -> str:
    return tomllib.loads(CATALOG_FILE.read_text(encoding="utf-8"))["version"]


@cache
def _index() -> LemmaIndex[Indicator]:
    return LemmaIndex([(p, ind) for ind in catalog().values() for p in ind.patterns], max_gap=MAX_GAP)


@lru_cache(maxsize=UNIT_CACHE)
def unit_class(unit: str | None) -> str | None:
    """Class of a unit code: "RUB" → money, "HA" → area, None (a counted noun) → count."""
    if unit is None:
        return "count"
    kind = lexicon.unit_kind(unit)
    return _CLASS_OF_KIND.get(kind, kind) if kind else _CLASS_OF_CODE.get(unit)


def fits_unit(indicator: Indicator, unit: str | None) -> bool:
    """Whether a value in `unit` can be a value of the indicator (unknown units fit)."""
    if unit == ANY_UNIT:
        return True
    cls = unit_class(unit)
    return cls is None or cls in indicator.units or (cls in ALWAYS_FITS and not indicator.strict_units)


def find_indicators(words: Sequence[str], unit: str | None = ANY_UNIT) -> list[IndicatorMatch]:
    """Every catalog match in a phrase's words whose unit classes fit, first and longest first; a
    generic head that its product names (`of_products`) gives way to the product's output (a flow),
    which then starts at the head ("производство молока" is milk production from "производство"
    on; "производство транспортных средств" stays production, not a number of vehicles)."""
    found = _unshadowed(
        [IndicatorMatch(m.value, m.start, m.end) for m in _index().matches(words) if fits_unit(m.value, unit)]
    )
    product = next((m for m in found if m.indicator.breakdown), None)
    head = found[0] if found else None
    if head is None or product is None or not head.indicator.of_products or head.start >= product.start:
        return found
    if product.indicator.type != "flow":
        return found
    if any(not m.indicator.generic and m.start < product.start for m in found):
        return found  # "индекс производства мяса": a specific head comes first
    merged = IndicatorMatch(product.indicator, head.start, max(head.end, product.end))
    return [merged, *(m for m in found if m not in (head, product))]


def _unshadowed(found: list[IndicatorMatch]) -> list[IndicatorMatch]:
    """Without a match that a longer specific match contains ("динамика производства" inside
    "динамика производства продукции сельского хозяйства", "птицы" inside "мясо птицы")."""
    wide = [m for m in found if not m.indicator.generic]
    return [m for m in found if not any(_contains(w, m) for w in wide)]


def _contains(outer: IndicatorMatch, inner: IndicatorMatch) -> bool:
    longer = outer.end - outer.start > inner.end - inner.start
    return longer and outer.start <= inner.start and inner.end <= outer.end


def find_indicator(words: Sequence[str], unit: str | None = ANY_UNIT) -> IndicatorMatch | None:
    """The best catalog match in a phrase's words and where it is, or None (see module doc)."""
    matches = find_indicators(words, unit)
    best = [m for m in matches if not m.indicator.generic] or matches
    if not best:
        return None
    head, top = matches[0], best[0]
    if top.indicator.breakdown and head.start < top.start:
        return head  # "цены на мясо птицы" are a price, "инвестиции обрабатывающих производств" investment
    return top


def match_indicator(words: Sequence[str], unit: str | None = ANY_UNIT) -> Indicator | None:
    """The catalog indicator a measure phrase names (words or lemmas), given the figure's unit code
    (None = a count; ANY_UNIT = do not check)."""
    found = find_indicator(words, unit)
    return found.indicator if found else None


def words_of(text: str) -> list[str]:
    """The words of a phrase, as `match_indicator` takes them."""
    return [w.text for w in lemma_words(text)]


def match_label(text: str | None, unit: str | None = ANY_UNIT) -> Indicator | None:
    """The indicator a phrase or table label names ("Оборот розничной торговли, млрд.рублей")."""
    return match_indicator(words_of(text), unit) if text else None
