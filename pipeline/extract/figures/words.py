"""Words of a figure's sentence with their morphology (pymorphy3 parses, cached)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline.nlp.morph import parses

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁё]+)*|\S")


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


def _as_word(m: re.Match) -> _Word:
    return _Word(m.start(), m.end(), m.group())


def _is_verb(w: _Word) -> bool:
    tags = w.tags
    return bool(tags) and tags[0].tag.POS in {"VERB", "PRTS"}
