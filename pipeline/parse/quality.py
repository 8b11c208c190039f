"""Text-layer quality: unmapped glyphs, private-use characters and mojibake."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from pipeline.parse.lines import Char
from pipeline.parse.settings import LAYOUT


def bad_glyph(text: str) -> bool:
    """An unusable glyph: '(cid:NN)', private-use area, replacement or control character."""
    if text.startswith("(cid:"):
        return True
    if len(text) != 1:
        return False
    o = ord(text)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or (o < 32 and text not in "\t\n\r") or (0x80 <= o < 0xA0)


def _mojibake(text: str) -> bool:
    """Latin-1 letters that stand for Cyrillic bytes ('Ã', 'Ð', 'Ïðîåêò')."""
    return len(text) == 1 and 0xC0 <= ord(text) <= 0xFF


def visible_texts(chars: Sequence[Char]) -> list[str]:
    """The texts of the chars that show something (not blanks)."""
    return [t for c in chars if (t := c["text"]).strip()]


def page_is_broken(chars: Sequence[Char]) -> bool:
    """True when too many of the page's glyphs are unmapped or mis-decoded."""
    return texts_are_broken(visible_texts(chars))


def texts_are_broken(visible: list[str]) -> bool:
    """True when too many of these visible glyph texts are unmapped or mis-decoded."""
    counts = Counter(visible)  # each distinct text is tested once
    if len(visible) < LAYOUT.quality_min_chars:
        return bool(visible) and sum(n for t, n in counts.items() if bad_glyph(t)) > len(visible) / 2
    bad = sum(n for t, n in counts.items() if bad_glyph(t) or _mojibake(t))
    return bad > LAYOUT.bad_page_ratio * len(visible)


def clean_chars(chars: Sequence[Char]) -> list[Char]:
    """Drop unusable glyphs (and empty texts) from a page's chars."""
    bad = {t for t in {c["text"] for c in chars} if not t or bad_glyph(t)}
    return [c for c in chars if c["text"] not in bad]


_NEIGHBOURS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy]
_MAX_KEY = 2**62  # cell keys must fit numpy's int64


def _may_have_copies(chars: Sequence[Char], tol: float) -> bool:
    """Could any glyph be a copy of another (same text in the same or a neighbouring `tol` cell)?
    One numpy test over packed (text, x cell, y cell) keys; False means `dedupe_chars` keeps all."""
    ids: dict[str, int] = {}
    tid = np.array([ids.setdefault(c["text"], len(ids)) for c in chars], dtype=np.int64)
    x = np.array([c["x0"] for c in chars], dtype=float) / tol
    y = np.array([c["top"] for c in chars], dtype=float) / tol
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return True  # the exact loop decides (and fails on what int() cannot snap)
    xi, yi = np.trunc(x), np.trunc(y)  # int() snaps toward zero
    w, h = xi.max() - xi.min() + 3, yi.max() - yi.min() + 3  # a free cell on each side: no wrap
    if len(ids) * w * h >= _MAX_KEY:
        return True
    xs, ys = (xi - xi.min() + 1).astype(np.int64), (yi - yi.min() + 1).astype(np.int64)
    hh = int(h)
    keys = (tid * int(w) + xs) * hh + ys
    unique = np.unique(keys)
    if len(unique) < len(keys):
        return True
    return any(np.isin(unique + (dx * hh + dy), unique, assume_unique=True).any() for dx, dy in _NEIGHBOURS)


def dedupe_chars(chars: Sequence[Char], tol: float = LAYOUT.dedupe_tolerance) -> list[Char]:
    """Drop overprinted copies of a glyph (faux bold) within `tol` points; keeps the first.

    Positions are snapped to a `tol` grid; a glyph is a copy when the same text was kept in its
    cell or one of the 8 around it (the probes are written out: no generator step per probe).
    Pages where no two glyphs could be copies (`_may_have_copies`) skip the loop."""
    if not chars or not _may_have_copies(chars, tol):
        return list(chars)
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in chars:
        t, x, y = c["text"], int(c["x0"] / tol), int(c["top"] / tol)
        if (
            (t, x, y) in seen
            or (t, x - 1, y) in seen
            or (t, x + 1, y) in seen
            or (t, x, y - 1) in seen
            or (t, x, y + 1) in seen
            or (t, x - 1, y - 1) in seen
            or (t, x - 1, y + 1) in seen
            or (t, x + 1, y - 1) in seen
            or (t, x + 1, y + 1) in seen
        ):
            continue
        seen.add((t, x, y))
        out.append(c)
    return out
