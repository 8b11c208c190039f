"""Damaged PDFs: read the pages that are intact, and name the pages that are lost.

`repair` rebuilds a damaged file (truncated, broken cross-reference table) with qpdf's
reconstruction (via pikepdf). When even the trailer is gone (a file cut before its xref stream),
it first appends a new page tree, catalog and trailer over the page objects found by scanning the
file, including those inside intact object streams. A page whose content stream is missing or
unreadable is blanked in the repaired copy and reported as lost, as are pages the file declares
(`/Count`) but no longer holds. `too_heavy` tells a page with more objects than a cap (a page
of 200,000 tiny text objects would take minutes): the parser leaves it empty, unread.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.model import ParseError

MAX_PAGE_OBJECTS = 20_000  # objects on one page (text, paths, images); real pages hold < 5,000
_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


@dataclass
class Repaired:
    """A readable copy of a damaged PDF: its path, the page count the original declares, lost pages."""

    path: Path
    n_pages: int
    lost: list[int] = field(default_factory=list)
    open_end: bool = False  # cut off and the page count unknown: pages after the last may be lost


def repair(path: Path, target: Path) -> Repaired:
    """Write a readable copy of the damaged PDF at `path` to `target`; `ParseError` when nothing is left."""
    import pikepdf

    data = path.read_bytes()
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PdfError:
        pdf = _rebuilt(data, path, target.with_name(target.name + ".rebuilt"))
    with pdf:
        lost = [i + 1 for i, page in enumerate(pdf.pages) if not _content_intact(page)]
        for number in lost:
            _blank(pdf, pdf.pages[number - 1])
        found = len(pdf.pages)
        if found == len(lost):
            raise ParseError(f"{path.name}: damaged PDF: no intact page left", error_type="corrupt")
        pdf.save(target)
    declared = declared_pages(data)
    n_pages = max(found, declared or 0)
    open_end = declared is None and b"%%EOF" not in data[-2048:]
    return Repaired(target, n_pages, lost + list(range(found + 1, n_pages + 1)), open_end)


def declared_pages(data: bytes) -> int | None:
    """The page count the page tree root declares, when it survives uncompressed."""
    counts = [int(a or b) for a, b in _COUNT.findall(data)]
    return max(counts) if counts else None


def _rebuilt(data: bytes, path: Path, scratch: Path):
    """Open a file without a usable trailer: append a page tree over the page objects found."""
    import pikepdf

    pages, highest = _page_objects(data)
    if not pages:
        raise ParseError(f"{path.name}: damaged PDF: no page objects left", error_type="corrupt")
    tree, catalog = highest + 1, highest + 2
    kids = b" ".join(b"%d 0 R" % n for n in pages)
    tail = (
        b"\n%d 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n" % (tree, kids, len(pages))
        + b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n" % (catalog, tree)
        + b"trailer\n<< /Root %d 0 R /Size %d >>\n%%%%EOF\n" % (catalog, catalog + 1)
    )
    scratch.write_bytes(data + tail)
    try:
        return pikepdf.open(scratch)
    except pikepdf.PdfError as exc:
        raise ParseError(f"{path.name}: damaged PDF beyond repair ({exc})", error_type="corrupt") from exc


def _page_objects(data: bytes) -> tuple[list[int], int]:
    """Numbers of the page objects (in file order) and the highest object number seen."""
    pages: list[int] = []
    highest = 0
    for match in _OBJECT.finditer(data):
        number = int(match.group(1))
        highest = max(highest, number)
        end = data.find(b"endobj", match.end())
        body = data[match.end() : end if end > 0 else len(data)]
        if b"/ObjStm" in body[:400]:
            for inner, text in _stream_objects(body):
                highest = max(highest, inner)
                if _PAGE.search(text):
                    pages.append(inner)
        elif _PAGE.search(body[:2000]) and b"stream" not in body[:2000]:
            pages.append(number)
    return list(dict.fromkeys(pages)), highest


def _stream_objects(body: bytes) -> list[tuple[int, bytes]]:
    """(number, text) of the objects in an intact, Flate-compressed object stream."""
    start, end = re.search(rb"stream\r?\n", body), body.rfind(b"endstream")
    first, count = re.search(rb"/First\s+(\d+)", body), re.search(rb"/N\s+(\d+)", body)
    if not (start and first and count) or end < 0:
        return []
    try:
        raw = zlib.decompressobj().decompress(body[start.end() : end], 50 << 20)
        offset = int(first.group(1))
        header = list(map(int, raw[:offset].split()))
    except (zlib.error, ValueError):
        return []
    pairs = list(zip(header[0::2], header[1::2], strict=False))[: int(count.group(1))]
    ends = [p[1] for p in pairs[1:]] + [len(raw) - offset]
    return [(n, raw[offset + at : offset + stop]) for (n, at), stop in zip(pairs, ends, strict=False)]


def _content_intact(page) -> bool:
    """The page's content streams are present and decode in full."""
    import pikepdf

    contents = page.obj.get("/Contents")
    if contents is None:
        return False
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    try:
        return bool(streams) and all(isinstance(s, pikepdf.Stream) and s.read_bytes() for s in streams)
    except (pikepdf.PdfError, RuntimeError, ValueError):
        return False


def _blank(pdf, page) -> None:
    page.obj["/Contents"] = pdf.make_stream(b"")


def too_heavy(page) -> bool:
    """Does the (pypdfium2) page hold more than `MAX_PAGE_OBJECTS` objects? Counted on the page the
    parser loads anyway, before any of its content is read."""
    import pypdfium2.raw as pdfium_c

    return pdfium_c.FPDFPage_CountObjects(page) > MAX_PAGE_OBJECTS


def page_range(path: Path, first: int, last: int, target: Path) -> Path:
    """A copy of pages `first`..`last` (1-based, inclusive) of the PDF."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        for number in range(len(pdf.pages), 0, -1):
            if not first <= number <= last:
                del pdf.pages[number - 1]
        pdf.save(target)
    return target
