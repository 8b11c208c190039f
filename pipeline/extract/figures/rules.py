"""What is not a figure, as named rules: each has a predicate over a read-only `FigureContext` and a
positive and a negative example (the candidate in curly braces; tests/test_rules.py runs them).

`NOT_A_FIGURE` applies to every candidate; `NOT_A_BARE_FIGURE` only to numbers without a unit, which
may still become counts ("их общее число составляет 2543") and so are filtered before linking.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from pipeline import lexicon
from pipeline.extract.facts import DateFact, FigureFact
from pipeline.extract.figures.scan import _MONTHS
from pipeline.extract.figures.words import _WORD, ON_BEFORE, _as_word, _Word
from pipeline.extract.skeleton import Rule, first_rejecting

BEFORE_CHARS, AFTER_CHARS = 30, 20  # context the rules read around a candidate
PHONE_REACH = 20  # characters around a candidate searched for a phone number
BRACKET_REACH = 40  # characters searched for the brackets of a reference list "[9, 10]"
LINK_REACH = 40  # characters after a number searched for a reference's link
YEARS = (1800, 2100)  # a bare integer in this range is a year
FOOTNOTE_MAX = 100  # footnote markers are small numbers
ROW_NUMBERS = 3  # a line with this many numbers (and no more words) is a row of a table

_PHONE = re.compile(r"\+\d[\d\s()-]{9,16}\d|\(\d{3,5}\)\s?\d{1,3}-\d{2}-\d{2}")
_REF_BEFORE = re.compile(
    r"(?:\b(?i:" + "|".join(lexicon.REFERENCE_ABBRS) + r")\.|№|\bN"
    r"|\b(?:(?i:"  # any case: "статьей 3", "СТАТЬЕЙ 3 ЗАКОНА" in a heading set in capitals
    + "|".join(f"{w}\\w*" for w in lexicon.REFERENCE_STEMS)
    + r")|Table|Figure|ISO|ГОСТ|"
    + "|".join(lexicon.CODE_LABELS)
    + r"))\s*$"
)
_LATIN_CODE_BEFORE = re.compile(r"\b[A-Z]{2,}\s*$")  # "PMBOK 6", "GPL 2": a label's number


def _scaled_money(f: FigureFact) -> bool:
    """An amount of money with a scale word ("8 млрд долларов") is a figure after any name."""
    return f.unit in lexicon.CURRENCIES and f.unit_mult > 0


_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")[а-я]*\s*$", re.I)
_MONTH_AFTER = re.compile(r"-|\s*(?:" + _MONTHS + ")", re.I)
_NUMBER_TOKEN = re.compile(r"(?<![\w.,])[-−]?\d+(?:[.,]\d+)?(?![\w])")
_LONG_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]{3,}")
_SPAN_WORDS = set(lexicon.TIME_NOUNS) | {"раз"}
_RATE_AFTER = re.compile(  # "на 1 000 человек", "зеркала воды на 10 тыс. чел.", "в расчете на 1 жителя"
    r"\s*(?:[А-Яа-яЁё]+\s+){0,3}?(?:в\s+расч[её]те\s+)?на\s+1(?:0+|\s?000)?\s*(?:тыс\.?\s*)?"
    r"(?!(?:" + _MONTHS + r"))[А-Яа-яЁё]",  # not a date: "1198 голов на 1 июля"
    re.I,
)
_RATE_BASE = re.compile(
    r"(?:\d[^\d]{0,20}?|\bв\s+(?:расч[её]те|среднем)\s+|\(\s*(?:[А-Яа-яЁё.]+\s+){0,4})\bна\s*$", re.I
)  # "14,5 умерших на", "в расчете на", a unit in brackets: "(мест на", "(число посещений за смену на"
_CHANGE_WORDS = {*lexicon.CHANGE_VERBS, *lexicon.CHANGE_NOUNS}
_HEADING = re.compile(r"\s*(?:[А-ЯЁA-Z]\w*|[\d\s.]*)\s*")


@dataclass(frozen=True)
class FigureContext:
    """A candidate figure with the text and dates around it; rules read it and never change it."""

    text: str
    fact: FigureFact
    dates: tuple[DateFact, ...] = ()

    @cached_property
    def before(self) -> str:
        return self.text[max(0, self.fact.char_start - BEFORE_CHARS) : self.fact.char_start]

    @cached_property
    def after(self) -> str:
        return self.text[self.fact.char_end : self.fact.char_end + AFTER_CHARS]

    @cached_property
    def line_start(self) -> int:
        return self.text.rfind("\n", 0, self.fact.char_start) + 1

    @cached_property
    def line(self) -> str:
        end = self.text.find("\n", self.fact.char_end)
        return self.text[self.line_start : end if end >= 0 else len(self.text)]

    @property
    def bare(self) -> bool:
        return self.fact.unit is None


def _in_date(c: FigureContext) -> bool:
    return any(d.char_start < c.fact.char_end and c.fact.char_start < d.char_end for d in c.dates)


def _in_phone(c: FigureContext) -> bool:
    f = c.fact
    near = _PHONE.search(c.text, max(0, f.char_start - PHONE_REACH), f.char_end + PHONE_REACH)
    return bool(near and near.start() <= f.char_start and f.char_end <= near.end())


def _in_reference_list(c: FigureContext) -> bool:
    """Inside a reference list like "[9, 10]" or "[2-6]"."""
    pos = c.fact.char_start
    left = c.text.rfind("[", max(0, pos - BRACKET_REACH), pos)
    if left < 0 or "]" in c.text[left:pos]:
        return False
    right = c.text.find("]", pos, pos + BRACKET_REACH)
    return right >= 0 and re.fullmatch(r"[\d\s,;–—-]*", c.text[left + 1 : right]) is not None


def _number_row(c: FigureContext) -> bool:
    numbers = len(_NUMBER_TOKEN.findall(c.line))
    return numbers >= ROW_NUMBERS and numbers >= len(_LONG_WORD.findall(c.line))


def _bare_year(c: FigureContext) -> bool:
    v = c.fact.value
    return YEARS[0] <= v <= YEARS[1] and v.is_integer() and not re.match(r"\s+[а-яё]", c.after)


def _next_lemma(after: str) -> str:
    m = re.match(r"[\s-]*([А-Яа-яЁё]+)", after)
    return "" if m is None else "лет" if m.group(1).lower() == "лет" else _Word(0, 0, m.group(1)).lemma


def _heading_number(c: FigureContext) -> bool:
    prefix = c.text[c.line_start : c.fact.char_start]
    return bool(_HEADING.fullmatch(prefix) and re.match(r"\.\s+[А-ЯЁA-Z]", c.after))


def _footnote_after_quote(c: FigureContext) -> bool:
    closed = re.search(r"[»\")”]\s*$", c.before)
    return bool(closed and c.fact.value < FOOTNOTE_MAX and re.match(r"\s*[.,;:\n]|$", c.after))


def _section_number(c: FigureContext) -> bool:
    return bool(re.match(r"\d+\.\d+\.", c.text[c.fact.char_start : c.fact.char_end + 1]))


def _rate_base(c: FigureContext) -> bool:
    """ "14,5 умерших на 1 000 человек", "0,15 кв. м на 1 человека", "в расчете на 1 жителя": a count
    of one or a power of ten after "на" that follows another number (or "в расчете/в среднем", or
    opens a bracket naming an indicator's unit: "обеспеченность врачами (на 10 тыс. чел.
    населения)", "(мест на 1000 детей дошкольного возраста)") is the base of a rate, not a figure;
    right after a change word it is one ("выросла на 1000 человек", "(рост на 100 человек)")."""
    f = c.fact
    if f.unit != "COUNT" or f.value <= 0 or not math.log10(f.value).is_integer():
        return False
    if not _RATE_BASE.search(c.before) and not _falls_per(c):
        return False
    words = re.findall(r"[А-Яа-яЁё]+", c.before)
    return len(words) < 2 or _Word(0, 0, words[-2]).lemma not in _CHANGE_WORDS  # the word before "на"


def _falls_per(c: FigureContext) -> bool:
    """ "на 10 браков приходится 6-7 разводов", "На 1 жителя приходится 25 кв. м": a count after "на"
    that a verb of falling to (`lexicon.SHARE_VERBS`) follows, then an amount that is no
    percentage, is what that amount is per."""
    if not ON_BEFORE.search(c.before):
        return False
    m = _WORDS_TO_AMOUNT.match(c.after)
    falls = m is not None and any(_Word(0, 0, w).lemma in lexicon.SHARE_VERBS for w in m.group(1).split())
    return falls and not m.group(2).lstrip().startswith("%")


_WORDS_TO_AMOUNT = re.compile(r"((?:\s+[А-Яа-яЁё]+){1,5}?)\s+\d[\d\s,.–-]*([^\d\s]?)")


def rate_base_after(text: str, end: int) -> bool:
    """A rate base follows the figure ending at `end`: "14,5 умерших на 1 000 человек", "51,6 кв. м
    зеркала воды на 10 тыс. чел."; the figure is a rate."""
    return bool(_RATE_AFTER.match(text, end))


def _counts_a_territory(c: FigureContext) -> bool:
    """A number before a country's name counts nothing: a table row read as text ("4428 США")."""
    from pipeline.extract.territories import resolve_territory

    f = c.fact
    if f.unit != "COUNT" or not f.counted:
        return False
    noun = c.text[f.char_start : f.char_end].split()[-1]
    return noun[:1].isupper() and resolve_territory(noun) is not None


_DASHED_COUNT = re.compile(r"[\d\s.,]*\d(?:\s*[–—]|\s+[-‐])\s*[А-Яа-яЁё]")  # not "5-ти", "бизнес-инкубатора"
_SUBSET_BEFORE = re.compile(r"(?:^|[\s,;(])" + lexicon.subset_opener_pattern() + r"\s*$", re.I)


def _dashed_count_outside_subset(c: FigureContext) -> bool:
    """ "из них 15 - несовершеннолетних" counts the noun after the dash; elsewhere a dash ends the
    figure ("Задача 1 – повышение ...")."""
    f = c.fact
    if f.unit != "COUNT" or not f.counted:
        return False
    quote = c.text[f.char_start : f.char_end]
    dashed = _DASHED_COUNT.match(quote)
    return dashed is not None and not _SUBSET_BEFORE.search(c.before)


def _modifier_count(c: FigureContext) -> bool:
    """A count of an adjective or participle that modifies the noun after it is no count of people
    ("за 5 последних лет"), nor is a fraction of them ("14,5 умерших на 1 000 человек" is a rate);
    a whole number of them alone stands for them ("1520 обучающихся")."""
    f = c.fact
    if f.unit != "COUNT" or not f.counted:
        return False
    counted = re.findall(r"[А-Яа-яЁё]+", c.text[f.char_start : f.char_end])
    last = _Word(0, 0, counted[-1]) if counted else None
    if last is None or not (last.has("ADJF") or last.has("PRTF")):
        return False
    after = re.match(r"\s*([А-Яа-яЁё]+)", c.after)
    if after is not None and _Word(0, 0, after.group(1)).has("NOUN"):
        return True
    return not f.value.is_integer() and not rate_base_after(c.text, f.char_end)  # a rate stays


def _ordinal_by_agreement(c: FigureContext) -> bool:
    """ "с 6 уровнем детализации", "2 пусковой комплекс", "на 24 месте": a counted noun in a singular
    case other than the genitive after a number not ending in 1 makes it an ordinal written in
    digits, not a count ("6 знаков", "2 комплекса", "на 5 предприятиях", "21 день", "4-х этапную
    систему" are counts; so is a genitive singular after 5, a slip of the source's: "5 хозяйствующих
    субъекта")."""
    f = c.fact
    if f.unit != "COUNT" or not f.counted or f.unit_mult or f.value_max or not f.value.is_integer():
        return False
    n = int(f.value)
    after = _AFTER_NUMBER.search(c.text, f.char_start, f.char_end)
    if n % 10 == 1 and n % 100 != 11 or after is None or after.group(1):
        return False  # "4-х": the numeral's own case ending
    words = [_as_word(m) for m in _WORD.finditer(after.group(2)) if m.group()[:1].isalpha()]
    noun = next((w for w in words if w.has("NOUN")), None)
    if noun is None or noun.text[:1].isupper():
        return False
    forms = [p.tag for p in noun.tags if p.tag.POS == "NOUN"]
    if any("Fixd" in t or "Abbr" in t for t in forms):
        return False
    return not any(t.number == "plur" or t.case in ("gent", "gen2") for t in forms)


_AFTER_NUMBER = re.compile(r"\d(-[а-яё]+)?((?:\s+[^\d\s]+)+)\s*$", re.I)  # the words after the number


NOT_A_FIGURE: tuple[Rule[FigureContext], ...] = (
    Rule("inside_date", _in_date, "Китай с {2010} г. является партнером", "выручка {2010 млн руб.} за год"),
    Rule("inside_phone", _in_phone, "телефон +7 (495) {123}-45-67", "выручка {123 млн руб.} в год"),
    Rule(
        "year_after_month",
        lambda c: bool(_MONTH_BEFORE.search(c.before)),
        "opened on 1 December {2019}",
        "в сумме {2019 млн руб.}",
    ),
    Rule(
        "reference_label",
        lambda c: bool(_REF_BEFORE.search(c.before)) and not _SUBSET_BEFORE.search(c.before),  # "в т.ч. 12"
        "ПРЕДУСМОТРЕННЫХ ПУНКТОМ {6} СТАТЬИ 1",
        "как показано на {3 рисунках} ниже",
    ),
    Rule(
        "after_latin_code",
        lambda c: (
            bool(_LATIN_CODE_BEFORE.search(c.before))
            and not _scaled_money(c.fact)
            and not _SUBSET_BEFORE.search(c.before)
        ),
        "по стандарту PMBOK {6} издания",
        "вложила в ТНК-BP {8 млрд долларов США}",
    ),
    Rule("reference_list", _in_reference_list, "при участии АТУРК [{9}, 10].", "около {9 млн руб.} [10]."),
    Rule(
        "rate_base",
        _rate_base,
        "снизится до 14,5 умерших на {1 000 человек} населения",
        "численность выросла на {1 000 человек}",
    ),
    Rule(
        "counts_a_territory",
        lambda c: _counts_a_territory(c),
        "Франция 1182 {4428 США} 3780",
        "{17 технопарков}",
    ),
    Rule(
        "dashed_count_outside_subset",
        _dashed_count_outside_subset,
        "Задача {1 – повышение} доступности услуг",
        "всего 240 детей, из них {15 - несовершеннолетних}",
    ),
    Rule(
        "ordinal_by_agreement",
        _ordinal_by_agreement,
        "единиц товаров по ТНВЭД (с {6 уровнем} детализации)",
        "на уровне {6 знаков} кодов ТН ВЭД",
    ),
    Rule(
        "modifier_count",
        _modifier_count,
        "за {5 последних} лет построено",
        "в школах обучается {1520 обучающихся}",
    ),
)

NOT_A_BARE_FIGURE: tuple[Rule[FigureContext], ...] = (
    Rule(
        "line_start",
        lambda c: c.bare and not c.text[c.line_start : c.fact.char_start].strip(),
        "конец страницы\n{64} \n",
        "всего {64}, из которых",
    ),
    Rule(
        "contents_page",
        lambda c: c.bare and bool(re.search(r"[.…]{2,}\s*$|\b(?:[CcPp]|pp|Paper|Vol)[.:]\s*$", c.before)),
        "Анализ ....... {33}",
        "Анализ показал {33}, а",
    ),
    Rule(
        "angle_footnote",
        lambda c: c.bare and c.before.endswith("<") and c.after.startswith(">"),
        "в мировую экономику <{14}>.",
        "в мировую экономику {14}.",
    ),
    Rule(
        "before_link",
        lambda c: c.bare and bool(re.search(r"https?://|doi", c.text[c.fact.char_end :][:LINK_REACH], re.I)),
        "Cities, {97}, 102523. https://doi.org/10.1016",
        "всего {97}, остальные",
    ),
    Rule(
        "section_number",
        lambda c: c.bare and _section_number(c),
        "подробнее в {2.2}. Развитие",
        "итог {2.2}, а",
    ),
    Rule(
        "reference_pages",
        lambda c: c.bare and bool(re.search(r"\d\s*\(\d+\),\s*$|\)[,:]\s*$", c.before)),
        "Economics, 40(5), {49—73}.",
        "значения {49—73}, а",
    ),
    Rule(
        "volume_issue",
        lambda c: c.bare and bool(re.match(r"\(\d", c.after)),
        "Geograficheskaya, {85}(4), 485–499.",
        "всего {85} (около)",
    ),
    Rule(
        "bracketed_label",
        lambda c: c.bare and bool(re.search(r"\(\s*$", c.before) and re.match(r"\s*\)", c.after)),
        "уравнение ({1}) показывает",
        "уравнение {1} показывает",
    ),
    Rule("number_row", lambda c: c.bare and _number_row(c), "12 15 {17} 21", "их было {17}, а стало больше"),
    Rule(
        "day_or_case_ending",
        lambda c: c.bare and bool(_MONTH_AFTER.match(c.after)),
        "встреча {20} декабря",
        "ровно {20}, и",
    ),
    Rule(
        "day_of_month",
        lambda c: c.bare and bool(re.match(r"\s*числа\b", c.after, re.I)),
        "до {10} числа следующего месяца",
        "их {10}, число растет",
    ),
    Rule("bare_year", lambda c: c.bare and _bare_year(c), "{2005} Науки о жизни", "составило {1500} и"),
    Rule(
        "duration",
        lambda c: c.bare and _next_lemma(c.after) in _SPAN_WORDS,
        "за последние {13} лет",
        "последние {13} из",
    ),
    Rule(
        "heading_number",
        lambda c: c.bare and _heading_number(c),
        "Выводы {1}. Развитие",
        "в итоге {1}. Развитие",
    ),
    Rule(
        "footnote_after_quote",
        lambda c: c.bare and _footnote_after_quote(c),
        "«Стратегия до 2020 года» {3}.",
        "«Стратегия» {300}.",
    ),
    Rule(
        "after_latin_word",
        lambda c: c.bare and bool(re.search(r"[A-Za-z]\s*$", c.before)),
        "по Porter {5} отмечает",
        "по Портеру {5} отмечает",
    ),
)

RULES = NOT_A_FIGURE + NOT_A_BARE_FIGURE


def keep(text: str, f: FigureFact, dates: list[DateFact]) -> bool:
    """Whether no rule rejects a candidate figure."""
    return first_rejecting(RULES, FigureContext(text, f, tuple(dates))) is None


def example_context(text: str, start: int, end: int) -> FigureContext:
    """The context of the candidate the scanner finds at text[start:end] (tests of the examples)."""
    from pipeline.extract.dates import extract_dates
    from pipeline.extract.figures.scan import _scan
    from pipeline.extract.numbers import parse_number

    found = [f for f in _scan(text, 0, []) if (f.char_start, f.char_end) == (start, end)]
    fact = found[0] if found else FigureFact(start, end, parse_number(text[start:end]) or 0.0, None)
    return FigureContext(text, fact, tuple(extract_dates(text)))
