"""Ruled tables: cell text from chars, captions, and merging of page continuations."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pdfplumber.table import Table

from pipeline.lexicon import CONTINUED_TABLE, LEAD_IN, TABLE_CAPTION, YEAR_DIGITS
from pipeline.model import BBox, ParsedTable, TableCell
from pipeline.parse.dehyphen import dehyphenate_cell, known
from pipeline.parse.lines import Char, Line, build_lines
from pipeline.parse.settings import LAYOUT

TABLE_SETTINGS = LAYOUT.table_finder()


@dataclass
class RawTable:
    """A table as found on one page, before captions and continuations are resolved.

    `rows` holds each cell's own text ("" where a merged cell covers the position); `spans`
    the text a reader sees there (a merged cell's text repeated over every position it covers)."""

    page: int
    bbox: BBox
    rows: list[list[str]]
    caption: str | None = None
    continued: bool = False  # starts at the top of the body: may continue the previous table
    pages: list[int] = field(default_factory=list)
    spans: list[list[str]] = field(default_factory=list)


def real_tables(tables: list[Table]) -> list[Table]:
    """Keep grids with at least `grid_min` rows and columns (not frames or single boxes)."""
    n = LAYOUT.grid_min
    return [t for t in tables if len(t.rows) >= n and max(len(r.cells) for r in t.rows) >= n]


def holds_table(rows: list[list[str]]) -> bool:
    """Does the grid's text make a table? Page frames, slide backgrounds and a box ruled around
    prose give grids whose text sits in one cell per row: those are not tables."""
    need = LAYOUT.min_filled
    return sum(1 for r in rows if sum(1 for x in r if x) >= need) >= need


def chars_in(chars: list[Char], b: BBox, inside: bool = True) -> list[Char]:
    """The chars whose centre is in box b (edges included; `inside=False`: those whose centre is
    not), in order. One comprehension: it runs for every char of a page with a table."""
    x0, top, x1, bottom = b
    return [
        c
        for c in chars
        if (x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom) is inside
    ]


def _cell_text(cell: BBox, chars: list[Char], mids: list[float]) -> str:
    lo, hi = bisect_left(mids, cell[1]), bisect_right(mids, cell[3])
    inside = [c for c in chars[lo:hi] if cell[0] <= (c["x0"] + c["x1"]) / 2 <= cell[2]]
    lines = build_lines(inside)
    if _wrapped_number(lines, cell):
        return "".join(ln.text for ln in lines)
    return dehyphenate_cell(_rejoined(lines, cell))


_WORD_TAIL = re.compile(r"([А-Яа-яЁё]+)$")
_WORD_HEAD = re.compile(r"^([а-яё]+)")


def _rejoined(lines: list[Line], cell: BBox) -> list[str]:
    """The texts of a cell's lines, a word broken without a hyphen in a narrow column joined again:
    a line filling the cell ends in a fragment that makes a dictionary word with the lower-case
    start of the next line, while it is no word itself or the line's only word ("Прирос" / "т к
    2014 г.", "предприяти" / "я", "Мест" / "о")."""
    texts = [ln.text for ln in lines]
    for i in range(len(lines) - 1, 0, -1):
        prev, tail, head = lines[i - 1], _WORD_TAIL.search(texts[i - 1]), _WORD_HEAD.match(texts[i])
        if not (tail and head) or prev.x1 < cell[2] - LAYOUT.full_cell * prev.size:
            continue
        left, right = tail.group(1), head.group(1)
        alone = texts[i - 1].strip() == left
        if known(left + right) and (alone or not known(left)):
            texts[i - 1] += texts[i]
            texts[i] = ""
    return [t for t in texts if t]


_DIGITS = re.compile(r"^\d[\d,.]*$")


def _wrapped_number(lines: list[Line], cell: BBox) -> bool:
    """A number too wide for its narrow cell, broken over lines ("7031" / "1" for 70311)."""
    return (
        len(lines) >= 2
        and all(_DIGITS.match(ln.text) for ln in lines)
        and all(ln.x1 >= cell[2] - LAYOUT.full_cell * ln.size for ln in lines[:-1])
    )


@dataclass(frozen=True)
class _Grid:
    """A table's rule positions: each column's left and each row's top (pdfplumber recomputes
    `Table.rows`, `.columns` and `.bbox` from all the cells at every access: read them once)."""

    lefts: list[float]
    tops: list[float]
    bbox: BBox

    @classmethod
    def of(cls, table: Table) -> _Grid:
        return cls([col.bbox[0] for col in table.columns], [row.bbox[1] for row in table.rows], table.bbox)


def _covering(table: Table, grid: _Grid, r: int, c: int) -> BBox | None:
    """The merged cell that covers grid position (r, c), which has no cell of its own.

    The position is the band from row r's top to the next row's top (and column c's left to the
    next column's left): a row's own bbox also spans the tall merged cells that start in it."""
    x0, x1 = _band(grid.lefts, c, grid.bbox[2])
    y0, y1 = _band(grid.tops, r, grid.bbox[3])
    x, y = (x0 + x1) / 2, (y0 + y1) / 2
    return next((b for b in table.cells if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)


def _band(starts: list[float], k: int, end: float) -> tuple[float, float]:
    """From the k-th start to the next one (the last band ends at `end`)."""
    return starts[k], starts[k + 1] if k + 1 < len(starts) else end


def cell_rows(table: Table, chars: list[Char]) -> tuple[list[list[str]], list[list[str]]]:
    """(own text, seen text) of each cell, row by row: a logical row is the band between two
    rules, a cell's lines are joined into one text (hyphenation undone, superscripts dropped);
    the seen text repeats a merged cell over the positions it covers. Empty rows are dropped."""
    chars = sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
    mids = [(c["top"] + c["bottom"]) / 2 for c in chars]
    texts: dict[BBox, str] = {}
    own, seen = [], []
    grid: _Grid | None = None  # read at the first position without a cell of its own
    for r, row in enumerate(table.rows):
        o, s_ = [], []
        for c, cell in enumerate(row.cells):
            box = cell
            if not cell:
                grid = grid or _Grid.of(table)
                box = _covering(table, grid, r, c)
            if box is not None and box not in texts:
                texts[box] = _cell_text(box, chars, mids)
            o.append(texts[cell] if cell else "")
            s_.append(texts.get(box, "") if box else "")
        if any(o):
            own.append(o)
            seen.append(s_)
    return own, seen


CAPTION_GAP = 3.0  # × line size: the widest gap between a table and its caption, or two caption lines
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[А-ЯЁA-Z])")
_NUMBER_FIRST = re.compile(
    rf"^\s*(?!{YEAR_DIGITS}\b)[-−–+]?\d"
)  # an untitled grid's text ("-0.0170 x"), not a year


def find_caption(lines: list[Line], bbox: BBox) -> str | None:
    """The caption of the table at `bbox`, from the lines just above it, each at most `CAPTION_GAP`
    line sizes below the next: "Таблица N …" with the title lines under it (however many); else a
    title block of at most `caption_lines` lines centred on the table ("Объем экспорта на душу
    населения регионов ЦФО, / долл. США на чел." where a running "Таблица N 3" was taken for page
    furniture); else the last sentence of a paragraph ending in a colon right above the table
    ("… распределилась следующим образом:"). None over a continued table ("Окончание табл. 2")."""
    block = _lines_above(lines, bbox)
    if not block or any(CONTINUED_TABLE.match(ln.text) for ln in block):
        return None
    for k in range(len(block) - 1, -1, -1):
        if TABLE_CAPTION.match(block[k].text):
            return dehyphenate_cell([x.text for x in block[k:]])
    text = dehyphenate_cell([x.text for x in block])
    if len(block) <= LAYOUT.caption_lines and _title(block, bbox):
        return text
    return SENTENCE_END.split(text)[-1] if LEAD_IN.search(text) else None


def _title(block: list[Line], bbox: BBox) -> bool:
    """Lines centred on the table (margins equal within a line size), a later one also set flush
    right ("ИНДЕКСЫ ЦЕН И ТАРИФОВ" over "на конец периода, в процентах"), none starting with a
    number; not prose, whose first line is indented and whose last one is flush left."""

    def centred(ln: Line) -> bool:
        return abs((ln.x0 - bbox[0]) - (bbox[2] - ln.x1)) <= ln.size

    flush_right = [abs(bbox[2] - ln.x1) <= ln.size for ln in block]
    placed = centred(block[0]) and all(
        centred(ln) or right for ln, right in zip(block, flush_right, strict=True)
    )
    return placed and not any(_NUMBER_FIRST.match(ln.text) for ln in block)


def _lines_above(lines: list[Line], bbox: BBox) -> list[Line]:
    """The lines right above a table, in reading order, chained upwards while each gap is at most
    `CAPTION_GAP` line sizes (the first: at most `caption_reach`), a "Таблица" line ending the chain;
    at most 2 × `caption_lines` + 1 lines."""
    above = sorted(
        (ln for ln in lines if ln.bottom <= bbox[1] + LAYOUT.above_slack), key=lambda ln: ln.bottom
    )
    edge, block = bbox[1], []
    for ln in reversed(above):
        gap = edge - ln.bottom
        if gap > min(CAPTION_GAP * ln.size, LAYOUT.caption_reach) or len(block) > 2 * LAYOUT.caption_lines:
            break
        block.append(ln)
        edge = min(edge, ln.top)
        if TABLE_CAPTION.match(ln.text):
            break
    return block[::-1]


def _same_header(a: list[str], b: list[str]) -> bool:
    norm = [re.sub(r"\W+", "", x).lower() for x in a]
    return norm == [re.sub(r"\W+", "", x).lower() for x in b] and any(norm)


def merge_tables(raw: list[RawTable]) -> list[ParsedTable]:
    """Merge page continuations with the same number of columns; build `ParsedTable`s."""
    groups: list[RawTable] = []
    for t in raw:
        prev = groups[-1] if groups else None
        if (
            prev
            and t.continued
            and t.page == prev.pages[-1] + 1
            and not t.caption
            and len(t.rows[0]) == len(prev.rows[0])
        ):
            skip = header_rows(t.rows, t.spans or t.rows) if _same_header(t.rows[0], prev.rows[0]) else 0
            prev.rows.extend(t.rows[skip:])
            prev.spans.extend((t.spans or t.rows)[skip:])
            prev.pages += [t.page] * (len(t.rows) - skip)
            continue
        t.pages = [t.page] * len(t.rows)
        t.spans = t.spans or [list(r) for r in t.rows]
        groups.append(t)
    return [_to_parsed(i, g) for i, g in enumerate(groups)]


_NUMERIC = re.compile(r"^[-−–+]?\d[\d\s\u00a0.,]*%?\W{0,3}$")
YEAR = re.compile(rf"^{YEAR_DIGITS}(?:\s*г(?:г|од)?\.?)?$")


def header_rows(own: list[list[str]], spans: list[list[str]]) -> int:
    """How many leading rows are column headings: the rows before the first one that holds a
    number in a data column. A row of years under a merged stub ("Показатель" over two rows)
    is still a heading. One row when no data row is found within `max_header_rows`."""
    for k in range(1, min(LAYOUT.max_header_rows + 1, len(spans))):
        if _section_row(own[k], spans[k]):
            return k
        data = [x for x in spans[k][1:] if x]
        years = bool(data) and all(YEAR.match(x) for x in data) and not own[k][0]
        if any(_NUMERIC.match(x) for x in data) and not years:
            return k
    return 1


def _section_row(own: list[str], seen: list[str]) -> bool:
    """One merged cell across the whole table, stub included ("2016г." over the months): it
    opens a section of data rows, it is not a heading."""
    return bool(own[0]) and not any(own[1:]) and len(set(seen)) == 1


def column_labels(header: list[list[str]]) -> list[str]:
    """One label per column: its heading cells top to bottom, repeats dropped, joined with " / "
    ("2019 / I кв.")."""
    out = []
    for col in zip(*header, strict=True):
        parts: list[str] = []
        for x in col:
            if x and (not parts or parts[-1] != x):
                parts.append(x)
        out.append(" / ".join(parts))
    return out


def _caption_row(t: RawTable) -> None:
    """A first row that is one cell across the whole table is its title: the caption, not a label."""
    if len(t.rows) > 2 and sum(1 for x in t.rows[0] if x) == 1 and len(set(t.spans[0])) == 1:
        title = t.spans[0][0]
        t.caption = (
            t.caption
            if t.caption and title in t.caption
            else (f"{t.caption} {title}" if t.caption else title)
        )
        t.rows, t.spans, t.pages = t.rows[1:], t.spans[1:], t.pages[1:]


def _to_parsed(index: int, t: RawTable) -> ParsedTable:
    if len(t.pages) < len(t.rows):
        t.pages = [t.page] * len(t.rows)
    t.spans = t.spans or [list(r) for r in t.rows]
    _caption_row(t)
    spans = t.spans
    h = header_rows(t.rows, spans)
    labels = column_labels(spans[:h])
    cells = [
        TableCell(r, c, t.pages[r + h], text, spans[r + h][0] or None, labels[c] or None)
        for r, row in enumerate(t.rows[h:])
        for c, text in enumerate(row)
    ]
    return ParsedTable(index, t.page, t.pages[-1], labels, cells, t.caption, t.bbox)
