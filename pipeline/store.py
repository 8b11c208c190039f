"""Output tables in `extracted/`: immutable generations switched by one atomic pointer.

Layout of an output directory `out`:

    out/.generations/00000012/   <table>.parquet, <table>.csv, indikator.duckdb, MANIFEST.json
    out/current -> .generations/00000012          (the committed state: one symlink)
    out/<table>.parquet -> current/<table>.parquet (user paths, created once)
    out/indikator.duckdb -> current/indikator.duckdb

A commit (one or more documents, or a review decision) reads the current generation, writes a
complete new one in a temporary directory (every table in every format, fsynced), renames it into
place and then switches `current` with one `rename(2)`: that rename is the commit. A generation is
never modified once published, so a reader (`read_table`, the review app, DuckDB in read-only mode)
always sees one whole committed state, and a writer killed at any instant leaves the previous one.
Under the writer lock every start rolls back what a killed writer left (temporary files and
directories, generations written but never switched to) and prunes old generations.

CSV files neutralize cells that a spreadsheet would run as a formula (OWASP: a leading `=`, `+`,
`-`, `@`, tab or CR gets a `'` prefix); Parquet and DuckDB keep the exact text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

if TYPE_CHECKING:
    import pyarrow as pa

from pipeline.generations import (  # noqa: F401  (re-exported: the store's public names)
    CURRENT,
    DUCKDB_FILE,
    GEN_DIGITS,
    GENERATIONS_DIR,
    LOCK_FILE,
    MANIFEST,
    current_dir,
    file_mode,
    fsync_dir,
    generation_number,
    recover,
    switch,
    table_path,
)
from pipeline.generations import locked as generations_locked
from pipeline.schema import COLUMNS, PER_DOCUMENT, conform
from pipeline.views import VIEWS

FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def locked(out: Path | str):
    """The writer lock of `generations.locked`; a directory written before generations is migrated."""
    with generations_locked(out, on_legacy=migrate_legacy):
        yield


def read_table(out: Path | str, name: str) -> pd.DataFrame:
    """A table as committed (empty frame with the contract's columns when absent)."""
    path = table_path(out, name)
    if not path.exists():
        return conform(name, None)
    return conform(name, pd.read_parquet(path))


def read_tables(out: Path | str, names: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Several tables from one and the same commit."""
    gen = current_dir(out)
    base = gen if gen else Path(out)
    frames = {}
    for name in names:
        path = base / f"{name}.parquet"
        frames[name] = conform(name, pd.read_parquet(path) if path.exists() else None)
    return frames


def write_batch(
    out: Path | str,
    batch: Mapping[str, pd.DataFrame],
    doc_ids: Iterable[str],
    source_paths: Iterable[str] = (),
    *,
    conformed: bool = False,
) -> None:
    """Commit a batch: replace rows of `doc_ids` and of older versions of the files at
    `source_paths` (a changed file gets a new doc_id), then append the batch's rows.

    `conformed`: the batch's frames already passed `schema.conform` (not validated again).
    The store only writes: applying review decisions is the caller's step (see pipeline.ingest)."""
    out = Path(out)
    doc_ids = set(doc_ids)
    if not conformed:
        batch = {name: conform(name, df) for name, df in batch.items()}
    with locked(out):
        doc_ids |= _ids_at_paths(out, set(source_paths))
        names = _names_to_write(batch)
        old = _stored(out, names)
        _publish(out, {name: _merge(name, old[name], batch.get(name), doc_ids) for name in names})


def write_tables(out: Path | str, frames: Mapping[str, pd.DataFrame]) -> None:
    """Commit whole tables (the other tables are carried over unchanged)."""
    commit(Path(out), frames)


def commit(out: Path, frames: Mapping[str, pd.DataFrame]) -> Path:
    """Publish a new generation in which `frames` replace their tables; returns its directory."""
    return _publish(Path(out), {name: conform(name, df) for name, df in frames.items()})


def _stored(out: Path, names: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Tables of the current commit as stored (validated when they were written)."""
    gen = current_dir(out)
    frames = {}
    for name in names:
        path = (gen or out) / f"{name}.parquet"
        frames[name] = pd.read_parquet(path) if path.exists() else conform(name, None)
    return frames


def _publish(out: Path, frames: Mapping[str, pd.DataFrame]) -> Path:
    """Write a generation of conformed `frames` (the other tables carried over) and switch to it."""
    with locked(out):
        base = current_dir(out)
        number = (generation_number(base) if base else 0) + 1
        gens = out / GENERATIONS_DIR
        gens.mkdir(exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{number:0{GEN_DIGITS}d}.", suffix=".tmp", dir=gens))
        try:
            _write_generation(tmp, base, frames, number)
            final = gens / f"{number:0{GEN_DIGITS}d}"
            os.replace(tmp, final)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        fsync_dir(gens)
        switch(out, final)
        recover(out, migrate_legacy)  # prune and make sure the user paths point into `current`
        return final


def _write_generation(gen: Path, base: Path | None, frames: Mapping[str, pd.DataFrame], number: int) -> None:
    gen.chmod(file_mode() | 0o111)  # directories: the file mode plus search permission
    counts: dict[str, int] = {}
    for name in COLUMNS:
        if name in frames:
            df = frames[name]
            _write_file(gen / f"{name}.parquet", lambda p, df=df: df.to_parquet(p, index=False))
            _write_file(gen / f"{name}.csv", lambda p, df=df: write_csv(df, p, safe=True))
            counts[name] = len(df)
        elif base and (base / f"{name}.parquet").exists():
            for suffix in ("parquet", "csv"):
                _share(base / f"{name}.{suffix}", gen / f"{name}.{suffix}")
            counts[name] = _manifest(base).get("tables", {}).get(name, -1)
        else:
            df = conform(name, None)
            _write_file(gen / f"{name}.parquet", lambda p, df=df: df.to_parquet(p, index=False))
            _write_file(gen / f"{name}.csv", lambda p, df=df: write_csv(df, p))
            counts[name] = 0
    _write_file(gen / DUCKDB_FILE, lambda p: _write_duckdb(Path(p), gen), fresh=True)
    manifest = {"generation": number, "committed_at": datetime.now(UTC).isoformat(), "tables": counts}
    _write_file(gen / MANIFEST, lambda p: Path(p).write_text(json.dumps(manifest, indent=1)))
    fsync_dir(gen)


def _share(source: Path, target: Path) -> None:
    """An unchanged table file of the previous generation: hard-linked (files are immutable)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _manifest(gen: Path) -> dict:
    try:
        return json.loads((gen / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def _write_file(path: Path, write: Callable[[str], object], fresh: bool = False) -> None:
    """Write a file of a generation being built, fsync it and give it the umask's mode."""
    if fresh:
        path.unlink(missing_ok=True)
    write(str(path))
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    path.chmod(file_mode())


def migrate_legacy(out: Path) -> None:
    """A directory written before generations: its single files become generation 1."""
    legacy = {n: out / f"{n}.parquet" for n in COLUMNS}
    found = {n: p for n, p in legacy.items() if p.is_file() and not p.is_symlink()}
    if not found:
        return
    commit(out, {n: pd.read_parquet(p) for n, p in found.items()})  # validated once, on the way in
    wal = out / f"{DUCKDB_FILE}.wal"
    wal.unlink(missing_ok=True)


def write_csv(df: pd.DataFrame, path: str, *, safe: bool = False) -> None:
    """UTF-8 CSV with a header row (pyarrow's writer: text quoted, empty cells for nulls); `safe`:
    text cells a spreadsheet would evaluate get a `'` (`_formula_safe`)."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    table = pa.Table.from_pandas(df, preserve_index=False)
    pa_csv.write_csv(_formula_safe(table) if safe else table, path)


_FORMULA_START = "^[" + re.escape("".join(FORMULA_LEAD)) + "]"  # a cell starting with a FORMULA_LEAD


def _formula_safe(table: pa.Table) -> pa.Table:
    """Each text cell that a spreadsheet would evaluate (it starts with a `FORMULA_LEAD`: `=`, `+`,
    `-`, `@`, tab, CR) gets a leading `'` (OWASP CSV injection); Parquet and DuckDB keep the text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for i, field in enumerate(table.schema):
        if not (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            continue
        column = table.column(i)
        risky = pc.match_substring_regex(column, _FORMULA_START)
        if pc.any(risky).as_py():
            text = pa.scalar("'", field.type), pa.scalar("", field.type)
            quoted = pc.binary_join_element_wise(text[0], column, text[1])
            table = table.set_column(i, field, pc.if_else(risky, quoted, column))
    return table


def _ids_at_paths(out: Path, source_paths: set[str]) -> set[str]:
    if not source_paths:
        return set()
    docs = _stored(out, ["documents"])["documents"]
    return set(docs.loc[docs["source_path"].isin(source_paths), "doc_id"])


def _names_to_write(batch: Mapping[str, pd.DataFrame]) -> list[str]:
    return [name for name in COLUMNS if name in batch or name in PER_DOCUMENT]


def _merge(name: str, old: pd.DataFrame, new: pd.DataFrame | None, doc_ids: set[str]) -> pd.DataFrame:
    if name in PER_DOCUMENT and not old.empty:
        old = old[~old["doc_id"].isin(doc_ids)]
    if name == "failures" and not old.empty and new is not None and not new.empty:
        old = old[~old["source_path"].isin(set(new["source_path"]))]
    if new is None or new.empty:
        return old.reset_index(drop=True)
    return pd.concat([old, new], ignore_index=True) if not old.empty else new


def atomic_write(path: Path, write: Callable[[str], object]) -> None:
    """Write one file via a temporary name in its directory, fsync, then rename over the target.

    For files outside the generations (e.g. the `reviewed/` export); mode follows the umask."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_duckdb(path: Path, gen: Path) -> None:
    """A fresh DuckDB file holding every table of the generation (read from its Parquet) and the views.

    One DuckDB thread: the tables are small, and DuckDB's thread pool would compete with the
    workers for the cores (a commit took 2-3 times the CPU with the default threads)."""
    con = duckdb.connect(str(path), config={"threads": 1})
    try:
        tables = set()
        for name in COLUMNS:
            parquet = gen / f"{name}.parquet"
            if parquet.exists():
                source = str(parquet).replace("'", "''")
                con.execute(f"CREATE TABLE \"{name}\" AS SELECT * FROM read_parquet('{source}')")
                tables.add(name)
        for name, (needs, sql) in VIEWS.items():
            if needs <= tables:
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute("CHECKPOINT")
    finally:
        con.close()
