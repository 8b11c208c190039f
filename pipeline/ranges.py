"""Long documents in page ranges: each range runs under its own limits, finished ranges are kept.

A PDF with more than `RANGE_PAGES` pages (within the page limit) is processed as consecutive
ranges of that many pages, each a job of its own in a worker (own timeout and memory watch). The
range results merge into one document: rows concatenated, clusters of one id merged, pages of a
range that failed reported in `lost_pages` (status `partial`); only when every range failed is
the document failed. Page numbers, offsets and ids are those of the whole document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from pipeline.catalog import DocResult
from pipeline.model import ParsedDocument

RANGE_PAGES = 250  # the corpus's longest report (110 pages) stays one job
TABLE_INDEX_STRIDE = 100_000  # table index in a range from page p: (p - 1) * stride + its index there


OPEN_END = "damaged: the file is cut off and its page count unknown"


def split(n_pages: int, limit: int, size: int = RANGE_PAGES) -> list[tuple[int, int]]:
    """1-based inclusive page ranges covering the first `min(n_pages, limit)` pages."""
    last = min(n_pages, limit)
    return [(first, min(first + size - 1, last)) for first in range(1, last + 1, size)]


def shift(parsed: ParsedDocument, first: int) -> None:
    """Renumber a parsed range (pages 1..k of a copy) as pages first..first+k-1 of the document."""
    offset = first - 1
    for page in parsed.pages:
        page.page += offset
        page.footnotes = [replace(f, page=f.page + offset) for f in page.footnotes]
    for table in parsed.tables:
        table.index += offset * TABLE_INDEX_STRIDE
        table.page_first += offset
        table.page_last += offset
        for cell in table.cells:
            cell.page += offset


def page_ranges(lost: Mapping[int, str]) -> str:
    """'3-5,9,12-' style list of the lost pages (a trailing '-': and every later page)."""
    numbers = sorted(n for n, why in lost.items() if why != OPEN_END)
    parts: list[list[int]] = []
    for n in numbers:
        if parts and n == parts[-1][1] + 1:
            parts[-1][1] = n
        else:
            parts.append([n, n])
    ranges = [str(a) if a == b else f"{a}-{b}" for a, b in parts]
    ends = [n for n, why in lost.items() if why == OPEN_END]
    return ",".join(ranges + [f"{n}-" for n in ends])


def merge(results: list[DocResult], ranges: list[tuple[int, int]], n_pages: int) -> DocResult:
    """One document's result from its range results (in page order)."""
    good = [(r, span) for r, span in zip(results, ranges, strict=True) if r.status in ("ok", "partial")]
    if not good:
        return results[0]
    lost = {}
    for r, (first, last) in zip(results, ranges, strict=True):
        if r.status not in ("ok", "partial"):
            why = (r.failure or {}).get("stage", "failed")
            lost |= dict.fromkeys(range(first, last + 1), f"range failed ({why})")
    lost |= dict.fromkeys(range(ranges[-1][1] + 1, n_pages + 1), "page limit")
    rows: dict[str, list[dict]] = {}
    for r, _ in good:
        for table, table_rows in r.rows.items():
            rows.setdefault(table, []).extend(table_rows)
    rows["clusters"] = merge_clusters(rows.get("clusters", []))
    rows["documents"] = [_document(good, lost, n_pages)]
    seconds = sum(r.seconds for r in results)
    first = good[0][0]
    return DocResult(
        first.source_path, first.doc_id, rows["documents"][0]["status"], seconds, rows, worker=first.worker
    )


def _document(good: list, lost: dict[int, str], n_pages: int) -> dict:
    docs = [r.rows["documents"][0] for r, _ in good]
    for doc in docs:
        for page in _pages(doc.get("lost_pages")):
            lost.setdefault(page, doc.get("error") or "not read")
    row = dict(docs[0])
    row["n_pages"] = n_pages
    row["seconds"] = round(sum(d.get("seconds") or 0 for d in docs), 3)
    row["replaced_chars"] = sum(d.get("replaced_chars") or 0 for d in docs)
    row["status"], row["lost_pages"], row["error"] = "ok", None, None
    if lost:
        row["lost_pages"] = page_ranges(lost)
        reasons = sorted({why.split(":")[0] for why in lost.values()})
        row["status"], row["error"] = "partial", f"pages {row['lost_pages']} not read: {', '.join(reasons)}"
    return row


def _pages(ranges: str | None) -> list[int]:
    pages: list[int] = []
    for part in (ranges or "").split(","):
        if part and not part.endswith("-"):
            a, _, b = part.partition("-")
            pages += range(int(a), int(b or a) + 1)
    return pages


def merge_clusters(rows: list[dict]) -> list[dict]:
    """Cluster rows of several ranges: one row per cluster id, pages joined, first values kept."""
    merged: dict[str, dict] = {}
    for row in rows:
        seen = merged.get(row["cluster_id"])
        if seen is None:
            merged[row["cluster_id"]] = dict(row)
            continue
        both = f"{seen.get('pages') or ''},{row.get('pages') or ''}"
        pages = sorted({int(p) for p in both.split(",") if p.strip()})
        for key, value in row.items():
            if seen.get(key) is None:
                seen[key] = value
        seen["pages"] = ",".join(map(str, pages))
    return list(merged.values())
