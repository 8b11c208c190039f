"""OCR of pages without a usable text layer: Tesseract (rus+eng) on pages rendered by pypdfium2.

Tesseract runs as a subprocess that reads a BMP on stdin and prints its TSV (word boxes, line
numbers, confidences): no extra Python dependency, and the word boxes become the same
pdfplumber-style char dicts as a text page's, so lines, footnotes, furniture and the review
app's page boxes work unchanged. (ocrmypdf would rebuild the whole PDF with a text layer and
needs Ghostscript; we only need the words of the pages that lack text.)
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
import subprocess
from collections import Counter
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pr
from PIL import Image

from pipeline.parse.lines import Char, Line
from pipeline.parse.page import PageSource
from pipeline.parse.raster import PAPER, rule_edges, skew_angle
from pipeline.parse.settings import LAYOUT

OCR_LANGS = "rus+eng"
POINTS_PER_INCH = 72
OCR_TIMEOUT = 120.0  # seconds per page before Tesseract is given up
IMAGE_FORMAT = "BMP"  # the page image piped to Tesseract: uncompressed, no encoding cost (PNG: 0.1 s a page)
RULE_GLYPHS = str.maketrans("", "", "|¦")  # table rules read as letters
# a footnote marker read inline: "Линдквистом1", "Лундвала2.", "Линдквистом'" (a raised ¹ as a quote)
_INLINE_MARKER = re.compile(r"^(.*[а-яё]{3})(\d{1,2}|['’‘`])([.,;:)]?)$", re.IGNORECASE)
_DEGREE_MARK = re.compile(r"^[°º](?=\d)")  # a raised footnote number read as "°1"
INSTALL_HINT = "install Tesseract: apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng"


class OcrUnavailable(RuntimeError):
    """Tesseract or its Russian/English models are missing."""


@lru_cache(maxsize=1)
def ocr_problem() -> str | None:
    """Why OCR cannot run here (None when Tesseract with rus and eng is installed)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return f"Tesseract is not installed ({INSTALL_HINT})"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return f"Tesseract does not run ({e}; {INSTALL_HINT})"
    missing = set(OCR_LANGS.split("+")) - set(out.split())
    return f"Tesseract lacks the {'+'.join(sorted(missing))} model(s) ({INSTALL_HINT})" if missing else None


def has_image(page: pdfium.PdfPage) -> bool:
    """Does the page draw any image (top level or inside a form)? A blank page needs no OCR."""
    return any(obj.type == pr.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=3))


def _tesseract(image: bytes) -> str:
    """Tesseract's TSV for one page image (any format Leptonica reads)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page: workers parallelise
    cmd = ["tesseract", "stdin", "stdout", "-l", OCR_LANGS, "--dpi", str(LAYOUT.ocr_dpi), "--psm", "3", "tsv"]
    done = subprocess.run(cmd, input=image, capture_output=True, timeout=OCR_TIMEOUT, env=env, check=False)
    if done.returncode != 0:
        raise OcrUnavailable(done.stderr.decode("utf-8", "replace").strip()[:200] or "tesseract failed")
    return done.stdout.decode("utf-8", "replace")


def _words(tsv: str) -> dict[tuple[int, int, int], list[dict[str, str]]]:
    """Recognised words grouped by (block, paragraph, line), in reading order."""
    lines: dict[tuple[int, int, int], list[dict[str, str]]] = {}
    for w in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        w["text"] = _DEGREE_MARK.sub("", (w.get("text") or "").translate(RULE_GLYPHS).strip())
        if w.get("level") != "5" or not w["text"].strip("_"):
            continue
        if float(w["conf"]) < LAYOUT.ocr_min_confidence:
            continue
        lines.setdefault((int(w["block_num"]), int(w["par_num"]), int(w["line_num"])), []).append(w)
    return lines


def _line_chars(words: list[dict[str, str]], scale: float, lift: float) -> list[Char]:
    """Chars of one OCR line: each word's box split evenly among its letters, one shared
    top/bottom for the line (so rows cluster as on a text page), moved down by `lift` points."""
    top = min(int(w["top"]) for w in words) / scale + lift
    bottom = max(int(w["top"]) + int(w["height"]) for w in words) / scale + lift
    heights = sorted(int(w["height"]) for w in words)
    tall = heights[int(LAYOUT.ocr_size_quantile * (len(heights) - 1))] / scale  # cap and descender
    step = LAYOUT.ocr_size_step
    size = max(step, round(tall / LAYOUT.ocr_line_height / step) * step)
    out: list[Char] = []
    for w in words:
        text = w["text"].strip()
        x0, width = int(w["left"]) / scale, int(w["width"]) / scale
        step = width / len(text)
        if out:  # an explicit word break: OCR word gaps need not exceed the layout's space ratio
            out.append({**out[-1], "text": " ", "x0": out[-1]["x1"], "x1": max(x0, out[-1]["x1"])})
        sup = _marker_span(text)
        for k, ch in enumerate(text):
            c = {
                "text": ch,
                "x0": x0 + k * step,
                "x1": x0 + (k + 1) * step,
                "top": top,
                "bottom": bottom,
                "size": size,
                "fontname": "OCR",
                "upright": True,
            }
            if sup[0] <= k < sup[1]:
                if not ch.isdigit():
                    continue  # a quote standing for a raised digit: no marker text to keep
                c.update(size=LAYOUT.ocr_sup_size * size, bottom=(top + bottom) / 2)
            out.append(c)
    return out


def _marker_span(word: str) -> tuple[int, int]:
    """Where a footnote marker read inline sits in an OCR word ((0, 0): none)."""
    m = _INLINE_MARKER.match(word)
    return (m.start(2), m.end(2)) if m else (0, 0)


def _lift(words: list[dict[str, str]], scale: float, angle: float, centre: tuple[float, float]) -> float:
    """How far (points) the line's middle moves vertically when the deskewed page is turned
    back by `angle`: lines keep their text-page shape and land on the scan within a few points."""
    x = (min(int(w["left"]) for w in words) + max(int(w["left"]) + int(w["width"]) for w in words)) / 2
    return -(x - centre[0]) * math.sin(math.radians(angle)) / scale


def even_sizes(lines: list[Line]) -> list[Line]:
    """Give the lines of an OCR page that are about the usual size exactly that size: the
    estimate varies from line to line, and a size change would start a new paragraph."""
    sizes = Counter(round(ln.size) for ln in lines)
    if not sizes:
        return lines
    usual = sizes.most_common(1)[0][0]
    for ln in lines:
        if abs(ln.size - usual) <= LAYOUT.ocr_same_size * usual:
            ln.size = float(usual)
    return lines


def ocr_page(page: pdfium.PdfPage) -> PageSource:
    """Render one page at `LAYOUT.ocr_dpi`, deskew it and recognise it; raises `OcrUnavailable` without
    Tesseract. Ruled lines in the image come back as edges (tables of a scan)."""
    problem = ocr_problem()
    if problem:
        raise OcrUnavailable(problem)
    scale = LAYOUT.ocr_dpi / POINTS_PER_INCH
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    angle = skew_angle(image)
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=PAPER)
    buf = io.BytesIO()
    image.save(buf, format=IMAGE_FORMAT)
    lines = _words(_tesseract(buf.getvalue()))
    centre = (image.width / 2, image.height / 2)
    chars = [
        c for words in lines.values() for c in _line_chars(words, scale, _lift(words, scale, angle, centre))
    ]
    confs = [float(w["conf"]) for words in lines.values() for w in words]
    edges = rule_edges(image, scale, image.height / scale)
    return PageSource(chars, edges, sum(confs) / len(confs) / 100 if confs else 0.0)
