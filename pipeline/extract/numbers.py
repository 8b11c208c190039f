"""Parsing of printed Russian numbers, scale words and unit words; shared by figures and tables.

The words themselves live in `pipeline.lexicon`; this module only normalizes.
"""

from __future__ import annotations

import re

from pipeline.lexicon import (
    CURRENCIES,
    CURRENCY_ADJECTIVES,
    CURRENCY_TAILS,
    HALF_PREFIXES,
    MINUS_SIGNS,
    NUMBER_WORDS,
    UNITS,
    coin_words,
    exact_codes,
    key,
    scale_powers,
    unit_codes,
)

__all__ = ["CURRENCIES", "coin_shift", "parse_number", "scale_of", "unit_of", "words_value"]

_SPACES = "\u0020\u00a0\u202f\u2009"
_MINUS = "".join(MINUS_SIGNS)
_GROUPED = re.compile(rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_COMMA_GROUP = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # "1,250" in English text
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
_CASE_ENDING = re.compile(r"(?<=\d)-(?:х|ти|ми|ух|ех|ёх|ью)$")  # "4-х", "5-ти": a cardinal in a case
_TAIL = re.compile(r"\s+(?:" + "|".join(CURRENCY_TAILS) + r")\w*$")
_COIN_SHIFT = -2  # a coin is a hundredth of its currency


def parse_number(s: str, comma_groups: bool = False) -> float | None:
    """Parse a printed number: "1 300", "110,76", "1.844.036.360,12", "−5,2", "27.5", "4-х";
    `comma_groups` (English text): one comma before three digits groups thousands ("1,250")."""
    s = _CASE_ENDING.sub("", s.strip())
    sign = -1.0 if s[:1] in _MINUS else 1.0
    s = s.lstrip(_MINUS + "+").strip()
    if _GROUPED.fullmatch(s) or _DOT_GROUPED.fullmatch(s):
        s = re.sub(rf"[{_SPACES}.]", "", s)
    elif _COMMA_GROUPED.fullmatch(s) or (comma_groups and _COMMA_GROUP.fullmatch(s)):
        s = s.replace(",", "")
    elif not _PLAIN.fullmatch(s):
        return None
    return sign * float(s.replace(",", "."))


def scale_of(word: str) -> int | None:
    """Power of ten of a scale word: "тыс." → 3, "миллиардов" → 9, "трлн" → 12."""
    from pipeline.nlp.morph import lemma

    k = key(word)
    powers = scale_powers()
    if k in powers:
        return powers[k]
    return powers.get(lemma(k)) if k.isalpha() else None


def half_scale(word: str) -> int | None:
    """Power of ten of a halved scale word ("полумиллиона" → 6, "полтысячи" → 3), else None."""
    k = key(word)
    prefix = next((p for p in HALF_PREFIXES if k.startswith(p) and len(k) > len(p)), None)
    if prefix is None or not k[len(prefix)].isalpha():
        return None
    return scale_of(k[len(prefix) :].lstrip("-"))


def unit_of(word: str) -> str | None:
    """Unit code of a unit word or abbreviation ("руб.", "рублей", "долл. США", "%", "км²", "МВт")."""
    exact = exact_codes().get(" ".join(word.split()).rstrip("."))
    if exact:
        return exact
    k = key(_TAIL.sub("", " ".join(word.lower().split())))
    codes = unit_codes()
    if k in codes:
        return codes[k]
    from pipeline.nlp.morph import lemma

    words = k.split()
    lemmas = tuple(lemma(w) for w in words)
    phrase = next((u.code for u in UNITS if lemmas in u.phrases), None)
    if phrase:
        return phrase
    if len(words) == 2 and lemmas[0] in CURRENCY_ADJECTIVES:
        return CURRENCY_ADJECTIVES[lemmas[0]]
    return codes.get(lemmas[-1]) if words else None


def coin_shift(word: str) -> int:
    """-2 for coins ("коп.", "центов"), whose value is a hundredth of the currency, else 0."""
    from pipeline.nlp.morph import lemma

    k = key(word)
    coins = coin_words()
    return _COIN_SHIFT if k in coins or lemma(k.split()[-1]) in coins else 0


def words_value(lemmas: list[str]) -> float | None:
    """Value of number-word lemmas: ["двадцать", "пять"] → 25, ["полтора"] → 1.5."""
    values = [NUMBER_WORDS.get(w) for w in lemmas]
    if not values or any(v is None for v in values):
        return None
    return float(sum(v for v in values if v is not None))
