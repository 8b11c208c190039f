"""Tables without vertical rules (statistical bulletins, LaTeX booktabs): whitespace-aligned columns
found in the char geometry.

A run of at least `aligned_min_rows` consecutive text rows, each split by wide gaps into at least
`aligned_min_cols` segments whose data segments are mostly numbers, with the gaps lining up, is a table;
the row just above it with several segments is its header. Precision guard: prose rows have no
wide gaps, two-column prose has two non-numeric segments, a chart axis is one row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.parse.lines import Char, Span, dominant_size
from pipeline.parse.settings import LAYOUT
from pipeline.parse.tables import YEAR, RawTable

# a value cell: a number (percent, stars, a standard error in parentheses) or a dash/ellipsis
_NUMBER = re.compile(r"^\(?[-−–+]?(?:\d[\d\s\u00a0.,]*%?|…|-|–|—|x|х)\)?[*∗†]{0,3}\W{0,2}$")

Segment = tuple[float, float, str]
_EPS = 0.01  # pt: float noise between a segment's extent and its chars' own coordinates


def _row_segments(row: Sequence[Char], spans: list[Span]) -> list[Segment]:
    """(x0, x1, text) of each wide-gap-separated run of the row (`spans`: its `row_spans`)."""
    if len(spans) < 2:
        return [(a, b, "") for a, b in spans]  # one run: neither a table row nor a heading
    size = dominant_size(row) or LAYOUT.fallback_size
    out = []
    for x0, x1 in spans:
        cs = sorted((c for c in row if x0 - _EPS <= c["x0"] and c["x1"] <= x1 + _EPS), key=lambda c: c["x0"])
        out.append((x0, x1, _join(cs, size)))
    return out


def _join(cs: list[Char], size: float) -> str:
    parts, prev = [], None
    for c in cs:
        if prev is not None and c["x0"] - prev > LAYOUT.word_gap * size and parts and parts[-1] != " ":
            parts.append(" ")
        parts.append(" " if c["text"].isspace() else c["text"])
        prev = c["x1"]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _is_data(segs: list[Segment]) -> bool:
    data = segs[1:]
    numeric = sum(bool(_NUMBER.match(t)) for _, _, t in data)
    return len(segs) >= LAYOUT.aligned_min_cols and numeric >= LAYOUT.numeric_share * len(data)


def _columns(rows: list[list[Segment]]) -> list[tuple[float, float]]:
    """Column extents: the union of the data rows' segments, overlapping ones merged."""
    spans = sorted((a, b) for segs in rows for a, b, _ in segs)
    cols: list[list[float]] = []
    for a, b in spans:
        if cols and a <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    return [(a, b) for a, b in cols]


def _place(segs: list[Segment], cols: list[tuple[float, float]]) -> list[str]:
    """Cell texts of one row: each segment in the column it overlaps most."""
    cells = [""] * len(cols)
    for a, b, t in segs:
        k = max(range(len(cols)), key=lambda i: min(b, cols[i][1]) - max(a, cols[i][0]))
        cells[k] = f"{cells[k]} {t}".strip()
    return cells


def aligned_tables(
    rows: list[list[Char]], spans: Sequence[list[Span]], page: int
) -> tuple[list[RawTable], list[int]]:
    """Whitespace-aligned tables among the page's rows (each with its `row_spans`), and the indexes
    of the rows left for the body."""
    segs = [_row_segments(r, s) for r, s in zip(rows, spans, strict=True)]
    data = [_is_data(s) for s in segs]
    tables, used = [], set()
    k = 0
    while k < len(rows):
        end = k
        while end < len(rows) and data[end]:
            end += 1
        if end - k >= LAYOUT.aligned_min_rows:
            table = _build(rows, segs, k, end, page)
            if table is not None:
                tables.append(table)
                used |= set(range(k - 1 if _header(segs, k) else k, end))
        k = max(end, k + 1)
    return tables, [i for i in range(len(rows)) if i not in used]


def _header(segs: list[list[Segment]], k: int) -> bool:
    return k > 0 and len(segs[k - 1]) >= 2 and not _is_data(segs[k - 1])


def _years(segs: list[Segment]) -> bool:
    """A heading row of years over the value columns ("Регион  2019  2020  2021")."""
    return all(YEAR.match(t) for _, _, t in segs[1:])


def _build(rows: list[list[Char]], segs: list[list[Segment]], k: int, end: int, page: int) -> RawTable | None:
    cols = _columns(segs[k:end])
    if len(cols) < LAYOUT.aligned_min_cols:
        return None  # the gaps do not line up: not a grid
    first = k - 1 if _header(segs, k) else k
    if first == k and _years(segs[k]):
        k += 1  # the run starts with its heading row
    body = [_place(s, cols) for s in segs[k:end]]
    head = _place(segs[first], cols) if first < k else [""] * len(cols)
    chars = [c for r in rows[first:end] for c in r]
    bbox = (
        min(c["x0"] for c in chars),
        min(c["top"] for c in chars),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in chars),
    )
    grid = [head, *body]
    return RawTable(page, bbox, grid, spans=[list(r) for r in grid])
