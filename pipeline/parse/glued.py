"""Text without space characters (PowerPoint exports): words split where the layout gave no gap.

Only lines of pages whose text layer has no space character at all are touched (`is_spaceless`):
gaps between chars already became spaces in `lines.make_line`; what is left glued is split at
letter/digit and "№" boundaries, and runs of letters by dictionary words (`nlp.morph.split_words`):
"неболее25%" → "не более 25%", "5млнруб." → "5 млн руб.", "от01.02.2021№123-р" → "от 01.02.2021 № 123-р".
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

from pipeline.nlp.morph import split_words
from pipeline.parse.lines import Char, Line, char_boxes
from pipeline.parse.settings import LAYOUT

# a letter run next to a digit or "№"; a digit run next to a letter or "№" (not "123-р", "2-й")
_BOUNDARY = re.compile(
    r"(?<=[^\W\d_])(?=\d|№)|(?<=\d)(?=[^\W\d_]|№)|(?<=№)(?=[\w])|(?<=[^\W\d_]\.)(?=[^\W\d_])"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")


def is_spaceless(chars: Sequence[Char]) -> bool:
    """Does the page's text layer hold no space character at all (and enough text to tell)?"""
    visible = 0
    for c in chars:
        if c["text"].isspace():
            return False
        visible += 1
    return visible >= LAYOUT.spaceless_min_chars


def split_glued(text: str, morph: bool = True) -> tuple[str, list[int]]:
    """`text` with the missing spaces inserted, and for each old offset its new offset.
    `morph=False` splits only at letter/digit boundaries (OCR text: its unknown words are
    misreadings, not glued words)."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in re.finditer(r"\S+|\s+", text):
        token = m.group()
        new = token if token.isspace() or _URL.fullmatch(token) else _split_token(token, morph)
        k = 0
        for ch in token:  # map each old char to its place in the new token
            while new[k] != ch:
                k += 1
            where.append(pos + k)
            k += 1
        out.append(new)
        pos += len(new)
    where.append(pos)
    return "".join(out), where


def _split_token(token: str, morph: bool) -> str:
    parts = _BOUNDARY.sub(" ", token)
    if not morph:
        return parts
    return _LETTERS.sub(lambda m: " ".join(split_words(m.group()) or (m.group(),)), parts)


def split_lines(lines: list[Line], morph: bool = True) -> list[Line]:
    """Lines of a spaceless page with their glued words split (markers moved along)."""
    out = []
    for ln in lines:
        text, where = split_glued(ln.text, morph)
        markers = [(where[min(o, len(where) - 1)], m) for o, m in ln.markers]
        out.append(Line(text, ln.bbox, ln.size, markers, ln.bold, _moved(ln.boxes, where, len(text))))
    return out


def _moved(boxes: array, where: list[int], n: int) -> array:
    """The char boxes of a line whose char i moved to `where[i]` in a text of `n` chars (the
    inserted spaces have no box)."""
    out = char_boxes(n)
    for i in range(len(boxes) // 4):
        out[4 * where[i] : 4 * where[i] + 4] = boxes[4 * i : 4 * i + 4]
    return out
