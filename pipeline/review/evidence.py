"""Evidence on the page: the exact box of a quote or a table cell, and the page image with it drawn.

The `pages` table keeps, per page, its cleaned text and the boxes of its lines (`lines` JSON:
char_start, char_end, x0, top, x1, bottom). A span's exact box is recovered from the PDF's own
chars (the parser's pdfium char model, `pipeline.parse.pdfium_chars.page_chars`): the line's text
is aligned to the chars inside the line box (difflib, spaces ignored), so each character of the
span maps to its glyph. An OCR page (`pages.ocr`) has no glyphs in the PDF: its chars are the
parse's OCR char model re-run on the page (`pipeline.parse.ocr.ocr_page`, same render, deskew and
word boxes, so the text aligns as on a text page), once per page and cached. The stored line boxes
alone would only place a quote by its share of the line's characters, several points off on OCR
lines whose word gaps vary. Without Tesseract the boxes fall back to that estimate.
A table cell is found as a whole-word run of its text among the page's chars, nearest to its row
label's line and its column label's column. Coordinates are PDF points from the page's top-left
(pdfplumber's), like the line boxes.
"""

from __future__ import annotations

import io
import json
import math
import re
import subprocess
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from pipeline.model import BBox

MAX_PIXELS = 6_000_000  # a rendered page never holds more pixels than this, whatever its size
MAX_SCALE = 4.0  # 288 dpi
ROUNDING_MARGIN = 0.995  # pdfium rounds the bitmap size up
LINE_SLACK = 1.5  # points a glyph's centre may lie outside its line box
CHAR_CACHE = 32  # pages whose chars stay in memory
BOX_FILL = (255, 214, 0, 70)
BOX_STROKE = (220, 38, 38, 255)
BOX_WIDTH_PX = 2
WORD_GAP = 0.3  # a gap wider than this (× glyph height) separates two words
SOURCE_LEVELS = 3  # folders above the output directory searched for a relative source path
WRAP_LINES = 3  # lines a cell's text may wrap over
LINE_SPACING = 1.5  # line pitch as a multiple of the glyph height, at most

Char = Mapping[str, object]
PDFIUM = threading.Lock()  # pdfium is not thread-safe: one call at a time in this process


def resolve_source(out: Path | str, source_path: str | None) -> Path | None:
    """The document file, wherever the app was started: absolute, or relative to the output folder,
    the folders above it, or the current folder (ingests by relative path store it as given)."""
    if not source_path:
        return None
    path = Path(source_path)
    if path.is_absolute():
        return path if path.is_file() else None
    out = Path(out).resolve()
    for base in (out, *list(out.parents)[:SOURCE_LEVELS], Path.cwd()):
        if (base / path).is_file():
            return (base / path).resolve()
    return None


@lru_cache(maxsize=CHAR_CACHE)
def page_chars(pdf: str, page: int, ocr: bool = False) -> tuple[tuple[Char, ...], float, float]:
    """(chars, width, height) of a 1-based page, as the parser saw them (`ocr`: an OCR page)."""
    with PDFIUM:
        return _page_chars(pdf, page, ocr)


def _page_chars(pdf: str, page: int, ocr: bool) -> tuple[tuple[Char, ...], float, float]:
    import pypdfium2 as pdfium

    from pipeline.parse.pdfium_chars import page_chars as pdfium_chars

    doc = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= page <= len(doc):
            return (), 0.0, 0.0
        p = doc[page - 1]
        width, height = p.get_size()
        chars = _ocr_chars(p) if ocr else tuple(pdfium_chars(p, height))
        return chars, float(width), float(height)
    finally:
        doc.close()


def _ocr_chars(page) -> tuple[Char, ...]:
    """The parse's OCR chars of a page; none when Tesseract is unavailable."""
    from pipeline.parse.ocr import OcrUnavailable, ocr_page

    try:
        return tuple(ocr_page(page).chars)
    except (OcrUnavailable, OSError, subprocess.SubprocessError):
        return ()


def parse_lines(lines_json: str | None) -> list[tuple[int, int, BBox]]:
    if not lines_json:
        return []
    return [(int(a), int(b), (x0, top, x1, bot)) for a, b, x0, top, x1, bot in json.loads(lines_json)]


def span_boxes(chars: Sequence[Char], lines, text: str, start: int, end: int) -> list[BBox]:
    """One box per line the span [start, end) of the page text touches, tight around its glyphs
    (the part of the line box proportional to the span when the glyphs cannot be matched)."""
    boxes = []
    for a, b, box in lines:
        if a < end and b > start:
            lo, hi = max(start, a) - a, min(end, b) - a
            boxes.append(_part_box(chars, text[a:b], box, lo, hi))
    return boxes


def _part_box(chars: Sequence[Char], line: str, box: BBox, lo: int, hi: int) -> BBox:
    glyphs = sorted(_inside(chars, box), key=lambda c: float(c["x0"]))
    wanted = [i for i in range(lo, hi) if not line[i].isspace()]
    keys = [i for i in range(len(line)) if not line[i].isspace()]
    matcher = SequenceMatcher(
        None, _fold("".join(line[i] for i in keys)), _fold(_text(glyphs)), autojunk=False
    )
    where = {keys[a + k]: b + k for a, b, n in matcher.get_matching_blocks() for k in range(n)}
    hit = [glyphs[where[i]] for i in wanted if i in where]
    if hit:
        return _union(hit)
    return _proportional(box, len(line), lo, hi)


def _inside(chars: Sequence[Char], box: BBox) -> list[Char]:
    x0, top, x1, bottom = box
    return [
        c
        for c in chars
        if str(c["text"]).strip()
        and x0 - LINE_SLACK <= (float(c["x0"]) + float(c["x1"])) / 2 <= x1 + LINE_SLACK
        and top - LINE_SLACK <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom + LINE_SLACK
    ]


def _text(glyphs: Sequence[Char]) -> str:
    """One character per glyph (so positions map back to glyphs)."""
    return "".join(str(c["text"])[:1] for c in glyphs)


def _fold(text: str) -> str:
    """Compare ignoring case and compatibility forms, one character for one character."""
    return "".join((unicodedata.normalize("NFKC", ch).lower() or ch)[:1] for ch in text)


def _union(glyphs: Sequence[Char]) -> BBox:
    return (
        min(float(c["x0"]) for c in glyphs),
        min(float(c["top"]) for c in glyphs),
        max(float(c["x1"]) for c in glyphs),
        max(float(c["bottom"]) for c in glyphs),
    )


def _proportional(box: BBox, n: int, lo: int, hi: int) -> BBox:
    x0, top, x1, bottom = box
    step = (x1 - x0) / max(n, 1)
    return (x0 + lo * step, top, x0 + hi * step, bottom)


def cell_box(chars: Sequence[Char], cell: Mapping) -> BBox | None:
    """The box of a table cell's text on its page. Its first word is the whole-word occurrence
    nearest to the row label (vertically) and the column label (horizontally); each next word is
    the occurrence nearest after the previous one (a cell may wrap over several lines)."""
    words = str(cell.get("text") or "").split()
    spaced = _spaced(chars)
    first = _runs(chars, spaced, words[:1])
    if not first:
        return None
    row, col = (
        _label_runs(chars, spaced, cell.get("row_label")),
        _label_runs(chars, spaced, cell.get("col_label")),
    )

    def distance(box: BBox) -> float:
        dy = min((abs(_mid(box, 1) - _mid(r, 1)) for r in row), default=0.0)
        dx = min((abs(_mid(box, 0) - _mid(c, 0)) for c in col), default=0.0)
        return dy + dx

    boxes = [min(first, key=distance)]
    for word in words[1:]:
        after = [b for b in _runs(chars, spaced, [word]) if _follows(boxes[-1], b)]
        if after:
            boxes.append(min(after, key=lambda b, prev=boxes[-1]: (b[1] - prev[1], abs(b[0] - prev[2]))))
    return _union_boxes(boxes)


def _label_runs(chars: Sequence[Char], spaced, label: object) -> list[BBox]:
    """Where a row or column label is: the whole label, else its first word (labels wrap)."""
    words = str(label or "").split()
    return _runs(chars, spaced, words) or _runs(chars, spaced, words[:1])


def find_runs(chars: Sequence[Char], text: object) -> list[BBox]:
    """Boxes of the whole-word occurrences of `text` among the page's chars."""
    return _runs(chars, _spaced(chars), str(text or "").split())


def _runs(chars: Sequence[Char], spaced: tuple[str, list[int | None]], words: list[str]) -> list[BBox]:
    if not words or not chars:
        return []
    flat, owner = spaced
    pattern = r"(?<!\S)" + r"\s*".join(re.escape(_fold(w)) for w in words) + r"(?!\S)"
    boxes = []
    for m in re.finditer(pattern, flat):
        glyphs = [chars[i] for i in owner[m.start() : m.end()] if i is not None]
        if glyphs and _one_line(glyphs):
            boxes.append(_union(glyphs))
    return boxes


def _follows(prev: BBox, box: BBox) -> bool:
    """Is `box` the next word of a cell after `prev`: same line to the right, or a line or two below?"""
    height = prev[3] - prev[1]
    same_line = abs(box[1] - prev[1]) < height / 2 and box[0] >= prev[2] - LINE_SLACK
    below = 0 < box[1] - prev[1] <= WRAP_LINES * height * LINE_SPACING
    return same_line or below


def _union_boxes(boxes: Sequence[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _spaced(chars: Sequence[Char]) -> tuple[str, list[int | None]]:
    """The chars as text with a space wherever a gap or a line break separates two glyphs;
    `owner[i]` is the char behind text position i (None for an inserted space)."""
    text, owner, last = [], [], None
    for i, c in enumerate(chars):
        if last is not None and _apart(last, c):
            text.append(" ")
            owner.append(None)
        text.append(_fold(str(c["text"])[:1]))
        owner.append(i)
        last = c
    return "".join(text), owner


def _apart(a: Char, b: Char) -> bool:
    size = max(float(a["bottom"]) - float(a["top"]), 1.0)
    new_line = float(b["top"]) >= float(a["bottom"]) - size / 2 or float(b["x0"]) < float(a["x0"])
    return new_line or float(b["x0"]) - float(a["x1"]) > WORD_GAP * size


def _one_line(glyphs: Sequence[Char]) -> bool:
    """Glyphs of one cell stay within a few lines of each other (not a match across the page)."""
    box = _union(glyphs)
    size = max(float(c["bottom"]) - float(c["top"]) for c in glyphs)
    return box[3] - box[1] <= (WRAP_LINES + 1) * size


def _mid(box: BBox, axis: int) -> float:
    return (box[axis] + box[axis + 2]) / 2


def render(pdf: str, page: int, boxes: Sequence[BBox] = (), zoom: float = 2.0) -> bytes | None:
    """The page as PNG at `zoom` (1 = 72 dpi), bounded to MAX_PIXELS, with the boxes drawn."""
    from PIL import ImageDraw

    with PDFIUM:
        drawn = _draw(pdf, page, zoom)
    if drawn is None:
        return None
    image, scale = drawn
    layer = ImageDraw.Draw(image, "RGBA")
    for x0, top, x1, bottom in boxes:
        layer.rectangle(
            [x0 * scale - 2, top * scale - 2, x1 * scale + 2, bottom * scale + 2],
            fill=BOX_FILL,
            outline=BOX_STROKE,
            width=BOX_WIDTH_PX,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _draw(pdf: str, page: int, zoom: float):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= page <= len(doc):
            return None
        p = doc[page - 1]
        width, height = p.get_size()
        scale = bounded_scale(width, height, zoom)
        return p.render(scale=scale).to_pil().convert("RGB"), scale  # RGB: the boxes blend in
    finally:
        doc.close()


def bounded_scale(width: float, height: float, zoom: float) -> float:
    """`zoom`, lowered so the image holds at most MAX_PIXELS (and at most MAX_SCALE)."""
    fit = math.sqrt(MAX_PIXELS / max(width * height, 1.0)) * ROUNDING_MARGIN
    return max(min(zoom, MAX_SCALE, fit), 1e-3)
