"""What the review app shows of a row's text: its sentence with the quote highlighted (displaCy).

All PDF text reaches the browser HTML-escaped: displaCy escapes the text and the entity of a
`manual=True` render (spacy.util.escape_html); the label and title are ours, never PDF text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from pipeline.review.tables import QUOTE_COLUMN

LABEL = {
    "figures": "FIGURE",
    "dates": "DATE",
    "mentions": "MENTION",
    "clusters": "CLUSTER",
    "table_cells": "CELL",
    "observations": "OBSERVATION",
}
COLORS = {
    "FIGURE": "#fde68a",
    "DATE": "#bfdbfe",
    "MENTION": "#bbf7d0",
    "CLUSTER": "#fbcfe8",
    "CELL": "#e9d5ff",
    "OBSERVATION": "#fde68a",
}
WINDOW = 160  # characters of page text each side when the sentence does not hold the quote


def context(table: str, row: Mapping, page_text: str | None) -> tuple[str, int, int]:
    """(text, start, end): the row's sentence (or page text around it) and the quote's span in it."""
    quote = " ".join(str(row.get(QUOTE_COLUMN.get(table, "quote")) or "").split())
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

    ents = [{"start": start, "end": end, "label": LABEL.get(table, "FACT")}] if end > start else []
    doc = {"text": text, "ents": ents, "title": None}
    markup = displacy.render(doc, style="ent", manual=True, jupyter=False, options={"colors": COLORS})
    return markup if "<script" not in markup.lower() else html.escape(text)


def _span(row: Mapping) -> tuple[int | None, int | None]:
    start, end = row.get("char_start"), row.get("char_end")
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None, None
    return int(start), int(end)
