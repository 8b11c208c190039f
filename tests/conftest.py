"""Shared test set-up: an isolated, offline Prefect home per test run, set before Prefect is imported."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="indikator-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

# Pin the pipeline version for the session so source edits during a run cannot re-trigger extraction.
from pipeline.config import pipeline_version  # noqa: E402

os.environ["INDIKATOR_PIPELINE_VERSION"] = pipeline_version()

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def prefect_server():
    """A temporary Prefect server (own database) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture
def pdf_dir() -> Path:
    """The small fixture PDFs (fixtures/pdf)."""
    return FIXTURES / "pdf"
