"""The review app's API (Starlette, in process) over the synthetic output, and its command line."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_review_support import DOC, LINES, batch, figure_rows, figures_by_quote, make_output

from pipeline.ingest import publish_batch
from pipeline.review import journal
from pipeline.review.app import create_app
from pipeline.review.evidence import MAX_PIXELS, parse_lines, render
from pipeline.schema import conform
from pipeline.store import read_table

pytestmark = pytest.mark.timeout(180)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def out(tmp_path):
    return make_output(tmp_path)


@pytest.fixture
def client(out):
    from starlette.testclient import TestClient

    with TestClient(create_app(out)) as c:  # the lifespan starts and stops the publisher
        yield c


def _rows(client, table="figures") -> dict[str, dict]:
    data = client.get("/api/rows", params={"table": table, "doc": DOC}).json()
    return {r.get("quote") or r.get("text"): r for r in data["rows"]}


def _decide(client, quote, decision, **extra) -> dict:
    row = _rows(client)[quote]
    item = {"row_id": row["_id"], "doc_id": DOC, "decision": decision, **extra}
    return client.post("/api/decide", json={"table": "figures", "reviewer": "ann", "items": [item]})


def test_grid_status_changes_at_once_and_undo(client, out):
    assert {r["review_status"] for r in _rows(client).values()} == {"unreviewed"}
    assert _decide(client, "5,2 %", "reject").status_code == 200
    assert _decide(client, "30 %", "accept").status_code == 200
    rows = _rows(client)
    assert (rows["5,2 %"]["review_status"], rows["30 %"]["review_status"]) == ("rejected", "accepted")
    undone = client.post("/api/undo", json={"reviewer": "ann"}).json()["undone"]
    assert (undone["row_id"], undone["decision"]) == (rows["30 %"]["_id"], "accept")
    assert _rows(client)["30 %"]["review_status"] == "unreviewed"
    assert list(journal.effective(out)["decision"]) == ["reject"]
    progress = client.get("/api/progress").json()[DOC]
    assert progress["figures"] == [1, 4] and progress["dates"] == [0, 1]


def test_correction_is_validated_and_shown(client):
    bad = _decide(client, "1,5 трлн руб.", "correct", field="kind", new_value="nonsense")
    assert bad.status_code == 400 and "invalid value" in bad.json()["error"]
    assert _decide(client, "1,5 трлн руб.", "correct", field="value", new_value="1,7").status_code == 200
    row = _rows(client)["1,5 трлн руб."]
    assert (row["review_status"], row["value"], row["value_scaled"]) == ("corrected", 1.7, 1.7e12)


def test_bulk_decision_and_publish_on_stop(out):
    from starlette.testclient import TestClient

    with TestClient(create_app(out)) as client:
        items = [{"row_id": r["_id"], "doc_id": DOC, "decision": "accept"} for r in _rows(client).values()]
        assert client.post("/api/decide", json={"table": "figures", "items": items}).status_code == 200
    # the app published when it stopped: tables and reviewed/ hold the decisions
    assert {r["review_status"] for r in figures_by_quote(out).values()} == {"accepted"}
    assert len(read_table(out, "reviews")) == 4
    assert (out / "reviewed" / "figures.csv").read_text().count("accepted") == 4


def test_unitless_numbers_are_not_in_the_grid(out, tmp_path):
    from starlette.testclient import TestClient

    bare = figure_rows()[3] | {
        "figure_id": "bare",
        "quote": "3",
        "unit": None,
        "counted": None,
        "confidence": 0.1,
    }
    counted = figure_rows()[2] | {"figure_id": "cnt", "unit": "COUNT", "counted": None, "confidence": 0.2}
    rows = conform("figures", [*figure_rows(), bare, counted])
    publish_batch(out, batch(tmp_path / "paper.pdf") | {"figures": rows}, [DOC])
    with TestClient(create_app(out)) as client:
        ids = {
            r["_id"] for r in client.get("/api/rows", params={"table": "figures", "doc": DOC}).json()["rows"]
        }
    assert ids == {r["figure_id"] for r in figure_rows()}


def test_evidence_boxes_two_figures_on_one_line(client, out):
    """Line 1 holds "5,2 %" and "1,5 трлн руб.": each box lies inside the line box, narrower than
    it, and the two do not overlap; the page image is drawn with them."""
    line = parse_lines(read_table(out, "pages").loc[0, "lines"])[0][2]
    boxes = []
    for quote in ("5,2 %", "1,5 трлн руб."):
        ev = client.get(
            "/api/evidence", params={"table": "figures", "row_id": _rows(client)[quote]["_id"]}
        ).json()
        assert ev["page"] == 1 and ev["has_pdf"] and len(ev["boxes"]) == 1
        box = ev["boxes"][0]
        assert line[0] - 1 <= box[0] < box[2] <= line[2] + 1 and line[1] - 1 <= box[1] < box[3] <= line[3] + 1
        assert box[2] - box[0] < (line[2] - line[0]) / 3
        assert "5,2 %" in ev["html"] or "1,5 трлн руб." in ev["html"]
        boxes.append(box)
    assert boxes[0][2] <= boxes[1][0]  # "5,2 %" ends before "1,5 трлн руб." starts
    png = client.get("/api/page.png", params={"doc": DOC, "page": 1, "boxes": ",".join(map(str, boxes[0]))})
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG"
    pdf = client.get(f"/pdf/{DOC}")  # "open the PDF at this page" links to /pdf/DOC#page=N
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"


def test_text_reaches_the_page_escaped(client):
    ev = client.get(
        "/api/evidence", params={"table": "figures", "row_id": _rows(client)["30 %"]["_id"]}
    ).json()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ev["html"] and "<script" not in ev["html"]
    assert LINES[2].startswith("Доля")


def test_huge_page_renders_within_the_pixel_bound(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "huge.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(14_400.0, 14_400.0))
    c.drawString(100, 100, "42 %")
    c.save()
    image = Image.open(io.BytesIO(render(str(pdf), 1, [(90.0, 14_280.0, 140.0, 14_300.0)], zoom=4.0)))
    assert image.width * image.height <= MAX_PIXELS and image.width >= 2000


def test_taken_port_exits_non_zero_with_one_line(out):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        env = os.environ | {"PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "pipeline.cli", "review", "--out", str(out), "--port", str(port)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 1
    message = (done.stdout + done.stderr).strip()
    assert len(message.splitlines()) == 1 and f"port {port}" in message and "taken" in message


def test_export_command_publishes(out):
    from pipeline.review import record_decision

    record_decision(out, "figures", figure_rows()[3]["figure_id"], "accept")
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "pipeline.cli", "review", "--out", str(out), "--export"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert figures_by_quote(out)["30 %"]["review_status"] == "accepted"
    assert "30 %" in (out / "reviewed" / "figures.csv").read_text()


WRITER = """
import sys
from pipeline.review import record_decision
out, who, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
for i in range(25):
    for rid in ids:
        record_decision(out, "figures", rid, "accept" if i % 2 else "reject", reviewer=who, note=str(i))
"""


def test_two_reviewers_at_once_lose_no_decision(out):
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    ids = [r["figure_id"] for r in figure_rows()]
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(out), who, *ids[k::2]], env=env)
        for k, who in enumerate(("ann", "bob"))
    ]
    assert [p.wait(timeout=150) for p in procs] == [0, 0]
    entries = journal.entries(out)
    assert len(entries) == 2 * 25 * 2 and entries["seq"].is_unique
    for who in ("ann", "bob"):
        mine = entries[entries["reviewer"] == who]
        assert sorted(mine["note"].astype(int).value_counts().unique()) == [2]  # 25 rounds × 2 rows each


def test_finish_publishes_and_resumes_through_the_callback(out):
    from starlette.testclient import TestClient

    answers = []
    with TestClient(create_app(out, on_resume=answers.append)) as client:
        assert client.get("/api/meta").json()["gate"] is True
        assert _decide(client, "30 %", "accept").status_code == 200
        assert client.post("/api/finish", json={"reviewer": "ann", "note": "done"}).json() == {
            "resumed": True
        }
        assert answers == [{"reviewer": "ann", "approved": True, "note": "done"}]
        assert figures_by_quote(out)["30 %"]["review_status"] == "accepted"  # published before resuming


def test_orphans_are_listed_with_old_quote_and_page(out, tmp_path):
    from starlette.testclient import TestClient

    from pipeline.review import record_decision

    record_decision(out, "figures", figure_rows()[0]["figure_id"], "reject", reviewer="ann")
    publish_batch(
        out, batch(tmp_path / "paper.pdf") | {"figures": conform("figures", figure_rows()[1:])}, [DOC]
    )
    with TestClient(create_app(out)) as client:
        orphans = client.get("/api/orphans").json()["orphans"]
    assert [(o["quote"], o["page"], o["decision"]) for o in orphans] == [("5,2 %", 1, "reject")]
    assert len(journal.effective(out)) == 1  # kept, not dropped
