"""Review of a scanned page: a figure quote is boxed from the OCR geometry the parse produced, on
the right words of its line, as the same quote is on the text-layer original of the scan."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline.ingest import ingest
from pipeline.parse.ocr import ocr_problem
from pipeline.review import evidence
from pipeline.review.workspace import Workspace
from pipeline.store import read_table

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
PAGE = 2  # prints "… в 2018 г. ... 57,04% ..." (seed page 2) as an image only
QUOTE = "57,04%"
TOLERANCE = 3.0  # points: the scan is the original rendered with a slight rotation and noise


@pytest.fixture(scope="module")
def scanned_page(tmp_path_factory) -> Path:
    """The output of ingesting page 2 of the scanned seed alone (one OCR page)."""
    if ocr_problem():
        pytest.skip(ocr_problem())
    project = tmp_path_factory.mktemp("scan")
    one = pdfium.PdfDocument.new()
    one.import_pages(pdfium.PdfDocument(PDF / "seed_gertsik_2020_scanned.pdf"), [PAGE - 1])
    one.save(project / "scan.pdf")
    ingest([project / "scan.pdf"], out=project / "out")
    return project / "out"


def test_figure_on_a_scanned_page_is_boxed_on_its_words(scanned_page):
    pages, figs = read_table(scanned_page, "pages"), read_table(scanned_page, "figures")
    page = pages.iloc[0]
    assert bool(page["ocr"])
    fig = figs[figs["quote"] == QUOTE].iloc[0]
    found = Workspace(scanned_page).evidence("figures", fig["figure_id"], fig["doc_id"])
    (box,) = found["boxes"]
    (line,) = [b for a, e, b in evidence.parse_lines(page["lines"]) if a <= fig["char_start"] < e]
    assert line[0] <= box[0] < box[2] <= line[2] and line[1] - 1 <= box[1] < box[3] <= line[3] + 1
    original, _, _ = evidence.page_chars(str(PDF / "seed_gertsik_2020.pdf"), PAGE)
    (truth,) = evidence.find_runs(original, QUOTE)
    assert all(abs(a - b) <= TOLERANCE for a, b in zip(box, truth, strict=True)), (box, truth)
    assert evidence.render(str(scanned_page.parent / "scan.pdf"), 1, [box])[:4] == b"\x89PNG"
