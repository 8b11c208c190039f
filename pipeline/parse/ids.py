"""Stable document ids derived from file content."""

from __future__ import annotations

import hashlib
from pathlib import Path


def doc_id_of(path: str | Path) -> str:
    """First 16 hex digits of the sha256 of the file bytes."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]
