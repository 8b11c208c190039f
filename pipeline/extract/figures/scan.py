"""Anchors and grammar matches: where a figure can start, and the raw match as a `FigureFact`."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import Confidence, DateFact, FigureFact
from pipeline.extract.grammars.figures import ADJ_UNIT, Figure, match_at, number_words_value
from pipeline.extract.numbers import CURRENCIES, coin_shift, half_scale, parse_number, scale_of, unit_of
from pipeline.nlp.language import language
from pipeline.nlp.morph import parses

_SIGNS = re.escape(lexicon.SIGNS)

HALF = 0.5  # value of a halved scale word ("полмиллиона")
MATCH_REACH = 90  # characters after a trigger a figure may span
ANCHOR_WORDS = 4  # words before a trigger tried as the start of a figure ("не менее чем на 5")
ANCHOR_REACH = 40  # characters before a trigger searched for those words


_PERCENT_WORD = next(u.compound for u in lexicon.UNITS if u.code == "PERCENT")  # "процент"
_CENT = next(u.lemmas[0] for u in lexicon.UNITS if u.code == "USD" and u.coin)  # "цент"
_TRIGGER_WORDS = "|".join((_PERCENT_WORD, *lexicon.scale_stems(), rf"{_CENT}\b"))
# a digit (not inside a code, a date or a range: "2017-2019"), also one signed at a bracket's
# opening ("13,6 млн т (-11,2%)"), a currency sign, a scale word
_MINUS = "[" + "".join(map(re.escape, lexicon.MINUS_SIGNS)) + "]"  # `lexicon.MINUS_SIGNS` as a class
_TRIGGER = re.compile(rf"(?<![\w/.=%\[,:#-])(?<!\w\()\d|(?<=\({_MINUS})\d|[{_SIGNS}]|{_TRIGGER_WORDS}", re.I)


_ANCHOR_WORD = re.compile(rf"(?<![\w{_SIGNS}])[\w{_SIGNS}]")


_MONTHS = "|".join(
    sorted({f for forms in lexicon.month_forms().values() for f in forms}, key=len, reverse=True)
)


_YEAR = r"(?:1[89]\d\d|20\d\d)"


_FALLBACK_DATE = re.compile(
    rf"(?:\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS})[а-я]*\s+)?"
    rf"\b{_YEAR}(?:\s*[-–—]\s*{_YEAR})?(?:-?[а-я]{{1,3}}\b|\s*(?:г\.|гг\.?|год[а-я]*))"
    rf"|(?<=\b[вксВКС] ){_YEAR}\b|(?<=\b(?:до|по|от|на|за) ){_YEAR}\b",
)


def _scan(chunk: str, offset: int, dates: list[DateFact]) -> list[FigureFact]:
    """Parse from a few anchors before each trigger (a digit, a currency sign, a scale word)."""
    found: list[FigureFact] = []
    covered = 0
    english = language(chunk) == "en"  # "1,250" groups thousands in an English sentence
    for m in _TRIGGER.finditer(chunk):
        if m.start() < covered or _in_date(offset + m.start(), dates):
            continue
        for a in _anchors(chunk, m.start()):
            if a < covered:
                continue
            end = chunk.rfind(" ", m.end(), m.end() + MATCH_REACH)
            match = match_at(chunk[a : end if end > 0 and m.end() + MATCH_REACH < len(chunk) else None])
            if match is None or a + match.span.stop <= m.start():
                continue
            fact = _signed_in_bracket(chunk, a, _to_fact(match, offset + a, english))
            covered = a + match.span.stop
            if fact is not None:
                found.append(fact)
            break
    return _join_ranges(
        chunk, offset, _join_compounds(chunk, offset, _glued_bounds(chunk, offset, found, english))
    )


_BRACKET_MINUS = re.compile(rf"\({_MINUS}$")


def _signed_in_bracket(chunk: str, start: int, fact: FigureFact | None) -> FigureFact | None:
    """ "13,6 млн т (-11,2%)": a minus glued to a number that opens a bracket is its sign."""
    if fact is None or not _BRACKET_MINUS.search(chunk, max(0, start - 2), start):
        return fact
    return replace(fact, char_start=fact.char_start - 1, value=-fact.value)


_RANGE_DASH = re.compile(r"\s*[-‐–—]\s*")
_GLUED_DASH = re.compile(r"\s+[-‐–—](?=\d)")  # "100,2 % -102,0 %": the dash glued to the upper bound


def _glued_bounds(chunk: str, offset: int, found: list[FigureFact], english: bool) -> list[FigureFact]:
    """The upper bound of a range after a dash glued to its digits ("100,2 % -102,0 %"), which no
    trigger starts (a glued dash reads as a minus sign), added when it makes a range (`_range_pair`)."""
    out: list[FigureFact] = []
    for f in found:
        out.append(f)
        dash = _GLUED_DASH.match(chunk, f.char_end - offset)
        match = match_at(chunk[dash.end() : dash.end() + MATCH_REACH]) if dash else None
        high = _to_fact(match, offset + dash.end(), english) if match else None
        if high is not None and _range_pair(chunk, offset, f, high):
            out.append(high)
    return out


_RANGE_FROM = re.compile(r"\bот\s*$", re.I)
FROM_REACH = 8  # characters before a lower bound searched for its "от"


def _from_before(chunk: str, start: int) -> re.Match | None:
    """The "от" right before the lower bound starting at `start`."""
    return _RANGE_FROM.search(chunk, max(0, start - FROM_REACH), start)


def _join_compounds(chunk: str, offset: int, found: list[FigureFact]) -> list[FigureFact]:
    """An amount written in parts of falling scale is one figure: "22 тысячи 50 рублей", "19 млрд 51
    млн рублей", "2 трлн 899,2 млрд руб." (the unit printed once, after the last part)."""
    out: list[FigureFact] = []
    for f in found:
        high = out[-1] if out else None
        if high is not None and _compound_pair(chunk, offset, high, f):
            value = high.value + f.value * 10.0 ** (f.unit_mult - high.unit_mult)
            qualifier = high.qualifier if high.qualifier != "=" else f.qualifier
            out[-1] = replace(
                f, char_start=high.char_start, value=value, unit_mult=high.unit_mult, qualifier=qualifier
            )
            continue
        out.append(f)
    return out


def _compound_pair(chunk: str, offset: int, high: FigureFact, low: FigureFact) -> bool:
    """`high` is a whole number of a scale with no unit, right before `low` (a space between), and
    `low` a part of a smaller scale below one unit of `high`'s."""
    if high.unit is not None or high.value_max is not None or low.value_max is not None:
        return False
    if high.value != int(high.value) or high.unit_mult <= low.unit_mult or low.unit is None:
        return False
    between = chunk[high.char_end - offset : low.char_start - offset]
    return not between.strip() and 0 <= low.value < 10 ** (high.unit_mult - low.unit_mult)


def _join_ranges(chunk: str, offset: int, found: list[FigureFact]) -> list[FigureFact]:
    """Two figures of one unit that the grammar read apart because the unit is printed with both
    bounds make one range: "924,4 млн. руб. – 934,1 млн. руб.", "105,0% - 105,4%", "от 5 тыс. руб.
    до 7 тыс. руб."; the lower bound first, never a bound of its own qualifier ("более 5% - 7%")."""
    out: list[FigureFact] = []
    for f in found:
        low = out[-1] if out else None
        if low is not None and _range_pair(chunk, offset, low, f):
            high = f.value * 10.0 ** (f.unit_mult - low.unit_mult)
            opened = _from_before(chunk, low.char_start - offset)
            start = offset + opened.start() if opened else low.char_start
            out[-1] = replace(low, char_start=start, char_end=f.char_end, value_max=high, qualifier="range")
            continue
        out.append(f)
    return out


def _range_pair(chunk: str, offset: int, low: FigureFact, high: FigureFact) -> bool:
    """`low` and `high` bound one range: the same unit, a dash between them (or "от low до high"),
    neither a range or a bound already, and `high` not below `low`."""
    if low.unit is None or low.unit != high.unit or low.value_max is not None or high.value_max is not None:
        return False
    between = chunk[low.char_end - offset : high.char_start - offset]
    dashed = low.qualifier == high.qualifier == "=" and _RANGE_DASH.fullmatch(between) is not None
    from_to = (
        low.qualifier == "="
        and high.qualifier == "<="
        and not between.strip()
        and re.match(r"до\b", chunk[high.char_start - offset :], re.I) is not None
        and _from_before(chunk, low.char_start - offset) is not None
    )
    return (dashed or from_to) and low.value_scaled <= high.value_scaled


_START_WORDS = lexicon.qualifier_words() | set(lexicon.FIGURE_OPENERS)
_PREFIX_CODES = {c for u in lexicon.currency_units() for c in u.codes}  # "USD 5 bn"


def _anchors(chunk: str, pos: int, words: int = ANCHOR_WORDS) -> list[int]:
    """Starts of up to `words` words before `pos` that can begin a figure, then `pos` itself.

    The chart parse per anchor is the extractor's main cost, so words that cannot start a figure
    (anything but a qualifier, "от"/"в", a currency sign or code or a number word) are not tried."""
    starts = [w.start() for w in _ANCHOR_WORD.finditer(chunk, max(0, pos - ANCHOR_REACH), pos)][-words:]
    return [a for a in starts if _can_start(chunk, a)] + [pos]


_START_WORD = re.compile(rf"[\w{_SIGNS}]+")


def _can_start(chunk: str, start: int) -> bool:
    word = _START_WORD.match(chunk, start)
    if word is None:
        return False
    w = word.group().lower()
    if word.group() in _PREFIX_CODES or w in _START_WORDS or not w.isalpha():
        return True
    return _is_number_word(w) or half_scale(w) is not None


@lru_cache(maxsize=50_000)
def _is_number_word(word: str) -> bool:
    return any(p.tag.POS == "NUMR" or p.normal_form in {"один", "полтора"} for p in parses(word))


def _in_date(pos: int, dates: list[DateFact]) -> bool:
    return any(d.char_start <= pos < d.char_end for d in dates)


def _value(raw: str | None, english: bool = False) -> float | None:
    if not raw:
        return None
    return parse_number(raw, comma_groups=english) if raw[:1].isdigit() else number_words_value(raw)


def _to_fact(match, offset: int, english: bool = False) -> FigureFact | None:
    fig: Figure = match.fact
    start, end = offset + match.span.start, offset + match.span.stop
    if fig.amount and ADJ_UNIT.search(fig.amount):
        return _compound(fig.amount, start, end)
    half = half_scale(fig.scale) if fig.scale and not fig.amount else None
    value = _value(fig.amount, english) if fig.amount else HALF if half else 1.0 if fig.scale else None
    value_max = _value(fig.amount_max, english)
    if value is None or (fig.amount_max and value_max is None):
        return None
    mult = half or (scale_of(fig.scale) if fig.scale else None)
    mult_max = scale_of(fig.scale_max) if fig.scale_max else None
    if mult is None:
        mult = mult_max or 0
    if value_max is not None:
        value_max *= 10 ** ((mult_max if mult_max is not None else mult) - mult)
    unit_raw = fig.prefix or fig.unit
    unit = "TIMES" if fig.unit == "раз" else unit_of(unit_raw) if unit_raw else None
    if unit_raw and unit in CURRENCIES:
        mult += coin_shift(unit_raw)
    if fig.counted and re.search(r"\s[А-ЯЁ][а-яё]", match.tokens[-1].value[:1] + " " + _tail(match)):
        fig.counted = None  # "3 Официальный сайт": a capitalized word starts a new line or cell
    if fig.counted:
        unit = "COUNT"
    qualifier = "range" if value_max is not None else fig.qualifier or "="
    words = not (fig.amount or "1")[:1].isdigit()
    if words and (unit in {None, "COUNT"} and not fig.scale and not fig.scale_max):
        return None  # "двух стран", "одна треть": number words count only with a unit
    return FigureFact(
        char_start=start,
        char_end=end,
        value=value,
        unit=unit,
        unit_mult=mult,
        value_max=value_max,
        unit_raw=unit_raw,
        counted=fig.counted,
        qualifier=qualifier,
        kind="ratio" if unit == "TIMES" else "level",
        confidence=_confidence(unit) - Confidence.WORDS_PENALTY * words,
    )


def _confidence(unit: str | None) -> float:
    if unit is None:
        return Confidence.BARE
    return Confidence.COUNTED if unit == "COUNT" else Confidence.GRAMMAR


def _tail(match) -> str:
    """The first word after the amount and scale of a match."""
    words = [t.value for t in match.tokens if t.type == "RU"]
    return next((w for w in words if w[:1].isupper() and w.lower() not in _QUALIFIER_WORDS), "")


_QUALIFIER_WORDS = lexicon.qualifier_words() | set(lexicon.FIGURE_OPENERS) - {"в"}


def _compound(raw: str, start: int, end: int) -> FigureFact | None:
    """ "70-процентное", "20-долларовой": an adjective made of a number and a unit."""
    number, suffix = raw.split("-", 1)
    units = lexicon.compound_units()
    unit = next((u for stem, u in units.items() if suffix.lower().startswith(stem)), None)
    value = parse_number(number)
    if unit is None or value is None:
        return None
    return FigureFact(start, end, value, unit, unit_raw=suffix, confidence=Confidence.DERIVED)


def _fallback_dates(text: str) -> list[DateFact]:
    """Year mentions ("2019 г.", "в 2018 году", "1990–1994 годов") when no dates are given."""
    out = []
    for m in _FALLBACK_DATE.finditer(text):
        years = re.findall(_YEAR, m.group())
        before = text[max(0, m.start() - len("до ")) : m.start()].lower()
        kind = "by" if re.search(r"\b(?:к|до)\s$", before) else "range" if len(years) > 1 else "point"
        out.append(
            DateFact(
                m.start(),
                m.end(),
                f"{years[0]}-01-01",
                f"{years[-1]}-12-31",
                "year",
                kind,
                Confidence.INFERRED,
            )
        )
    return out
