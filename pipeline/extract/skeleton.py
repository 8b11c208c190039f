"""The shape every extractor follows, written once: anchor → grammar match → named filters →
context resolution → typed fact.

- `windows`: merged, whitespace-bounded windows of text around trigger matches (the anchors).
- `resolve_overlaps`: of overlapping candidates keep the longest, then the earliest.
- `Rule`: a named "this is not a fact" filter with a positive and a negative example; the
  examples become tests (tests/test_rules.py). Predicates read a typed context and never change it.
- `first_rejecting`: the name of the first rule that rejects a context, or None.

Examples mark the candidate in curly braces: "см. рис. {3} ниже" → text "см. рис. 3 ниже" and the
span of "3"; `marked(example)` splits them (square brackets stay free for reference lists).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

C = TypeVar("C")
T = TypeVar("T")


class Spanned(Protocol):
    char_start: int
    char_end: int


S = TypeVar("S", bound=Spanned)


def windows(text: str, trigger: re.Pattern[str], left: int, right: int) -> list[tuple[int, int]]:
    """Merged windows around every trigger match, `left`/`right` characters of context widened to
    the nearest whitespace, so no window cuts a word."""
    spans: list[tuple[int, int]] = []
    for match in trigger.finditer(text):
        lo = _to_space(text, max(0, match.start() - left), -1)
        hi = _to_space(text, min(len(text), match.end() + right), 1)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _to_space(text: str, index: int, step: int) -> int:
    """Move `index` by `step` until it sits on a word boundary (whitespace side)."""
    while 0 < index < len(text) and not text[index - (step < 0)].isspace():
        index += step
    return index


def resolve_overlaps(candidates: Iterable[S], size: Callable[[S], int] | None = None) -> list[S]:
    """Non-overlapping candidates, longest (by `size`, default the span) first, then earliest;
    returned in text order."""
    measure = size or (lambda c: c.char_end - c.char_start)
    kept: list[S] = []
    for c in sorted(candidates, key=lambda c: (-measure(c), c.char_start)):
        if all(c.char_end <= o.char_start or o.char_end <= c.char_start for o in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.char_start)


@dataclass(frozen=True)
class Rule(Generic[C]):
    """A named filter: `rejects(context)` is True when the candidate is not a fact.

    `positive`: an example the rule rejects; `negative`: a similar one it lets through (the
    candidate in curly braces)."""

    name: str
    rejects: Callable[[C], bool]
    positive: str
    negative: str


def first_rejecting(rules: Sequence[Rule[C]], context: C) -> str | None:
    """Name of the first rule that rejects `context`, or None when every rule lets it through."""
    return next((r.name for r in rules if r.rejects(context)), None)


_MARK = re.compile(r"\{([^{}]+)\}")


def marked(example: str) -> tuple[str, int, int]:
    """("см. рис. {3} ниже") → ("см. рис. 3 ниже", 9, 10): the text and the marked span."""
    m = _MARK.search(example)
    if m is None:
        raise ValueError(f"example without a {{marked}} candidate: {example!r}")
    text = example[: m.start()] + m.group(1) + example[m.end() :]
    return text, m.start(), m.start() + len(m.group(1))
