"""Human review gate for the ingest flow (`indikator ingest --review`).

Call `review_gate(out)` inside the ingest flow after the batch is written: it starts the review
app, posts a markdown artifact with its address, and pauses the flow run until a reviewer resumes
it with a `ReviewDone` input (the form Prefect's UI shows for a paused run, or `resume_review`).
It then stops the app (which publishes on its way out), publishes the decisions and returns the
review counts. The app resumes the run through the Prefect API (`--flow-run-id`), never by
importing this module. Pausing
needs a reachable Prefect API (a server); the plain `indikator review` works without one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from uuid import UUID

from prefect.artifacts import create_markdown_artifact
from prefect.flow_runs import pause_flow_run, resume_flow_run
from prefect.input import RunInput
from prefect.runtime import flow_run
from pydantic import Field

from pipeline.net import wait_healthy
from pipeline.review import orphaned_in, publish
from pipeline.review.app import command
from pipeline.review.decisions import REVIEWABLE, STATUS_COLUMN
from pipeline.schema import COLUMNS
from pipeline.store import read_table

REVIEW_KEY = "indikator-review"
APP_STOP_TIMEOUT_S = 60
APP_START_TIMEOUT_S = 120  # the app publishes the decisions before it exits


class ReviewDone(RunInput):
    """What the reviewer answers to resume the paused ingest flow."""

    reviewer: str = Field("", description="Who reviewed")
    approved: bool = Field(True, description="The reviewed/ export may be published")
    note: str = Field("", description="Anything the next reviewer should know")


def review_gate(
    out: str | Path,
    *,
    port: int = 8501,
    timeout_s: int = 24 * 3600,
    poll_interval_s: int = 10,
    start_app: bool = True,
) -> dict:
    """Pause the running flow for review (app on 127.0.0.1:port, with a "resume" button); returns
    review counts per table and the reviewer's `ReviewDone` answer."""
    out = Path(out)
    run_id = str(flow_run.id) if flow_run.id else None
    app = subprocess.Popen(command(out, port, flow_run_id=run_id)) if start_app else None
    try:
        if app is not None:  # a taken port or a missing folder fails here, not after a day's wait
            wait_healthy(f"http://127.0.0.1:{port}/health", app, timeout=APP_START_TIMEOUT_S)
        create_markdown_artifact(markdown=_instructions(out, port), key=REVIEW_KEY, description="Review")
        answer = pause_flow_run(
            wait_for_input=ReviewDone, timeout=timeout_s, poll_interval=poll_interval_s, key="review"
        )
    finally:
        if app is not None:
            app.terminate()
            app.wait(timeout=APP_STOP_TIMEOUT_S)
    publish(out)
    return review_summary(out) | {"answer": answer.model_dump(include={"reviewer", "approved", "note"})}


def resume_review(flow_run_id: str | UUID, reviewer: str = "", approved: bool = True, note: str = "") -> None:
    """Resume a flow paused by `review_gate` (what the UI form and the app's Finish button do)."""
    answer = {"reviewer": reviewer, "approved": approved, "note": note}
    resume_flow_run(UUID(str(flow_run_id)), run_input=answer)


def review_summary(out: str | Path) -> dict:
    """Rows per review status per table, and the number of orphaned decisions."""
    counts = {}
    for table in REVIEWABLE:
        if table not in COLUMNS:
            continue
        frame = read_table(out, table)
        if STATUS_COLUMN in frame and not frame.empty:
            counts[table] = {str(k): int(v) for k, v in frame[STATUS_COLUMN].value_counts().items()}
    return {"status": counts, "orphaned": len(orphaned_in(out))}


def _instructions(out: Path, port: int) -> str:
    return (
        f"### Review waiting\n\nOpen the review app: http://127.0.0.1:{port} (output `{out}`).\n\n"
        "Accept, reject or correct rows, then press **Finish review** in the app (or **Resume** this "
        "flow run here and fill in the form)."
    )
