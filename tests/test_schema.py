"""The tables' contract in the write path: absent tables, and rows that cannot be stored."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline import schema
from pipeline.ingest import commit_results, process_document
from pipeline.schema import COLUMNS, SCHEMAS, conform, empty
from pipeline.store import read_table

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


@pytest.mark.parametrize("name", list(COLUMNS))
def test_an_absent_table_is_the_validated_empty_table(name):
    validated = SCHEMAS[name].validate(empty(name))  # what `conform` returns for no rows, unchecked
    for rows in (None, []):
        frame = conform(name, rows)
        assert list(frame.columns) == list(COLUMNS[name]) == list(validated.columns)
        assert frame.dtypes.equals(validated.dtypes) and frame.empty


def test_a_document_whose_text_cannot_be_encoded_is_a_failures_row_and_the_batch_is_stored(tmp_path):
    good, bad = process_document(PDFS / "kaluga_note.pdf"), process_document(PDFS / "two_column.pdf")
    bad.rows["pages"][0]["text"] += "\ud800"  # a lone surrogate that got past sanitizing
    commit_results(tmp_path, [good, bad])
    documents = read_table(tmp_path, "documents").set_index("doc_id")["status"]
    assert documents[good.doc_id] == "ok" and documents[bad.doc_id] == "failed"
    (failure,) = read_table(tmp_path, "failures").to_dict("records")
    assert failure["stage"] == "write" and "UnicodeEncodeError" in failure["message"]
    assert set(read_table(tmp_path, "pages")["doc_id"]) == {good.doc_id}


def test_string_dtype_check_answers_for_the_column():
    """The contract's string dtype passes a string column with one bool (pandera's own answers with
    an all-True mask, then builds failure cases from it) and fails what pandera's fails."""
    from pandera.engines import pandas_engine

    ours, theirs = schema.string_dtype(), pandas_engine.STRING()
    text = pd.Series(["a", None], dtype=ours.type)
    ints = pd.Series([1, 2], dtype="Int64")
    as_text, as_ints = (pandas_engine.Engine.dtype(s.dtype) for s in (text, ints))
    assert ours.check(as_text, text) is True and all(theirs.check(as_text, text))
    assert not ours.check(as_ints, ints) and not any(np.atleast_1d(theirs.check(as_ints, ints)))
