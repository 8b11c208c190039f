"""Named entities only where a mention can be: natasha's NER on windows around capitalised words.

Every entity natasha's NER tags on the real corpus holds a capitalised word (3611 of 3611),
starts at most `WORDS_BEFORE_CAPITAL` words before its first one and ends at most
`WORDS_AFTER_CAPITAL` words after its last one. The tagger (slovnet: three convolutions of width 3,
then a CRF) decides a token from the 3 tokens on either side, so each window also keeps
`CONTEXT_WORDS` words of context beyond that reach (a word is at least one token). Text outside
every window — number-only lines, lowercase prose, runs of figures — is never tagged; the
windows give the entities of the whole page (checked on the corpus by `bench/nlp_diff.py` and on
the fixtures by tests/test_nlp_windows.py) for about 80 % of its text.

A page's windows are joined into one item (each window's core sees only its own context, so
the join changes nothing there), and the items of several pages go to the tagger in one call
(`pipeline.nlp.infer.ner_spans`: the model on each item alone, one Viterbi over them all).
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Protocol

from pipeline.nlp.infer import ner_spans

WORDS_BEFORE_CAPITAL = 2  # an entity starts at most this many words before its first capital
WORDS_AFTER_CAPITAL = 7  # and ends at most this many words after its last one
CONTEXT_WORDS = 3  # the tagger's receptive field: 3 stacked convolutions of width 3
REACH_BEFORE = WORDS_BEFORE_CAPITAL + CONTEXT_WORDS
REACH_AFTER = WORDS_AFTER_CAPITAL + CONTEXT_WORDS

JOINER = "\n"  # between windows: not a token, so the tagger sees the windows' words in a row
_WORD = re.compile(r"\S+")
_CAPITAL = re.compile(r"[А-ЯЁA-Z]")

Span = tuple[int, int, str]  # start, end, type (ORG | LOC | PER)


class Tagger(Protocol):
    """natasha's `NewsNERTagger` (slovnet's `NER`): its `infer` holds the model, encoder and decoder."""

    infer: object


def windows(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` that can hold an entity, with the tagger's context (merged)."""
    words = list(_WORD.finditer(text))
    merged: list[list[int]] = []
    for i, word in enumerate(words):
        if not _CAPITAL.search(word.group()):
            continue
        lo, hi = max(0, i - REACH_BEFORE), min(len(words) - 1, i + REACH_AFTER)
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    return [(words[lo].start(), words[hi].end()) for lo, hi in merged]


def tag(texts: list[str], tagger: Tagger) -> list[list[Span]]:
    """Entities of each text (offsets index it), from one tagger call over all their windows."""
    items = [_Windows(text) for text in texts]
    order = [i for i, item in enumerate(items) if item.joined]
    found: list[list[Span]] = [[] for _ in texts]
    for i, spans in zip(order, ner_spans(tagger, [items[i].joined for i in order]), strict=True):
        found[i] = [(items[i].origin(a), items[i].origin(b - 1) + 1, type_) for a, b, type_ in spans]
    return found


class _Windows:
    """A text's windows joined by line breaks (not tokens), and the way back to the text's offsets.

    A window's core sees only its own context words, so joining changes no tagger decision there."""

    def __init__(self, text: str) -> None:
        self.spans = windows(text)
        self.joined = JOINER.join(text[a:b] for a, b in self.spans)
        self.starts = list(itertools.accumulate((b - a + len(JOINER) for a, b in self.spans[:-1]), initial=0))

    def origin(self, offset: int) -> int:
        """The text offset of a character of `joined`."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.spans[k][0] + offset - self.starts[k]
