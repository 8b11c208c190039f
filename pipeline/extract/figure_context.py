"""Context resolution for figures after the grammar and the filters: typed period, comparison base,
territory and indicator, each linked to the fact it came from.

- Period: the date `figures` chose in the figure's clause or sentence (comparison bases excluded),
  else the nearest month, quarter or day named earlier on the page (a statistical bulletin's
  "В августе 2017г. …" sets the period of the sentences after it); a change over a
  range ("за 2010 - 2018 гг. … в 6 раз") is for the range's last unit, its first unit the base;
  `period_start`/`period_end` are its first and last day, `period_precision` its unit, and
  `period_from` the date's offset (→ `date_id`).
- Base period: a date introduced as a comparison base ("к уровню 2018 года", "по сравнению с 2017
  годом", "104,2% к 2018 году") in the figure's sentence, as a compact ISO string ("2018",
  "2018-Q1", "2018-03", "2018-03-15").
- Subject: the last territory named before the figure in its sentence (both sides of "между X и
  Y"), never a currency's country ("долларов США"); its code is ISO 3166 (`territories`).
- Indicator: the catalog id matched from the measure phrase (or the counted noun).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline import lexicon
from pipeline.extract.facts import Confidence, DateFact, FigureFact
from pipeline.extract.measures import (
    count_measure,
    duration_measure,
    figure_indicator,
    normal_measure,
    share_measure,
)

_WS = r"\s+"
_BASE_CUE = re.compile(
    r"(?:" + "|".join(_WS.join(map(re.escape, c.split())) for c in lexicon.BASE_CUES) + r")\s*$", re.I
)
_DIRECT_BASE = re.compile(r"^\s*к\s*$", re.I)  # "104,2% к 2018 году": a ratio's base
_RATIO_UNITS = {"PERCENT", "TIMES", "PP"}
_BETWEEN = re.compile(r"между\s+\w+(?:\s+\w+)?\s+и\s+\w+(?:\s+\w+)?")
_PARTNER = re.compile(r"\b(?:из|от|со\s+стороны)\s+$", re.I)  # "импорт России из Китая": a partner
_SOURCE = re.compile(r"(?:по\s+данным|данны[ем]|источник\w*:?)\s[^,;]*$", re.I)  # "по данным ГТУ КНР"
_CUE_REACH = 40  # characters before a date searched for a comparison cue
_QUARTER_MONTHS = 3
_CHANGE_KINDS = ("change", "ratio")
_FALLBACK_PRECISIONS = ("day", "month", "quarter")  # dates that set a paragraph's reporting period
_DOCUMENT_PAGES = 3  # pages after the title that say what territory a document is about


@dataclass(frozen=True)
class Sentences:
    """Sentence bounds of one text, for "which sentence holds this offset" questions."""

    bounds: Sequence[tuple[int, int]]

    def around(self, offset: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.bounds if a <= offset < b), None)

    def before(self, offset: int) -> tuple[int, int] | None:
        prior = [(a, b) for a, b in self.bounds if b <= offset]
        return prior[-1] if prior else None


def is_base(text: str, d: DateFact) -> bool:
    """Whether a date is introduced as a comparison base rather than as a period."""
    quote = text[d.char_start : d.char_end]
    lead = text[max(0, d.char_start - _CUE_REACH) : d.char_start]
    if d.kind in ("since", "by") and quote[:2].lower() in ("с ", "к "):
        lead += " " + quote.split()[0]  # "по сравнению с 2017 годом": the date kept its "с"
    return bool(_BASE_CUE.search(lead))


def compact_iso(d: DateFact) -> str:
    """ "2018", "2018-Q1", "2018-03", "2018-03-15" (a range: "2016/2017")."""
    a, b = _compact(d.start, d.precision), _compact(d.end, d.precision)
    return a if a == b or d.kind in ("since", "by") else f"{a}/{b}"


def _compact(iso: str, precision: str) -> str:
    if precision == "quarter":
        return f"{iso[:4]}-Q{(int(iso[5:7]) - 1) // _QUARTER_MONTHS + 1}"
    cut = {"day": 10, "month": 7}.get(precision, 4)
    return iso[:cut]


def set_period(f: FigureFact, d: DateFact | None, text: str) -> None:
    """The figure's `period` string and typed period from a date (None clears nothing)."""
    if d is None:
        return
    f.period = _legacy_period(d)
    f.period_start, f.period_end, f.period_precision = d.start, d.end, d.precision
    f.period_from = d.char_start


def _legacy_period(d: DateFact) -> str:
    cut = {"year": 4, "decade": 4, "century": 4, "month": 7}.get(d.precision, 10)
    a, b = d.start[:cut], d.end[:cut]
    if d.kind == "by":
        return b
    return a if a == b else f"{a}/{b}"


def resolve(text: str, facts: list[FigureFact], dates: list[DateFact], sentences: Sentences) -> None:
    """Previous-sentence periods, base periods, territories and indicators of a page's figures."""
    from pipeline.extract.territories import find_territories

    bases = [d for d in dates if is_base(text, d)]
    periods = [d for d in dates if d not in bases]
    by_start = {d.char_start: d for d in dates}
    named: dict[tuple[int, int], list] = {}  # territories per sentence, found once
    for f in facts:
        bounds = sentences.around(f.char_start) or (f.char_start, f.char_end)
        f.measure = share_measure(text, f) or normal_measure(f.measure) or count_measure(text, f)
        f.measure = duration_measure(f)
        if f.period_from is None:
            set_period(f, previous_sentence_date(text, f, periods, sentences), text)
        f.base_period = _base_period(text, f, bases, bounds)
        period = by_start.get(f.period_from) if f.period_from is not None else None
        if period is not None and period.kind == "range" and f.kind in _CHANGE_KINDS:
            _split_range(f, period)
        if bounds not in named:
            named[bounds] = find_territories(text[bounds[0] : bounds[1]])
        _set_subject(text, f, bounds, named[bounds])
        f.indicator = figure_indicator(text, f, bounds)


def previous_sentence_date(
    text: str, f: FigureFact, periods: list[DateFact], sentences: Sentences
) -> DateFact | None:
    """The nearest month, quarter or day named in an earlier sentence of the page: a statistical
    bulletin's "В августе 2017г. …" sets the period of the sentences after it."""
    here = sentences.around(f.char_start)
    start = here[0] if here else f.char_start
    earlier = [d for d in periods if d.char_end <= start and d.kind == "point"]
    earlier = [
        d for d in earlier if d.precision in _FALLBACK_PRECISIONS and d.confidence > Confidence.INFERRED
    ]
    return earlier[-1] if earlier else None


def _split_range(f: FigureFact, d: DateFact) -> None:
    """A change over a range ("за 2010 - 2018 гг. рост в 6 раз") is stated for the range's last
    unit, against its first unit as the base."""
    first = _compact(d.start, d.precision)
    f.period_start, f.period_end = _unit_start(d.end, d.precision), d.end
    f.base_period = f.base_period or first


def _unit_start(iso_end: str, precision: str) -> str:
    """First day of the calendar unit that ends on `iso_end`."""
    if precision == "quarter":
        month = (int(iso_end[5:7]) - 1) // _QUARTER_MONTHS * _QUARTER_MONTHS + 1
        return f"{iso_end[:4]}-{month:02d}-01"
    if precision == "month":
        return iso_end[:8] + "01"
    return iso_end if precision == "day" else iso_end[:4] + "-01-01"


def _base_period(text: str, f: FigureFact, bases: list[DateFact], bounds: tuple[int, int]) -> str | None:
    direct = [
        d
        for d in bases
        if d.char_start >= f.char_end and _DIRECT_BASE.match(text[f.char_end : d.char_start] + " к")
    ]
    inside = [d for d in bases if bounds[0] <= d.char_start and d.char_end <= bounds[1]]
    after = [d for d in inside if d.char_start >= f.char_end]
    chosen = (direct or after or inside[-1:] or [None])[0]
    return compact_iso(chosen) if chosen is not None else None


def _set_subject(text: str, f: FigureFact, bounds: tuple[int, int], named: list) -> None:
    """The last territory named before the figure in its sentence (`named`: the sentence's)."""
    lead = text[bounds[0] : f.char_start]
    spans = [
        s
        for s in named
        if s.end <= len(lead) and not _SOURCE.search(lead[: s.start]) and not _PARTNER.search(lead[: s.start])
    ]
    pair = _BETWEEN.search(lead)
    inside = [s for s in spans if pair and pair.start() <= s.start < pair.end()]
    if len(inside) >= len("ab"):
        a, b = inside[0], inside[1]
        f.subject = f"{_name(a.text)}–{_name(b.text)}"
        f.subject_code, f.subject_type = f"{a.territory.code};{b.territory.code}", "pair"
        f.subject_from = bounds[0] + a.start
    elif spans:
        last = spans[-1]
        f.subject, f.subject_code = last.territory.name, last.territory.code
        f.subject_type, f.subject_from = last.territory.type, bounds[0] + last.start


def _name(words: str) -> str:
    from pipeline.nlp.morph import nominative

    return words if words.isupper() else nominative(words)


def apply_document_territory(rows: list[dict], texts: Sequence[str]) -> None:
    """Figure rows without a subject take the document's territory (a strategy's region).

    `texts`: the title, then the pages; the first few pages decide."""
    from pipeline.extract.territories import document_territory

    if not any(r.get("subject_code") is None for r in rows):
        return
    t = document_territory(list(texts)[: 1 + _DOCUMENT_PAGES])
    if t is None:
        return
    for r in rows:
        if r.get("subject_code") is None:
            r.update(subject=t.name, subject_code=t.code, subject_type=t.type)
