"""Review decisions: record them (instantly, in the journal), publish them (on demand), export them.

`record_decision` appends one durable journal entry (`pipeline.review.journal`) and returns: a
few milliseconds, no table is rewritten. `publish` re-applies the decisions in force to the
published tables (`review_status`, corrections), writes the `reviews` table and the
`reviewed/` export (CSV + Excel) under the store's lock; the app runs it in the background and
when it stops, `indikator review --export` on demand, and ingest applies decisions to every batch
through `apply_stored_reviews`. Per row, accept/reject set the status and corrections accumulate
per field (the latest value wins); a correction keeps the old value in `old_value`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from pipeline.review import journal
from pipeline.review.attach import apply_reviews, attach
from pipeline.review.export import export_tables
from pipeline.review.tables import (
    COMPOSITE,
    DECISIONS,
    REVIEWABLE,
    STATUS_COLUMN,
    coerce,
    context_of,
    correctable_fields,
    expand_correction,
    plain,
    quote_of,
    reviewable,
    row_id_of,
    row_ids,
    text_of,
)
from pipeline.schema import COLUMNS, conform
from pipeline.store import locked, read_table, write_tables

__all__ = [
    "REVIEWABLE",
    "STATUS_COLUMN",
    "apply_reviews",
    "apply_stored_reviews",
    "attach",
    "attached_in",
    "export_reviewed",
    "orphaned",
    "orphaned_in",
    "publish",
    "record_decision",
    "record_decisions",
    "undo_last",
]


def new_review(table: str, row: Mapping, decision: str, **given) -> dict:
    """One journal entry for a decision on `row` (a published row of `table`); validates it.
    `given`: field, new_value, reviewer, note, at, file_name."""
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    field = given.get("field") if decision == "correct" else None
    if decision == "correct":
        _check_correction(table, pd.DataFrame([dict(row)]), field, given.get("new_value"))
    return {
        "table": table,
        "row_id": row_id_of(table, dict(row)),
        "decision": decision,
        "field": field,
        "new_value": text_of(given.get("new_value")) if field else None,
        "reviewer": given.get("reviewer") or None,
        "at": given.get("at") or datetime.now(UTC).isoformat(timespec="microseconds"),
        "note": given.get("note") or None,
        "doc_id": plain(row.get("doc_id")),
        "page": plain(row.get("page")),
        "quote": quote_of(table, dict(row)),
        "char_start": plain(row.get("char_start")),
        "old_value": _old_value(table, row, field) if field else None,
        "sentence": context_of(table, dict(row)),
        "file_name": given.get("file_name"),
    }


def record_decision(
    out: Path | str, table: str, row_id: str, decision: str, *, doc_id: str | None = None, **given
) -> dict:
    """Append one decision to the journal (durable on return); `given`: field, new_value, reviewer,
    note, and `row` (the row itself, to skip looking it up). Returns the entry with its `seq`."""
    return record_decisions(out, table, [(row_id, doc_id, decision, given)])[0]


def record_decisions(out: Path | str, table: str, items: Iterable[tuple]) -> list[dict]:
    """Append several decisions `(row_id, doc_id, decision, given)` in one transaction (bulk)."""
    entries = []
    for row_id, doc_id, decision, given in items:
        given = dict(given)
        row = given.pop("row", None) or _lookup(out, table, row_id, doc_id)
        name = _file_names(out).get(plain(row.get("doc_id")))
        entries.append(new_review(table, row, decision, file_name=name, **given))
    for entry, seq in zip(entries, journal.append(out, entries), strict=True):
        entry["seq"] = seq
    return entries


def undo_last(out: Path | str, reviewer: str | None = None) -> dict | None:
    """Cancel the latest decision in force (of `reviewer`, when given); returns it, or None."""
    last = journal.last_undoable(out, reviewer)
    if last is None:
        return None
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    undo = {k: last.get(k) for k in ("table", "row_id", "doc_id", "page", "quote")}
    journal.append(
        out, [undo | {"decision": journal.UNDO, "undoes": last["seq"], "reviewer": reviewer, "at": at}]
    )
    return last


def find_row(table: str, frame: pd.DataFrame, row_id: str, doc_id: str | None = None) -> dict:
    """The row of `table` with this id (and document); KeyError when there is none."""
    hit = row_ids(table, frame) == row_id
    if doc_id is not None and "doc_id" in frame:
        hit &= frame["doc_id"] == doc_id
    rows = frame[hit.fillna(False)]
    if rows.empty:
        raise KeyError(f"no {table} row with id {row_id!r}")
    return rows.iloc[0].to_dict()


def publish(out: Path | str) -> list[Path]:
    """Apply the decisions in force to the published tables, write `reviews` and `reviewed/` (locked)."""
    out = Path(out)
    with locked(out):
        frames = published_tables(out)
        docs = read_table(out, "documents")
        applied = _apply_journal(out, frames | {"documents": docs})
        changed = {t: applied[t] for t in frames if not frames[t].empty}
        write_tables(out, changed | {"reviews": applied["reviews"]})
        return export_tables(out, {t: applied[t] for t in frames})


def export_reviewed(out: Path | str) -> list[Path]:
    """`publish`: the reviewed/ export (accepted and corrected rows) from the decisions in force."""
    return publish(out)


def apply_stored_reviews(out: Path | str, frames: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables of a batch about to be written, with the decisions in force applied and the
    `reviews` table added (ingest calls this before writing)."""
    return _apply_journal(Path(out), dict(frames))


def export_if_reviewed(out: Path) -> list[Path]:
    """Refresh the export when there are decisions (caller holds the lock)."""
    if journal.effective(out).empty:
        return []
    return export_tables(out, published_tables(out))


def reviews_table(live: pd.DataFrame) -> pd.DataFrame:
    """The published `reviews` table of the decisions in force."""
    return conform("reviews", live.drop(columns=["undoes"], errors="ignore"))


def orphaned(frames: Mapping[str, pd.DataFrame], reviews: pd.DataFrame) -> pd.DataFrame:
    """Decisions on tables in `frames` whose row is no longer there (by id nor by quote)."""
    attached = attach(frames, reviews)
    return attached[attached["orphaned"]].drop(columns=["target", "matched_by"]).reset_index(drop=True)


def orphaned_in(out: Path | str) -> pd.DataFrame:
    """Orphaned decisions of an output directory (decisions in force only)."""
    frames = published_tables(Path(out)) | {"documents": read_table(out, "documents")}
    return orphaned(frames, journal.effective(out))


def attached_in(out: Path | str) -> pd.DataFrame:
    """Decisions in force with where they attach now: `matched_by` (id | quote | sentence | moved,
    null when orphaned) and the `now_quote`/`now_page` of the row they attach to."""
    frames = published_tables(Path(out)) | {"documents": read_table(out, "documents")}
    found = attach(frames, journal.effective(out))
    now_quote, now_page = [], []
    for r in found.to_dict("records"):
        row = frames[r["table"]].iloc[int(r["target"])].to_dict() if pd.notna(r["target"]) else {}
        now_quote.append(quote_of(r["table"], row) if row else None)
        now_page.append(plain(row.get("page")) if row else None)
    return found.assign(now_quote=now_quote, now_page=now_page)


def published_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: read_table(out, t) for t in REVIEWABLE if t in COLUMNS}


def cached(out: Path | str, table: str) -> pd.DataFrame:
    """A published table, read again only when a file of the output directory changed."""
    return _cached(str(Path(out).resolve()), table, stamp(out))


def stamp(out: Path | str) -> int:
    """Latest modification time of the output directory's tables (not the journal's)."""
    with os.scandir(out) as it:
        times = [e.stat().st_mtime_ns for e in it if not e.name.startswith(journal.JOURNAL_FILE)]
    return max(times, default=0)


def _lookup(out: Path | str, table: str, row_id: str, doc_id: str | None) -> dict:
    """The published row with this id (and document), by an index kept with the cached table."""
    frame = cached(out, table)
    for pos in _positions(str(Path(out).resolve()), table, stamp(out)).get(row_id, ()):
        if doc_id is None or "doc_id" not in frame or frame["doc_id"].iat[pos] == doc_id:
            return frame.iloc[pos].to_dict()
    raise KeyError(f"no {table} row with id {row_id!r}")


@lru_cache(maxsize=16)
def _positions(out: str, table: str, stamp: int) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for pos, rid in enumerate(row_ids(table, _cached(out, table, stamp))):
        index.setdefault(rid, []).append(pos)
    return index


@lru_cache(maxsize=16)
def _cached(out: str, table: str, stamp: int) -> pd.DataFrame:
    return read_table(out, table)


def _file_names(out: Path | str) -> dict[str, str]:
    docs = cached(out, "documents")
    return dict(zip(docs["doc_id"], docs["file_name"], strict=True))


def _apply_journal(out: Path, frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    entries = journal.entries(out)
    live = journal.in_force(entries)
    cancelled = set(entries.loc[entries["decision"] == journal.UNDO, "undoes"].dropna().astype(int))
    undone = entries[entries["seq"].isin(cancelled)]
    return apply_reviews(frames, live, undone) | {"reviews": reviews_table(live)}


def _old_value(table: str, row: Mapping, field: str) -> str | None:
    columns = COMPOSITE.get(table, {}).get(field, (field,))
    if len(columns) == 1:
        return text_of(row.get(columns[0]))
    return " / ".join(text_of(row.get(c)) or "" for c in columns)


def _check_correction(table: str, one: pd.DataFrame, field: str | None, value: object) -> None:
    if not reviewable(table, one) or field not in correctable_fields(table, one):
        raise ValueError(f"cannot correct field {field!r} of {table}")
    try:
        fixed = conform(table, one) if table in COLUMNS else one.copy()
        for column, new in expand_correction(table, field, value).items():
            dtype = fixed[column].dtype if column in fixed else "string"
            fixed[column] = fixed[column].astype(object) if column in fixed else None
            fixed.loc[0, column] = coerce(new, dtype)
        if table in COLUMNS:
            conform(table, fixed)
    except Exception as exc:  # noqa: BLE001 (schema, type and value errors alike)
        raise ValueError(f"invalid value {value!r} for {table}.{field}: {exc}") from None
