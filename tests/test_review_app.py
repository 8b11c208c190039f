"""The review app's logic through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from test_review_support import DOC, figure_rows, figures_by_quote, make_output

from pipeline.review import APP
from pipeline.store import read_table

QUOTES = [r["quote"] for r in figure_rows()]


@pytest.fixture
def out(tmp_path):
    return make_output(tmp_path)


def _app(out) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["out"] = str(out)
    return at.run()


def _grid_quotes(at: AppTest) -> list[str]:
    return at.data_editor[0].value["quote"].tolist()


def test_select_filter_and_show_row(out):
    at = _app(out)
    assert not at.exception
    at.sidebar.selectbox(key="doc").select(DOC)
    at.sidebar.selectbox(key="table").select("figures").run()
    assert _grid_quotes(at) == QUOTES
    at.sidebar.multiselect(key="f_unit").select("PERCENT").run()
    assert _grid_quotes(at) == ["5,2 %", "30 %"]
    at.sidebar.checkbox(key="f_lowconf").check().run()
    assert _grid_quotes(at) == ["30 %", "5,2 %"]
    at.selectbox(key="row").select(figure_rows()[3]["figure_id"]).run()
    markup = at.get("html")[0].proto.body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "<script" not in markup
    assert len(at.get("image")) == 2  # the span on its page: zoomed, and the whole page
    at.sidebar.selectbox(key="table").select("dates").run()
    assert _grid_quotes(at) == ["2023 г."]


def test_reject_and_correct_rows(out):
    at = _app(out)
    ids = {q: r["figure_id"] for q, r in figures_by_quote(out).items()}
    at.sidebar.text_input(key="reviewer").input("ann")
    at.selectbox(key="row").select(ids["5,2 %"])
    at.text_input(key="note").input("not a growth rate")
    at.button(key="reject").click().run()
    assert not at.exception and at.success
    at.selectbox(key="row").select(ids["1,5 трлн руб."])
    at.selectbox(key="field").select("unit")
    at.text_input(key="new_value").input("USD")
    at.button(key="correct").click().run()
    reviews = read_table(out, "reviews")
    assert list(zip(reviews["decision"], reviews["row_id"], strict=True)) == [
        ("reject", ids["5,2 %"]),
        ("correct", ids["1,5 трлн руб."]),
    ]
    assert reviews.loc[0, "reviewer"] == "ann" and reviews.loc[0, "note"] == "not a growth rate"
    assert (reviews.loc[1, "field"], reviews.loc[1, "new_value"]) == ("unit", "USD")
    at.sidebar.multiselect(key="f_status").select("rejected").select("corrected").run()
    assert sorted(_grid_quotes(at)) == ["1,5 трлн руб.", "5,2 %"]


def test_invalid_correction_is_reported(out):
    at = _app(out)
    at.selectbox(key="field").select("kind")
    at.text_input(key="new_value").input("nonsense")
    at.button(key="correct").click().run()
    assert at.error and "invalid value" in at.error[0].value
    assert read_table(out, "reviews").empty


def test_grid_edits_are_saved_as_corrections(out):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["out"] = str(out)
    at.session_state["grid0"] = {
        "edited_rows": {2: {"counted": "организация"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="save_grid").click().run()
    assert not at.exception
    reviews = read_table(out, "reviews")
    assert list(reviews[["field", "new_value", "quote"]].iloc[0]) == [
        "counted",
        "организация",
        "120 организаций",
    ]
    assert figures_by_quote(out)["120 организаций"]["review_status"] == "corrected"


def test_orphans_are_listed(out):
    from test_review_support import batch

    from pipeline.review import record_decision
    from pipeline.schema import conform
    from pipeline.store import write_batch

    record_decision(out, "figures", figure_rows()[0]["figure_id"], "reject")
    rows = conform("figures", figure_rows()[1:])
    write_batch(out, batch(out.parent / "paper.pdf") | {"figures": rows}, [DOC])
    at = _app(out)
    assert at.sidebar.expander[0].label == "Orphaned decisions (1)"
    assert at.sidebar.dataframe[0].value["quote"].tolist() == ["5,2 %"]
