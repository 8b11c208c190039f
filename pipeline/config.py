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
    return Settings(**{k: _cast(k, v, known[k]) for k, v in values.items() if k in known})


def _cast(name: str, value: object, type_name: str) -> object:
    if isinstance(value, str) and type_name.startswith("int"):
        try:
            return int(value)
        except ValueError:
            message = f"setting {name} (INDIKATOR_{name.upper()}): {value!r} is not a whole number"
            raise ValueError(message) from None
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


PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",  # patient on a busy machine
    "PREFECT_LOGGING_LEVEL": "INFO",  # run logs (one line per document) reach the API and the UI
}


def prefect_environment(work_dir: Path | None = None, *, console_level: str = "WARNING") -> None:
    """Offline Prefect: no analytics, a local PREFECT_HOME, run logs to the API while the terminal
    shows `console_level` and above. Call it in an entry point before Prefect is imported (Prefect
    reads its settings at import); variables already set win."""
    os.environ.setdefault("PREFECT_HOME", str((work_dir or Path.cwd()) / ".prefect"))
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", console_level)


def prefect_server_url() -> str | None:
    """The Prefect API configured for this process (`PREFECT_API_URL` or the active profile of
    PREFECT_HOME's profiles.toml), read without importing Prefect; None when there is none."""
    if url := os.environ.get("PREFECT_API_URL"):
        return url
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    profiles_path = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml")).expanduser()
    try:
        profiles = tomllib.loads(profiles_path.read_text())
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    return profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL") or None
