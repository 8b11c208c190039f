"""razdel's word tokens (`razdel.tokenize`) as (start, stop, text) tuples, with razdel's own rules
asked only where they decide something.

razdel cuts a text into atoms (a run of Cyrillic or Latin letters, a run of digits, one punctuation
or other character) and asks its rules whether to join two atoms only when no space separates
them; it still builds a split record for every pair of atoms and a record for every atom. Here the
atoms are regex matches, and razdel's rules (with razdel's split record over the same three atoms
on either side) are asked at each pair of touching atoms, so the tokens are razdel's
(tests/test_nlp_windows.py compares them on real text).
"""

from __future__ import annotations

from razdel.segmenters.tokenize import ATOM, Atom, TokenSegmenter, TokenSplit

WINDOW = 3  # atoms on either side that razdel's rules may look at (`TokenSplitter.window`)
_SEGMENTER = TokenSegmenter()

Token = tuple[int, int, str]  # start, stop, text


def tokenize(text: str) -> list[Token]:
    """razdel's tokens of `text`, in order."""
    matches = list(ATOM.finditer(text))
    atoms: dict[int, Atom] = {}
    out: list[Token] = []
    start = 0  # the first atom of the token being built
    for index in range(1, len(matches)):
        touching = matches[index - 1].end() == matches[index].start()
        if not touching or not _joins(text, matches, atoms, start, index):
            out.append(_token(text, matches[start].start(), matches[index - 1].end()))
            start = index
    if matches:
        out.append(_token(text, matches[start].start(), matches[-1].end()))
    return out


def _token(text: str, start: int, stop: int) -> Token:
    return start, stop, text[start:stop]


def _joins(text: str, matches: list, atoms: dict[int, Atom], first: int, index: int) -> bool:
    """razdel's decision on two touching atoms (`TokenSegmenter.segment`): join them into one token."""
    split = TokenSplit(
        [_atom(matches, atoms, i) for i in range(max(0, index - WINDOW), index)],
        "",
        [_atom(matches, atoms, i) for i in range(index, min(len(matches), index + WINDOW))],
    )
    split.buffer = text[matches[first].start() : matches[index - 1].end()]
    return bool(_SEGMENTER.join(split))


def _atom(matches: list, atoms: dict[int, Atom], i: int) -> Atom:
    atom = atoms.get(i)
    if atom is None:
        m = matches[i]
        atom = atoms[i] = Atom(m.start(), m.end(), m.lastgroup, m.group())
    return atom
