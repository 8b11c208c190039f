"""Characters → lines: vertical clustering, word spacing, superscripts and column gutters."""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter, not_
from typing import Any

import numpy as np

from pipeline.lexicon import UNITS
from pipeline.model import BBox
from pipeline.parse.settings import LAYOUT

Char = dict[str, Any]

# field getters: `map`/`min`/`max`/`sorted` with these loop over a row's chars at C speed
_top, _x0, _x1, _bottom = itemgetter("top"), itemgetter("x0"), itemgetter("x1"), itemgetter("bottom")
_size, _text = itemgetter("size"), itemgetter("text")
MARKER_CHARS = frozenset("0123456789*†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰),")  # what a footnote marker is made of


@dataclass
class Line:
    """One visual text line: its text (superscripts removed), box and dominant font size."""

    text: str
    bbox: BBox
    size: float
    markers: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, marker)
    bold: bool = False
    boxes: array = field(default_factory=lambda: array("d"))  # glyph box of each text char (`char_boxes`)

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


def cluster_rows(chars: Iterable[Char]) -> list[list[Char]]:
    """Group chars into rows: sorted by top, a char joins the row if it shares both with the
    previous char and with the row's first char (so one tall glyph cannot glue two lines) at least
    `row_overlap` of the smaller one's height, counted as no less than `min_char_height`."""
    ratio, floor = LAYOUT.row_overlap, LAYOUT.min_char_height
    rows: list[list[Char]] = []
    ft = fb = lt = lb = 0.0  # top and bottom of the current row's first and last char
    row: list[Char] = []
    for c in sorted(chars, key=_top):
        t, b = c["top"], c["bottom"]
        # the overlap with the last char, then with the first, written out: this runs for every char
        h = b - t
        low = lb - lt if lb - lt < h else h
        joins = (lb if lb < b else b) - (lt if lt > t else t) >= ratio * (low if low > floor else floor)
        if joins:
            low = fb - ft if fb - ft < h else h
            joins = (fb if fb < b else b) - (ft if ft > t else t) >= ratio * (low if low > floor else floor)
        if rows and joins:
            row.append(c)
        else:
            row = [c]
            rows.append(row)
            ft, fb = t, b
        lt, lb = t, b
    return rows


def dominant_size(chars: Sequence[Char]) -> float:
    """Most common (rounded) font size among non-space chars (a row in one size, the most common
    case, is answered without counting)."""
    shown = list(compress(map(_size, chars), map(not_, map(str.isspace, map(_text, chars)))))
    if shown and shown.count(shown[0]) == len(shown):
        return round(shown[0], 1)
    raw = Counter(shown)
    sizes: Counter[float] = Counter()
    for size, n in raw.items():  # round each distinct size once (first-seen order kept for ties)
        sizes[round(size, 1)] += n
    return sizes.most_common(1)[0][0] if sizes else 0.0


NO_BOX = (math.nan,) * 4  # the "box" of a space or any char that no glyph drew
POWERS = {"2": "²", "3": "³"}  # a raised 2 or 3 right after a unit is its power ("м²"), not a footnote
# the units the lexicon spells with a power: "м", "км", "см" ("млн.м" + raised "2" → "млн.м²")
POWER_BASES = frozenset(s[:-1].lower() for u in UNITS for s in u.exact if s[-1:] in POWERS.values())
_LAST_WORD = re.compile(r"(?:^|[^\w])(\w+)$")


def char_boxes(n: int) -> array:
    """A flat array of `n` char boxes (x0, top, x1, bottom each), all `NO_BOX` to start with."""
    return array("d", NO_BOX * n)


def _glyphs(
    row: Sequence[Char], size: float, base: float
) -> tuple[list[str], list[float], list[tuple[int, str]]]:
    """The row's text pieces (one space per word gap), the flat box of each text char, and the
    superscript markers (offset, text) taken out of the text. A marker is a digit or symbol (never
    a letter, so never a raised "млн" or "руб."), clearly smaller than the line's text and raised
    above its baseline (thresholds computed once per row: this runs for every char of every page)."""
    parts: list[str] = []
    boxes: list[float] = []
    markers: list[tuple[int, str]] = []
    n = 0
    word_gap = LAYOUT.word_gap * size
    sup_size, sup_bottom = LAYOUT.sup_ratio * size, base - LAYOUT.sup_raise * size
    marker_chars, no_box = MARKER_CHARS, NO_BOX
    prev_x1 = row[0]["x0"] if row else 0.0  # the first char's gap: 0 (nan for a non-finite x0), no break
    for c in row:
        t, x0, x1 = c["text"], c["x0"], c["x1"]
        gap, prev_x1 = x0 - prev_x1, x1
        if t in marker_chars and c["size"] < sup_size and c["bottom"] < sup_bottom:
            if _unit_power(parts, t, gap, size):
                t = POWERS[t]
            else:  # a superscript marker
                if markers and markers[-1][0] == n and gap < word_gap:
                    markers[-1] = (n, markers[-1][1] + t)
                elif not t.isspace():
                    markers.append((n, t))
                continue
        space = t.isspace()
        if (space or gap > word_gap) and parts and parts[-1] != " ":
            parts.append(" ")
            boxes += no_box
            n += 1
        if not space:
            parts.append(t)
            boxes += (x0, c["top"], x1, c["bottom"]) * len(t)
            n += len(t)
    return parts, boxes, markers


def _unit_power(parts: list[str], t: str, gap: float, size: float) -> bool:
    """A raised "2"/"3" written against a unit the lexicon spells with a power ("тыс. м" + "2")."""
    if t not in POWERS or gap >= LAYOUT.word_gap * size or not parts:
        return False
    found = _LAST_WORD.search("".join(parts[-_TAIL_PARTS:]))
    return found is not None and found.group(1).lower() in POWER_BASES


_TAIL_PARTS = 8  # the pieces of text before a raised char searched for the unit it belongs to


def make_line(row: Sequence[Char]) -> Line | None:
    """Build a `Line` from one row of chars; superscript runs become markers."""
    row = sorted(row, key=_x0)
    size = dominant_size(row)
    if not size:
        return None
    same = LAYOUT.same_size
    main = [c for c in row if abs(c["size"] - size) < same]
    base = max(map(_bottom, main)) if main else max(map(_bottom, row))
    parts, boxes, markers = _glyphs(row, size, base)
    text = "".join(parts).rstrip()
    if not text:
        return None
    markers = [(min(o, len(text)), m) for o, m in markers]
    bbox = (min(map(_x0, row)), min(map(_top, row)), max(map(_x1, row)), max(map(_bottom, row)))
    bold = sum(["Bold" in c.get("fontname", "") for c in main]) > LAYOUT.bold_share * max(len(main), 1)
    lead = len(text) - len(text.lstrip())
    glyph_boxes = array("d", boxes[4 * lead : 4 * len(text)])
    return Line(text[lead:], bbox, size, _shift(markers, lead), bold, glyph_boxes)


def _shift(markers: list[tuple[int, str]], k: int) -> list[tuple[int, str]]:
    return [(max(o - k, 0), m) for o, m in markers] if k else markers


def build_lines(chars: Iterable[Char]) -> list[Line]:
    """Lines of a single text column, top to bottom."""
    return [ln for row in cluster_rows(chars) if (ln := make_line(row)) is not None]


def segments(row: Sequence[Char], size: float) -> list[Span]:
    """Horizontal extents of a row, split at gaps wider than `segment_gap` × font size."""
    gap = LAYOUT.segment_gap * size
    starts: list[float] = []
    ends: list[float] = []
    for c in sorted(row, key=_x0):
        if c["text"].isspace():
            continue
        if ends and c["x0"] - ends[-1] < gap:
            if c["x1"] > ends[-1]:  # `max` of the two, the first when neither is larger
                ends[-1] = c["x1"]
        else:
            starts.append(c["x0"])
            ends.append(c["x1"])
    return list(zip(starts, ends, strict=True))


Span = tuple[float, float]


def row_spans(row: Sequence[Char]) -> list[Span]:
    """`segments` of a row at its dominant size (`fallback_size` when it shows nothing): what the
    aligned-table finder, the gutter finder and the column split read of each row."""
    return segments(row, dominant_size(row) or LAYOUT.fallback_size)


def _side_extent(
    hit: np.ndarray, starts: np.ndarray, ends: np.ndarray, first: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per row and x (rows × xs): does any of the row's segments satisfy `hit` (segments × xs),
    and the extent from the first such segment's start to the last one's end."""
    idx = np.arange(len(starts))[:, None]
    lo = np.minimum.reduceat(np.where(hit, idx, len(starts)), first, axis=0)
    hi = np.maximum.reduceat(np.where(hit, idx, -1), first, axis=0)
    found = hi >= 0
    extent = ends[np.where(found, hi, 0)] - starts[np.where(found, lo, 0)]
    return found, extent


def _split_flags(
    segs: Sequence[list[Span]], xs: np.ndarray, width: float, side: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per row and x: does the row cross x (`crossed`), and is it split by x (`split`): both sides
    hold a run of text `side` × width wide (`side=0`: text on either side)?"""
    counts = np.array([len(ss) for ss in segs])
    crossed = np.zeros((len(segs), len(xs)), dtype=bool)
    split = np.zeros_like(crossed)
    has = counts > 0
    if not has.any():
        return crossed, split
    flat = np.array([s for ss in segs for s in ss], dtype=float)
    starts, ends = flat[:, 0], flat[:, 1]
    first = np.concatenate(([0], np.cumsum(counts[has])[:-1]))
    a, b = starts[:, None], ends[:, None]
    crossed[has] = np.logical_or.reduceat((a <= xs) & (xs <= b), first, axis=0)
    left, lext = _side_extent(b < xs, starts, ends, first)
    right, rext = _side_extent(a > xs, starts, ends, first)
    if not side:
        split[has] = left | right
    else:
        wide = side * width
        split[has] = left & right & (lext >= wide) & (rext >= wide)
    return crossed, split & ~crossed


def find_gutter(spans: Sequence[list[Span]], width: float, side: float = LAYOUT.column_side) -> float | None:
    """x of a column gutter: ≥ `gutter_rows` consecutive rows (each given by its `row_spans`) with
    prose on both sides and none across it. `side=0` (slides) accepts any row that does not cross it.

    Every candidate x is tested on every row at once (rows × xs arrays): the longest run of split
    rows at x counts split rows since the last row crossing x (one-sided rows are tolerated)."""
    need = LAYOUT.gutter_rows
    if len(spans) < need:
        return None
    xs = np.arange(int(LAYOUT.gutter_from * width), int(LAYOUT.gutter_to * width), LAYOUT.gutter_step)
    if not len(xs):
        return None
    crossed, split = _split_flags(spans, xs, width, side)
    count = np.cumsum(split, axis=0)
    runs = count - np.maximum.accumulate(np.where(crossed, count, 0), axis=0)
    best = runs.max(axis=0)
    k = int(np.argmax(best))
    return float(xs[k]) if best[k] >= need else None


def _detached(rows: list[list[Char]], k: int, height: float) -> bool:
    """Is row k a header/footer row: in the page's header/footer `band`, set off by a wide gap?"""
    top = min(c["top"] for c in rows[k])
    bottom = max(c["bottom"] for c in rows[k])
    h = bottom - top
    if bottom < LAYOUT.band * height and k + 1 < len(rows):
        return min(c["top"] for c in rows[k + 1]) - bottom > LAYOUT.detached_gap * h
    if top > (1 - LAYOUT.band) * height and k > 0:
        return top - max(c["bottom"] for c in rows[k - 1]) > LAYOUT.detached_gap * h
    return False


def split_columns(
    rows: list[list[Char]], spans: Sequence[list[Span]], gutter: float, height: float
) -> list[list[Char]]:
    """Reorder rows (each with its `row_spans`) so that two-column blocks read left column first,
    then right."""
    out: list[list[Char]] = []
    left: list[list[Char]] = []
    right: list[list[Char]] = []

    def flush() -> None:
        out.extend(cluster_rows(c for r in left for c in r))
        out.extend(cluster_rows(c for r in right for c in r))
        left.clear()
        right.clear()

    for k, row in enumerate(rows):
        if _detached(rows, k, height) or any(a <= gutter <= b for a, b in spans[k]):
            flush()
            out.append(row)
            continue
        lpart = [c for c in row if (c["x0"] + c["x1"]) / 2 < gutter]
        rpart = [c for c in row if (c["x0"] + c["x1"]) / 2 >= gutter]
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    flush()
    return out
