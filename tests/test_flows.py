"""Prefect flows against a temporary server: deployment schedule, inbox runs, artifacts, Dask
(documents run as plain tasks in the Dask workers; the flow records one task run per document)."""

from __future__ import annotations

import shutil
import sys
import time
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from storecheck import stable_table

from pipeline.config import Settings
from pipeline.runs import FAILURES_KEY, SUMMARY_KEY, run_local
from pipeline.store import read_table

pytestmark = pytest.mark.usefixtures("prefect_server")

INBOX_FILES = ("kaluga_note.pdf", "two_column.pdf", "truncated.pdf")


def _inbox(tmp_path: Path, pdf_dir: Path, names=INBOX_FILES) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in names:
        shutil.copy(pdf_dir / name, inbox / name)
    return inbox


def _read_deployment(deployment_id):
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_deployment(deployment_id)


def test_deployment_registered_with_interval_schedule(tmp_path):
    from flows.inbox import inbox_deployment

    settings = Settings(inbox=str(tmp_path / "in"), out=str(tmp_path / "out"), interval_seconds=900)
    deployment = _read_deployment(inbox_deployment(settings).apply())
    assert deployment.name == "inbox"
    assert [s.schedule.interval for s in deployment.schedules] == [timedelta(seconds=900)]
    assert all(s.active for s in deployment.schedules)
    assert deployment.parameters["inbox"] == str((tmp_path / "in").resolve())
    assert deployment.parameters["out"] == str((tmp_path / "out").resolve())


def test_deployment_cron_and_serve_keeps_schedule_on_shutdown(tmp_path, monkeypatch):
    import flows.inbox

    settings = Settings(inbox=str(tmp_path), out=str(tmp_path / "out"), cron="*/15 * * * *")
    deployment = _read_deployment(flows.inbox.inbox_deployment(settings).apply())
    assert [s.schedule.cron for s in deployment.schedules] == ["*/15 * * * *"]
    served = {}
    monkeypatch.setattr(flows.inbox, "serve", lambda *deps, **kw: served.update(kw, deps=deps))
    flows.inbox.serve_inbox(settings)
    assert served["pause_on_shutdown"] is False
    assert served["deps"][0].name == "inbox"


def test_inbox_run_shows_documents_in_prefect_and_an_idle_tick_adds_nothing(tmp_path, pdf_dir):
    """Task runs named after files, a Failed task run per failed document in a Completed flow run,
    a log line per document, artifacts; then an idle tick: no subflow, no artifact."""
    from flows.inbox import inbox_flow

    inbox, out = _inbox(tmp_path, pdf_dir), tmp_path / "out"
    state = inbox_flow(str(inbox), str(out), timeout=120, return_state=True)
    assert state.is_completed() and state.message == "2 ok, 1 failed, 0 unchanged"
    totals = state.result()
    assert (totals["documents"], totals["ok"], totals["failures"]) == (3, 2, 1)
    failures = read_table(out, "failures")
    assert list(failures["stage"]) == ["parse"] and "truncated.pdf" in failures["message"][0]
    assert sorted(read_table(out, "documents")["status"]) == ["failed", "ok", "ok"]
    (ingest_run,) = _subflows(state.state_details.flow_run_id)
    assert ingest_run.state.is_completed()
    states = {t.name: t.state.type.value for t in _task_runs(ingest_run.id)}
    assert states == {
        "kaluga_note.pdf": "COMPLETED",
        "two_column.pdf": "COMPLETED",
        "truncated.pdf": "FAILED",
    }
    lines = _log_lines(ingest_run.id, INBOX_FILES)
    assert "pages" in lines["kaluga_note.pdf"] and "failed at parse" in lines["truncated.pdf"]
    artifacts = _assert_artifacts()

    again = inbox_flow(str(inbox), str(out), return_state=True)
    assert again.is_completed() and again.message == "nothing new"
    assert (again.result()["documents"], again.result()["skipped"]) == (0, 3)
    assert _subflows(again.state_details.flow_run_id) == []
    assert _artifact_count() == artifacts


def _subflows(flow_run_id) -> list:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId

    parent = FlowRunFilter(parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[flow_run_id]))
    with get_client(sync_client=True) as client:
        return client.read_flow_runs(flow_run_filter=parent)


def _task_runs(flow_run_id) -> list:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        return client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))


def _log_lines(flow_run_id, names, wait_s: float = 20.0) -> dict[str, str]:
    """The run's log line per file name (logs reach the API in batches: bounded wait)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    deadline, found = time.monotonic() + wait_s, {}
    with get_client(sync_client=True) as client:
        while len(found) < len(names) and time.monotonic() < deadline:
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
            found = {n: log.message for log in logs for n in names if log.message.startswith(f"{n}: ")}
            time.sleep(0.5)
    return found


def _artifact_count() -> int:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return len(client.read_artifacts())


def _assert_artifacts() -> int:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        for key, kind in ((SUMMARY_KEY, "table"), (FAILURES_KEY, "markdown")):
            found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
            assert found and found[0].type == kind
    assert "indikator review --out" in found[0].data and "truncated.pdf" in found[0].data
    return _artifact_count()


@pytest.mark.slow
def test_dask_local_cluster_gives_same_tables_as_serial(tmp_path, pdf_dir):
    from distributed import LocalCluster

    from flows.ingest import ingest

    inbox = _inbox(tmp_path, pdf_dir, ("kaluga_note.pdf", "two_column.pdf", "truncated.pdf", "scanned.pdf"))
    run_local([inbox], tmp_path / "serial", workers=1, timeout=120)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        summary = ingest([str(inbox)], str(tmp_path / "dask"), dask_address=cluster.scheduler_address)
        in_workers = _client_run(cluster, lambda: "prefect" in sys.modules)
    assert len({r.worker["pid"] for r in summary.results}) == 2  # one worker process per Dask worker
    # models load on a worker's first extraction, never again (a document failed at parse: none yet)
    assert {r.worker["model_loads"] for r in summary.results if not r.failure} == {1}
    assert list(in_workers.values()) == [False, False]  # Dask workers never import Prefect
    states = {t.name: t.state.type.value for t in _task_runs(_latest_flow_run("indikator-ingest").id)}
    assert states == {
        "kaluga_note.pdf": "COMPLETED",
        "two_column.pdf": "COMPLETED",
        "truncated.pdf": "FAILED",
        "scanned.pdf": "COMPLETED",
    }  # the flow records the Dask work
    for table in ("documents", "pages", "figures", "dates", "clusters", "mentions", "failures"):
        serial, dask = (stable_table(tmp_path / d, table) for d in ("serial", "dask"))
        pd.testing.assert_frame_equal(serial, dask, check_dtype=False)


def _client_run(cluster, fn) -> dict:
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        return client.run(fn)


def _latest_flow_run(name: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName
    from prefect.client.schemas.sorting import FlowRunSort

    flows = FlowFilter(name=FlowFilterName(any_=[name]))
    with get_client(sync_client=True) as client:
        return client.read_flow_runs(flow_filter=flows, sort=FlowRunSort.START_TIME_DESC, limit=1)[0]
