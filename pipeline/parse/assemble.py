"""Lines → page text: footnotes apart, paragraphs, dehyphenation and exact line provenance."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from statistics import median

from pipeline.lexicon import CONTINUED_TABLE, TABLE_CAPTION
from pipeline.model import Footnote, LineSpan
from pipeline.parse.dehyphen import join_hyphenated, join_text, url_continues
from pipeline.parse.lines import NO_BOX, Line
from pipeline.parse.settings import LAYOUT

_FN_MARK = re.compile(r"^(\d{1,3}\)|\d{1,3}(?=\s)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=[^\W\d])")
_END = re.compile(r"[.:;!?»\")]$")
# a line that ends in a number or a short word/abbreviation ("2,3 млрд", "тыс.", "15") and a next
# line that starts in lower case ("руб.", "марта 2020 г."): one figure or date broken by the layout
_FIGURE_TAIL = re.compile(r"(?:\d|(?<![^\W\d_])[^\W\d_]{1,5}\.?)$")
_LOWER_HEAD = re.compile(r"^[a-zа-яё](?!\))")


@dataclass
class Assembled:
    """Cleaned page text with per-line spans, superscript markers and per-char glyph boxes."""

    text: str = ""
    spans: list[LineSpan] = field(default_factory=list)
    markers: list[tuple[int, str]] = field(default_factory=list)
    boxes: array = field(default_factory=lambda: array("d"))  # 4 floats per char of `text`


def _marker(ln: Line) -> tuple[str, str] | None:
    """(marker, rest) when a line starts with a footnote marker."""
    if ln.markers and ln.markers[0][0] == 0:
        return ln.markers[0][1].strip(), ln.text
    m = _FN_MARK.match(ln.text)
    return (m.group(1), ln.text[m.end() :]) if m else None


def _table_caption(text: str) -> bool:
    """A table's caption line, its continuation's included ("Таблица 2", "Окончание табл. 2")."""
    return bool(TABLE_CAPTION.match(text) or CONTINUED_TABLE.match(text))


def _plain(ln: Line) -> bool:
    """A line of one text size: not a big number beside small text ("47 организаций" on a slide)."""
    return ln.bottom - ln.top <= LAYOUT.note_line_height * max(ln.size, LAYOUT.min_size)


def split_footnotes(lines: list[Line], body_size: float, page: int) -> tuple[list[Line], list[Footnote]]:
    """Separate the small-font, marker-led block at the page bottom from the body lines."""
    i = len(lines)
    while i > 0 and lines[i - 1].size < LAYOUT.note_size * body_size:
        i -= 1
    if i == 0 or i == len(lines):
        return lines, []
    start = next((j for j in range(i, len(lines)) if _marker(lines[j]) and _plain(lines[j])), None)
    if start is None:
        return lines, []
    end = next((j for j in range(start, len(lines)) if _table_caption(lines[j].text)), len(lines))
    notes: list[list] = []
    for ln in lines[start:end]:
        mk = _marker(ln)
        if mk:
            notes.append([mk[0], mk[1], list(ln.bbox)])
        else:
            notes[-1][1] = join_text(notes[-1][1], ln.text)
            b = notes[-1][2]
            notes[-1][2] = [min(b[0], ln.x0), b[1], max(b[2], ln.x1), ln.bottom]
    return lines[:start] + lines[end:], [Footnote(page, m, t.strip(), tuple(b)) for m, t, b in notes]


def _breaks(lines: list[Line], right: list[float]) -> list[bool]:
    """For each line, does it start a new paragraph?"""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top]
    typical = median(gaps) if gaps else 0.0
    out = [True] if lines else []
    for k in range(1, len(lines)):
        a, b = lines[k - 1], lines[k]
        s = max(b.size, LAYOUT.min_size)
        hyphen_cont = a.text[-1:] in "-\u00ad" and b.text[:1].islower()
        figure_cont = bool(_FIGURE_TAIL.search(a.text) and _LOWER_HEAD.match(b.text))
        out.append(
            not hyphen_cont
            and not figure_cont
            and (
                abs(a.size - b.size) > LAYOUT.size_change
                or (b.top > a.top and b.top - a.bottom > typical + LAYOUT.par_gap * s)
                or (b.x0 - a.x0 > LAYOUT.indent * s and b.top > a.top)
                or (a.x1 < right[k - 1] - LAYOUT.short_line * s and bool(_END.search(a.text)))
            )
        )
    return out


def _right_edges(lines: list[Line], gutter: float | None) -> list[float]:
    """Right margin of each line's column."""
    if gutter is None:
        r = max((ln.x1 for ln in lines), default=0.0)
        return [r] * len(lines)
    left = max((ln.x1 for ln in lines if ln.x1 <= gutter), default=gutter)
    right = max((ln.x1 for ln in lines), default=0.0)
    return [left if ln.x1 <= gutter else right for ln in lines]


def assemble(lines: list[Line], gutter: float | None = None) -> Assembled:
    """Join lines into paragraphs ('\\n' between them), undoing hyphenation, with spans."""
    out = Assembled()
    parts: list[str] = []
    n = 0
    for ln, new_par in zip(lines, _breaks(lines, _right_edges(lines, gutter)), strict=True):
        text = ln.text
        if parts:
            j = None if new_par else join_hyphenated(parts[-1], text)
            if j is not None:
                n -= len(parts[-1]) - len(j[0])
                del out.boxes[4 * n :]
                old = out.spans[-1]
                out.spans[-1] = LineSpan(old.char_start, n, old.bbox)
                parts[-1] = j[0]
            elif not new_par and url_continues(parts[-1], text):
                pass
            else:
                parts.append("\n" if new_par else " ")
                out.boxes.extend(NO_BOX)
                n += 1
        start = n
        parts.append(text)
        out.boxes.extend(_line_boxes(ln))
        n += len(text)
        out.spans.append(LineSpan(start, n, ln.bbox))
        out.markers += [(start + o, m) for o, m in ln.markers]
    out.text = "".join(parts)
    return out


def _line_boxes(ln: Line) -> array:
    """The line's char boxes (no box per char when the line was built without them)."""
    return ln.boxes if len(ln.boxes) == 4 * len(ln.text) else array("d", NO_BOX * len(ln.text))
