"""indikator: Russian policy and economics papers (PDF) → clean, normalized, reviewed tables.

Public API: `extract_text(text) -> Extraction` and `ingest(paths, out=...) -> IngestSummary`.
Stages: `pipeline.parse` → `pipeline.nlp` → `pipeline.extract` → `pipeline.store` → `pipeline.review`.
The heavy modules (natasha models, yargy grammars) load on first use, so `import pipeline` is cheap.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from pipeline.config import PACKAGE_VERSION as __version__

_LAZY = {
    "Extraction": "pipeline.extract",
    "extract_text": "pipeline.extract",
    "IngestSummary": "pipeline.catalog",
}
# `pipeline.ingest` is both a submodule and the README's function: Python binds the submodule to
# the package attribute whenever it is imported, so the module itself is callable (CallableModule).
_CALLABLE_MODULES = {"ingest": "pipeline.ingest"}

__all__ = ["Extraction", "IngestSummary", "__version__", "extract_text", "ingest"]


class CallableModule(ModuleType):
    """A module that calls its namesake function: `pipeline.ingest(...)` is `pipeline.ingest.ingest(...)`."""

    def __call__(self, *args, **kwargs):
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


def __getattr__(name: str):
    if name in _CALLABLE_MODULES:
        return import_module(_CALLABLE_MODULES[name])
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
