"""The scheduled inbox deployment served by `indikator serve`.

Each scheduled run ingests the inbox's new or changed files (by content hash and pipeline
version) into the output directory; unchanged files are skipped before any task is created.
Prefect's temporary (ephemeral) server runs no scheduler, so without `PREFECT_API_URL` the
command starts `prefect server start` on 127.0.0.1 for its lifetime (with the UI).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.config import Settings, prefect_environment
from pipeline.net import free_port, port_free, wait_healthy

prefect_environment()

from prefect import flow, serve  # noqa: E402
from prefect.deployments.runner import EntrypointType, RunnerDeployment  # noqa: E402

from flows.ingest import ingest  # noqa: E402

DEPLOYMENT_NAME = "inbox"


@flow(name="indikator-inbox", log_prints=False)
def inbox_flow(
    inbox: str = "inbox",
    out: str = "extracted",
    workers: int = 1,
    timeout: float = 600,
    max_pages: int | None = None,
    dask_address: str | None = None,
) -> dict:
    """Ingest new or changed files of `inbox` into `out`; returns the run's totals."""
    Path(inbox).mkdir(parents=True, exist_ok=True)
    summary = ingest(
        [inbox], out, workers=workers, dask_address=dask_address, timeout=timeout, max_pages=max_pages
    )
    return summary.totals()


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
    """Serve the deployment until interrupted; stopping leaves the schedule active."""
    with prefect_api(settings.prefect_port):
        serve(inbox_deployment(settings), pause_on_shutdown=False, limit=1)


@contextmanager
def prefect_api(port: int) -> Iterator[str]:
    """Use `PREFECT_API_URL` if set, else run a local Prefect server on 127.0.0.1 meanwhile."""
    if url := os.environ.get("PREFECT_API_URL"):
        yield url
        return
    port = port if port_free(port) else free_port()
    url = f"http://127.0.0.1:{port}/api"
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    try:
        wait_healthy(f"{url}/health", server, timeout=180)
        os.environ["PREFECT_API_URL"] = url
        print(f"Prefect server and UI: http://127.0.0.1:{port}", flush=True)
        yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.terminate()
        server.wait(timeout=30)
