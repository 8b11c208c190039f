"""What makes a table reviewable, generically: an id per row, a text to re-find it, correctable fields.

Any table with an id column is reviewable (`<name>_id` first, as `observations` has), plus
`table_cells` (id `table_id:row:col`). Links say which rows inherit a decision from another
table's row (an observation from its figure or its table cell).
"""

from __future__ import annotations

import math

import pandas as pd

from pipeline.schema import COLUMNS, ID_COLUMN

STATUS_COLUMN = "review_status"
STATUSES = ("unreviewed", "accepted", "rejected", "corrected")
DECISIONS = ("accept", "reject", "correct")
# Tables the app offers, in this order (any further table with an id column is reviewable too).
REVIEWABLE = ("observations", "figures", "table_cells", "dates", "clusters", "mentions")
CELL_KEY = ("table_id", "row", "col")
# The text a decision keeps to re-find its row when the id changed.
QUOTE_COLUMN = {
    "figures": "quote",
    "dates": "quote",
    "mentions": "text",
    "clusters": "name",
    "table_cells": "text",
}
# Columns of a row that name its source row in another table: table → {source: columns}.
LINKS = {"observations": {"figures": ("figure_id",), "table_cells": CELL_KEY}}
# Corrected source values an unreviewed linked row takes over.
CARRY_FIELDS = {"figures": ("value_scaled", "unit", "qualifier", "kind"), "table_cells": ("unit",)}
# Fields a reviewer corrects in one edit that set several columns.
COMPOSITE = {"observations": {"territory": ("subject_code",), "period": ("period_start", "period_end")}}
_FIXED = {"doc_id", "page", "char_start", "char_end", "quote", "sentence", *CELL_KEY, STATUS_COLUMN}
_FIXED |= {"figure_id", "source", "observation_id"}


def id_column(table: str, frame: pd.DataFrame | dict | None = None) -> str | None:
    """The table's row id column (None for `table_cells`, whose id is `table_id:row:col`)."""
    if table == "table_cells":
        return None
    if table in ID_COLUMN:
        return ID_COLUMN[table]
    columns = list(frame) if frame is not None else list(COLUMNS.get(table, ()))
    own = f"{table.removesuffix('s')}_id"
    return own if own in columns else None


def reviewable(table: str, frame: pd.DataFrame | None = None) -> bool:
    return table not in ("tables", "reviews") and (
        table == "table_cells" or id_column(table, frame) is not None
    )


def row_ids(table: str, frame: pd.DataFrame) -> pd.Series:
    """The row id of every row."""
    if table == "table_cells":
        return joined(frame, CELL_KEY)
    return frame[id_column(table, frame)].astype(str)


def joined(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """The columns' values joined with ":" per row ("" for nulls); an empty Series for no rows."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=str)
    return frame[list(columns)].astype("string").fillna("").agg(":".join, axis=1).astype(str)


def quotes(table: str, frame: pd.DataFrame) -> pd.Series:
    """The text each row is re-found by: its quote, or for linked rows the id of their source."""
    column = QUOTE_COLUMN.get(table)
    if column and column in frame:
        return frame[column]
    if "figure_id" in frame and set(CELL_KEY) <= set(frame.columns):
        return frame["figure_id"].astype("string").fillna(row_ids("table_cells", frame))
    return row_ids(table, frame)


def row_id_of(table: str, row: dict) -> str:
    """`row_ids` of one row (a dict)."""
    if table == "table_cells":
        return ":".join("" if plain(row.get(c)) is None else str(plain(row.get(c))) for c in CELL_KEY)
    return str(plain(row.get(id_column(table, row))))


def quote_of(table: str, row: dict) -> object:
    """`quotes` of one row (a dict)."""
    column = QUOTE_COLUMN.get(table)
    if column and column in row:
        return plain(row[column])
    if "figure_id" in row and set(CELL_KEY) <= set(row):
        return plain(row["figure_id"]) or row_id_of("table_cells", row)
    return row_id_of(table, row)


def contexts(table: str, frame: pd.DataFrame) -> pd.Series:
    """The text around each row that tells equal quotes apart: its sentence, a cell's labels."""
    if "sentence" in frame:
        return frame["sentence"]
    if {"row_label", "col_label"} <= set(frame.columns):
        return (
            frame["row_label"].astype("string").fillna("")
            + " | "
            + frame["col_label"].astype("string").fillna("")
        )
    return pd.Series(pd.NA, index=frame.index, dtype="string")


def context_of(table: str, row: dict) -> object:
    """`contexts` of one row (a dict)."""
    if "sentence" in row:
        return plain(row["sentence"])
    if "row_label" in row and "col_label" in row:
        return f"{plain(row['row_label']) or ''} | {plain(row['col_label']) or ''}"
    return None


def correctable_fields(table: str, frame: pd.DataFrame | None = None) -> list[str]:
    """Columns (and composite fields) a reviewer may correct: not ids, provenance or the status."""
    columns = list(frame.columns) if frame is not None else list(COLUMNS.get(table, ()))
    own = [c for c in columns if c not in _FIXED and c != id_column(table, frame) and c != "confidence"]
    return [*COMPOSITE.get(table, {}), *own]


def expand_correction(table: str, field: str, value: object) -> dict[str, object]:
    """The columns one correction sets: `period` "2020" sets start, end and precision."""
    if field == "period" and table in COMPOSITE and field in COMPOSITE[table]:
        return period_columns(value)
    return {column: value for column in COMPOSITE.get(table, {}).get(field, (field,))}


def period_columns(text: object) -> dict[str, object]:
    """`period_start`/`period_end`/`period_precision` of a period as a reviewer types it,
    read by the dates grammar ("2020", "I квартал 2021 г.", "2019–2021 гг.", "2021-03-01")."""
    from pipeline.extract.dates import extract_dates

    text = str(text or "").strip()
    if text.isdigit():
        text += " г."
    found = extract_dates(text)
    if not found:
        raise ValueError(f"{text!r} is not a period (e.g. 2020, I квартал 2021 г., 2019–2021 гг.)")
    date = found[0]
    return {"period_start": date.start, "period_end": date.end, "period_precision": date.precision}


def coerce(value: object, dtype) -> object:
    """A reviewer's text as a value of the column's dtype ('' is null; ',' decimal accepted)."""
    text = text_of(value)
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
    if "datetime" in kind:
        return pd.Timestamp(text)
    if kind.startswith("date"):
        return pd.Timestamp(text).date()
    if kind in ("boolean", "bool"):
        return text.strip().lower() in ("true", "1", "yes", "да")
    return text


def plain(value: object) -> object:
    """A Python scalar, with every kind of missing value as None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def text_of(value: object) -> str | None:
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def _number(text: str) -> str:
    return text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
