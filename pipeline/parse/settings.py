"""Every layout threshold of the parse stage, in one place: `LayoutSettings` (defaults: `LAYOUT`).

Sizes are in font sizes ("× size", the line's dominant size), lengths on the page in PDF points or
as a share of the page width/height, counts in lines, rows or chars. Each parse module reads its
thresholds from `LAYOUT`; a concept has one field (the header/footer band of the furniture
filter and of the column splitter is the same `band`). Constants that mimic pdfminer inside
the pdfium readers (`pdfium_chars`, `edges`, `ruling`) are not layout choices and stay there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LayoutSettings:
    """Layout thresholds, grouped by what they decide. Field comments say what each one means."""

    # --- chars → lines (lines.py) ---
    row_overlap: float = 0.5  # two chars share a row when they overlap this share of the smaller height
    min_char_height: float = 0.1  # pt; a flat glyph counts as at least this tall when rows are clustered
    word_gap: float = 0.2  # a horizontal gap wider than this × size is a word break (also aligned cells)
    same_size: float = 0.5  # pt; chars within this of the line's size make its "main" text
    bold_share: float = 0.6  # a line is bold when more than this share of its main chars are
    sup_ratio: float = 0.8  # a marker char smaller than this × the line's size ...
    sup_raise: float = 0.15  # ... whose bottom sits this × size above the baseline is a superscript
    fallback_size: float = 10.0  # pt; the font size assumed for a row of spaces only
    # --- columns (lines.py) ---
    segment_gap: float = 1.5  # a gap wider than this × size splits a row into segments (gutters, tables)
    column_side: float = 0.2  # each side of a gutter holds text this wide (× page width) on a prose page
    gutter_rows: int = 5  # a gutter needs this many consecutive rows split by it
    gutter_from: float = 0.3  # the gutter is searched from this share of the page width ...
    gutter_to: float = 0.7  # ... to this one ...
    gutter_step: int = 2  # pt; ... in steps of this
    # --- page furniture (furniture.py, lines.py) ---
    band: float = 0.12  # top/bottom share of the page height where running headers/footers live
    edge_lines: int = 4  # at most this many lines from the top and from the bottom are furniture
    furniture_gap: float = 0.8  # a header/footer line is set off by a gap above this × line height
    detached_gap: float = 1.2  # a band row kept out of the column split: gap above this × its height
    repeat_similarity: float = 0.85  # edge lines this similar (difflib ratio) are the same header
    repeat_length: float = 0.2  # ... when their lengths differ by less than this share
    repeat_min_chars: int = 8  # shorter edge lines only repeat exactly
    repeat_anchor: int = 4  # near copies of an edge line share a block of this many chars ...
    repeat_anchors: int = 2  # ... among this many blocks from its start and as many from its end
    repeat_bucket: int = 32  # a block (or pair of blocks) on more edge lines than this is too common
    repeat_pages: int = 3  # furniture recurs on this many pages (on 2 in a document of under 9 pages)
    # --- footnotes and paragraphs (assemble.py) ---
    note_size: float = 0.9  # footnote lines are smaller than this × the body size
    note_line_height: float = 1.8  # a footnote line is at most this × its size tall (no call-out number)
    size_change: float = 0.6  # pt; a font size change larger than this starts a paragraph
    par_gap: float = 0.6  # a line gap this × size over the typical one starts a paragraph
    indent: float = 0.8  # a line indented by more than this × size starts a paragraph
    short_line: float = 2.5  # a line ending this × size short of its column's margin ends one
    min_size: float = 1.0  # pt; font sizes and line heights below this count as this (degenerate)
    # --- text-layer quality (quality.py, glued.py) ---
    dedupe_tolerance: float = 1.0  # pt; copies of a glyph this close are one overprinted glyph
    bad_page_ratio: float = 0.3  # a page with more than this share of bad glyphs is broken
    quality_min_chars: int = 20  # below this many visible chars, a page is broken if most are bad
    spaceless_min_chars: int = 20  # a page needs this many visible chars before it is called spaceless
    # --- ruled tables (tables.py) ---
    table_tolerance: int = 3  # pt; pdfplumber's snap/join/intersection tolerance for ruled grids
    grid_min: int = 2  # a ruled grid has at least this many rows and columns (else a frame or a box)
    min_filled: int = 2  # a grid is a table when this many rows have this many filled cells
    full_cell: float = 1.0  # a line ending within this × size of its cell's right edge fills the cell
    caption_reach: float = 80.0  # pt; a caption sits at most this far above its table ...
    caption_lines: int = 4  # ... in at most this many lines
    above_slack: float = 1.0  # pt; a line whose bottom is this far into a table's top is still above it
    max_header_rows: int = 3  # a table has at most this many heading rows
    # --- whitespace-aligned tables (aligned.py) ---
    aligned_min_rows: int = 3  # data rows in a run
    aligned_min_cols: int = 3  # segments per row (stub + at least two value columns)
    numeric_share: float = 0.6  # share of a row's data segments that must be numbers
    # --- title (pdf.py) ---
    title_size: float = 1.15  # the title's font is at least this × the body size ...
    title_same: float = 0.95  # ... and its lines at least this × the largest size
    title_lines: int = 4  # a title runs over at most this many lines
    title_min_words: int = 2  # a bold upper-case title (no larger font) has at least this many words
    # --- OCR (ocr.py, raster.py) ---
    ocr_dpi: int = 300  # render scale for Tesseract (its models expect ≥ 300 dpi text)
    ocr_line_height: float = 1.2  # an OCR line box is about this many font sizes tall
    ocr_size_quantile: float = 0.9  # the line's font size comes from this quantile of its word heights
    ocr_size_step: float = 0.25  # pt; OCR font sizes are rounded to this step
    ocr_min_confidence: float = 0.0  # Tesseract gives real words confidence 0 at times: keep them
    ocr_sup_size: float = 0.6  # an inline marker read by OCR is set to this × the line's size
    ocr_same_size: float = 0.15  # OCR line sizes within this share of the page's usual size are it
    skew_max: float = 2.0  # degrees of skew searched either way
    skew_step: float = 0.1  # degrees
    skew_scale: int = 4  # the skew search runs on the image shrunk by this factor
    dark: int = 128  # grey level below which a pixel is ink
    rule_min: float = 36.0  # pt; a rule in a scan is a straight ink run at least this long ...
    rule_max_thick: float = 3.0  # pt; ... and at most this thick
    # --- plain text (txt.py) ---
    reflow_share: float = 0.75  # a line shorter than this × the wrap width may end its paragraph
    heading_share: float = 0.5  # a shorter line without end punctuation above a capital: a heading
    wrap_min_lines: int = 3  # reflow needs this many lines filled to near the wrap width ...
    wrap_near: float = 0.8  # ... (at least this × the longest line) ...
    wrap_share: float = 0.4  # ... making at least this share of the text lines

    def table_finder(self) -> dict[str, Any]:
        """pdfplumber `TableFinder` settings for ruled grids (line strategies only)."""
        tol = self.table_tolerance
        return {
            "vertical_strategy": "lines",
            "horizontal_strategy": "lines",
            "snap_tolerance": tol,
            "join_tolerance": tol,
            "intersection_tolerance": tol,
        }


LAYOUT = LayoutSettings()
