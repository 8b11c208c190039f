"""Frozen reference: the per-char pdfium reader as it was before bulk reading (commit b026fc4).

The differential oracle of `tests/test_pdfium_bulk.py` and `bench/diff_parse.py`: the production
reader (`pipeline.parse.pdfium_chars`) must give exactly these chars. Not used by the pipeline;
do not change it (it documents the output the bulk reader keeps). Original docstring:

pdfplumber-style char dicts from pypdfium2's text page (C speed, no pdfminer layout pass).

pdfminer boxes a glyph from the baseline + font descent up by the (matrix-scaled) font size and
across its advance width; pdfium's loose char box has the same bottom and nearly the same right
edge, and its char origin is pdfminer's `x0`. Unmapped glyphs become '(cid:0)' like pdfminer's.
pdfium's text page drops the real space that ends a text object (it puts a generated space or
line break in its place) and skips text objects of blanks only; both are restored so that lines
match pdfplumber's. Generated spaces inside an object (TeX word gaps) are left out, like pdfminer.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pr

from pipeline.parse.lines import Char
from pipeline.parse.pdfium_chars import SPACE_EM

_HYPHEN_MARK = 2  # pdfium's code for a hyphen that ends a line


@dataclass
class _Reader:
    """Per-text-page state: ctypes buffers and caches keyed by text object."""

    tp: Any
    height: float
    out: list[Char] = field(default_factory=list)
    styles: dict[int, tuple[float, bool, str]] = field(default_factory=dict)
    trailing: dict[int, bool] = field(default_factory=dict)  # object text ends with a space?
    space_w: dict[tuple[str, float], float] = field(default_factory=dict)
    pending: list[int] = field(default_factory=list)  # indexes in `out` that a dropped space follows
    last_obj: int = 0
    last_ptr: Any = None
    box: Any = field(default_factory=pr.FS_RECTF)
    ox: ctypes.c_double = field(default_factory=ctypes.c_double)
    oy: ctypes.c_double = field(default_factory=ctypes.c_double)
    buf: ctypes.Array = field(default_factory=lambda: ctypes.create_string_buffer(256))
    flags: ctypes.c_int = field(default_factory=ctypes.c_int)


def _style(r: _Reader, k: int) -> tuple[float, bool, str]:
    """(pdfminer size, upright, fontname) of char k, from its matrix and font size."""
    m = pr.FS_MATRIX()
    pr.FPDFText_GetMatrix(r.tp, k, ctypes.byref(m))
    size = pr.FPDFText_GetFontSize(r.tp, k) * math.hypot(m.c, m.d)
    n = pr.FPDFText_GetFontInfo(r.tp, k, r.buf, len(r.buf), ctypes.byref(r.flags))
    return size, m.a * m.d > 0 and m.b * m.c <= 0, r.buf.raw[: max(n - 1, 0)].decode("utf-8", "replace")


def _ends_with_space(r: _Reader) -> bool:
    """Does the last text object's own text end with a space?"""
    if r.last_obj not in r.trailing:
        n = pr.FPDFTextObj_GetText(r.last_ptr, r.tp, None, 0)
        buf = ctypes.create_string_buffer(max(n, 2))
        pr.FPDFTextObj_GetText(r.last_ptr, r.tp, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
        r.trailing[r.last_obj] = buf.raw[:n].decode("utf-16-le", "replace").rstrip("\x00").endswith(" ")
    return r.trailing[r.last_obj]


def _text(tp: Any, k: int) -> str:
    if pr.FPDFText_HasUnicodeMapError(tp, k):
        return "(cid:0)"
    u = pr.FPDFText_GetUnicode(tp, k)
    return "-" if u == _HYPHEN_MARK else chr(u) if u else "(cid:0)"


def _blank_after(c: Char, blanks: list[Char]) -> bool:
    """Does a blank-only text object (see `_blank`) start where char c ends, on its line?"""
    return any(
        abs(b["x0"] - c["x1"]) < 1.0 and b["top"] < c["bottom"] and b["bottom"] > c["top"] for b in blanks
    )


def _pair(text: str) -> str:
    """Join UTF-16 surrogate pairs (pdfium yields one per code unit) into astral code points."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _restore_spaces(r: _Reader, blanks: list[Char]) -> None:
    """Put back the real spaces that ended text objects, in fonts that show real spaces elsewhere
    (pdfTeX-style fonts have none: their object text has only pdfium's own spaces), unless the
    space is a blank-only object of its own or the next char on the line leaves it no room."""
    fonts = {f for f, _ in r.space_w}
    for i in reversed(r.pending):
        prev, nxt = r.out[i], r.out[i + 1] if i + 1 < len(r.out) else None
        if prev["fontname"] not in fonts or _blank_after(prev, blanks):
            continue
        w = r.space_w.get((prev["fontname"], prev["size"]), SPACE_EM * prev["size"])
        if nxt is None or abs(nxt["bottom"] - prev["bottom"]) > 1 or nxt["x0"] - prev["x1"] >= w:
            r.out.insert(i + 1, {**prev, "text": " ", "x0": prev["x1"], "x1": prev["x1"] + w})


def _generated(r: _Reader, k: int) -> None:
    """pdfium's own space or line break: restore the real space it may stand for."""
    obj = ctypes.cast(pr.FPDFText_GetTextObject(r.tp, k), ctypes.c_void_p).value
    if obj or not r.out or r.out[-1]["text"] == " " or not r.last_obj or r.pending[-1:] == [len(r.out) - 1]:
        return
    if _ends_with_space(r):
        r.pending.append(len(r.out) - 1)


def _right(r: _Reader, k: int) -> float:
    """pdfminer's x1 (origin + advance). pdfium's loose box ends at the advance unless the glyph
    overhangs it (italic 'f'); then take the glyph's right edge less its left side bearing."""
    loose = r.box.right
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    pr.FPDFText_GetCharBox(
        r.tp, k, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
    )
    if right.value < loose - 1e-3 or left.value < r.ox.value:
        return loose
    return loose - (left.value - r.ox.value)


def _char(r: _Reader, k: int) -> None:
    ptr = pr.FPDFText_GetTextObject(r.tp, k)
    obj = ctypes.cast(ptr, ctypes.c_void_p).value or 0
    size, upright, font = r.styles.get(obj) or r.styles.setdefault(obj, _style(r, k))
    pr.FPDFText_GetLooseCharBox(r.tp, k, ctypes.byref(r.box))
    pr.FPDFText_GetCharOrigin(r.tp, k, ctypes.byref(r.ox), ctypes.byref(r.oy))
    text, x0, x1 = _text(r.tp, k), r.ox.value, _right(r, k)
    prev = r.out[-1] if r.out and obj == r.last_obj else None
    if prev is not None and prev["x0"] == x0 and prev["x1"] == x1 and not text.isspace():
        prev["text"] = _pair(prev["text"] + text)  # one glyph, several code points: one pdfminer char
        return
    if text == " ":
        r.space_w[(font, size)] = x1 - x0
    bottom = r.height - r.box.bottom
    top = bottom - size if upright else r.height - r.box.top
    r.out.append(
        {
            "text": text,
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "size": size,
            "fontname": font,
            "upright": upright,
        }
    )
    r.last_obj, r.last_ptr = obj, ptr


def _blank(r: _Reader, obj: Any) -> Char | None:
    """A space for a text object of blanks only (empty text, zero-size bounds), which pdfium skips."""
    if pr.FPDFTextObj_GetText(obj, r.tp, None, 0) > 2:
        return None
    x0, y0, x1, y1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    pr.FPDFPageObj_GetBounds(obj, ctypes.byref(x0), ctypes.byref(y0), ctypes.byref(x1), ctypes.byref(y1))
    m, fs, descent = pr.FS_MATRIX(), ctypes.c_float(), ctypes.c_float()
    pr.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    pr.FPDFTextObj_GetFontSize(obj, ctypes.byref(fs))
    if x1.value - x0.value > 0.01 or y1.value - y0.value > 0.01 or m.b or m.c or m.a <= 0 or m.d <= 0:
        return None
    pr.FPDFFont_GetDescent(pr.FPDFTextObj_GetFont(obj), fs.value, ctypes.byref(descent))
    size = fs.value * m.d
    bottom = r.height - m.f - descent.value * m.d
    w = next((w for (_, sz), w in r.space_w.items() if sz == size), SPACE_EM * size)
    return {
        "text": " ",
        "x0": m.e,
        "x1": m.e + w,
        "top": bottom - size,
        "bottom": bottom,
        "size": size,
        "fontname": "",
        "upright": True,
    }


def _blanks(r: _Reader, page: pdfium.PdfPage) -> list[Char]:
    objs = (pr.FPDFPage_GetObject(page.raw, i) for i in range(pr.FPDFPage_CountObjects(page.raw)))
    texts = (o for o in objs if pr.FPDFPageObj_GetType(o) == pr.FPDF_PAGEOBJ_TEXT)
    return [c for o in texts if (c := _blank(r, o)) is not None]


def page_chars(page: pdfium.PdfPage, height: float) -> list[Char]:
    """The page's chars as pdfplumber dicts: text, x0, x1, top, bottom, size, fontname, upright."""
    textpage = page.get_textpage()
    try:
        r = _Reader(textpage.raw, height)
        for k in range(pr.FPDFText_CountChars(r.tp)):
            (_generated if pr.FPDFText_IsGenerated(r.tp, k) else _char)(r, k)
        blanks = _blanks(r, page)
        _restore_spaces(r, blanks)
        return r.out + blanks
    finally:
        textpage.close()
