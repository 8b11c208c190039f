"""Clusters of one text with everything the text says about them.

`extract_clusters_from_text` finds named mentions (`mentions`), gathers the sentences about each —
its own sentence, later sentences that refer back to it ("Парк создан в 2017 году", "В его
состав…", its "(далее — ОЭЗ)" alias) and the sentences under a heading that is its name — and
reads the attributes stated there (`attributes`, `counts`, `places`).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline import lexicon
from pipeline.extract.clusters.attributes import Span, founded_year, is_organization, urls_in
from pipeline.extract.clusters.counts import fill_from_figures, fill_from_labels
from pipeline.extract.clusters.fields import field_of
from pipeline.extract.clusters.members import fill_members
from pipeline.extract.clusters.mentions import Mention, find_mentions, sentence_of
from pipeline.extract.clusters.names import ORPHAN
from pipeline.extract.clusters.places import finish_place, page_region, place_after, place_in
from pipeline.extract.clusters.references import (
    acronym_orphans,
    alias_after,
    orphans,
    referring_sentences,
)
from pipeline.extract.facts import ClusterFact, DateFact, FigureFact
from pipeline.nlp import segment

LINE_BREAK = re.compile(rf"\n(?=\s*[•·▪–—-]|{lexicon.NUMBERED_HEADING.pattern})")


def extract_clusters_from_text(
    text: str,
    analysis: Any = None,
    figures: list[FigureFact] | None = None,
    dates: list[DateFact] | None = None,
) -> list[ClusterFact]:
    """Named clusters, parks and zones of one text with the attributes stated about them.

    `analysis` (pipeline.nlp.Analysis) supplies sentences and LOC entities; `figures` and `dates`
    are the page's facts from the shared grammars (extracted here when not given). Offsets
    (`char_start`/`char_end`) index `text`. `ORPHAN` records (see `_orphan_facts`) are for the
    per-document merge, which gives them to a cluster or drops them.
    """
    if dates is None or figures is None:
        from pipeline.extract.dates import extract_dates
        from pipeline.extract.figures import extract_figures

        dates = extract_dates(text) if dates is None else dates
        figures = extract_figures(text, dates=dates, analysis=analysis) if figures is None else figures
    sentences = _sentences(text, analysis)
    mentions = find_mentions(text, sentences)
    spans = _spans(text, sentences, mentions)
    region = page_region(text)
    for m, own in zip(mentions, spans, strict=True):
        _describe(m, text, own, figures, dates)
        finish_place(m.fact, text, analysis, region)
    return [m.fact for m in mentions] + _orphan_facts(text, sentences, mentions, figures, dates)


def _orphan_facts(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    figures: list[FigureFact],
    dates: list[DateFact],
) -> list[ClusterFact]:
    """One `ORPHAN` record per kind word that sentences before the page's first mention refer by
    ("Кластер объединяет 25 предприятий" at the top of a page), and per acronym that sentences
    start with ("ВХФК объединяет …"); its name is the kind word or `ALIAS_KEY` + the acronym."""
    out = []
    groups = orphans(text, sentences, mentions) | acronym_orphans(text, sentences, mentions)
    for word, found in groups.items():
        fact = ClusterFact(name=word, kind="other", source=ORPHAN)
        _describe(
            Mention(fact, found[0][0], found[0][0]), text, [Span(a, b) for a, b in found], figures, dates
        )
        if _states_something(fact):
            out.append(fact)
    return out


STATED = ("region", "city", "founded_year", "field", "participants", "employees", "url")


def _states_something(fact: ClusterFact) -> bool:
    return bool(fact.attributes) or any(getattr(fact, name) is not None for name in STATED)


def _sentences(text: str, analysis: Any) -> list[tuple[int, int]]:
    """Sentence spans of the NLP layer, split further at bullet and numbered-heading line starts."""
    sentences = analysis.sentences if analysis is not None else segment(text)
    out = []
    for s in sentences:
        bounds = [s.start] + [m.start() + 1 for m in LINE_BREAK.finditer(text, s.start, s.end)]
        out.extend((a, b) for a, b in zip(bounds, [*bounds[1:], s.end], strict=True) if b > a)
    return out


def _spans(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[list[Span]]:
    """Per mention: its part of its own sentence, then the later sentences about it."""
    out = []
    for i, m in enumerate(mentions):
        lo, hi = sentence_of(sentences, m.start)
        lo = max(lo, _after_relative_clause(text, mentions[i - 1].end, m.start) if i else 0)
        hi = min(hi, mentions[i + 1].start if i + 1 < len(mentions) else len(text))
        out.append([Span(lo, hi, own=True)])
        alias = alias_after(text, m.end)
        if alias:
            m.fact.aliases.append(alias)
    for chain in _lists(text, mentions):  # the sentence around a list is about all its names
        first, last = chain[0], chain[-1]
        head = Span(out[first][0].start, mentions[first].start, shared=True)
        tail = Span(mentions[last].end, out[last][0].end, shared=True)
        for i in chain:
            out[i][0] = Span(mentions[i].start, mentions[i].end, own=True)
            out[i] += [head, tail]
    for lo, hi, target in referring_sentences(text, sentences, mentions):
        out[target].append(Span(lo, hi))
    return out


LIST_GAP = re.compile(r"\s*(?:,|\bи\b|,?\s*а\s+также)\s*")


def _lists(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Indices of names listed one after the other after one plural kind phrase."""
    chains: list[list[int]] = []
    for i, m in enumerate(mentions):
        joined = (
            i
            and chains
            and chains[-1][-1] == i - 1
            and LIST_GAP.fullmatch(text, mentions[i - 1].end, m.start)
        )
        if m.listed and joined:
            chains[-1].append(i)
        elif m.listed:
            chains.append([i])
    return [c for c in chains if len(c) > 1]


# A clause that follows a mention and is about it: ", в который входят …", ", объединяющий …".
RELATIVE_CLAUSE = re.compile(
    r"\s*[,(]\s*(?:(?:в|на|из|для|у)\s+)?(?:котор|объединяющ|включающ|насчитывающ|созданн|образованн"
    r"|расположенн|специализирующ)\w*",
    re.I,
)
CLAUSE_JOIN = re.compile(r",|;|\s(?:и|а\s+также|а)\s")


def _after_relative_clause(text: str, previous_end: int, start: int) -> int:
    """Where the text about a mention begins after the mention before it: past the last join of
    the words between them, which before it are about that one ("Курский кластер, в который
    входят 35 предприятий, а также технопарк …", "парк «Юбилейный» площадью 23,5 га и технопарк
    …"); with no join they are about this one too ("… кластера «А» создан технопарк …"), unless
    they open a relative clause."""
    joins = [j.end() for j in CLAUSE_JOIN.finditer(text, previous_end + 1, start)]
    if joins:
        return joins[-1]
    return start if RELATIVE_CLAUSE.match(text, previous_end, start) else previous_end


def _describe(
    m: Mention, text: str, spans: list[Span], figures: list[FigureFact], dates: list[DateFact]
) -> None:
    """Fill a mention's fact from the spans about it."""
    fact = m.fact
    own = [s for s in spans if not s.shared]  # a list's shared predicate gives no counts
    inside = [f for f in figures if any(s.start <= f.char_start < s.end for s in own)]
    fill_from_figures(fact, inside, text)
    fill_from_labels(fact, text, [(s.start, s.end) for s in own])
    fill_members(fact, text, [(s.start, s.end) for s in own])
    if fact.founded_year is None:
        fact.founded_year = founded_year(text, spans, dates, m.located, is_organization(text, m.start))
    fact.field = fact.field or field_of(text, own, (m.start, m.end))
    fact.url = fact.url or urls_in(text, own)
    place_after(fact, text[m.end : spans[0].end])
    for span in spans:
        if span.own:
            place_in(fact, text[span.start : m.start] + " " + text[m.end : span.end])
        else:
            place_in(fact, text[span.start : span.end], own=False)
