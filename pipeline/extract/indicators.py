"""The indicator catalog (pipeline/data/indicators.toml) and matching of measure phrases to it.

`match_indicator(words, unit)` takes the words (surface forms or lemmas) of the noun phrase a
figure quantifies, with its modifiers ("объёма экспорта продукции АПК", "товарооборот между РФ и
КНР"), and returns the catalog entry it names, or None. Every word is expanded to all its pymorphy3
lemmas, so any case form matches; the match that starts first wins (the head of a Russian noun
phrase comes first), then the longest pattern; "generic" entries ("производство", "инвестиции")
apply only when nothing specific matched, except that a generic head wins over a breakdown after it
("цены на мясо" is a price, "инвестиции в сельское хозяйство" investment) unless the catalog marks
it `of_products` ("производство мяса" is meat production, matched from "производство" on); an
entry whose unit classes do not fit the figure's unit is skipped. The match right after the winner
narrows it when it names a part of it: a branch of its whole (`part_of`: "промышленная продукция в
обрабатывающих производствах" is manufacturing) or the thing a size is of (`dimension`: "площадь
стадиона" is a sports facility's). `match_label(text, unit)` does the same on a phrase such as a
table row label.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pipeline import lexicon
from pipeline.extract.lemmas import WORD, LemmaIndex, lemma_forms, norm, phrase_lemmas
from pipeline.nlp.morph import parses

__all__ = [
    "ANY_UNIT",
    "Indicator",
    "IndicatorMatch",
    "catalog",
    "find_indicator",
    "abbreviated_indicator",
    "find_indicators",
    "fits_unit",
    "match_indicator",
    "match_label",
    "names_indicator",
    "topic_indicator",
    "unit_class",
    "words_of",
]

CATALOG_FILE = Path(__file__).resolve().parent.parent / "data" / "indicators.toml"
TYPES = ("stock", "flow", "rate", "index")
UNIT_CLASSES = (
    "money", "percent", "count", "mass", "area", "volume", "length", "power", "energy", "freight",
    "times", "duration", "score", "data", "yield", "speed",
)  # fmt: skip
# Changes and shares ("+5 %", "в 2 раза") fit every indicator.
ALWAYS_FITS = frozenset({"percent", "times"})
MAX_GAP = 2  # other words allowed between two words of a pattern
# words allowed between a whole and the product or branch that narrows it ("по виду деятельности")
PART_GAP = 3
ANY_UNIT = "*"  # `unit` argument that skips the unit check (e.g. a table label without a unit)
UNIT_CACHE = 256
# Unit class of a lexicon unit kind, where the names differ (pipeline/lexicon.py `Unit.kind`).
_CLASS_OF_KIND = {"currency": "money", "points": "percent", "ratio": "times", "voltage": "power"}
# Words after which a `rate_base` entry is what a rate is per: "на 1000 населения", "на душу
# населения", "обеспеченность населения торговыми площадями".
_PER = frozenset({"на", "душа", "обеспеченность"})
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
    exact: tuple[tuple[str, ...], ...] = ()  # lemmas of each pattern matched word for word
    generic: bool = False
    strict_units: bool = False  # percent/times do not fit unless listed
    breakdown: bool = False  # a product, branch or group: another label's indicator wins in a table
    of_products: bool = False  # a generic head a breakdown after it specifies ("производство мяса")
    part_of: frozenset[str] = frozenset()  # wholes this branch narrows ("промышленная продукция в …")
    dimension: bool = False  # a size ("площадь") that gives way to the thing it is the size of
    rate_base: bool = False  # what rates are per ("на 1000 населения"): no measure after such words
    topics: tuple[tuple[str, ...], ...] = ()  # lemmas of titles about it ("экспортная стратегия")


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
        exact=tuple(phrase_lemmas(p) for p in raw.get("exact", ())),
        generic=bool(raw.get("generic", False)),
        strict_units=bool(raw.get("strict_units", False)),
        breakdown=bool(raw.get("breakdown", False)),
        of_products=bool(raw.get("of_products", False)),
        part_of=frozenset(raw.get("part_of", ())),
        dimension=bool(raw.get("dimension", False)),
        rate_base=bool(raw.get("rate_base", False)),
        topics=tuple(phrase_lemmas(p) for p in raw.get("topics", ())),
    )


@cache
def catalog() -> dict[str, Indicator]:
    """id → Indicator, in catalog order (loaded once per process)."""
    raw = tomllib.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    entries = [_entry(item) for item in raw["indicator"]]
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate indicator ids in {CATALOG_FILE.name}")
    unknown = {w for e in entries for w in e.part_of} - set(ids)
    if unknown:
        raise ValueError(f"part_of names unknown indicators {sorted(unknown)}")
    return {e.id: e for e in entries}


def catalog_version() -> str:
    return tomllib.loads(CATALOG_FILE.read_text(encoding="utf-8"))["version"]


@cache
def _index() -> LemmaIndex[Indicator]:
    entries = [
        (p, ind, gap)
        for ind in catalog().values()
        for phrases, gap in ((ind.patterns, MAX_GAP), (ind.exact, 0))
        for p in phrases
    ]
    return LemmaIndex(entries)


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
    on; "производство транспортных средств" stays production, not a number of vehicles). Each head
    is joined to the product right after it, wherever it stands in the phrase ("индекс промышленного
    производства – 109,0%, производство в обрабатывающей промышленности" names manufacturing)."""
    found = _unshadowed(
        [
            IndicatorMatch(m.value, m.start, m.end)
            for m in _index().matches(words)
            if fits_unit(m.value, unit) and not (m.value.rate_base and _not_measured(words, m.start, m.end))
        ]
    )
    for head in [m for m in found if m.indicator.of_products]:
        product = _product_of(head, found, near=head != found[0]) if head in found else None
        if product is not None:
            joined = IndicatorMatch(product.indicator, head.start, max(head.end, product.end))
            # in phrase order again: the next head is the phrase's first match only if it comes first
            found = sorted(
                [m for m in found if not _contains(joined, m) and m != product] + [joined], key=_place
            )
    return sorted(found, key=_place)


def _place(m: IndicatorMatch) -> tuple[int, int]:
    """A match's place in its phrase: first the earliest, then the longest."""
    return m.start, m.start - m.end


def _not_measured(words: Sequence[str], start: int, end: int) -> bool:
    """A `rate_base` match is what a rate is per (`_after_per`), or a single noun whose owner the noun
    before it is ("уровень защищённости населения", "здоровье населения"): not what is measured."""
    return _after_per(words, start) or end - start == 1 and _owned_by(words, start)


def _owned_by(words: Sequence[str], start: int) -> bool:
    """The word before `start` is a noun that names no amount, change or count of what follows
    (`lexicon.AMOUNT_HEADS`: "численность населения", "прирост населения" measure the population)."""
    if start == 0 or not words[start - 1][:1].isalpha():
        return False
    forms = parses(words[start - 1])
    return bool(forms) and forms[0].tag.POS == "NOUN" and not lemma_forms(words[start - 1]) & _AMOUNT_HEADS


_AMOUNT_HEADS = frozenset(norm(w) for w in lexicon.AMOUNT_HEADS)


def _after_per(words: Sequence[str], start: int) -> bool:
    """Whether the word before `start` (past a scale word: "на 10 тыс. населения") makes what follows
    the base of a rate (`_PER`)."""
    from pipeline.extract.numbers import scale_of

    k = start - 1
    while k > 0 and scale_of(words[k]) is not None:
        k -= 1
    return k >= 0 and bool(lemma_forms(words[k]) & _PER)


def _product_of(head: IndicatorMatch, found: list[IndicatorMatch], near: bool) -> IndicatorMatch | None:
    """The product (a flow breakdown) a generic `of_products` head governs: the first breakdown after
    the head with no specific match starting between them ("индекс производства мяса": the index
    comes first); a head inside the phrase (`near`) only governs a product at most PART_GAP words on."""
    inside = [m for m in found if head.start < m.start < head.end and not m.indicator.generic]
    after = sorted((m for m in found if m.start >= head.end), key=lambda m: m.start)
    product = next((m for m in after if m.indicator.breakdown or not m.indicator.generic), None)
    if inside or product is None or not product.indicator.breakdown or product.indicator.type != "flow":
        return None
    return product if not near or product.start - head.end <= PART_GAP else None


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
    return _narrowed(top, matches)


def _narrowed(top: IndicatorMatch, matches: list[IndicatorMatch]) -> IndicatorMatch:
    """The match right after `top` (at most PART_GAP words on) when it says which part of the whole
    `top` names: a branch of industry (`part_of`: "объём отгруженной промышленной продукции по
    сектору «Добыча полезных ископаемых»" is mining), or the thing whose size a `dimension` is
    ("общая площадь стадиона" is a sports facility's, "площадь пахотных земель" farmland)."""
    after = [m for m in matches if m.start >= top.end and m.start - top.end <= PART_GAP]
    if not after:
        return top
    part = min(after, key=lambda m: m.start)
    if top.indicator.id in part.indicator.part_of:
        return part
    if top.indicator.dimension and not part.indicator.generic and top.indicator.units & part.indicator.units:
        return part
    return top


def match_indicator(words: Sequence[str], unit: str | None = ANY_UNIT) -> Indicator | None:
    """The catalog indicator a measure phrase names (words or lemmas), given the figure's unit code
    (None = a count; ANY_UNIT = do not check)."""
    found = find_indicator(words, unit)
    return found.indicator if found else None


def abbreviated_indicator(word: str) -> bool:
    """A word of capitals that names a catalog indicator ("ВВП", "ВРП"; not "ОЭЗ", "СНГ")."""
    from pipeline.nlp.morph import is_abbreviation

    return is_abbreviation(word) and match_indicator([word]) is not None


def words_of(text: str) -> list[str]:
    """The words of a phrase (the texts of `lemmas.words`), as `match_indicator` takes them."""
    return WORD.findall(text)


def names_indicator(text: str, indicator_id: str) -> bool:
    """Whether a pattern of the catalog entry `indicator_id` occurs in `text`, also inside a longer
    match ("ВВП" in "индекс-дефлятор ВВП")."""
    return any(m.value.id == indicator_id for m in _index().matches(words_of(text)))


@cache
def _topics() -> LemmaIndex[Indicator]:
    return LemmaIndex([(p, ind) for ind in catalog().values() for p in ind.topics])


def topic_indicator(title: str | None) -> Indicator | None:
    """The indicator a document's title says the document is about, by the catalog's `topics`
    ("ЭКСПОРТНАЯ СТРАТЕГИЯ КУРСКОЙ ОБЛАСТИ", "Стратегия развития экспорта …" → export; not any
    pattern: "Прогноз развития Томского района" is about no count of districts); None for a title
    that names none or several."""
    named = {m.value.id for m in _topics().matches(words_of(title or ""))}
    return catalog()[named.pop()] if len(named) == 1 else None


def match_label(text: str | None, unit: str | None = ANY_UNIT) -> Indicator | None:
    """The indicator a phrase or table label names ("Оборот розничной торговли, млрд.рублей")."""
    return match_indicator(words_of(text), unit) if text else None
