"""pdfium-built edges and tables (pipeline.parse.edges) against pdfplumber's own."""

from __future__ import annotations

import itertools
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from pipeline.parse import parse_pdf
from pipeline.parse.edges import (
    box_under,
    decimal,
    find_tables,
    mapped_under,
    page_edges,
    shape_edges,
    white_fill,
)
from pipeline.parse.tables import TABLE_SETTINGS

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "seed_gertsik_2020.pdf"
needs_fixtures = pytest.mark.skipif(not SEED.exists(), reason="fixtures not generated")


def _key(e: dict) -> tuple:
    return e["object_type"], e["orientation"], e["x0"], e["x1"], e["top"], e["bottom"]


def test_shapes_classified_like_pdfminer() -> None:
    rect = [(0.0, 0.0), (0.0, 10.0), (20.0, 10.0), (20.0, 0.0), (0.0, 0.0), (0.0, 0.0)]
    assert [e["orientation"] for e in shape_edges("mllllh", rect, 100.0)] == ["h", "h", "v", "v"]
    assert shape_edges("mlh", [(0.0, 5.0), (9.0, 5.0), (0.0, 5.0)], 100.0)[0]["object_type"] == "line"
    curve = shape_edges("mlc", [(0.0, 0.0), (0.0, 9.0), (4.0, 9.0)], 100.0)
    assert [e["orientation"] for e in curve] == ["v", "h"]
    assert decimal(56.692909240722656) == 56.69291 and decimal(0.0) == 0.0


def test_a_white_fill_is_no_rule_in_any_colour_space() -> None:
    """pdfplumber's fill colour of a grey ("1 g") is one number, of RGB and CMYK a tuple."""
    fill = {"fill": True, "stroke": False}
    whites, others = (1.0, 1, (1.0,), (1, 1, 1), (0, 0, 0, 0)), (0.5, (0.5,), (0, 0, 0, 1), None)
    assert all(white_fill({**fill, "non_stroking_color": c}) for c in whites)
    assert not any(white_fill({**fill, "non_stroking_color": c}) for c in others)
    assert not white_fill({**fill, "stroke": True, "non_stroking_color": 1.0})


@needs_fixtures
def test_edges_and_tables_match_pdfplumber() -> None:
    doc = pdfium.PdfDocument(SEED)
    try:
        with pdfplumber.open(SEED) as pdf:
            for i in (8, 9):
                page = pdf.pages[i]
                w, h = float(page.width), float(page.height)
                edges = page_edges(doc[i], h)
                assert sorted(map(_key, edges)) == sorted(map(_key, page.edges))
                ours = [t.bbox for t in find_tables(edges, w, h, TABLE_SETTINGS)]
                assert ours == [t.bbox for t in page.find_tables(TABLE_SETTINGS)]
    finally:
        doc.close()


@needs_fixtures
def test_hybrid_engine_agrees() -> None:
    fast, hybrid = parse_pdf(SEED), parse_pdf(SEED, engine="hybrid")
    assert fast.tables == hybrid.tables
    assert [p.text for p in fast.pages] == [p.text for p in hybrid.pages]


def _char(text: str, x0: float, top: float) -> dict:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + 6,
        "top": top,
        "bottom": top + 10,
        "size": 10.0,
        "fontname": "Arial",
        "upright": True,
    }


def test_merged_cell_text_is_seen_over_every_position_it_covers() -> None:
    """A cell spanning two rows of column 0: its own text in its first row, "" below, and the
    seen text repeats it there (the grid's rules are read once per table, not per position)."""
    from pdfplumber.table import Table

    from pipeline.parse.tables import cell_rows

    cells = [(0, 0, 50, 40), (50, 0, 100, 20), (50, 20, 100, 40), (0, 40, 50, 60), (50, 40, 100, 60)]
    chars = [
        _char("A", 10, 15),
        _char("b", 60, 5),
        _char("c", 60, 25),
        _char("d", 10, 45),
        _char("e", 60, 45),
    ]
    own, seen = cell_rows(Table(None, cells), chars)
    assert own == [["A", "b"], ["", "c"], ["d", "e"]]
    assert seen == [["A", "b"], ["A", "c"], ["d", "e"]]


def _form_pdf(path: Path) -> None:
    """A page whose ruled 3 × 3 grid and text sit in a scaled, moved form XObject, beside a grey
    filled box, a white fill (no rule) and a line of text rotated a quarter turn."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=(400, 400))
    c.beginForm("grid")
    for k in range(4):
        c.line(0, 30 * k, 150, 30 * k)
        c.line(50 * k, 0, 50 * k, 90)
    c.drawString(5, 70, "cell 2019")
    c.endForm()
    c.saveState()
    c.transform(1.2, 0, 0, 0.9, 60, 150)
    c.doForm("grid")
    c.restoreState()
    c.setFillGray(0.5)
    c.rect(20, 20, 80, 40, stroke=0, fill=1)
    c.setFillGray(1.0)
    c.rect(200, 20, 80, 40, stroke=0, fill=1)
    c.setFillGray(0.0)
    c.saveState()
    c.translate(380, 100)
    c.rotate(90)
    c.drawString(0, 0, "rotated 42")
    c.restoreState()
    c.showPage()
    c.save()


def test_paths_in_a_form_and_rotated_text_match_pdfplumber_and_the_reference_reader(tmp_path) -> None:
    """The address-based readers (form objects, matrices, draw mode, fill colour, bounds, path
    segments, per-char getters) on what the fixtures lack: a form XObject with its own matrix, a
    painted and a white fill, rotated text."""
    from test_pdfium_bulk import _assert_same

    from pipeline.parse.pdfium_chars import page_chars
    from pipeline.parse.ruling import may_have_grid

    path = tmp_path / "form.pdf"
    _form_pdf(path)
    doc = pdfium.PdfDocument(path)
    try:
        with pdfplumber.open(path) as pdf:
            page, ours = pdf.pages[0], doc[0]
            h = float(page.height)
            edges = page_edges(ours, h)
            theirs = [e for e in page.edges if not white_fill(e)]  # as the pdfplumber engine reads them
            assert len(edges) > 8 and sorted(map(_key, edges)) == sorted(map(_key, theirs))
            assert len(theirs) < len(page.edges)  # the white fill was there, and is left out
            finder = [_key(e) for e in page_edges(ours, h, 3.0)]
            assert finder and set(finder) <= set(map(_key, edges))
            assert may_have_grid(ours)
            assert not all(c["upright"] for c in page_chars(ours, h))
    finally:
        doc.close()
    assert _assert_same(path) > 10  # the bulk char reader gives the per-char reference's chars
    fast, slow = parse_pdf(path), parse_pdf(path, engine="pdfplumber")
    assert fast.tables == slow.tables and [p.text for p in fast.pages] == [p.text for p in slow.pages]


def test_a_page_level_box_is_measured_by_its_sides_as_by_its_mapped_corners() -> None:
    """`box_under`'s shortcut for boxes on the page itself gives `mapped_under`'s answer, for
    finite, reversed, infinite and NaN sides alike."""
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    values = (-5.0, -0.0, 0.0, 2.5, 12.0, 300.0, float("inf"), float("-inf"), float("nan"))
    for left, bottom, right, top in itertools.product(values, repeat=4):
        for size in (3.0, 12.0):
            box = (left, bottom, right, top, identity, size)
            assert box_under(*box) == mapped_under(*box), box
    assert box_under(10.0, 10.0, 12.0, 11.0, identity, 3.0)  # the shortcut answers both ways
    assert not box_under(10.0, 10.0, 14.0, 11.0, identity, 3.0)


def _grid_edges(rng, n: int) -> list[dict]:
    """Rules of an n × n grid with uneven steps, each segment between neighbours kept or not, and
    a few long rules across several cells (merged cells, broken and overlapping rules)."""
    xs = sorted(rng.sample(range(0, 400, 7), n))
    ys = sorted(rng.sample(range(0, 400, 7), n))
    edges = []
    for i, j in itertools.product(range(n), range(n - 1)):
        if rng.random() < 0.8:
            edges.append({"x0": xs[j], "x1": xs[j + 1], "top": ys[i], "bottom": ys[i], "orientation": "h"})
        if rng.random() < 0.8:
            edges.append({"x0": xs[i], "x1": xs[i], "top": ys[j], "bottom": ys[j + 1], "orientation": "v"})
    for _ in range(n // 2):
        a, b = sorted(rng.sample(range(n), 2))
        k = rng.randrange(n)
        edges.append({"x0": xs[a], "x1": xs[b], "top": ys[k], "bottom": ys[k], "orientation": "h"})
        edges.append({"x0": xs[k], "x1": xs[k], "top": ys[a], "bottom": ys[b], "orientation": "v"})
    return edges


def test_cells_are_pdfplumbers_on_random_grids_and_the_seed_tables() -> None:
    """`cells_at` (per-row and per-column scans) gives `intersections_to_cells`' cells, in order."""
    import random

    from pdfplumber.table import edges_to_intersections, intersections_to_cells

    from pipeline.parse.edges import cells_at

    rng = random.Random(15)
    grids = [edges_to_intersections(_grid_edges(rng, rng.randrange(2, 14))) for _ in range(300)]
    if SEED.exists():
        doc = pdfium.PdfDocument(SEED)
        grids += [edges_to_intersections(page_edges(doc[i], float(doc[i].get_height()))) for i in (8, 9)]
        doc.close()
    assert sum(len(intersections_to_cells(g)) for g in grids) > 3000
    for intersections in grids:
        assert cells_at(intersections) == intersections_to_cells(intersections)
