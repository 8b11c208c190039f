"""indikator: Russian policy and economics papers (PDF) → clean, normalized, reviewed tables.

Public API: `extract_text(text) -> Extraction` and `ingest(paths, out=...) -> IngestSummary`.
Stages: `pipeline.parse` → `pipeline.nlp` → `pipeline.extract` → `pipeline.store` → `pipeline.review`.
The heavy modules (natasha models, yargy grammars) load on first use, so `import pipeline` is cheap.
"""

from __future__ import annotations

from importlib import import_module

from pipeline.config import PACKAGE_VERSION as __version__

_LAZY = {
    "Extraction": "pipeline.extract",
    "extract_text": "pipeline.extract",
    "IngestSummary": "pipeline.ingest",
    "ingest": "pipeline.ingest",
}

__all__ = ["Extraction", "IngestSummary", "__version__", "extract_text", "ingest"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
