"""Could a page hold a ruled table? A cheap test on pdfium's path objects, before pdfminer.

A grid of ≥ 2 rows × ≥ 2 columns needs rules at ≥ 3 distinct heights and ≥ 3 distinct x
positions. Levels are counted the way pdfplumber makes edges (a two-point line that is not
horizontal counts as vertical), so a page that fails the test cannot yield a `real_tables` grid.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pr

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
MIN_LEVELS = 3
_EPS = 1e-3


def _matrix(obj: Any, outer: Matrix) -> Matrix:
    """The object's matrix followed by `outer` (the enclosing forms')."""
    m = pr.FS_MATRIX()
    pr.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    a, b, c, d, e, f = outer
    return (
        m.a * a + m.b * c,
        m.a * b + m.b * d,
        m.c * a + m.d * c,
        m.c * b + m.d * d,
        m.e * a + m.f * c + e,
        m.e * b + m.f * d + f,
    )


def _paths(objs: Iterator[Any], outer: Matrix) -> Iterator[tuple[Any, Matrix, Matrix]]:
    """Path objects with their page-space matrices and their enclosing forms' matrix (`outer`),
    descending into form XObjects."""
    for obj in objs:
        kind = pr.FPDFPageObj_GetType(obj)
        if kind == pr.FPDF_PAGEOBJ_PATH:
            yield obj, _matrix(obj, outer), outer
        elif kind == pr.FPDF_PAGEOBJ_FORM:
            n = pr.FPDFFormObj_CountObjects(obj)
            yield from _paths((pr.FPDFFormObj_GetObject(obj, i) for i in range(n)), _matrix(obj, outer))


def _subpaths(path: Any, m: Matrix) -> Iterator[list[Point]]:
    """Page-space points of each subpath (a closed one repeats its first point)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    pts: list[Point] = []
    for i in range(pr.FPDFPath_CountSegments(path)):
        seg = pr.FPDFPath_GetPathSegment(path, i)
        if pr.FPDFPathSegment_GetType(seg) == pr.FPDF_SEGMENT_MOVETO and pts:
            yield pts
            pts = []
        pr.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        pts.append((m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5]))
        if pr.FPDFPathSegment_GetClose(seg):
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
    objs = (pr.FPDFPage_GetObject(page.raw, i) for i in range(pr.FPDFPage_CountObjects(page.raw)))
    for path, m, _ in _paths(objs, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)):
        for pts in _subpaths(path, m):
            _add_levels(pts, hs, vs)
        if len(hs) >= MIN_LEVELS and len(vs) >= MIN_LEVELS:
            return True
    return False
