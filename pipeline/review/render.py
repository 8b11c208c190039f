"""What the review app shows, as plain functions: row filters, the highlighted sentence, the page image.

All PDF text reaches the browser HTML-escaped: displaCy escapes the text and the entity of a
`manual=True` render (spacy.util.escape_html); the label and title are ours, never PDF text.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.model import BBox, LineSpan, PageText
from pipeline.review.decisions import QUOTE_COLUMN, STATUS_COLUMN, row_ids

LABEL = {
    "figures": "FIGURE",
    "dates": "DATE",
    "mentions": "MENTION",
    "clusters": "CLUSTER",
    "table_cells": "CELL",
}
COLORS = {
    "FIGURE": "#fde68a",
    "DATE": "#bfdbfe",
    "MENTION": "#bbf7d0",
    "CLUSTER": "#fbcfe8",
    "CELL": "#e9d5ff",
}
WINDOW = 160  # characters of page text each side when the sentence does not hold the quote


@dataclass(frozen=True)
class Filters:
    units: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    low_confidence_first: bool = False


def filter_rows(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Rows matching every non-empty filter; lowest confidence first when asked (nulls last)."""
    keep = pd.Series(True, index=frame.index)
    for column, allowed in (
        ("unit", f.units),
        ("kind", f.kinds),
        ("page", f.pages),
        (STATUS_COLUMN, f.statuses),
    ):
        if allowed and column in frame:
            keep &= frame[column].isin(list(allowed)).fillna(False)
    rows = frame[keep]
    if f.low_confidence_first and "confidence" in rows:
        rows = rows.sort_values("confidence", na_position="last", kind="stable")
    return rows.reset_index(drop=True)


def options(frame: pd.DataFrame, column: str) -> list:
    """Sorted distinct non-null values of a column (empty when the table lacks it)."""
    return sorted(frame[column].dropna().unique().tolist()) if column in frame else []


def row_label(table: str, row: Mapping) -> str:
    """A short one-line label of a row for the row picker."""
    text = " ".join(str(row.get(QUOTE_COLUMN[table]) or "").split())
    page = row.get("page")
    where = f"p.{page} · " if page is not None and not pd.isna(page) else ""
    return f"{where}{text[:70]} · {row.get(STATUS_COLUMN) or 'unreviewed'}"


def labelled_ids(table: str, frame: pd.DataFrame) -> dict[str, str]:
    """Row id → label, in frame order."""
    ids = row_ids(table, frame).tolist()
    return {rid: row_label(table, row) for rid, row in zip(ids, frame.to_dict("records"), strict=True)}


def context(table: str, row: Mapping, page_text: str | None) -> tuple[str, int, int]:
    """(text, start, end): the row's sentence (or page text around it) and the quote's span in it."""
    quote = " ".join(str(row.get(QUOTE_COLUMN[table]) or "").split())
    sentence = " ".join(str(row.get("sentence") or "").split())
    at = sentence.find(quote) if quote else -1
    if at >= 0:
        return sentence, at, at + len(quote)
    start, end = _span(row)
    if page_text and start is not None and end is not None and end <= len(page_text):
        lo, hi = max(0, start - WINDOW), min(len(page_text), end + WINDOW)
        return page_text[lo:hi], start - lo, end - lo
    return quote, 0, len(quote)


def highlight_html(table: str, text: str, start: int, end: int) -> str:
    """displaCy entity markup of `text` with [start, end) highlighted; all text is escaped."""
    from spacy import displacy

    ents = [{"start": start, "end": end, "label": LABEL[table]}] if end > start else []
    doc = {"text": text, "ents": ents, "title": None}
    markup = displacy.render(doc, style="ent", manual=True, jupyter=False, options={"colors": COLORS})
    return markup if "<script" not in markup.lower() else html.escape(text)


def span_bbox(lines_json: str | None, start: int | None, end: int | None) -> BBox | None:
    """Box of the page lines overlapping [start, end) (pages.lines JSON; None when unknown)."""
    if not lines_json or start is None or end is None:
        return None
    lines = [
        LineSpan(int(a), int(b), (x0, top, x1, bottom))
        for a, b, x0, top, x1, bottom in json.loads(lines_json)
    ]
    return PageText(page=0, text="", lines=lines).bbox_of(int(start), int(end))


def page_image(
    source: str, page: int, boxes: Iterable[BBox] = (), resolution: int = 100, around: float | None = None
):
    """The PDF page as a PIL image with the boxes drawn, cropped to `around` points above and below
    the boxes when given (None when the file is not a readable PDF or the page does not exist)."""
    import pdfplumber

    path, boxes = Path(source), list(boxes)
    if path.suffix.lower() != ".pdf" or not path.is_file():
        return None
    with pdfplumber.open(path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            return None
        pdf_page = pdf.pages[page - 1]
        if around is not None and boxes:
            top = max(0.0, min(b[1] for b in boxes) - around)
            bottom = min(float(pdf_page.height), max(b[3] for b in boxes) + around)
            pdf_page = pdf_page.crop((0, top, float(pdf_page.width), bottom))
        image = pdf_page.to_image(resolution=resolution)
        for box in boxes:
            image.draw_rect(_padded(box), fill=(255, 214, 0, 60), stroke=(220, 38, 38), stroke_width=2)
        return image.annotated.convert("RGB")


def _padded(box: BBox, pad: float = 2.0) -> BBox:
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def _span(row: Mapping) -> tuple[int | None, int | None]:
    start, end = row.get("char_start"), row.get("char_end")
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None, None
    return int(start), int(end)
