"""pdfplumber-style char dicts from pypdfium2's text page (C speed, no pdfminer layout pass).

pdfminer boxes a glyph from the baseline + font descent up by the (matrix-scaled) font size and
across its advance width; pdfium's loose char box has the same bottom and nearly the same right
edge, and its char origin is pdfminer's `x0`. Unmapped glyphs become '(cid:0)' like pdfminer's.
pdfium's text page drops the real space that ends a text object (it puts a generated space or
line break in its place) and skips text objects of blanks only; both are restored so that lines
match pdfplumber's. Generated spaces inside an object (TeX word gaps) are left out, like pdfminer.

Reading is done in bulk (`_fetch`): the page's text in one call, then per page and getter `map`
calls pdfium's per-char getter for every char (untyped prototypes: `byref`s stepping through
preallocated C arrays, read by numpy at once); font styles are read once per text object.
"""

from __future__ import annotations

import ctypes
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pr

from pipeline.parse.lines import Char

_HYPHEN_MARK = 2  # pdfium's code for a hyphen that ends a line
# pdfium generates only spaces and line breaks (CPDF_TextPage: `GenerateCharInfo` for ' ', '\r',
# '\n' and the word-gap space of `ProcessTextObject`), so only chars of these codes are asked. A
# pdfium generating another char would turn it into a real char here (no crash, one char more):
# tests/test_pdfium_bulk.py, whose reference reader asks every char, then fails on such a page.
_GENERATED_CODES = (0x20, 0x0D, 0x0A)
SPACE_EM = 0.25  # width of a restored space (× size) when the font shows no real one
_OVERHANG = 1e-3  # pt: a glyph box reaching this close to the advance overhangs it
_VP, _INT = ctypes.c_void_p, ctypes.c_int
_RECT = 4  # floats per loose box (left, top, right, bottom)


def address_proto(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """pdfium's function `fn` called with plain integer addresses (no pointer object per call),
    the GIL held (`PYFUNCTYPE`: pdfium's getters are short and never call back into Python, and
    letting the GIL go and taking it back costs ~0.15 µs a call)."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


def untyped_proto(fn: Any, restype: Any) -> Any:
    """`address_proto` without argument types, for getters called per char or segment whose
    parameters are handles, `int`s and out-pointers: ctypes passes a `c_void_p` (or ctypes pointer)
    as a pointer, a Python int as a C int and a `byref` as a pointer by their own types, while its
    `c_int` converter alone costs ~0.4 µs a call, more than most getters. A handle must be a
    `c_void_p`: a plain int would be cut to a C int."""
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)


_IS_GENERATED = untyped_proto(pr.FPDFText_IsGenerated, _INT)
_TEXT_OBJECT = untyped_proto(pr.FPDFText_GetTextObject, ctypes.c_size_t)  # 0, not None, for none
_MAP_ERROR = untyped_proto(pr.FPDFText_HasUnicodeMapError, _INT)
_UNICODE = untyped_proto(pr.FPDFText_GetUnicode, ctypes.c_uint)
_LOOSE_BOX = untyped_proto(pr.FPDFText_GetLooseCharBox, _INT)
_ORIGIN = untyped_proto(pr.FPDFText_GetCharOrigin, _INT)
_CHAR_BOX = untyped_proto(pr.FPDFText_GetCharBox, _INT)
_MATRIX = untyped_proto(pr.FPDFText_GetMatrix, _INT)
_FONT_SIZE_AT = untyped_proto(pr.FPDFText_GetFontSize, ctypes.c_double)
_FONT_INFO = untyped_proto(pr.FPDFText_GetFontInfo, ctypes.c_ulong)  # its buffer length: a c_ulong
_PAGE_TEXT = address_proto(pr.FPDFText_GetText, _INT, _VP, _INT, _INT, _VP)
_SPACE = 0x20
_NOT_TEXT = 0xFFFE  # pdfium's text unit for a line-end hyphen (code 2) or a char without unicode (0)


@dataclass
class _Raw:
    """Every char of a text page, read in bulk: pdfium's flags, object and unicode per char, and
    the pdfminer-style text and geometry derived from its codes and boxes (`top_flat`: the loose
    box's top in top-down coordinates, for chars that are not upright)."""

    generated: list[int]
    objects: list[int]
    codes: list[int]
    text: list[str]
    x0: list[float]
    x1: list[float]
    bottom: list[float]
    top_flat: list[float]


def _each(fn: Any, tp: int, n: int, *outs: Any) -> list[int]:
    """`fn(tp, k, *outs)` for every char k < n of text page `tp` (an `untyped_proto`), looped by
    `map` at C speed (an out-parameter is `refs` of a C array, or `repeat` of one scratch `byref`)."""
    return list(map(fn, repeat(ctypes.c_void_p(tp), n), range(n), *outs))


def refs(array: ctypes.Array, n: int) -> Iterator[Any]:
    """A `byref` to each of the n equal slots of a C array (n > 0), for an untyped getter's
    out-parameter (each keeps the array alive)."""
    step = ctypes.sizeof(array) // n
    return map(ctypes.byref, repeat(array, n), range(0, step * n, step))


def slots(array: ctypes.Array, n: int) -> range:
    """The address of each of the n equal slots of a C array (n > 0), for pdfium's out-parameters;
    the array must stay referenced while pdfium writes into it."""
    start = ctypes.addressof(array)
    return range(start, start + ctypes.sizeof(array), ctypes.sizeof(array) // n)


def _geometry(tp: int, n: int, height: float) -> tuple[list[float], list[float], list[float], list[float]]:
    """pdfminer's x0, x1 and bottom of chars 0..n-1 and their loose boxes' top (top-down, for chars
    that are not upright). pdfium writes loose boxes (left, top, right, bottom), origins' x and
    tight glyph boxes' left and right edges into C arrays (the glyph boxes' bottom and top, and the
    origins' y, into one unread scratch slot); numpy derives the rest in double precision, the
    same arithmetic as Python's floats.

    x1 is pdfminer's (origin + advance): pdfium's loose box ends at the advance unless the glyph
    (tight box `left`..`right`) overhangs it (italic 'f'); then the glyph's right edge less its
    left side bearing."""
    if not n:
        return [], [], [], []
    loose = (ctypes.c_float * (_RECT * n))()
    x, left, right = (ctypes.c_double * n)(), (ctypes.c_double * n)(), (ctypes.c_double * n)()
    unread = ctypes.byref(ctypes.c_double())  # the byref keeps its slot alive
    _each(_LOOSE_BOX, tp, n, refs(loose, n))
    _each(_ORIGIN, tp, n, refs(x, n), repeat(unread))
    _each(_CHAR_BOX, tp, n, refs(left, n), refs(right, n), repeat(unread), repeat(unread))
    box = np.frombuffer(loose, dtype=np.float32).reshape(n, _RECT).astype(np.float64)
    x0, gl, gr = (np.frombuffer(a, dtype=np.float64) for a in (x, left, right))
    end = box[:, 2]
    with np.errstate(all="ignore"):  # non-finite boxes give what Python's float arithmetic gives
        x1 = np.where((gr < end - _OVERHANG) | (gl < x0), end, end - (gl - x0))
        return x0.tolist(), x1.tolist(), (height - box[:, 3]).tolist(), (height - box[:, 1]).tolist()


def _text(code: int, map_error: int) -> str:
    if map_error:
        return "(cid:0)"
    return "-" if code == _HYPHEN_MARK else chr(code) if code else "(cid:0)"


def _texts(codes: list[int], errors: list[int]) -> list[str]:
    """`_text` of every char: `chr` over all codes at once, then the few unmapped chars, empty
    codes and hyphen marks put right (any code `chr` rejects: `_text` char by char)."""
    try:
        out = [chr(c) for c in codes]
    except ValueError:
        return list(map(_text, codes, errors))
    odd = {k for mark in (0, _HYPHEN_MARK) for k in _indexes(codes, mark)}
    if any(errors):
        odd.update(k for k, e in enumerate(errors) if e)
    for k in odd:
        out[k] = _text(codes[k], errors[k])
    return out


def _indexes(values: list[int], v: int) -> list[int]:
    """Every index of v in values (`list.index` scans at C speed)."""
    out, k = [], -1
    try:
        while True:
            k = values.index(v, k + 1)
            out.append(k)
    except ValueError:
        return out


def _generated_flags(tp: int, codes: list[int]) -> list[int]:
    """pdfium's generated flag of every char, asked only of the spaces and line breaks
    (`_GENERATED_CODES`: no other char can be generated)."""
    flags, page = [0] * len(codes), ctypes.c_void_p(tp)
    for code in _GENERATED_CODES:
        for k in _indexes(codes, code):
            flags[k] = _IS_GENERATED(page, k)
    return flags


def _codes(tp: int, n: int) -> list[int]:
    """pdfium's unicode of chars 0..n-1, from the page's text read in one call. The text holds one
    UTF-16 unit per char, the very code (a code point beyond the BMP is two chars, its UTF-16 pair,
    in both), unless pdfium's count differs (chars left out of the text: then every char is asked);
    a hyphen that ends a line or a char without unicode is 0xFFFE there, so those are asked."""
    buf = (ctypes.c_ushort * (2 * n + 2))()  # room for a pdfium that would write UTF-16 pairs
    if _PAGE_TEXT(tp, 0, n, ctypes.addressof(buf)) != n + 1:
        return _each(_UNICODE, tp, n)
    codes, page = buf[:n], ctypes.c_void_p(tp)
    for k in _indexes(codes, _NOT_TEXT):
        codes[k] = _UNICODE(page, k)
    return codes


def _fetch(tp: int, n: int, height: float) -> _Raw:
    """All n chars of text page `tp` (a page `height` pt tall): the text in one pdfium call, then
    one call per getter and char (the generated flag: per space or line break)."""
    codes, errors = _codes(tp, n), _each(_MAP_ERROR, tp, n)
    flags, objects = _generated_flags(tp, codes), _each(_TEXT_OBJECT, tp, n)
    return _Raw(flags, objects, codes, _texts(codes, errors), *_geometry(tp, n, height))


@dataclass
class _Reader:
    """Per-text-page state: the bulk-read chars and caches keyed by text object."""

    tp: Any  # the text page as pypdfium2 holds it, a ctypes pointer (an untyped getter takes it as is)
    height: float
    raw: _Raw
    out: list[Char] = field(default_factory=list)
    styles: dict[int, tuple[float, bool, str]] = field(default_factory=dict)
    trailing: dict[int, bool] = field(default_factory=dict)  # object text ends with a space?
    space_w: dict[tuple[str, float], float] = field(default_factory=dict)
    pending: list[int] = field(default_factory=list)  # indexes in `out` that a dropped space follows
    last_obj: int = 0
    last_of: dict[int, int] = field(default_factory=dict)  # each object's last char (when asked)
    buf: ctypes.Array = field(default_factory=lambda: ctypes.create_string_buffer(256))
    text_buf: ctypes.Array = field(default_factory=lambda: ctypes.create_string_buffer(4096))
    flags: ctypes.c_int = field(default_factory=ctypes.c_int)


def _style(r: _Reader, k: int) -> tuple[float, bool, str]:
    """(pdfminer size, upright, fontname) of char k, from its matrix and font size."""
    m = pr.FS_MATRIX()
    _MATRIX(r.tp, k, ctypes.byref(m))
    size = _FONT_SIZE_AT(r.tp, k) * math.hypot(m.c, m.d)
    n = _FONT_INFO(r.tp, k, r.buf, ctypes.c_ulong(len(r.buf)), ctypes.byref(r.flags))
    return size, m.a * m.d > 0 and m.b * m.c <= 0, r.buf.raw[: max(n - 1, 0)].decode("utf-8", "replace")


def _ends_with_space(r: _Reader) -> bool:
    """Does the last text object's own text end with a space?"""
    if r.last_obj not in r.trailing:
        r.trailing[r.last_obj] = _object_ends_with_space(r, r.last_obj)
    return r.trailing[r.last_obj]


def _object_ends_with_space(r: _Reader, obj: int) -> bool:
    """Does the text object's own text end with a space? pdfium's object text (`GetTextByObject`)
    is the unicode of the object's chars, each run of them followed by the space that comes right
    after it on the page: so it ends with a space when the object's last char is one or a space
    follows that char. A last char without unicode (left out of the text) is left to pdfium."""
    if not r.last_of:
        r.last_of = {o: k for k, o in enumerate(r.raw.objects)}
    k, codes = r.last_of[obj], r.raw.codes
    if not codes[k]:
        return _object_text(r, pr.FPDFText_GetTextObject(r.tp, k)).rstrip("\x00").endswith(" ")
    return codes[k] == _SPACE or (k + 1 < len(codes) and codes[k + 1] == _SPACE)


def _object_text(r: _Reader, obj: Any) -> str:
    """A text object's own text. pdfium walks all the page's chars for it, so it is read into
    `r.text_buf` in one call, and again only when it does not fit (pdfium then leaves the buffer
    alone and returns the size it needs)."""
    n = pr.FPDFTextObj_GetText(obj, r.tp, _ushorts(r.text_buf), len(r.text_buf))
    if n > len(r.text_buf):
        r.text_buf = ctypes.create_string_buffer(n)
        n = pr.FPDFTextObj_GetText(obj, r.tp, _ushorts(r.text_buf), n)
    return r.text_buf.raw[:n].decode("utf-16-le", "replace")


def _ushorts(buf: ctypes.Array) -> Any:
    return ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))


def _column(x: float) -> int:
    """The whole point x falls in (0 for a non-finite x, which is never within 1 pt of anything)."""
    return math.floor(x) if math.isfinite(x) else 0


def _by_column(blanks: list[Char]) -> dict[int, list[Char]]:
    """Blank-only objects (see `_blank`) by the whole point their left edge falls in."""
    out: dict[int, list[Char]] = defaultdict(list)
    for b in blanks:
        out[_column(b["x0"])].append(b)
    return out


def _blank_after(c: Char, columns: dict[int, list[Char]]) -> bool:
    """Does a blank-only object start where char c ends (within 1 pt), on its line?"""
    x = _column(c["x1"])
    return any(
        abs(b["x0"] - c["x1"]) < 1.0 and b["top"] < c["bottom"] and b["bottom"] > c["top"]
        for col in (x - 1, x, x + 1)
        for b in columns.get(col, ())
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
    fonts, columns = {f for f, _ in r.space_w}, _by_column(blanks)
    for i in reversed(r.pending):
        prev, nxt = r.out[i], r.out[i + 1] if i + 1 < len(r.out) else None
        if prev["fontname"] not in fonts or _blank_after(prev, columns):
            continue
        w = r.space_w.get((prev["fontname"], prev["size"]), SPACE_EM * prev["size"])
        if nxt is None or abs(nxt["bottom"] - prev["bottom"]) > 1 or nxt["x0"] - prev["x1"] >= w:
            r.out.insert(i + 1, {**prev, "text": " ", "x0": prev["x1"], "x1": prev["x1"] + w})


def _generated(r: _Reader, k: int) -> None:
    """pdfium's own space or line break: restore the real space it may stand for."""
    if (
        r.raw.objects[k]
        or not r.out
        or r.out[-1]["text"] == " "
        or not r.last_obj
        or (r.pending[-1:] == [len(r.out) - 1])
    ):
        return
    if _ends_with_space(r):
        r.pending.append(len(r.out) - 1)


def _read_chars(r: _Reader) -> None:
    """Every char in order: pdfium's generated ones through `_generated`, the others appended to
    `r.out` as pdfplumber dicts (one glyph with several code points is one char). The per-glyph
    step is written inline with local names: it runs for every char of every page."""
    raw, out, styles = r.raw, r.out, r.styles
    objects, texts, x0s, x1s = raw.objects, raw.text, raw.x0, raw.x1
    for k, generated in enumerate(raw.generated):
        if generated:
            _generated(r, k)
            continue
        obj = objects[k]
        style = styles.get(obj)
        if style is None:
            style = styles[obj] = _style(r, k)
        size, upright, font = style
        text, x0, x1 = texts[k], x0s[k], x1s[k]
        if out and obj == r.last_obj:
            prev = out[-1]
            if prev["x0"] == x0 and prev["x1"] == x1 and not text.isspace():
                prev["text"] = _pair(prev["text"] + text)
                continue
        if text == " ":
            r.space_w[(font, size)] = x1 - x0
        bottom = raw.bottom[k]
        top = bottom - size if upright else raw.top_flat[k]
        out.append(
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
        r.last_obj = obj


_BOUNDS = address_proto(pr.FPDFPageObj_GetBounds, _INT, _VP, _VP, _VP, _VP, _VP)
OBJECT = untyped_proto(pr.FPDFPage_GetObject, _VP)
OBJECT_TYPE = address_proto(pr.FPDFPageObj_GetType, _INT, _VP)
OBJECT_MATRIX = address_proto(pr.FPDFPageObj_GetMatrix, _INT, _VP, _VP)
_FONT_SIZE = address_proto(pr.FPDFTextObj_GetFontSize, _INT, _VP, _VP)
_FONT = address_proto(pr.FPDFTextObj_GetFont, _VP, _VP)
_DESCENT = address_proto(pr.FPDFFont_GetDescent, _INT, _VP, ctypes.c_float, _VP)
_FLAT = 0.01  # pt: a text object's bounds this small both ways are zero-size


def page_objects(page: pdfium.PdfPage) -> Iterator[int | None]:
    """The address of each of the page's top-level objects (None: pdfium has none at an index)."""
    return map(OBJECT, repeat(page.raw), range(pr.FPDFPage_CountObjects(page.raw)))


def _zero_size(obj: int, bounds: ctypes.Array, at: tuple[int, ...]) -> bool:
    """Are the bounds of the text object at address `obj` (read into `bounds`, whose slots' addresses
    are `at`: left, bottom, right, top) zero-size?"""
    if not _BOUNDS(obj, *at):
        return True  # no bounds read: (0, 0, 0, 0)
    x0, y0, x1, y1 = bounds
    return not (x1 - x0 > _FLAT or y1 - y0 > _FLAT)


def _flat(obj: int) -> tuple[Any, float] | None:
    """(matrix, font size) of the text object at address `obj` with an upright unrotated matrix."""
    m, fs = pr.FS_MATRIX(), ctypes.c_float()
    OBJECT_MATRIX(obj, ctypes.addressof(m))
    _FONT_SIZE(obj, ctypes.addressof(fs))
    if m.b or m.c or m.a <= 0 or m.d <= 0:
        return None
    return m, fs.value


def _blank(r: _Reader, obj: int, bounds: ctypes.Array, at: tuple[int, ...]) -> Char | None:
    """A space for a text object of blanks only, which pdfium skips: the object (at address `obj`)
    has no char in the text page (`_blanks` asks only those, so its text there is empty) and
    zero-size bounds."""
    if not _zero_size(obj, bounds, at):  # most objects: nothing more is read
        return None
    flat = _flat(obj)
    if flat is None:
        return None
    (m, fs), descent = flat, ctypes.c_float()
    _DESCENT(_FONT(obj), fs, ctypes.addressof(descent))
    size = fs * m.d
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
    """`_blank` of every text object of the page that pdfium skipped (objects read by address: one
    call each). An object with chars in the text page was read, so it is no blank-only object: pdfium
    reads only objects at least 0.01 pt wide (`kSizeEpsilon`), and `_zero_size` needs both sides
    within 0.01 pt."""
    read = set(r.raw.objects)
    texts = (o for o in page_objects(page) if o and o not in read and OBJECT_TYPE(o) == pr.FPDF_PAGEOBJ_TEXT)
    bounds = (ctypes.c_float * _RECT)()
    at = tuple(slots(bounds, _RECT))
    return [c for o in texts if (c := _blank(r, o, bounds, at)) is not None]


def page_chars(page: pdfium.PdfPage, height: float) -> list[Char]:
    """The page's chars as pdfplumber dicts: text, x0, x1, top, bottom, size, fontname, upright."""
    textpage = page.get_textpage()
    try:
        tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        r = _Reader(textpage.raw, height, _fetch(tp, pr.FPDFText_CountChars(textpage.raw), height))
        _read_chars(r)
        blanks = _blanks(r, page)
        _restore_spaces(r, blanks)
        return r.out + blanks
    finally:
        textpage.close()
