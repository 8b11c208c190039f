"""Shared test set-up: an isolated, offline Prefect home per test run, set before Prefect is imported."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

import pytest

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="indikator-prefect-")

# The CLI's Prefect set-up (offline, run logs to the API, quiet console), before Prefect is imported.
from pipeline.config import pipeline_version, prefect_environment  # noqa: E402

prefect_environment()

# Ctrl-C tests send SIGINT to runs they start, as a terminal does. A launcher without job control
# (a background job of a script) starts us with SIGINT ignored, which every child would inherit
# through exec; a handler (reset to the default on exec) gives the children a terminal's Ctrl-C.
signal.signal(signal.SIGINT, signal.default_int_handler)

# Pin the pipeline version for the session so source edits during a run cannot re-trigger extraction.
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
