"""Parsing of printed Russian numbers, scale words and unit words; shared by figures and tables."""

from __future__ import annotations

import re

_SPACES = "\u0020\u00a0\u202f\u2009"
_MINUS = "-\u2212\u2013\u2014"
_GROUPED = re.compile(rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
_CASE_ENDING = re.compile(r"(?<=\d)-(?:х|ти|ми|ух|ех|ёх|ью)$")  # "4-х", "5-ти": a cardinal in a case

SCALES: dict[str, int] = {
    "тыс": 3,
    "тысяча": 3,
    "млн": 6,
    "миллион": 6,
    "млрд": 9,
    "миллиард": 9,
    "трлн": 12,
    "триллион": 12,
}

# ISO 4217 codes and unit classes by lemma or abbreviation (lower case, no trailing dot).
UNITS: dict[str, str] = {
    "руб": "RUB",
    "рубль": "RUB",
    "р": "RUB",
    "₽": "RUB",
    "коп": "RUB",
    "копейка": "RUB",
    "цент": "USD",
    "евроцент": "EUR",
    "долл": "USD",
    "доллар": "USD",
    "$": "USD",
    "usd": "USD",
    "евро": "EUR",
    "€": "EUR",
    "eur": "EUR",
    "юань": "CNY",
    "¥": "CNY",
    "cny": "CNY",
    "фунт": "GBP",
    "£": "GBP",
    "gbp": "GBP",
    "иена": "JPY",
    "йена": "JPY",
    "гривна": "UAH",
    "тенге": "KZT",
    "франк": "CHF",
    "рупия": "INR",
    "крона": "SEK",
    "%": "PERCENT",
    "процент": "PERCENT",
    "процентный": "PERCENT",
    "проц": "PERCENT",
    "п.п": "PP",
    "п. п": "PP",
    "пп": "PP",
    "процентный пункт": "PP",
    "раз": "TIMES",
    "км²": "KM2",
    "км2": "KM2",
    "кв. км": "KM2",
    "кв.км": "KM2",
    "км": "KM",
    "километр": "KM",
    "м²": "M2",
    "м2": "M2",
    "кв. м": "M2",
    "кв.м": "M2",
    "м³": "M3",
    "м3": "M3",
    "куб. м": "M3",
    "куб.м": "M3",
    "га": "HA",
    "гектар": "HA",
    "т": "TONNE",
    "тонна": "TONNE",
    "кг": "KG",
    "килограмм": "KG",
}
# Adjectives that turn a generic currency word into a specific one ("гонконгских долларов").
CURRENCY_ADJECTIVES: dict[str, str] = {
    "гонконгский": "HKD",
    "сингапурский": "SGD",
    "австралийский": "AUD",
    "канадский": "CAD",
    "новозеландский": "NZD",
    "тайваньский": "TWD",
    "норвежский": "NOK",
    "шведский": "SEK",
    "датский": "DKK",
    "чешский": "CZK",
    "швейцарский": "CHF",
    "белорусский": "BYN",
}
CURRENCIES = frozenset(
    {"RUB", "USD", "EUR", "CNY", "GBP", "JPY", "UAH", "KZT", "CHF", "INR", "SEK"}
    | set(CURRENCY_ADJECTIVES.values())
)

NUMBER_WORDS: dict[str, float] = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "полтора": 1.5, "полтораста": 150,
}  # fmt: skip


def parse_number(s: str) -> float | None:
    """Parse a printed number: "1 300", "110,76", "1.844.036.360,12", "−5,2", "27.5", "4-х"."""
    s = _CASE_ENDING.sub("", s.strip())
    sign = -1.0 if s[:1] in _MINUS else 1.0
    s = s.lstrip(_MINUS + "+").strip()
    if _GROUPED.fullmatch(s) or _DOT_GROUPED.fullmatch(s):
        s = re.sub(rf"[{_SPACES}.]", "", s)
    elif _COMMA_GROUPED.fullmatch(s):
        s = s.replace(",", "")
    elif not _PLAIN.fullmatch(s):
        return None
    return sign * float(s.replace(",", "."))


def _key(word: str) -> str:
    word = word.lower().replace("ё", "е").replace("&nbsp;", " ")
    return " ".join(word.split()).rstrip(".")


def scale_of(word: str) -> int | None:
    """Power of ten of a scale word: "тыс." → 3, "миллиардов" → 9, "трлн" → 12."""
    key = _key(word)
    if key in SCALES:
        return SCALES[key]
    for stem, power in (("тысяч", 3), ("миллион", 6), ("миллиард", 9), ("триллион", 12)):
        if key.startswith(stem):
            return power
    return None


def unit_of(word: str) -> str | None:
    """Unit code of a unit word or abbreviation ("руб.", "рублей", "долл. США", "%", "км²")."""
    key = _key(word)
    key = re.sub(r"\s+(?:сша|стерлингов|стерлинга|стерлинг)$", "", key).rstrip(".")
    if key in UNITS:
        return UNITS[key]
    from pipeline.nlp.morph import lemma

    words = key.split()
    if len(words) == 2 and words[0] in {"процентный", "процентных", "процентного", "процентные"}:
        return "PP"
    if len(words) == 2 and lemma(words[0]) in CURRENCY_ADJECTIVES:
        return CURRENCY_ADJECTIVES[lemma(words[0])]
    return UNITS.get(lemma(words[-1])) if words else None


def coin_shift(word: str) -> int:
    """-2 for coins ("коп.", "центов"), whose value is a hundredth of the currency, else 0."""
    from pipeline.nlp.morph import lemma

    key = _key(word)
    return -2 if key == "коп" or lemma(key.split()[-1]) in {"копейка", "цент", "евроцент"} else 0


def words_value(lemmas: list[str]) -> float | None:
    """Value of number-word lemmas: ["двадцать", "пять"] → 25, ["полтора"] → 1.5."""
    values = [NUMBER_WORDS.get(w) for w in lemmas]
    if not values or any(v is None for v in values):
        return None
    return float(sum(v for v in values if v is not None))
