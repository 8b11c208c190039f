"""Extraction stage: facts from one text (a page), as typed facts and as contract-shaped frames.

`extract_text(text)` is the public entry point; the PDF path calls `extract_pages` on a document's
pages (or `extract_page` per page) with the same code, so offsets always index the text that was given.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from pipeline.extract.facts import ClusterFact, DateFact, FigureFact, MentionFact
from pipeline.extract.mentions import extract_mentions
from pipeline.nlp import Analysis, analyze_pages
from pipeline.nlp.language import language
from pipeline.nlp.sentences import page_in_context
from pipeline.schema import conform

if TYPE_CHECKING:
    import pandas as pd

NLP_BATCH_PAGES = 32  # pages per NER call: most of the batching gain, bounded memory


@dataclass
class PageFacts:
    """Everything extracted from one page's text, before it becomes table rows."""

    text: str  # the page's text, with the sentences a page break cut joined back (`page_in_context`)
    analysis: Analysis
    dates: list[DateFact] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    mentions: list[MentionFact] = field(default_factory=list)
    clusters: list[ClusterFact] = field(default_factory=list)
    # The page's own text is `text[page_start:page_end]`: the facts are those on it, their offsets
    # index `text`, and `page_rows` gives rows the page's offsets (it subtracts `page_start`).
    page_start: int = 0
    page_end: int | None = None


@dataclass
class Extraction:
    """Facts of one text as DataFrames with the output-table columns (offsets index the text)."""

    figures: pd.DataFrame
    dates: pd.DataFrame
    mentions: pd.DataFrame
    clusters: pd.DataFrame

    def __iter__(self):
        return iter(("figures", "dates", "mentions", "clusters"))


def extract_page(text: str) -> PageFacts:
    """Run the NLP layer and every extractor over one page of cleaned text."""
    return next(extract_pages([text]))


def extract_pages(texts: list[str], before: str = "", after: str = "") -> Iterator[PageFacts]:
    """`extract_page` for each of a document's pages, in order, each with the sentence a page break
    cut joined back from its neighbours (`before`/`after`: the texts next to the first and last
    page, when these are a slice of a document): the NLP layer runs on `NLP_BATCH_PAGES` pages at a
    time (one NER call over them, see `analyze_pages`)."""
    around = [before, *texts, after]
    for first in range(0, len(texts), NLP_BATCH_PAGES):
        batch = [
            page_in_context(*around[k : k + 3])
            for k in range(first, min(first + NLP_BATCH_PAGES, len(texts)))
        ]
        analyses = analyze_pages([joined for joined, _ in batch])
        for (joined, start), text, analysis in zip(
            batch, texts[first : first + len(batch)], analyses, strict=True
        ):
            yield _extract(joined, analysis, (start, start + len(text)))


def _extract(text: str, analysis: Analysis, page: tuple[int, int] | None = None) -> PageFacts:
    """Every extractor over `text`; the facts kept are those on the page, `text[page[0]:page[1]]`."""
    from pipeline.extract.clusters import extract_clusters_from_text
    from pipeline.extract.dates import extract_dates
    from pipeline.extract.figures import extract_figures

    start, end = page or (0, len(text))
    dates = extract_dates(text)
    figures = extract_figures(text, dates=dates, analysis=analysis)
    clusters = extract_clusters_from_text(text, analysis=analysis, figures=figures, dates=dates)

    def on_page(facts: list) -> list:
        return [f for f in facts if f.char_start is None or start <= f.char_start < end]

    return PageFacts(
        text=text,
        analysis=analysis,
        dates=on_page(dates),
        figures=on_page(figures),
        mentions=on_page(extract_mentions(analysis)),
        clusters=on_page(clusters),
        page_start=start,
        page_end=end,
    )


def extract_text(text: str) -> Extraction:
    """Extract figures, dates, mentions and clusters from a text; offsets index `text`."""
    facts = extract_page(text)
    rows = page_rows(facts, doc_id="", page=1)
    return Extraction(
        figures=conform("figures", rows["figures"]),
        dates=conform("dates", rows["dates"]),
        mentions=conform("mentions", rows["mentions"]),
        clusters=conform("clusters", rows["clusters"]),
    )


def page_rows(facts: PageFacts, *, doc_id: str, page: int) -> dict[str, list[dict]]:
    """Table rows (dicts) for one page's facts, with provenance and stable content ids."""
    from pipeline.extract.clusters import resolve_clusters

    seen: Counter[tuple[str, str]] = Counter()

    def provenance(table: str, start: int, end: int, context: bool = True) -> dict:
        """The fact's place and id; `context`: also its quote, sentence and language."""
        quote = facts.text[start:end]
        seen[(table, quote)] += 1
        row: dict = {
            "doc_id": doc_id,
            "page": page,
            "char_start": start - facts.page_start,
            "char_end": end - facts.page_start,
        }
        if context:
            sentence = facts.analysis.sentence_around(start, end)
            row["quote"] = quote
            row["sentence"] = " ".join(sentence.split()) if sentence else None
            row["language"] = language(sentence or quote)
        return row | {"_id": fact_id(table, doc_id, page, quote, seen[(table, quote)])}

    out: dict[str, list[dict]] = {"figures": [], "dates": [], "mentions": [], "clusters": []}
    for d in facts.dates:
        row = provenance("dates", d.char_start, d.char_end) | _without_offsets(asdict(d))
        out["dates"].append(_rename_id(row, "date_id"))
    for m in facts.mentions:
        row = provenance("mentions", m.char_start, m.char_end, context=False) | _without_offsets(asdict(m))
        out["mentions"].append(_rename_id(row, "mention_id"))
    date_ids = {d.char_start: r["date_id"] for d, r in zip(facts.dates, out["dates"], strict=True)}
    mentions = list(zip(facts.mentions, out["mentions"], strict=True))
    for f in facts.figures:
        row = provenance("figures", f.char_start, f.char_end) | _figure_fields(f)
        row["date_id"] = date_ids.get(f.period_from) if f.period_from is not None else None
        row["subject_mention_id"] = _mention_at(mentions, f.subject_from)
        out["figures"].append(_rename_id(row, "figure_id"))
    for c, _ in resolve_clusters([(c, page) for c in facts.clusters]):  # merged as ingest merges a document
        out["clusters"].append(cluster_row(c, doc_id=doc_id, pages=[page]))
    return out


def fact_id(table: str, doc_id: str, page: int, quote: str, occurrence: int) -> str:
    """Content-derived id: the same quote at the same place of the same document keeps its id."""
    key = f"{table}|{doc_id}|{page}|{' '.join(quote.split())}|{occurrence}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def cluster_row(c: ClusterFact, *, doc_id: str, pages: list[int]) -> dict:
    """A `clusters` row for one resolved cluster record."""
    import json

    from pipeline.extract.clusters import cluster_id, normal_name

    row = _without_offsets(asdict(c))
    attributes = row.pop("attributes") or {}
    if c.participants_qualifier:
        attributes["participants_qualifier"] = c.participants_qualifier
    row.pop("participants_qualifier", None)
    row["aliases"] = "; ".join(c.aliases) or None
    return row | {
        "cluster_id": cluster_id(c.name, c.country),
        "doc_id": doc_id,
        "normal_name": normal_name(c.name),
        "pages": ",".join(str(p) for p in sorted(set(pages))),
        "attributes": json.dumps(attributes, ensure_ascii=False, sort_keys=True) if attributes else None,
    }


_LINK_OFFSETS = ("period_from", "subject_from")


def _mention_at(mentions: list[tuple[MentionFact, dict]], offset: int | None) -> str | None:
    """Id of the mention that covers a character offset (the figure's subject), if any."""
    if offset is None:
        return None
    return next((r["mention_id"] for m, r in mentions if m.char_start <= offset < m.char_end), None)


def _figure_fields(f: FigureFact) -> dict:
    row = _without_offsets(asdict(f)) | {"value_scaled": f.value_scaled}
    return {k: v for k, v in row.items() if k not in _LINK_OFFSETS}


def _without_offsets(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("char_start", "char_end")}


def _rename_id(row: dict, name: str) -> dict:
    row[name] = row.pop("_id")
    return row
