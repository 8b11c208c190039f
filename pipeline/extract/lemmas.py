"""Lemma-sequence matching of catalog phrases (indicators, territories) against words of a text.

A catalog phrase is stored as the lemmas of its words (first pymorphy3 parse); a text word matches
a phrase word when any of its parses has that lemma, so every case form of a phrase matches
("Курской области", "Курскую область" → "курский область"). `ё` is read as `е`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from pipeline.nlp.morph import lemma, parses

__all__ = ["LemmaIndex", "PhraseMatch", "Word", "lemma_forms", "phrase_lemmas", "words"]

T = TypeVar("T")
WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*")
_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    value: T
    start: int  # index of the first matched word
    end: int  # index after the last matched word
    size: int  # number of words in the catalog phrase


def norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def words(text: str) -> list[Word]:
    """The letter words of a text with their character offsets (punctuation and numbers skipped)."""
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    """Lemmas of a catalog phrase's words: "Курская область" → ("курский", "область")."""
    return tuple(norm(lemma(w)) for w in WORD.findall(phrase))


@lru_cache(maxsize=_CACHE_SIZE)
def lemma_forms(word: str) -> frozenset[str]:
    """The word itself and every lemma pymorphy3 gives it, lower case, ё as е; a compound common
    noun ("компания-разработчик") also by its first noun, a hyphenated name ("Гвинея-Бисау") not."""
    if not word[:1].isalpha():
        return frozenset({norm(word)})
    forms = {norm(word)} | {norm(p.normal_form) for p in parses(word)}
    head = word.split("-")[0]
    # "компаний-разработчиков": a company
    if head != word and word.islower() and parses(head)[0].tag.POS == "NOUN":
        forms |= {norm(p.normal_form) for p in parses(head) if p.tag.POS == "NOUN"}
    return frozenset(forms)


class LemmaIndex(Generic[T]):
    """Catalog phrases (as `phrase_lemmas`) → values; finds every phrase in a word sequence.

    `max_gap` other words may stand between two words of a phrase (0: contiguous); an entry
    `(lemmas, value, gap)` sets its own.
    """

    def __init__(self, entries: Iterable[tuple], max_gap: int = 0) -> None:
        self.max_gap = max_gap
        self._first: dict[str, list[tuple[int, tuple[str, ...], T, int]]] = {}
        for order, (lemmas, value, *gap) in enumerate(entries):
            if lemmas:
                entry = (order, lemmas, value, gap[0] if gap else max_gap)
                self._first.setdefault(lemmas[0], []).append(entry)

    def matches(self, tokens: Sequence[str]) -> list[PhraseMatch[T]]:
        """All matches, sorted by start, then longest span, then longest phrase, then catalog order
        (never by the iteration order of a word's lemma set, which changes from process to process)."""
        forms = [lemma_forms(t) for t in tokens]
        found: list[tuple[tuple[int, int, int, int], PhraseMatch[T]]] = []
        for start, lemmas in enumerate(forms):
            for first in lemmas:
                for order, phrase, value, gap in self._first.get(first, ()):
                    end = self._end(phrase, forms, start, gap)
                    if end is not None:
                        found.append(
                            (
                                (start, start - end, -len(phrase), order),
                                PhraseMatch(value, start, end, len(phrase)),
                            )
                        )
        found.sort(key=lambda pair: pair[0])
        return [match for _, match in found]

    @staticmethod
    def _end(phrase: tuple[str, ...], forms: list[frozenset[str]], start: int, gap: int) -> int | None:
        pos = start
        for word in phrase[1:]:
            reach = range(pos + 1, min(pos + 2 + gap, len(forms)))
            pos = next((i for i in reach if word in forms[i]), -1)
            if pos < 0:
                return None
        return pos + 1
