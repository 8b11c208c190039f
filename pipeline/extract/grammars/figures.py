"""yargy grammar for quantities in Russian running text (in the style of natasha's money.py).

`FIGURE` matches a qualifier, an amount (or a range), a scale word and a unit: a currency
before or after, %, п.п., "в N раз", area/length/mass units, or a counted noun ("35 участников").
Interpretation gives a raw `Figure`; `pipeline.extract.figures` normalizes and adds context.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)
from yargy import and_, not_, or_, rule
from yargy.interpretation import const, fact
from yargy.morph import MorphAnalyzer
from yargy.parser import prepare_matches, prepare_trees
from yargy.predicates import (
    caseless,
    custom,
    dictionary,
    eq,
    gram,
    in_,
    in_caseless,
    type,
)
from yargy.tokenizer import RULES, MorphTokenizer, TokenRule

from pipeline.extract.grammars.earley import LookaheadParser
from pipeline.extract.numbers import CURRENCY_ADJECTIVES, words_value

Figure = fact(
    "Figure",
    ["qualifier", "prefix", "amount", "scale", "amount_max", "scale_max", "unit", "counted"],
)

# --- tokenizer: whole numbers, codes and ordinals are single tokens ---------------------------

_SP = "\u0020\u00a0\u202f\u2009"
TOKEN_RULES = [
    TokenRule("URL", r"(?:https?://|www\.)\S+|\b10\.\d{4,9}/\S+|[\w.+-]+@[\w-]+\.[\w.-]+"),
    TokenRule("PHONE", r"\+\d[\d\s()-]{9,16}\d|\(\d{3,5}\)\s?\d{1,3}-\d{2}-\d{2}"),
    TokenRule("DATE", r"\d{1,2}\.\d{1,2}\.\d{2,4}"),
    TokenRule("UNIT", r"(?:кв\.\s?(?:км|м)|куб\.\s?м|км²|км2|м²|м2|м³|м3)(?![а-яё\d])"),
    TokenRule("CODE", r"[a-zа-яё]+-?\d[\w-]*|\d+(?:[a-zа-яё]+\d|(?-i:[A-ZА-ЯЁ]))[\w-]*"),
    TokenRule("NUMCASE", r"\d+-(?:х|ти|ми|ух|ех|ёх|ью)(?![а-яё])"),  # "4-х", "5-ти": cardinals
    TokenRule("DASHWORD", r"\d+(?:[.,]\d+)?-[а-яё]+"),
    TokenRule(
        "NUM",
        rf"\d{{1,3}}(?:[{_SP}]\d{{3}})+(?:,\d+)?(?![\d,.]\d)"
        r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?",
    ),
    TokenRule("RU", r"[а-яё]+(?:-[а-яё]+)+"),
    *[r for r in RULES if r.type != "EOL"],  # line breaks in PDF text are plain spaces
]


class _Morph(MorphAnalyzer):
    """yargy morphology backed by the shared pymorphy3 analyzer (cached per word)."""

    def __init__(self) -> None:
        from pipeline.nlp.morph import analyzer

        super().__init__(raw=analyzer())

    __call__ = lru_cache(100_000)(MorphAnalyzer.__call__)  # type: ignore[assignment]


# --- pieces ----------------------------------------------------------------------------------

DOT = eq(".")
DASH = in_("-‐–—")
NUM = type("NUM")
NUMR = or_(gram("NUMR"), dictionary({"один", "полтора"}))

AMOUNT = or_(rule(NUM), rule(type("NUMCASE")), rule(NUMR.repeatable(max=4)))

SCALE = or_(
    rule(in_caseless({"тыс", "млн", "млрд", "трлн"}), DOT.optional()),
    rule(dictionary({"тысяча", "миллион", "миллиард", "триллион"})),
)

GT = rule(
    caseless("чуть").optional(),
    in_caseless({"более", "свыше", "больше", "сверх", "выше"}),
    caseless("чем").optional(),
).interpretation(const(">"))
GE = or_(
    rule(caseless("не"), in_caseless({"менее", "меньше", "ниже"})),
    rule(caseless("как").optional(), caseless("минимум")),
    rule(caseless("по"), caseless("меньшей"), caseless("мере")),
).interpretation(const(">="))
LT = rule(in_caseless({"менее", "меньше", "ниже"}), caseless("чем").optional()).interpretation(const("<"))
LE = or_(
    rule(caseless("не"), in_caseless({"более", "больше", "выше", "свыше"})),
    rule(caseless("до")),
    rule(caseless("максимум")),
).interpretation(const("<="))
APPROX = rule(
    in_caseless({"около", "порядка", "примерно", "приблизительно", "почти", "ориентировочно"}),
    caseless("до").optional(),
).interpretation(const("~"))
QUALIFIER = rule(
    or_(GT, GE, LT, LE, APPROX).interpretation(Figure.qualifier),
    caseless("на").optional(),
)

CURRENCY_SIGN = in_({"$", "€", "£", "¥", "₽"})
CURRENCY_WORD = or_(
    rule(in_caseless({"руб", "р", "долл", "коп"}), DOT.optional()),
    rule(
        dictionary(
            {
                "рубль",
                "доллар",
                "евро",
                "юань",
                "фунт",
                "иена",
                "йена",
                "гривна",
                "тенге",
                "франк",
                "рупия",
                "крона",
                "цент",
                "евроцент",
                "копейка",
            }  # fmt: skip
        )
    ),
    rule(CURRENCY_SIGN),
    rule(in_({"USD", "EUR", "CNY", "RUB", "GBP", "JPY"})),
)
CURRENCY = rule(
    dictionary(set(CURRENCY_ADJECTIVES)).optional(),
    CURRENCY_WORD,
    or_(caseless("сша"), dictionary({"стерлинг"})).optional(),
)
PERCENT = or_(
    rule(eq("%"), dictionary({"процент"}).optional()),
    rule(eq("&"), caseless("nbsp"), eq(";"), eq("%")),
    rule(dictionary({"процент", "процентный"})),
)
PP = or_(
    rule(caseless("п"), DOT, caseless("п"), DOT.optional()),
    rule(caseless("пп"), DOT.optional()),
    rule(dictionary({"процентный"}), dictionary({"пункт"})),
)
MEASURE = or_(
    rule(type("UNIT")),
    rule(in_caseless({"км", "га", "т", "кг"})),
    rule(dictionary({"километр", "гектар", "тонна", "килограмм"})),
)
UNIT = or_(CURRENCY, PERCENT, PP, MEASURE)

# Nouns that are never counted: time units (durations are not figures), months, "раз".
NOT_COUNTED = {
    "год", "лет", "г", "гг", "день", "сутки", "неделя", "месяц", "квартал", "полугодие", "час",
    "минута", "секунда", "век", "столетие", "десятилетие", "раз", "январь", "февраль", "март",
    "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    "тысяча", "миллион", "миллиард", "триллион", "процент", "пункт", "тыс", "млн", "млрд",
    "трлн", "км", "га", "т", "кг", "руб", "долл", "р", "п", "пп", "ч", "с", "стр", "рис",
    "рубль", "доллар", "евро", "юань", "фунт", "иена", "йена", "гривна", "тенге", "франк",
    "рупия", "крона", "цент", "евроцент", "копейка", "стерлинг", "тонна", "гектар", "километр",
    "килограмм", "процентный",
}  # fmt: skip
ADJ = and_(or_(gram("ADJF"), gram("PRTF")), not_(gram("Apro")), not_(dictionary({"процентный"})))
ADJS = rule(ADJ, rule(or_(eq(","), caseless("и")).optional(), ADJ).repeatable(max=3).optional())


def _countable(word: str) -> bool:
    """A common noun by its best parse (not a time unit), or an all-caps abbreviation."""
    from pipeline.nlp.morph import parses

    if word.isupper() and len(word) > 1:
        return True
    top = parses(word)[0]
    return (
        top.tag.POS == "NOUN"
        and not word[:1].isupper()
        and "Abbr" not in top.tag
        and top.normal_form not in NOT_COUNTED
    )


def _raw(value: str) -> str:
    return value


def _acronym(word: str) -> bool:
    """A Latin abbreviation counted as a noun ("9 тыс. PhD", "40 MBA"), not a currency code."""
    return 1 < len(word) <= 6 and any(c.isupper() for c in word[1:]) and word.upper() not in _CODES


_CODES = {"USD", "EUR", "CNY", "RUB", "GBP", "JPY", "ISO", "GDP"}
COUNTED = and_(type("RU"), custom(_countable))
LATIN_COUNTED = and_(type("LATIN"), custom(_acronym)).interpretation(Figure.counted.custom(_raw))
COUNT = or_(rule(ADJS.optional(), COUNTED.interpretation(Figure.counted.normalized())), rule(LATIN_COUNTED))
COUNT_GENITIVE = or_(  # after a scale word the counted noun is genitive: "560 тыс. работников"
    rule(ADJS.optional(), and_(COUNTED, gram("gent")).interpretation(Figure.counted.normalized())),
    rule(LATIN_COUNTED),
)


def _amount(part: str) -> object:
    return AMOUNT.interpretation(getattr(Figure, part).custom(_raw))


def _scale(part: str) -> object:
    return SCALE.interpretation(getattr(Figure, part).custom(_raw))


TAIL = or_(UNIT.interpretation(Figure.unit.custom(_raw)), COUNT)
TAIL_SCALED = or_(UNIT.interpretation(Figure.unit.custom(_raw)), COUNT_GENITIVE)

SIMPLE = or_(
    rule(_amount("amount"), TAIL.optional()),
    rule(_amount("amount"), _scale("scale"), TAIL_SCALED.optional()),
)
PREFIXED = rule(
    CURRENCY_SIGN.interpretation(Figure.prefix.custom(_raw)),
    _amount("amount"),
    _scale("scale").optional(),
)
SCALE_WORD = rule(  # "миллион долларов", "до миллиона рублей"
    and_(dictionary({"тысяча", "миллион", "миллиард", "триллион"}), gram("sing")).interpretation(
        Figure.scale.custom(_raw)
    ),
    CURRENCY.interpretation(Figure.unit.custom(_raw)),
)
RANGE = rule(
    or_(
        rule(caseless("от"), _amount("amount"), _scale("scale").optional(), caseless("до")),
        rule(_amount("amount"), _scale("scale").optional(), DASH),
    ),
    _amount("amount_max"),
    _scale("scale_max").optional(),
    TAIL_SCALED.optional(),
)
TIMES = rule(
    caseless("в"),
    _amount("amount"),
    rule(DASH, _amount("amount_max")).optional(),
    dictionary({"раз"}).interpretation(Figure.unit.const("раз")),
)
ADJ_UNIT = re.compile(r"-(процент|доллар|рубл|евро|юан)", re.I)
COMPOUND = rule(
    and_(type("DASHWORD"), custom(lambda v: bool(ADJ_UNIT.search(v)))).interpretation(
        Figure.amount.custom(_raw)
    )
)

TIMES_BARE = rule(  # "составил более 6 раз": without "в" only after a qualifier
    _amount("amount"), dictionary({"раз"}).interpretation(Figure.unit.const("раз"))
)
FIGURE = or_(
    rule(QUALIFIER.optional(), or_(PREFIXED, RANGE, TIMES, COMPOUND, SCALE_WORD, SIMPLE)),
    rule(QUALIFIER, TIMES_BARE),
).interpretation(Figure)


@cache
def parser() -> LookaheadParser:
    """The figure parser with its tokenizer, built once per process."""
    return LookaheadParser(FIGURE, tokenizer=MorphTokenizer(TOKEN_RULES, morph=_Morph()))


def match_at(text: str):
    """The longest figure that starts at the beginning of `text`, or None.

    Parsing from one anchor is far cheaper than `Parser.findall`, which starts a parse at
    every token and interprets every sub-match.
    """
    p = parser()
    chart = p.chart(text, all=False)
    best = None
    for column in chart.columns:
        for state in column.matches(p.rule):
            if best is None or state.stop_column.index > best.stop_column.index:
                best = state
    if best is None:
        return None
    return next(iter(prepare_matches(prepare_trees([best]))), None)


def number_words_value(text: str) -> float | None:
    """Value of a phrase of number words ("двадцать пять", "полтора")."""
    from pipeline.nlp.morph import lemma

    return words_value([lemma(w) for w in text.split()])
