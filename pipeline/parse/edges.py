"""pdfplumber's `page.edges` from pdfium's vector paths, and ruled tables found on them without pdfminer.

Each painted subpath becomes what pdfminer's `paint_path` would make of it: a line (`ml`, `mlh`),
a rect (a closed axis-aligned `mlllh`) or a curve (anything else; of a Bézier segment only its end
point counts). pdfplumber's own `line_to_edge`/`rect_to_edges`/`curve_to_edges` then give the edges,
so `TableFinder` sees the same grid as on a pdfminer page (up to pdfium's float32 coordinates).
"""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import pypdfium2 as pdfium
import pypdfium2.raw as pr
from pdfplumber.page import Page
from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections
from pdfplumber.utils import curve_to_edges, line_to_edge, obj_to_bbox, rect_to_edges

from pipeline.parse.pdfium_chars import address_proto, page_objects, slots
from pipeline.parse.ruling import (
    SEGMENT,
    SEGMENT_CLOSE,
    SEGMENT_POINT,
    SEGMENT_TYPE,
    SEGMENTS,
    Matrix,
    Point,
    _matrix,
    _paths,
)

Edge = dict[str, Any]
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class _FinderInput:
    """Not a page model: the two attributes of a pdfplumber page that `TableFinder` reads with the
    "lines" strategies, so it runs on pdfium's edges without a pdfminer page."""

    edges: list[Edge]
    bbox: tuple[float, float, float, float]


@lru_cache(maxsize=4096)
def decimal(v: float) -> float:
    """The shortest decimal that pdfium's float32 `v` stands for (what the content stream said,
    and what pdfminer parsed as a double)."""
    for digits in range(1, 10):
        d = float(f"{v:.{digits}g}")
        try:
            if struct.unpack("f", struct.pack("f", d))[0] == v:
                return d
        except OverflowError:
            return v
    return v


_VP, _INT = ctypes.c_void_p, ctypes.c_int
WHITE = 0.98  # a fill whose every RGB/grey component is at least this is white paper


_DRAW_MODE = address_proto(pr.FPDFPath_GetDrawMode, _INT, _VP, _VP, _VP)
_FILL = address_proto(pr.FPDFPageObj_GetFillColor, _INT, _VP, _VP, _VP, _VP, _VP)


class _Scratch:
    """C slots a path's getters write into, allocated once per page: bounds (left, bottom, right,
    top), draw mode (fill, stroke), fill colour (r, g, b, a), a segment's point (x, y)."""

    def __init__(self) -> None:
        self.bounds = (ctypes.c_float * 4)()
        self.mode = (ctypes.c_int * 2)()
        self.rgba = (ctypes.c_uint * 4)()
        self.xy = (ctypes.c_float * 2)()
        self.at = {
            k: slots(a, len(a))
            for k, a in (("bounds", self.bounds), ("mode", self.mode), ("rgba", self.rgba), ("xy", self.xy))
        }


def _painted(path: int, scratch: _Scratch) -> bool:
    """Is the path visible: stroked, or filled with anything but white? A white fill (Word's
    paragraph shading behind each text line) draws nothing a reader sees, so it is no rule."""
    ok = _DRAW_MODE(path, *scratch.at["mode"])
    fill, stroke = scratch.mode
    if not ok or stroke:
        return True
    if not fill:
        return False
    if not _FILL(path, *scratch.at["rgba"]):
        return True
    r, g, b, a = scratch.rgba
    return min(r, g, b) < WHITE * 255 and a > 0


def white_fill(obj: dict[str, Any]) -> bool:
    """A pdfplumber rect/curve (or its edge) that is only filled, in white."""
    if obj.get("stroke") or not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    if isinstance(color, int | float):  # a grey as pdfminer gives it ("1 g"): one number
        color = (color,)
    if not isinstance(color, tuple | list) or not all(isinstance(v, int | float) for v in color):
        return False
    if len(color) == 4:  # CMYK: white is no ink
        return max(color) <= 1 - WHITE
    return len(color) in (1, 3) and min(color) >= WHITE


_MOVETO, _BEZIERTO = pr.FPDF_SEGMENT_MOVETO, pr.FPDF_SEGMENT_BEZIERTO


def _subpaths(path: int, m: Matrix, height: float, scratch: _Scratch) -> Iterator[tuple[str, list[Point]]]:
    """(pdfminer shape, top-down points) of each subpath; Bézier control points are skipped. The
    per-segment step is written with local names: it runs for every segment of every painted path."""
    a, b, c, d, e, f = m
    xy, (xa, ya) = scratch.xy, scratch.at["xy"]
    shape, bez = "", 0
    pts: list[Point] = []
    handle = ctypes.c_void_p(path)
    for i in range(SEGMENTS(path)):
        seg = SEGMENT(handle, i)
        kind = SEGMENT_TYPE(seg)
        if kind == _MOVETO and shape:
            yield shape, pts
            shape, pts = "", []
        bez = bez + 1 if kind == _BEZIERTO else 0
        if bez % 3:  # a control point
            continue
        SEGMENT_POINT(seg, xa, ya)
        px, py = decimal(xy[0]), decimal(xy[1])
        pts.append((a * px + c * py + e, height - (b * px + d * py + f)))
        shape += "m" if kind == _MOVETO else "c" if bez else "l"
        if SEGMENT_CLOSE(seg):  # pdfminer's 'h': back to the start point
            shape += "h"
            pts.append(pts[0])
    if shape:
        yield shape, pts


def _is_rect(pts: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
    return pts[0] == pts[4] and (
        (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    )


def _box(pts: list[Point], height: float) -> Edge:
    xs, ys = zip(*pts, strict=True)
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "y0": height - bottom,
        "y1": height - top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def shape_edges(shape: str, pts: list[Point], height: float) -> list[Edge]:
    """pdfplumber edges of one subpath, classified the way pdfminer's `paint_path` does."""
    return _classified(shape, pts, _box(pts, height))


def _classified(shape: str, pts: list[Point], box: Edge) -> list[Edge]:
    """`shape_edges` given the subpath's `_box`, which becomes the pdfminer object. The box of all
    the points is that of the points pdfminer keeps: it drops only a repeated start point, and the
    two points of a line are all its points but that one."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape, pts = shape[:-2] + "h", pts[:-1]
    if shape in ("ml", "mlh"):
        box["object_type"] = "line"
        return [line_to_edge(box)]
    if shape in ("mlllh", "mllll") and _is_rect(pts):
        box["object_type"] = "rect"
        return rect_to_edges(box)
    box["object_type"], box["pts"] = "curve", pts
    return curve_to_edges(box)


_BOUNDS = address_proto(pr.FPDFPageObj_GetBounds, _INT, _VP, _VP, _VP, _VP, _VP)
_BOUND_SLACK = 0.01  # pt: far above the float32 noise between pdfium's bounds and the edges


def _tiny(path: int, outer: Matrix, size: float, scratch: _Scratch) -> bool:
    """Is the path's box (pdfium's bounds, which hold every point, in its form's space; `outer`
    maps them to the page) under `size` both ways? Then none of its edges is as long."""
    if not _BOUNDS(path, *scratch.at["bounds"]):
        return False
    return box_under(*scratch.bounds, outer, size)


def box_under(left: float, bottom: float, right: float, top: float, outer: Matrix, size: float) -> bool:
    """`mapped_under`; for a box on the page itself (`outer` the identity) with finite sides, its
    sides' lengths, which is what mapping the corners gives then (no corner list to build)."""
    if outer == _IDENTITY:
        w, h = right - left, top - bottom
        if w - w == 0.0 and h - h == 0.0:  # both finite (inf - inf and nan give nan)
            return abs(w) < size and abs(h) < size
    return mapped_under(left, bottom, right, top, outer, size)


def mapped_under(left: float, bottom: float, right: float, top: float, outer: Matrix, size: float) -> bool:
    """Is the box's image under `outer` (its four corners mapped) under `size` both ways?"""
    xs = [outer[0] * x + outer[2] * y + outer[4] for x in (left, right) for y in (bottom, top)]
    ys = [outer[1] * x + outer[3] * y + outer[5] for x in (left, right) for y in (bottom, top)]
    return max(xs) - min(xs) < size and max(ys) - min(ys) < size


def table_edge(e: Edge, min_length: float) -> bool:
    """Would `TableFinder` ("lines" strategies) keep this edge: vertical and at least `min_length`
    tall, or horizontal and at least that wide (pdfplumber's `edge_min_length_prefilter`)?"""
    o = e["orientation"]
    return (o == "v" and e["height"] >= min_length) or (o == "h" and e["width"] >= min_length)


def _edges(shape: str, pts: list[Point], height: float, min_length: float | None) -> list[Edge]:
    """`shape_edges`, or (given `min_length`) only its `table_edge`s; a subpath smaller than
    `min_length` both ways has none (each edge spans at most its box), so no edge is built."""
    box = _box(pts, height)
    if min_length is None:
        return _classified(shape, pts, box)
    if box["width"] < min_length and box["height"] < min_length:
        return []
    return [e for e in _classified(shape, pts, box) if table_edge(e, min_length)]


def page_edges(page: pdfium.PdfPage, height: float, min_length: float | None = None) -> list[Edge]:
    """All edges of the page's painted paths (form XObjects included), in pdfplumber's coordinates;
    given `min_length`, only those that `TableFinder` keeps (`table_edge`), in the same order."""
    kinds: dict[str, list[Edge]] = {"line": [], "rect_edge": [], "curve_edge": []}
    scratch = _Scratch()
    for path, outer in _paths(page_objects(page), _IDENTITY):
        if min_length is not None and _tiny(path, outer, min_length - _BOUND_SLACK, scratch):
            continue
        if _painted(path, scratch):
            m = tuple(map(decimal, _matrix(path, outer)))
            for shape, pts in _subpaths(path, m, height, scratch):
                if len(shape) > 1 and shape[0] == "m":
                    for e in _edges(shape, pts, height, min_length):
                        kinds[e["object_type"]].append(e)
    return kinds["line"] + kinds["rect_edge"] + kinds["curve_edge"]  # pdfplumber's order


def find_tables(
    edges: list[Edge],
    width: float,
    height: float,
    settings: dict[str, Any],
    bbox: tuple[float, float, float, float] | None = None,
) -> list[Table]:
    """pdfplumber's `page.find_tables(settings)` on these edges (line strategies only)."""
    page = _FinderInput(edges, bbox or (0.0, 0.0, width, height))
    return _TableFinder(cast(Page, page), settings).tables


class _TableFinder(TableFinder):
    """pdfplumber's `TableFinder` with its cells found by `cells_at` (same cells, linear scans)."""

    def __init__(self, page: Page, settings: dict[str, Any]) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance
        )
        self.cells = cells_at(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def cells_at(intersections: dict[Point, dict[str, list[Edge]]]) -> list[tuple[float, float, float, float]]:
    """pdfplumber's `intersections_to_cells`: for each intersection in sorted order, the smallest
    cell whose top-left corner it is (the first point below and the first point right, in order,
    joined to it and to a common bottom-right corner by edges). pdfplumber scans every later point
    for each point and rebuilds edge sets per test; here the points below and right come from
    per-column and per-row lists and each point's edge boxes are sets made once."""
    points = sorted(intersections)
    boxes = {
        p: ({obj_to_bbox(e) for e in sides["v"]}, {obj_to_bbox(e) for e in sides["h"]})
        for p, sides in intersections.items()
    }
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    at_column = {p: i for line in columns.values() for i, p in enumerate(line)}
    at_row = {p: i for line in rows.values() for i, p in enumerate(line)}

    def vertical(a: Point, b: Point) -> bool:  # same x: a common vertical edge
        return not boxes[a][0].isdisjoint(boxes[b][0])

    def horizontal(a: Point, b: Point) -> bool:  # same y: a common horizontal edge
        return not boxes[a][1].isdisjoint(boxes[b][1])

    def smallest(pt: Point) -> tuple[float, float, float, float] | None:
        right = [r for r in rows[pt[1]][at_row[pt] + 1 :] if horizontal(pt, r)]
        for below in columns[pt[0]][at_column[pt] + 1 :]:
            if not vertical(pt, below):
                continue
            for r in right:
                corner = (r[0], below[1])
                if corner in intersections and vertical(corner, r) and horizontal(corner, below):
                    return (pt[0], pt[1], corner[0], corner[1])
        return None

    return [cell for cell in map(smallest, points) if cell]
