"""The Prefect review gate: the ingest flow pauses for review and resumes with a typed answer."""

from __future__ import annotations

import threading
import time

import pytest
from test_review_support import figure_rows, make_output

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]


def test_review_gate_pauses_until_resumed(tmp_path):
    from prefect import flow
    from prefect.runtime import flow_run

    from flows.review import resume_review, review_gate
    from pipeline.review import record_decision

    out = make_output(tmp_path)
    run_ids: list[str] = []

    @flow
    def ingest_with_review() -> dict:
        run_ids.append(flow_run.id)
        return review_gate(out, start_app=False, timeout_s=120, poll_interval_s=1)

    def reviewer() -> None:
        while not run_ids:
            time.sleep(0.1)
        record_decision(out, "figures", figure_rows()[0]["figure_id"], "reject", reviewer="ann")
        time.sleep(2)
        resume_review(run_ids[0], reviewer="ann", note="done")

    thread = threading.Thread(target=reviewer, daemon=True)
    thread.start()
    result = ingest_with_review()
    assert result["answer"] == {"reviewer": "ann", "approved": True, "note": "done"}
    assert result["status"]["figures"] == {"unreviewed": 3, "rejected": 1}
    assert result["orphaned"] == 0
    assert (out / "reviewed" / "reviewed.xlsx").exists()
