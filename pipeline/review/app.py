"""The review app (Streamlit): `streamlit run app.py -- --out DIR`. It only renders and collects input;
decisions go through `pipeline.review.decisions.record_decision`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

from pipeline.review.decisions import (
    QUOTE_COLUMN,
    REVIEWABLE,
    STATUS_COLUMN,
    STATUSES,
    correctable_fields,
    orphaned_in,
    record_decision,
    row_ids,
)
from pipeline.review.render import (
    Filters,
    context,
    filter_rows,
    highlight_html,
    labelled_ids,
    options,
    page_image,
    span_bbox,
)
from pipeline.store import read_table

ORPHAN_COLUMNS = [
    "table",
    "row_id",
    "decision",
    "field",
    "new_value",
    "doc_id",
    "page",
    "quote",
    "reviewer",
    "at",
]


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--out")
    parser.add_argument("--flow-run-id")
    return parser.parse_known_args(sys.argv[1:])[0]


def out_dir() -> Path:
    """The output directory: session state (tests), then `-- --out DIR`, then $INDIKATOR_OUT."""
    if "out" in st.session_state:
        return Path(st.session_state["out"])
    return Path(_args().out or os.environ.get("INDIKATOR_OUT", "extracted"))


def resume_button() -> None:
    """When a paused ingest flow waits for this review (`--flow-run-id`): a button that resumes it."""
    flow_run_id = st.session_state.get("flow_run_id") or _args().flow_run_id
    if not flow_run_id:
        return
    st.sidebar.text_input("Note to the flow", key="flow_note")
    if st.sidebar.button("Finish review: resume the ingest flow", key="resume"):
        from flows.review import resume_review

        s = st.session_state
        resume_review(flow_run_id, reviewer=s.get("reviewer") or "", note=s.get("flow_note") or "")
        st.sidebar.success("Flow resumed; you may close this tab.")


@st.cache_data(show_spinner=False, max_entries=64)
def _table(out: str, name: str, stamp: int) -> pd.DataFrame:
    return read_table(out, name)


def table(out: Path, name: str) -> pd.DataFrame:
    """A published table, re-read whenever its Parquet file changes."""
    path = out / f"{name}.parquet"
    return _table(str(out), name, path.stat().st_mtime_ns if path.exists() else 0)


@st.cache_data(show_spinner=False, max_entries=32)
def _image(source_path: str, page: int, boxes: tuple, resolution: int, around: float | None):
    return page_image(source_path, page, boxes, resolution, around)


def sidebar(out: Path, docs: pd.DataFrame) -> tuple[str, str]:
    """Reviewer, document and table pickers; returns (doc_id, table)."""
    st.sidebar.text_input("Reviewer", value=_default_reviewer(), key="reviewer")
    docs = docs.sort_values(["status", "file_name"], key=lambda c: c.ne("ok") if c.name == "status" else c)
    names = {d: _doc_label(r) for d, r in zip(docs["doc_id"], docs.to_dict("records"), strict=True)}
    doc_id = st.sidebar.selectbox("Document", list(names), format_func=names.get, key="doc")
    name = st.sidebar.selectbox("Table", REVIEWABLE, key="table")
    return doc_id, name


def _doc_label(doc: dict) -> str:
    status = "" if doc["status"] == "ok" else f" [{doc['status']}]"
    return f"{doc['file_name']} ({doc['doc_id'][:8]}){status}"


def filters(rows: pd.DataFrame) -> Filters:
    """Filter widgets for the columns this table has."""
    st.sidebar.markdown("**Filters**")
    ms = st.sidebar.multiselect
    return Filters(
        units=tuple(ms("Unit", options(rows, "unit"), key="f_unit")) if "unit" in rows else (),
        kinds=tuple(ms("Kind", options(rows, "kind"), key="f_kind")) if "kind" in rows else (),
        pages=tuple(ms("Page", options(rows, "page"), key="f_page")) if "page" in rows else (),
        statuses=tuple(ms("Review status", list(STATUSES), key="f_status")),
        low_confidence_first=st.sidebar.checkbox("Low confidence first", key="f_lowconf")
        if "confidence" in rows
        else False,
    )


def show_orphans(out: Path) -> None:
    """Decisions whose fact is gone (kept, never dropped)."""
    orphans = orphaned_in(out)
    with st.sidebar.expander(f"Orphaned decisions ({len(orphans)})", expanded=not orphans.empty):
        if orphans.empty:
            st.caption("Every decision is attached to a row.")
        else:
            st.dataframe(orphans[ORPHAN_COLUMNS], hide_index=True, key="orphans")


def grid(out: Path, name: str, rows: pd.DataFrame) -> None:
    """The editable grid: edits to correctable columns are saved as corrections on demand."""
    fields = correctable_fields(name)
    first = [STATUS_COLUMN, QUOTE_COLUMN[name], *fields, "confidence", "page"]
    first = [c for c in dict.fromkeys(first) if c in rows]
    shown = rows[[*first, *[c for c in rows.columns if c not in first]]]
    key = f"grid{st.session_state.setdefault('nonce', 0)}"
    st.data_editor(
        shown,
        key=key,
        hide_index=True,
        num_rows="fixed",
        height=300,
        disabled=[c for c in shown.columns if c not in fields],
    )
    edits = _grid_edits(key, shown)
    if edits and st.button(f"Save {len(edits)} grid edit(s) as corrections", key="save_grid"):
        _save(out, name, [(rid, doc, "correct", col, val) for rid, doc, col, val in edits])
        st.rerun()


def detail(out: Path, name: str, rows: pd.DataFrame, pages: pd.DataFrame, source: str | None) -> None:
    """The selected row: its sentence with the quote highlighted, the page image, decision buttons."""
    labels = labelled_ids(name, rows)
    rid = st.selectbox("Row", list(labels), format_func=labels.get, key="row")
    if rid is None:
        return
    row = rows[row_ids(name, rows) == rid].iloc[0].to_dict()
    page = row.get("page")
    page_row = pages[pages["page"] == page] if page is not None and not pd.isna(page) else pages.iloc[0:0]
    text = page_row["text"].iloc[0] if not page_row.empty else None
    left, right = st.columns([5, 4])
    with left:
        st.html(highlight_html(name, *context(name, row, text)))
        decisions(out, name)
    with right:
        lines = page_row["lines"].iloc[0] if not page_row.empty else None
        box = span_bbox(None if pd.isna(lines) else lines, row.get("char_start"), row.get("char_end"))
        if source and not page_row.empty:
            page_images(source, int(page), box)


def page_images(source: str, page: int, box: tuple | None) -> None:
    """The span's neighbourhood on the page (zoomed) and, folded, the whole page."""
    boxes = (box,) if box else ()
    if box:
        near = _image(source, page, boxes, 150, 90.0)
        if near is not None:
            st.image(near, caption=f"page {page}, around the span", width="stretch")
    with st.expander("Whole page", expanded=not box):
        whole = _image(source, page, boxes, 80, None)
        if whole is not None:
            st.image(whole, width="stretch")
        else:
            st.caption(f"No PDF page to show ({source}).")


def decisions(out: Path, name: str) -> None:
    """Accept / reject / correct controls for the row picked in the `row` selectbox."""
    st.text_input("Note", key="note")
    a, r = st.columns(2)
    a.button("Accept", key="accept", on_click=_decide, args=(out, name, "accept"), type="primary")
    r.button("Reject", key="reject", on_click=_decide, args=(out, name, "reject"))
    st.selectbox("Field to correct", correctable_fields(name), key="field")
    st.text_input("Corrected value", key="new_value")
    st.button("Correct", key="correct", on_click=_decide, args=(out, name, "correct"))


def _decide(out: Path, name: str, decision: str) -> None:
    """Button callback: reads the current widget values (not the ones of the last render)."""
    s = st.session_state
    field = s.get("field") if decision == "correct" else None
    value = s.get("new_value") if decision == "correct" else None
    _save(out, name, [(s.get("row"), s.get("doc"), decision, field, value)])
    s["note"] = s["new_value"] = ""


def _save(out: Path, name: str, items: list[tuple]) -> None:
    s = st.session_state
    try:
        for rid, doc, decision, field, value in items:
            record_decision(
                out,
                name,
                rid,
                decision,
                doc_id=doc,
                field=field,
                new_value=value,
                reviewer=s.get("reviewer") or None,
                note=s.get("note") or None,
            )
        s["flash"] = ("success", f"Saved {len(items)} decision(s): {items[-1][2]} {items[-1][0]}")
        s["nonce"] = s.get("nonce", 0) + 1
    except (ValueError, KeyError) as exc:
        s["flash"] = ("error", str(exc))


def _grid_edits(key: str, shown: pd.DataFrame) -> list[tuple]:
    """(row_id, doc_id, column, value) for every changed cell of the editor."""
    state = st.session_state.get(key) or {}
    name = st.session_state.get("table")
    ids = row_ids(name, shown).tolist()
    edits = []
    for pos, changes in (state.get("edited_rows") or {}).items():
        pos = int(pos)
        for column, value in changes.items():
            edits.append((ids[pos], shown["doc_id"].iloc[pos], column, value))
    return edits


def _flash() -> None:
    kind, message = st.session_state.pop("flash", (None, None))
    if kind:
        (st.success if kind == "success" else st.error)(message)


def _default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def main() -> None:
    st.set_page_config(page_title="indikator review", layout="wide")
    out = out_dir()
    st.title("indikator · review")
    docs = table(out, "documents")
    if docs.empty:
        st.warning(f"No documents in {out}. Run `indikator ingest PATH --out {out}` first.")
        return
    doc_id, name = sidebar(out, docs)
    all_rows = table(out, name)
    rows = all_rows[all_rows["doc_id"] == doc_id].reset_index(drop=True)
    view = filter_rows(rows, filters(rows))
    show_orphans(out)
    resume_button()
    _flash()
    st.caption(f"{len(view)} of {len(rows)} {name} rows · output {out}")
    if view.empty:
        st.info("No rows match.")
        return
    grid(out, name, view)
    pages = table(out, "pages")
    source = docs.loc[docs["doc_id"] == doc_id, "source_path"].iloc[0]
    detail(out, name, view, pages[pages["doc_id"] == doc_id], source)


main()
