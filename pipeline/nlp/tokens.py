"""razdel's word tokens (`razdel.tokenize`) as (start, stop, text) tuples, with razdel's own rules
asked only where they decide something.

razdel cuts a text into atoms (a run of Cyrillic or Latin letters, a run of digits, one punctuation
or other character) and asks its rules whether to join two atoms only when no space separates
them; it still builds a split record for every pair of atoms and a record for every atom. Here the
atoms are regex matches, and razdel's rules (razdel's split record and atoms) are asked at each
pair of touching atoms, so the tokens are razdel's (tests/test_nlp_windows.py compares them on
real text and on random strings of the characters the rules look at).

razdel's rules (`razdel.segmenters.tokenize.RULES`) read no more of a split than the types of the
two atoms on either side, the texts of the two atoms it falls between, and the token built so far
only when both of those are punctuation (a smiley); a decision is kept under that key
(`_decision`), so razdel is asked once per distinct key (touching pairs repeat: "2,5", "т.е.",
"млн.", "(…)"; over the corpus 11 k keys for 54 k pairs).
"""

from __future__ import annotations

from functools import lru_cache

from razdel.segmenters.tokenize import ATOM, PUNCT, Atom, TokenSegmenter, TokenSplit

DECISIONS = 50_000  # razdel decisions kept (by what its rules read)
_SEGMENTER = TokenSegmenter()

Token = tuple[int, int, str]  # start, stop, text


def tokenize(text: str) -> list[Token]:
    """razdel's tokens of `text`, in order."""
    matches = list(ATOM.finditer(text))
    out: list[Token] = []
    start = 0  # the first atom of the token being built
    for index in range(1, len(matches)):
        touching = matches[index - 1].end() == matches[index].start()
        if not touching or not _joins(text, matches, start, index):
            out.append(_token(text, matches[start].start(), matches[index - 1].end()))
            start = index
    if matches:
        out.append(_token(text, matches[start].start(), matches[-1].end()))
    return out


def _token(text: str, start: int, stop: int) -> Token:
    return start, stop, text[start:stop]


def _joins(text: str, matches: list, first: int, index: int) -> bool:
    """razdel's decision on two touching atoms (`TokenSegmenter.segment`): join them into one token."""
    left, right = matches[index - 1], matches[index]
    before = matches[index - 2].lastgroup if index > 1 else None
    after = matches[index + 1].lastgroup if index + 1 < len(matches) else None
    both_punct = left.lastgroup == PUNCT and right.lastgroup == PUNCT
    buffer = text[matches[first].start() : left.end()] if both_punct else None
    return _decision(before, left.lastgroup, left.group(), right.lastgroup, right.group(), after, buffer)


@lru_cache(maxsize=DECISIONS)
def _decision(
    before: str | None,
    left_type: str,
    left: str,
    right_type: str,
    right: str,
    after: str | None,
    buffer: str | None,
) -> bool:
    """razdel's rules asked on a split whose atoms are made of what they read: the types of the
    atoms around the split (`before`/`after`: the second atom on each side, None at the text's
    ends), the texts of the two atoms it falls between, and the token built so far (`buffer`, read
    only when both are punctuation). Positions and the third atoms are read by no rule."""
    split = TokenSplit(
        ([] if before is None else [Atom(0, 0, before, "")]) + [Atom(0, 0, left_type, left)],
        "",
        [Atom(0, 0, right_type, right)] + ([] if after is None else [Atom(0, 0, after, "")]),
    )
    split.buffer = buffer if buffer is not None else left
    return bool(_SEGMENTER.join(split))
