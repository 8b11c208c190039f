"""Review over a real ingest of the seed paper: exact boxes against the PDF's own glyphs, table
cells boxed, page images whatever folder the app starts from, observations reviewed through
their figures, and decisions that survive re-ingestion (forced, new pipeline version, pages
reordered) on exactly the fact they were made on."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline.net import free_port, wait_healthy
from pipeline.review import journal
from pipeline.review.app import command
from pipeline.review.decisions import attached_in, publish, record_decision
from pipeline.review.evidence import cell_box, find_runs, page_chars, parse_lines, span_boxes
from pipeline.store import read_table

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "pdf" / "seed_gertsik_2020.pdf"


def _ingest(project: Path, **kw) -> Path:
    """`indikator ingest seed.pdf --out out` run from `project` (relative paths, as `make run`)."""
    from pipeline.ingest import ingest

    here = Path.cwd()
    os.chdir(project)
    try:
        ingest([Path("seed.pdf")], out=Path("out"), **kw)
    finally:
        os.chdir(here)
    return project / "out"


_INGESTED: dict[str, Path] = {}


def seed_output(tmp_path_factory) -> Path:
    """One ingest of the seed paper per session, shared by the modules that use it."""
    if "seed" not in _INGESTED:
        project = tmp_path_factory.mktemp("project")
        shutil.copy(SEED, project / "seed.pdf")
        _INGESTED["seed"] = _ingest(project)
    return _INGESTED["seed"]


@pytest.fixture(scope="session")
def seed(tmp_path_factory) -> Path:
    """The seed paper's output (read only: tests that change it work on a `copy_of` it)."""
    return seed_output(tmp_path_factory)


def copy_of(seed: Path, project: Path) -> Path:
    """A project folder with the seed PDF and a copy of its output (`project/out`)."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, project / "seed.pdf")
    shutil.copytree(seed, project / "out", symlinks=True)  # the tables link into the current generation
    return project / "out"


def _glyphs_in(chars, box) -> str:
    """The text of the glyphs whose centre lies in the box (reading order)."""
    inside = [
        c
        for c in chars
        if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2] and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]
    ]
    return "".join(c["text"] for c in inside if c["text"].strip())


def test_quote_boxes_hold_exactly_the_quote(seed):
    """Page 2 prints "…превысил 51%, в 2019 г. – 12% (доля…" on one line: each box lies within the
    line box, is far narrower, and holds the glyphs of its quote and nothing else."""
    figs, pages = read_table(seed, "figures"), read_table(seed, "pages")
    chars, _, _ = page_chars(str(seed.parent / "seed.pdf"), 2)
    page = pages[pages["page"] == 2].iloc[0]
    lines = parse_lines(page["lines"])
    boxes = {}
    for quote in ("51%", "12%"):
        fig = figs[(figs["quote"] == quote) & (figs["page"] == 2)].iloc[0]
        (line,) = [b for a, e, b in lines if a <= fig["char_start"] < e]
        (box,) = span_boxes(chars, lines, page["text"], int(fig["char_start"]), int(fig["char_end"]))
        assert line[0] <= box[0] < box[2] <= line[2] and line[1] - 1 <= box[1] < box[3] <= line[3] + 1
        assert box[2] - box[0] < (line[2] - line[0]) / 10
        assert _glyphs_in(chars, box) == quote
        boxes[quote] = box
    assert boxes["51%"][2] < boxes["12%"][0]


def test_table_cells_get_their_own_box(seed):
    cells = read_table(seed, "table_cells")
    chars, _, _ = page_chars(str(seed.parent / "seed.pdf"), 9)
    on_page = cells[cells["page"] == 9].to_dict("records")
    boxed = {(c["row"], c["col"]): cell_box(chars, c) for c in on_page}
    assert sum(b is not None for b in boxed.values()) >= 0.75 * len(on_page)
    cell = next(c for c in on_page if c["text"] == "2010" and c["row_label"] == "Алтай Био")
    box = boxed[(cell["row"], cell["col"])]
    assert _glyphs_in(chars, box) == "2010"
    (header,) = find_runs(chars, "Год")  # "Год основа-/ния" wraps in the header
    (row_label,) = find_runs(chars, "Алтай Био")
    assert box[0] < header[2] and header[0] < box[2]  # under its column label
    assert abs(box[1] - row_label[1]) < 2  # on the line of its row label


def test_app_from_another_folder_shows_page_images(seed, tmp_path):
    import json
    import urllib.request

    assert Path(read_table(seed, "documents")["source_path"].iloc[0]).name == "seed.pdf"
    port = free_port()
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    app = subprocess.Popen(command(seed, port), cwd=tmp_path, env=env, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(f"{url}/health", app, timeout=60)
        fig = read_table(seed, "figures").iloc[0]
        query = f"table=figures&row_id={fig['figure_id']}&doc={fig['doc_id']}"
        with urllib.request.urlopen(f"{url}/api/evidence?{query}", timeout=60) as r:
            ev = json.load(r)
        assert ev["has_pdf"] and ev["page"] == fig["page"] and len(ev["boxes"]) == 1
        with urllib.request.urlopen(
            f"{url}/api/page.png?doc={fig['doc_id']}&page={ev['page']}", timeout=60
        ) as r:
            assert r.status == 200 and r.read(4) == b"\x89PNG"
    finally:
        os.killpg(app.pid, 15)
        app.wait(timeout=60)


# ~20 decisions over four tables: (table, row filter, decision, field, new value)
def _decide_twenty(out: Path) -> None:
    figs = read_table(out, "figures")
    figs = figs[figs["unit"].notna() & (figs["unit"] != "COUNT")]
    for i, r in enumerate(figs.head(14).to_dict("records")):
        decision = ("accept", "reject", "correct")[i % 3]
        extra = {"field": "measure", "new_value": f"измерение {i}"} if decision == "correct" else {}
        record_decision(out, "figures", r["figure_id"], decision, doc_id=r["doc_id"], reviewer="t", **extra)
    cells = read_table(out, "table_cells")
    for r in cells[cells["value"].notna()].head(3).to_dict("records"):
        rid = f"{r['table_id']}:{r['row']}:{r['col']}"
        record_decision(out, "table_cells", rid, "correct", field="unit", new_value="COUNT", reviewer="t")
    for r in read_table(out, "dates").head(2).to_dict("records"):
        record_decision(out, "dates", r["date_id"], "accept", reviewer="t")
    cluster = read_table(out, "clusters").iloc[0]
    record_decision(out, "clusters", cluster["cluster_id"], "reject", reviewer="t")
    publish(out)


def _counts(out: Path) -> dict:
    found = attached_in(out)
    ok = found["target"].notna()
    same = (found["now_quote"] == found["quote"]) | ~ok
    return {
        "decisions": len(found),
        "attached": int(ok.sum()),
        "orphaned": int(found["orphaned"].sum()),
        "wrong_fact": int((~same).sum()),
        "by": found["matched_by"].value_counts().to_dict(),
    }


def _reordered(src: Path, dst: Path) -> None:
    """The same document with its pages in another order (new bytes, new doc_id)."""
    import pypdfium2 as pdfium

    old = pdfium.PdfDocument(str(src))
    order = [*range(1, len(old)), 0][::-1]
    new = pdfium.PdfDocument.new()
    new.import_pages(old, order)
    new.save(str(dst))
    new.close()
    old.close()


def test_decisions_survive_reingest_version_change_and_page_reordering(seed, tmp_path, monkeypatch):
    project = tmp_path / "project"
    out = copy_of(seed, project)
    _decide_twenty(out)
    assert _counts(out) | {"by": None} == {
        "decisions": 20, "attached": 20, "orphaned": 0, "wrong_fact": 0, "by": None,
    }  # fmt: skip
    statuses = read_table(out, "figures")["review_status"].value_counts().to_dict()

    _ingest(project, force=True)  # (a) unchanged file, forced
    assert _counts(out)["attached"] == 20 and _counts(out)["by"] == {"id": 20}
    publish(out)
    assert read_table(out, "figures")["review_status"].value_counts().to_dict() == statuses

    monkeypatch.setenv("INDIKATOR_PIPELINE_VERSION", "review-test-next")  # (b) new pipeline version
    _ingest(project)
    assert read_table(out, "documents")["pipeline_version"].iloc[0] == "review-test-next"
    assert _counts(out)["attached"] == 20

    _reordered(SEED, project / "seed.pdf")  # (c) pages reordered: same file name, new doc_id
    _ingest(project)
    counts = _counts(out)
    assert counts["decisions"] == 20 and counts["wrong_fact"] == 0  # lost: 0
    assert counts["attached"] + counts["orphaned"] == 20 and counts["attached"] >= 17
    found = attached_in(out)
    moved = found[found["target"].notna()]
    assert (moved["now_page"] != moved["page"]).any()  # re-found on their new pages
    assert len(journal.effective(out)) == 20
    publish(out)
    reviewed = pd.read_csv(out / "reviewed" / "figures.csv")
    assert len(reviewed) >= 8 and set(reviewed["review_status"]) <= {"accepted", "corrected"}


OBSERVATION_COLUMNS = {
    "observation_id": "string", "indicator": "string", "measure": "string", "subject_code": "string",
    "territory_code": "string",
    "subject": "string", "period_start": "string", "period_end": "string", "period_precision": "string",
    "value_scaled": "Float64", "unit": "string", "qualifier": "string", "kind": "string",
    "base_period": "string", "doc_id": "string", "page": "Int64", "source": "string", "figure_id": "string",
    "table_id": "string", "row": "Int64", "col": "Int64", "review_status": "string",
}  # fmt: skip
INDICATOR = {"USD": "trade_value", "CNY": "output_value", "RUB": "investment", "PERCENT": "growth_rate"}


@pytest.fixture
def with_observations(seed, tmp_path, monkeypatch):
    """A copy of the seed output with an `observations` table (DESIGN.md columns) built from its
    figures and one numeric table cell, as the analysis-ready facts will publish it."""
    import pandera.pandas as pa

    from pipeline import schema
    from pipeline.store import locked, write_tables

    cols = {
        c: pa.Column(t, nullable=c != "observation_id", coerce=True) for c, t in OBSERVATION_COLUMNS.items()
    }
    monkeypatch.setitem(schema.COLUMNS, "observations", cols)
    monkeypatch.setitem(schema.SCHEMAS, "observations", pa.DataFrameSchema(cols, strict=False))
    out = copy_of(seed, tmp_path)
    figs = read_table(out, "figures")
    figs = figs[figs["unit"].isin(list(INDICATOR))]
    rows = [_observation(f) for f in figs.to_dict("records")]
    cells = read_table(out, "table_cells")
    cell = cells[cells["value"].notna()].iloc[0]
    rows.append(
        {"observation_id": "obs-cell", "indicator": "participants", "value_scaled": cell["value"],
         "unit": "COUNT", "doc_id": cell["doc_id"], "page": cell["page"], "source": "table",
         "table_id": cell["table_id"], "row": cell["row"], "col": cell["col"], "subject": cell["row_label"]}
    )  # fmt: skip
    with locked(out):
        write_tables(out, {"observations": pd.DataFrame(rows)})
    return out


def _observation(f: dict) -> dict:
    year = str(f["period"])[:4] if pd.notna(f["period"]) else None
    china = any(w in str(f["subject"]) for w in ("КНР", "Китай"))
    return {
        "observation_id": f"obs-{f['figure_id']}", "indicator": INDICATOR[f["unit"]], "measure": f["measure"],
        "subject_code": "CN" if china else "RU", "subject": f["subject"],
        "period_start": f"{year}-01-01" if year else None, "period_end": f"{year}-12-31" if year else None,
        "period_precision": "year" if year else None, "value_scaled": f["value_scaled"], "unit": f["unit"],
        "qualifier": f["qualifier"], "kind": f["kind"], "doc_id": f["doc_id"], "page": f["page"],
        "source": "text", "figure_id": f["figure_id"],
    }  # fmt: skip


def test_observations_are_reviewed_like_figures(with_observations):
    from starlette.testclient import TestClient

    from pipeline.review.app import create_app

    out = with_observations
    obs = read_table(out, "observations")
    fig_obs, cell_obs = obs[obs["source"] == "text"].iloc[:2], obs[obs["source"] == "table"].iloc[0]
    first, second = fig_obs.to_dict("records")
    record_decision(out, "figures", first["figure_id"], "reject")  # a decision on the figure …
    cell_id = f"{cell_obs['table_id']}:{cell_obs['row']}:{cell_obs['col']}"
    record_decision(out, "table_cells", cell_id, "accept")
    with TestClient(create_app(out)) as client:
        assert client.get("/api/meta").json()["tables"][0] == "observations"
        rows = {r["_id"]: r for r in client.get("/api/rows", params={"table": "observations"}).json()["rows"]}
        assert (
            rows[first["observation_id"]]["review_status"] == "rejected"
        )  # … carries over to its observation
        assert rows["obs-cell"]["review_status"] == "accepted"
        for field, value in (("period", "2019"), ("territory", "RU-KLU"), ("indicator", "export_value")):
            item = {
                "row_id": second["observation_id"],
                "decision": "correct",
                "field": field,
                "new_value": value,
            }
            assert (
                client.post("/api/decide", json={"table": "observations", "items": [item]}).status_code == 200
            )
        fixed = {
            r["_id"]: r for r in client.get("/api/rows", params={"table": "observations"}).json()["rows"]
        }
        fixed = fixed[second["observation_id"]]
        assert (fixed["period_start"], fixed["period_end"], fixed["period_precision"]) == (
            "2019-01-01", "2019-12-31", "year",
        )  # fmt: skip
        assert (fixed["subject_code"], fixed["indicator"], fixed["review_status"]) == (
            "RU-KLU", "export_value", "corrected",
        )  # fmt: skip
        ev = client.get(
            "/api/evidence", params={"table": "observations", "row_id": second["observation_id"]}
        ).json()
        assert ev["page"] == second["page"] and len(ev["boxes"]) == 1  # the figure's quote on its page
    assert len(journal.effective(out)) == 5  # one decision per edit
    published = read_table(out, "observations").set_index("observation_id")
    assert published.loc[second["observation_id"], "period_precision"] == "year"
    assert published.loc[first["observation_id"], "review_status"] == "rejected"
    assert "export_value" in (out / "reviewed" / "observations.csv").read_text()
