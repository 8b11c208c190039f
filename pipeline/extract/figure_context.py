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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline import lexicon
from pipeline.extract.bases import (
    PREVIOUS,
    SAME_PERIOD,
    average_rate,
    has_relative_cue,
    linked_base,
    past_aside,
    relative_base,
    same_period_shifted,
)
from pipeline.extract.facts import CHANGE_KINDS, Confidence, DateFact, FigureFact
from pipeline.extract.measures import (
    branch_measure,
    count_measure,
    earlier_indicator,
    figure_indicator,
    lead_measure,
    names_deal,
    names_index,
    names_share,
    names_stake,
    normal_measure,
    quantity_measure,
    repeated_head,
    restated_indicator,
    share_measure,
)
from pipeline.extract.periods import (
    EDGE,
    POINT,
    SEGMENT_START,
    STATE_KINDS,
    after_from,
    alone_in_brackets,
    bracketed,
    from_value,
    has_tense,
    has_verb,
    in_aside,
    is_act_date,
    is_reference_year,
    legacy_period,
    open_value,
    page_sections,
    put_period,
    recurring_deadline,
    section_break,
    tells_event,
    versus_value_date,
)
from pipeline.extract.subjects import (
    mutual_pair,
    previous_org,
    project_owner,
    referred_company,
    respectively,
    sentence_names,
    set_subject,
)

_BASE_CUE = re.compile(lexicon.base_cue_pattern() + r"\s*$", re.I)
_PERCENT_END = re.compile(r"%\s*$")
_DIRECT_BASE = re.compile(r"^\s*к\s*$", re.I)  # "104,2% к 2018 году": a ratio's base
# "на конец 2014 года", "в конце 2017 года", "на конец августа 2017г.": its last day; "к началу 2017
# года": its first day
_EDGE = re.compile(rf"(?:{POINT}\s+{EDGE}|в\s+конце)\s*$", re.I)
_MONTH_EDGE = re.compile(rf"{POINT}\s", re.I)  # "в конце августа 2017г." (a price then) stays the month
_MONTH_WORD = re.compile(rf"(?:{lexicon.month_stem_pattern()})[а-яё]*\s*$", re.I)
_YEAR_END_AFTER = re.compile(r"\s*на\s+конец\s+(?:года|периода)\b", re.I)  # "… 4,3% на конец года"
# a clause ", когда" after a date holds that date's value ("относительно 2014 года, когда он составлял 1,8%")
_WHEN = r",\s*когда\b"
# a base in another clause ("чем в 2018 году: тогда 26%", `_WHEN`) is not its
_CLAUSE_BREAK = re.compile(rf":|{_WHEN}", re.I)
_DIFFERENCE = re.compile(r"\bна\s+$", re.I)
_CUE_REACH = 40  # characters before a date searched for a comparison cue
# "по сравнению с аналогичным периодом 2016г.": the same months of that year are the base
_SAME_PERIOD = re.compile(rf"\s+{SAME_PERIOD}\s*$", re.I)
_QUARTER_MONTHS = 3
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

    def after(self, offset: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.bounds if a >= offset), None)


def is_base(text: str, d: DateFact) -> bool:
    """Whether a date is introduced as a comparison base rather than as a period."""
    return _is_base(text, d.char_start, d.char_end, d.kind)


@lru_cache(maxsize=4096)
def _is_base(text: str, start: int, end: int, kind: str) -> bool:
    """`is_base` of the date at text[start:end], cached: every figure of a page asks about every
    date of it (the text is hashed once, and found again by identity)."""
    quote = text[start:end]
    raw = text[max(0, start - _CUE_REACH - len(" аналогичным периодом")) : start]
    lead = _SAME_PERIOD.sub(" ", raw)[-_CUE_REACH:]
    if quote[:2].lower() == "к " and kind not in ("since", "by") and _PERCENT_END.search(raw):
        return True  # "96,5 % к январю - декабрю 2017 года": a span or month is no deadline
    if quote[:2].lower() in ("с ", "к "):  # the date kept the cue's preposition: "по сравнению с
        lead += " " + quote.split()[0]  # 2017 годом", "по сравнению с январем - декабрем 2017 года"
    return bool(_BASE_CUE.search(lead) or _BASE_CUE.search(raw))  # "к аналогичному периоду 2016 г."


def compact_iso(d: DateFact) -> str:
    """ "2018", "2018-Q1", "2018-03", "2018-03-15" (a range: "2016/2017"; a half-year its months:
    "2016-01/2016-06")."""
    precision = d.precision
    if precision == "quarter" and _compact(d.start, precision) != _compact(d.end, precision):
        precision = "month"
    a, b = _compact(d.start, precision), _compact(d.end, precision)
    return a if a == b or d.kind in ("since", "by") else f"{a}/{b}"


def base_iso(text: str, d: DateFact, f: FigureFact) -> str:
    """A base date as `compact_iso`; "аналогичным периодом 2016г." for a figure of January-July 2017
    (or the first half-year) is January-July 2016 ("2016-01/2016-07"), for one of a quarter that
    quarter ("2016-Q2")."""
    lead = text[max(0, d.char_start - _CUE_REACH) : d.char_start]
    months = f.period_precision in ("day", "month", "quarter") and f.period_start and f.period_end
    if d.precision != "year" or not months or not _SAME_PERIOD.search(lead):
        return compact_iso(d)
    return same_period_shifted(f, int(d.start[:4]) - int(f.period_start[:4]))  # type: ignore[index]


def _compact(iso: str, precision: str) -> str:
    if precision == "quarter":
        return f"{iso[:4]}-Q{(int(iso[5:7]) - 1) // _QUARTER_MONTHS + 1}"
    cut = {"day": 10, "month": 7}.get(precision, 4)
    return iso[:cut]


def set_period(f: FigureFact, d: DateFact | None, text: str, source: str = "sentence") -> None:
    """The figure's `period` string and typed period from a date (None clears nothing); "к началу
    2017 года", "на начало 2015 года" is the first day of the year or month, "на конец 2014 года",
    "в конце 2017 года", "на конец августа 2017г." its last day, and so is "на конец года" after
    the figure ("в 2018 году … 4,3% на конец года")."""
    if d is None:
        return
    put_period(f, legacy_period(d), d.start, d.end, d.precision, d.char_start, source)
    words = re.split(r"\d", text[d.char_start : d.char_end], maxsplit=1)[0]  # "На конец " in the quote
    words = _MONTH_WORD.sub("", words)  # "К концу декабря 2015 года"
    edge = _EDGE.search(text[max(0, d.char_start - _CUE_REACH) : d.char_start] + words)
    if d.precision == "year" and d.kind == "point" and _YEAR_END_AFTER.match(text, f.char_end):
        day = d.end
    elif edge and d.kind in ("point", "by") and (d.precision == "year" or _MONTH_EDGE.match(edge.group())):
        day = d.start if "нач" in edge.group().lower() else d.end  # "к концу декабря 2015 года" too
    else:
        return
    f.period_start = f.period_end = day
    f.period, f.period_precision = day, "day"


def _without_persons(names: tuple, offset: int, persons: Sequence[tuple[int, int]]) -> tuple:
    """The sentence's territories and organizations without a territory that is a word of a person's
    longer name ("полотно Сальвадора Дали": no El Salvador); `offset`: the sentence's start."""
    territories, organizations = names

    def in_name(t) -> bool:
        start, end = t.start + offset, t.end + offset
        return any(a <= start and end <= b and (a, b) != (start, end) for a, b in persons)

    return [t for t in territories if not in_name(t)], organizations


def resolve(
    text: str,
    facts: list[FigureFact],
    dates: list[DateFact],
    sentences: Sentences,
    persons: Sequence[tuple[int, int]] = (),
) -> None:
    """Previous-sentence periods, base periods, territories and indicators of a page's figures
    (`persons`: the spans of the people the page names, `periods.section_markers`)."""
    acts = {
        d.char_start for d in dates
        if is_act_date(text, d) or is_reference_year(text, d) or recurring_deadline(text, d)
    }  # fmt: skip
    dates = [d for d in dates if d.char_start not in acts]
    bases = [d for d in dates if is_base(text, d)]
    periods = [d for d in dates if d not in bases]
    by_start = {d.char_start: d for d in dates}
    named: dict[tuple[int, int], tuple] = {}  # territories and organizations per sentence, found once
    respective_years(text, facts, periods, sentences, dates)
    averages: set[int] = set()  # figures read as average yearly rates
    for f in facts:
        bounds = sentences.around(f.char_start) or (f.char_start, f.char_end)
        f.measure = share_measure(text, f) or normal_measure(f.measure) or count_measure(text, f)
        f.measure = lead_measure(text, f, bounds)
        f.measure = branch_measure(text, f, bounds)
        f.measure = quantity_measure(f)
        f.measure = repeated_head(f, facts, bounds, (sentences.before(bounds[0]) or bounds)[0])
        if f.period_from in acts:
            put_period(f)  # the date of a legal act
        _past_base(text, f, by_start.get(f.period_from), periods, bounds)  # type: ignore[arg-type]
        _forecast_goes_on(text, f, facts, sentences)
        _fallback_period(text, f, dates, periods, sentences)
        set_period(f, _base_value(text, f, facts, bases), text)
        _same_period_of(text, f, by_start.get(f.period_from), periods, bounds)  # type: ignore[arg-type]
        _current_year(text, f, periods, bounds)
        _last_year_same_period(text, f, by_start.get(f.period_from), bounds)  # type: ignore[arg-type]
        own_bases = _open_bases(text, f, facts, bases)
        if _index(text, f, own_bases, bounds):
            changed = _bracketed_change(text, f, bounds) or _stated_change(text, f, bounds)
            f.kind = "change" if changed else "ratio"
        average = f.kind in CHANGE_KINDS and (
            average_rate(text, f, bounds, dates) or _same_rate(text, f, facts, averages, bounds)
        )
        if average:
            averages.add(id(f))
        if _compared(text, f, bounds) and not average:
            f.base_period = _base(text, f, own_bases, bounds) or f.base_period
            f.base_period = f.base_period or linked_base(text, f, facts, bounds, sentences.before(bounds[0]))
        if f.kind == "level" and f.base_period and _or_after_amount(text, f, facts):
            f.kind = "ratio"  # "… - 3742,4 млрд. рублей, или 100,4%": the amount against its base
        period = by_start.get(f.period_from) if f.period_from is not None else None
        if period is not None and (_until(text, f, period) or _open(text, f, period, periods)):
            put_period(f)
            period = None
        if period is not None and period.kind == "range" and _one_year_of(f, period):
            pass  # a year of the range by `respective_years`
        elif period is not None and period.kind == "range" and f.kind in CHANGE_KINDS:
            if not (_year_to_date(period) or average):
                _split_range(f, period)
        elif period is not None and period.kind == "range":
            _from_to(text, f, period)
        if bounds not in named:
            named[bounds] = _without_persons(sentence_names(text[bounds[0] : bounds[1]]), bounds[0], persons)
        pairs = [p for p in facts if p.subject_type == "pair"]
        _set_subject(text, f, bounds, named[bounds], sentences, pairs)
        f.indicator = figure_indicator(text, f, bounds)
        f.indicator = f.indicator or earlier_indicator(f, facts, sentences.before(bounds[0]) or bounds)
        f.indicator = f.indicator or restated_indicator(f, facts, bounds)
    for f in facts:
        _kind_of_measure(f)
        _amount_of_share(text, f, facts)
    respective_years(text, facts, periods, sentences, dates)  # lists whose period the loop gave
    _parallel_from_values(text, facts, sentences, periods)
    respectively(text, facts, lambda f: sentences.around(f.char_start) or (f.char_start, f.char_end))
    page_sections(text, facts, periods, sentences.bounds, persons)
    for f in facts:
        if f.base_period is None and _changes(text, f) and f.period_source != "sentence":
            f.base_period = continued_base(text, f, facts, bases, sentences)


def _parallel_from_values(
    text: str, facts: list[FigureFact], sentences: Sentences, dates: list[DateFact]
) -> None:
    """A from-value with no date of its own takes the date of the sentence's first from-value, when
    that one states it: "увеличилась с 17,8% в январе-августе 2016г. до 18,9% в январе-августе
    2017г., гидроэлектростанциями - с 17,7% до 17,8%" (17,7% is January-August 2016), else the date
    the change runs from (`_since_before`)."""
    for f in facts:
        bounds = sentences.around(f.char_start)
        if bounds is None or f.period_start is not None or not from_value(text, f):
            continue
        dated = [g for g in facts if bounds[0] <= g.char_start < f.char_start and _dated_from_value(text, g)]
        if dated:
            g = dated[0]
            put_period(
                f, g.period, g.period_start, g.period_end, g.period_precision, g.period_from, g.period_source
            )
        elif (since := _since_before(f, dates, bounds)) is not None:
            put_period(
                f, legacy_period(since), since.start, since.end, since.precision, since.char_start, "sentence"
            )


def _since_before(f: FigureFact, dates: list[DateFact], bounds: tuple[int, int]) -> DateFact | None:
    """ "с декабря 2014 года число пользователей увеличилось с 50 до 62 млн": the date a change runs
    from, the last date before the from-value in its sentence, is the from-value's."""
    before = [d for d in dates if bounds[0] <= d.char_start and d.char_end <= f.char_start]
    return before[-1] if before and before[-1].kind == "since" else None


def _dated_from_value(text: str, g: FigureFact) -> bool:
    """ "с 17,8% в январе-августе 2016г. до …": a from-value with its own date right after it."""
    if g.period_from is None or g.period_from < g.char_end or g.period_end is None:
        return False
    to_at = text.find(" до ", g.period_from, g.period_from + _DATE_REACH)
    return (
        after_from(text, g) and to_at >= 0 and bool(_RIGHT_AFTER.fullmatch(text, g.char_end, g.period_from))
    )


_DATE_REACH = 40  # characters a from-value's own date may take before its "до"


def _same_rate(
    text: str, f: FigureFact, facts: list[FigureFact], averages: set[int], bounds: tuple[int, int]
) -> bool:
    """An earlier figure of the sentence over the same dates, with no verb between them, is an average
    yearly rate ("ежегодный рост … на уровне 100-100,1 % по первому варианту; 100,1 % – по второму")."""
    earlier = [g for g in facts if bounds[0] <= g.char_start < f.char_start and id(g) in averages]
    return any(
        g.period_from == f.period_from and not has_verb(text[g.char_end : f.char_start]) for g in earlier
    )


def _kind_of_measure(f: FigureFact) -> None:
    """A percentage stated as a level is the kind its measure names: a share's ("… данный показатель
    равен 49%, в Смоленской области - 37%") or an index number's, a ratio to its base period
    ("индекс потребительских цен за месяц составил 99,3%"); a plan's value stays a target."""
    if f.kind != "level" or f.unit != "PERCENT":
        return
    f.kind = "share" if names_share(f.measure) else "ratio" if names_index(f.measure) else f.kind


def _amount_of_share(text: str, f: FigureFact, facts: list[FigureFact]) -> None:
    """ "на долю которых приходится 33,5% российского экспорта (более 59,9 млн. долл. США)": an
    amount alone in brackets after a share is the level of that part, whatever change its sentence
    speaks of, and measures the part."""
    if f.kind not in ("change", "level") or lexicon.relative_unit(f.unit):
        return
    before = [g for g in facts if g.char_end <= f.char_start]
    share = before[-1] if before else None
    if share is None or share.kind != "share" or "(" in text[share.char_end : f.char_start - 1]:
        return
    if not (alone_in_brackets(text, f) or bracketed(text, share, f)):
        return
    f.kind, f.base_period = "level", None
    if names_share(f.measure):  # the part itself: "доля российского экспорта" → "российский экспорт"
        f.measure = normal_measure(" ".join(f.measure.split()[1:])) or f.measure


def _or_after_amount(text: str, f: FigureFact, facts: list[FigureFact]) -> bool:
    """A percentage after "или" right after an amount: the amount restated as an index."""
    before = [g for g in facts if g.char_end <= f.char_start]
    return (
        f.unit == "PERCENT"
        and bool(before)
        and not lexicon.relative_unit(before[-1].unit)
        and _OR_BETWEEN.fullmatch(text, before[-1].char_end, f.char_start) is not None
    )


_OR_BETWEEN = re.compile(r"\s*,?\s*или\s*", re.I)


def _open_bases(text: str, f: FigureFact, facts: list[FigureFact], bases: list[DateFact]) -> list[DateFact]:
    """The bases a figure may take: none right after an earlier figure ("сократилась на 7,2% к уровню
    2014 года, однако … всего 1,3%": 2014 is the base of 7,2% only, and 1,3% no index)."""
    taken = {
        d.char_start for g in facts if g is not f and g.char_end <= f.char_start
        for d in bases if d.char_end <= f.char_start and base_right_after(text, g, [d])
    }  # fmt: skip
    return [d for d in bases if d.char_start not in taken]


_LISTED = re.compile(rf"\s*(?:{lexicon.LIST_JOIN}|[-–—]|;)\s*", re.I)  # between two figures of one list


def respective_years(
    text: str, facts: list[FigureFact], periods: list[DateFact], sentences: Sentences, dates: list[DateFact]
) -> None:
    """ "в 2020 и 2021 годах … 0,6% и 0,9% соответственно", "в 2018-2020 годах … 4,5%, 5,1% и 5,3%
    соответственно": in a sentence saying "соответственно", a list of as many figures as the years of
    the range they took (of `dates`: also a range read as a base elsewhere, "по сравнению с 2015 -
    2016 гг., когда она достигала 74 и 72% соответственно"), or as the years the sentence names
    before them (of `periods`), gives each figure its year. It runs before the figures' periods
    are resolved and again after (a period taken from a base is known only then); a list whose
    range was already split or shifted is left as it is."""
    for run in _figure_lists(text, facts, sentences):
        a, b = sentences.around(run[0].char_start) or (run[0].char_start, run[-1].char_end)
        if not lexicon.RESPECTIVELY.search(text, run[0].char_end, b) or run[0].period_from is None:
            continue
        taken = next((d for d in dates if d.char_start == run[0].period_from), None)
        if taken is not None and taken.kind == "range" and not _whole_range(run, taken):
            continue
        years = _listed_years(run, taken, [p for p in periods if a <= p.char_start < b])
        if not years:  # "на 2020 год … 1 080,3 млн, на период 2021 и 2022 годов – 1 078,9 и 1 087,2 млн"
            before = [g.char_end for g in facts if a <= g.char_start and g.char_end <= run[0].char_start]
            since = max([a, *before])
            years = _listed_years(run, taken, [p for p in periods if since <= p.char_start < b])
        for f, (year, d) in zip(run, years, strict=False):
            put_period(f, str(year), f"{year}-01-01", f"{year}-12-31", "year", d.char_start, f.period_source)


def _whole_range(run: list[FigureFact], taken: DateFact) -> bool:
    """Every figure of the list still has the whole range as its period."""
    return all((f.period_start, f.period_end) == (taken.start, taken.end) for f in run)


def _figure_lists(text: str, facts: list[FigureFact], sentences: Sentences) -> list[list[FigureFact]]:
    """Runs of figures of one sentence joined only by commas, "и" or dashes, all of one period."""
    runs: list[list[FigureFact]] = []
    for f in sorted(facts, key=lambda g: g.char_start):
        last = runs[-1][-1] if runs else None
        joined = (
            last is not None
            and sentences.around(last.char_start) == sentences.around(f.char_start)
            and _LISTED.fullmatch(text, last.char_end, f.char_start) is not None
            and last.period_from == f.period_from
        )
        if joined:
            runs[-1].append(f)
        else:
            runs.append([f])
    return [r for r in runs if len(r) > 1]


def _listed_years(
    run: list[FigureFact], taken: DateFact | None, periods: list[DateFact]
) -> list[tuple[int, DateFact]]:
    """The years a list of figures stands for, one each: those of the range they took, else the
    distinct years the sentence names before them; none when the counts differ."""
    if taken is not None and taken.kind == "range" and taken.precision == "year":
        years = [(y, taken) for y in range(int(taken.start[:4]), int(taken.end[:4]) + 1)]
    else:
        named = [
            d for d in periods
            if d.char_end <= run[0].char_start and d.kind == "point" and d.precision == "year"
        ]  # fmt: skip
        years = list({int(d.start[:4]): (int(d.start[:4]), d) for d in named}.values())
        years = years if taken in named else []
    return years if len(years) == len(run) else []


def _one_year_of(f: FigureFact, d: DateFact) -> bool:
    return f.period_precision == "year" and (f.period_start, f.period_end) != (d.start, d.end)


_SIGN = re.compile(r"(?:\+|\(\s*[-−–])\s*$")  # "\"Руды\" (+175 млн. долл. США)": a signed difference


def _changes(text: str, f: FigureFact) -> bool:
    """A change, or a signed difference ("(+175 млн. долл. США)")."""
    sign = _SIGN.search(text, max(0, f.char_start - len("(- ")), f.char_start)
    return f.kind in CHANGE_KINDS or sign is not None


def continued_base(
    text: str, f: FigureFact, facts: list[FigureFact], bases: list[DateFact], sentences: Sentences
) -> str | None:
    """A change whose period an earlier sentence states ("За январь-июль 2017г. … увеличилось на 0,9
    тыс.человек … по сравнению с соответствующим периодом предыдущего года. … Число прибывших
    уменьшилось на 15,6 тыс.человек") continues that sentence's comparison: the base it or a sentence
    since in the figure's paragraph states (the nearest), or that of its changes over the same period."""
    here = sentences.around(f.char_start)
    stated = sentences.around(f.period_from) if f.period_from is not None else None
    if stated is None or here is None or stated[0] >= here[0]:
        return None
    since = max(stated[1], text.rfind("\n", 0, f.char_start) + 1)  # sentences since, in its paragraph
    named = [d for d in bases if stated[0] <= d.char_start < stated[1] or since <= d.char_start < here[0]]
    if named:
        return base_iso(text, named[-1], f)
    same = [
        p.base_period
        for p in facts
        if stated[0] <= p.char_start < stated[1] and p.base_period and p.kind in CHANGE_KINDS
        and (p.period_start, p.period_end) == (f.period_start, f.period_end)
    ]  # fmt: skip
    return same[-1] if same else None


# "чем в 2018 году: тогда … пожаловались 26%", "по сравнению с 2015 - 2016 гг., когда она достигала 72%"
_THEN = re.compile(rf"(?:[:;]\s*тогда\b|{_WHEN})", re.I)
_UNTIL = re.compile(r"^до\b", re.I)


def _fallback_period(
    text: str, f: FigureFact, dates: list[DateFact], periods: list[DateFact], sentences: Sentences
) -> None:
    """A figure alone in brackets right after a date is that date's value, even a comparison base's.
    A figure without a period in its clause: a clause opening with "тогда" takes the last date
    before it in the sentence (also a comparison base: "Это лучше, чем в 2018 году: тогда …
    пожаловались 26%"), and so does a clause ", когда" ("уменьшилась по сравнению с 2015 - 2016 гг.,
    когда она достигала 72%"); else a month, quarter or day named earlier on the page."""
    named = _date_in_front(text, f, dates)
    if named is not None:  # "по сравнению с 2017 годом (53,8%)": the value of that year
        set_period(f, named, text)
    if f.period_from is not None:
        return
    bounds = sentences.around(f.char_start) or (f.char_start, f.char_end)
    then = list(_THEN.finditer(text, bounds[0], f.char_start))
    if then:
        before = [d for d in dates if bounds[0] <= d.char_start and d.char_end <= then[-1].start()]
        set_period(f, before[-1] if before else None, text)
    if f.period_from is None:
        set_period(f, previous_sentence_date(text, f, periods, sentences), text, "earlier_sentence")


def _past_base(
    text: str, f: FigureFact, d: DateFact | None, periods: list[DateFact], bounds: tuple[int, int]
) -> None:
    """ "В 2016 году … уменьшилось на 19,7 % к 2015 году", "В 2020 году … до 19117,4 рублей (109,2 % к
    2016 году)": "к" and a year right after a change or a percentage is its base when the change
    happened (a past verb) or the sentence names a later year before it, which is then its period (a
    percentage so read is a ratio, not a target); before the figure only in the latter case ("в 2015
    году …, рост к 2014 году составил 2,7%"); "увеличится на 10% к 2025 году" keeps its deadline."""
    percent = f.unit == "PERCENT" and f.kind in ("level", "target", "ratio", "share")
    if d is None or not _to_date(text, d) or not (f.kind == "change" or percent):
        return
    after = d.char_start >= f.char_end
    if after and text[f.char_end : d.char_start].strip():
        return
    later = later_periods(text, d, periods, bounds[0])
    past = after and f.kind == "change" and has_tense(text[bounds[0] : f.char_start], "past")
    if not (later or past):
        return
    f.kind = "ratio" if percent else f.kind
    f.base_period = compact_iso(d)
    put_period(f)
    set_period(f, later[-1] if later else None, text)


def _to_date(text: str, d: DateFact) -> bool:
    """ "к 2015 году": "к" and a date."""
    return d.kind == "by" and text[d.char_start : d.char_end].lower().startswith("к ")


def later_periods(text: str, d: DateFact, dates: list[DateFact], start: int) -> list[DateFact]:
    """ "В 2016 году … составила 17513,1 руб., или 106,8% к 2015 году", "к 2020 году составит 1050
    человек (102,0% к 2016 году)": for "к" and a date, the point, range and deadline dates from
    `start` up to it that end later, the periods it is then the base of, not a deadline ([] for any
    other date)."""
    if not _to_date(text, d):
        return []
    return [
        e for e in dates
        if start <= e.char_start < d.char_start and e.kind in ("point", "range", "by") and e.end > d.end
    ]  # fmt: skip


_SHIFTABLE = ("day", "month", "quarter")


def _forecast_goes_on(text: str, f: FigureFact, facts: list[FigureFact], sentences: Sentences) -> None:
    """ "К 2019 году показатель достигнет 10046,3 млн. руб. Темп роста к уровню 2015 года составит
    109,7%": a forecast (a verb in the future tense) that names no year goes on with the year of the
    targets of the sentence before it in its paragraph."""
    here = sentences.around(f.char_start)
    before = sentences.before(here[0]) if here else None
    if f.period_from is not None or here is None or before is None or "\n" in text[before[1] : here[0]]:
        return
    targets = [
        g for g in facts
        if before[0] <= g.char_start < before[1] and g.kind == "target" and g.period_source == "sentence"
    ]  # fmt: skip
    if targets and has_tense(text[here[0] : f.char_start], "futr"):
        g = targets[-1]
        fields = (g.period, g.period_start, g.period_end, g.period_precision, g.period_from)
        put_period(f, *fields, "earlier_sentence")


def _same_period_of(
    text: str, f: FigureFact, d: DateFact | None, periods: list[DateFact], bounds: tuple[int, int]
) -> None:
    """ "в январе-июне 2017 года … 39 человек, в аналогичном периоде 2016 года … 7 человек", "На начало
    2017 года … 1,05% …, ниже уровня аналогичного периода 2016 года (1,12%)": the same months or day
    as the sentence's earlier period, in that year."""
    if d is None or d.precision != "year" or not _SAME_PERIOD.search(text, bounds[0], d.char_start):
        return
    earlier = [
        e for e in periods
        if bounds[0] <= e.char_start and e.char_end <= d.char_start and e.precision in _SHIFTABLE
        and e.start[:4] == e.end[:4] != d.start[:4]
    ]  # fmt: skip
    if not earlier:
        return
    year, e = d.start[:4], earlier[-1]
    f.period_start, f.period_end, f.period_precision = year + e.start[4:], year + e.end[4:], e.precision
    f.period = legacy_period(replace(e, start=f.period_start, end=f.period_end))


# "(за аналогичный период прошлого года также наблюдалось увеличение … на 146,3 тыс.человек)": the
# figure's period a year earlier ("к аналогичному периоду прошлого года" is a base, `bases`)
_LAST_YEAR_SAME = re.compile(rf"\b(?:за|в)\s+{SAME_PERIOD}\s+{PREVIOUS}\s+года\b[^;:()]*$", re.I)


def _last_year_same_period(text: str, f: FigureFact, d: DateFact | None, bounds: tuple[int, int]) -> None:
    """A figure whose clause (or parenthesis) says "за аналогичный период прошлого года" before it
    and takes a month, quarter or day period from further back is for those months a year earlier."""
    if d is None or d.precision not in _SHIFTABLE or f.period_start is None or f.period_end is None:
        return
    start = max(bounds[0], text.rfind("(", bounds[0], f.char_start) + 1)
    cue = _LAST_YEAR_SAME.search(text, start, f.char_start)
    if cue is None or d.char_start >= cue.start() or f.period_start[:4] != f.period_end[:4]:
        return
    year = str(int(f.period_start[:4]) - 1)
    f.period_start, f.period_end = year + f.period_start[4:], year + f.period_end[4:]
    f.period = legacy_period(replace(d, start=f.period_start, end=f.period_end))


_CURRENT = re.compile(r"\b(?:в|за)\s+(?:текущ|отч[её]тн)\w+\s+(?:году|периоде)\b", re.I)


def _current_year(text: str, f: FigureFact, periods: list[DateFact], bounds: tuple[int, int]) -> None:
    """ "Число родившихся в 2016 году … Число умерших в отчетном году составило 191 человек": the
    current or reporting year of a sentence without a date of its own is the year named last before
    it in its paragraph (else the section's, `periods.page_sections`)."""
    if f.period_source == "sentence" or not _CURRENT.search(text, bounds[0], f.char_start):
        return
    put_period(f)
    start = text.rfind("\n", 0, bounds[0]) + 1
    years = [
        d for d in periods
        if start <= d.char_start and d.char_end <= bounds[0] and d.kind == "point" and d.precision == "year"
    ]  # fmt: skip
    set_period(f, years[-1] if years else None, text, "earlier_sentence")


_CHANGE_AFTER_BASE = re.compile(r"\s*(?:на|в)\s*$", re.I)


def _base_value(text: str, f: FigureFact, facts: list[FigureFact], bases: list[DateFact]) -> DateFact | None:
    """ "выше показателя 2014 года на 5% (27,9 тыс. руб.)": a value of another unit alone in brackets
    right after a change against a dated base is the base's value."""
    change = next((g for g in facts if bracketed(text, g, f)), None)
    if change is None or change.unit == f.unit:
        return None
    lead = text[: change.char_start]
    return next((d for d in bases if _CHANGE_AFTER_BASE.fullmatch(lead, d.char_end)), None)


def _date_in_front(text: str, f: FigureFact, dates: list[DateFact]) -> DateFact | None:
    """The date right before the bracket a figure stands alone in ("… с 2017 годом (53,8%)")."""
    return next((d for d in dates if bracketed(text, d, f)), None)


_MORE_LISTED = re.compile(rf"(?:\s*{lexicon.LIST_JOIN}\s*\d[\d\s]*(?:,\d+)?\s*%)+")  # ", 1,3% и 1,7%"
_SHARE_CUE = re.compile(r"\b(?:дол[яиюе]|удельн\w*|от)\b", re.I)
_BASE_AFTER = re.compile(
    r"\s*(?:к|от|по\s+сравнению\s+с|в\s+сравнении\s+с|относительно)?(?:\s+(?:уровн|показател)\w*)?"
    rf"(?:\s+{SAME_PERIOD})?\s*",
    re.I,
)


_TO_LEVEL = re.compile(r"\bдо\s+(?:уровня\s+)?(?:\d|$)", re.I)


def reaches_level(text: str, f: FigureFact) -> bool:
    """ "до 45 %", "до уровня 4,3%": "до" (which may open the figure) right before it names a level
    to reach."""
    lead = text[max(0, f.char_start - len(" до уровня ")) : f.char_start + len("до ")]
    return _TO_LEVEL.search(lead) is not None


def _index(text: str, f: FigureFact, bases: list[DateFact], bounds: tuple[int, int]) -> bool:
    """A percentage against a base its own part of the sentence states ("что к уровню 2014 г.
    составляет 108,6%", "Темп роста к уровню 2015 года составит 109,7%", "или 93,1 % к 2017 году")
    is an index (a ratio), not a level, a target or the share of an earlier clause."""
    if f.unit != "PERCENT" or f.kind not in ("level", "target", "share"):
        return False
    after = base_right_after(text, f, bases)
    if reaches_level(text, f) and not after:
        return False  # "сократится до 1,0%": a level to reach ("до 95% к уровню 2014 года": an index)
    cut = [m.end() for m in SEGMENT_START.finditer(text, bounds[0], f.char_start)]
    segment = text[max(cut, default=bounds[0]) : f.char_start]
    if f.kind == "share" and _SHARE_CUE.search(segment):
        return False
    before = any(max(cut, default=bounds[0]) <= d.char_start and d.char_end <= f.char_start for d in bases)
    listed = any(
        bounds[0] <= d.char_start and d.char_end <= f.char_start and _list_base(text, f, d) for d in bases
    )
    rest = _MORE_LISTED.match(text, f.char_end, bounds[1])
    start = past_aside(text, rest.end() if rest else f.char_end, bounds[1])
    tail = re.split(r"[,;:()]", text[start : bounds[1]])[0]
    cued = re.match(r"\s*(?:к|по\s+сравнению\s+с)\s", tail) is not None and has_relative_cue(tail)
    return before or after or listed or cued or has_relative_cue(segment)


def base_right_after(text: str, f: FigureFact, bases: list[DateFact]) -> bool:
    """A base date right after the figure ("51,2% к аналогичному периоду 2016 года", "или 93,1 % к
    2017 году")."""
    return any(
        f.char_end <= d.char_start < f.char_end + _CUE_REACH
        and _BASE_AFTER.fullmatch(_cue_words(text, f.char_end, d)) is not None
        for d in bases
    )


_CHANGE_LEMMAS = frozenset(lexicon.CHANGE_VERBS) | frozenset(lexicon.CHANGE_NOUNS)
_OPENS_BRACKET = re.compile(r"\(\s*$")


def _bracketed_change(text: str, f: FigureFact, bounds: tuple[int, int]) -> bool:
    """A percentage opening a bracket after a change ("продолжил свой рост в 2018 году (6,2% по
    сравнению с уровнем 2017 года)") states that change against the base, not an index."""
    from pipeline.extract.lemmas import lemma_forms, words

    opened = _OPENS_BRACKET.search(text, bounds[0], f.char_start)
    if opened is None:
        return False
    return any(lemma_forms(w.text) & _CHANGE_LEMMAS for w in words(text[bounds[0] : opened.start()]))


INDEX_FLOOR = 50.0  # % : an index of a period against its base is about 100; a change far below it


def _stated_change(text: str, f: FigureFact, bounds: tuple[int, int]) -> bool:
    """A small percentage against a base that its clause states as a change is that change, not an
    index: "прирост оборота … составит 6,4% к уровню 2018 года", "увеличится на 0,6% и 0,9% к
    предыдущему году", "динамика инвестиций … составит 0,8% к предыдущему году", "выше показателя
    2014 года на 5%" (a rate or an index noun keeps it an index: "темп роста … 101,8%")."""
    from pipeline.extract.lemmas import lemma_forms, words

    if max(f.value, f.value_max or f.value) >= INDEX_FLOOR:
        return False
    if _DIFFERENCE.search(text, bounds[0], f.char_start):  # "выше … на 5%"
        return True
    lemmas = set().union(*(lemma_forms(w.text) for w in words(text[bounds[0] : f.char_start])))
    return bool(lemmas & _STATED_CHANGES) and not lemmas & _RATE_WORDS


_STATED_CHANGES = (
    (_CHANGE_LEMMAS | frozenset(lexicon.TREND_NOUNS)) - frozenset(lexicon.INDEX_CHANGE_NOUNS) - {"темп"}
)
_RATE_WORDS = frozenset({"темп", *lexicon.INDEX_NOUNS})


def _cue_words(text: str, end: int, d: DateFact) -> str:
    """The words between a figure's end and a date, with the date's own leading "к" ("к 2017 году",
    "к январю - декабрю 2017 года")."""
    lead = text[d.char_start : d.char_end].split(maxsplit=1)[0]
    return text[end : d.char_start] + (lead if lead.lower() == "к" else "")


def _until(text: str, f: FigureFact, d: DateFact) -> bool:
    """ "до 2014 года занимали … (около 25 - 30%)": a state that lasted until a year has no stated
    start, so no period; a target "до 2030 года" keeps its year."""
    # a change or target "до 2030 года" keeps its year
    return d.kind == "by" and f.kind in STATE_KINDS and bool(_UNTIL.match(text[d.char_start : d.char_end]))


_RIGHT_AFTER = re.compile(r"\s*(?:в|на|за)?\s*", re.I)  # "с 3,2% в 2016 году до 2,8%": the value's own year


def _open(text: str, f: FigureFact, d: DateFact, periods: list[DateFact]) -> bool:
    """A from-value or a state since a year (`periods.open_value`) without a date of its own right
    after it or a range it opens (`_from_to`)."""
    own = (
        d.kind == "range"
        or d.char_start >= f.char_end
        and _RIGHT_AFTER.fullmatch(text, f.char_end, d.char_start)
    )
    return not own and open_value(text, f, periods)


def previous_sentence_date(
    text: str, f: FigureFact, periods: list[DateFact], sentences: Sentences
) -> DateFact | None:
    """The month, quarter or day named last in an earlier sentence of the page's section (no heading or
    caption between): a statistical bulletin's "В августе 2017г. …" sets the period of the sentences
    after it; not across another date named since ("так в период 2008 – 2015 гг. …") or from an aside
    in brackets ("(на IV квартал 2015 г. – 10951 руб.)")."""
    here = sentences.around(f.char_start)
    start = here[0] if here else f.char_start
    earlier = [
        d for d in periods
        if d.char_end <= start and d.confidence > Confidence.INFERRED and not in_aside(text, d, 0)
        and not section_break(text, d.char_end, start) and not versus_value_date(text, d)
    ]  # fmt: skip
    last = earlier[-1] if earlier else None
    if last is None or not (last.kind == "point" or _year_to_date(last)):
        return None
    bounds = sentences.around(last.char_start)
    if bounds is not None and tells_event(text, bounds, last):
        return None  # "В июле 2018 года … начато строительство …": an event's month
    if last.precision == "day" and "\n" in text[last.char_end : start]:
        return None  # "На 01.01.2016 года число хозяйств … 218": a stock's day, only in its paragraph
    return last if last.precision in _FALLBACK_PRECISIONS else None


def _year_to_date(d: DateFact) -> bool:
    """ "за январь-июль 2017г.": one reporting period from January, not a span between two months."""
    return d.precision == "month" and d.start[:4] == d.end[:4] and d.start[5:7] == "01"


def _split_range(f: FigureFact, d: DateFact) -> None:
    """A change over a range ("за 2010 - 2018 гг. рост в 6 раз") is stated for the range's last
    unit, against its first unit as the base."""
    first = _compact(d.start, d.precision)
    f.period_start, f.period_end = _unit_start(d.end, d.precision), d.end
    f.base_period = f.base_period or first


_FROM_NUMBER = re.compile(r"\bс\s+(?:\d|$)", re.I)  # "с 186,5 до 243,7": the value a change starts from
_TO_NUMBER = re.compile(r"\bдо\s+(?:\d|$)", re.I)  # … and the value it reaches


def _from_to(text: str, f: FigureFact, d: DateFact) -> None:
    """ "(с 2005 по 2015 г.) … увеличилась с 186,5 до 243,7 млн": the value after "с" is the range's
    first unit's, the value after "до" its last unit's; "в январе-июне 2017 года … снизился с 20,5 до
    18,2" is one reporting period (`_year_to_date`): the value after "до" is its, the one after "с"
    (the same months a year before) has no period stated."""
    before = text[max(0, f.char_start - len(" до ")) : f.char_start + len("до ")]  # "до" may open the quote
    if _year_to_date(d) and d.char_end <= f.char_start and _FROM_NUMBER.search(before):
        put_period(f)  # the months before the figure are the sentence's period, not the from-value's
        return
    if _year_to_date(d):
        return
    if _TO_NUMBER.search(before):
        f.period_start, f.period_end = _unit_start(d.end, d.precision), d.end
    elif _FROM_NUMBER.search(before):
        f.period_start, f.period_end = d.start, _unit_end(d.start, d.precision)
    else:
        return
    f.period = f.period_start[: len("2005")] if d.precision == "year" else f.period


def _unit_end(iso_start: str, precision: str) -> str:
    """Last day of the calendar unit that starts on `iso_start` (a year's, quarter's or month's)."""
    import calendar

    year, month = int(iso_start[:4]), int(iso_start[5:7])
    if precision == "year":
        return f"{year}-12-31"
    last = month + _QUARTER_MONTHS - 1 if precision == "quarter" else month
    if precision not in ("quarter", "month"):
        return iso_start
    return f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"


def _unit_start(iso_end: str, precision: str) -> str:
    """First day of the calendar unit that ends on `iso_end`."""
    if precision == "quarter":
        month = (int(iso_end[5:7]) - 1) // _QUARTER_MONTHS * _QUARTER_MONTHS + 1
        return f"{iso_end[:4]}-{month:02d}-01"
    if precision == "month":
        return iso_end[:8] + "01"
    return iso_end if precision == "day" else iso_end[:4] + "-01-01"


def _base(text: str, f: FigureFact, bases: list[DateFact], bounds: tuple[int, int]) -> str | None:
    """The figure's comparison base: one its own parenthesis states first ("… в 2018 году (6,2% по
    сравнению с уровнем предыдущего года)"), then one its sentence states (also a relative one
    for a parenthesis without a period of its own: "по сравнению с прошлым годом снизилась на 11
    человек (на 12,8%)")."""
    own = _parenthesis(text, f, bounds)
    found = _base_period(text, f, bases, own) or relative_base(text, f, bounds)
    if found or own == bounds:
        return found
    dated = f.period_from is not None and own[0] <= f.period_from < own[1] or f.base_period is not None
    return _base_period(text, f, bases, bounds) or (
        None if dated else relative_base(text, f, bounds, outside=True)
    )


def _parenthesis(text: str, f: FigureFact, bounds: tuple[int, int]) -> tuple[int, int]:
    """The bounds of the parenthesis the figure stands in, else `bounds`."""
    opened = text.rfind("(", bounds[0], f.char_start)
    if opened < 0 or text.rfind(")", bounds[0], f.char_start) > opened:
        return bounds
    closed = text.find(")", f.char_end, bounds[1])
    return (opened + 1, closed) if closed >= 0 else bounds


# "составило 47,0 %, что на 10,9 % выше уровня 2015 года": the base of 10,9 %, not of 47,0 %
# "составила 85%, рост к уровню 2014 года составил 44,5%": the base of 44,5 %, after it in its clause
_LATER_FIGURE = re.compile(r"[^,;:()]*?(?<![\d,])\d(?!\d{3}\s*(?:г\.|гг|год))")  # a number, not a year


def _later_figures(text: str, f: FigureFact, d: DateFact, end: int) -> bool:
    """A base after a comma after the figure that a later figure of the clause takes."""
    return "," in text[f.char_end : d.char_start] and _LATER_FIGURE.match(text, d.char_end, end) is not None


_OTHER_COMPARED = re.compile(rf"\d[^,;]*?\b(?:{'|'.join(lexicon.COMPARATIVES)})\b", re.I)


def _base_period(text: str, f: FigureFact, bases: list[DateFact], bounds: tuple[int, int]) -> str | None:
    direct = [
        d
        for d in bases
        if d.char_start >= f.char_end and _DIRECT_BASE.match(text[f.char_end : d.char_start] + " к")
    ]
    inside = [d for d in bases if bounds[0] <= d.char_start and d.char_end <= bounds[1]]
    inside = [d for d in inside if not _CLAUSE_BREAK.search(_between(text, f, d)) or _list_base(text, f, d)]
    inside = [d for d in inside if not _OTHER_COMPARED.search(text, f.char_end, d.char_start)]
    inside = [d for d in inside if d.char_end <= f.char_start or not _later_figures(text, f, d, bounds[1])]
    after = [d for d in inside if d.char_start >= f.char_end]
    chosen = (direct or after or inside[-1:] or [None])[0]
    return base_iso(text, chosen, f) if chosen is not None else None


_ITEM_DASH = re.compile(r"[–—-]\s*(?:в\s+)?$")  # "индекс промышленного производства – 109,0%", "– в 1,7 раз"


def _list_base(text: str, f: FigureFact, d: DateFact) -> bool:
    """A base before the colon of a list ("дали рост по сравнению с 2015 годом: индекс промышленного
    производства – 109,0%, …") is that of its items "name – figure"."""
    colon = text.rfind(":", d.char_end, f.char_start)
    return colon >= 0 and bool(_ITEM_DASH.search(text, colon, f.char_start))


_INDEX_WORD = re.compile(rf"\b(?:{'|'.join(lexicon.INDEX_NOUNS)})", re.I)


def _compared(text: str, f: FigureFact, bounds: tuple[int, int]) -> bool:
    """Whether a figure can have a comparison base: a change, an index ("составил 99,5%", a forecast
    one: "индекс … составит 101,1% к предыдущему году, в 2019 г. – 101,4%") or a difference ("меньше,
    чем в июле 2016г. на 835 тыс.")."""
    forecast = f.kind == "target" and _INDEX_WORD.search(text, bounds[0], f.char_start) is not None
    index = f.unit == "PERCENT" and (f.kind == "level" or forecast)
    difference = _DIFFERENCE.search(text[max(0, f.char_start - len(" на ")) : f.char_start])
    return f.kind in CHANGE_KINDS or index or bool(difference)


def _between(text: str, f: FigureFact, d: DateFact) -> str:
    return text[d.char_end : f.char_start] if d.char_end <= f.char_start else text[f.char_end : d.char_start]


def _set_subject(
    text: str, f: FigureFact, bounds: tuple[int, int], named: tuple, sentences: Sentences, pairs: list
) -> None:
    """The figure's territory or organization (`subjects`); `named`: its sentence's, `pairs`: the
    page's figures about a pair so far."""
    set_subject(text, f, bounds, *named)
    if f.subject_type is None:  # the project's organization on its line, else the sentence before's
        project_owner(text, f, bounds, named, sentences.after(bounds[1]))
    if f.subject_type is None:
        previous_org(text, f, bounds, named, sentences.before(bounds[0]))
    referred_company(text, f, bounds, named)
    mutual_pair(text, f, bounds, pairs)


ORGANIZATION_DOCUMENT_SHARE = 0.25  # share of its figures an organization's that makes a document a firm's
ORGANIZATION_DOCUMENT_MIN = 3  # … and at least so many


def _about_organizations(rows: list[dict]) -> bool:
    """A document about firms (news of a deal, a company's results): a quarter or more of its figures
    are an organization's; its figures that name no one are no territory's."""
    orgs = sum(r.get("subject_type") == "org" for r in rows)
    return orgs >= max(ORGANIZATION_DOCUMENT_MIN, ORGANIZATION_DOCUMENT_SHARE * len(rows))


def apply_document_territory(
    rows: list[dict], texts: Sequence[str], pages: Mapping[int, str] | None = None
) -> None:
    """Figure rows without a subject take the document's territory (a strategy's region, a
    district's programme's municipality; its country for a country's measure before the figure,
    "темп роста ВВП"); in a document about several, the last country named before them in their
    paragraph (`pages`: page number → text). A municipality a figure names takes the document's
    federal subject as its code.

    `texts`: the title, then the pages; the first few pages decide. A document about firms
    (`_about_organizations`) gives no territory."""
    from pipeline.extract.subjects import paragraph_country
    from pipeline.extract.territories import document_territory, national_subject

    if not any(_unnamed(r) for r in rows) or _about_organizations(rows):
        return
    default = document_territory(list(texts)[: 1 + _DOCUMENT_PAGES])
    for r in rows:
        if r.get("subject_type") == "municipality" and r.get("subject_code") is None and default is not None:
            r["subject_code"] = default.region  # it lies in the federal subject the document names
        t = national_subject(_lead(r), default)  # "темп роста ВВП" is the country's
        t = t or (paragraph_country(dict(pages), r["page"], r["char_start"]) if pages else None)
        if t is not None and _unnamed(r):
            r.update(subject=t.name, subject_code=t.iso, subject_type=t.type)


def apply_document_indicator(rows: list[dict], title: str | None) -> None:
    """Figure rows in money or multiples that name no indicator take the one the document's title
    is about (`indicators.topic_indicator`): in an export strategy, "наибольший объем продукции был
    поставлен … в Словакию (203 млн. долл. США)" and "увеличивался ежегодно в среднем в 3,64 раза"
    are export, and so is a partner country's share ("доля Украины составляет 76,3%"). Other shares
    and counts keep their own (a share of the workforce is no export)."""
    from pipeline.extract.indicators import topic_indicator, unit_class
    from pipeline.extract.measures import partner_share

    topic = topic_indicator(title) if any(r.get("indicator") is None for r in rows) else None
    if topic is None:
        return
    for r in rows:
        topical = unit_class(r.get("unit")) in _TOPIC_UNITS or partner_share(r.get("measure"))
        if r.get("indicator") is None and topical:
            r["indicator"] = topic.id


_TOPIC_UNITS = frozenset({"money", "times"})


def _lead(row: dict) -> str:
    """The row's sentence up to its quote."""
    sentence, quote = str(row.get("sentence") or ""), " ".join(str(row.get("quote") or "").split())
    return sentence[: sentence.find(quote)] if quote and quote in sentence else sentence


def _unnamed(row: dict) -> bool:
    """A row that names no territory or organization and could have one (not a dataset's size nor a
    count of a method's units: "27 признаков"; not a deal's price nor a stake, which are an
    organization's, never a territory's: "цена продажи", "доля акций")."""
    named = row.get("subject_code") is not None or row.get("subject_type") in ("org", "group", "municipality")
    artefact = lexicon.unit_kind(row.get("unit")) in lexicon.ARTEFACT_UNIT_KINDS
    held = names_deal(row.get("measure")) or names_stake(row.get("measure"))
    return not named and not artefact and not held and row.get("counted") not in lexicon.METHOD_COUNTED_NOUNS
