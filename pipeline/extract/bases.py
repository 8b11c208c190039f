"""Comparison bases a figure's words imply, and rates that have none.

- Relative base: "за месяц", "по сравнению с предыдущим месяцем" → the month before the period;
  "с начала года" → December of the year before, the period running from January; "за год",
  "по сравнению с предыдущим годом" → the year before (of months, the same months a year
  earlier); "к соответствующему периоду предыдущего года"/"к соответствующей дате предыдущего года",
  "в годовом исчислении", "год к году" → the same period a year earlier; "к
  предыдущему периоду" → the period of the same length just before. Only a change or an index
  has a base. `label_base` reads the same cues in table labels.
- An average yearly rate over a span has the span as its period and no base.
- A change in a sentence linked to the one before ("В то же время …") shares its base.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from pipeline import lexicon
from pipeline.extract.facts import CHANGE_KINDS, DateFact, FigureFact
from pipeline.extract.periods import legacy_period

_MONTHS_IN_YEAR = 12
_QUARTER = 3  # months


def _previous_month(f: FigureFact) -> str | None:
    if f.period_precision != "month" or not f.period_end:
        return None
    year, month = int(f.period_end[:4]), int(f.period_end[5:7])
    year, month = (year - 1, _MONTHS_IN_YEAR) if month == 1 else (year, month - 1)
    return f"{year}-{month:02d}"


def _year_start(f: FigureFact) -> str | None:
    """ "с начала года": the period runs from January (the `period` string too: "2017-01/2017-08");
    the base is December of the year before. For a stock on the first day of a month ("на 1 июля
    2017г. … с начала года уменьшилась на 5 человек") the change runs from January to the month
    before."""
    if not f.period_end:
        return None
    year = int(f.period_end[:4])
    f.period_start = f"{year}-01-01"
    if f.period_precision == "day" and f.period_end[8:] == "01" and f.period_end[5:7] != "01":
        month = int(f.period_end[5:7]) - 1
        f.period_end = f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
        f.period_precision = "month"
        f.period = _from_january(f.period_end)
        return f"{year - 1}-12"
    if f.period_precision == "day":
        f.period_precision = "month" if f.period_end[8:] >= "28" else "day"
    if f.period_precision == "month" and f.period is not None:
        f.period = _from_january(f.period_end)
    return f"{year - 1}-12"


def _from_january(end: str) -> str:
    """The `period` string of January to the month of `end` ("2017-01/2017-08", a whole year "2017")."""
    return legacy_period(DateFact(0, 0, f"{end[:4]}-01-01", end, "month", "range"))


def _previous_year(f: FigureFact) -> str | None:
    """ "к уровню прошлого года": the year before; of a figure for months or a quarter ("за январь –
    октябрь 2021 года … выше уровня прошлого года") the same months a year earlier."""
    if not f.period_end:
        return None
    if f.period_precision in ("month", "quarter"):
        return same_period_shifted(f, -1)
    year = int(f.period_end[:4]) - 1
    if f.period_precision == "day":  # "на 1 января 2017 года … к уровню предшествующего года"
        return f"{year}{f.period_end[4:]}"
    return str(year) if f.period_precision in (None, "year") else f"{year}{f.period_end[4:7]}"


def _year_earlier(f: FigureFact) -> str | None:
    """ "к соответствующему периоду предыдущего года": the same period a year earlier."""
    return same_period_shifted(f, -1)


def same_period_shifted(f: FigureFact, years: int) -> str | None:
    """The figure's own period `years` later (earlier when negative), compact: a day stays a day
    ("2016-01-01"), a whole quarter a quarter ("2016-Q2"), a year or span of years its years, else
    its months ("2016-01/2016-07")."""
    if not f.period_start or not f.period_end:
        return None
    a, b = (f"{int(day[:4]) + years}{day[4:]}" for day in (f.period_start, f.period_end))
    if f.period_precision == "day":
        return b
    if f.period_precision == "year":
        return a[:4] if a[:4] == b[:4] else f"{a[:4]}/{b[:4]}"
    first, last = _month_index(a), _month_index(b)
    if (
        f.period_precision == "quarter"
        and last - first == _QUARTER - 1
        and (first % _MONTHS_IN_YEAR) % _QUARTER == 0
    ):
        return f"{a[:4]}-Q{first % _MONTHS_IN_YEAR // _QUARTER + 1}"
    return a[:7] if a[:7] == b[:7] else f"{a[:7]}/{b[:7]}"


def _previous_period(f: FigureFact) -> str | None:
    """ "к предыдущему периоду": the period of the same length just before (a month, a quarter,
    a half-year, a year)."""
    if not f.period_start or not f.period_end:
        return None
    first, last = _month_index(f.period_start), _month_index(f.period_end)
    a, b = first - (last - first + 1), first - 1
    if f.period_precision == "year":
        years = sorted({a // _MONTHS_IN_YEAR, b // _MONTHS_IN_YEAR})
        return "/".join(str(y) for y in years)
    if f.period_precision == "quarter" and b - a == _QUARTER - 1:
        return f"{a // _MONTHS_IN_YEAR}-Q{a % _MONTHS_IN_YEAR // _QUARTER + 1}"
    return _month(a) if a == b else f"{_month(a)}/{_month(b)}"


def _month_index(day: str) -> int:
    return int(day[:4]) * _MONTHS_IN_YEAR + int(day[5:7]) - 1


def _month(index: int) -> str:
    return f"{index // _MONTHS_IN_YEAR}-{index % _MONTHS_IN_YEAR + 1:02d}"


# "аналогичный период", "соответствующая дата"; "предыдущего", "прошлого" (year, period, month)
SAME_PERIOD = r"(?:соответствующ|аналогичн)\w+\s+(?:период|дат)\w*"
PREVIOUS = r"(?:предыдущ|предшествующ|прошл)\w+"
# "в годовом исчислении", "в годовом выражении", "год к году": against the same period a year earlier
YEAR_ON_YEAR = r"в\s+годовом\s+(?:исчислении|выражении|сопоставлении)|год\s+к\s+году"
LEVEL = r"(?:уровн\w+\s+)?"  # "к уровню …": the base's level, said or not
# "к", "по сравнению с", "относительно", … (`lexicon.COMPARISON_PREPOSITIONS`) before a relative base
VERSUS = "(?:" + "|".join(r"\s+".join(p.split()) for p in (*lexicon.COMPARISON_PREPOSITIONS, "к")) + ")"
RELATIVE_BASES: tuple[tuple[str, Callable[[FigureFact], str | None]], ...] = (
    (rf"за\s+(?:последний\s+)?месяц|{VERSUS}\s+"
     r"(?:соответствующ\w+\s+дат\w+\s+)?предыдущ\w+\s+месяц\w*", _previous_month),
    (r"с\s+начала\s+(?:текущего\s+|этого\s+)?года", _year_start),
    (rf"{VERSUS}\s+{LEVEL}{SAME_PERIOD}\s+{PREVIOUS}\s+года|{YEAR_ON_YEAR}", _year_earlier),
    (rf"{VERSUS}\s+предыдущ\w+\s+период\w*", _previous_period),
    (rf"за\s+год|(?:{VERSUS}\s+{LEVEL}|\bуров(?:ень|н\w+)\s+){PREVIOUS}\s+год\w*", _previous_year),
)  # fmt: skip
_RELATIVE = re.compile("|".join(f"(?P<b{i}>{p})" for i, (p, _) in enumerate(RELATIVE_BASES)), re.I)
_LABELS_VALUE = re.compile(r"\s*[-–—]\s*\d")  # "с начала года - 101,3%": the cue labels the value after it


def relative_base(text: str, f: FigureFact, bounds: tuple[int, int], outside: bool = False) -> str | None:
    """The base a relative cue states ("за месяц снизилась на 1,3%"): the last cue before the
    figure in its parenthesis if it is in one (with `outside`, before that parenthesis), else in its
    sentence with other parentheses left out; else the first one after it in its clause that does
    not label another value ("составил 100,1%, с начала года - 101,3%": the cue is 101,3%'s)."""
    lead = _lead(text, f, bounds, outside)
    tail = _tail(text, f, bounds)
    after = [c for c in _RELATIVE.finditer(tail) if not _LABELS_VALUE.match(tail, c.end())]
    cues = list(_RELATIVE.finditer(lead))[-1:] or after[:1]
    if not cues:
        return None
    index = int(next(k for k, v in cues[0].groupdict().items() if v)[1:])
    return RELATIVE_BASES[index][1](f)


def has_relative_cue(text: str) -> bool:
    """Whether `text` states a relative base ("к предыдущему году", "с начала года")."""
    return _RELATIVE.search(text) is not None


# An average yearly rate over a span ("среднегодовой темп роста", "средний темп ежегодного
# прироста"): its period is the span, with no one base year.
AVERAGE_RATE = re.compile(
    r"среднегодов|средн\w*\s+(?:\w+\s+)?ежегодн|ежегодн\w*\s+(?:в\s+среднем|(?:темп\w*\s+)?(?:при)?рост)",
    re.I,
)  # "ежегодный прирост … 0% – 0,4%" over "2017-2019 гг." too


def average_rate(text: str, f: FigureFact, bounds: tuple[int, int], dates: list[DateFact]) -> bool:
    """Whether the figure is an average yearly rate: the cue stands before it in its clause, after
    any other number, or "в год" right after it ("В 1880-1900 годах ВВП … рос на 2% в год")."""
    if _PER_YEAR.match(text, f.char_end):
        return True
    lead = list(_lead(text, f, bounds))
    offset = f.char_start - len(lead)
    for d in dates:
        if offset <= d.char_start and d.char_end <= f.char_start:
            lead[d.char_start - offset : d.char_end - offset] = " " * (d.char_end - d.char_start)
    return bool(AVERAGE_RATE.search(re.split(r"\d", "".join(lead))[-1]))


_PER_YEAR = re.compile(r"\s*(?:в\s+среднем\s+)?в\s+год\b", re.I)
_LINKED = re.compile(r"\s*(?:в\s+то\s+же\s+время|одновременно|при\s+этом)\b", re.I)


def linked_base(
    text: str, f: FigureFact, facts: list[FigureFact], bounds: tuple[int, int], before: tuple[int, int] | None
) -> str | None:
    """ "По сравнению с уровнем 2017 года … увеличились на 56%. В то же время экспорт … снизился на
    14%": a change in a sentence that opens with a link to the one before shares that one's base."""
    if before is None or not _LINKED.match(text, bounds[0]):
        return None
    prior = [p for p in facts if before[0] <= p.char_start < before[1] and p.kind in CHANGE_KINDS]
    return prior[-1].base_period if prior else None


def _tail(text: str, f: FigureFact, bounds: tuple[int, int]) -> str:
    """The rest of the figure's clause ("увеличилось на 0,9 тыс.человек, или на 0,04% по сравнению
    с соответствующим периодом предыдущего года")."""
    return re.split(r"[;:()]", text[past_aside(text, f.char_end, bounds[1]) : bounds[1]])[0]


def past_aside(text: str, start: int, end: int) -> int:
    """`start`, or the end of a bracket of words right after it ("106,1% (в сопоставимых ценах) к
    уровню …": the clause goes on after the bracket)."""
    aside = _WORDS_ASIDE.match(text, start, end)
    return aside.end() if aside else start


_WORDS_ASIDE = re.compile(r"\s*\([^()\d]*\)")


def _lead(text: str, f: FigureFact, bounds: tuple[int, int], outside: bool = False) -> str:
    lead = text[bounds[0] : f.char_start]
    opened = lead.rfind("(")
    if opened > lead.rfind(")") and outside:
        lead = lead[:opened]  # the clause the figure's parenthesis stands in
    elif opened > lead.rfind(")"):
        return lead[opened + 1 :]  # the figure's own parenthesis
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), lead)  # offsets kept


def label_base(label: str, period: DateFact) -> str | None:
    """The base a relative cue in a table label states for the cell's period ("В % к
    соответствующему периоду предыдущего года" under "Январь-август 2017г." → "2016-01/2016-08")."""
    cue = _RELATIVE.search(label)
    if cue is None:
        return None
    index = int(next(k for k, v in cue.groupdict().items() if v)[1:])
    probe = FigureFact(0, 0, 0.0, None, period_start=period.start, period_end=period.end,
                       period_precision=period.precision)  # fmt: skip
    return RELATIVE_BASES[index][1](probe)
