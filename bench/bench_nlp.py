"""NLP + extraction throughput (chars/s) and peak RSS, page by page, on one long real document.

Usage: python bench/bench_nlp.py [PDF]  (default: the 110-page Rosstat bulletin in ../shared)
Parsing is timed separately so the figure is the cost of the NLP layer and the extractors alone.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = SHARED / "corpus" / "real" / "rosstat_sep_russia_jan_aug_2017.pdf"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(path: Path) -> None:
    import pipeline  # noqa: F401  (natasha first)
    from pipeline.extract import extract_page
    from pipeline.nlp import models
    from pipeline.parse import parse_pdf

    models()
    print(f"after model load: peak RSS {peak_rss_mb():.0f} MB")
    t0 = time.perf_counter()
    doc = parse_pdf(path)
    parse_s = time.perf_counter() - t0
    chars = counts = 0
    rss_by_page = []
    t0 = time.perf_counter()
    for page in doc.pages:
        facts = extract_page(page.text)
        chars += len(page.text)
        counts += len(facts.dates) + len(facts.figures) + len(facts.mentions) + len(facts.clusters)
        rss_by_page.append(peak_rss_mb())
    nlp_s = time.perf_counter() - t0
    print(f"{path.name}: {len(doc.pages)} pages, {chars} chars of body text")
    print(f"parse: {parse_s:.1f} s ({len(doc.pages) / parse_s:.1f} pages/s)")
    print(f"nlp+extract: {nlp_s:.1f} s, {chars / nlp_s:,.0f} chars/s, {len(doc.pages) / nlp_s:.1f} pages/s")
    print(f"facts: {counts}; peak RSS {peak_rss_mb():.0f} MB")
    quarter = max(1, len(rss_by_page) // 4)
    print(f"peak RSS after page {quarter}: {rss_by_page[quarter - 1]:.0f} MB; end: {rss_by_page[-1]:.0f} MB")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not target.exists():
        print(f"skipped: {target} not found (../shared absent)")
        sys.exit(0)
    main(target)
