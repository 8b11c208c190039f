"""Settings: defaults, `[tool.indikator]` in pyproject.toml, then `INDIKATOR_*` environment variables."""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

PACKAGE_VERSION = "0.1.0"
PIPELINE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Settings:
    inbox: str = "inbox"
    out: str = "extracted"
    interval_seconds: int = 300
    cron: str | None = None
    doc_timeout_seconds: int = 600
    max_pages: int = 2000
    workers: int = 1
    dask_address: str | None = None
    prefect_port: int = 4200  # `indikator serve` starts a Prefect server here unless PREFECT_API_URL is set
    review_port: int = 8501


def load_settings(project_dir: Path | None = None) -> Settings:
    """Merge defaults, the project's `[tool.indikator]` table and `INDIKATOR_<NAME>` variables."""
    values: dict[str, object] = {}
    pyproject = (project_dir or Path.cwd()) / "pyproject.toml"
    if pyproject.exists():
        values.update(tomllib.loads(pyproject.read_text()).get("tool", {}).get("indikator", {}))
    for f in fields(Settings):
        env = os.environ.get(f"INDIKATOR_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    known = {f.name: f.type for f in fields(Settings)}
    return Settings(**{k: _cast(v, known[k]) for k, v in values.items() if k in known})


def _cast(value: object, type_name: str) -> object:
    if isinstance(value, str) and type_name.startswith("int"):
        return int(value)
    return value


def pipeline_version() -> str:
    """Package version plus a hash of the library's source: any code change re-extracts.

    `INDIKATOR_PIPELINE_VERSION` pins it (worker processes inherit their run's version)."""
    return os.environ.get("INDIKATOR_PIPELINE_VERSION") or _source_version()


@cache
def _source_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(PIPELINE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PIPELINE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{PACKAGE_VERSION}+{digest.hexdigest()[:8]}"


def prefect_environment(work_dir: Path | None = None) -> None:
    """Offline, serverless Prefect: no analytics, a local PREFECT_HOME, patient ephemeral start-up."""
    home = (work_dir or Path.cwd()) / ".prefect"
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
