"""indikator: Russian policy and economics papers (PDF) → clean, normalized, reviewed tables.

Public API: `extract_text(text) -> Extraction` and `ingest(paths, out=...) -> IngestSummary`.
Stages: `pipeline.parse` → `pipeline.nlp` → `pipeline.extract` → `pipeline.store` → `pipeline.review`.
"""

from __future__ import annotations

import natasha  # noqa: F401  (first: natasha patches pymorphy2, which yargy needs, for Python 3.11)

from pipeline.config import PACKAGE_VERSION as __version__
from pipeline.extract import Extraction, extract_text
from pipeline.ingest import IngestSummary, ingest

__all__ = ["Extraction", "IngestSummary", "__version__", "extract_text", "ingest"]
