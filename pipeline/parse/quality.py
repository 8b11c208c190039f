"""Text-layer quality: unmapped glyphs, private-use characters and mojibake."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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


def dedupe_chars(chars: Sequence[Char], tol: float = LAYOUT.dedupe_tolerance) -> list[Char]:
    """Drop overprinted copies of a glyph (faux bold) within `tol` points; keeps the first.

    Positions are snapped to a `tol` grid; a glyph is a copy when the same text was kept in its
    cell or one of the 8 around it (the probes are written out: no generator step per probe)."""
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
