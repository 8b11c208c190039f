"""Per-document processing (parse → nlp → extract → rows) and a plain-Python batch `ingest`.

`process_document` never raises for a bad input: it returns a `DocResult` whose `documents` row
says `failed`/`no_text` and whose `failures` row says at which stage and why. The Prefect flows
in `flows/` call the same functions; this module runs without Prefect.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import CallableModule
from pipeline.catalog import (  # noqa: F401  (re-exported: the ingest API)
    DocResult,
    IngestSummary,
    already_done,
    doc_id_of,
    expand_paths,
    page_count,
    plan_batch,
)
from pipeline.config import Settings, pipeline_version
from pipeline.model import DocStatus, ParsedDocument, ParseError
from pipeline.ranges import OPEN_END, page_ranges, shift
from pipeline.textguard import garbled_reason, sanitize_document, sanitize_rows

if TYPE_CHECKING:
    import pandas as pd

OBSERVATION_PAGES = 3  # the first pages after the title decide a document's territory


# One sentence with a figure, a date, a territory and a cluster: made into page rows it builds every
# grammar and loads every model a document's extraction needs (`prime_worker`).
PRIMER = (
    "В 2020 году экспорт Курской области составил 1,5 млрд долларов США, "
    "а в кластер «Фармацевтика» с 1 марта 2019 г. вошли 12 предприятий."
)


@cache
def prime_worker() -> None:
    """What a worker's first document would pay for, paid once: the parse and extraction modules
    imported, the models loaded and the grammars built (the primer made into page rows, as a
    document's pages are: no frames, so pandas and pandera stay out of the workers), then
    everything frozen out of the collector's reach (`pipeline.nlp.warm`). A failure here is said
    and shows up per document instead."""
    from pipeline.nlp import warm

    try:
        import pipeline.extract.observations  # noqa: F401
        import pipeline.parse.pdf  # noqa: F401
        from pipeline.extract import extract_page, page_rows

        page_rows(extract_page(PRIMER), doc_id="", page=1)
    except Exception as exc:  # noqa: BLE001 - a broken model shows up per document instead
        print(f"indikator worker: warm-up failed: {exc}", file=sys.stderr)
    warm()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def process_document(
    path: str | Path, *, max_pages: int | None = None, pages: tuple[int, int] | None = None
) -> DocResult:
    """Parse and extract one file; every failure becomes a `failures` row, never an exception.

    Pages past `max_pages` (default `Settings.max_pages`), pages with too many objects and the
    pages a damaged PDF no longer holds are not read: the document is `partial` and its
    `lost_pages` name them. A garbled text layer (language check) is read again through OCR, or, without
    Tesseract, makes the document `garbled`, without facts."""
    prepared = prepare(path, max_pages=max_pages, pages=pages)
    if isinstance(prepared, DocResult):
        return prepared
    return process_prepared(prepared)


def process_prepared(prepared: Prepared) -> DocResult:
    """The rest of `process_document` for a document `prepare` read (maybe in another process)."""
    return finish(prepared, [page_part(prepared.parsed.doc_id, prepared.parsed.pages)])


@dataclass
class Prepared:
    """A document read and checked, ready for extraction (which may run in page slices elsewhere)."""

    path: str
    parsed: ParsedDocument
    lost: dict[int, str]
    replaced: int
    seconds: float


@dataclass
class PagePart:
    """Rows of a slice of a document's pages (page, footnote and fact rows; cluster candidates)."""

    rows: dict[str, list[dict]]
    clusters: list = field(default_factory=list)  # (cluster, page) pairs
    marks: list = field(default_factory=list)  # periods.PageMarks of the extracted pages
    seconds: float = 0.0


def prepare(
    path: str | Path, *, max_pages: int | None = None, pages: tuple[int, int] | None = None
) -> Prepared | DocResult:
    """Read and check a document (`process_document` up to extraction): its `Prepared` state, or
    the finished `DocResult` of a document that failed or is garbled."""
    started = time.perf_counter()
    path = Path(path)
    stage, doc_id = "read", None
    try:
        doc_id = doc_id_of(path)
        stage = "parse"
        with tempfile.TemporaryDirectory(prefix="indikator-") as scratch:
            limit = max_pages or Settings().max_pages
            if pages:
                parsed, lost = read_range(path, pages, Path(scratch))
            else:
                parsed, lost = read_document(path, limit, Path(scratch))
        stage = "extract"
        replaced = sanitize_document(parsed)
        if not (garbled := garbled_reason([p.text for p in parsed.pages])):
            return Prepared(str(path), parsed, lost, replaced, time.perf_counter() - started)
        rows = noted_rows(_garbled_rows(parsed, garbled), replaced, lost)
    except ParseError as exc:
        rows = _failed_rows(path, doc_id, stage, exc.error_type, str(exc), exc.status)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        rows = _exception_rows(path, doc_id, stage, exc)
    return _result(path, doc_id, rows, time.perf_counter() - started)


def finish(prepared: Prepared, parts: list[PagePart]) -> DocResult:
    """The document's result from its page parts (in page order): the document-level steps."""
    started = time.perf_counter()
    parsed, path = prepared.parsed, Path(prepared.path)
    try:
        rows = noted_rows(document_rows(parsed, parts), prepared.replaced, prepared.lost)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        rows = _exception_rows(path, parsed.doc_id, "extract", exc)
    spent = prepared.seconds + sum(p.seconds for p in parts) + time.perf_counter() - started
    return _result(path, parsed.doc_id, rows, spent)


def _exception_rows(path: Path, doc_id: str | None, stage: str, exc: Exception) -> dict[str, list[dict]]:
    message = f"{exc}" or traceback.format_exc(limit=1)
    return _failed_rows(path, doc_id, stage, type(exc).__name__, message, DocStatus.FAILED)


def _result(path: Path, doc_id: str | None, rows: dict[str, list[dict]], seconds: float) -> DocResult:
    replaced = sanitize_rows(rows)
    for doc in rows["documents"]:
        doc["seconds"] = round(seconds, 3)
        doc["replaced_chars"] = (doc.get("replaced_chars") or 0) + replaced
    return DocResult(str(path), doc_id, rows["documents"][0]["status"], seconds, rows)


def read_document(path: Path, max_pages: int, scratch: Path) -> tuple[ParsedDocument, dict[int, str]]:
    """Parse within the limits, repairing a damaged PDF; (document, lost page → reason)."""
    from pipeline.parse import recover

    lost: dict[int, str] = {}
    n_pages = page_count(path)
    if n_pages is not None:
        lost |= dict.fromkeys(range(max_pages + 1, n_pages + 1), "page limit")
    try:
        parsed = parse_checked(path, max_pages)
    except ParseError as exc:
        if exc.error_type != "corrupt" or path.suffix.lower() != ".pdf":
            raise
        repaired = recover.repair(path, scratch / "repaired.pdf")
        parsed = parse_checked(repaired.path, max_pages)
        parsed.n_pages = repaired.n_pages
        lost |= dict.fromkeys(repaired.lost, "damaged")
        if repaired.open_end:
            lost[repaired.n_pages + 1] = OPEN_END
    lost |= dict.fromkeys(parsed.heavy_pages, f"more than {recover.MAX_PAGE_OBJECTS} objects")
    parsed.doc_id, parsed.source_path, parsed.file_name = doc_id_of(path), str(path), path.name
    return parsed, lost


def parse_checked(path: Path, max_pages: int) -> ParsedDocument:
    """`parse_path`, and a PDF whose text layer fails the language check read again through OCR
    when Tesseract is available (`checked_rows` marks it `garbled` if that text fails too)."""
    from pipeline.parse import ocr, parse_path

    parsed = parse_path(path, max_pages=max_pages)
    if garbled_reason([p.text for p in parsed.pages]) and ocr.ocr_problem() is None:
        return parse_path(path, max_pages=max_pages, ocr=True)  # a text file is read again as is
    return parsed


def read_range(path: Path, pages: tuple[int, int], scratch: Path) -> tuple[ParsedDocument, dict[int, str]]:
    """Pages `first`..`last` of a long PDF, numbered as in the whole document."""
    from pipeline.parse import recover

    first, last = pages
    part = recover.page_range(path, first, last, scratch / "range.pdf")
    parsed, lost = read_document(part, last - first + 1, scratch)
    shift(parsed, first)
    parsed.n_pages = page_count(path) or last
    parsed.doc_id, parsed.source_path, parsed.file_name = doc_id_of(path), str(path), path.name
    return parsed, {page + first - 1: why for page, why in lost.items()}


def noted_rows(rows: dict[str, list[dict]], replaced: int, lost: dict[int, str]) -> dict[str, list[dict]]:
    """The document row notes the replaced characters and the pages not read (then `partial`)."""
    doc = rows["documents"][0]
    doc["replaced_chars"] = replaced
    if lost:
        doc["lost_pages"] = page_ranges(lost)
        reasons = sorted(set(lost.values()))
        doc["error"] = f"pages {doc['lost_pages']} not read: {', '.join(reasons)}"
        if doc["status"] == DocStatus.OK:
            doc["status"] = str(DocStatus.PARTIAL)
    return rows


def _garbled_rows(parsed: ParsedDocument, reason: str) -> dict[str, list[dict]]:
    """A garbled document keeps its document and page rows (to inspect or OCR), no facts."""
    status = DocStatus.GARBLED
    failed = _failed_rows(Path(parsed.source_path), parsed.doc_id, "quality", "garbled_text", reason, status)
    document = _document_row(parsed) | {"status": str(status), "error": reason}
    pages = [_page_row(parsed.doc_id, p) for p in parsed.pages]
    return {"documents": [document], "pages": pages, "failures": failed["failures"]}


def failed_result(path: str | Path, stage: str, error_type: str, message: str, seconds: float) -> DocResult:
    """A failed `DocResult` produced outside the parser (timeouts, crashed workers)."""
    path = Path(path)
    try:
        doc_id: str | None = doc_id_of(path)
    except OSError:
        doc_id = None
    rows = _failed_rows(path, doc_id, stage, error_type, message, DocStatus.FAILED)
    rows["documents"][0]["seconds"] = round(seconds, 3)
    sanitize_rows(rows)
    return DocResult(str(path), doc_id, str(DocStatus.FAILED), seconds, rows)


def document_rows(parsed: ParsedDocument, parts: list[PagePart] | None = None) -> dict[str, list[dict]]:
    """Rows of every output table for a parsed document: its pages' rows (`parts`, in page order;
    default: all pages here, see `page_part`), then the document-level steps."""
    from pipeline.extract import cluster_row
    from pipeline.extract.captions import apply_table_periods
    from pipeline.extract.clusters import clusters_from_table, resolve_clusters
    from pipeline.extract.figure_context import apply_document_indicator, apply_document_territory
    from pipeline.extract.periods import link_neighbour_dates, year_earlier_periods
    from pipeline.extract.tables import table_rows
    from pipeline.schema import PER_DOCUMENT

    rows: dict[str, list[dict]] = {name: [] for name in PER_DOCUMENT}
    rows["documents"] = [_document_row(parsed)]
    cluster_records = []
    parts = parts if parts is not None else [page_part(parsed.doc_id, parsed.pages)]
    for part in parts:
        for table, part_rows in part.rows.items():
            rows[table] += part_rows
        cluster_records += part.clusters
    page_texts = {p.page: p.text for p in parsed.pages}
    link_neighbour_dates(rows["figures"], rows["dates"], page_texts)  # a sentence across a page break
    apply_table_periods(rows["figures"], page_texts)  # "(таблица N 3)": the caption's period
    _carry_sections([m for part in parts for m in part.marks], rows["figures"])
    year_earlier_periods(rows["figures"])  # "год назад к этому времени …": the period a year before
    texts = [parsed.title or "", *(p.text for p in parsed.pages)]
    apply_document_territory(rows["figures"], texts, page_texts)  # figures without a territory
    apply_document_indicator(rows["figures"], parsed.title)  # money figures without an indicator
    for table in parsed.tables:
        table_part = table_rows(parsed.doc_id, table)
        rows["tables"].append(table_part["table"])
        rows["table_cells"] += table_part["cells"]
        cluster_records += [(c, table.page_first) for c in clusters_from_table(table)]
    rows["clusters"] = [
        cluster_row(c, doc_id=parsed.doc_id, pages=pages)
        for c, pages in resolve_clusters(cluster_records, document_texts=texts)
    ]
    unique_ids(rows)
    rows["observations"] = _observations(rows, texts)
    return rows


def _carry_sections(marks: list, figures: list[dict]) -> None:
    """A period a section states once, carried over its pages in page order (`periods.PageMarks`)."""
    from pipeline.extract.periods import SectionPeriods

    by_page: dict[int, list[dict]] = {}
    for row in figures:
        by_page.setdefault(row["page"], []).append(row)
    sections = SectionPeriods()
    for page_marks in sorted(marks, key=lambda m: m.page):
        sections.carry(page_marks, by_page.get(page_marks.page, []))


def page_part(doc_id: str, pages: list, neighbours: tuple[str, str] = ("", "")) -> PagePart:
    """Page, footnote and fact rows of some pages (NLP and extraction give each page the same facts
    alone or batched, so a document may be extracted in slices on several workers with the same
    rows as in one piece, given the texts of the pages next to the slice: `neighbour_texts`)."""
    from pipeline.extract import extract_pages, page_rows
    from pipeline.extract.periods import page_marks

    started = time.perf_counter()
    part = PagePart({"pages": [], "footnotes": []})
    texts = [p.text for p in pages if p.text.strip()]
    facts_of_pages = extract_pages(texts, *neighbours)  # NER batched over pages
    for page in pages:
        part.rows["pages"].append(_page_row(doc_id, page))
        part.rows["footnotes"] += [
            {"doc_id": doc_id, "page": f.page, "marker": f.marker, "text": f.text} for f in page.footnotes
        ]
        if not page.text.strip():
            continue
        facts = next(facts_of_pages)
        rows = page_rows(facts, doc_id=doc_id, page=page.page)
        part.marks.append(page_marks(page.page, facts, rows))
        for table, table_facts in rows.items():
            if table != "clusters":
                part.rows.setdefault(table, []).extend(table_facts)
        part.clusters += [(c, page.page) for c in facts.clusters]
    part.seconds = time.perf_counter() - started
    return part


def neighbour_texts(pages: list, start: int, stop: int | None) -> tuple[str, str]:
    """The texts of the pages with text next to `pages[start:stop]` ("" at the document's ends): a
    sentence a page break cuts is read whole on both sides of a slice's edge."""
    texts = [p.text for p in pages]
    before = next((t for t in reversed(texts[:start]) if t.strip()), "")
    after = next((t for t in texts[stop:] if t.strip()), "") if stop is not None else ""
    return before, after


def _observations(rows: dict[str, list[dict]], texts: list[str]) -> list[dict]:
    """The analyst's table: one row per figure or numeric table cell that names a catalog indicator."""
    from pipeline.extract.observations import observation_rows
    from pipeline.extract.territories import document_territory

    default = document_territory(texts[: 1 + OBSERVATION_PAGES])
    return observation_rows(rows["figures"], rows["table_cells"], rows["tables"], default)


def unique_ids(rows: dict[str, list[dict]]) -> None:
    """Give table cells their id and make every id unique within the document, in a stable way.

    A repeated id (the same quote twice where the extractor saw one occurrence, a merged cell
    read twice) gets `~2`, `~3`… in row order, which is the same on every run of the same input."""
    from pipeline.schema import ID_COLUMN, cell_id

    for cell in rows.get("table_cells", []):
        cell["cell_id"] = cell_id(cell["table_id"], cell["row"], cell["col"])
    for table, column in ID_COLUMN.items():
        seen: dict[str, int] = {}
        for row in rows.get(table, []):
            key = row[column]
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                row[column] = f"{key}~{seen[key]}"


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


def ingest(
    paths: Iterable[str | Path],
    out: str | Path = "extracted",
    *,
    force: bool = False,
    max_pages: int | None = None,
    on_result: Callable[[DocResult], None] | None = None,
) -> IngestSummary:
    """Ingest files/folders serially without Prefect; each document is committed as it finishes."""
    from pipeline.generations import recover_at_start

    started = time.perf_counter()
    out = Path(out)
    recover_at_start(out)
    plan = plan_batch(paths, out, force=force)
    results = list(plan.skipped)
    for path in plan.pending:
        result = process_document(path, max_pages=max_pages)
        commit_results(out, [result], plan.aliases)
        results.append(result)
        if on_result:
            on_result(result)
    return IngestSummary(results, time.perf_counter() - started)


Aliases = Mapping[str, list[str]]  # a processed file → the other files with the same content


def write_results(out: Path, results: list[DocResult], aliases: Aliases | None = None) -> None:
    """Commit processed (not skipped) documents together (see `commit_results`)."""
    commit_results(out, results, aliases)


def commit_results(out: Path, results: list[DocResult], aliases: Aliases | None = None) -> None:
    """Commit finished documents to the store, durably, as one unit.

    The steps of publishing: the other files with the same content are named in `source_paths`;
    every document's rows are checked on their own (a document whose rows cannot be stored becomes
    a `failures` row); stored review decisions are applied to the new rows; then the store writes."""
    done = [r for r in results if not r.skipped]
    if not done:
        return
    for r in done:
        _name_sources(r, (aliases or {}).get(r.source_path, []))
    sources = {p for r in done for row in r.rows["documents"] for p in json.loads(row["source_paths"])}
    done, frames = checked_batch(done)
    doc_ids = {row["doc_id"] for r in done for row in r.rows.get("documents", [])}
    publish_batch(out, frames, doc_ids, sources, conformed=True)


def checked_batch(results: list[DocResult]) -> tuple[list[DocResult], dict[str, pd.DataFrame]]:
    """The results and their rows as conformed frames, one frame per table. The whole batch is
    checked at once (one validation per table); only when that fails is every document checked on
    its own (`admitted`), so that the documents whose rows fit are still stored."""
    import pandas as pd

    names = dict.fromkeys(name for r in results for name in r.rows)
    rows = {name: [row for r in results for row in r.rows.get(name, [])] for name in names}
    try:
        return results, _checked(rows)
    except Exception:  # noqa: BLE001 - find the documents whose rows cannot be stored
        checked = [admitted(r) for r in results]
    names = dict.fromkeys(name for _, frames in checked for name in frames)
    parts = {name: [f[name] for _, f in checked if name in f] for name in names}
    return [r for r, _ in checked], {name: pd.concat(p, ignore_index=True) for name, p in parts.items()}


def publish_batch(
    out: Path,
    frames: Mapping[str, pd.DataFrame],
    doc_ids: Iterable[str],
    source_paths: Iterable[str] = (),
    *,
    conformed: bool = False,
) -> None:
    """Publish a batch of rows: apply the stored review decisions to them, have the store commit
    them (`store.write_batch`), refresh the `reviewed/` export; all under the writer lock.

    `conformed`: the frames already passed `schema.conform`."""
    from pipeline.review.decisions import apply_stored_reviews, export_if_reviewed
    from pipeline.schema import conform
    from pipeline.store import locked, write_batch

    if not conformed:
        frames = {name: conform(name, df) for name, df in frames.items()}
    with locked(out):
        frames = apply_stored_reviews(Path(out), frames)
        write_batch(out, frames, doc_ids, source_paths=source_paths, conformed=True)
        export_if_reviewed(Path(out))


def _name_sources(result: DocResult, others: list[str]) -> None:
    for row in result.rows.get("documents", []):
        row["source_paths"] = json.dumps([row["source_path"], *others], ensure_ascii=False)


def admitted(result: DocResult) -> tuple[DocResult, dict[str, pd.DataFrame]]:
    """The result and its rows as table frames when every row fits its table's contract and
    encodes as UTF-8; else a failed result (stage "write") that says why and its frames, so that
    one document cannot stop the commit."""
    try:
        return result, _frames(result)
    except Exception as exc:  # noqa: BLE001 - any reason a row cannot be stored
        message = f"rows cannot be stored: {type(exc).__name__}: {str(exc)[:300]}"
        failed = failed_result(result.source_path, "write", type(exc).__name__, message, result.seconds)
        failed.worker = result.worker
        return failed, _frames(failed)


def _frames(result: DocResult) -> dict[str, pd.DataFrame]:
    """The result's rows as conformed frames; raises when any of them could not be stored."""
    return _checked(result.rows)


def _checked(rows: Mapping[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """Rows by table as conformed frames; raises when any of them could not be stored (also text
    that is no UTF-8, a lone surrogate: Arrow, which Parquet and CSV are written from, refuses it)."""
    import pyarrow as pa

    from pipeline.schema import conform

    frames = {name: conform(name, table_rows) for name, table_rows in rows.items()}
    for frame in frames.values():
        pa.Table.from_pandas(frame, preserve_index=False)  # what Parquet and CSV are written from
    return frames


# `pipeline.ingest([...], out=...)` (the README's API) calls `ingest` even though importing this
# module binds `pipeline.ingest` to the module (see `pipeline.CallableModule`).
sys.modules[__name__].__class__ = CallableModule
