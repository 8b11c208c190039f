"""Parse stage: PDF/TXT files → `ParsedDocument` (cleaned page texts, footnotes, tables)."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog import doc_id_of
from pipeline.model import ParsedDocument, ParseError
from pipeline.parse.pdf import parse_pdf
from pipeline.parse.txt import parse_txt

TEXT_SUFFIXES = {".txt", ".md", ".text"}


def parse_path(path: str | Path, *, max_pages: int | None = None, ocr: bool = False) -> ParsedDocument:
    """Parse a PDF or text file, choosing by magic bytes first and then by suffix (`ocr`: read a
    PDF's pages through OCR, see `parse_pdf`; a text file has nothing to recognise)."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise ParseError(f"{path.name}: cannot read file ({e.strerror})", error_type="io") from e
    if b"%PDF-" in head or path.suffix.lower() == ".pdf":
        return parse_pdf(path, max_pages=max_pages, ocr=ocr)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return parse_txt(path)
    raise ParseError(f"{path.name}: unsupported file type (expected PDF or TXT)", error_type="unsupported")


__all__ = ["ParseError", "doc_id_of", "parse_path", "parse_pdf", "parse_txt"]
