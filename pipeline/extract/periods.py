"""Reporting periods from context: periods a section or a reporting statement states once
(comparison bases: `pipeline.extract.bases`).

- Section period: a date that opens a paragraph ("Осенью 2020 года журнал … по итогам опроса",
  "В 2014 году Агентство …") or that a heading states is the period of the figures after it that
  state none, until the next heading, the next opening date or `SECTION_PAGES` pages later (a
  month or a day — an event's date, "В сентябре 2015 года … был запущен комплекс" — only on its
  own page, and none when its paragraph states no number and no change: `tells_event`). An
  undated caption ("Таблица N 6", "Источник: …") lets the text go on.
- Reporting statement: a date inside a paragraph sets no section period ("В 2012 году …
  заработал синхротрон. Его стоимость оценивается в $176 млн": no period), but a figure whose
  sentence states its own year ("в 2018 году достиг 692,9 млн.") gives it to the figures after it
  that state none, in its paragraph and the next (each figure that takes it carries it one
  paragraph on); never an older year than the section's ("в 2011 году только 42%"), a target, a
  span or a title year, and not to a property ("мощностью 130 тонн"), a sentence about today or a
  potential ("позволит увеличить …", "потенциал … оценивается в 27%").
- First sentence of a paragraph: one year stated there with no figure ("В промышленном секторе …
  в 2015 году наблюдался рост …", "В структуре ВРП в 2017 году … являлись:") dates the figures of
  the rest of that paragraph that state none and carries on like a reporting statement, but not
  into a paragraph with a reporting statement of its own ("… по итогам 2019 года составил …").
- Date of the data: "(на основании данных 2017 г.)", "по итогам 2018 года" dates every figure of its
  paragraph that states none, also those before it, and carries on like a reporting statement (a
  footnote "<5> …" between paragraphs does not count as one).

`period_source` says where a figure's period came from: "sentence" (its clause or sentence),
"earlier_sentence" (a month, quarter or day named earlier on the page, or a reporting statement of
its paragraph), "section" (a reporting statement of the paragraph before, or a section period).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING

from pipeline import lexicon
from pipeline.extract.dates import PRECISIONS
from pipeline.extract.facts import CHANGE_KINDS, Confidence, DateFact, FigureFact
from pipeline.nlp.morph import parses
from pipeline.nlp.sentences import PAGE_CONTEXT

if TYPE_CHECKING:
    from pymorphy3.tagset import OpencorporaTag

    from pipeline.extract import PageFacts

Spans = Sequence[tuple[int, int]]  # character spans (of the people a page names)
SECTION_PAGES = 2  # pages after the one that states a section period that it still covers
HEADING_CHARS = 100  # a heading is a short line…
_HEADING_END = re.compile(r"[.;,:!?…]\s*$")  # …that does not end like a sentence
_HEADING_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]{3,}")
_HEADING_WORDS = 2
_BULLET = "[-–—•·*]"  # the mark of a list item
_LIST_ITEM = re.compile(rf"^\s*{_BULLET}")
_ONE_WORD_HEADING = re.compile(r"\s*[А-ЯЁ][а-яё]{3,}\s*")  # "Демография"
_OPENING = re.compile(
    r"^[\s«\"(]*(?:(?:в|во|на|за|к|по\s+итогам|в\s+течение|"
    + "|".join(lexicon.SEASON_ADVERBS)
    + r"|в\s+конце|в\s+начале|в\s+середине)\s+)?$",
    re.I,
)  # what may stand before a date that opens a paragraph
# A caption's period is its chart's or table's (`lexicon.CAPTION_LINE`): it ends a section period and
# sets none.
_SECTION_KINDS = ("point", "range")
_FIRST_SENTENCE = re.compile(r"[.!?…](?=\s+[«\"]?[А-ЯЁA-Z])")  # the end of a paragraph's first sentence
_SENTENCE_END = re.compile(r"[.!?;:…][»\")]*\s*$")
_TITLED = re.compile(r"[А-Яа-яЁёA-Za-z]-\s*\d{4}")  # "Китай-2017": a rating's title, not a period
_TITLE_REACH = 3
_WORDS = re.compile(r"[А-Яа-яЁё]+")
_PROPERTY_REACH, _PROPERTY_WORDS = 30, 2  # "мощностью до 120 тыс. тонн": the noun or one word more
# A sentence about the time of writing or an unnamed year states no section period.
_NOW = re.compile(
    r"\b(?:сегодня|ныне|в\s+настоящее\s+время|на\s+данный\s+момент|по\s+итогам\s+года|в\s+последнее\s+время|"
    r"за\s+последн\w+\s+(?:\d+\s+)?(?:год|лет|месяц)\w*|за\s+\d{1,2}\s+(?:года?|лет)\b|"
    r"прогноз(?:н|ируем)\w+\s+период\w*)",
    re.I,
)  # a relative time ("за последние 9 лет", "Впервые за 10 лет", "в прогнозном периоде") names no year
_YEARLY = re.compile(r"\bежегодн\w*", re.I)  # "Ежегодный рост … не превысит 4%": a rate of every year
_CLAUSE_END = re.compile(r"[,.;:!?()\n]")
# A date the paragraph's data are for ("(на основании данных 2017 г.)", "по итогам 2018 года"): it
# dates the figures of the whole paragraph, also those before it, and the next paragraph.
# "по данным 2017 г.", "по данным за 2017 год", "по данным переписи 2010 года" (a source noun between)
_DATA_CUE = re.compile(r"(?:по\s+итогам|(?:на\s+основании\s+|по\s+)данн\w+(?:\s+за|\s+[а-яё]+)?)\s*$", re.I)
_DATA_REACH = 30
_FOOTNOTE = re.compile(r"^\s*<\d+>")  # "<5> Здесь и далее …": a footnote, not the text's flow
# A potential or what a measure would allow is for no reporting year ("позволит увеличить … на 338").
_POTENTIAL = re.compile(r"\b(?:позвол(?:ит|ят|ило|яет)|потенциал\w*)\b", re.I)


# "постановлением Администрации … от 23 августа 2016 года № 253": the date of a legal act
_ACT_FROM = re.compile(r"\bот\s*$", re.I)
_ACT_NUMBER = re.compile(r"\s*(?:г\.|года?)?\s*[№N]\s*\S")
_ACT_REACH = 80  # characters before "от" searched for the act's noun


def is_act_date(text: str, d: DateFact) -> bool:
    """The date of a legal act ("от 05.07.2010 № 123", "27.05.2014 N 338-па", "постановлением … от
    25.11.2013"): never a figure's period."""
    from pipeline.extract.lemmas import lemma_forms, words

    quote = text[d.char_start : d.char_end]
    lead = text[max(0, d.char_start - _ACT_REACH) : d.char_start]
    if d.kind != "point":
        return False
    if _ACT_NUMBER.match(text, d.char_end) and d.precision == "day":
        return True  # "27.05.2014 N 338-па", its "от" on the page before
    if not (_ACT_FROM.search(lead) or quote.lower().startswith("от ")):
        return False
    return any(lemma_forms(w.text) & lexicon.ACT_NOUNS for w in words(lead))


# "Etzo (2008) выделяет …", "(Lee, 1966)", "(Flores и др., 2013)": a work cited by its author and year
_CITED_BY = re.compile(
    r"(?:^|[\s(])([A-ZА-ЯЁ][\w'’-]+)(?:\s+(?:et\s+al\.?|и\s+др\.?|и\s+[A-ZА-ЯЁ][\w'’-]+|and\s+[A-Z][\w'’-]+))?"
    r"(?:,\s*|\s+\()$"
)
_CITED_REACH = 40  # characters before a year searched for its author
_YEAR_ALONE = re.compile(r"\(?\d{4}[a-zа-я]?\)?")


def is_reference_year(text: str, d: DateFact) -> bool:
    """The year of a work cited after its author's name ("Etzo (2008)", "(Lee, 1966)"): never a
    figure's period. Not a place's year ("Москва (2018)")."""
    from pipeline.extract.territories import find_territories

    if d.precision != "year" or not _YEAR_ALONE.fullmatch(text[d.char_start : d.char_end].strip()):
        return False
    author = _CITED_BY.search(text[max(0, d.char_start - _CITED_REACH) : d.char_start])
    return author is not None and not find_territories(author.group(1))


def recurring_deadline(text: str, d: DateFact) -> bool:
    """A deadline named without its year ("в срок до 15 января (за отчетный год) представляют отчет"):
    it recurs every year, so it is no figure's period (its year was only inferred)."""
    quote = text[d.char_start : d.char_end].lower()
    return d.kind == "by" and d.confidence <= Confidence.INFERRED and quote.startswith("до ")


def section_break(text: str, start: int, end: int) -> bool:
    """A heading (also of one word), or a caption opens a paragraph in (start, end]: a new section."""
    starts = _section_starts(text)
    i = bisect_right(starts, start)
    return i < len(starts) and starts[i] <= end


def _opens_section(line: str) -> bool:
    return is_heading(line) or bool(lexicon.CAPTION_LINE.match(line) or _ONE_WORD_HEADING.fullmatch(line))


# --- section periods ----------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _section_starts(text: str) -> tuple[int, ...]:
    """Offsets of the paragraphs that open a section (`section_break`), in order."""
    return tuple(a for a, b in paragraphs(text) if _opens_section(text[a:b]))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph bounds of a page's cleaned text ("\n" ends a paragraph)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence and is not a list item: a heading or caption;
    one numbered like a section ("2.2.1.3. Индустриальный (промышленный) парк "Союз".") may end so."""
    line = line.strip()
    return (
        0 < len(line) <= HEADING_CHARS
        and _prose(line)
        and (not _HEADING_END.search(line) or bool(lexicon.NUMBERED_HEADING.match(line)))
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
    reporting: bool = False  # a figure's own reporting date, not a heading or an opening date
    ends_reports: bool = True  # a marker ends the reporting statements before it
    whole: bool = False  # the date holds from its paragraph's start (a date of the data)
    local: bool = False  # not carried into a paragraph with a reporting statement of its own (`lead_markers`)
    past: bool = False  # dates only figures told in the past tense (`lead_markers`)
    span: bool = (
        False  # a span a figure states: it ends the reporting statements it reaches (`section_events`)
    )
    event: bool = False  # an event's day ("21 марта 2013 года … объявила"): dates its own paragraph only


def section_markers(text: str, dates: list[DateFact], persons: Spans = ()) -> list[Marker]:
    """Headings and paragraph-opening dates of a page, in text order; one that names a person
    (`persons`: their spans) dates that person's event, not the figures after it (`_of_person`)."""
    usable = [
        _season_year(text, d)
        for d in dates
        if d.kind in _SECTION_KINDS and d.confidence > Confidence.INFERRED
    ]
    out = []
    for a, b in paragraphs(text):
        inside = [d for d in usable if a <= d.char_start and d.char_end <= b]
        if lexicon.CAPTION_LINE.match(text[a:b]):  # a caption's period is its chart's; an undated one lets
            out.append(Marker(a, None, ends_reports=bool(inside)))  # the prose statement go on
        elif is_heading(text[a:b]) or _ONE_WORD_HEADING.fullmatch(text[a:b]):
            dated = inside and not (
                plan_term(text, inside[0])
                or _headline(text, (a, b), inside[0])
                or _of_person((a, b), persons)
            )
            out.append(Marker(a, inside[0] if dated else None))
        elif inside and _OPENING.match(text[a : inside[0].char_start]) and _prose(text[a:b]):
            dated = not (
                plan_term(text, inside[0])
                or _event(text, (a, b), inside[0])
                or _event_day(text, inside[0])
                or _of_person((a, _sentence_end(text, a, b)), persons)
            )
            out.append(
                Marker(a, inside[0] if dated else None, past=_opens_with_event(text, (a, b), inside[0]))
            )
        elif any(
            d.kind == "since" and a <= d.char_start < b and not text[a : d.char_start].strip() for d in dates
        ):
            out.append(Marker(a, None))  # "С 2009 года в районе проводится …": a state since then, no year
    return out


def _of_person(bounds: tuple[int, int], persons: Spans) -> bool:
    """The sentence in `bounds` names a person: its date is of what that person did ("В 2014 году
    премьер-министр Андрус Ансип ушел в отставку", "Написанная в 1873 году художником Иваном
    Айвазовским …"), a news story's event, not the period of the figures told after it."""
    return any(bounds[0] <= start and end <= bounds[1] for start, end in persons)


def _headline(text: str, heading: tuple[int, int], d: DateFact) -> bool:
    """A heading that is a clause telling an event (a news headline: "Саммит «Большой восьмерки» в
    2014 году может пройти в «Сколково»") dates that event, not the figures under it; a section's
    "Рост экспорта в 2019 году" or "Итоги 2017 года" has no verb."""
    return has_verb(text[heading[0] : heading[1]]) and tells_event(text, heading, d)


def _season_year(text: str, d: DateFact) -> DateFact:
    """A season's year: "Осенью 2020 года журнал выпустил статью, основанную на итогах опроса" dates
    the paragraph's data by its year; in a figure's own sentence the season stays its months."""
    first = text[d.char_start : d.char_end].split(maxsplit=1)[:1]
    if not first or first[0].lower() not in lexicon.SEASONS:
        return d
    year = d.end[:4]
    return replace(d, start=f"{year}-01-01", end=f"{year}-12-31", precision="year")


def _event(text: str, paragraph: tuple[int, int], d: DateFact) -> bool:
    """A month or a day opening a paragraph that tells an event (`tells_event`) dates it, not the
    figures after it."""
    return d.precision in ("month", "day") and tells_event(text, paragraph, d)


def _opens_with_event(text: str, paragraph: tuple[int, int], d: DateFact) -> bool:
    """A year opening a paragraph whose first sentence tells an event ("В 2019 году в Курске создан
    детский технопарк") dates only the figures told in the past tense after it, not a present state
    ("На его базе ежегодно проходят обучение не менее 800 детей")."""
    first = (paragraph[0], _sentence_end(text, paragraph[0], paragraph[1]))
    if d.precision != "year" or d.char_end > first[1] or not tells_event(text, first, d):
        return False
    return not any(
        p.normal_form in lexicon.DATA_SOURCE_NOUNS for p in _first_parses(text[first[0] : first[1]])
    )


_CHANGE_WORDS = frozenset({*lexicon.CHANGE_VERBS, *lexicon.CHANGE_NOUNS, *lexicon.TREND_NOUNS})


def tells_event(text: str, bounds: tuple[int, int], d: DateFact) -> bool:
    """The text in `bounds` around the date states no number, no change and leads into nothing: an
    event ("В июле 2018 года в округе начато строительство предприятия …": not the period of "Общий
    объем инвестиций в проект - 7,0 млрд. рублей"), unlike a bulletin's "В августе 2017г. снижение
    цен отмечалось на треть наблюдаемых видов товаров"."""
    rest = text[bounds[0] : d.char_start] + text[d.char_end : bounds[1]]
    if re.search(r"\d", rest) or lexicon.LEAD_IN.search(rest):
        return False
    return not any(p.normal_form in _CHANGE_WORDS for p in _first_parses(rest))


_ENDS_WITH_ON = re.compile(r"\bна\s*$", re.I)  # "… на 2014 - 2016 годы", "… на 70 мест"


def plan_term(text: str, d: DateFact) -> bool:
    """A span a plan is made for ("Муниципальная программа … на 2014 - 2016 годы"): in a heading it
    names the programme, not the period of the figures under it."""
    quote = text[d.char_start : d.char_end]
    lead = text[max(0, d.char_start - len(" на ")) : d.char_start]
    return d.kind == "range" and (quote[:3].lower() == "на " or _ENDS_WITH_ON.search(lead) is not None)


def put_period(
    f: FigureFact,
    period: str | None = None,
    start: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    date_from: int | None = None,
    source: str | None = None,
) -> None:
    """Set all the figure's period fields at once (`period`, `period_start`, `period_end`,
    `period_precision`, `period_from`, `period_source`); with no values, clear them."""
    f.period, f.period_start, f.period_end, f.period_precision = period, start, end, precision
    f.period_from, f.period_source = date_from, source


def set_section_period(f: FigureFact, d: DateFact) -> None:
    put_period(f, legacy_period(d), d.start, d.end, d.precision, d.char_start, "section")


def legacy_period(d: DateFact) -> str:
    """The old `period` string: "2019", "2017-08", a quarter or half-year its months ("2017-04/2017-06"),
    January to December of one year that year ("2018"), "2018-03-01/2018-03-15" (a deadline: its end)."""
    cut = {"year": 4, "decade": 4, "century": 4, "month": 7, "quarter": 7}.get(d.precision, 10)
    if cut == len("2018-01") and d.start[4:] == "-01-01" and d.end[4:] == "-12-31":
        cut = len("2018")  # "январь-декабрь 2018 года" is the year
    a, b = d.start[:cut], d.end[:cut]
    if d.kind == "by":
        return b
    return a if a == b else f"{a}/{b}"


def page_sections(
    text: str,
    facts: list[FigureFact],
    dates: list[DateFact],
    sentences: Sequence[tuple[int, int]],
    persons: Spans = (),
) -> None:
    """Figures without a period take the section period reached before them on the same page; a
    figure given a reporting statement's period continues that statement (`sentences`: the page's
    sentence bounds; `persons`: the spans of the people it names, `section_markers`)."""
    for f in facts:
        _total_span(text, f, facts)
    events = section_events(text, facts, dates, persons)
    by_start = {d.char_start: d for d in dates}
    for f in sorted(facts, key=lambda f: f.char_start):
        state = section_state(text, [e for e in events if e.offset <= f.char_start], f.char_start)
        if f.period_start is not None:
            _run_on(f, by_start.get(f.period_from), state)  # type: ignore[arg-type]
            continue
        deadline = lead_in_deadline(text, f, dates)
        if deadline is not None:
            set_section_period(f, deadline)
            continue
        if state is None or state.date is None or state.date.char_end > f.char_start and not state.whole:
            continue
        if f.counted in lexicon.METHOD_COUNTED_NOUNS:
            continue  # "Система показателей состоит из 44 различных показателей": of no year
        siblings = run_figures(text, sentences, facts, f.char_start)
        if _now(text, f) or _property(text, f, siblings) or _potential(text, f) or open_value(text, f, dates):
            _goes_on(events, state, f)  # "Впервые за 10 лет введено 1800 га": the text goes on with figures
            continue
        if state.past and not _figure_told_past(text, f):
            continue
        if _ahead(text, f) and _told_past(text, state.date):
            continue
        set_section_period(f, _flow_period(text, f, state.date))
        _goes_on(events, state, f)
        if state.reporting and _paragraph_of(text, state.date.char_start) == _paragraph_of(
            text, f.char_start
        ):
            f.period_source = "earlier_sentence"
        _shift(text, f)


_OVER_YEAR = re.compile(r"\bза\s+(?:(?:отч[её]тный|прошедший|истекший)\s+)?год\b", re.I)  # "прирост за год"


def _flow_period(text: str, f: FigureFact, d: DateFact) -> DateFact:
    """ "На 1 января 2017 года зарегистрировано 16 предприятий. ⏎ Количество предпринимателей по
    сравнению с 2015 годом выросло на 0,5%", "По состоянию на 01.01.2019 … Общий прирост площадей за
    год составил 2956,2 кв. метров": a stock on the first day of a year closes the year before; a
    change or a flow over a year under it is that year's."""
    new_year = d.precision == "day" and d.start == d.end and d.start[5:] == "01-01"
    sentence = text[_sentence_start(text, f.char_start) : f.char_start]
    if not new_year or not (f.kind in CHANGE_KINDS or _OVER_YEAR.search(sentence)):
        return d
    year = int(d.start[:4]) - 1
    return replace(d, start=f"{year}-01-01", end=f"{year}-12-31", precision="year")


def _goes_on(events: list[Marker], state: Marker, f: FigureFact) -> None:
    """A reporting statement reaches one paragraph past each figure after it (`section_state`)."""
    if state.reporting:
        events.append(replace(state, offset=f.char_end))
        events.sort(key=lambda m: m.offset)


_TOTAL = re.compile(r"\s*[-–—•*]?\s*(?:" + "|".join(lexicon.TOTAL_WORDS) + r")\b", re.I)


def _total_span(text: str, f: FigureFact, facts: list[FigureFact]) -> None:
    """ "2015 год – 20786,80 тыс. рублей; … 2019 год – 7968,00 тыс. рублей; Всего – 43975,50 тыс.
    рублей": a total without a date of its own after a list of yearly figures is for their span (the
    list: the lines right before it whose figures state their year)."""
    if f.period_start is not None or not _TOTAL.match(text, text.rfind("\n", 0, f.char_start) + 1):
        return
    years: list[FigureFact] = []
    for a, b in reversed([p for p in paragraphs(text) if p[1] <= f.char_start]):
        dated = [g for g in facts if a <= g.char_start < b and g.period_source == "sentence"]
        if not dated or any(g.period_precision != "year" for g in dated):
            break
        years += dated
    if len({g.period_start for g in years}) > 1:
        first, last = min(years, key=lambda g: g.period_start), max(years, key=lambda g: g.period_end)  # type: ignore[arg-type,return-value]
        span = f"{first.period_start[:4]}/{last.period_end[:4]}"  # type: ignore[index]
        put_period(
            f, span, first.period_start, last.period_end, "year", first.period_from, "earlier_sentence"
        )


def _run_on(f: FigureFact, d: DateFact | None, state: Marker | None) -> None:
    """ "среднегодовой рост … (с 2015 года) достиг 20%" in a 2018 text: a change since a year runs to
    the period of the text around it."""
    if d is None or d.kind != "since" or f.kind not in CHANGE_KINDS or state is None or state.date is None:
        return
    if f.period_end is not None and state.date.end > f.period_end and state.date.precision == d.precision:
        f.period_end = state.date.end
        f.period = legacy_period(d)[:4] + "/" + f.period_end[:4] if d.precision == "year" else f.period


def section_events(
    text: str, facts: list[FigureFact], dates: list[DateFact], persons: Spans = ()
) -> list[Marker]:
    """Markers (they set the section period) and reporting statements, in text order."""
    by_start = {d.char_start: d for d in dates}
    reports = [
        Marker(f.char_end, d, reporting=True, event=_event_day(text, d))  # type: ignore[arg-type]
        for f in facts
        if (d := by_start.get(f.period_from)) is not None and is_reporting(text, f, d)  # type: ignore[arg-type]
    ]
    spans = [
        Marker(f.char_end, d, reporting=True, span=True)
        for f in facts
        if (d := by_start.get(f.period_from)) is not None
        and d.kind == "range"
        and f.period_source == "sentence"  # type: ignore[arg-type]
    ]  # "так в период 2008 – 2015 гг. … около 25%": a span ends the reporting statements before it
    markers = [
        *section_markers(text, dates, persons),
        *data_markers(text, dates),
        *lead_markers(text, facts, dates, persons),
    ]
    return sorted([*markers, *reports, *spans], key=lambda m: m.offset)


def lead_markers(
    text: str, facts: list[FigureFact], dates: list[DateFact], persons: Spans = ()
) -> list[Marker]:
    """A paragraph whose first sentence states one year and no figure ("В промышленном секторе … в
    2015 году наблюдался рост …"): a reporting statement of the figures after it (of those told in
    the past only, when the sentence tells an event: "Парк … создан в 2017 году"). A later sentence
    that opens with its one year is an event's: it dates only the figures told in the past tense
    after it ("В 2014 году район стал победителем игр. Нашими спортсменами были побиты 2 рекорда",
    but not "В 2012 году … заработал синхротрон. Его стоимость оценивается в $176 млн")."""
    out = [*_event_markers(text, facts, dates, persons)]
    for a, b in paragraphs(text):
        end_at = _sentence_end(text, a, b)
        inside = [d for d in dates if a <= d.char_start and d.char_end <= end_at]
        if len(inside) != 1 or any(a <= f.char_start < end_at for f in facts) or not _prose(text[a:b]):
            continue
        if _of_person((a, end_at), persons):
            continue
        d = inside[0]
        if _OPENING.match(text[a : d.char_start]) or is_heading(text[a:b]):
            continue  # a section marker already
        if d.kind == "point" and d.precision == "year" and d.confidence > Confidence.INFERRED:
            out.append(Marker(a, d, reporting=True, local=True, past=_opens_with_event(text, (a, b), d)))
    return out


_ITEM = re.compile(rf"[ \t]*(?:{_BULLET}|\d{{1,2}}[.)][ \t]|[а-я]\)[ \t])")  # "- ", "1. ", "2) ", "а) "
_NEXT_SENTENCE = re.compile(r"[.!?…]\s+[«\"]?[А-ЯЁ]")


def lead_in_deadline(text: str, f: FigureFact, dates: list[DateFact]) -> DateFact | None:
    """ "Реализация Программы позволит к 2021 году достичь следующих результатов:" ⏎ "1. Повысить
    уровень защищенности … до 96 %.": the one deadline year of a lead-in (a line ending with ":")
    dates the first sentence of each item of the list right under it (a later sentence of an item, or
    the text after the list, states a fact of its own)."""
    start = text.rfind("\n", 0, f.char_start) + 1
    item = _ITEM.match(text, start)
    if item is None or _NEXT_SENTENCE.search(text, item.end(), f.char_start):
        return None
    lead = lead_in_above(text, start, _ITEM.match)  # back over the items before it
    if lead is None:
        return None
    inside = [d for d in dates if lead[0] <= d.char_start and d.char_end <= lead[1]]
    one = len(inside) == 1 and inside[0].kind == "by" and inside[0].precision == "year"
    return inside[0] if one and inside[0].confidence > Confidence.INFERRED else None


_ITEM_BULLET = re.compile(r"\s*[-–—•]\s")  # a line opening an item of a list
LIST_ITEM_LINES = 30  # item lines passed going up to a list's lead-in


def is_item_line(line: str) -> bool:
    """A line of a list's item: opening with a bullet or ending with a semicolon."""
    return bool(_ITEM_BULLET.match(line)) or line.rstrip().endswith(";")


def lead_in_above(
    text: str, line: int, item: Callable[[str], object], most: int | None = None
) -> tuple[int, int] | None:
    """The bounds of the lead-in (a line ending with a colon, `lexicon.LEAD_IN`) of the list whose
    line starts at `line`: the nearest such line above it, reached over at most `most` lines (no limit:
    None) that `item` takes for lines of the list (given as they stand); else None."""
    for _ in count() if most is None else range(most):
        if line == 0:
            return None
        start = text.rfind("\n", 0, line - 1) + 1
        above = text[start : line - 1]
        if lexicon.LEAD_IN.search(above):
            return start, line - 1
        if not item(above):
            return None
        line = start
    return None


def _event_markers(
    text: str, facts: list[FigureFact], dates: list[DateFact], persons: Spans = ()
) -> list[Marker]:
    """Sentences after a paragraph's first that open with their one year and state no figure."""
    out = []
    for a, b in paragraphs(text):
        for end in _FIRST_SENTENCE.finditer(text, a, b):
            start = end.end() + len(text[end.end() : b]) - len(text[end.end() : b].lstrip())
            stop_at = _sentence_end(text, start, b)
            inside = [d for d in dates if start <= d.char_start and d.char_end <= stop_at]
            if len(inside) != 1 or any(start <= f.char_start < stop_at for f in facts):
                continue
            if _of_person((start, stop_at), persons):
                continue
            d = inside[0]
            one_year = d.kind == "point" and d.precision == "year" and d.confidence > Confidence.INFERRED
            if one_year and _OPENING.match(text[start : d.char_start]):
                out.append(Marker(start, d, reporting=True, local=True, past=True))
    return out


def data_markers(text: str, dates: list[DateFact]) -> list[Marker]:
    """Paragraphs that say which year their data are for ("(на основании данных 2017 г.)", "по итогам
    2018 года"): a reporting statement from the paragraph's start."""
    out = []
    for a, b in paragraphs(text):
        for d in dates:
            if not (a <= d.char_start and d.char_end <= b) or d.kind != "point":
                continue
            words = re.split(r"\d", text[d.char_start : d.char_end], maxsplit=1)[0]  # "по итогам " in a quote
            lead = text[max(a, d.char_start - _DATA_REACH) : d.char_start] + words
            if d.confidence > Confidence.INFERRED and _DATA_CUE.search(lead.rstrip()):
                out.append(Marker(a, d, reporting=True, whole=True))
                break
    return out


def is_reporting(text: str, f: FigureFact, d: DateFact) -> bool:
    """A figure whose sentence states its reporting year ("в 2018 году достиг 692,9 млн."): its period
    is that date's whole span; not a target, a span, a deadline, a start or a title ("Китай-2017")."""
    return (
        f.period_source == "sentence"
        and f.kind != "target"
        and d.kind == "point"
        and d.confidence > Confidence.INFERRED
        and (f.period_start, f.period_end) == (d.start, d.end)
        and not _TITLED.search(text[max(0, d.char_start - _TITLE_REACH) : d.char_end])
        and bracketed_date(text, f, [d]) is None  # "с 44,6% (2013г.) до 60 процентов": its own aside
        and not versus_value_date(text, d)
        and not in_gerund_phrase(text, d, _sentence_start(text, d.char_start))  # its phrase's only
    )


# "… 220 тыс. человек против 145 тыс. в декабре 2014 года": the date of a value compared
_VERSUS = "|".join(lexicon.VERSUS_WORDS)
_VERSUS_VALUE = re.compile(
    rf"\b(?:{_VERSUS})\s+\d[\d\s,.]*(?:[^\W\d]+\.?\s+){{0,3}}(?:(?:в|на|за)\s+)?$", re.I
)
_VERSUS_REACH = 60  # characters before a date searched for the value compared


def versus_value_date(text: str, d: DateFact) -> bool:
    """The date of a value set against a figure is that value's own, no reporting period after it."""
    return bool(_VERSUS_VALUE.search(text[max(0, d.char_start - _VERSUS_REACH) : d.char_start]))


SEGMENT_START = re.compile(r"[;:()]|,(?!\d)")  # a decimal comma ("118,8%") cuts nothing


def in_gerund_phrase(text: str, d: DateFact, start: int) -> bool:
    """An adverbial participle comes before the date in its phrase (from the last comma, colon,
    semicolon or bracket after `start`): "вложив в 2003 году …", "учитывая рост с 01.07.2016 …"."""
    from pipeline.extract.lemmas import words

    opened = [m.end() for m in SEGMENT_START.finditer(text, start, d.char_start)]
    lead = words(text[opened[-1] if opened else start : d.char_start])
    return any(parses(w.text)[0].tag.POS == "GRND" for w in lead)


def in_parenthesis(text: str, offset: int, start: int) -> bool:
    """`offset` is inside a parenthesis opened after `start` ("(на IV квартал 2015 г. – 10951 руб.)":
    an aside, whose date sets no period of the text after it)."""
    return text.rfind("(", start, offset) > text.rfind(")", start, offset)


def in_aside(text: str, d: DateFact, start: int) -> bool:
    """The date is in a parenthesis (opened after `start`) that holds a value besides it ("(на IV
    квартал 2015 г. – 10951 руб.)", "(2014 – 86%)"): an aside, not the text's period; a date alone in
    brackets ("(декабрь 2023 г.)", "(с 2015 года)") dates its clause."""
    if not in_parenthesis(text, d.char_start, start):
        return False
    opened, closed = text.rfind("(", start, d.char_start), text.find(")", d.char_end)
    return bool(
        re.search(r"\d", text[opened + 1 : d.char_start] + text[d.char_end : max(closed, d.char_end)])
    )


_OPENS_BRACKET = re.compile(r"\s*\(\s*")  # all that stands between a fact and the bracket after it
CLOSES_BRACKET = re.compile(r"\s*\)")


def bracketed(text: str, before: DateFact | FigureFact, inside: DateFact | FigureFact) -> bool:
    """`inside` stands alone in brackets right after `before` ("с 44,6% (2013г.)", "по сравнению с 2017
    годом (53,8%)", "выше … на 5% (27,9 тыс. руб.)")."""
    return opens_bracket(text, before, inside) and CLOSES_BRACKET.match(text, inside.char_end) is not None


def opens_bracket(text: str, before: DateFact | FigureFact, inside: DateFact | FigureFact) -> bool:
    """`inside` opens the bracket right after `before` ("30 млн фунтов (около 116 млн фунтов …)")."""
    return _OPENS_BRACKET.fullmatch(text, before.char_end, inside.char_start) is not None


def alone_in_brackets(text: str, f: FigureFact) -> bool:
    """A figure alone in brackets after a noun phrase ("привлеченные средства (55 - 60%)", "33,5%
    российского экспорта (более 59,9 млн. долл. США)")."""
    return _bracketed_after(text, f, _AFTER_LETTER)


def after_number_in_brackets(text: str, f: FigureFact) -> bool:
    """A figure alone in brackets right after a bare number ("из них 594471 (53,7%) - население …")."""
    return _bracketed_after(text, f, _AFTER_DIGIT)


def _bracketed_after(text: str, f: FigureFact, opening: re.Pattern) -> bool:
    """The figure alone in brackets that `opening` (the char before them, the bracket) opens."""
    opened = opening.search(text, max(0, f.char_start - _OPENING_REACH), f.char_start)
    return opened is not None and CLOSES_BRACKET.match(text, f.char_end) is not None


_AFTER_LETTER = re.compile(r"[А-Яа-яЁё]\s*\(\s*\Z")
_AFTER_DIGIT = re.compile(r"\d\s*\(\s*\Z")
_OPENING_REACH = len("а (  ")


def bracketed_date(text: str, f: FigureFact, dates: list[DateFact]) -> DateFact | None:
    """A date alone in brackets right after the figure ("газом – с 44,6% (2013г.) до 60 процентов"):
    the figure's own, no other figure's."""
    return next((d for d in dates if bracketed(text, f, d)), None)


_ITEM_END = re.compile(r";[ \t]*\n")


def earlier_item(text: str, d: DateFact, offset: int) -> bool:
    """The date lies in an earlier item of a list (lines ending with ";") than `offset` ("… с 67,5%
    (2013г.) до 80 процентов;⏎увеличение протяженности дорог … на 9,6 км"), not in the list's lead-in
    before its colon ("В 2015 году произведено:⏎- молока – 32,1 тыс. тонн;⏎- яиц – 109,3 млн. шт.");
    a ";" inside a line joins clauses of one sentence ("За период с 1970 по 2010 г. … провели …;
    коллективом получено более 100 свидетельств")."""
    cut = _ITEM_END.search(text, d.char_end, offset)
    return cut is not None and ":" not in text[d.char_end : cut.start()]


def section_state(text: str, events: list[Marker], offset: int) -> Marker | None:
    """The period that holds at `offset` after `events`: the last marker's, or the latest reporting
    statement's after it when that is later and its paragraph or the next one holds `offset` (an
    older year is a comparison: "в 2011 году только 42%")."""
    section: Marker | None = None
    report: Marker | None = None
    here = _paragraph_of(text, offset)
    own = any(e.reporting and not e.local and _paragraph_of(text, e.offset) == here for e in events)
    for e in (e for e in events if not (e.local and own and _paragraph_of(text, e.offset) != here)):
        if not e.reporting:
            section, report = e, (None if e.ends_reports else report)
        elif e.span:
            ends = report is not None and report.date is not None and e.date.end >= report.date.end  # type: ignore[union-attr]
            report = replace(e, date=None) if ends else report
        elif report is None or report.date is None or _later(e.date, report.date):  # type: ignore[arg-type]
            report = e
    reach = 0 if report is not None and report.event else 1
    if report is None or report.date is None or _prose_paragraphs(text, report.offset, offset) > reach:
        return section
    if section is None or section.date is None or report.date.end >= section.date.end:
        return report
    return section


def _later(d: DateFact, than: DateFact) -> bool:
    """`d` ends later, or as late and is not a part of `than` ("в 2015 году … 29,3 тыс. руб. … (на IV
    квартал 2015 г. – 10951 руб.)": the year goes on)."""
    finer = PRECISIONS.index(d.precision) < PRECISIONS.index(than.precision)
    return d.end > than.end or d.end == than.end and not finer


def _event_day(text: str, d: DateFact) -> bool:
    """A day that is no reporting point ("21 марта 2013 года … объявила", not "на 1 марта 2015 года",
    "по состоянию на 01.01.2019", "к концу 2015 года")."""
    if d.precision != "day":
        return False
    quote = text[d.char_start : d.char_end]
    lead = text[max(0, d.char_start - _POINT_REACH) : d.char_start] + re.split(r"\d", quote, maxsplit=1)[0]
    return _POINT_CUE.search(lead) is None


POINT = "(?:" + "|".join(lexicon.POINT_PREPOSITIONS) + ")"  # "на", "к" of a reporting point, for regexes
EDGE = r"(?:начал\w*|конц[уе]|конец)"  # the start or the end a point names ("на начало", "к концу")
_POINT_CUE = re.compile(rf"\b{POINT}\s+(?:{EDGE}\s+)?$", re.I)
_POINT_REACH = 20  # characters before a day searched for "на", "к"


def _prose_paragraphs(text: str, start: int, end: int) -> int:
    """How many prose paragraphs (ending like a sentence, not a caption) start in (start, end]; a
    lead-in ending with a colon and the list items after it go on with the paragraph before them
    ("… в 2015 году составил …⏎… демонстрируют рост, а именно:⏎- увеличено производство картофеля на
    16,3%;")."""
    return sum(
        1
        for a, b in paragraphs(text)
        if start < a <= end
        and _SENTENCE_END.search(text[a:b])
        and not lexicon.CAPTION_LINE.match(text[a:b])
        and not _FOOTNOTE.match(text[a:b])
        and not lexicon.LEAD_IN.search(text[a:b])
        and not _LIST_ITEM.match(text[a:b])
    )


def _paragraph_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _property(text: str, f: FigureFact, siblings: list[FigureFact]) -> bool:
    """A property of a named thing: a property noun in the instrumental right before the figure ("цех
    мощностью 130 тонн", "мощностью до 120 тыс. тонн") or a capacity after "на" right after a noun
    (`_capacity_after_noun`; `siblings`: the figures before it, `run_figures`): it holds from the
    thing's opening on, not for a section's reporting year."""
    return _property_noun(_words_before(text, f)) is not None or _capacity_after_noun(text, f, siblings)


def undated_size(text: str, f: FigureFact, siblings: list[FigureFact]) -> bool:
    """A thing's size (`_property`, not an amount: "с объемом софинансирования 300 млн руб. ежегодно"
    is financing), which the year its own sentence tells it was built or opened does not date
    either ("В 2015 году введены магазины площадью 200 кв. м", "школа на 1600 мест"); a total ("3
    установки общей мощностью 240 кВт") sums what the sentence counts, which its year dates."""
    words = _words_before(text, f)
    noun = _property_noun(words)
    if noun is None:
        return _capacity_after_noun(text, f, siblings)
    summed = any(p.normal_form in _TOTALS for w in words[-_PROPERTY_WORDS - 1 : -1] for p in parses(w)[:1])
    return noun not in _AMOUNTS and not summed


def _words_before(text: str, f: FigureFact) -> list[str]:
    """The words of the `_PROPERTY_REACH` characters before the figure."""
    return _WORDS.findall(text[max(0, f.char_start - _PROPERTY_REACH) : f.char_start])


def _property_noun(words: list[str]) -> str | None:
    """The lemma of a property noun in the instrumental among the last two `words` (those before the
    figure)."""
    last = words[-_PROPERTY_WORDS:]
    return next(
        (p.normal_form for w in last for p in parses(w) if p.normal_form in _PROPERTIES and "ablt" in p.tag),
        None,
    )


# a word or a quoted name right before "на": "школы на ", "СОШ» на "
_ON_AFTER_WORD = re.compile(rf"([А-Яа-яЁё]+[{re.escape(lexicon.CLOSING_QUOTES)}]?)\s+на\s*$")
_PROPERTIES = frozenset(lexicon.PROPERTY_NOUNS)
_TOTALS = frozenset(lexicon.TOTAL_ADJECTIVES)
_AMOUNTS = frozenset(lexicon.AMOUNT_PROPERTY_NOUNS)
_CAPACITY_COUNTED = frozenset(lexicon.CAPACITY_COUNTED)
_SEATS = frozenset(lexicon.SEAT_COUNTED)
_CAPACITY_CLASSES = frozenset(lexicon.CAPACITY_UNIT_CLASSES)


def _capacity_after_noun(text: str, f: FigureFact, siblings: list[FigureFact]) -> bool:
    """ "школа на 1600 мест", "свинокомплекс на 2400 голов", "элеватор на 150 тыс. тонн": places,
    heads or output after "на" right after a noun or a quoted name, not a change ("увеличить поголовье
    на 320 голов") nor a part of a total its sentence states before it (`siblings`: "было введено 506
    новых дошкольных мест после ремонтов в: … «Детский сад п. Аэропорт» на 38 мест", which that
    sentence's year dates; not "построены 4 учреждения: … СОШ на 70 мест; … СОШ на 55 мест")."""
    if f.kind == "change":
        return False
    before = _ON_AFTER_WORD.search(text, max(0, f.char_start - _PROPERTY_REACH), f.char_start)
    if before is None:
        return False
    word = before.group(1)
    if word[-1].isalpha() and parses(word)[0].tag.POS != "NOUN":
        return False
    counted = _counted_lemma(f)
    totals = [
        g for g in siblings
        if g.char_end <= f.char_start and _counted_lemma(g) == counted
        and not _ENDS_WITH_ON.search(text, max(0, g.char_start - _PROPERTY_REACH), g.char_start)
    ]  # fmt: skip
    return capacity_amount(f, seats=True) and not (counted and totals)


def _counted_lemma(f: FigureFact) -> str | None:
    return parses(f.counted)[0].normal_form if f.counted else None


def run_figures(
    text: str, sentences: Sequence[tuple[int, int]], facts: list[FigureFact], offset: int
) -> list[FigureFact]:
    """The figures before `offset` in its sentence and in the list items right before it (sentences
    that are item lines, `is_item_line`: "… в: МБДОУ «Детский сад п. Аэропорт» на 38 мест;")."""
    i = next((k for k, (a, b) in enumerate(sentences) if a <= offset < b), None)
    if i is None:
        return []
    while i and is_item_line(text[sentences[i - 1][0] : sentences[i - 1][1]]):
        i -= 1
    return [g for g in facts if sentences[i][0] <= g.char_start < offset]


def capacity_amount(f: FigureFact, seats: bool = False) -> bool:
    """An amount a facility's capacity is stated in: output (`lexicon.CAPACITY_UNIT_CLASSES`: tonnes,
    megawatts), livestock heads (`CAPACITY_COUNTED`) or, with `seats`, places, beds, visits."""
    from pipeline.extract.indicators import unit_class

    if f.unit != "COUNT":
        return unit_class(f.unit) in _CAPACITY_CLASSES
    counted = _counted_lemma(f)
    return counted in _CAPACITY_COUNTED or seats and counted in _SEATS


def _ahead(text: str, f: FigureFact) -> bool:
    """A plan or a future ("будет увеличено … на 200 голов", "В перспективе – строительство …"): no
    reporting statement's year, which is a past one, dates it."""
    lead = text[_sentence_start(text, f.char_start) : f.char_start]
    return f.kind == "target" or has_tense(lead, "futr") or _PROSPECT.search(lead) is not None


def _told_past(text: str, d: DateFact) -> bool:
    """The sentence stating the date tells of the past (a past verb or short participle: "В 2015 году
    отмечено увеличение поголовья"), not of a future or a plan ("По итогам 2017 года прогнозируется
    снижение …, что связано с …")."""
    sentence = text[_sentence_start(text, d.char_start) : _sentence_end_after(text, d.char_end)]
    ahead = any(verb_in(p.tag, "futr") or p.normal_form in _PLAN for p in _first_parses(sentence))
    return _past_in(sentence) and not ahead  # not "прогнозируется"


_PLAN = frozenset(lexicon.PLAN_WORDS)
_PROSPECT = re.compile(r"\bв\s+перспектив\w*", re.I)  # "В перспективах фермера – строительство …"


def _now(text: str, f: FigureFact) -> bool:
    """The figure's sentence speaks of the time of writing ("Сегодня в КНР уже создано …"), or its
    clause forecasts a yearly rate ("Ежегодный рост оборота не превысит 6%": every year of the
    forecast; "рынок растет, увеличиваясь на 10-12% ежегодно" is the reporting year's)."""
    start = _sentence_start(text, f.char_start)
    stop = _CLAUSE_END.search(text, f.char_end - 1)  # the quote may end with the full stop ("тыс. руб.")
    clause = text[start : stop.start() if stop else len(text)]
    yearly = _YEARLY.search(clause) is not None and has_tense(clause, "futr")
    return bool(_NOW.search(text, start, f.char_start)) or yearly


_FROM_VALUE = re.compile(r"\bсо?\s+$", re.I)
_TO_VALUE = re.compile(
    r"[^.;:()\d]{0,40}?\bдо\s*\d", re.I
)  # "с 93,8% до 99,8%", "с 3,2% в 2016 году до 2,8%"
STATE_KINDS = ("level", "share")  # a state, not a change or a target


def open_value(text: str, f: FigureFact, dates: list[DateFact]) -> bool:
    """A value whose period the text leaves open, so no section or earlier period is its: the
    from-value of a change ("увеличилась с 93,8% до 99,8%": the value before it, its date unstated)
    or a state since a year ("С 2009 года в районе проводится Спартакиада … по 8 видам спорта")."""
    if from_value(text, f):
        return True
    start = _sentence_start(text, f.char_start)
    since = any(d.kind == "since" and start <= d.char_start < f.char_start for d in dates)
    return since and f.kind in STATE_KINDS


def from_value(text: str, f: FigureFact) -> bool:
    """The value a change starts from: after "с", with a "до" value right after it ("с 93,8% до 99,8%")."""
    return after_from(text, f) and bool(_TO_VALUE.match(text, f.char_end))


def after_from(text: str, f: FigureFact) -> bool:
    """The figure right after "с"/"со" ("с 17,8% в январе-августе 2016г. до …")."""
    return _FROM_VALUE.search(text, max(0, f.char_start - len(" со ")), f.char_start) is not None


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding `offset` starts (after ". ", "! ", "? " or a line break)."""
    return max(text.rfind(mark, 0, offset) for mark in (". ", "! ", "? ", "\n")) + 1


def _figure_told_past(text: str, f: FigureFact) -> bool:
    """The figure's sentence tells of the past (`_past_in`: "были недовольны", "газифицировано 772
    жилых дома")."""
    sentence = text[_sentence_start(text, f.char_start) : _sentence_end_after(text, f.char_end)]
    return _past_in(sentence)


def _sentence_end_after(text: str, offset: int) -> int:
    """Where the sentence holding the quote that ends at `offset` ends, within its line (the quote
    may end with its own full stop: "2015 г.", "млн.")."""
    line_end = text.find("\n", offset)
    return _sentence_end(text, max(offset - 1, 0), len(text) if line_end < 0 else line_end)


def _sentence_end(text: str, start: int, stop: int) -> int:
    """Where the sentence running at `start` ends (`_FIRST_SENTENCE`), at the latest `stop`."""
    end = _FIRST_SENTENCE.search(text, start, stop)
    return end.end() if end else stop


def _past_in(sentence: str) -> bool:
    """The sentence has a verb or a short participle in the past."""
    return any(
        verb_in(p.tag, "past") or p.tag.POS == "PRTS" and p.tag.tense == "past"
        for p in _first_parses(sentence)
    )


def verb_in(tag: OpencorporaTag, tense: str) -> bool:
    """A verb's tag in `tense`: "past" ("уменьшилось", "составил"), or "futr" in the third person
    ("составит", "увеличится")."""
    return tag.POS == "VERB" and tag.tense == tense and (tense != "futr" or tag.person == "3per")


def has_tense(clause: str, tense: str) -> bool:
    """The clause has a verb in `tense` (`verb_in`; each word read in its first parse)."""
    return any(verb_in(p.tag, tense) for p in _first_parses(clause))


def has_verb(clause: str) -> bool:
    """The clause has a verb (each word read in its first parse)."""
    return any(p.tag.POS == "VERB" for p in _first_parses(clause))


def _first_parses(clause: str) -> list:
    """The first parse of each Cyrillic word of the clause."""
    return [parses(w)[0] for w in re.findall(r"[а-яё]+", clause.lower())]


def _potential(text: str, f: FigureFact) -> bool:
    """The figure's sentence states a potential ("Потенциал прироста … оценивается в 27%")."""
    return bool(_POTENTIAL.search(text[_sentence_start(text, f.char_start) : f.char_start]))


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
    text's length when it has none), when it has markers the last one's date and `date_id`, and the
    `date_id`s of the reporting statements before its first marker."""

    page: int
    first: int
    marked: bool
    date: DateFact | None = None
    date_id: str | None = None
    reports: frozenset[str] = frozenset()


def page_marks(page: int, facts: PageFacts, rows: dict[str, list[dict]]) -> PageMarks:
    """The page's `PageMarks` (`rows`: its rows, `extract.page_rows`); computed where the page is
    extracted, so a document extracted in slices carries its periods like one in one piece."""
    own = slice(facts.page_start, facts.page_end)  # offsets index the page with its neighbours' sentences
    dated = [d for d in facts.dates if not (is_act_date(facts.text, d) or is_reference_year(facts.text, d))]
    markers = section_markers(facts.text, dated, facts.analysis.persons)
    markers = [m for m in markers if own.start <= m.offset < (own.stop or len(facts.text))]
    date_ids = {d.char_start: r["date_id"] for d, r in zip(facts.dates, rows["dates"], strict=True)}
    first = markers[0].offset if markers else len(facts.text)
    events = section_events(facts.text, facts.figures, facts.dates, facts.analysis.persons)
    reports = frozenset(
        date_ids[e.date.char_start] for e in events if e.reporting and e.date is not None and e.offset < first
    )
    first -= own.start  # in the page's own offsets, as its rows'
    if not markers:
        return PageMarks(page, first, marked=False, reports=reports)
    last = markers[-1].date
    date_id = date_ids.get(last.char_start) if last is not None else None
    return PageMarks(page, first, marked=True, date=last, date_id=date_id, reports=reports)


@dataclass
class SectionPeriods:
    """The section period carried from page to page of one document (`carry` per page, in order)."""

    date: DateFact | None = None
    date_id: str | None = None
    page: int = 0

    def carry(self, marks: PageMarks, figures: list[dict]) -> None:
        """Give the page's figure rows before its first marker the carried period (also those that
        took an older reporting statement's of the page), then carry the page's last marker on
        (`figures`: the page's figure rows)."""
        if (
            self.date is not None
            and self.date.precision == "year"
            and marks.page - self.page <= SECTION_PAGES
        ):
            for row in figures:
                if row["char_start"] < marks.first and self._holds(row, marks):
                    _carried(row, self.date, self.date_id)
        if marks.marked:
            self.date, self.date_id, self.page = marks.date, marks.date_id, marks.page

    def _holds(self, row: dict, marks: PageMarks) -> bool:
        if row.get("period_start") is None:
            return True
        older = self.date is not None and str(row.get("period_end")) < self.date.end
        return row.get("period_source") != "sentence" and row.get("date_id") in marks.reports and older


def _carried(row: dict, d: DateFact, date_id: str | None) -> None:
    row.update(
        period=legacy_period(d), period_start=d.start, period_end=d.end, period_precision=d.precision,
        period_source="section", date_id=date_id,
    )  # fmt: skip


def link_neighbour_dates(figures: list[dict], dates: list[dict], pages: Mapping[int, str]) -> None:
    """A figure whose period a date on the page before or after gave (its sentence runs across the
    page break: `nlp.sentences.page_in_context`) points to that date's row: the one with the same
    period within `PAGE_CONTEXT` characters of the break."""
    numbers = sorted(p for p, text in pages.items() if text.strip())
    for row in figures:
        if row.get("date_id") or row.get("period_source") != "sentence" or not _crosses_break(row, pages):
            continue
        k = numbers.index(row["page"])
        before, after = numbers[k - 1] if k else None, numbers[k + 1] if k + 1 < len(numbers) else None
        same = [
            d
            for d in dates
            if (d["start"], d["end"]) == (row["period_start"], row["period_end"])
            and (_at_end(d, before, pages) or _at_start(d, after, pages))
        ]
        if len(same) == 1:
            row["date_id"] = same[0]["date_id"]


def _crosses_break(row: dict, pages: Mapping[int, str]) -> bool:
    """The figure's sentence runs beyond its page (the page's text does not hold it)."""
    sentence = row.get("sentence") or ""
    return bool(sentence) and sentence not in " ".join(pages[row["page"]].split())


def _at_end(d: dict, page: int | None, pages: Mapping[int, str]) -> bool:
    return d["page"] == page and d["char_start"] >= len(pages[page].rstrip()) - PAGE_CONTEXT


def _at_start(d: dict, page: int | None, pages: Mapping[int, str]) -> bool:
    text = pages.get(page, "")
    return d["page"] == page and d["char_end"] <= len(text) - len(text.lstrip()) + PAGE_CONTEXT


def _alternatives(cues: tuple[str, ...]) -> str:
    """The cue phrases as one regex alternation, any whitespace between their words."""
    return "|".join(c.replace(" ", r"\s+") for c in cues)


def _cue_before(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One of `cues` in the figure's clause, before it."""
    return re.compile(rf"(?:^|[^\w])(?:{_alternatives(cues)})(?!\w)[^,;:()]*$", re.I)


_YEAR_EARLIER = _cue_before((*lexicon.YEAR_EARLIER_CUES, *lexicon.WHOLE_YEAR_EARLIER_CUES))
_WHOLE_YEAR_EARLIER = _cue_before(lexicon.WHOLE_YEAR_EARLIER_CUES)
_SAME_DAY = re.compile(_alternatives(lexicon.SAME_DAY_CUES), re.I)
_CLAUSE_OPEN = re.compile(r"[,;:(][^,;:(]*$")


def year_earlier_periods(figures: list[dict]) -> None:
    """A figure whose clause says "год назад", "годом ранее", "в предыдущем году" before it, and names
    no year of its own, is for its period a year earlier: "На 1 сентября 2017г. лен-долгунец …
    вытереблен с 29,7% площадей, год назад к этому времени было убрано 48,6% посевов" (48,6% is
    2016-09-01); "по итогам прошлого года" (`lexicon.WHOLE_YEAR_EARLIER_CUES`), and "в прошлом
    году" after a day without "к этому времени", is the whole year before."""
    for row in figures:
        if not row.get("period_start"):
            continue
        sentence, quote = str(row.get("sentence") or ""), " ".join(str(row.get("quote") or "").split())
        at = sentence.find(quote) if quote else -1
        opened = _CLAUSE_OPEN.search(sentence, 0, max(at, 0))
        clause = sentence[opened.start() if opened else 0 : max(at, 0)]
        if at < 0 or not _YEAR_EARLIER.search(clause) or lexicon.YEAR_WORD.search(clause):
            continue
        whole = _WHOLE_YEAR_EARLIER.search(clause) or (
            row.get("period_precision") == "day" and not _SAME_DAY.search(clause)
        )
        if whole:  # "По итогам прошлого года …", "в прошлом году …" under a news item's date
            year = int(str(row["period_start"])[:4]) - 1
            row.update(period=str(year), period_start=f"{year}-01-01", period_end=f"{year}-12-31")
            row.update(period_precision="year")
            continue
        row.update(
            period=_year_before(str(row["period"])), period_start=_year_before(str(row["period_start"])),
            period_end=_year_before(str(row["period_end"])),
        )  # fmt: skip


def _year_before(iso: str) -> str:
    """Every year of an ISO date, month or range one less ("2017-09-01" → "2016-09-01"); 29 February
    becomes the 28th."""
    shifted = re.sub(r"\b(\d{4})\b", lambda m: str(int(m.group(1)) - 1), iso)
    return re.sub(
        r"(\d{4})-02-29", lambda m: f"{m.group(1)}-02-28" if int(m.group(1)) % 4 else m.group(0), shifted
    )
