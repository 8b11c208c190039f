"""Page furniture: running headers/footers, page numbers and КонсультантПлюс export marks."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from itertools import combinations

from pipeline.parse.lines import Line
from pipeline.parse.settings import LAYOUT

_PAGE_NO = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:стр\.?|с\.|page|страница)?\s*\d{1,4}(?:\s*(?:из|of|/)\s*\d{1,4})?"
    r"\s*(?:[-–—])?\s*$",
    re.IGNORECASE,
)
_CONSULTANT = re.compile(
    r"КонсультантПлюс|consultant\.ru|Дата сохранения:|надежная правовая поддержка",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    """'64', '- 5 -', 'стр. 5', 'Страница 3 из 10'."""
    return bool(_PAGE_NO.match(text))


def is_consultant(text: str) -> bool:
    return bool(_CONSULTANT.search(text))


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _gap(a: Line, b: Line) -> bool:
    """Is there a clear vertical gap between consecutive lines a and b (more than `furniture_gap`
    × the smaller line height)? Running headers and footers are set off from the body like that."""
    h = min(a.bottom - a.top, b.bottom - b.top)
    return b.top - a.bottom > LAYOUT.furniture_gap * max(h, LAYOUT.min_size)


def _band_lines(lines: list[Line], height: float) -> set[int]:
    """Indexes of the first and last `edge_lines` lines that lie in the header/footer band."""
    n, k, band = len(lines), LAYOUT.edge_lines, LAYOUT.band
    return {i for i in range(min(k, n)) if lines[i].bottom < band * height} | {
        i for i in range(max(n - k, 0), n) if lines[i].top > (1 - band) * height
    }


def _edge_lines(lines: list[Line], height: float) -> list[int]:
    """Indexes of the header/footer lines: the lines in the top (bottom) band of the page up to a
    clear gap that sets them off from the body. A band line without such a gap is body text."""
    n, edge, band = len(lines), LAYOUT.edge_lines, LAYOUT.band
    top = [i for i in range(min(edge, n)) if lines[i].bottom < band * height]
    top = top[: next((k + 1 for k in top if k + 1 >= n or _gap(lines[k], lines[k + 1])), 0)]
    low = [
        i
        for i in range(n - 1, max(n - edge, 0) - 1, -1)
        if lines[i].top > (1 - band) * height and i not in top
    ]
    low = low[: next((j + 1 for j, k in enumerate(low) if k == 0 or _gap(lines[k - 1], lines[k])), 0)]
    return top + low


def _similar(a: str, b: str, cut: float = LAYOUT.repeat_similarity) -> bool:
    """SequenceMatcher ratio above `cut`, its cheap upper bounds tried first."""
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() > cut and sm.quick_ratio() > cut and sm.ratio() > cut


def _comparable(k: str, o: str) -> bool:
    """Are edge lines k and o (o ≠ k) of close enough lengths and `_similar`?"""
    return o != k and abs(len(o) - len(k)) < LAYOUT.repeat_length * len(k) and _similar(k, o)


def _blocks(key: str) -> list[str]:
    """An edge line's first and last `repeat_anchors` blocks of `repeat_anchor` chars, each
    marked with its place: a near copy of the line keeps at least one of them."""
    n = LAYOUT.repeat_anchor
    ends = [len(key) - i * n for i in range(LAYOUT.repeat_anchors)]
    return [f"{i}^{key[i * n : (i + 1) * n]}" for i in range(LAYOUT.repeat_anchors)] + [
        f"{i}${key[max(e - n, 0) : max(e, 0)]}" for i, e in enumerate(ends)
    ]


def _anchors(key: str) -> list[tuple[str, ...]]:
    """Bucket keys of an edge line: each block alone, and each pair of blocks."""
    blocks = _blocks(key)
    return [(b,) for b in blocks] + list(combinations(blocks, 2))


def _buckets(keys: list[str]) -> dict[tuple[str, ...], list[str]]:
    """Edge lines grouped by anchor (`_anchors`)."""
    out: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k in keys:
        for a in _anchors(k):
            out[a].append(k)
    return out


def _candidates(k: str, buckets: dict[tuple[str, ...], list[str]]) -> set[str]:
    """The lines that share an anchor with k, from buckets of at most `repeat_bucket` lines (a
    block that begins or ends more lines than that is too common to tell one line's copies;
    its pairs with k's other blocks still are)."""
    return {o for a in _anchors(k) if len(buckets[a]) <= LAYOUT.repeat_bucket for o in buckets[a]}


def _near_repeats(counts: Counter[str], exact: set[str], need: int) -> set[str]:
    """Edge lines that recur on enough pages counting their near copies (`_comparable`), looked
    for among the line's `_candidates` only: at most 10 × `repeat_bucket` difflib comparisons a
    line, where comparing all pairs is quadratic in the number of pages."""
    buckets = _buckets(list(counts))
    out = set()
    for k in counts:
        if k in exact or len(k) < LAYOUT.repeat_min_chars:
            continue
        total = counts[k]
        for o in _candidates(k, buckets):
            total += counts[o] if _comparable(k, o) else 0
            if total >= need:
                out.add(k)
                break
    return out


def _repeated_keys(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Normalized edge-line texts that recur on enough pages (exactly or nearly)."""
    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        counts.update({_key(lines[i].text) for i in _edge_lines(lines, h)})
    r = LAYOUT.repeat_pages
    need = max(2, min(r, len(pages) // r)) if len(pages) >= r else len(pages) + 1
    exact = {k for k in counts if counts[k] >= need}
    return exact | _near_repeats(counts, exact, need)


def strip_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Drop running headers/footers, page numbers and КонсультантПлюс lines from every page."""
    rep = _repeated_keys(pages, heights)
    out = []
    for lines, h in zip(pages, heights, strict=True):
        edge, band = set(_edge_lines(lines, h)), _band_lines(lines, h)
        out.append(
            [
                ln
                for i, ln in enumerate(lines)
                if not is_consultant(ln.text)
                and not (i in band and is_page_number(ln.text))
                and not (i in edge and _key(ln.text) in rep)
            ]
        )
    return out
