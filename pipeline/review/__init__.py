"""Review step: a local Streamlit app over an output directory, and the decisions it records.

`serve(out, port)` runs the app; the pure logic (record, re-attach, publish, export) is in
`pipeline.review.decisions`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.review.decisions import (
    apply_reviews,
    export_reviewed,
    orphaned,
    orphaned_in,
    record_decision,
)

APP = Path(__file__).with_name("app.py")
DEFAULT_PORT = 8501

__all__ = [
    "APP",
    "apply_reviews",
    "command",
    "export_reviewed",
    "orphaned",
    "orphaned_in",
    "record_decision",
    "serve",
]


def command(
    out: Path | str, port: int = DEFAULT_PORT, host: str = "127.0.0.1", flow_run_id: str | None = None
) -> list[str]:
    """The `streamlit run` command line of the review app over `out` (resuming `flow_run_id`)."""
    resume = ["--flow-run-id", str(flow_run_id)] if flow_run_id else []
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--client.toolbarMode", "viewer",
        "--", "--out", str(Path(out).resolve()), *resume,
    ]  # fmt: skip


def serve(out: Path | str, port: int = DEFAULT_PORT, host: str = "127.0.0.1") -> int:
    """Run the review app until interrupted (blocks); returns Streamlit's exit code."""
    if not Path(out).is_dir():
        raise FileNotFoundError(f"no output directory {out}; run `indikator ingest` first")
    try:
        return subprocess.run(command(out, port, host), check=False).returncode
    except KeyboardInterrupt:
        return 0
