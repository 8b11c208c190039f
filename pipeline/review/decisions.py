"""Review decisions: record them, re-attach them to (re-ingested) rows, publish and export.

Reviews are append-only; the table order is the order of decisions. A decision names its row by
the row's content-derived id and keeps `doc_id`, `page` and `quote` so that it re-attaches by
those when a better pipeline changed the id. A decision whose row is gone is *orphaned*: it is
listed by `orphaned`, never dropped. Per row, accept/reject set the status and corrections
accumulate per field (the latest value wins); a correction keeps the old value in `old_value`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipeline.schema import COLUMNS, ID_COLUMN, conform
from pipeline.store import atomic_write, locked, read_table, write_tables

REVIEWABLE = ("figures", "dates", "clusters", "mentions", "table_cells")
STATUSES = ("unreviewed", "accepted", "rejected", "corrected")
DECISIONS = ("accept", "reject", "correct")
STATUS_COLUMN = "review_status"
REVIEWED_DIR = "reviewed"
EXCEL_FILE = "reviewed.xlsx"
# The text a decision keeps for the fallback match, per table.
QUOTE_COLUMN = {
    "figures": "quote",
    "dates": "quote",
    "mentions": "text",
    "clusters": "name",
    "table_cells": "text",
}
_FIXED = {
    "doc_id",
    "page",
    "char_start",
    "char_end",
    "quote",
    "sentence",
    "table_id",
    "row",
    "col",
    STATUS_COLUMN,
}

Key = tuple[str, str, str | None]  # table, row_id, doc_id


def row_ids(table: str, frame: pd.DataFrame) -> pd.Series:
    """The row id of every row (`table_cells` rows: `table_id:row:col`)."""
    if table == "table_cells":
        return frame["table_id"].astype(str) + ":" + frame["row"].astype(str) + ":" + frame["col"].astype(str)
    return frame[ID_COLUMN[table]].astype(str)


def correctable_fields(table: str) -> list[str]:
    """Columns a reviewer may correct (not ids, provenance or the status)."""
    return [c for c in COLUMNS[table] if c not in _FIXED and c != ID_COLUMN.get(table)]


def new_review(
    table: str,
    row: Mapping,
    decision: str,
    *,
    field: str | None = None,
    new_value: object = None,
    reviewer: str | None = None,
    note: str | None = None,
    at: str | None = None,
) -> dict:
    """One `reviews` row for a decision on `row` (a published row of `table`); validates it."""
    if table not in REVIEWABLE:
        raise ValueError(f"table {table!r} is not reviewable; use one of {', '.join(REVIEWABLE)}")
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if decision == "correct" and field not in correctable_fields(table):
        raise ValueError(f"cannot correct field {field!r} of {table}")
    one = pd.DataFrame([dict(row)])
    review = {
        "table": table,
        "row_id": str(row_ids(table, one).iloc[0]),
        "decision": decision,
        "field": field if decision == "correct" else None,
        "new_value": _text(new_value) if decision == "correct" else None,
        "reviewer": reviewer or None,
        "at": at or datetime.now(UTC).isoformat(timespec="microseconds"),
        "note": note or None,
        "doc_id": _plain(row.get("doc_id")),
        "page": _plain(row.get("page")),
        "quote": _plain(row.get(QUOTE_COLUMN[table])),
        "char_start": _plain(row.get("char_start")),
        "old_value": _text(row.get(field)) if decision == "correct" else None,
    }
    if decision == "correct":
        _check_correction(table, one, field, review["new_value"])
    return review


def record_decision(
    out: Path | str,
    table: str,
    row_id: str,
    decision: str,
    *,
    doc_id: str | None = None,
    field: str | None = None,
    new_value: object = None,
    reviewer: str | None = None,
    note: str | None = None,
) -> dict:
    """Append a decision to `reviews` and republish the table and the `reviewed/` export (locked)."""
    out = Path(out)
    with locked(out):
        frame = read_table(out, table)
        row = find_row(table, frame, row_id, doc_id)
        review = new_review(
            table, row, decision, field=field, new_value=new_value, reviewer=reviewer, note=note
        )
        reviews = conform("reviews", pd.concat([read_table(out, "reviews"), conform("reviews", [review])]))
        published = apply_reviews({table: frame}, reviews)
        write_tables(out, {"reviews": reviews, table: published[table]})
        _export(out, _published_tables(out) | published)
    return review


def find_row(table: str, frame: pd.DataFrame, row_id: str, doc_id: str | None = None) -> dict:
    """The row of `table` with this id (and document); KeyError when there is none."""
    hit = row_ids(table, frame) == row_id
    if doc_id is not None and "doc_id" in frame:
        hit &= frame["doc_id"] == doc_id
    rows = frame[hit.fillna(False)]
    if rows.empty:
        raise KeyError(f"no {table} row with id {row_id!r}")
    return rows.iloc[0].to_dict()


def attach(frames: Mapping[str, pd.DataFrame], reviews: pd.DataFrame) -> pd.DataFrame:
    """Reviews with `target` (position of their row in its frame, or null) and `matched_by`."""
    reviews = conform("reviews", reviews).copy()
    targets: dict[Key, tuple[int | None, str | None]] = {}
    for table in reviews["table"].unique():
        if table in frames and table in REVIEWABLE:
            targets |= _resolve(
                table, frames[table].reset_index(drop=True), reviews[reviews["table"] == table]
            )
    found = [targets.get(_key(r), (None, None)) for r in reviews.to_dict("records")]
    reviews["target"] = pd.array([t for t, _ in found], dtype="Int64")
    reviews["matched_by"] = pd.array([m for _, m in found], dtype="string")
    known = reviews["table"].isin([t for t in frames if t in REVIEWABLE])
    reviews["orphaned"] = known & reviews["target"].isna()
    return reviews


def apply_reviews(frames: Mapping[str, pd.DataFrame], reviews: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Frames with `review_status` on reviewable tables and corrections applied to their rows."""
    attached = attach(frames, reviews)
    result = dict(frames)
    for table, frame in frames.items():
        if table in REVIEWABLE:
            result[table] = _apply_table(table, frame, attached[attached["table"] == table])
    return result


def orphaned(frames: Mapping[str, pd.DataFrame], reviews: pd.DataFrame) -> pd.DataFrame:
    """Decisions on tables in `frames` whose row is no longer there (by id nor by quote)."""
    attached = attach(frames, reviews)
    return attached[attached["orphaned"]].drop(columns=["target", "matched_by"]).reset_index(drop=True)


def orphaned_in(out: Path | str) -> pd.DataFrame:
    """Orphaned decisions of an output directory."""
    return orphaned(_published_tables(Path(out)), read_table(out, "reviews"))


def apply_stored_reviews(out: Path, frames: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`apply_reviews` with the batch's or the stored `reviews` (store.write_batch hook)."""
    reviews = frames["reviews"] if "reviews" in frames else read_table(out, "reviews")
    return apply_reviews(frames, reviews)


def export_reviewed(out: Path | str) -> list[Path]:
    """Write `reviewed/<table>.csv` and `reviewed/reviewed.xlsx`: accepted and corrected rows only."""
    out = Path(out)
    with locked(out):
        return _export(out, _published_tables(out))


def export_if_reviewed(out: Path) -> list[Path]:
    """Refresh the export when there are decisions (store.write_batch hook; caller holds the lock)."""
    if read_table(out, "reviews").empty:
        return []
    return _export(out, _published_tables(out))


def _resolve(
    table: str, frame: pd.DataFrame, reviews: pd.DataFrame
) -> dict[Key, tuple[int | None, str | None]]:
    ids = row_ids(table, frame)
    by_id: dict[str, list[int]] = {}
    for pos, rid in enumerate(ids):
        by_id.setdefault(rid, []).append(pos)
    keys = list(dict.fromkeys(_key(r) for r in reviews.to_dict("records")))
    first = {_key(r): r for r in reversed(reviews.to_dict("records"))}
    found: dict[Key, tuple[int | None, str | None]] = {}
    for key in keys:
        pos = _by_id(frame, by_id.get(key[1], []), key[2])
        found[key] = (pos, "id") if pos is not None else (None, None)
    claimed = {pos for pos, _ in found.values() if pos is not None}
    for key in keys:
        if found[key][0] is None:
            pos = _by_quote(table, frame, first[key], claimed)
            if pos is not None:
                claimed.add(pos)
                found[key] = (pos, "fallback")
    return found


def _by_id(frame: pd.DataFrame, positions: list[int], doc_id: str | None) -> int | None:
    for pos in positions:
        if doc_id is None or "doc_id" not in frame or frame["doc_id"].iloc[pos] == doc_id:
            return pos
    return None


def _by_quote(table: str, frame: pd.DataFrame, review: Mapping, claimed: set[int]) -> int | None:
    """Fallback: the unclaimed row with the same doc_id, page and quote (nearest char_start)."""
    doc_id, quote = _plain(review.get("doc_id")), _plain(review.get("quote"))
    if doc_id is None or quote is None or frame.empty:
        return None
    hit = (frame["doc_id"] == doc_id) & (
        frame[QUOTE_COLUMN[table]].map(_norm, na_action="ignore") == _norm(quote)
    )
    page = _plain(review.get("page"))
    if page is not None and "page" in frame:
        hit &= frame["page"] == page
    candidates = [pos for pos in frame.index[hit.fillna(False).to_numpy(dtype=bool)] if pos not in claimed]
    if not candidates:
        return None
    start = _plain(review.get("char_start"))
    if start is None or "char_start" not in frame:
        return int(candidates[0])
    return int(min(candidates, key=lambda pos: abs(int(frame["char_start"].iloc[pos]) - int(start))))


def _apply_table(table: str, frame: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True).copy()
    status = ["unreviewed"] * len(frame)
    corrections: dict[int, dict[str, str | None]] = {}
    for r in reviews[reviews["target"].notna()].to_dict("records"):
        pos, fixes = int(r["target"]), corrections.setdefault(int(r["target"]), {})
        if r["decision"] == "correct" and r["field"] in frame:
            fixes[r["field"]] = _plain(r["new_value"])
        status[pos] = _next_status(r["decision"], bool(fixes))
    for pos, fixes in corrections.items():
        for column, value in fixes.items():
            frame.loc[pos, column] = coerce(value, frame[column].dtype)
        if table == "figures" and {"value", "unit_mult"} & set(fixes) and "value_scaled" not in fixes:
            frame.loc[pos, "value_scaled"] = _scaled(frame.loc[pos, "value"], frame.loc[pos, "unit_mult"])
    frame[STATUS_COLUMN] = pd.array(status, dtype="string")
    return frame


def _next_status(decision: str, corrected: bool) -> str:
    if decision == "reject":
        return "rejected"
    return "corrected" if corrected else "accepted"


def coerce(value: object, dtype) -> object:
    """A reviewer's text as a value of the column's dtype ('' is null; ',' decimal accepted)."""
    text = _text(value)
    if text is None or not text.strip():
        return pd.NA
    kind = str(dtype)
    if kind in ("Float64", "float64"):
        return float(_number(text))
    if kind in ("Int64", "int64"):
        number = float(_number(text))
        if not number.is_integer():
            raise ValueError(f"{text!r} is not a whole number")
        return int(number)
    if kind in ("boolean", "bool"):
        return text.strip().lower() in ("true", "1", "yes", "да")
    return text


def _check_correction(table: str, one: pd.DataFrame, field: str, new_value: str | None) -> None:
    try:
        fixed = conform(table, one)
        fixed.loc[0, field] = coerce(new_value, fixed[field].dtype)
        conform(table, fixed)
    except Exception as exc:  # noqa: BLE001 (schema, type and value errors alike)
        raise ValueError(f"invalid value {new_value!r} for {table}.{field}: {exc}") from None


def _export(out: Path, frames: Mapping[str, pd.DataFrame]) -> list[Path]:
    folder = out / REVIEWED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    kept = {t: _kept(frames[t]) for t in REVIEWABLE if t in frames}
    paths = []
    for table, df in kept.items():
        path = folder / f"{table}.csv"
        atomic_write(path, lambda p, df=df: df.to_csv(p, index=False))
        paths.append(path)
    excel = folder / EXCEL_FILE
    atomic_write(excel, lambda p: _write_excel(p, kept))
    return [*paths, excel]


def _kept(frame: pd.DataFrame) -> pd.DataFrame:
    if STATUS_COLUMN not in frame:
        return frame.iloc[0:0]
    return frame[frame[STATUS_COLUMN].isin(["accepted", "corrected"])].reset_index(drop=True)


def _write_excel(path: str, frames: Mapping[str, pd.DataFrame]) -> None:
    """One sheet per table; text cells stay text (no formulas from '=' values), no control chars."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    for table, df in frames.items():
        sheet = book.create_sheet(table)
        sheet.append(list(df.columns))
        for values in df.itertuples(index=False):
            sheet.append([_cell(v, ILLEGAL_CHARACTERS_RE) for v in values])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(path)


def _cell(value: object, illegal) -> object:
    value = _plain(value)
    return illegal.sub("", value) if isinstance(value, str) else value


def _published_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: read_table(out, t) for t in REVIEWABLE}


def _key(review: Mapping) -> Key:
    return (review["table"], str(review["row_id"]), _plain(review.get("doc_id")))


def _plain(value: object) -> object:
    """A Python scalar, with every kind of missing value as None."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _text(value: object) -> str | None:
    value = _plain(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def _number(text: str) -> str:
    return text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")


def _norm(text: object) -> str:
    return " ".join(str(text).split())


def _scaled(value: object, mult: object) -> object:
    if _plain(value) is None or _plain(mult) is None:
        return pd.NA
    return float(value) * 10 ** int(mult)
