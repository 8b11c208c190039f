"""Review decisions: journal, publishing, re-attaching after re-ingestion (by id, by quote), orphans,
undo, export."""

from __future__ import annotations

import pandas as pd
import pytest
from test_review_support import DOC, batch, figure_rows, figures_by_quote, make_output

from pipeline.ingest import publish_batch
from pipeline.review import journal
from pipeline.review.decisions import (
    apply_reviews,
    attach,
    export_reviewed,
    orphaned,
    orphaned_in,
    publish,
    record_decision,
    undo_last,
)
from pipeline.review.render import context, highlight_html
from pipeline.review.tables import row_ids
from pipeline.schema import conform
from pipeline.store import read_table


@pytest.fixture
def out(tmp_path):
    return make_output(tmp_path)


def _id(out, quote: str) -> str:
    return figures_by_quote(out)[quote]["figure_id"]


def _decide(out) -> None:
    record_decision(out, "figures", _id(out, "5,2 %"), "reject", reviewer="ann", note="not a growth rate")
    record_decision(out, "figures", _id(out, "1,5 трлн руб."), "correct", field="unit", new_value="USD")
    record_decision(out, "figures", _id(out, "1,5 трлн руб."), "correct", field="value", new_value="1,7")
    record_decision(out, "figures", _id(out, "30 %"), "accept", reviewer="ann")
    publish(out)


def _reingest(out, rows: list[dict]) -> None:
    publish_batch(out, {**batch(out.parent / "paper.pdf"), "figures": conform("figures", rows)}, [DOC])
    publish(out)


def test_fresh_output_is_unreviewed(out):
    assert set(read_table(out, "figures")["review_status"]) == {"unreviewed"}
    assert not (out / "reviewed").exists()


def test_decision_is_in_the_journal_at_once_tables_change_on_publish(out):
    before = (out / "figures.parquet").stat().st_mtime_ns
    entry = record_decision(out, "figures", _id(out, "30 %"), "accept", reviewer="ann")
    assert entry["seq"] == 1 and entry["quote"] == "30 %" and entry["file_name"] == "paper.pdf"
    live = journal.effective(out)
    assert list(zip(live["row_id"], live["decision"], strict=True)) == [(_id(out, "30 %"), "accept")]
    assert (out / "figures.parquet").stat().st_mtime_ns == before  # no table rewritten per click
    publish(out)
    assert figures_by_quote(out)["30 %"]["review_status"] == "accepted"
    assert list(read_table(out, "reviews")["row_id"]) == [_id(out, "30 %")]


def test_undo_cancels_the_last_decision_and_restores_a_corrected_value(out):
    rid = _id(out, "1,5 трлн руб.")
    record_decision(out, "figures", _id(out, "30 %"), "accept", reviewer="bob")
    record_decision(out, "figures", rid, "correct", field="value", new_value="1,7", reviewer="ann")
    publish(out)
    assert figures_by_quote(out)["1,5 трлн руб."]["value"] == 1.7
    undone = undo_last(out, reviewer="ann")
    assert (undone["row_id"], undone["decision"]) == (rid, "correct")
    publish(out)
    fig = figures_by_quote(out)["1,5 трлн руб."]
    assert (fig["review_status"], fig["value"], fig["value_scaled"]) == ("unreviewed", 1.5, 1.5e12)
    assert figures_by_quote(out)["30 %"]["review_status"] == "accepted"  # bob's decision stays
    assert list(journal.entries(out)["decision"]) == ["accept", "correct", "undo"]  # history kept
    assert undo_last(out, reviewer="ann") is None


def test_record_publishes_status_and_corrections(out):
    _decide(out)
    reviews = read_table(out, "reviews")
    assert list(reviews["decision"]) == ["reject", "correct", "correct", "accept"]
    assert reviews.loc[0, "reviewer"] == "ann" and reviews.loc[0, "note"] == "not a growth rate"
    assert reviews["at"].str.endswith("+00:00").all()
    assert list(reviews["old_value"][1:3]) == ["RUB", "1.5"]  # the original is kept
    assert reviews.loc[1, "quote"] == "1,5 трлн руб." and reviews.loc[1, "page"] == 1
    figs = figures_by_quote(out)
    assert figs["5,2 %"]["review_status"] == "rejected"
    assert figs["30 %"]["review_status"] == "accepted"
    assert figs["120 организаций"]["review_status"] == "unreviewed"
    fixed = figs["1,5 трлн руб."]
    assert (fixed["review_status"], fixed["unit"], fixed["value"]) == ("corrected", "USD", 1.7)
    assert fixed["value_scaled"] == pytest.approx(1.7e12)


def test_same_rows_rewritten_keep_decisions_by_id(out):
    _decide(out)
    _reingest(out, figure_rows())
    figs = figures_by_quote(out)
    assert [figs[q]["review_status"] for q in ("5,2 %", "1,5 трлн руб.", "30 %")] == [
        "rejected",
        "corrected",
        "accepted",
    ]
    assert figs["1,5 трлн руб."]["unit"] == "USD"  # reapplied to the raw row
    attached = attach({"figures": read_table(out, "figures")}, read_table(out, "reviews"))
    assert set(attached["matched_by"]) == {"id"}
    assert orphaned_in(out).empty


def test_changed_ids_reattach_by_doc_page_quote(out):
    _decide(out)
    rows = [r | {"figure_id": "new" + r["figure_id"][3:], "confidence": 0.99} for r in figure_rows()]
    _reingest(out, rows)
    figs = figures_by_quote(out)
    assert figs["5,2 %"]["review_status"] == "rejected"
    assert figs["1,5 трлн руб."]["unit"] == "USD"
    attached = attach({"figures": read_table(out, "figures")}, read_table(out, "reviews"))
    assert set(attached["matched_by"]) == {"quote"}  # same document, page and quote


def test_disappeared_fact_is_orphaned_not_dropped(out):
    _decide(out)
    _reingest(out, [r for r in figure_rows() if r["quote"] != "5,2 %"])
    orphans = orphaned_in(out)
    assert list(orphans["quote"]) == ["5,2 %"] and orphans["orphaned"].all()
    assert len(read_table(out, "reviews")) == 4
    _reingest(out, figure_rows())  # the fact comes back: so does its decision
    assert figures_by_quote(out)["5,2 %"]["review_status"] == "rejected"
    assert orphaned_in(out).empty


def test_fallback_prefers_nearest_unclaimed_occurrence():
    rows = [
        {"figure_id": f"a{i}", "doc_id": "d", "page": 1, "char_start": s, "char_end": s + 2, "quote": "5%"}
        for i, s in enumerate((10, 50, 90))
    ]
    frame = conform("figures", [r | {"value": 5.0, "unit_mult": 0, "value_scaled": 5.0} for r in rows])
    reviews = conform(
        "reviews",
        [
            {"table": "figures", "row_id": "a0", "decision": "accept", "at": "t", "doc_id": "d", "page": 1},
            {"table": "figures", "row_id": "gone", "decision": "reject", "at": "t", "doc_id": "d", "page": 1}
            | {"quote": "5%", "char_start": 12},
        ],
    )
    status = apply_reviews({"figures": frame}, reviews)["figures"]["review_status"]
    assert list(status) == ["accepted", "rejected", "unreviewed"]  # a0 is claimed by id
    assert orphaned({"figures": frame.iloc[:1]}, reviews)["row_id"].tolist() == ["gone"]


def test_status_fold_and_invalid_corrections(out):
    rid = _id(out, "120 организаций")
    record_decision(out, "figures", rid, "correct", field="counted", new_value="организация")
    record_decision(out, "figures", rid, "accept")
    publish(out)
    assert figures_by_quote(out)["120 организаций"]["review_status"] == "corrected"
    record_decision(out, "figures", rid, "reject")
    publish(out)
    assert figures_by_quote(out)["120 организаций"]["review_status"] == "rejected"
    for field, value in (("kind", "nonsense"), ("value", "abc"), ("quote", "x"), ("unit_mult", "1.5")):
        with pytest.raises(ValueError):
            record_decision(out, "figures", rid, "correct", field=field, new_value=value)
    with pytest.raises(KeyError):
        record_decision(out, "figures", "no-such-id", "accept")
    assert len(journal.effective(out)) == 3


def test_table_cells_are_reviewable(out):
    cells = read_table(out, "table_cells")
    rid = row_ids("table_cells", cells).iloc[1]
    assert rid == "t1:1:1"
    record_decision(out, "table_cells", rid, "correct", field="value", new_value="7.5")
    publish(out)
    cell = read_table(out, "table_cells").iloc[1]
    assert (cell["value"], cell["review_status"]) == (7.5, "corrected")


def test_export_holds_accepted_and_corrected_rows_only(out):
    _decide(out)
    paths = export_reviewed(out)
    assert out / "reviewed" / "reviewed.xlsx" in paths
    csv = pd.read_csv(out / "reviewed" / "figures.csv")
    assert sorted(csv["quote"]) == ["1,5 трлн руб.", "30 %"]
    assert set(csv["review_status"]) == {"accepted", "corrected"}
    assert csv.set_index("quote").loc["1,5 трлн руб.", "unit"] == "USD"
    assert pd.read_csv(out / "reviewed" / "dates.csv").empty
    sheets = pd.read_excel(out / "reviewed" / "reviewed.xlsx", sheet_name=None)
    assert set(sheets) == {"figures", "dates", "clusters", "mentions", "table_cells", "observations"}
    assert sorted(sheets["figures"]["quote"]) == ["1,5 трлн руб.", "30 %"]
    assert set(sheets["figures"]["qualifier"]) == {"="}  # text, not a formula


def test_render_escapes(out):
    row = figures_by_quote(out)["30 %"]
    text, start, end = context("figures", row, None)
    assert text[start:end] == "30 %"
    markup = highlight_html("figures", text, start, end)
    assert "<script" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def test_a_deleted_journal_is_reopened_and_reseeded_from_the_published_reviews(out):
    record_decision(out, "figures", _id(out, "30 %"), "accept")
    publish(out)
    for path in out.glob("reviews.sqlite*"):
        path.unlink()
    record_decision(out, "figures", _id(out, "5,2 %"), "reject")  # same process: not the old file
    assert (out / "reviews.sqlite").exists()
    assert list(journal.effective(out)["decision"]) == ["accept", "reject"]  # seeded from `reviews`
