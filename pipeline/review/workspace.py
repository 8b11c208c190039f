"""What the app reads from an output directory: rows with their live review status, the evidence
of a row (highlighted text, page, exact boxes), progress per document and table.

Statuses come from the journal at every request (not from the published tables, which are
refreshed in the background), so the grid shows a decision the moment it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.review import evidence, journal
from pipeline.review.attach import apply_reviews
from pipeline.review.decisions import cached, find_row
from pipeline.review.render import context, highlight_html
from pipeline.review.tables import (
    LINKS,
    REVIEWABLE,
    STATUS_COLUMN,
    correctable_fields,
    plain,
    quote_of,
    row_ids,
)
from pipeline.schema import COLUMNS

COUNT_UNIT = "COUNT"  # a count is a quantity only with its counted noun
HIDDEN = {
    "sentence",
    "extractor",
    "attributes",
    "unit_raw",
    "normal_name",
    "doc_id",
    "char_start",
    "char_end",
}
# Grid columns shown first (when the table has them); the rest follow in table order.
FIRST = (
    "quote",
    "name",
    "text",
    "indicator",
    "value",
    "unit",
    "counted",
    "value_scaled",
    "kind",
    "qualifier",
)


@dataclass
class Workspace:
    out: Path

    def tables(self) -> list[str]:
        """Reviewable tables present in the output directory, observations first."""
        return [t for t in REVIEWABLE if t in COLUMNS and not cached(self.out, t).empty]

    def documents(self) -> list[dict]:
        docs = cached(self.out, "documents")
        return [_json(r) for r in docs[["doc_id", "file_name", "status", "n_pages"]].to_dict("records")]

    def live(self, table: str) -> pd.DataFrame:
        """The table with every decision in force applied (status and corrections)."""
        frames = {t: cached(self.out, t) for t in {table, *LINKS.get(table, {})} if t in COLUMNS}
        frames["documents"] = cached(self.out, "documents")
        frame = apply_reviews(frames, journal.effective(self.out))[table]
        frame["_id"] = row_ids(table, frame)
        return frame[shown(table, frame)]

    def rows(self, table: str, doc_id: str | None) -> dict:
        """Rows of one document for the grid (analysts' facts only), with columns and fields."""
        frame = self.live(table)
        if doc_id and "doc_id" in frame:
            frame = frame[frame["doc_id"] == doc_id]
        rest = [c for c in frame.columns if c not in HIDDEN and c != "_id"]
        columns = [c for c in FIRST if c in rest] + [c for c in rest if c not in FIRST]
        return {
            "columns": columns,
            "fields": correctable_fields(table, frame.drop(columns=["_id"])),
            "rows": [_json(r) for r in frame.to_dict("records")],
        }

    def progress(self) -> dict[str, dict[str, list[int]]]:
        """{doc_id: {table: [reviewed, total]}} of the rows the grid shows."""
        result: dict[str, dict[str, list[int]]] = {}
        for table in self.tables():
            frame = self.live(table)
            if "doc_id" not in frame:
                continue
            done = frame[STATUS_COLUMN].ne("unreviewed")
            for doc_id, n in frame.groupby("doc_id").size().items():
                result.setdefault(str(doc_id), {})[table] = [
                    int(done[frame["doc_id"] == doc_id].sum()),
                    int(n),
                ]
        return result

    def row(self, table: str, row_id: str, doc_id: str | None) -> dict:
        return find_row(table, cached(self.out, table), row_id, doc_id)

    def evidence(self, table: str, row_id: str, doc_id: str | None) -> dict:
        """The row's text with the quote highlighted, its page and the exact boxes on it."""
        row = self.row(table, row_id, doc_id)
        source_table, source = self._source(table, row)
        page, span = _page_of(source), _span(source_table, source, self._page_text(source))
        text = self._page_text(source)
        html = highlight_html(source_table, *context(source_table, source | span, text))
        pdf = self._pdf(plain(source.get("doc_id")))
        boxes = self._boxes(source_table, source, span, pdf, page) if pdf and page else []
        page_row = self._page_row(source) or {}
        width = plain(page_row.get("width"))
        return {"html": html, "page": page, "boxes": boxes, "has_pdf": pdf is not None, "width": width}

    def pdf(self, doc_id: str | None) -> Path | None:
        return self._pdf(doc_id)

    def _pdf(self, doc_id: str | None) -> Path | None:
        docs = cached(self.out, "documents")
        hit = docs[docs["doc_id"] == doc_id]
        if hit.empty:
            return None
        path = evidence.resolve_source(self.out, hit["source_path"].iloc[0])
        return path if path is not None and path.suffix.lower() == ".pdf" else None

    def _source(self, table: str, row: dict) -> tuple[str, dict]:
        """The row whose text is the evidence: an observation's figure or table cell, else the row."""
        for source, columns in LINKS.get(table, {}).items():
            key = ":".join(str(plain(row.get(c)) or "") for c in columns)
            if all(plain(row.get(c)) is not None for c in columns) and source in COLUMNS:
                try:
                    return source, find_row(source, cached(self.out, source), key, row.get("doc_id"))
                except KeyError:
                    continue
        return table, row

    def _page_text(self, row: dict) -> str | None:
        page = self._page_row(row)
        return None if page is None else page["text"]

    def _page_row(self, row: dict) -> dict | None:
        pages = cached(self.out, "pages")
        hit = pages[(pages["doc_id"] == row.get("doc_id")) & (pages["page"] == _page_of(row))]
        return None if hit.empty else hit.iloc[0].to_dict()

    def _boxes(self, table: str, row: dict, span: dict, pdf: Path, page: int) -> list[list[float]]:
        page_row = self._page_row(row)
        ocr = bool(page_row is not None and plain(page_row.get("ocr")))
        chars, _, _ = evidence.page_chars(str(pdf), int(page), ocr)
        if table == "table_cells":
            box = evidence.cell_box(chars, row)
            return [list(box)] if box else []
        start, end = span.get("char_start"), span.get("char_end")
        if start is None or page_row is None:  # e.g. a cluster named in a table: find its name
            box = evidence.cell_box(chars, {"text": quote_of(table, row)})
            return [list(box)] if box else []
        lines = evidence.parse_lines(plain(page_row.get("lines")))
        return [list(b) for b in evidence.span_boxes(chars, lines, page_row["text"], int(start), int(end))]


def shown(table: str, frame: pd.DataFrame) -> pd.Series:
    """Rows an analyst reviews: not a bare number (a figure with no unit and no counted noun)."""
    keep = pd.Series(True, index=frame.index)
    if table == "figures" and {"unit", "counted"} <= set(frame.columns):
        unitless = frame["unit"].isna() | frame["unit"].eq(COUNT_UNIT)
        keep &= ~(unitless & frame["counted"].isna()).fillna(False)
    return keep


def _page_of(row: dict) -> int | None:
    page = plain(row.get("page"))
    if page is None and plain(row.get("pages")):
        page = str(row["pages"]).split(",")[0]  # clusters: "3,5"
    return int(page) if page is not None else None


def _span(table: str, row: dict, page_text: str | None) -> dict:
    """char_start/char_end of the row on its page (found by its name when the row has none)."""
    start, end = plain(row.get("char_start")), plain(row.get("char_end"))
    if start is not None or page_text is None or table == "table_cells":
        return {"char_start": start, "char_end": end}
    name = str(plain(row.get("name")) or plain(row.get("text")) or "")
    at = page_text.find(name) if name else -1
    return (
        {"char_start": at, "char_end": at + len(name)} if at >= 0 else {"char_start": None, "char_end": None}
    )


def _json(row: dict) -> dict:
    return {k: _scalar(v) for k, v in row.items()}


def _scalar(value: object) -> object:
    value = plain(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
