"""Stable identities: every published row has an id unique within the output and the same on a
re-run, so that each review decision re-attaches to exactly the fact it was made on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.review.decisions import attach, record_decision, row_ids
from pipeline.runs import run_local
from pipeline.schema import ID_COLUMN
from pipeline.store import read_table

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
# What makes a row the same fact, per table (besides its id).
IDENTITY = {
    "figures": ["doc_id", "page", "char_start", "char_end", "quote"],
    "dates": ["doc_id", "page", "char_start", "char_end", "quote"],
    "clusters": ["doc_id", "name", "pages"],
    "table_cells": ["doc_id", "table_id", "page", "row", "col", "text"],
}
PICKS = {"figures": 6, "dates": 5, "clusters": 3, "table_cells": 6}  # 20 decisions


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """A paper with figures, dates, clusters and a table ingested, 20 decisions recorded, then the
    same inbox re-ingested (--force)."""
    root = tmp_path_factory.mktemp("ids")
    inbox, out = root / "inbox", root / "out"
    inbox.mkdir()
    shutil.copy(PDFS / "seed_gertsik_2020.pdf", inbox)
    run_local([inbox], out, timeout=300)
    before = {t: read_table(out, t) for t in IDENTITY}
    decided = []
    for table, n in PICKS.items():
        frame = before[table]
        assert len(frame) >= n, (table, len(frame))
        for k, pos in enumerate(range(0, len(frame), max(1, len(frame) // n))[:n]):
            row = frame.iloc[pos]
            decided.append((table, row, _decide(out, table, row, k)))
    run_local([inbox], out, timeout=300, force=True)
    return out, before, decided


def _decide(out: Path, table: str, row, k: int) -> str:
    rid = row_ids(table, row.to_frame().T).iloc[0]
    if table == "table_cells" and k % 2:
        record_decision(out, table, rid, "correct", doc_id=row["doc_id"], field="value", new_value=str(k))
        return "corrected"
    decision = ("accept", "reject")[k % 2]
    record_decision(out, table, rid, decision, doc_id=row["doc_id"])
    return {"accept": "accepted", "reject": "rejected"}[decision]


def test_ids_are_unique_in_every_table(reviewed):
    out, _, _ = reviewed
    for table, column in ID_COLUMN.items():
        frame = read_table(out, table)
        key = [column, "doc_id"] if table == "clusters" else [column]  # a cluster id spans documents
        assert not frame.duplicated(key).any(), table
        assert not row_ids(table, frame).duplicated().any() if table != "clusters" else True


def test_ids_are_the_same_after_a_rerun(reviewed):
    out, before, _ = reviewed
    for table in IDENTITY:
        after = read_table(out, table)
        column = ID_COLUMN[table]
        assert sorted(after[column]) == sorted(before[table][column]), table


def test_each_decision_reattaches_to_exactly_its_fact(reviewed):
    out, _, decided = reviewed
    frames = {t: read_table(out, t) for t in IDENTITY}
    attached = attach(frames, read_table(out, "reviews"))
    assert len(attached) == len(decided) == 20
    for (table, row, status), (_, review) in zip(decided, attached.iterrows(), strict=True):
        assert review["matched_by"] == "id", (table, review["row_id"])
        target = frames[table].iloc[int(review["target"])]
        assert [target[c] for c in IDENTITY[table]] == [row[c] for c in IDENTITY[table]], table
        assert target["review_status"] == status
