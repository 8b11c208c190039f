"""Words of a figure's sentence with their morphology (pymorphy3 parses, cached)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.nlp.morph import parses

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁё]+)*|\S")
DASHES = frozenset(lexicon.DASHES)  # a dash as a word: "сельское хозяйство – 500,0 тыс. руб."
ON_BEFORE = re.compile(r"\bна\s*$", re.I)  # "на" right before a figure ("выросла на 5%", "на 10 браков")
# "на" and an evaluative adjective agreeing with the number ("выросла на впечатляющие 7,4%", "на целых 5%")
ON_ADJECTIVE_BEFORE = re.compile(r"\bна\s+[а-яё]{3,}(?:ые|ие|ых|их)\s+$", re.I)
ON_ADJECTIVE_REACH = 30  # characters before a figure searched for it
LIST_JOINED = re.compile(rf"\s*{lexicon.LIST_JOIN}\s*", re.I)  # between two figures of one list: " и "


@dataclass
class _Word:
    start: int
    end: int
    text: str

    @property
    def tags(self) -> tuple:
        return parses(self.text) if self.text[:1].isalpha() else ()

    @property
    def lemma(self) -> str:
        p = self.tags
        return p[0].normal_form if p else self.text.lower()

    def has(self, pos: str, *grams: str) -> bool:
        """The best parse is `pos`, and some parse with that part of speech has `grams`."""
        tags = self.tags
        if not tags or pos != tags[0].tag.POS:
            return False
        return any(pos == p.tag.POS and all(g in p.tag for g in grams) for p in tags)


_TERMS = sorted(
    (tuple(_Word(0, 0, w).lemma for w in t.split()) for t in lexicon.FIXED_TERMS), key=len, reverse=True
)


def term_start(words: list[_Word], i: int) -> int:
    """Index of the first word of a fixed term whose noun is `words[i]` ("среднемесячная
    заработная плата"), else `i`: the term's adjectives belong to the measure."""
    for term in _TERMS:
        k = i - len(term) + 1
        if k >= 0 and tuple(w.lemma for w in words[k : i + 1]) == term:
            return k
    return i


def as_written(words: list[_Word]) -> str:
    """The words as the text spaces them ("Mail.ru Group", "«ВКонтакте»")."""
    out = words[0].text if words else ""
    for prev, w in zip(words, words[1:], strict=False):
        out += f"{' ' * (w.start > prev.end)}{w.text}"
    return out


def _as_word(m: re.Match) -> _Word:
    return _Word(m.start(), m.end(), m.group())


def _is_verb(w: _Word) -> bool:
    """A verb, a short participle or a linking short adjective (`lexicon.LINK_ADJECTIVES`: "равна")."""
    tags = w.tags
    if not tags:
        return False
    top = tags[0]
    return top.tag.POS in {"VERB", "PRTS"} or top.tag.POS == "ADJS" and top.normal_form in _LINK_ADJECTIVES


_LINK_ADJECTIVES = frozenset(lexicon.LINK_ADJECTIVES)


def object_noun(words: list[_Word], i: int) -> int | None:
    """Index of the noun of a "в/на + accusative" complement starting at `i` ("в основной капитал",
    "на капусту"), else None: never a place ("в Курской области" is locative), a name or a time."""
    if i >= len(words) or words[i].text.lower() not in lexicon.OBJECT_PREPOSITIONS:
        return None
    j = noun_in_case(words, i + 1, "accs")
    return None if j is None or words[j].has("NOUN", "loct") else j


def noun_in_case(words: list[_Word], i: int, case: str) -> int | None:
    """Index of the noun in `case` that the adjectives in `case` from `i` lead to ("основной капитал",
    "общем объеме"), else None: never a name or a time."""
    while i < len(words) and words[i].has("ADJF", case):
        i += 1
    noun = words[i] if i < len(words) else None
    if noun is None or not noun.has("NOUN", case) or noun.text[:1].isupper():
        return None
    if noun.lemma in lexicon.PERIOD_NOUNS or noun.lemma in lexicon.TIME_NOUNS:
        return None
    return i
