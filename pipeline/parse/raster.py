"""Page images for OCR: skew estimate and ruled lines (table rules) found in the pixels.

A scanned ruled table has no vector paths; its rules are long runs of dark pixels. Found on the
deskewed image, they become pdfplumber line edges, so the same `TableFinder` builds the grid.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from pipeline.parse.edges import Edge, shape_edges
from pipeline.parse.settings import LAYOUT

PAPER = 255  # the grey level of blank paper, to fill what rotation uncovers


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees, PIL's sense) that makes the text lines horizontal: the angle whose
    row profile of ink is the most peaked (projection-profile method)."""
    small = image.convert("L").reduce(LAYOUT.skew_scale)
    best, best_score = 0.0, -1.0
    steps = int(LAYOUT.skew_max / LAYOUT.skew_step)
    for k in range(-steps, steps + 1):
        angle = k * LAYOUT.skew_step
        ink = np.asarray(small.rotate(angle, fillcolor=PAPER)) < LAYOUT.dark
        rows = ink.sum(axis=1).astype(float)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least `min_len` long, row by row."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)  # row-major order: the k-th end closes the k-th start
    keep = ends - starts >= min_len
    return list(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _merge(runs: list[tuple[int, int, int]], thick: int) -> list[tuple[float, int, int]]:
    """Runs on adjacent rows that overlap merged into one rule at their mean row."""
    rules: list[list[float]] = []  # [row_sum, n, start, end, last_row]
    for r, s, e in sorted(runs):
        for rule in rules:
            if r - rule[4] <= 1 and s < rule[3] and e > rule[2] and r - rule[0] / rule[1] < thick:
                rule[0] += r
                rule[1] += 1
                rule[2], rule[3], rule[4] = min(rule[2], s), max(rule[3], e), r
                break
        else:
            rules.append([float(r), 1, s, e, r])
    return [(rule[0] / rule[1], int(rule[2]), int(rule[3])) for rule in rules]


def rule_edges(image: Image.Image, scale: float, height: float) -> list[Edge]:
    """pdfplumber edges (in points) of the horizontal and vertical rules drawn on the image."""
    ink = np.asarray(image.convert("L")) < LAYOUT.dark
    min_len, thick = int(LAYOUT.rule_min * scale), max(int(LAYOUT.rule_max_thick * scale), 1)
    edges: list[Edge] = []
    for y, x0, x1 in _merge(_runs(ink, min_len), thick):
        edges += shape_edges("ml", [(x0 / scale, y / scale), (x1 / scale, y / scale)], height)
    for x, y0, y1 in _merge(_runs(ink.T, min_len), thick):
        edges += shape_edges("ml", [(x / scale, y0 / scale), (x / scale, y1 / scale)], height)
    return edges
