"""yargy grammar for Russian date expressions, in the style of natasha's `grammars/date.py`.

Small named rules interpret into two facts: `Point` (one calendar unit: a day, month, quarter,
half-year, year, decade or century; missing fields are filled later) and `Date` (one or two
points plus the preposition, part-of-period word and title that frame them). The grammar works
on a plain (morphology-free) tokenizer: word forms are listed explicitly, which keeps parsing
fast and avoids lemma collisions such as "лет" → "год".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from yargy import and_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import custom, eq, in_caseless, is_capitalized
from yargy.predicates import type as token_type
from yargy.tokenizer import EOL, Tokenizer

from pipeline.lexicon import DATE_PARTS, NUMBER_WORD_FORMS, NUMBER_WORDS, SEASONS, month_forms

__all__ = ["DATE", "Date", "Point", "TOKENIZER", "ordinal_value", "roman_value"]

Point = fact(
    "Point", ["day", "month", "year", "tail", "quarter", "half", "months", "decade", "century", "season"]
)  # tail: the two last digits of a range's end year ("1990–95"); months: "за 9 месяцев 2015 года",
# the months of the year from January; season: a season's word ("осенью 2010 года")
Date = fact("Date", ["first", "last", "prep", "part", "title", "pair", "cited"])
# pair: two bare years joined by "-" or "/" ("2017/2018"), accepted only when consecutive
# cited: a bare year closing a source caption ("Source: Rosstat, 2018"), checked by the extractor

TOKENIZER = Tokenizer().remove_types(EOL)

INT, RU, LATIN = token_type("INT"), token_type("RU"), token_type("LATIN")
DOT, DASH, COMMA, SLASH = eq("."), eq("-"), eq(","), eq("/")
OPEN, CLOSE = eq("("), eq(")")


def _forms(stem: str, endings: Iterable[str]) -> set[str]:
    return {stem + ending for ending in endings}


CASES = ("nomn", "gent", "datv", "ablt", "loct")
MONTH_CASES: dict[str, dict[str, int]] = month_forms()
MONTHS = {form: number for forms in MONTH_CASES.values() for form, number in forms.items()}

YEAR_SG = {"год", "года", "году", "годом", "годе"}
YEAR_PL = {"годы", "годов", "годам", "годами", "годах"}
CENTURY_FORMS = _forms("век", ("", "а", "у", "ом", "е", "ов", "ам", "ами", "ах"))
QUARTER_FORMS = _forms("квартал", ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"))
HALF_FORMS = _forms("полугоди", ("е", "я", "ю", "ем", "и", "й", "ям", "ях"))
HALF_NOUN_FORMS = _forms("половин", ("а", "ы", "е", "у", "ой"))  # "в первой половине 2014 года"
MONTHS_FORMS = {"месяц", "месяца", "месяцев", "месяцах", "месяцам", "мес"}
FIRST_FORMS = {"первые", "первых", "первым", "первыми"}  # "за первые два месяца 2014 года"
ORDINAL_SUFFIXES = {"й", "го", "м", "ом", "ый", "ого", "ой", "я", "е", "х", "ым", "ая", "ое"}
DECADE_SUFFIXES = {"е", "х", "ми", "ые", "ых", "ыми"}
CASE_SUFFIXES = {"м", "й", "го", "ом", "ого", "му", "ым"}  # "1890-м" decade, "2007-м" year
ORDINAL_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4}

SINCE = {"с", "со", "после", "начиная", "since"}
BY = {"к", "до", "по", "by", "until"}
CONTEXT = {"в", "во", "на", "за", "от", "около", "in", "during"}
PARTS = DATE_PARTS


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral up to XXX (I, IV, XXI ...), else None."""
    values = {"I": 1, "V": 5, "X": 10}
    text = text.upper()
    if not text or any(c not in values for c in text) or len(text) > 6:
        return None
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = values[char]
        total += -value if values.get(following, 0) > value else value
    return total if 0 < total <= 30 else None


def count_value(text: str) -> int | None:
    """The value of a small cardinal word ("два", "пяти"), else None."""
    text = text.lower()
    value = NUMBER_WORDS.get(NUMBER_WORD_FORMS.get(text, text))
    return int(value) if value is not None and value == int(value) else None


def ordinal_value(text: str) -> int | None:
    """1..4 for an ordinal word such as "первом", "четвёртого", else None."""
    text = text.lower()
    for stem, value in ORDINAL_STEMS.items():
        if text.startswith(stem) and len(text) - len(stem) <= 4:
            return value
    return None


def number(low: int, high: int, *lengths: int) -> custom:
    """An INT token of one of the given lengths whose value lies in [low, high]."""
    return custom(lambda v: len(v) in lengths and low <= int(v) <= high, types="INT")


def _words(forms: Iterable[str]) -> in_caseless:
    return in_caseless(set(forms))


def _decade(value: str) -> bool:
    return int(value) % 10 == 0


def _one_of(convert: Callable[[str], int | None], low: int, high: int, types: str) -> custom:
    return custom(lambda v: (convert(v) or 0) in range(low, high + 1), types=types)


# --- single tokens ----------------------------------------------------------------------------

DAY = number(1, 31, 1, 2).interpretation(Point.day.custom(int))
DAY2 = number(1, 31, 2).interpretation(Point.day.custom(int))
MONTH_NUM = number(1, 12, 1, 2).interpretation(Point.month.custom(int))
MONTH2 = number(1, 12, 2).interpretation(Point.month.custom(int))


def _month(*cases: str) -> object:
    """A month name in one of the given cases ("en": an English name, capitalized)."""
    forms = _words({form for case in cases if case != "en" for form in MONTH_CASES[case]})
    if "en" in cases:
        forms = or_(forms, and_(_words(MONTH_CASES["en"]), is_capitalized()))
    return forms.interpretation(Point.month.custom(lambda v: MONTHS[v.lower()]))


MONTH_NAME = _month(*CASES, "en")
MONTH_GEN = _month("gent", "en")  # "20 декабря", "в начале января", "1 December"
YEAR = number(1000, 2100, 4).interpretation(Point.year.custom(int))
YEAR_SHORT = number(0, 99, 2).interpretation(
    Point.year.custom(lambda v: int(v) + (2000 if int(v) <= 40 else 1900))
)
BARE_YEAR = number(1800, 2100, 4).interpretation(Point.year.custom(int))

G = rule(_words({"г"}), DOT.optional())
GG = rule(_words({"гг"}), DOT.optional())
YEAR_WORD = or_(rule(_words(YEAR_SG | YEAR_PL)), G, GG)
YEARS_WORD = or_(rule(_words(YEAR_PL)), GG)
ORD_SUFFIX = rule(DASH, _words(ORDINAL_SUFFIXES)).optional()

# --- points -----------------------------------------------------------------------------------

FULL_DATE = rule(DAY, MONTH_GEN, YEAR, YEAR_WORD.optional())
DAY_MONTH = rule(DAY, MONTH_GEN)
MONTH_YEAR = rule(MONTH_NAME, YEAR, YEAR_WORD.optional())
NUMERIC_DATE = or_(
    rule(DAY, DOT, MONTH_NUM, DOT, or_(YEAR, YEAR_SHORT), YEAR_WORD.optional()),
    rule(DAY, SLASH, MONTH_NUM, SLASH, YEAR),
    rule(DAY, DASH, MONTH_NUM, DASH, YEAR),
)
ISO_DATE = rule(YEAR, DASH, MONTH2, DASH, DAY2)
EN_DATE = rule(_month("en"), DAY, COMMA.optional(), YEAR)  # "December 1, 2019"
YEAR_DATED = or_(
    rule(YEAR, YEAR_WORD),
    rule(YEAR, DASH, _words(CASE_SUFFIXES), _words(YEAR_SG)),
    rule(
        and_(number(1000, 2100, 4), custom(lambda v: not _decade(v))).interpretation(Point.year.custom(int)),
        DASH,
        _words(CASE_SUFFIXES),
    ),
    rule(number(100, 999, 3).interpretation(Point.year.custom(int)), _words({"году", "года"})),
)

DECADE_4 = and_(number(1000, 2100, 4), custom(_decade)).interpretation(Point.decade.custom(int))
DECADE_2 = and_(number(10, 90, 2), custom(_decade)).interpretation(
    Point.decade.custom(lambda v: 1900 + int(v))
)
DECADE_SUFFIX = or_(rule(_words(DECADE_SUFFIXES)), rule(_words(CASE_SUFFIXES)))
DECADE = or_(
    rule(DECADE_4, DASH, _words(DECADE_SUFFIXES), YEARS_WORD.optional()),
    rule(DECADE_4, DASH, _words(CASE_SUFFIXES), YEARS_WORD.optional()),
    rule(DECADE_2, DASH, DECADE_SUFFIX, YEARS_WORD),
)
SHORT_DECADE = rule(DECADE_2, DASH, _words(DECADE_SUFFIXES))  # "в 90-х", not "по 10-й"

CENTURY_NUMBER = or_(
    rule(_one_of(roman_value, 1, 21, "LATIN").interpretation(Point.century.custom(roman_value))),
    rule(number(1, 21, 1, 2).interpretation(Point.century.custom(int)), ORD_SUFFIX),
)
CENTURY = rule(CENTURY_NUMBER, or_(rule(_words(CENTURY_FORMS)), rule(_words({"в"}), DOT)))
CENTURIES = rule(
    CENTURY_NUMBER.interpretation(Point).interpretation(Date.first),
    DASH,
    CENTURY_NUMBER.interpretation(Point).interpretation(Date.last),
    or_(rule(_words(CENTURY_FORMS)), rule(_words({"вв"}), DOT.optional())),
)


def _period_number(attribute: object, high: int) -> object:
    """An ordinal 1..high written as I-IV, 1, 1-й or "первый", interpreted into `attribute`."""
    return or_(
        rule(_one_of(roman_value, 1, high, "LATIN").interpretation(attribute.custom(roman_value))),
        rule(number(1, high, 1).interpretation(attribute.custom(int)), ORD_SUFFIX),
        rule(_one_of(ordinal_value, 1, high, "RU").interpretation(attribute.custom(ordinal_value))),
    )


QUARTER_WORD = or_(rule(_words(QUARTER_FORMS)), rule(_words({"кв"}), DOT.optional()))
QUARTER = rule(_period_number(Point.quarter, 4), QUARTER_WORD, rule(YEAR, YEAR_WORD.optional()).optional())
HALF = rule(
    _period_number(Point.half, 2),
    or_(
        rule(_words(HALF_FORMS), rule(YEAR, YEAR_WORD.optional()).optional()),
        rule(_words(HALF_NOUN_FORMS), YEAR, YEAR_WORD.optional()),  # "первой половине 2014 года"
    ),
)

# "за 9 месяцев 2015 года", "5 мес. 2017 г.", "в первые два месяца 2014 года": the months of a year
# from January, its year stated
MONTH_COUNT = or_(
    number(1, 11, 1, 2).interpretation(Point.months.custom(int)),
    _one_of(count_value, 1, 11, "RU").interpretation(Point.months.custom(count_value)),
)
MONTHS_OF_YEAR = rule(
    _words(FIRST_FORMS).optional(),
    MONTH_COUNT,
    _words(MONTHS_FORMS),
    DOT.optional(),
    YEAR,
    YEAR_WORD.optional(),
)

# "осенью 2010 года", "летом 2012 г.": a season of a year (`lexicon.SEASONS`)
SEASON = rule(
    in_caseless(set(SEASONS)).interpretation(Point.season.custom(str.lower)), YEAR, YEAR_WORD.optional()
)

POINT = or_(
    FULL_DATE, DAY_MONTH, MONTH_YEAR, NUMERIC_DATE, ISO_DATE, EN_DATE, YEAR_DATED, DECADE, CENTURY,
    QUARTER, HALF, MONTHS_OF_YEAR, SEASON,
).interpretation(Point)  # fmt: skip
MONTH_ALONE = rule(MONTH_NAME).interpretation(Point)


def _alone(*cases: str) -> object:
    return rule(_month(*cases)).interpretation(Point).interpretation(Date.first)


# --- ranges -----------------------------------------------------------------------------------


def _first(*parts: object) -> object:
    return rule(*parts).interpretation(Point).interpretation(Date.first)


def _last(*parts: object) -> object:
    return rule(*parts).interpretation(Point).interpretation(Date.last)


YEAR_RANGE_TAIL = or_(
    _last(YEAR),
    _last(number(0, 99, 2).interpretation(Point.tail.custom(int))),
)
RANGE = or_(
    rule(_first(DAY), DASH, _last(DAY, MONTH_GEN, rule(YEAR, YEAR_WORD.optional()).optional())),
    rule(_first(DAY, MONTH_GEN), DASH, _last(or_(FULL_DATE, DAY_MONTH))),
    rule(_first(MONTH_NAME), DASH, _last(MONTH_NAME, YEAR, YEAR_WORD.optional())),
    rule(_first(MONTH_NAME, YEAR), DASH, _last(MONTH_NAME, YEAR, YEAR_WORD.optional())),
    rule(_first(YEAR), DASH, YEAR_RANGE_TAIL, YEAR_WORD),
    rule(_first(DECADE), DASH, _last(DECADE)),
    CENTURIES,
)

SINCE_WORD = or_(rule(_words(SINCE - {"начиная"})), rule(_words({"начиная"}), _words({"с", "со"})))
FROM_TO = rule(
    or_(SINCE_WORD, rule(_words({"от", "from"}))),
    or_(POINT, MONTH_ALONE, rule(BARE_YEAR).interpretation(Point)).interpretation(Date.first),
    or_(rule(_words({"по", "до", "to", "until"})), rule(DASH)),
    or_(POINT, rule(BARE_YEAR, YEAR_WORD.optional()).interpretation(Point)).interpretation(Date.last),
)

# --- framing: preposition, part of period, title ----------------------------------------------


def _prep(words: set[str]) -> object:
    """A preposition from `words` (or "начиная с"), interpreted into `Date.prep`."""
    single = rule(_words(words - {"начиная"})).interpretation(Date.prep.custom(str.lower))
    if "начиная" not in words:
        return single
    return or_(single, rule(_words({"начиная"}), _words({"с", "со"})).interpretation(Date.prep.const("с")))


PREP = _prep(SINCE | BY | CONTEXT)
PART = _words(PARTS).interpretation(Date.part.custom(lambda v: PARTS[v.lower()]))
FRAME = rule(PREP.optional(), PART.optional())

TITLED = rule(
    and_(or_(RU, LATIN), is_capitalized()).interpretation(Date.title),
    DASH,
    rule(YEAR).interpretation(Point).interpretation(Date.first),
)
YEARS = or_(
    _first(BARE_YEAR),
    rule(_first(BARE_YEAR), DASH, _last(BARE_YEAR)),
)
BARE = rule(PREP, PART.optional(), YEARS)
MONTH_WITH_PREP = or_(  # the preposition governs the month's case: "в мае", "с мая", "к маю"
    rule(PREP, PART, _alone("gent")),
    rule(_prep({"в", "во"}), _alone("loct")),
    rule(_prep({"с", "со", "до", "после", "от", "около", "начиная"}), _alone("gent")),
    rule(_prep({"к"}), _alone("datv")),
    rule(_prep({"по", "на", "за"}), _alone("nomn")),
)
DECADE_WITH_PREP = rule(
    or_(rule(_prep(SINCE | BY | {"в", "во"}), PART.optional()), rule(PART)),
    SHORT_DECADE.interpretation(Point).interpretation(Date.first),
)
PARENTHESIZED = or_(
    rule(OPEN, YEARS, or_(rule(CLOSE), YEAR_WORD).optional()),
    rule(COMMA, YEARS, CLOSE),
    rule(rule(COMMA).interpretation(Date.cited.const(True)), YEARS),
)
PAIR = rule(
    _first(BARE_YEAR),
    or_(rule(DASH), rule(SLASH)).interpretation(Date.pair.const(True)),
    or_(_last(BARE_YEAR), _last(number(0, 99, 2).interpretation(Point.tail.custom(int)))),
)

DATE = or_(
    rule(FRAME, POINT.interpretation(Date.first)),
    rule(FRAME, RANGE),
    FROM_TO,
    TITLED,
    BARE,
    MONTH_WITH_PREP,
    DECADE_WITH_PREP,
    PARENTHESIZED,
    PAIR,
).interpretation(Date)
