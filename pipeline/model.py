"""The object model shared by every stage: document → pages → lines/footnotes, and tables.

Parsing produces a `ParsedDocument`; the NLP and extraction stages read `PageText.text`
(the cleaned body text of one page) and keep `char_start`/`char_end` offsets into it.
`PageText.box_of` maps any such span back to the boxes of the glyphs that drew it.
"""

from __future__ import annotations

import math
import sys
from array import array
from dataclasses import dataclass, field
from enum import StrEnum

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (pdfplumber)


def missing(value: object) -> bool:
    """None, NaN or pandas' NA: a missing value, whether a row came from a frame or was built as a
    dict. pandas is not imported for it (a worker never does): a value is its NA only once it is."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


class DocStatus(StrEnum):
    OK = "ok"
    PARTIAL = "partial"  # some pages not read (damaged, over a limit); `lost_pages` names them
    GARBLED = "garbled"  # a text layer that is no language (e.g. a shifted font CMap): OCR it
    FAILED = "failed"
    NO_TEXT = "no_text"


@dataclass(frozen=True)
class LineSpan:
    """Provenance of one output line: where its characters sit in the page text and on paper."""

    char_start: int
    char_end: int
    bbox: BBox


@dataclass(frozen=True)
class Footnote:
    """A footnote kept apart from the body, with the marker that links it to the text."""

    page: int
    marker: str
    text: str
    bbox: BBox | None = None


@dataclass
class PageText:
    """One page's cleaned body text (furniture removed, hyphenation undone) with provenance."""

    page: int  # 1-based
    text: str
    lines: list[LineSpan] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    markers: list[tuple[int, str]] = field(default_factory=list)  # superscript refs: (offset, marker)
    flags: list[str] = field(default_factory=list)  # e.g. "two_column", "broken_text_layer"
    ocr: bool = False  # text recognised by OCR (the page had no usable text layer)
    ocr_confidence: float | None = None  # mean Tesseract word confidence, 0–1
    # the glyph box of each char of `text`, flat: x0, top, x1, bottom of char i at [4i, 4i+4);
    # NaN for a char no glyph drew (a space, a paragraph break); empty for text input
    char_boxes: array = field(default_factory=lambda: array("d"), repr=False)

    def box_of(self, char_start: int, char_end: int) -> list[BBox]:
        """The exact box(es) of the span: per line it touches, the union of its glyphs' boxes
        (the line's box when the page has no char geometry, e.g. a text file)."""
        out = []
        for ln in self.lines:
            lo, hi = max(char_start, ln.char_start), min(char_end, ln.char_end)
            if lo < hi:
                box = _union(self.char_boxes, lo, hi) if self.char_boxes else ln.bbox
                if box is not None:
                    out.append(box)
        return out

    def bbox_of(self, char_start: int, char_end: int) -> BBox | None:
        """Union of the line boxes that overlap the character span (None without provenance)."""
        boxes = [ln.bbox for ln in self.lines if ln.char_start < char_end and ln.char_end > char_start]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def _union(boxes: array, lo: int, hi: int) -> BBox | None:
    """Union of the char boxes lo..hi-1 in a flat box array (None when no glyph drew them)."""
    x0s, tops = boxes[4 * lo : 4 * hi : 4], boxes[4 * lo + 1 : 4 * hi : 4]
    x1s, bottoms = boxes[4 * lo + 2 : 4 * hi : 4], boxes[4 * lo + 3 : 4 * hi : 4]
    drawn = [i for i, x in enumerate(x0s) if not math.isnan(x)]
    if not drawn:
        return None
    return (
        min(x0s[i] for i in drawn),
        min(tops[i] for i in drawn),
        max(x1s[i] for i in drawn),
        max(bottoms[i] for i in drawn),
    )


@dataclass
class TableCell:
    row: int  # 0-based data row (the header row is not counted)
    col: int  # 0-based column
    page: int
    text: str
    row_label: str | None = None
    col_label: str | None = None


@dataclass
class ParsedTable:
    """A ruled table, possibly continued over several pages (same columns)."""

    index: int  # 0-based order of the table in the document
    page_first: int
    page_last: int
    header: list[str]
    cells: list[TableCell]
    caption: str | None = None
    bbox: BBox | None = None  # on page_first

    @property
    def n_rows(self) -> int:
        return 1 + max((c.row for c in self.cells), default=-1)

    @property
    def n_cols(self) -> int:
        return len(self.header) if self.header else 1 + max((c.col for c in self.cells), default=-1)

    def rows(self) -> list[list[str]]:
        """Data rows as lists of cell texts, in column order."""
        grid = [[""] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            grid[c.row][c.col] = c.text
        return grid


@dataclass
class ParsedDocument:
    doc_id: str
    source_path: str
    file_name: str
    status: DocStatus
    n_pages: int = 0
    title: str | None = None
    error: str | None = None
    pages: list[PageText] = field(default_factory=list)
    tables: list[ParsedTable] = field(default_factory=list)
    heavy_pages: list[int] = field(default_factory=list)  # too many objects: left empty, not read


class ParseError(Exception):
    """A document that cannot be parsed; `stage` and the message go to the `failures` table."""

    def __init__(
        self, message: str, *, error_type: str = "parse_error", status: DocStatus = DocStatus.FAILED
    ):
        super().__init__(message)
        self.error_type = error_type
        self.status = status
