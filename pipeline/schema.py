"""The output-table contract of ../shared/DESIGN.md: each table's columns (order = contract) and,
built from them when first used, its pandera schema (`SCHEMAS`): pandas and pandera are imported
only then, so a worker, which makes rows and never frames, does without them.

`conform(name, frame)` gives any frame the table's columns, order and dtypes, then validates it.
Extra columns beyond the contract are kept after the contract's columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

STR, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"
PRECISIONS = ("day", "month", "quarter", "year", "decade", "century")
LANGUAGES = ("ru", "en")  # a sentence's language (pipeline.nlp.language)
# where a figure's period came from (`extract.periods`, `extract.captions`)
PERIOD_SOURCES = ("sentence", "earlier_sentence", "section", "table")
DATE = "date32[pyarrow]"  # an ISO date: DuckDB DATE, Parquet date32 (observations; figures' periods)


@dataclass(frozen=True)
class Column:
    """A contract column: its dtype, whether it may be null, its checks (`pa.Check.<name>(arg)`)."""

    dtype: str
    nullable: bool = True
    checks: tuple[tuple[str, Any], ...] = ()


def _col(dtype: str, nullable: bool = True, **checks: Any) -> Column:
    return Column(dtype, nullable, tuple(checks.items()))


_PROVENANCE = {
    "doc_id": _col(STR, False),
    "page": _col(INT, False, ge=1),
    "char_start": _col(INT, False, ge=0),
    "char_end": _col(INT, False, ge=0),
    "quote": _col(STR, False),
    "sentence": _col(STR),
}

COLUMNS: dict[str, dict[str, Column]] = {
    "documents": {
        "doc_id": _col(STR, False),
        "file_name": _col(STR, False),
        "source_path": _col(STR, False),
        "n_pages": _col(INT, ge=0),
        "title": _col(STR),
        "status": _col(STR, False, isin=["ok", "partial", "garbled", "failed", "no_text"]),
        "error": _col(STR),
        "pipeline_version": _col(STR, False),
        "ingested_at": _col(STR, False),
        "content_sha256": _col(STR),
        "seconds": _col(FLOAT),
        "source_paths": _col(STR),  # JSON list: every file with this content in the batch
        "lost_pages": _col(STR),  # pages not read ("5-8,12"): damaged, over a limit, too complex
        "replaced_chars": _col(INT, ge=0),  # invalid characters replaced at the parse boundary
    },
    "pages": {
        "doc_id": _col(STR, False),
        "page": _col(INT, False, ge=1),
        "text": _col(STR, False),
        "n_chars": _col(INT, False, ge=0),
        "width": _col(FLOAT),
        "height": _col(FLOAT),
        "lines": _col(STR),  # JSON: [[char_start, char_end, x0, top, x1, bottom], ...]
        "ocr": _col(BOOL),
        "ocr_confidence": _col(FLOAT, ge=0, le=1),
    },
    "footnotes": {
        "doc_id": _col(STR, False),
        "page": _col(INT, False, ge=1),
        "marker": _col(STR),
        "text": _col(STR, False),
    },
    "figures": {
        "figure_id": _col(STR, False),
        **_PROVENANCE,
        "value": _col(FLOAT, False),
        "unit_mult": _col(INT, False),
        "value_scaled": _col(FLOAT, False),
        "value_max": _col(FLOAT),
        "unit": _col(STR),
        "unit_raw": _col(STR),
        "counted": _col(STR),
        "qualifier": _col(STR, isin=["=", "~", ">", ">=", "<", "<=", "range"]),
        "kind": _col(STR, isin=["level", "change", "share", "target", "ratio"]),
        "measure": _col(STR),
        "subject": _col(STR),
        "period": _col(STR),
        "confidence": _col(FLOAT, ge=0, le=1),
        "extractor": _col(STR),
        "period_start": _col(DATE),
        "period_end": _col(DATE),
        "period_precision": _col(STR, isin=list(PRECISIONS)),
        "base_period": _col(STR),
        "period_source": _col(STR, isin=list(PERIOD_SOURCES)),
        "indicator": _col(STR),
        "subject_code": _col(STR),
        "subject_type": _col(STR, isin=["country", "region", "city", "municipality", "org", "pair", "group"]),
        "date_id": _col(STR),
        "subject_mention_id": _col(STR),
        "language": _col(STR, isin=list(LANGUAGES)),
    },
    "dates": {
        "date_id": _col(STR, False),
        **_PROVENANCE,
        "start": _col(DATE),
        "end": _col(DATE),
        "precision": _col(STR, isin=list(PRECISIONS)),
        "kind": _col(STR, isin=["point", "range", "by", "since"]),
        "confidence": _col(FLOAT, ge=0, le=1),
        "language": _col(STR, isin=list(LANGUAGES)),
    },
    "clusters": {
        "cluster_id": _col(STR, False),
        "doc_id": _col(STR, False),
        "name": _col(STR, False),
        "kind": _col(STR, isin=["cluster", "technopark", "industrial_park", "sez", "hitech_zone", "other"]),
        "country": _col(STR),
        "region": _col(STR),
        "city": _col(STR),
        "founded_year": _col(INT),
        "field": _col(STR),
        "participants": _col(INT),
        "employees": _col(INT),
        "url": _col(STR),
        "source": _col(STR),
        "pages": _col(STR),
        "normal_name": _col(STR),
        "attributes": _col(STR),  # JSON of further attributes stated in the text
        "aliases": _col(STR),  # other names of the cluster in the document, "; "-separated
    },
    "mentions": {
        "mention_id": _col(STR, False),
        "doc_id": _col(STR, False),
        "page": _col(INT, False, ge=1),
        "char_start": _col(INT, False, ge=0),
        "char_end": _col(INT, False, ge=0),
        "type": _col(STR, False, isin=["ORG", "LOC", "PER"]),
        "text": _col(STR, False),
        "normal": _col(STR),
    },
    "tables": {
        "table_id": _col(STR, False),
        "doc_id": _col(STR, False),
        "page_first": _col(INT, False, ge=1),
        "page_last": _col(INT, False, ge=1),
        "n_rows": _col(INT, False, ge=0),
        "n_cols": _col(INT, False, ge=0),
        "caption": _col(STR),
    },
    "table_cells": {
        "cell_id": _col(STR, False),
        "table_id": _col(STR, False),
        "doc_id": _col(STR, False),
        "page": _col(INT, False, ge=1),
        "row": _col(INT, False, ge=0),
        "col": _col(INT, False, ge=0),
        "row_label": _col(STR),
        "col_label": _col(STR),
        "text": _col(STR),
        "value": _col(FLOAT),
        "unit": _col(STR),
        "unit_mult": _col(INT),  # extra to the contract: typed so that every commit stores Int64
    },
    "failures": {
        "source_path": _col(STR, False),
        "doc_id": _col(STR),
        "stage": _col(STR, False),
        "error_type": _col(STR, False),
        "message": _col(STR, False),
        "at": _col(STR, False),
    },
    "reviews": {
        "table": _col(STR, False),
        "row_id": _col(STR, False),
        "decision": _col(STR, False, isin=["accept", "reject", "correct"]),
        "field": _col(STR),
        "new_value": _col(STR),
        "reviewer": _col(STR),
        "at": _col(STR, False),
        "note": _col(STR),
        "doc_id": _col(STR),
        "page": _col(INT),
        "quote": _col(STR),
    },
}

# --- observations (pipeline/extract/observations.py): one row per figure or numeric table cell
# that resolves to an indicator of pipeline/data/indicators.toml
COLUMNS["observations"] = {
    "observation_id": _col(STR, False),
    "indicator": _col(STR, False),
    "measure": _col(STR),
    "subject_code": _col(STR),
    "territory_code": _col(STR),
    "subject": _col(STR),
    "period_start": _col(DATE),
    "period_end": _col(DATE),
    "period_precision": _col(STR, isin=["day", "month", "quarter", "year", "decade", "century"]),
    "value_scaled": _col(FLOAT, False),
    "unit": _col(STR),
    "qualifier": _col(STR, isin=["=", "~", ">", ">=", "<", "<=", "range"]),
    "kind": _col(STR, isin=["level", "change", "share", "target", "ratio"]),
    "base_period": _col(STR),
    "doc_id": _col(STR, False),
    "page": _col(INT, False, ge=1),
    "source": _col(STR, False, isin=["text", "table"]),
    "figure_id": _col(STR),
    "table_id": _col(STR),
    "row": _col(INT, ge=0),
    "col": _col(INT, ge=0),
    "review_status": _col(STR),
}

# Tables whose rows belong to one document: re-ingesting a document replaces them.
PER_DOCUMENT = [name for name, cols in COLUMNS.items() if "doc_id" in cols and name != "reviews"]
ID_COLUMN = {
    "figures": "figure_id",
    "dates": "date_id",
    "mentions": "mention_id",
    "clusters": "cluster_id",
    "tables": "table_id",
    "table_cells": "cell_id",
}


class _Schemas(dict):
    """Each table's `pa.DataFrameSchema`, built from `COLUMNS` when first asked for."""

    def __missing__(self, name: str) -> pa.DataFrameSchema:
        self[name] = _schema(COLUMNS[name])
        return self[name]


SCHEMAS: dict[str, pa.DataFrameSchema] = _Schemas()


def _schema(cols: dict[str, Column]) -> pa.DataFrameSchema:
    import pandera.pandas as pa

    def column(col: Column) -> pa.Column:
        checks = [getattr(pa.Check, name)(arg) for name, arg in col.checks]
        dtype = string_dtype() if col.dtype == STR else col.dtype
        return pa.Column(dtype, nullable=col.nullable, checks=checks or None, coerce=True)

    return pa.DataFrameSchema({c: column(col) for c, col in cols.items()}, strict=False, ordered=False)


@cache
def string_dtype() -> Any:
    """pandera's string dtype ("string"), its dtype check answered for the whole column: for a
    column of this very dtype pandera's answers with a mask of all True, and then builds failure
    cases and a message from an empty frame at every validation (~0.1 ms a column and commit)."""
    from pandera.engines import pandas_engine

    class String(pandas_engine.STRING):
        def check(self, pandera_dtype: Any, data_container: Any = None) -> Any:
            try:
                exact = pandas_engine.Engine.dtype(pandera_dtype).type == self.type
            except TypeError:
                exact = False
            return True if exact else super().check(pandera_dtype, data_container)

    return String()


def cell_id(table_id: str, row: int, col: int) -> str:
    """The id of a table cell: its table, data row and column (`table_id:row:col`)."""
    return f"{table_id}:{int(row)}:{int(col)}"


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes (a copy of one built once per schema)."""
    schema = SCHEMAS[name]
    if name not in _EMPTY or _EMPTY[name][0] is not schema:
        _EMPTY[name] = (schema, _empty(schema))
    return _EMPTY[name][1].copy()


_EMPTY: dict[str, tuple[pa.DataFrameSchema, pd.DataFrame]] = {}


def _empty(schema: pa.DataFrameSchema) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=col.dtype.type) for c, col in schema.columns.items()})


def conform(name: str, frame: pd.DataFrame | list[dict] | None) -> pd.DataFrame:
    """Give rows the table's columns (missing ones null), contract order first, and validate."""
    import pandas as pd

    if frame is None or (isinstance(frame, list) and not frame):  # a commit asks for every absent table
        return empty(name)  # valid by construction (tests/test_schema.py validates it)
    df = pd.DataFrame(frame) if not isinstance(frame, pd.DataFrame) else frame.copy()
    cols = COLUMNS[name]
    for c in cols:
        if c not in df.columns:
            df[c] = None
    extra = [c for c in df.columns if c not in cols]
    df = df[list(cols) + extra]
    if name == "table_cells" and not df.empty and df["cell_id"].isna().any():
        derived = [cell_id(t, r, c) for t, r, c in zip(df["table_id"], df["row"], df["col"], strict=True)]
        df["cell_id"] = df["cell_id"].where(df["cell_id"].notna(), pd.Series(derived, index=df.index))
    if df.empty:
        df = pd.concat([empty(name), df[extra]], axis=1) if extra else empty(name)
    for c, col in cols.items():  # a date column null in every row may arrive as float NaN
        if str(col.dtype).startswith("date32") and df[c].dtype.kind == "f" and df[c].isna().all():
            df[c] = pd.Series([None] * len(df), index=df.index, dtype=object)
    return SCHEMAS[name].validate(df.reset_index(drop=True))
