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
from yargy.parser import prepare_trees
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

from pipeline import lexicon
from pipeline.extract.grammars.earley import LookaheadParser
from pipeline.extract.numbers import half_scale, words_value

Figure = fact(
    "Figure",
    ["qualifier", "prefix", "amount", "scale", "amount_max", "scale_max", "unit", "counted"],
)

# --- tokenizer: whole numbers, codes and ordinals are single tokens ---------------------------

_SP = "\u0020\u00a0\u202f\u2009"
MATCH_CACHE_SIZE = 8192  # texts whose `match_at` is kept


def _one_token_units() -> str:
    """Regex of the units spelled with non-letters or significant case ("кв. км", "км²", "МВт")."""
    spellings = sorted({s for u in lexicon.UNITS for s in u.exact}, key=len, reverse=True)
    parts = []
    for s in spellings:
        body = r"\s?".join(re.escape(w) for w in s.split())
        parts.append(body if s == s.lower() else f"(?-i:{body})")
    return "(?:" + "|".join(parts) + r")(?![а-яё\d])"


TOKEN_RULES = [
    TokenRule("URL", r"(?:https?://|www\.)\S+|\b10\.\d{4,9}/\S+|[\w.+-]+@[\w-]+\.[\w.-]+"),
    TokenRule("PHONE", r"\+\d[\d\s()-]{9,16}\d|\(\d{3,5}\)\s?\d{1,3}-\d{2}-\d{2}"),
    TokenRule("DATE", r"\d{1,2}\.\d{1,2}\.\d{2,4}"),
    TokenRule("UNIT", _one_token_units()),
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

SCALE_LEMMAS = {s.lemma for s in lexicon.SCALES}
SCALE = or_(
    rule(in_caseless({s.abbr for s in lexicon.SCALES}), DOT.optional()),
    rule(dictionary(SCALE_LEMMAS)),
    rule(in_caseless({w for s in lexicon.SCALES for w in s.english})),
)


def _words_rule(words: tuple[str, ...], *after: object) -> object:
    return rule(*[caseless(w) for w in words], *after)


def _qualifier(q: lexicon.Qualifier, before_preposition: bool = False) -> object:
    """One lexicon qualifier as a rule: optional words around a head, or fixed phrases (then the
    optional words after them: "не менее чем"). Before the figure's preposition a comparative bounds
    nothing without "чем": "выше на 5%", "больше в 2 раза" state a difference ("более чем на 5%" a bound)."""
    after = [in_caseless(set(q.after)).optional()] if q.after else []
    options = [_words_rule(p, *after) for p in q.phrases]
    parts = [in_caseless(set(q.before)).optional()] if q.before else []
    heads = set(q.heads)
    if before_preposition:
        comparatives = heads & set(lexicon.COMPARATIVES)
        heads -= comparatives
        if comparatives and q.after:
            options.append(rule(*parts, in_caseless(comparatives), in_caseless(set(q.after))))
    if heads:
        options.append(rule(*parts, in_caseless(heads), *after))
    return or_(*options) if len(options) > 1 else options[0]


def _qualifiers(before_preposition: bool = False) -> object:
    codes = dict.fromkeys(q.code for q in lexicon.QUALIFIERS)
    return or_(
        *[
            or_(
                *[_qualifier(q, before_preposition) for q in lexicon.QUALIFIERS if q.code == code]
            ).interpretation(const(code))
            for code in codes
        ]
    )


# the preposition of the figure's phrase may follow the qualifier: "почти на 20%", "примерно в 70% случаев"
QUALIFIER = or_(
    rule(_qualifiers().interpretation(Figure.qualifier)),
    rule(_qualifiers(before_preposition=True).interpretation(Figure.qualifier), in_caseless({"на", "в"})),
)


def _abbr(spelling: str) -> object:
    """An abbreviation as tokens: "п.п." → п . п [.]; a written final dot is optional."""
    parts = [p for p in spelling.replace(" ", "").split(".")]
    dotted = spelling.endswith(".")
    parts = parts[:-1] if dotted else parts
    terms: list = []
    for i, part in enumerate(parts):
        terms += [DOT] if i else []
        terms.append(caseless(part))
    return rule(*terms, DOT.optional()) if dotted else rule(*terms)


def _unit_rule(units: tuple[lexicon.Unit, ...]) -> object:
    """Every spelling of some lexicon units: lemmas, abbreviations, signs, codes, one-token forms."""
    options = [_abbr(a) for u in units for a in u.abbrs]
    lemmas = {w for u in units for w in u.lemmas}
    options += [rule(dictionary(lemmas))] if lemmas else []
    signs = {s for u in units for s in u.signs}
    options += [rule(in_(signs))] if signs else []
    codes = {c for u in units for c in u.codes}
    options += [rule(in_(codes))] if codes else []
    english = {w for u in units for w in u.english}
    options += [rule(in_caseless(english))] if english else []
    if any(u.exact for u in units):
        options.append(rule(type("UNIT")))  # the tokenizer's UNIT tokens are exactly these spellings
    options += [rule(*[dictionary({w}) for w in p]) for u in units for p in u.phrases]
    return or_(*options)


CURRENCY_SIGN = in_({s for u in lexicon.currency_units() for s in (*u.signs, *u.codes)})  # "$5", "USD 5"
CURRENCY = rule(
    dictionary(set(lexicon.CURRENCY_ADJECTIVES)).optional(),
    _unit_rule(lexicon.currency_units()),
    or_(caseless("сша"), dictionary({"стерлинг"})).optional(),
)
HTML_PERCENT = rule(eq("&"), caseless("nbsp"), eq(";"), eq("%"))  # "&nbsp;%" left in some PDFs' text
PERCENT_TWICE = rule(eq("%"), dictionary({"процент"}))  # "% процентов"
OTHER_UNITS = _unit_rule(tuple(u for u in lexicon.free_units() if u.kind != "currency"))
UNIT = or_(CURRENCY, OTHER_UNITS, HTML_PERCENT, PERCENT_TWICE)

_UNIT_LEMMAS = {w for u in lexicon.UNITS for w in u.lemmas}
ADJ = and_(or_(gram("ADJF"), gram("PRTF")), not_(gram("Apro")), not_(dictionary(_UNIT_LEMMAS)))
ADJS = rule(ADJ, rule(or_(eq(","), caseless("и")).optional(), ADJ).repeatable(max=3).optional())


def _countable(word: str) -> bool:
    """A common noun by its best parse (not a time unit), or an all-caps abbreviation ("2 ОВП", "3
    ГЭС"; not a word of a heading set in capitals: "СТАТЬЕЙ 2 ЗАКОНА")."""
    from pipeline.nlp.morph import analyzer, parses

    top = parses(word)[0]
    if word.isupper() and len(word) > 1:  # a dictionary word in capitals is no abbreviation
        return "Abbr" in top.tag or not analyzer().word_is_known(word.lower())
    return (
        top.tag.POS == "NOUN"
        and not word[:1].isupper()
        and "Abbr" not in top.tag
        and top.normal_form not in lexicon.not_counted()
    )


def _substantive(word: str) -> bool:
    """A plural adjective or participle standing for the people or things it names ("1520
    обучающихся", "35 пострадавших", "40 опрошенных"), in the genitive (after a number) or the
    nominative ("в том числе 3 – многодетные"); not a quality ("новых", "малых")."""
    from pipeline.nlp.morph import parses

    top = parses(word)[0]
    tag = top.tag
    return (
        tag.POS in {"ADJF", "PRTF"}
        and tag.number == "plur"
        and tag.case in {"gent", "nomn"}
        and "Qual" not in tag
        and "Apro" not in tag
        and not word[:1].isupper()
        and top.normal_form not in _UNIT_LEMMAS
    )


def _substantive_lemma(word: str) -> str:
    """ "обучающихся" → "обучающийся" (the participle's own lemma, not its verb's)."""
    from pipeline.nlp.morph import inflect, parses

    form = inflect(parses(word)[0], {"nomn", "sing", "masc"})
    return form.word if form is not None else word.lower()


def _raw(value: str) -> str:
    return value


def _acronym(word: str) -> bool:
    """A Latin abbreviation counted as a noun ("9 тыс. PhD", "40 MBA"), not a currency code."""
    return 1 < len(word) <= 6 and any(c.isupper() for c in word[1:]) and word.upper() not in _CODES


_CODES = {c for u in lexicon.UNITS for c in u.codes} | set(lexicon.NOT_COUNTED_LATIN)
COUNTED = and_(type("RU"), custom(_countable))
LATIN_COUNTED = and_(type("LATIN"), custom(_acronym)).interpretation(Figure.counted.custom(_raw))
ABBR_COUNTED = rule(  # "25,6 тыс. чел.", "109,3 млн. шт."
    in_caseless(set(lexicon.COUNTED_ABBRS)).interpretation(
        Figure.counted.custom(lambda v: lexicon.COUNTED_ABBRS[v.lower()])
    ),
    DOT.optional(),
)
SUBSTANTIVE = and_(type("RU"), custom(_substantive))
SUBSTANTIVE_COUNTED = Figure.counted.custom(_substantive_lemma)
COUNT = or_(
    rule(ADJS.optional(), COUNTED.interpretation(Figure.counted.normalized())),
    rule(LATIN_COUNTED),
    rule(SUBSTANTIVE.interpretation(SUBSTANTIVE_COUNTED)),
    ABBR_COUNTED,
)
COUNT_GENITIVE = or_(  # after a scale word the counted noun is genitive: "560 тыс. работников"
    rule(ADJS.optional(), and_(COUNTED, gram("gent")).interpretation(Figure.counted.normalized())),
    rule(LATIN_COUNTED),
    rule(and_(SUBSTANTIVE, gram("gent")).interpretation(SUBSTANTIVE_COUNTED)),
    ABBR_COUNTED,
)


def _amount(part: str) -> object:
    return AMOUNT.interpretation(getattr(Figure, part).custom(_raw))


def _scale(part: str) -> object:
    return SCALE.interpretation(getattr(Figure, part).custom(_raw))


TAIL = or_(UNIT.interpretation(Figure.unit.custom(_raw)), COUNT)
TAIL_SCALED = or_(UNIT.interpretation(Figure.unit.custom(_raw)), COUNT_GENITIVE)

SIMPLE = or_(
    rule(_amount("amount"), TAIL.optional()),
    rule(_amount("amount"), DASH, COUNT),  # "из них 15 - несовершеннолетних" (rules.py: a subset only)
    rule(_amount("amount"), _scale("scale"), TAIL_SCALED.optional()),
)
PREFIXED = rule(  # "$5 млрд", "$3-4 млрд"
    CURRENCY_SIGN.interpretation(Figure.prefix.custom(_raw)),
    _amount("amount"),
    _scale("scale").optional(),
    rule(DASH, _amount("amount_max"), _scale("scale_max").optional()).optional(),
)
SCALE_WORD = rule(  # "миллион долларов", "до миллиона рублей"
    and_(dictionary(SCALE_LEMMAS), gram("sing")).interpretation(Figure.scale.custom(_raw)),
    CURRENCY.interpretation(Figure.unit.custom(_raw)),
)
HALF_SCALE = rule(  # "более полумиллиона работников", "полмиллиарда рублей"
    and_(type("RU"), custom(lambda v: half_scale(v) is not None)).interpretation(Figure.scale.custom(_raw)),
    TAIL_SCALED.optional(),
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
_TIMES = {w for u in lexicon.UNITS if u.code == "TIMES" for w in u.lemmas}
TIMES = rule(
    caseless("в"),
    _amount("amount"),
    rule(DASH, _amount("amount_max")).optional(),
    dictionary(_TIMES).interpretation(Figure.unit.const("раз")),
)
ADJ_UNIT = re.compile(r"-(" + "|".join(lexicon.compound_units()) + ")", re.I)
COMPOUND = rule(
    and_(type("DASHWORD"), custom(lambda v: bool(ADJ_UNIT.search(v)))).interpretation(
        Figure.amount.custom(_raw)
    )
)

TIMES_BARE = rule(  # "составил более 6 раз": without "в" only after a qualifier
    _amount("amount"), dictionary(_TIMES).interpretation(Figure.unit.const("раз"))
)
FIGURE = or_(
    rule(QUALIFIER.optional(), or_(PREFIXED, RANGE, TIMES, COMPOUND, SCALE_WORD, HALF_SCALE, SIMPLE)),
    rule(QUALIFIER, TIMES_BARE),
).interpretation(Figure)


@cache
def parser() -> LookaheadParser:
    """The figure parser with its tokenizer, built once per process."""
    return LookaheadParser(FIGURE, tokenizer=MorphTokenizer(TOKEN_RULES, morph=_Morph()))


@lru_cache(maxsize=MATCH_CACHE_SIZE)
def match_at(text: str):
    """The longest figure that starts at the beginning of `text`, or None.

    Parsing from one anchor is far cheaper than `Parser.findall`, which starts a parse at
    every token and interprets every sub-match. Cached: a fifth of the texts come again (the
    anchors of one number, a document's repeated lines); a match is only read.
    """
    p = parser()
    chart = p.chart(text, all=False)
    best = None
    for column in chart.columns:
        for state in column.matches(p.rule):
            if best is None or state.stop_column.index > best.stop_column.index:
                best = state
    return None if best is None else p.prepare(next(prepare_trees([best])))


def number_words_value(text: str) -> float | None:
    """Value of a phrase of number words ("двадцать пять", "полтора")."""
    from pipeline.nlp.morph import lemma

    return words_value([lemma(w) for w in text.split()])
