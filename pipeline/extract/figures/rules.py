"""What is not a figure: references, dates, phones, layout numbers, durations."""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import DateFact, FigureFact
from pipeline.extract.figures.scan import _MONTHS, _MONTHS_EN
from pipeline.extract.figures.words import _Word

_PHONE = re.compile(r"\+\d[\d\s()-]{9,16}\d|\(\d{3,5}\)\s?\d{1,3}-\d{2}-\d{2}")


_REF_BEFORE = re.compile(
    r"(?:\b(?i:" + "|".join(lexicon.REFERENCE_ABBRS) + r")\.|№|\bN"
    r"|\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}\\w*" for w in lexicon.REFERENCE_STEMS)
    + r"|Table|Figure|ISO|ГОСТ|[A-Z]{2,}))\s*$"
)


def _keep(text: str, f: FigureFact, dates: list[DateFact]) -> bool:
    if f.unit == "GBP" and re.match(r"\s*\d+\s*унц", text[f.char_end : f.char_end + 12]):
        f.unit = "LB"  # "8 фунтов 6 унций" is a weight
    if any(d.char_start < f.char_end and f.char_start < d.char_end for d in dates):
        return False
    before = text[max(0, f.char_start - 30) : f.char_start]
    near = _PHONE.search(text, max(0, f.char_start - 20), f.char_end + 20)
    if near and near.start() <= f.char_start and f.char_end <= near.end():
        return False
    if re.search(
        r"\b(?:" + _MONTHS + "|" + _MONTHS_EN + r")[а-я]*\s*$",
        before,
        re.I,
    ):
        return False  # the year of a date: "1 December 2019"
    if _REF_BEFORE.search(before) or _in_brackets(text, f.char_start):
        return False
    return f.unit is not None or _keep_bare(text, f, before)


def _keep_bare(text: str, f: FigureFact, before: str) -> bool:
    after = text[f.char_end : f.char_end + 20]
    line_start = text.rfind("\n", 0, f.char_start) + 1
    if not text[line_start : f.char_start].strip():  # list items, page numbers, footnote bodies
        return False
    if _layout_number(text, f, before, after):
        return False
    if re.match(r"-|\s*(?:" + _MONTHS + ")", after, re.I):  # "20 декабря", "4-\nх"
        return False
    if 1800 <= f.value <= 2100 and f.value.is_integer() and not re.match(r"\s+[а-яё]", after):
        return False  # a year in a table row or a list: "2005 Науки о жизни"
    if _next_lemma(after) in _SPAN_WORDS:
        return False  # durations and frequencies: "13 лет", "6 раз в год"
    heading = re.fullmatch(r"\s*(?:[А-ЯЁA-Z]\w*|[\d\s.]*)\s*", text[line_start : f.char_start])
    if heading and re.match(r"\.\s+[А-ЯЁA-Z]", after):
        return False  # a heading or list number: "Выводы 1. Развитие ..."
    if re.search(r"[»\")”]\s*$", before) and f.value < 100 and re.match(r"\s*[.,;:\n]|$", after):
        return False  # footnote marker after a quote: "до 2020 года» 3."
    return not re.search(r"[A-Za-z]\s*$", before)


_NUMBER_TOKEN = re.compile(r"(?<![\w.,])[-−]?\d+(?:[.,]\d+)?(?![\w])")


def _layout_number(text: str, f: FigureFact, before: str, after: str) -> bool:
    """Page numbers of contents lines, pages of references, "(1)" labels and rows of numbers."""
    if re.search(r"[.…]{2,}\s*$", before) or re.search(r"\b(?:[CcPp]|pp|Paper|Vol)[.:]\s*$", before):
        return True  # "Анализ ....... 33", "C. 201–216", "Paper: 7–14"
    if before.endswith("<") and after.startswith(">") or re.search(r"https?://|doi", after[:40], re.I):
        return True  # footnote markers "<14>"; numbers of a reference before its link
    section = re.match(r"\d+\.\d+\.", text[f.char_start : f.char_end + 1])
    if section or re.search(r"\d\s*\(\d+\),\s*$", before):
        return True  # pages of a reference "40(5), 49—73"; section numbers "2.2."
    if re.match(r"\(\d", after) or re.search(r"\)[,:]\s*$", before):
        return True  # volume(issue) and the pages after it: "85(4), 485–499", "(4 (48)), 123—129"
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        return True  # "№ 4 (71)", equation labels "(1) (2)"
    line_start = text.rfind("\n", 0, f.char_start) + 1
    line_end = text.find("\n", f.char_end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    numbers = len(_NUMBER_TOKEN.findall(line))
    return numbers >= 3 and numbers >= len(re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", line))


_SPAN_WORDS = set(lexicon.TIME_NOUNS) | {"раз"}


def _next_lemma(after: str) -> str:
    m = re.match(r"[\s-]*([А-Яа-яЁё]+)", after)
    return "" if m is None else "лет" if m.group(1).lower() == "лет" else _Word(0, 0, m.group(1)).lemma


def _in_brackets(text: str, pos: int) -> bool:
    """Inside a reference list like "[9, 10]" or "[2-6]"."""
    left = text.rfind("[", max(0, pos - 40), pos)
    if left < 0 or "]" in text[left:pos]:
        return False
    right = text.find("]", pos, pos + 40)
    return right >= 0 and re.fullmatch(r"[\d\s,;–—-]*", text[left + 1 : right]) is not None
