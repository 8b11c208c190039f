"""CPU seconds of `process_document` over a corpus in one process (models warm, no pool, no store):
the process's own CPU and its children's (Tesseract), and the share of the scanned documents.

Usage: python bench/cpu_documents.py [DIR ...]   (default: fixtures/pdf fixtures/txt ../shared/corpus/real)
Compare two checkouts by running it with PYTHONPATH set to each, alternately, on an idle machine.
Math libraries run single-threaded, as in the pool's workers (`isolate.SINGLE_THREADED_MATH`).
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.isolate import SINGLE_THREADED_MATH  # noqa: E402

for _name, _value in SINGLE_THREADED_MATH.items():
    os.environ.setdefault(_name, _value)

from pipeline.ingest import process_document  # noqa: E402

DEFAULT = [ROOT / "fixtures" / "pdf", ROOT / "fixtures" / "txt", ROOT.parent / "shared" / "corpus" / "real"]


def cpu() -> tuple[float, float]:
    """(own, children's) user + system CPU seconds so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    dirs = [Path(a) for a in sys.argv[1:]] or [d for d in DEFAULT if d.is_dir()]
    files = [p for d in dirs for p in sorted(d.rglob("*")) if p.suffix.lower() in (".pdf", ".txt")]
    process_document(ROOT / "fixtures" / "txt" / "seed_gertsik_2020_excerpt.txt")  # load the models
    start, scanned = cpu(), 0.0
    for path in files:
        before = cpu()
        process_document(path)
        after = cpu()
        if "scanned" in path.name:
            scanned += sum(after) - sum(before)
    own, kids = (b - a for a, b in zip(start, cpu(), strict=True))
    print(
        f"{len(files)} documents: own {own:.2f} + children {kids:.2f} = {own + kids:.2f} CPU-s "
        f"(scanned documents {scanned:.2f})"
    )


if __name__ == "__main__":
    main()
