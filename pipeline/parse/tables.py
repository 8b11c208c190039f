"""Ruled tables: cell text from chars, captions, and merging of page continuations."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pdfplumber.table import Table

from pipeline.model import BBox, ParsedTable, TableCell
from pipeline.parse.dehyphen import dehyphenate_cell
from pipeline.parse.lines import Char, Line, build_lines

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                  "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}
_CAPTION = re.compile(r"^\s*(Таблица|Табл\.|Table)\b", re.IGNORECASE)
_CONTINUED = re.compile(r"^\s*(Продолжение|Окончание)\b", re.IGNORECASE)


@dataclass
class RawTable:
    """A table as found on one page, before captions and continuations are resolved."""

    page: int
    bbox: BBox
    rows: list[list[str]]
    caption: str | None = None
    continued: bool = False  # starts at the top of the body: may continue the previous table
    pages: list[int] = field(default_factory=list)


def real_tables(tables: list[Table]) -> list[Table]:
    """Keep grids with at least 2 rows and 2 columns (not frames or single boxes)."""
    return [t for t in tables if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]


def in_bbox(c: Char, b: BBox) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return b[0] <= x <= b[2] and b[1] <= y <= b[3]


def cell_rows(table: Table, chars: list[Char]) -> list[list[str]]:
    """Cell texts of a table, multi-line cells joined with spaces, superscripts dropped."""
    chars = sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
    mids = [(c["top"] + c["bottom"]) / 2 for c in chars]
    out = []
    for row in table.rows:
        texts = []
        for cell in row.cells:
            if cell is None:
                texts.append("")
                continue
            lo, hi = bisect_left(mids, cell[1]), bisect_right(mids, cell[3])
            inside = [c for c in chars[lo:hi] if cell[0] <= (c["x0"] + c["x1"]) / 2 <= cell[2]]
            texts.append(dehyphenate_cell([ln.text for ln in build_lines(inside)]))
        out.append(texts)
    return [r for r in out if any(r)]


def find_caption(lines: list[Line], bbox: BBox) -> str | None:
    """'Таблица N …' in the few lines just above the table."""
    above = [ln for ln in lines if ln.bottom <= bbox[1] + 1 and ln.top > bbox[1] - 80]
    above = above[-4:]
    for k, ln in enumerate(above):
        if _CAPTION.match(ln.text):
            return dehyphenate_cell([x.text for x in above[k:]])
    return None


def _same_header(a: list[str], b: list[str]) -> bool:
    norm = [re.sub(r"\W+", "", x).lower() for x in a]
    return norm == [re.sub(r"\W+", "", x).lower() for x in b] and any(norm)


def merge_tables(raw: list[RawTable]) -> list[ParsedTable]:
    """Merge page continuations with the same number of columns; build `ParsedTable`s."""
    groups: list[RawTable] = []
    for t in raw:
        prev = groups[-1] if groups else None
        if (prev and t.continued and t.page == prev.pages[-1] + 1 and not t.caption
                and len(t.rows[0]) == len(prev.rows[0])):
            rows = t.rows[1:] if _same_header(t.rows[0], prev.rows[0]) else t.rows
            prev.rows.extend(rows)
            prev.pages += [t.page] * len(rows)
            continue
        t.pages = [t.page] * len(t.rows)
        groups.append(t)
    return [_to_parsed(i, g) for i, g in enumerate(groups)]


def _to_parsed(index: int, t: RawTable) -> ParsedTable:
    header = t.rows[0]
    cells = [
        TableCell(r, c, t.pages[r + 1], text, row[0] or None, header[c] or None)
        for r, row in enumerate(t.rows[1:])
        for c, text in enumerate(row)
    ]
    return ParsedTable(index, t.page, t.pages[-1], header, cells, t.caption, t.bbox)
