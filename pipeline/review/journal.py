"""The append-only journal of review decisions: `OUT/reviews.sqlite` (SQLite in WAL mode).

Every decision is one INSERT committed with `synchronous=FULL` (durable when the call returns, a
few milliseconds); nothing is ever updated or deleted. Several reviewers (processes) may write
at once: SQLite serializes the inserts, none is lost. An *undo* is a decision of its own
(`decision='undo'`, `undoes` = the sequence number of the undone decision), so the journal keeps
the full history while `effective` returns what is in force, in order.

The published `reviews` table (Parquet/CSV/DuckDB) is an export of `effective(out)`. An output
directory written before the journal existed has only that table: it is imported on first open.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

JOURNAL_FILE = "reviews.sqlite"
BUSY_TIMEOUT_S = 30.0
UNDO = "undo"
LOCK = threading.RLock()  # one statement at a time on this process's connections
_OPEN: dict[tuple[int, str], tuple[sqlite3.Connection, int | None]] = {}
# Columns of a journal entry, after its sequence number (`seq`). The first ones are `reviews`'.
ENTRY_COLUMNS = (
    "table",
    "row_id",
    "decision",
    "field",
    "new_value",
    "reviewer",
    "at",
    "note",
    "doc_id",
    "page",
    "quote",
    "char_start",
    "old_value",
    "sentence",
    "file_name",
    "undoes",
)
_SCHEMA = (
    'CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, "table" TEXT NOT NULL, '
    "row_id TEXT NOT NULL, decision TEXT NOT NULL, field TEXT, new_value TEXT, reviewer TEXT, "
    "at TEXT NOT NULL, note TEXT, doc_id TEXT, page INTEGER, quote TEXT, char_start INTEGER, "
    "old_value TEXT, sentence TEXT, file_name TEXT, undoes INTEGER)"
)
_INSERT = (
    f"INSERT INTO journal ({', '.join(f'{c!r}' if c == 'table' else c for c in ENTRY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ENTRY_COLUMNS))})"
)


def journal_path(out: Path | str) -> Path:
    return Path(out) / JOURNAL_FILE


def connect(out: Path | str) -> sqlite3.Connection:
    """This process's open journal of `out` (created, and seeded from a legacy `reviews` table,
    when new). Keeping it open spares a WAL checkpoint per decision; use it under `LOCK`."""
    path = journal_path(out).resolve()
    key = (os.getpid(), str(path))
    with LOCK:
        if key in _OPEN and _OPEN[key][1] != _inode(path):  # the file was deleted or replaced
            _OPEN.pop(key)[0].close()
        if key not in _OPEN:
            con = _open(path, Path(out))
            _OPEN[key] = (con, _inode(path))
        return _OPEN[key][0]


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def _open(path: Path, out: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("BEGIN IMMEDIATE")
    try:
        fresh = not con.execute("SELECT 1 FROM sqlite_master WHERE name='journal'").fetchone()
        con.execute(_SCHEMA)
        if fresh:
            _insert(con, _legacy(out))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        con.close()
        raise
    return con


def append(out: Path | str, entries: Iterable[Mapping]) -> list[int]:
    """Append decisions in one durable transaction; returns their sequence numbers."""
    con = connect(out)
    with LOCK:
        con.execute("BEGIN IMMEDIATE")
        try:
            seqs = _insert(con, entries)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return seqs


def entries(out: Path | str) -> pd.DataFrame:
    """Every journal entry, undos included, in order."""
    con = connect(out)
    with LOCK:
        return pd.read_sql_query("SELECT * FROM journal ORDER BY seq", con)


def effective(out: Path | str) -> pd.DataFrame:
    """Decisions in force, in order: undos and the decisions they undo left out."""
    return in_force(entries(out))


def in_force(journal: pd.DataFrame) -> pd.DataFrame:
    """The decisions of a journal frame that no undo cancelled (undo entries dropped)."""
    undos = journal["decision"] == UNDO
    undone = set(journal.loc[undos, "undoes"].dropna().astype(int))
    return journal[~undos & ~journal["seq"].isin(undone)].reset_index(drop=True)


def last_undoable(out: Path | str, reviewer: str | None = None) -> dict | None:
    """The latest decision in force (of `reviewer`, when given), or None."""
    live = effective(out)
    if reviewer:
        live = live[live["reviewer"] == reviewer]
    return None if live.empty else live.iloc[-1].to_dict()


def _insert(con: sqlite3.Connection, rows: Iterable[Mapping]) -> list[int]:
    seqs = []
    for row in rows:
        cursor = con.execute(_INSERT, [_sql(row.get(c)) for c in ENTRY_COLUMNS])
        seqs.append(int(cursor.lastrowid))
    return seqs


def _legacy(out: Path) -> Iterable[dict]:
    """Decisions of a `reviews.parquet` written before the journal (oldest first)."""
    from pipeline.store import read_table

    return read_table(out, "reviews").to_dict("records")


def _sql(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value
