"""Dates in Russian running text → `DateFact`s (the `dates` table).

The yargy grammar lives in `pipeline.extract.grammars.dates`; this module is the thin extractor
around it: a cheap regex picks windows that can hold a date, the parser (built once per process)
runs on them, and each match is checked against its surroundings and normalized.

Conventions:
- `start`/`end` are the first and last day of the period the expression names; `precision` is
  its unit (a half-year counts as `quarter`, spanning two quarters; "за 9 месяцев 2015 года" is
  `month`, January to September). Ranges ("9-11 ноября 2019",
  "1990–1994 годов", "с 2014 по 2016 год") span from the first day of the first part to the last
  day of the last part, with the finer precision of the two; kind is `range`.
- `since` ("с 2010 г.", "начиная с", "после") and `by` ("к 2024 г.", "до 2030 года", a bare
  "по") keep `start`/`end` = the span of the anchor period itself (2010-01-01..2010-12-31); the
  kind says in which direction the period is open. Consumers wanting an open interval use `start`
  for `since` and `end` for `by`.
- A titled target year ("Стратегия-2020", "Программа-2030") is `by` with the year's span when the
  title is a plan word (стратегия, программа, концепция, прогноз, план ...), else a `point`
  ("Китай-2017", a rating of 2017).
- "в начале/середине/конце X" keep the span of X, with lower confidence.
- A preposition is kept in the quote only when it sets the kind ("с 2010 г.", "к 2024 г.") or
  leads a part word ("в конце декабря 2018 г."); "в 2003 году" is quoted as "2003 году".
  "к"/"до" before a decade or century ("восходит к 1890-м") is a point, not a target.
- A day or month without a year ("26 апреля", "в мае") takes the year of the nearest dated
  expression before it (else after it) in the same text, with low confidence; none → dropped.
- Bare four-digit years (1800–2100) count only after a preposition, in "с X по Y", in brackets
  ("(2001)", "(Портер, 1990)"), as consecutive pairs ("2017/2018", "2017/18") or listed before a
  dated year ("в 2009 и 2010 годах"), and never when a counted noun follows ("до 2000 человек").
- Text inside URLs, e-mails, DOIs and standard codes (ISO, ГОСТ ...) is never a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import groupby
from typing import Any

from yargy.parser import Chart, prepare_trees

from pipeline.extract.facts import Confidence, DateFact
from pipeline.extract.grammars.dates import BY, DATE, SINCE, TOKENIZER, Point
from pipeline.extract.grammars.earley import LookaheadParser
from pipeline.extract.skeleton import resolve_overlaps, windows
from pipeline.lexicon import SEASONS, SOURCE_CUES, month_stem_pattern

PRECISIONS = ("day", "month", "quarter", "year", "decade", "century")
PLAN_WORDS = ("стратег", "программ", "концепц", "прогноз", "план", "доктрин", "повестк", "цел")
COUNTED_POS = {"NOUN", "ADJF", "PRTF", "NUMR"}

_TRIGGER = re.compile(
    rf"\d{{4}}|\d{{3}}\s+год|\d0-|(?<![а-яё])(?:{month_stem_pattern()}|век|вв\.|квартал|кв\.|полугоди)",
    re.IGNORECASE,
)
_MASK = re.compile(
    r"(?:https?://|www\.)\S+|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+|[\w.+-]+@[\w-]+\.[\w.]+|"
    r"\b(?:ISO|ГОСТ|ISBN|ISSN|СНиП|ТУ)\b[\s\d.:/-]*",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"(?<!\w)[IVXХІ]{1,6}(?=[\s-]+(?:век|вв?\.|кв|полугод))")
_ITEM = re.compile(r"(\d{4})(?:\s*-\s*(\d{4}))?")
_LIST = re.compile(r"(?:(?<![\d.,])\d{4}(?:\s*-\s*\d{4})?\s*(?:,|и|или)\s*)+$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-", "\xad": " "})
_CYR_ROMAN = str.maketrans({"Х": "X", "І": "I"})
_SOURCE = re.compile(rf"\s*(?:{'|'.join(SOURCE_CUES)})\s*:", re.IGNORECASE)
_LINE_END = re.compile(r"[ \t]*(?:[.;]|\n|$)")
_LEFT, _RIGHT = 30, 15  # context (chars) a window keeps around a trigger
LIST_REACH = 80  # characters before a dated year searched for bare years listed with it
YEARS = (1800, 2100)  # a bare four-digit number in this range can be a year
READINGS_CACHE_SIZE = 4096  # windows whose readings are kept


@dataclass
class _Candidate:
    char_start: int
    char_end: int
    first: Any
    last: Any
    kind: str
    confidence: float
    yearless: bool
    size: int = 0  # length of the whole match, preposition included: longer readings win


def _may_start(chart: Chart, index: int) -> bool:
    token = chart[index].token
    if token.type != "INT" or index + 1 >= len(chart.columns):
        return True
    following = chart[index + 1].token
    return following.type != "INT" and following.value != ","


@cache
def parser() -> LookaheadParser:
    """The date parser, built once per process. Matches never start at a number followed by another
    number or a comma (table rows, decimals)."""
    return LookaheadParser(DATE, tokenizer=TOKENIZER, may_start=_may_start)


def extract_dates(text: str) -> list[DateFact]:
    """All date expressions in `text`, normalized; offsets index `text` exactly."""
    clean = _normalize(text)
    masked = [m.span() for m in _MASK.finditer(clean)]
    spans = windows(clean, _TRIGGER, _LEFT, _RIGHT)
    candidates = [c for lo, hi in spans for c in _parse(clean, lo, hi) if not _masked(c, masked)]
    candidates += _listed_years(clean, candidates)
    return _resolve(sorted(candidates, key=lambda c: c.char_start))


def _normalize(text: str) -> str:
    """Same-length cleanup: one dash, no soft hyphens, Latin Roman numerals."""
    text = text.translate(_DASHES)
    return _ROMAN.sub(lambda m: m.group().translate(_CYR_ROMAN), text)


def _parse(text: str, lo: int, hi: int) -> list[_Candidate]:
    """Valid matches in text[lo:hi], longest first, without overlaps.

    Unlike `Parser.findall`, overlaps are resolved after the context checks, so a rejected
    long reading ("2018 – 57" as a season) does not hide a valid shorter one ("в 2018"). The
    candidates are `resolve_overlaps`' of every token span's reading, longest first; a reading
    is not interpreted when a longer kept candidate overlaps the tokens its quote always keeps
    (`_Reading.core`): it could not be kept."""
    kept: list[_Candidate] = []
    readings = sorted(_readings(text[lo:hi]), key=lambda r: -r.size)
    for _, same in groupby(readings, key=lambda r: r.size):
        matches = [m for r in same if not r.hidden(lo, kept) and (m := r.match()) is not None]
        found = [c for m in matches if (c := _candidate(text, lo, m)) is not None]
        kept = resolve_overlaps([*kept, *found], size=lambda c: c.size)
    return kept


@dataclass
class _Reading:
    """The parse trees of one token span, in yargy's order (`size`: its length in characters)."""

    trees: list[Any]
    tokens: list[Any]
    size: int

    def match(self) -> Any:
        """The first tree's match whose relations hold (None: none)."""
        return next((m for tree in self.trees if (m := parser().prepare(tree)) is not None), None)

    @property
    def core(self) -> tuple[int, int] | None:
        """Characters of the tokens every quote of the span keeps: `_core` drops at most the first
        token (a preposition) and brackets or commas around the rest."""
        lo, hi = 1, len(self.tokens) - 1
        while lo <= hi and self.tokens[lo].value in "(,":
            lo += 1
        while hi >= lo and self.tokens[hi].value in "),":
            hi -= 1
        return (self.tokens[lo].span.start, self.tokens[hi].span.stop) if lo <= hi else None

    def hidden(self, offset: int, kept: list[_Candidate]) -> bool:
        """A kept candidate overlaps the characters every quote of the span keeps."""
        core = self.core
        return core is not None and any(
            offset + core[0] < k.char_end and k.char_start < offset + core[1] for k in kept
        )


@lru_cache(maxsize=READINGS_CACHE_SIZE)
def _readings(text: str) -> list[_Reading]:
    """One reading per token span of the chart's matches (overlapping allowed), in yargy's order.
    Cached (a document repeats its lines); the readings are only read."""
    p = parser()
    chart = p.chart(text)
    out: list[_Reading] = []
    for span, trees in groupby(sorted(prepare_trees(chart.matches(p.rule))), key=lambda t: t.range):
        tokens = chart.tokens[span[0] : span[1]]
        out.append(_Reading(list(trees), tokens, tokens[-1].span.stop - tokens[0].span.start))
    return out


def _candidate(text: str, offset: int, match: Any) -> _Candidate | None:
    fact, tokens = match.fact, match.tokens
    if fact.first is None:
        return None
    kind = _kind(fact)
    lo, hi = _core(tokens, skip_prep=bool(fact.prep) and kind == "point" and not fact.part)
    tokens = tokens[lo : hi + 1]
    start, end = offset + tokens[0].span.start, offset + tokens[-1].span.stop
    if not _fits(text, start, end, fact, tokens) or (fact.pair and not _consecutive(fact)):
        return None
    return _Candidate(
        char_start=start,
        char_end=end,
        first=fact.first,
        last=fact.last,
        kind=kind,
        confidence=_confidence(fact, _bare_end(fact, tokens)),
        yearless=_yearless(fact.first) and (fact.last is None or _yearless(fact.last)),
        size=match.span.stop - match.span.start,
    )


def _core(tokens: list, skip_prep: bool) -> tuple[int, int]:
    """Index of the first and last token of the quote: no plain preposition, no brackets."""
    lo, hi = int(skip_prep), len(tokens) - 1
    while tokens[lo].value in "(,":
        lo += 1
    while tokens[hi].value in "),":
        hi -= 1
    return lo, hi


def _consecutive(fact: Any) -> bool:
    first, last = fact.first.year, fact.last.year
    return last == first + 1 if last is not None else fact.last.tail == (first + 1) % 100


def _fits(text: str, start: int, end: int, fact: Any, tokens: list) -> bool:
    """Reject matches glued to other tokens (codes, URLs) or bare years counting a noun."""
    before, after = text[start - 1 : start], text[end : end + 2]
    if before and (before.isalnum() or before in "/\\_@#№.") and not fact.title:
        return False
    if before == "," and text[start - 2 : start - 1].isdigit():  # the decimals of "99,3"
        return False
    if after[:1].isalnum() or after[:1] == "/" or re.match(r"[.-]\d|-\w", after):
        return False
    if fact.title and not _glued(tokens):
        return False
    if fact.cited and not _cites(text, start, end):
        return False
    return fact.title or not (_bare_end(fact, tokens) and _noun_follows(text, end))


def _cites(text: str, start: int, end: int) -> bool:
    """A year after a comma closes a source caption: a source cue opens its line, and the year ends
    the line or sentence ("Source: Rosstat, 2018.")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(_SOURCE.match(line)) and bool(_LINE_END.match(text, end))


def _glued(tokens: list) -> bool:
    return all(a.span.stop == b.span.start for a, b in zip(tokens, tokens[1:], strict=False))


def _bare_end(fact: Any, tokens: list) -> bool:
    point = fact.last or fact.first
    last = tokens[-1]
    return (
        point.year is not None
        and last.type == "INT"
        and len(last.value) == 4
        and (point.month is None and point.quarter is None and point.half is None and point.months is None)
        and point.season is None
    )


def _noun_follows(text: str, end: int) -> bool:
    """A counted noun or adjective right after a number: "до 2000 человек", "2000 новых"."""
    word = re.match(r"\s*([а-яё]+)", text[end:], re.IGNORECASE)
    return word is not None and _counted(word.group(1).lower())


def _counted(word: str) -> bool:
    from pipeline.nlp.morph import parses

    return any(p.tag.POS in COUNTED_POS and (p.tag.case == "gent" or "Abbr" in p.tag) for p in parses(word))


def _kind(fact: Any) -> str:
    if fact.last is not None:
        return "range"
    if fact.title:
        return "by" if fact.title.lower().startswith(PLAN_WORDS) else "point"
    if fact.prep in SINCE:
        return "since"
    if fact.prep in BY:
        coarse = fact.first.decade is not None or fact.first.century is not None
        return "point" if coarse else "by"
    return "point"


def _confidence(fact: Any, bare: bool) -> float:
    value = Confidence.DERIVED if bare or fact.title else Confidence.GRAMMAR
    if fact.first.day and fact.first.year:
        value = Confidence.FULL_DATE
    return round(value - (Confidence.WORDS_PENALTY if fact.part else 0.0), 2)


def _yearless(point: Any) -> bool:
    return point.year is None and point.decade is None and point.century is None


def _masked(candidate: _Candidate, masked: list[tuple[int, int]]) -> bool:
    return any(lo < candidate.char_end and candidate.char_start < hi for lo, hi in masked)


def _listed_years(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Bare years listed before a dated one: "в 2009 и 2010 годах", "(1985-1990 и 2006-2011 годы)"."""
    taken = {c.char_start for c in candidates}
    out = []
    for c in candidates:
        if c.first.year is None or c.first.month is not None or c.first.day is not None:
            continue
        head = text[max(0, c.char_start - LIST_REACH) : c.char_start]
        listed = _LIST.search(head)
        base = c.char_start - len(head) + (listed.start() if listed else 0)
        for item in _ITEM.finditer(listed.group() if listed else ""):
            if base + item.start() not in taken:
                out.extend(_listed(base + item.start(), base + item.end(), item))
    return out


def _listed(start: int, end: int, item: re.Match) -> list[_Candidate]:
    first, last = (int(y) if y else None for y in item.groups())
    if not YEARS[0] <= first <= YEARS[1] or (last is not None and not first < last <= YEARS[1]):
        return []
    kind = "point" if last is None else "range"
    last_point = None if last is None else Point(year=last)
    return [_Candidate(start, end, Point(year=first), last_point, kind, Confidence.COUNTED, False)]


def _resolve(candidates: list[_Candidate]) -> list[DateFact]:
    """Normalize candidates, lending years to year-less ones from their neighbours."""
    years = [(c.char_start, _year_of(c)) for c in candidates if not c.yearless]
    out = []
    for c in candidates:
        year = _nearest_year(years, c.char_start) if c.yearless else None
        if c.yearless and year is None:
            continue
        fact = _to_fact(c, year)
        if fact is not None and not (out and out[-1].char_end > fact.char_start):
            out.append(fact)
    return out


def _year_of(c: _Candidate) -> int | None:
    point = c.last or c.first
    return point.year if point.year is not None else c.first.year


def _nearest_year(years: list[tuple[int, int | None]], at: int) -> int | None:
    before = [y for pos, y in years if pos < at and y]
    after = [y for pos, y in years if pos > at and y]
    return before[-1] if before else (after[0] if after else None)


def _to_fact(c: _Candidate, year: int | None) -> DateFact | None:
    last = c.last or c.first
    first = _inherit(c.first, last)
    if year is not None:
        first, last = _with_year(first, year), _with_year(last, year)
    if last.tail is not None and first.year is not None:
        last = _with_year(last, _tail_year(first.year, last.tail))
    try:
        (start, p1), (end, p2) = _span(first), _span(last)
    except ValueError:
        return None
    if start[0] > end[1]:
        return None
    precision = min(p1, p2, key=PRECISIONS.index)
    confidence = Confidence.INFERRED if c.yearless else c.confidence
    return DateFact(
        c.char_start, c.char_end, start[0].isoformat(), end[1].isoformat(), precision, c.kind, confidence
    )


def _inherit(first: Any, last: Any) -> Any:
    """Fill the range start's missing month/year from its end ("9-11 ноября 2019")."""
    if first is last:
        return first
    month = first.month if first.month is not None or first.day is None else last.month
    if first.year is None and first.decade is None and first.century is None:
        return _copy(first, month=month, year=last.year)
    return _copy(first, month=month)


def _with_year(point: Any, year: int) -> Any:
    return point if point.year is not None else _copy(point, year=year)


def _tail_year(first_year: int, tail: int) -> int:
    year = first_year // 100 * 100 + tail
    return year if year >= first_year else year + 100


def _copy(point: Any, **changes: Any) -> Any:
    fields = {name: getattr(point, name) for name in Point.__attributes__}
    return Point(**(fields | changes))


def _span(p: Any) -> tuple[tuple[date, date], str]:
    """First and last day of a point, and its precision."""
    if p.century is not None:
        first = (p.century - 1) * 100 + 1
        return (date(first, 1, 1), date(first + 99, 12, 31)), "century"
    if p.decade is not None:
        return (date(p.decade, 1, 1), date(p.decade + 9, 12, 31)), "decade"
    if p.year is None:
        raise ValueError("no year")
    if p.quarter is not None or p.half is not None:
        size = 3 if p.quarter is not None else 6
        last = (p.quarter or p.half) * size
        return (date(p.year, last - size + 1, 1), _month_end(p.year, last)), "quarter"
    if p.months is not None:  # "за 9 месяцев 2015 года": January to September
        return (date(p.year, 1, 1), _month_end(p.year, p.months)), "month"
    if p.season is not None:  # "осенью 2010 года": September to November; winter from December before
        first, last = SEASONS[p.season]
        start_year = p.year - 1 if first > last else p.year
        return (date(start_year, first, 1), _month_end(p.year, last)), "month"
    if p.month is None:
        return (date(p.year, 1, 1), date(p.year, 12, 31)), "year"
    if p.day is None:
        return (date(p.year, p.month, 1), _month_end(p.year, p.month)), "month"
    day = date(p.year, p.month, p.day)
    return (day, day), "day"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
