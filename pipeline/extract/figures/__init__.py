"""Figures (quantities) in running text: normalized values plus kind, measure, subject, period.

Conventions: "почти" → qualifier "~" (an approximation from below; "почти до 2 трлн" is "~ 2 трлн");
"до" is "<=" except after a change verb or "с X", where it marks the level reached ("=").
Durations ("три года", "10 лет") and other time spans are not figures. Years, dates, ordinals,
reference markers, document/figure/table/page numbers and codes are dropped.
"""

from __future__ import annotations

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline.extract.facts import DateFact, FigureFact
from pipeline.extract.figure_context import Sentences, resolve
from pipeline.extract.figures.anaphora import list_items, refer_back, referred_shares, respective_asides
from pipeline.extract.figures.brackets import bracket_measures, listed_shares
from pipeline.extract.figures.clause import _add_context
from pipeline.extract.figures.frames import frame_measures
from pipeline.extract.figures.links import (
    _apposition,
    _count_bare,
    _elliptical,
    _inherit_currency,
    _link,
    _parallel,
    _part_of_whole,
    _weights,
    bracketed_parallels,
)
from pipeline.extract.figures.properties import price_measures
from pipeline.extract.figures.rules import keep
from pipeline.extract.figures.scan import _TRIGGER, _fallback_dates, _scan
from pipeline.extract.figures.shares import complete_shares, part_shares, proportion_shares
from pipeline.extract.figures.syntax import _syntax_measures
from pipeline.extract.measures import (
    abbreviation_only,
    indicator_phrase,
    names_agent,
    names_person,
    names_subject,
    one_spelling,
)
from pipeline.extract.periods import run_figures
from pipeline.nlp import segment


def extract_figures(text: str, dates: list[DateFact] | None = None, analysis=None) -> list[FigureFact]:
    """Figures in `text` (offsets index it); `dates` give periods and exclude years."""
    dates = _fallback_dates(text) if dates is None else dates
    facts: list[FigureFact] = []
    sentences = _sentences(text, analysis)
    for start, end in sentences:
        chunk = text[start:end]
        if not _TRIGGER.search(chunk):
            continue
        found = _scan(chunk, start, dates)
        bracketed_parallels(text, found)
        found = [f for f in found if keep(text, f, dates)]
        _weights(text, found)
        _link(text, found, end)
        for f in found:
            before = run_figures(text, sentences, [*facts, *found], f.char_start)
            _add_context(text, f, (start, end), dates, analysis, found, before)
        _parallel(text, found)
        facts.extend(found)
    if analysis is not None and getattr(analysis, "sentences", None):
        _syntax_measures(facts, analysis)
    _inherit_currency(text, facts)
    frame_measures(text, facts, sentences)  # before a bracketed equivalent copies them
    bracket_measures(text, facts, sentences)
    complete_shares(text, facts, sentences)
    price_measures(text, facts, sentences)
    refer_back(text, [f for f in facts if f.unit is not None], sentences)
    _elliptical(text, [f for f in facts if f.unit is not None], sentences)
    _apposition(text, [f for f in facts if f.unit is not None], sentences)
    _count_bare(text, facts)
    facts = [f for f in facts if f.unit is not None]  # a bare number is not a figure
    list_items(text, facts, sentences)
    resolve(text, facts, dates, Sentences(sentences), analysis.persons if analysis is not None else ())
    referred_shares(text, facts, sentences)  # once the shares' measures are final
    part_shares(text, facts, sentences)  # once the kinds are settled
    listed_shares(text, facts, sentences)
    respective_asides(text, facts, sentences)  # once the measures restated are final
    proportion_shares(text, facts, sentences)  # over the measures a list carried along
    _part_of_whole(text, facts)  # once the wholes' measures are final
    spans = Sentences(sentences)
    for f in facts:
        f.measure = None if _names_no_measure(f) else one_spelling(f.measure)
        if f.measure is None and f.indicator:  # the catalog phrase a change noun governs before it
            f.measure = one_spelling(indicator_phrase(text, f, spans.around(f.char_start) or (0, len(text))))
    return facts


def _names_no_measure(f: FigureFact) -> bool:
    """The measure names who acts, an abbreviation alone, the subject, people whose money it is not
    ("Робел … был выпущен под залог в 100 тысяч долларов") or one person a percentage is no part of
    ("экс-министр … более чем на 10 процентов опережал"; a percentage of people is their share)."""
    if names_agent(f.measure) or abbreviation_only(f.measure) or names_subject(f.measure, f.subject):
        return True
    return f.money and names_person(f.measure) or f.unit == "PERCENT" and names_person(f.measure, one=True)


def _sentences(text: str, analysis) -> list[tuple[int, int]]:
    """The NLP layer's sentences (segmented here when no analysis is given)."""
    sentences = analysis.sentences if analysis is not None else segment(text)
    return [(s.start, s.end) for s in sentences]
