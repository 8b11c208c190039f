"""The parse stage's page model: what is read from a page, and what the first pass keeps of it.

Three types, one role each, in the order the data flows (pdfplumber's `Page` is the fallback
reader, not ours):

- `PageSource`: a page's raw geometry read without pdfminer, chars (pdfplumber-style dicts) and
  ruling edges, from pdfium's text layer and vector paths or from Tesseract on the page image.
- `RawPage`: the first pass's result for one page (lines in reading order, tables, gutter);
  kept apart from the final page because furniture is only known once every page is read.
- `pipeline.model.PageText`: the assembled page every later stage sees (cleaned text, line and
  char boxes, footnotes); `PageText.box_of` maps any text span back to its glyphs' boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.parse.edges import Edge
from pipeline.parse.lines import Char, Line
from pipeline.parse.tables import RawTable


@dataclass
class PageSource:
    """A page's chars and ruling edges (empty when it cannot hold a grid) from pdfium or OCR;
    `ocr_confidence` is Tesseract's mean word confidence (0–1), None for a text layer."""

    chars: list[Char]
    edges: list[Edge] = field(default_factory=list)
    ocr_confidence: float | None = None


@dataclass
class RawPage:
    """What the first pass keeps of a page (pdfplumber objects are released right away)."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    gutter: float | None = None
    n_chars: int = 0
    broken: bool = False
    ocr: bool = False
    ocr_confidence: float | None = None
    ocr_missing: str | None = None  # why a page that needs OCR did not get it
    heavy: bool = False  # more objects than `recover.MAX_PAGE_OBJECTS`: left empty, not read
