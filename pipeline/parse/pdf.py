"""PDF → `ParsedDocument`: one pass over the pages, then document-level cleanup.

Three engines give the same output. "pdfplumber" reads every page with pdfminer. "hybrid" takes
chars from pypdfium2 and leaves to pdfplumber the pages that may hold a ruled table
(`may_have_grid`) or have an unusual geometry. "pdfium" (the default, fastest) also finds ruled
tables without pdfminer, on edges built from pdfium's vector paths (`edges.page_edges`), and leaves
to pdfplumber only the pages of unusual geometry.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.table import Table, TableSettings
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.catalog import doc_id_of
from pipeline.lexicon import CONTINUED_TABLE
from pipeline.model import DocStatus, PageText, ParsedDocument, ParseError
from pipeline.parse.aligned import aligned_tables
from pipeline.parse.assemble import assemble, split_footnotes
from pipeline.parse.edges import find_tables, page_edges, white_fill
from pipeline.parse.furniture import strip_furniture
from pipeline.parse.glued import is_spaceless, split_glued, split_lines
from pipeline.parse.lines import (
    Char,
    Line,
    build_lines,
    cluster_rows,
    find_gutter,
    make_line,
    row_spans,
    split_columns,
)
from pipeline.parse.ocr import OcrUnavailable, even_sizes, has_image, ocr_page
from pipeline.parse.page import PageSource, RawPage
from pipeline.parse.pdfium_chars import page_chars
from pipeline.parse.quality import clean_chars, dedupe_chars, texts_are_broken, visible_texts
from pipeline.parse.recover import too_heavy
from pipeline.parse.ruling import may_have_grid
from pipeline.parse.settings import LAYOUT
from pipeline.parse.tables import (
    TABLE_SETTINGS,
    RawTable,
    cell_rows,
    chars_in,
    find_caption,
    holds_table,
    merge_tables,
    real_tables,
)

Engine = Literal["pdfium", "hybrid", "pdfplumber"]

_WORD = re.compile(r"[^\W\d_]{4}")
_EPS = 0.01  # pt: float noise between pdfium's and pdfminer's page heights
TABLE_MIN_EDGE = TableSettings.resolve(TABLE_SETTINGS).edge_min_length_prefilter  # shorter: no rule


def check_header(path: Path) -> None:
    """Reject empty files and files that are not PDFs before pdfminer sees them."""
    with path.open("rb") as f:
        head = f.read(1024)
    if not head:
        raise ParseError(f"{path.name}: empty file", error_type="empty")
    if b"%PDF-" not in head:
        raise ParseError(f"{path.name}: not a PDF (no %PDF header)", error_type="not_pdf")


@contextmanager
def open_pdf(path: Path):
    """pdfplumber.open with every pdfminer failure turned into a `ParseError`."""
    try:
        pdf = pdfplumber.open(path)
    except Exception as e:
        raise _corrupt(path, e) from e
    try:
        yield pdf
    finally:
        pdf.close()


def _corrupt(path: Path, e: Exception) -> ParseError:
    """Wrap a pdfminer/pdfplumber failure (unwrapping `PdfminerException`) as a `ParseError`."""
    if isinstance(e, PdfminerException) and e.args and isinstance(e.args[0], Exception):
        e = e.args[0]
    if isinstance(e, PDFPasswordIncorrect | PDFEncryptionError):
        return ParseError(f"{path.name}: encrypted PDF: needs a password", error_type="encrypted")
    msg = str(e) or type(e).__name__
    return ParseError(
        f"{path.name}: corrupt or truncated PDF ({type(e).__name__}: {msg})", error_type="corrupt"
    )


def page_tables(page: Page, fast: PageSource | None) -> list[Table]:
    """The page's ruled tables, from pdfium's edges when the page was read by pdfium."""
    if fast is None:
        edges = [e for e in page.edges if not white_fill(e)]
        w, h = float(page.width), float(page.height)
        return real_tables(find_tables(edges, w, h, TABLE_SETTINGS, page.bbox)) if edges else []
    if not fast.edges:
        return []
    return real_tables(find_tables(fast.edges, float(page.width), float(page.height), TABLE_SETTINGS))


def read_page(page: Page, number: int, fast: PageSource | None = None) -> RawPage:
    """First pass over one page: chars once, tables once, body lines in reading order.

    `fast` (from pdfium) replaces `page.chars` and `page.edges`, so pdfminer never runs."""
    raw = RawPage(number, float(page.width), float(page.height))
    chars = dedupe_chars(page.chars if fast is None else fast.chars)
    visible = visible_texts(chars)
    raw.n_chars = len(visible)
    if visible and texts_are_broken(visible):
        raw.broken = True
        return raw
    chars = clean_chars(chars)
    spaceless = is_spaceless(chars)
    raw.tables = _tables(page, fast, chars, number, spaceless)
    body = [c for c in chars if c.get("upright", True)]
    for t in raw.tables:
        body = chars_in(body, t.bbox, inside=False)
    raw.lines = [ln for r in _body_rows(raw, body, spaceless) if (ln := make_line(r)) is not None]
    if spaceless:
        raw.lines = split_lines(raw.lines)
    return raw


def _body_rows(raw: RawPage, body: list[Char], spaceless: bool) -> list[list[Char]]:
    """The body chars' rows in reading order; whitespace-aligned tables among them go to
    `raw.tables`, a column gutter to `raw.gutter` (each row's `row_spans` read once for both)."""
    rows = cluster_rows(body)
    spans = [row_spans(r) for r in rows]
    aligned, left = aligned_tables(rows, spans, raw.number)
    raw.tables += aligned
    rows, spans = [rows[i] for i in left], [spans[i] for i in left]
    raw.gutter = find_gutter(spans, raw.width, 0.0 if spaceless else LAYOUT.column_side)
    if raw.gutter is None:
        return rows
    return split_columns(rows, spans, raw.gutter, raw.height)


def _tables(
    page: Page, fast: PageSource | None, chars: list[Char], number: int, spaceless: bool
) -> list[RawTable]:
    """The page's ruled grids whose text makes a table (`holds_table`); other grids (frames,
    backgrounds, a box around prose) are left to the body."""
    out = []
    for t in page_tables(page, fast):
        box = t.bbox
        own, seen = cell_rows(t, chars_in(chars, box))
        if spaceless:
            own, seen = ([[split_glued(x)[0] for x in r] for r in g] for g in (own, seen))
        if len(own) >= LAYOUT.grid_min and holds_table(own):
            out.append(RawTable(number, box, own, spans=seen))
    return out


def fast_page(page: pdfium.PdfPage | None, height: float, engine: Engine) -> PageSource | None:
    """The page read by pdfium, or None when it needs pdfplumber (odd geometry; "hybrid": grids)."""
    if page is None:
        return None
    try:
        box = page.get_mediabox()
        if page.get_rotation() or box[:2] != (0, 0) or abs(box[3] - height) > _EPS:
            return None
        grid = may_have_grid(page)
        if grid and engine == "hybrid":
            return None
        edges = page_edges(page, height, TABLE_MIN_EDGE) if grid else []
        return PageSource(page_chars(page, height), edges)
    except pdfium.PdfiumError:
        return None


def _pdfium_page(doc: pdfium.PdfDocument | None, i: int) -> pdfium.PdfPage | None:
    """Page i loaded by pdfium once for the whole first pass (None: no pdfium document, or a page
    pdfium cannot load, which pdfplumber then reads)."""
    if doc is None:
        return None
    try:
        return doc[i]
    except pdfium.PdfiumError:
        return None


def open_pdfium(path: Path, engine: Engine) -> pdfium.PdfDocument | None:
    """The pdfium document for the fast engines (None: read every page with pdfplumber)."""
    if engine == "pdfplumber":
        return None
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return None


def read_pages(
    pdf: pdfplumber.PDF, path: Path, max_pages: int | None, engine: Engine = "pdfium", ocr: bool = False
) -> list[RawPage]:
    """Run the first pass over the pages, closing each page as soon as it is read (`ocr`: read
    every page through OCR, as when its text layer is garbled)."""
    doc = open_pdfium(path, "pdfium")
    try:
        return [
            _read(path, doc, i, page, engine, ocr)
            for i, page in enumerate(pdf.pages[:max_pages] if max_pages else pdf.pages)
        ]
    finally:
        if doc is not None:
            doc.close()


def _read(
    path: Path, doc: pdfium.PdfDocument | None, i: int, page: Page, engine: Engine, force_ocr: bool = False
) -> RawPage:
    """`read_page` on page i (OCR when it has no usable text layer, or `force_ocr`); a page with
    more objects than `recover.MAX_PAGE_OBJECTS` is left empty and marked `heavy` (never read);
    every failure but `ParseError` is reported as corruption."""
    pdf_page = _pdfium_page(doc, i)
    try:
        if pdf_page is not None and too_heavy(pdf_page):
            return RawPage(i + 1, float(page.width), float(page.height), heavy=True)
        fast = fast_page(pdf_page if engine != "pdfplumber" else None, float(page.height), engine)
        raw = read_page(page, i + 1, fast)
        if (force_ocr or raw.broken or not raw.n_chars) and pdf_page is not None:
            raw = _ocr(page, pdf_page, i, raw, force_ocr)
        return raw
    except ParseError:
        raise
    except Exception as e:
        raise _corrupt(path, e) from e
    finally:
        page.close()
        if pdf_page is not None:
            pdf_page.close()


def _ocr(page: Page, pdf_page: pdfium.PdfPage, i: int, raw: RawPage, force: bool = False) -> RawPage:
    """The page read again from Tesseract's words; `raw` (with the reason) when OCR cannot run.
    A page without images is only recognised when `force`d (its text drawn in a garbled font)."""
    try:
        if not (force or has_image(pdf_page)):
            return raw
        result = ocr_page(pdf_page)
    except OcrUnavailable as e:
        raw.ocr_missing = str(e)
        return raw
    ocred = read_page(page, i + 1, result)
    ocred.lines = even_sizes(split_lines(ocred.lines, morph=False))  # OCR misses spaces: "до2 трлн"
    ocred.ocr, ocred.ocr_confidence = True, round(result.ocr_confidence or 0.0, 3)
    return ocred


def body_size(pages: list[RawPage]) -> float:
    """Dominant font size of body text in the document (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _resolve_tables(p: RawPage, lines: list[Line]) -> None:
    """Captions from the lines above each table; flag tables that open the page body."""
    for t in p.tables:
        t.caption = find_caption(lines, t.bbox)
        top = t.bbox[1] + LAYOUT.above_slack
        above = [ln for ln in lines if ln.bottom <= top and not CONTINUED_TABLE.match(ln.text)]
        t.continued = not above and t is p.tables[0]


def _run(lines: list[Line], pred) -> str | None:
    """Text of the first run (≤ `title_lines` lines) of consecutive lines that satisfy `pred`."""
    k = next((i for i, ln in enumerate(lines) if pred(ln)), None)
    if k is None:
        return None
    run = []
    for ln in lines[k : k + LAYOUT.title_lines]:
        if not pred(ln):
            break
        run.append(ln.text)
    return " ".join(run).strip() or None


def _meta_title(meta: dict[str, Any]) -> str | None:
    t = str(meta.get("Title") or "").strip()
    t = re.sub(r"^Microsoft (Word|PowerPoint) - |\.(docx?|pdf|rtf)$", "", t, flags=re.IGNORECASE)
    ok = len(t) >= 4 and re.search(r"[^\W\d_]{3}", t) and "untitled" not in t.lower()
    return t if ok else None


def _title(lines: list[Line], size: float, meta: dict[str, Any]) -> str | None:
    """First large-font lines of page 1, else a meaningful metadata Title, else bold caps."""
    worded = [ln for ln in lines if _WORD.search(ln.text)]  # not a call-out number ("150 млн")
    big = max((ln.size for ln in worded), default=0.0)
    if size and big >= LAYOUT.title_size * size:
        return _run(lines, lambda ln: ln.size >= LAYOUT.title_same * big and bool(_WORD.search(ln.text)))
    return _meta_title(meta) or _run(
        lines, lambda ln: ln.bold and ln.text.isupper() and len(ln.text.split()) >= LAYOUT.title_min_words
    )


def _no_text(path: Path, raws: list[RawPage]) -> ParseError:
    """The error for a document without any text: OCR missing, or OCR found nothing."""
    missing = next((p.ocr_missing for p in raws if p.ocr_missing), None)
    if missing:
        why = f"no text layer (scanned images?) and OCR is unavailable: {missing}"
    elif any(p.ocr for p in raws):
        why = "no text layer, and OCR found no text on the page images"
    else:
        why = "no text layer and no page images"
    return ParseError(f"{path.name}: {why}", error_type="no_text", status=DocStatus.NO_TEXT)


def ocr_note(raws: list[RawPage]) -> str | None:
    """The document note on OCR: pages recognised (mean confidence) and pages left without text."""
    done = [p for p in raws if p.ocr]
    missing = [p for p in raws if p.ocr_missing]
    notes = []
    if done:
        conf = sum(p.ocr_confidence or 0.0 for p in done) / len(done)
        notes.append(
            f"OCR (Tesseract) on {len(done)} page(s) without a usable text layer: "
            f"{_page_list(done)}; mean confidence {conf:.2f}"
        )
    if missing:
        notes.append(f"page(s) {_page_list(missing)} need OCR: {missing[0].ocr_missing}")
    return "; ".join(notes) or None


def _page_list(pages: list[RawPage]) -> str:
    nums = [p.number for p in pages]
    return (
        f"{nums[0]}–{nums[-1]}"
        if len(nums) > 2 and nums[-1] - nums[0] == len(nums) - 1
        else (", ".join(map(str, nums)))
    )


def build_document(path: Path, raws: list[RawPage], n_pages: int, meta: dict) -> ParsedDocument:
    """Second pass: furniture, footnotes, paragraphs, tables and the title."""
    good = [p for p in raws if p.n_chars]
    if not good:
        raise _no_text(path, raws)
    if all(p.broken for p in good):
        raise ParseError(
            f"{path.name}: broken text layer (unmapped glyphs or mojibake) on every page",
            error_type="broken_text",
        )
    size = body_size(raws)
    cleaned = strip_furniture([p.lines for p in raws], [p.height for p in raws])
    pages = []
    for p, lines in zip(raws, cleaned, strict=True):
        _resolve_tables(p, lines)
        body, notes = split_footnotes(lines, size, p.number)
        a = assemble(body, p.gutter)
        flags = (["broken_text_layer"] if p.broken else []) + (["two_column"] if p.gutter else [])
        pages.append(
            PageText(
                p.number,
                a.text,
                a.spans,
                notes,
                p.width,
                p.height,
                a.markers,
                flags,
                p.ocr,
                p.ocr_confidence,
                a.boxes,
            )
        )
    tables = merge_tables([t for p in raws for t in p.tables])
    return ParsedDocument(
        doc_id_of(path),
        str(path),
        path.name,
        DocStatus.OK,
        n_pages,
        _title(cleaned[0] if cleaned else [], size, meta),
        ocr_note(raws),
        pages,
        tables,
        [p.number for p in raws if p.heavy],
    )


def parse_pdf(
    path: str | Path, *, max_pages: int | None = None, engine: Engine = "pdfium", ocr: bool = False
) -> ParsedDocument:
    """Parse a PDF into cleaned page texts, footnotes and tables; raise `ParseError` if unusable.

    `engine="pdfplumber"` reads every page with pdfminer, `engine="hybrid"` the pages that may hold
    a ruled table (both slower, same output). `ocr=True` reads every page through OCR (a text
    layer that the language check found garbled)."""
    path = Path(path)
    check_header(path)
    with open_pdf(path) as pdf:
        try:
            n_pages = len(pdf.pages)
            meta = dict(pdf.metadata or {})
        except Exception as e:
            raise _corrupt(path, e) from e
        raws = read_pages(pdf, path, max_pages, engine, ocr)
    return build_document(path, raws, n_pages, meta)


__all__ = ["parse_pdf", "build_lines"]
