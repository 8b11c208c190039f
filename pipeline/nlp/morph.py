"""pymorphy3 morphology shared by the stages: one analyzer per process, cached word look-ups."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3

_WORD = re.compile(r"«[^»]*»|\"[^\"]*\"|[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|[^\sА-Яа-яЁё«\"]+")
_CASES = ("gent", "datv", "ablt", "loct", "nomn", "accs")


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    return tuple(analyzer().parse(word.lower()))


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    return analyzer().word_is_known(word.lower())


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    return parses(word)[0].normal_form if word else word


@lru_cache(maxsize=50_000)
def nominative(phrase: str) -> str:
    """Put the head noun group of a Russian phrase in the nominative, keeping the rest.

    "Калужского фармкластера" → "Калужский фармкластер"; "Главного таможенного управления" →
    "Главное таможенное управление"; "Ассоциации технических университетов" → "Ассоциация
    технических университетов". Words in quotes, Latin or all-caps words are left as they are.
    """
    phrase = " ".join(phrase.split())
    words = [m for m in _WORD.finditer(phrase) if _is_cyrillic_word(m.group())]
    group = _head_group([m.group() for m in words])
    if group is None:
        return phrase
    case, gender, number, size = group
    if case == "nomn":
        return phrase
    out, pos = [], 0
    for i, m in enumerate(words[:size]):
        out.append(phrase[pos : m.start()])
        out.append(_inflect(m.group(), case, gender, number, is_head=i == size - 1))
        pos = m.end()
    out.append(phrase[pos:])
    return "".join(out)


def _is_cyrillic_word(word: str) -> bool:
    return bool(re.fullmatch(r"[А-Яа-яЁё-]+", word)) and not word.isupper()


def _cases(word: str, pos: set[str]) -> set[str]:
    return {p.tag.case for p in parses(word) if p.tag.POS in pos and p.tag.case in _CASES}


def _head_group(words: list[str]) -> tuple[str, str | None, str, int] | None:
    """(case, gender, number, length) of the leading adjectives + head noun, or None."""
    shared = set(_CASES)
    for i, word in enumerate(words[:6]):
        adj_cases = _cases(word, {"ADJF", "PRTF"}) & shared
        following = words[i + 1] if i + 1 < len(words) else None
        if adj_cases and following and _cases(following, {"NOUN", "ADJF", "PRTF"}) & adj_cases:
            shared = adj_cases
            continue
        head = next((p for p in parses(word) if p.tag.POS == "NOUN" and p.tag.case in shared), None)
        if head is None:
            return None
        return head.tag.case, head.tag.gender, head.tag.number or "sing", i + 1
    return None


def _inflect(word: str, case: str, gender: str | None, number: str, is_head: bool) -> str:
    pos = {"NOUN"} if is_head else {"ADJF", "PRTF"}
    target = {"nomn", number} | ({gender} if gender and number == "sing" and not is_head else set())
    for p in parses(word):
        if p.tag.POS in pos and p.tag.case == case and (not is_head or p.tag.number == number):
            form = p.inflect(target)
            if form is not None:
                return _same_shape(word, form.word)
    return word


def _same_shape(original: str, new: str) -> str:
    """Copy the letter case of each hyphen-separated part ("Санкт-Петербурге" → "Санкт-Петербург")."""
    if original.isupper():
        return new.upper()
    parts_old, parts_new = original.split("-"), new.split("-")
    if len(parts_old) != len(parts_new):
        parts_old, parts_new = [original], [new]
    return "-".join(
        n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(parts_old, parts_new, strict=True)
    )
