"""Per-document processing (parse → nlp → extract → rows) and a plain-Python batch `ingest`.

`process_document` never raises for a bad input: it returns a `DocResult` whose `documents` row
says `failed`/`no_text` and whose `failures` row says at which stage and why. The Prefect flows
in `flows/` call the same functions; this module runs without Prefect.
"""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipeline.catalog import (  # noqa: F401  (re-exported: the ingest API)
    DocResult,
    IngestSummary,
    already_done,
    doc_id_of,
    expand_paths,
    page_count,
)
from pipeline.config import pipeline_version
from pipeline.model import DocStatus, ParsedDocument, ParseError
from pipeline.schema import PER_DOCUMENT


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def process_document(path: str | Path, *, max_pages: int | None = None) -> DocResult:
    """Parse and extract one file; every failure becomes a `failures` row, never an exception."""
    from pipeline.parse import parse_path

    started = time.perf_counter()
    path = Path(path)
    stage, doc_id = "read", None
    try:
        doc_id = doc_id_of(path)
        stage = "limits"
        check_page_limit(path, max_pages)
        stage = "parse"
        parsed = parse_path(path, max_pages=max_pages)
        stage = "extract"
        rows = document_rows(parsed)
        status = parsed.status
    except ParseError as exc:
        rows = _failed_rows(path, doc_id, stage, exc.error_type, str(exc), exc.status)
        status = exc.status
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        message = f"{exc}" or traceback.format_exc(limit=1)
        rows = _failed_rows(path, doc_id, stage, type(exc).__name__, message, DocStatus.FAILED)
        status = DocStatus.FAILED
    seconds = time.perf_counter() - started
    for doc in rows["documents"]:
        doc["seconds"] = round(seconds, 3)
    return DocResult(str(path), doc_id, str(status), seconds, rows)


def check_page_limit(path: Path, max_pages: int | None) -> None:
    """Refuse a PDF with more than `max_pages` pages before parsing it (cheap pdfium page count)."""
    if not max_pages:
        return
    n_pages = page_count(path)
    if n_pages is not None and n_pages > max_pages:
        raise ParseError(
            f"{path.name}: {n_pages} pages, more than the limit of {max_pages} (max_pages)",
            error_type="too_many_pages",
        )


def failed_result(path: str | Path, stage: str, error_type: str, message: str, seconds: float) -> DocResult:
    """A failed `DocResult` produced outside the parser (timeouts, crashed workers)."""
    path = Path(path)
    try:
        doc_id: str | None = doc_id_of(path)
    except OSError:
        doc_id = None
    rows = _failed_rows(path, doc_id, stage, error_type, message, DocStatus.FAILED)
    rows["documents"][0]["seconds"] = round(seconds, 3)
    return DocResult(str(path), doc_id, str(DocStatus.FAILED), seconds, rows)


def document_rows(parsed: ParsedDocument) -> dict[str, list[dict]]:
    """Rows of every output table for a parsed document (runs NLP and extraction per page)."""
    from pipeline.extract import cluster_row, extract_page, page_rows
    from pipeline.extract.clusters import clusters_from_table, resolve_clusters
    from pipeline.extract.figure_context import apply_document_territory  # F1 (facts)
    from pipeline.extract.tables import table_rows

    rows: dict[str, list[dict]] = {name: [] for name in PER_DOCUMENT}
    rows["documents"] = [_document_row(parsed)]
    cluster_records = []
    for page in parsed.pages:
        rows["pages"].append(_page_row(parsed.doc_id, page))
        rows["footnotes"] += [
            {"doc_id": parsed.doc_id, "page": f.page, "marker": f.marker, "text": f.text}
            for f in page.footnotes
        ]
        if not page.text.strip():
            continue
        facts = extract_page(page.text)
        for table, table_facts in page_rows(facts, doc_id=parsed.doc_id, page=page.page).items():
            if table != "clusters":
                rows[table] += table_facts
        cluster_records += [(c, page.page) for c in facts.clusters]
    # F1 (facts): figures without a territory take the document's (issue 10 item 3).
    apply_document_territory(rows["figures"], [parsed.title or "", *(p.text for p in parsed.pages)])
    for table in parsed.tables:
        table_part = table_rows(parsed.doc_id, table)
        rows["tables"].append(table_part["table"])
        rows["table_cells"] += table_part["cells"]
        cluster_records += [(c, table.page_first) for c in clusters_from_table(table)]
    texts = [parsed.title or "", *(p.text for p in parsed.pages)]  # F4: the document's region
    rows["clusters"] = [
        cluster_row(c, doc_id=parsed.doc_id, pages=pages)
        for c, pages in resolve_clusters(cluster_records, document_texts=texts)
    ]
    return rows


def _document_row(parsed: ParsedDocument) -> dict:
    return {
        "doc_id": parsed.doc_id,
        "file_name": parsed.file_name,
        "source_path": parsed.source_path,
        "n_pages": parsed.n_pages,
        "title": parsed.title,
        "status": str(parsed.status),
        "error": parsed.error,
        "pipeline_version": pipeline_version(),
        "ingested_at": now(),
    }


def _page_row(doc_id: str, page) -> dict:
    lines = [[ln.char_start, ln.char_end, *(round(v, 1) for v in ln.bbox)] for ln in page.lines]
    return {
        "doc_id": doc_id,
        "page": page.page,
        "text": page.text,
        "n_chars": len(page.text),
        "width": page.width,
        "height": page.height,
        "lines": json.dumps(lines),
        "ocr": page.ocr,
        "ocr_confidence": page.ocr_confidence,
    }


def _failed_rows(
    path: Path, doc_id: str | None, stage: str, error_type: str, message: str, status: DocStatus
) -> dict[str, list[dict]]:
    failure = {
        "source_path": str(path),
        "doc_id": doc_id,
        "stage": stage,
        "error_type": error_type,
        "message": message,
        "at": now(),
    }
    document = {
        "doc_id": doc_id or f"unreadable:{path.name}",
        "file_name": path.name,
        "source_path": str(path),
        "n_pages": 0,
        "title": None,
        "status": str(status),
        "error": message,
        "pipeline_version": pipeline_version(),
        "ingested_at": failure["at"],
    }
    return {"documents": [document], "failures": [failure]}


def batch_frames(results: Iterable[DocResult]) -> dict[str, pd.DataFrame]:
    """Concatenate the rows of several documents into one frame per table."""
    tables: dict[str, list[dict]] = {}
    for r in results:
        for name, rows in r.rows.items():
            tables.setdefault(name, []).extend(rows)
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


def ingest(
    paths: Iterable[str | Path],
    out: str | Path = "extracted",
    *,
    force: bool = False,
    max_pages: int | None = None,
    on_result: Callable[[DocResult], None] | None = None,
) -> IngestSummary:
    """Ingest files/folders serially without Prefect and write the batch to `out`."""
    started = time.perf_counter()
    out = Path(out)
    files = expand_paths(paths)
    skip = set() if force else already_done(out, files)
    results = []
    for path in files:
        result = (
            DocResult(str(path), None, "skipped", skipped=True)
            if path in skip
            else process_document(path, max_pages=max_pages)
        )
        results.append(result)
        if on_result:
            on_result(result)
    write_results(out, results)
    return IngestSummary(results, time.perf_counter() - started)


def write_results(out: Path, results: list[DocResult]) -> None:
    """Write processed (not skipped) documents as one atomic batch."""
    from pipeline.store import write_batch

    done = [r for r in results if not r.skipped]
    if not done:
        return
    frames = batch_frames(done)
    doc_ids = {row["doc_id"] for r in done for row in r.rows.get("documents", [])}
    write_batch(out, frames, doc_ids, source_paths={r.source_path for r in done})
