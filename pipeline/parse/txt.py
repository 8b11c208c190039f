"""Plain-text input: pages split at form feeds, lines kept, provenance by line."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog import doc_id_of
from pipeline.model import DocStatus, LineSpan, PageText, ParsedDocument, ParseError


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else cp1251; binary data is rejected."""
    if b"\x00" in data[:4096]:
        raise ParseError(f"{name}: not a text file (binary data)", error_type="not_text")
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ParseError(f"{name}: cannot decode text", error_type="decode")


def page_of(number: int, raw: str) -> PageText:
    """One text page: trailing spaces stripped, each line a `LineSpan` (bbox = line index)."""
    lines = [ln.rstrip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip("\n")
    spans, pos = [], 0
    for i, ln in enumerate(text.split("\n")):
        spans.append(LineSpan(pos, pos + len(ln), (0.0, float(i), 0.0, float(i + 1))))
        pos += len(ln) + 1
    return PageText(number, text, spans)


def parse_txt(path: str | Path) -> ParsedDocument:
    """Parse a UTF-8/cp1251 text file; form feeds separate pages."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise ParseError(f"{path.name}: empty file", error_type="empty")
    pages = [page_of(i + 1, chunk) for i, chunk in enumerate(decode(data, path.name).split("\f"))]
    first = next((ln.strip() for p in pages for ln in p.text.split("\n") if ln.strip()), None)
    return ParsedDocument(doc_id_of(path), str(path), path.name, DocStatus.OK, len(pages),
                          first[:200] if first else None, None, pages, [])
