"""Plain-text input: encoding detected, pages split at form feeds, hard-wrapped lines reflowed."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.catalog import doc_id_of
from pipeline.model import DocStatus, LineSpan, PageText, ParsedDocument, ParseError
from pipeline.parse.dehyphen import join_text
from pipeline.parse.settings import LAYOUT

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CYRILLIC_8BIT = ("cp1251", "koi8-r", "cp866")  # tried in this order on a tie
TEXT_SHARE = 0.95  # UTF-16 without a BOM: the decoding must be this share printable text
BAD_CONTROL_SHARE = 0.01  # more control characters than this: binary data, not text
_VOWELS = set("оеаиуяюыэё")
_PUNCT = set(".,;:!?-–—()«»\"'%№/")


def decode(data: bytes, name: str) -> str:
    """Text of a file by detection: a BOM (UTF-8/16/32), UTF-16 without BOM (NUL bytes), UTF-8,
    else the 8-bit Cyrillic code page whose decoding reads most like Russian (cp1251, KOI8-R,
    cp866). Binary data is rejected."""
    enc = _encoding(data)
    if enc is None:
        raise ParseError(f"{name}: not a text file (binary data)", error_type="not_text")
    text = data.decode(enc, errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > BAD_CONTROL_SHARE * max(len(text), 1):
        raise ParseError(f"{name}: not a text file (binary data)", error_type="not_text")
    return text


def _encoding(data: bytes) -> str | None:
    for bom, enc in BOMS:
        if data.startswith(bom):
            return enc
    head = data[:4096]
    if head.count(0):
        return _utf16(head[: len(head) // 2 * 2])
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return max(CYRILLIC_8BIT, key=lambda e: _russian_score(data.decode(e, errors="replace")))


def _utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose decoding is (nearly) all text, else None."""
    best, best_share = None, TEXT_SHARE
    for enc in ("utf-16-le", "utf-16-be"):
        text = head.decode(enc, errors="replace")
        share = sum(1 for ch in text if ch.isprintable() or ch.isspace()) / max(len(text), 1)
        if share >= best_share and "\ufffd" not in text:
            best, best_share = enc, share
    return best


def _russian_score(text: str) -> float:
    """How much a decoding reads like Russian: lower-case Cyrillic letters, vowels among them,
    minus upper-case ones (a wrong code page turns most lower case into capitals or symbols)."""
    low = sum(1 for ch in text if "а" <= ch <= "я" or ch == "ё")
    up = sum(1 for ch in text if "А" <= ch <= "Я" or ch == "Ё")
    vowels = sum(1 for ch in text if ch in _VOWELS)
    odd = sum(1 for ch in text if not (ch.isalnum() or ch.isspace() or ch in _PUNCT))
    return low - up + vowels - 2 * odd


_BULLET = re.compile(r"^\s*(?:[-–—•·*▪►●]\s|\d{1,3}[.)]\s|[а-яa-z]\)\s)")
_END = re.compile(r"[.!?:;»\")]$")


def reflow(lines: list[str]) -> list[tuple[str, bool]]:
    """(line, joins the previous line?) for hard-wrapped text: a line break inside a paragraph is
    a space; blank lines, list items, headings and short sentence-final lines keep their breaks."""
    width = max((len(x) for x in lines), default=0)
    if not _hard_wrapped(lines, width):
        return [(ln, False) for ln in lines]
    out: list[tuple[str, bool]] = []
    for k, ln in enumerate(lines):
        prev = lines[k - 1] if k else ""
        out.append((ln, bool(k) and _continues(prev, ln, width)))
    return out


def _hard_wrapped(lines: list[str], width: int) -> bool:
    """Is the text wrapped at a fixed width (many lines nearly as long as the longest)?"""
    text = [x for x in lines if x.strip()]
    full = sum(1 for x in text if len(x) >= LAYOUT.wrap_near * width)
    return full >= LAYOUT.wrap_min_lines and full >= LAYOUT.wrap_share * len(text)


def _continues(prev: str, ln: str, width: int) -> bool:
    if not prev.strip() or not ln.strip() or _BULLET.match(ln):
        return False
    short = len(prev) < LAYOUT.reflow_share * width
    if short and _END.search(prev):
        return False
    heading = len(prev) < LAYOUT.heading_share * width and not _END.search(prev) and ln[:1].isupper()
    return not heading  # a short line without end punctuation above a capital: a heading


def page_of(number: int, raw: str) -> PageText:
    """One text page: hard-wrapped lines joined into paragraphs (hyphenation undone); each
    source line a `LineSpan` (bbox = line index)."""
    lines = [ln.rstrip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    text, spans = "", []
    for i, (ln, joins) in enumerate(reflow(lines)):
        if i and not joins:
            text += "\n"
        start = len(text)
        if joins:
            joined = join_text(text, ln.strip())
            start = len(joined) - len(ln.strip())
            text = joined
        else:
            text += ln
        if spans and spans[-1].char_end > start:  # a hyphen dropped at the join
            spans[-1] = LineSpan(spans[-1].char_start, start, spans[-1].bbox)
        spans.append(LineSpan(start, len(text), (0.0, float(i), 0.0, float(i + 1))))
    return PageText(number, text, spans)


def parse_txt(path: str | Path) -> ParsedDocument:
    """Parse a text file (UTF-8/16/32, cp1251, KOI8-R, cp866 by detection); form feeds separate pages."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise ParseError(f"{path.name}: empty file", error_type="empty")
    pages = [page_of(i + 1, chunk) for i, chunk in enumerate(decode(data, path.name).split("\f"))]
    first = next((ln.strip() for p in pages for ln in p.text.split("\n") if ln.strip()), None)
    return ParsedDocument(
        doc_id_of(path),
        str(path),
        path.name,
        DocStatus.OK,
        len(pages),
        first[:200] if first else None,
        None,
        pages,
        [],
    )
