"""Reporting periods from context: relative comparison bases and periods a section states once.

- Relative base: "за месяц", "по сравнению с предыдущим месяцем" → the month before the period;
  "с начала года" → December of the year before, the period running from January; "за год",
  "по сравнению с предыдущим годом" → the year before; "к соответствующему периоду предыдущего
  года" → the same period a year earlier. Only a change or an index has a base.
- Section period: a date that opens a paragraph ("Осенью 2020 года журнал … по итогам опроса",
  "В 2014 году Агентство …") or that a heading states is the period of the figures after it that
  state none, until the next heading, the next opening date or `SECTION_PAGES` pages later (a
  month or a day — an event's date, "В сентябре 2015 года … был запущен комплекс" — only on its
  own page). A date
  inside a paragraph sets no section period ("В 2012 году … заработал синхротрон. Его стоимость
  оценивается в $176 млн": no period).

`period_source` says where a figure's period came from: "sentence" (its clause or sentence),
"earlier_sentence" (a month, quarter or day named earlier on the page), "section" (above).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.extract.facts import Confidence, DateFact, FigureFact

if TYPE_CHECKING:
    from pipeline.extract import PageFacts

SECTION_PAGES = 2  # pages after the one that states a section period that it still covers
HEADING_CHARS = 100  # a heading is a short line…
_HEADING_END = re.compile(r"[.;,:!?…]\s*$")  # …that does not end like a sentence
_HEADING_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]{3,}")
_HEADING_WORDS = 2
_LIST_ITEM = re.compile(r"^\s*[-–—•·*]")
# A caption's period is its chart's or table's: it ends a section period and sets none.
_CAPTION = re.compile(r"^\s*(?:рис(?:унок)?|табл(?:ица)?|диаграмма|график|схема|источник|примечание)\b", re.I)
_OPENING = re.compile(
    r"^[\s«\"(]*(?:(?:в|во|на|за|к|по\s+итогам|в\s+течение|осенью|весной|летом|зимой|в\s+конце|"
    r"в\s+начале|в\s+середине)\s+)?$",
    re.I,
)  # what may stand before a date that opens a paragraph
_SECTION_KINDS = ("point", "range")
_CHANGE_KINDS = ("change", "ratio")
_MONTHS_IN_YEAR = 12


# --- relative comparison bases -----------------------------------------------------------------


def _previous_month(f: FigureFact) -> str | None:
    if f.period_precision != "month" or not f.period_end:
        return None
    year, month = int(f.period_end[:4]), int(f.period_end[5:7])
    year, month = (year - 1, _MONTHS_IN_YEAR) if month == 1 else (year, month - 1)
    return f"{year}-{month:02d}"


def _year_start(f: FigureFact) -> str | None:
    """ "с начала года": the period runs from January; the base is December of the year before."""
    if not f.period_end:
        return None
    year = int(f.period_end[:4])
    f.period_start = f"{year}-01-01"
    if f.period_precision == "day":
        f.period_precision = "month" if f.period_end[8:] >= "28" else "day"
    return f"{year - 1}-12"


def _previous_year(f: FigureFact) -> str | None:
    if not f.period_end:
        return None
    year = int(f.period_end[:4]) - 1
    return str(year) if f.period_precision in (None, "year") else f"{year}{f.period_end[4:7]}"


def _year_earlier(f: FigureFact) -> str | None:
    """ "к соответствующему периоду предыдущего года": the same months a year earlier."""
    if not f.period_start or not f.period_end:
        return None
    a, b = (f"{int(day[:4]) - 1}{day[4:7]}" for day in (f.period_start, f.period_end))
    if f.period_precision == "year":
        return a[:4] if a[:4] == b[:4] else f"{a[:4]}/{b[:4]}"
    return a if a == b else f"{a}/{b}"


RELATIVE_BASES: tuple[tuple[str, Callable[[FigureFact], str | None]], ...] = (
    (r"за\s+(?:последний\s+)?месяц|(?:по\s+сравнению\s+с|к|против)\s+предыдущ\w+\s+месяц\w*",
     _previous_month),
    (r"с\s+начала\s+(?:текущего\s+|этого\s+)?года", _year_start),
    (r"(?:к|по\s+сравнению\s+с|против)\s+(?:соответствующ|аналогичн)\w+\s+период\w*\s+(?:предыдущ|прошл)\w+\s+года",
     _year_earlier),
    (r"за\s+год|(?:по\s+сравнению\s+с|к|против)\s+(?:предыдущ|прошл)\w+\s+год\w*", _previous_year),
)  # fmt: skip
_RELATIVE = re.compile("|".join(f"(?P<b{i}>{p})" for i, (p, _) in enumerate(RELATIVE_BASES)), re.I)


def relative_base(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The base a relative cue states ("за месяц снизилась на 1,3%"): the last cue before the
    figure in its parenthesis if it is in one, else in its sentence with other parentheses left
    out; else the first one after it in its clause."""
    lead = _lead(text, f, bounds)
    cues = list(_RELATIVE.finditer(lead))[-1:] or list(_RELATIVE.finditer(_tail(text, f, bounds)))[:1]
    if not cues:
        return None
    index = int(next(k for k, v in cues[0].groupdict().items() if v)[1:])
    return RELATIVE_BASES[index][1](f)


def _tail(text: str, f: FigureFact, bounds: tuple[int, int]) -> str:
    """The rest of the figure's clause ("увеличилось на 0,9 тыс.человек, или на 0,04% по сравнению
    с соответствующим периодом предыдущего года")."""
    return re.split(r"[;:()]", text[f.char_end : bounds[1]])[0]


def _lead(text: str, f: FigureFact, bounds: tuple[int, int]) -> str:
    lead = text[bounds[0] : f.char_start]
    opened = lead.rfind("(")
    if opened > lead.rfind(")"):
        return lead[opened + 1 :]  # the figure's own parenthesis
    return re.sub(r"\([^()]*\)", " ", lead)


# --- section periods ----------------------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph bounds of a page's cleaned text ("\n" ends a paragraph)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence and is not a list item: a heading or caption."""
    line = line.strip()
    return (
        0 < len(line) <= HEADING_CHARS
        and _prose(line)
        and not _HEADING_END.search(line)
        and not _LIST_ITEM.match(line)
        and (line[:1].isupper() or line[:1].isdigit())
    )


def _prose(paragraph: str) -> bool:
    """Words, not a chart's axis ("2015г. 2016г. 2017г.")."""
    return len(_HEADING_WORD.findall(paragraph)) >= _HEADING_WORDS


@dataclass(frozen=True)
class Marker:
    """A place on a page where the section period changes: a heading (with its date or None) or a
    date that opens a paragraph."""

    offset: int
    date: DateFact | None


def section_markers(text: str, dates: list[DateFact]) -> list[Marker]:
    """Headings and paragraph-opening dates of a page, in text order."""
    usable = [d for d in dates if d.kind in _SECTION_KINDS and d.confidence > Confidence.INFERRED]
    out = []
    for a, b in paragraphs(text):
        inside = [d for d in usable if a <= d.char_start and d.char_end <= b]
        if _CAPTION.match(text[a:b]):
            out.append(Marker(a, None))
        elif is_heading(text[a:b]):
            out.append(Marker(a, inside[0] if inside else None))
        elif inside and _OPENING.match(text[a : inside[0].char_start]) and _prose(text[a:b]):
            out.append(Marker(a, inside[0]))
    return out


def set_section_period(f: FigureFact, d: DateFact) -> None:
    f.period = legacy_period(d)
    f.period_start, f.period_end, f.period_precision = d.start, d.end, d.precision
    f.period_source = "section"


def legacy_period(d: DateFact) -> str:
    """The old `period` string: "2019", "2017-08", "2018-01-01/2018-12-31" (a deadline: its end)."""
    cut = {"year": 4, "decade": 4, "century": 4, "month": 7}.get(d.precision, 10)
    a, b = d.start[:cut], d.end[:cut]
    if d.kind == "by":
        return b
    return a if a == b else f"{a}/{b}"


def page_sections(text: str, facts: list[FigureFact], dates: list[DateFact]) -> None:
    """Figures without a period take the section period set earlier on the same page."""
    markers = section_markers(text, dates)
    for f in facts:
        if f.period_start is not None:
            continue
        before = [m for m in markers if m.offset <= f.char_start]
        if before and before[-1].date is not None and before[-1].date.char_end <= f.char_start:
            set_section_period(f, before[-1].date)
            f.period_from = before[-1].date.char_start
            _shift(text, f)


_LATER = re.compile(r"(?:через|спустя)\s+(\d{1,2})\s+(?:год|года|лет)\b", re.I)


def _shift(text: str, f: FigureFact) -> None:
    """ "В 2014 году … разработало рейтинг. … Через 2 года … задействованы все 85 субъектов": a
    sentence that opens with "Через N лет" is N years after the section's year."""
    start = max(text.rfind(mark, 0, f.char_start) for mark in ".!?\n") + 1
    later = _LATER.match(text[start : f.char_start].lstrip())
    if later and f.period_precision == "year" and f.period_start and f.period_end:
        years = int(later.group(1))
        f.period_start = f"{int(f.period_start[:4]) + years}{f.period_start[4:]}"
        f.period_end = f"{int(f.period_end[:4]) + years}{f.period_end[4:]}"
        f.period = f.period_start[:4] if f.period_start[:4] == f.period_end[:4] else f.period


@dataclass(frozen=True)
class PageMarks:
    """What one page tells the carried section period: the offset of its first section marker (the
    text's length when it has none) and, when it has markers, the last one's date and `date_id`."""

    page: int
    first: int
    marked: bool
    date: DateFact | None = None
    date_id: str | None = None


def page_marks(page: int, facts: PageFacts, rows: dict[str, list[dict]]) -> PageMarks:
    """The page's `PageMarks` (`rows`: its rows, `extract.page_rows`); computed where the page is
    extracted, so a document extracted in slices carries its periods like one in one piece."""
    markers = section_markers(facts.text, facts.dates)
    if not markers:
        return PageMarks(page, len(facts.text), marked=False)
    last = markers[-1].date
    date_ids = {d.char_start: r["date_id"] for d, r in zip(facts.dates, rows["dates"], strict=True)}
    date_id = date_ids.get(last.char_start) if last is not None else None
    return PageMarks(page, markers[0].offset, marked=True, date=last, date_id=date_id)


@dataclass
class SectionPeriods:
    """The section period carried from page to page of one document (`carry` per page, in order)."""

    date: DateFact | None = None
    date_id: str | None = None
    page: int = 0

    def carry(self, marks: PageMarks, figures: list[dict]) -> None:
        """Give the page's figure rows before its first marker the carried period, then carry the
        page's last marker on (`figures`: the page's figure rows)."""
        if (
            self.date is not None
            and self.date.precision == "year"
            and marks.page - self.page <= SECTION_PAGES
        ):
            for row in figures:
                if row.get("period_start") is None and row["char_start"] < marks.first:
                    _carried(row, self.date, self.date_id)
        if marks.marked:
            self.date, self.date_id, self.page = marks.date, marks.date_id, marks.page


def _carried(row: dict, d: DateFact, date_id: str | None) -> None:
    row.update(
        period=legacy_period(d), period_start=d.start, period_end=d.end, period_precision=d.precision,
        period_source="section", date_id=date_id,
    )  # fmt: skip


# --- relative bases of table labels --------------------------------------------------------------


def label_base(label: str, period: DateFact) -> str | None:
    """The base a relative cue in a table label states for the cell's period ("В % к /
    соответствующему периоду предыдущего года" under "Январь-август 2017г." → "2016-01/2016-08")."""
    cue = _RELATIVE.search(label)
    if cue is None:
        return None
    index = int(next(k for k, v in cue.groupdict().items() if v)[1:])
    probe = FigureFact(0, 0, 0.0, None, period_start=period.start, period_end=period.end,
                       period_precision=period.precision)  # fmt: skip
    return RELATIVE_BASES[index][1](probe)
