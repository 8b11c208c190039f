"""Could a page hold a ruled table? A cheap test on pdfium's path objects, before pdfminer.

A grid of ≥ 2 rows × ≥ 2 columns needs rules at ≥ 3 distinct heights and ≥ 3 distinct x
positions. Levels are counted the way pdfplumber makes edges (a two-point line that is not
horizontal counts as vertical), so a page that fails the test cannot yield a `real_tables` grid.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Iterator
from itertools import repeat

import pypdfium2 as pdfium
import pypdfium2.raw as pr

from pipeline.parse.pdfium_chars import (
    OBJECT_MATRIX,
    OBJECT_TYPE,
    address_proto,
    page_objects,
    slots,
    untyped_proto,
)

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
MIN_LEVELS = 3
_EPS = 1e-3


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_FORM_COUNT = address_proto(pr.FPDFFormObj_CountObjects, _INT, _VP)
_FORM_OBJECT = address_proto(pr.FPDFFormObj_GetObject, _VP, _VP, ctypes.c_ulong)
SEGMENTS = address_proto(pr.FPDFPath_CountSegments, _INT, _VP)
SEGMENT = untyped_proto(pr.FPDFPath_GetPathSegment, _VP)  # (path as a c_void_p, index)
SEGMENT_TYPE = address_proto(pr.FPDFPathSegment_GetType, _INT, _VP)
SEGMENT_POINT = address_proto(pr.FPDFPathSegment_GetPoint, _INT, _VP, _VP, _VP)
SEGMENT_CLOSE = address_proto(pr.FPDFPathSegment_GetClose, _INT, _VP)


def _matrix(obj: int, outer: Matrix) -> Matrix:
    """The matrix of the object at address `obj` followed by `outer` (the enclosing forms')."""
    m = pr.FS_MATRIX()
    OBJECT_MATRIX(obj, ctypes.addressof(m))
    a, b, c, d, e, f = outer
    return (
        m.a * a + m.b * c,
        m.a * b + m.b * d,
        m.c * a + m.d * c,
        m.c * b + m.d * d,
        m.e * a + m.f * c + e,
        m.e * b + m.f * d + f,
    )


def _paths(objs: Iterable[int | None], outer: Matrix) -> Iterator[tuple[int, Matrix]]:
    """Path objects (addresses) with their enclosing forms' matrix (`outer`; the path's own
    page-space matrix is `_matrix(path, outer)`), descending into form XObjects."""
    for obj in objs:
        kind = OBJECT_TYPE(obj)
        if kind == pr.FPDF_PAGEOBJ_PATH:
            yield obj, outer
        elif kind == pr.FPDF_PAGEOBJ_FORM:
            n = _FORM_COUNT(obj)
            yield from _paths(map(_FORM_OBJECT, repeat(obj), range(n)), _matrix(obj, outer))


def _subpaths(path: int, m: Matrix) -> Iterator[list[Point]]:
    """Page-space points of each subpath (a closed one repeats its first point)."""
    xy = (ctypes.c_float * 2)()
    xa, ya = slots(xy, 2)
    pts: list[Point] = []
    handle = ctypes.c_void_p(path)
    for i in range(SEGMENTS(path)):
        seg = SEGMENT(handle, i)
        if SEGMENT_TYPE(seg) == pr.FPDF_SEGMENT_MOVETO and pts:
            yield pts
            pts = []
        SEGMENT_POINT(seg, xa, ya)
        x, y = xy
        pts.append((m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]))
        if SEGMENT_CLOSE(seg):
            pts.append(pts[0])
    if pts:
        yield pts


def _add_levels(pts: list[Point], hs: set[float], vs: set[float]) -> None:
    if len(pts) == 2:  # a pdfminer LTLine: horizontal, else pdfplumber calls it vertical
        (x0, y0), (x1, y1) = pts
        (hs.add(round(y0, 1)) if abs(y0 - y1) < _EPS else vs.add(round(min(x0, x1), 1)))
        return
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        if abs(x0 - x1) < _EPS:
            vs.add(round(x0, 1))
        elif abs(y0 - y1) < _EPS:
            hs.add(round(y0, 1))


def may_have_grid(page: pdfium.PdfPage) -> bool:
    """True when the page's vector paths could form a ruled table of ≥ 2 × 2 cells."""
    hs: set[float] = set()
    vs: set[float] = set()
    for path, outer in _paths(page_objects(page), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)):
        for pts in _subpaths(path, _matrix(path, outer)):
            _add_levels(pts, hs, vs)
        if len(hs) >= MIN_LEVELS and len(vs) >= MIN_LEVELS:
            return True
    return False
