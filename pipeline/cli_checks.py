"""Checks of command-line input, done before anything starts (no Prefect, no pandas, no PDF library).

Each check raises `typer.BadParameter`, which the CLI prints as one line and exits with code 2.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import typer

from pipeline.catalog import SUPPORTED_SUFFIXES, expand_paths
from pipeline.config import Settings

DASK_LOCAL = "local"
TABLE_FILE_SUFFIX = ".parquet"
MAX_SUGGESTIONS = 3


def input_files(paths: list[Path]) -> list[Path]:
    """The PDF/TXT files named by `paths` (files, or folders searched recursively)."""
    for path in paths:
        if not path.exists():
            raise typer.BadParameter(f"{path}: no such file or folder", param_hint="PATHS")
        if not os.access(path, os.R_OK | (os.X_OK if path.is_dir() else 0)):
            raise typer.BadParameter(f"{path}: not readable", param_hint="PATHS")
        if path.is_file() and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise typer.BadParameter(f"{path}: not a PDF or TXT file", param_hint="PATHS")
    files = expand_paths(paths)
    if not files:
        named = ", ".join(str(p) for p in paths)
        raise typer.BadParameter(f"no PDF or TXT files in {named}", param_hint="PATHS")
    return files


def writable_dir(out: Path, option: str = "--out") -> None:
    """`out` is a writable folder, or can be created as one."""
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        where = "is a file" if existing == out else f"cannot be created: {existing} is a file"
        raise typer.BadParameter(f"{out} {where}, not a folder", param_hint=option)
    if not os.access(existing, os.W_OK | os.X_OK):
        where = "is not writable" if existing == out else f"cannot be created: {existing} is not writable"
        raise typer.BadParameter(f"{out} {where}", param_hint=option)


def dask_address(address: str | None) -> None:
    if address and address != DASK_LOCAL and "://" not in address:
        message = f"{address!r}: expected '{DASK_LOCAL}' or a scheduler address such as tcp://host:8786"
        raise typer.BadParameter(message, param_hint="--dask-address")


def output_tables(out: Path) -> list[str]:
    """Names of the tables in `out` (an error when there are none)."""
    names = sorted(p.name.removesuffix(TABLE_FILE_SUFFIX) for p in out.glob(f"*{TABLE_FILE_SUFFIX}"))
    if not names:
        hint = f"run 'indikator ingest PATH --out {out}' first" if not out.is_file() else "it is a file"
        raise typer.BadParameter(f"no tables in {out}: {hint}", param_hint="--out")
    return names


def known_table(out: Path, table: str) -> None:
    """`table` is one of the tables in `out`, else "did you mean …" from the names there."""
    names = output_tables(out)
    if table in names:
        return
    close = difflib.get_close_matches(table, names, n=MAX_SUGGESTIONS)
    hint = f"did you mean {' or '.join(close)}?" if close else f"tables there: {', '.join(names)}"
    raise typer.BadParameter(f"no table {table!r} in {out}; {hint}", param_hint="TABLE")


def gold_dir(path: Path) -> None:
    """A folder; its `splits.csv`, when there is one, reads (`evaluate.read_splits`)."""
    if not path.is_dir():
        raise typer.BadParameter(f"{path}: no such folder", param_hint="GOLD_DIR")
    from pipeline.evaluate import read_splits

    try:
        read_splits(path)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="GOLD_DIR") from None


def serve_settings(settings: Settings) -> None:
    """The inbox deployment's settings make sense (the inbox itself may not exist yet)."""
    if Path(settings.inbox).exists() and not Path(settings.inbox).is_dir():
        raise typer.BadParameter(f"{settings.inbox} is a file, not a folder", param_hint="inbox")
    writable_dir(Path(settings.out), option="out")
    if settings.cron is None and settings.interval_seconds <= 0:
        raise typer.BadParameter("must be a positive number of seconds", param_hint="interval_seconds")
    if settings.workers < 1:
        raise typer.BadParameter("must be at least 1", param_hint="workers")
    dask_address(settings.dask_address)
