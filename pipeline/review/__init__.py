"""Review step: decisions on extracted rows (journal, re-attachment, publishing) and the local app.

`pipeline.review.decisions` holds the library (record, undo, publish, export); `pipeline.review.app`
the web app (`serve(out, port)`), `pipeline.review.evidence` the exact boxes and page images.
"""

from __future__ import annotations

from pipeline.review.decisions import (
    apply_reviews,
    apply_stored_reviews,
    export_reviewed,
    orphaned,
    orphaned_in,
    publish,
    record_decision,
    record_decisions,
    undo_last,
)

DEFAULT_PORT = 8501

__all__ = [
    "DEFAULT_PORT",
    "apply_reviews",
    "apply_stored_reviews",
    "export_reviewed",
    "orphaned",
    "orphaned_in",
    "publish",
    "record_decision",
    "record_decisions",
    "undo_last",
]
