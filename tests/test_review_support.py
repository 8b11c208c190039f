"""Synthetic output directory for the review tests (no tests here): one PDF, its pages and facts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pipeline.extract import fact_id
from pipeline.ingest import publish_batch
from pipeline.schema import conform

DOC = "d0c0ffee00000001"
LINES = [
    "В 2023 г. ВРП региона вырос на 5,2 % и составил 1,5 трлн руб.",
    "Число участников кластера достигло 120 организаций.",
    "Доля <script>alert(1)</script> составила 30 %.",
]
TEXT = "\n".join(LINES)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
X0, TOP0, STEP, SIZE = 72.0, 100.0, 24.0, 12.0
# quote, value, unit_mult, unit, kind, qualifier, confidence
FIGURES = [
    ("5,2 %", 5.2, 0, "PERCENT", "change", "=", 0.9),
    ("1,5 трлн руб.", 1.5, 12, "RUB", "level", "=", 0.6),
    ("120 организаций", 120.0, 0, "COUNT", "level", "~", 0.4),
    ("30 %", 30.0, 0, "PERCENT", "share", "=", 0.8),
]


def figure_rows(doc_id: str = DOC) -> list[dict]:
    """`figures` rows of the synthetic page, with content-derived ids."""
    rows = []
    for quote, value, mult, unit, kind, qualifier, conf in FIGURES:
        start = TEXT.index(quote)
        line = LINES[TEXT[:start].count("\n")]
        rows.append(
            {
                "figure_id": fact_id("figures", doc_id, 1, quote, 1),
                "doc_id": doc_id,
                "page": 1,
                "char_start": start,
                "char_end": start + len(quote),
                "quote": quote,
                "sentence": line,
                "value": value,
                "unit_mult": mult,
                "value_scaled": value * 10**mult,
                "unit": unit,
                "counted": "организация" if unit == "COUNT" else None,
                "kind": kind,
                "qualifier": qualifier,
                "confidence": conf,
                "extractor": "test",
            }
        )
    return rows


def batch(pdf: Path, doc_id: str = DOC) -> dict[str, pd.DataFrame]:
    """Every table the synthetic document contributes."""
    quote = "2023 г."
    start = TEXT.index(quote)
    return {
        "documents": conform("documents", [_document(pdf, doc_id)]),
        "pages": conform("pages", [_page(doc_id)]),
        "figures": conform("figures", figure_rows(doc_id)),
        "dates": conform(
            "dates",
            [
                {
                    "date_id": fact_id("dates", doc_id, 1, quote, 1),
                    "doc_id": doc_id,
                    "page": 1,
                    "char_start": start,
                    "char_end": start + len(quote),
                    "quote": quote,
                    "sentence": LINES[0],
                    "start": "2023-01-01",
                    "end": "2023-12-31",
                    "precision": "year",
                    "kind": "point",
                    "confidence": 0.95,
                }
            ],
        ),
        "table_cells": conform(
            "table_cells",
            [
                {
                    "table_id": "t1",
                    "doc_id": doc_id,
                    "page": 1,
                    "row": 0,
                    "col": 1,
                    "text": "42",
                    "value": 42.0,
                },
                {
                    "table_id": "t1",
                    "doc_id": doc_id,
                    "page": 1,
                    "row": 1,
                    "col": 1,
                    "text": "7",
                    "value": 7.0,
                },
            ],
        ),
    }


def make_output(root: Path, doc_id: str = DOC) -> Path:
    """An output dir (`root/out`) holding the synthetic document, written like an ingest would."""
    pdf = make_pdf(root / "paper.pdf")
    out = root / "out"
    publish_batch(out, batch(pdf, doc_id), [doc_id])
    return out


def make_pdf(path: Path) -> Path:
    """A one-page PDF with the synthetic lines at known positions (plain file if reportlab is missing)."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas
    except ImportError:
        path.write_text(TEXT)
        return path
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    c.setFont("DejaVuSans", SIZE)
    for i, line in enumerate(LINES):
        c.drawString(X0, 842.0 - (TOP0 + i * STEP + SIZE), line)
    c.save()
    return path


def _document(pdf: Path, doc_id: str) -> dict:
    return {
        "doc_id": doc_id,
        "file_name": pdf.name,
        "source_path": str(pdf),
        "n_pages": 1,
        "title": "Синтетический документ",
        "status": "ok",
        "pipeline_version": "test",
        "ingested_at": "2024-01-01T00:00:00+00:00",
    }


def _page(doc_id: str) -> dict:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, pos = [], 0
    for i, line in enumerate(LINES):
        top = TOP0 + i * STEP
        width = stringWidth(line, "DejaVuSans", SIZE) if FONT.exists() else 6.0 * len(line)
        lines.append([pos, pos + len(line), X0, top, X0 + width, top + SIZE * 1.2])
        pos += len(line) + 1
    return {
        "doc_id": doc_id,
        "page": 1,
        "text": TEXT,
        "n_chars": len(TEXT),
        "width": 595.0,
        "height": 842.0,
        "lines": json.dumps(lines),
    }


def figures_by_quote(out: Path) -> dict[str, dict]:
    """Published figures keyed by quote."""
    from pipeline.store import read_table

    return {r["quote"]: r for r in read_table(out, "figures").to_dict("records")}
