"""The scheduled inbox deployment served by `indikator serve`.

Each scheduled run plans first (content hash and pipeline version, no parsing): an idle tick
logs "nothing new" and ends there, without a subflow or an artifact; otherwise the `indikator-ingest`
subflow processes the new or changed files. Prefect's temporary (ephemeral) server runs no
scheduler, so the CLI serves against `PREFECT_API_URL` or a local `prefect server start`
(`pipeline.net.prefect_api`). Call `pipeline.config.prefect_environment()` before importing this.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, serve
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.states import Completed

from flows.ingest import ingest, outcome
from pipeline.config import Settings
from pipeline.generations import recover_at_start
from pipeline.ingest import IngestSummary
from pipeline.runs import plan_batch

DEPLOYMENT_NAME = "inbox"


@flow(name="indikator-inbox", log_prints=False)
def inbox_flow(
    inbox: str = "inbox",
    out: str = "extracted",
    workers: int = 1,
    timeout: float = 600,
    max_pages: int | None = None,
    dask_address: str | None = None,
):
    """Ingest new or changed files of `inbox` into `out`; returns the run's totals."""
    Path(inbox).mkdir(parents=True, exist_ok=True)
    recover_at_start(out)
    plan = plan_batch([inbox], out)
    if not plan.pending:
        get_run_logger().info("nothing new in %s: %d file(s) unchanged", inbox, len(plan.files))
        return Completed(message="nothing new", data=IngestSummary(plan.skipped, 0.0).totals())
    summary = ingest(
        [inbox], out, workers=workers, dask_address=dask_address, timeout=timeout, max_pages=max_pages
    )
    return Completed(message=outcome(summary), data=summary.totals())


def inbox_deployment(settings: Settings) -> RunnerDeployment:
    """The inbox deployment: cron if configured, else every `interval_seconds`."""
    schedule = {"cron": settings.cron} if settings.cron else {"interval": settings.interval_seconds}
    return inbox_flow.to_deployment(
        name=DEPLOYMENT_NAME,
        parameters={
            "inbox": str(Path(settings.inbox).resolve()),
            "out": str(Path(settings.out).resolve()),
            "workers": settings.workers,
            "timeout": settings.doc_timeout_seconds,
            "max_pages": settings.max_pages,
            "dask_address": settings.dask_address,
        },
        tags=["indikator"],
        entrypoint_type=EntrypointType.MODULE_PATH,
        **schedule,
    )


def serve_inbox(settings: Settings) -> None:
    """Serve the deployment until SIGINT/SIGTERM; stopping leaves the schedule active."""
    serve(inbox_deployment(settings), pause_on_shutdown=False, limit=1)
