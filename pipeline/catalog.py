"""What needs work, decided cheaply: files in the inbox, their content ids, what was ingested.

No pandas, no PDF library: the CLI and the flows call this before anything heavy is imported,
so a re-run over an unchanged inbox costs a hash per file and one small CSV read.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import pipeline_version

SUPPORTED_SUFFIXES = {".pdf", ".txt"}


def doc_id_of(path: str | Path) -> str:
    """First 16 hex digits of the sha256 of the file bytes."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given plus the PDF/TXT files inside given folders, sorted, without duplicates.

    Paths are made absolute here, in the caller's process: worker processes run elsewhere."""
    found: list[Path] = []
    for p in (Path(p).absolute() for p in paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def page_count(path: Path) -> int | None:
    """Pages of a PDF by pdfium's quick count (None for other or unreadable files)."""
    if path.suffix.lower() != ".pdf":
        return None
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - unreadable PDFs are reported by the parser
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def largest_first(paths: list[Path]) -> list[Path]:
    """Longest documents first, so parallel workers do not wait on one long report at the end."""
    if len(paths) < 2:
        return list(paths)
    return sorted(paths, key=lambda p: -(page_count(p) or _size(p) // 50_000))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def ingested_ids(out: Path, version: str) -> set[str]:
    """Doc ids that `out` holds as ingested by `version` (from documents.csv, written with the parquet)."""
    table = Path(out) / "documents.csv"
    if not table.exists():
        return set()
    with table.open(newline="", encoding="utf-8") as fh:
        return {row["doc_id"] for row in csv.DictReader(fh) if row.get("pipeline_version") == version}


def already_done(out: Path, paths: list[Path]) -> set[Path]:
    """Files whose content hash was already ingested by this pipeline version (skipped on re-runs)."""
    done_ids = ingested_ids(out, pipeline_version())
    if not done_ids:
        return set()
    return {p for p, doc_id in content_ids(paths).items() if doc_id in done_ids}


def content_ids(paths: Iterable[Path]) -> dict[Path, str | None]:
    """The doc id (content hash) of each file; None for a file that cannot be read."""
    ids: dict[Path, str | None] = {}
    for p in paths:
        try:
            ids[p] = doc_id_of(p)
        except OSError:
            ids[p] = None
    return ids


@dataclass
class Plan:
    """Which files a run processes: `pending` (longest first), `skipped` (already ingested or a
    duplicate of a pending file), `aliases` (pending path → the other paths with its content)."""

    files: list[Path]
    pending: list[Path]
    skipped: list[DocResult]
    aliases: dict[str, list[str]] = field(default_factory=dict)


def plan_batch(paths: Iterable[str | Path], out: str | Path, *, force: bool = False) -> Plan:
    """Plan a run without parsing: one file per content hash, none already ingested (unless `force`)."""
    files = expand_paths(paths)
    ids = content_ids(files)
    done_ids = set() if force else ingested_ids(Path(out), pipeline_version())
    pending, skipped, first, aliases = [], [], {}, {}
    for p in files:
        doc_id = ids[p]
        if doc_id in done_ids:
            skipped.append(DocResult(str(p), doc_id, "skipped", skipped=True, note="already ingested"))
        elif doc_id in first:
            note = f"same content as {first[doc_id]}"
            skipped.append(DocResult(str(p), doc_id, "skipped", skipped=True, note=note))
            aliases.setdefault(str(first[doc_id]), []).append(str(p))
        else:
            if doc_id is not None:
                first[doc_id] = p
            pending.append(p)
    return Plan(files, largest_first(pending), skipped, aliases)


@dataclass
class DocResult:
    """All rows one document contributes to the output tables."""

    source_path: str
    doc_id: str | None
    status: str
    seconds: float = 0.0
    rows: dict[str, list[dict]] = field(default_factory=dict)
    skipped: bool = False
    note: str = ""  # why it was skipped (already ingested, same content as another file)
    worker: dict = field(default_factory=dict)  # pid, rss_mb, model_loads when run in a worker process

    @property
    def failure(self) -> dict | None:
        return (self.rows.get("failures") or [None])[0]

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


@dataclass
class IngestSummary:
    results: list[DocResult]
    seconds: float

    def totals(self) -> dict[str, int | float]:
        done = [r for r in self.results if not r.skipped]
        return {
            "documents": len(done),
            "skipped": len(self.results) - len(done),
            "ok": sum(r.status == "ok" for r in done),
            "partial": sum(r.status == "partial" for r in done),
            "pages": sum(r.count("pages") for r in done),
            "tables": sum(r.count("tables") for r in done),
            "figures": sum(r.count("figures") for r in done),
            "dates": sum(r.count("dates") for r in done),
            "clusters": sum(r.count("clusters") for r in done),
            "mentions": sum(r.count("mentions") for r in done),
            "failures": sum(r.failure is not None for r in done),
            "seconds": round(self.seconds, 2),
        }
