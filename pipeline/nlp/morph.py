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
    inflected = {
        i: _inflect(m.group(), case, gender, number, is_head=i == size - 1)
        for i, m in enumerate(words[:size])
    }
    inflected |= _joined_group(words, size, case)
    out, pos = [], 0
    for i, m in enumerate(words[: max(inflected) + 1]):
        out.append(phrase[pos : m.start()] + inflected.get(i, m.group()))
        pos = m.end()
    out.append(phrase[pos:])
    return "".join(out)


def _joined_group(words: list[re.Match], size: int, case: str) -> dict[int, str]:
    """The nominative of a noun group joined by "и" to the head group, in the head's case ("цен и
    тарифов" → "цены и тарифы", "экспорта и импорта" → "экспорт и импорт"), by word index; not
    one that may be a nominative already ("Овцы и козы")."""
    if len(words) <= size + 1 or words[size].group().lower() != "и":
        return {}
    group = _head_group([m.group() for m in words[size + 1 :]])
    if group is None or group[0] != case:
        return {}
    if any("nomn" in _cases(m.group(), {"NOUN"}) for m in words[size + 1 : size + 1 + group[3]]):
        return {}
    _, gender, number, length = group
    return {
        size + 1 + k: _inflect(m.group(), case, gender, number, is_head=k == length - 1)
        for k, m in enumerate(words[size + 1 : size + 1 + length])
    }


def inflect(parse, grammemes: set[str]):
    """`parse.inflect(grammemes)` on the word's own stem: a superlative's lexeme mixes stems, where
    pymorphy3 picks another ("высшее" → "высших", not "высочайших"; "лучший" → "лучших")."""
    form = parse.inflect(grammemes)
    if form is None or "Supr" not in parse.tag:
        return form
    same = [f for f in parse.lexeme if grammemes <= f.tag.grammemes]
    return max(same, key=lambda f: (_common_prefix(f.word, parse.word), f == form), default=form)


def _common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def is_modifier(word: str, *, any_reading: bool = False) -> bool:
    """An adjective or a participle (a noun's modifier), by the likeliest reading or by any
    ("Тверская" is a street's name too)."""
    readings = parses(word) if any_reading else parses(word)[:1]
    return any(p.tag.POS in {"ADJF", "PRTF"} for p in readings)


def is_abbreviation(word: str) -> bool:
    """A word of two or more capitals ("ВРП", "ДТП"): an abbreviation, which has no case."""
    return len(word) > 1 and word.isupper()


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
            form = inflect(p, target)
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


SPLIT_MIN = 4  # shorter runs are never split
SPLIT_MAX_WORD = 24  # longest dictionary word tried as a piece
ONE_LETTER_WORDS = frozenset("вскиаоуяг")  # the only one-letter pieces a split may produce


@lru_cache(maxsize=50_000)
def split_words(run: str) -> tuple[str, ...] | None:
    """Split a run of letters written without spaces into dictionary words, fewest pieces first
    (then longer pieces): "неболее" → ("не", "более"), "млнруб" → ("млн", "руб"). None when
    the run is a known word, is too short, or cannot be covered by dictionary words."""
    if len(run) < SPLIT_MIN or is_known(run):
        return None
    low = run.lower()
    best: list[tuple[int, int, int, int] | None] = [None] * (len(run) + 1)  # pieces, names, -Σlen², start
    best[0] = (0, 0, 0, 0)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - SPLIT_MAX_WORD), end):
            prev, piece = best[start], low[start:end]
            if prev is None or not _piece_ok(piece) or (len(piece) == 1 and end == len(run)):
                continue
            if start and len(piece) == 1 and prev[3] == start - 1:
                continue  # two one-letter pieces in a row ("Герц и к") are noise
            cand = (prev[0] + 1, prev[1] + _is_name(piece), prev[2] - len(piece) ** 2, start)
            if best[end] is None or cand[:3] < best[end][:3]:
                best[end] = cand
    if best[-1] is None:
        return None
    pieces, end = [], len(run)
    while end:
        start = best[end][3]
        pieces.append(run[start:end])
        end = start
    return tuple(reversed(pieces))


def _is_name(piece: str) -> int:
    """1 when the piece is most likely a personal name ("Анна"): such splits lose ties."""
    tag = parses(piece)[0].tag
    return int(bool({"Name", "Surn", "Patr"} & set(str(tag).replace(" ", ",").split(","))))


SHORT_PIECE = 3  # pieces this short must be function words or unit-like abbreviations
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL"})


@lru_cache(maxsize=50_000)
def _piece_ok(piece: str) -> bool:
    """A dictionary word; a short one only as a preposition/conjunction/particle or a unit-like
    abbreviation ("не", "от", "млн", "руб"), never a name or an organisation acronym."""
    if len(piece) == 1:
        return piece in ONE_LETTER_WORDS
    if not is_known(piece):
        return False
    if len(piece) > SHORT_PIECE:
        return True
    tag = parses(piece)[0].tag
    return tag.POS in _FUNCTION_POS or ("Abbr" in tag and "Orgn" not in tag and "Name" not in tag)
