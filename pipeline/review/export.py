"""The `reviewed/` export: accepted and corrected rows per table, as CSV and one Excel workbook.

CSV cells that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR) are
prefixed with `'` (OWASP CSV injection); the workbook stores every text cell as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.review.tables import STATUS_COLUMN, plain
from pipeline.store import atomic_write, write_csv

REVIEWED_DIR = "reviewed"
EXCEL_FILE = "reviewed.xlsx"
KEPT = ("accepted", "corrected")


def export_tables(out: Path, frames: Mapping[str, pd.DataFrame]) -> list[Path]:
    """Write `reviewed/<table>.csv` and `reviewed/reviewed.xlsx` (atomically, file by file)."""
    folder = Path(out) / REVIEWED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    kept = {t: kept_rows(df) for t, df in frames.items()}
    paths = []
    for table, df in kept.items():
        path = folder / f"{table}.csv"
        atomic_write(path, lambda p, df=df: write_csv(df, p, safe=True))
        paths.append(path)
    excel = folder / EXCEL_FILE
    atomic_write(excel, lambda p: _write_excel(p, kept))
    return [*paths, excel]


def kept_rows(frame: pd.DataFrame) -> pd.DataFrame:
    if STATUS_COLUMN not in frame:
        return frame.iloc[0:0]
    return frame[frame[STATUS_COLUMN].isin(KEPT)].reset_index(drop=True)


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
    value = plain(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return illegal.sub("", value) if isinstance(value, str) else value
