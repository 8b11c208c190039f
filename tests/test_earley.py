"""`LookaheadParser` (grammars/earley.py subclasses yargy's private parser classes) must give
exactly yargy.Parser's matches: checked over a few hundred windows of the seed paper's text for
the date, figure and cluster grammars, so a yargy upgrade that changes those internals fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from yargy import Parser, rule
from yargy.parser import prepare_match, prepare_trees
from yargy.predicates import gram
from yargy.relations import gnc_relation
from yargy.span import Span

from pipeline.extract import dates as dates_extractor
from pipeline.extract.grammars import clusters, dates, figures
from pipeline.extract.grammars.earley import LookaheadParser

SEED = Path(__file__).parents[1] / "fixtures" / "seed" / "seed_paper.txt"
MAX_WINDOWS = 300
CONTEXT = 40
_DATE_TRIGGER = re.compile(r"\d+|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр")
_FIGURE_TRIGGER = re.compile(r"\d|процент|тысяч|миллион|миллиард")
_CLUSTER_TRIGGER = re.compile(r"кластер|парк|зон[аеуыо]|ОЭЗ|ТОР")


def _windows(trigger: re.Pattern[str]) -> list[str]:
    """One window of CONTEXT characters each side per trigger (overlapping windows allowed)."""
    text = SEED.read_text(encoding="utf-8")
    spans = [(max(0, m.start() - CONTEXT), m.end() + CONTEXT) for m in trigger.finditer(text)]
    return [text[a:b] for a, b in spans][:MAX_WINDOWS]


def _matches(parser, window: str) -> list[tuple]:
    return sorted((m.span.start, m.span.stop, repr(m.fact)) for m in parser.findall(window))


@pytest.mark.parametrize(
    ("name", "rule", "tokenizer", "trigger"),
    [
        ("dates", dates.DATE, dates.TOKENIZER, _DATE_TRIGGER),
        ("figures", figures.FIGURE, figures.parser().tokenizer, _FIGURE_TRIGGER),
        ("clusters", clusters.CLUSTER, clusters.TOKENIZER, _CLUSTER_TRIGGER),
    ],
)
def test_lookahead_parser_matches_yargy(name, rule, tokenizer, trigger):
    fast, reference = LookaheadParser(rule, tokenizer=tokenizer), Parser(rule, tokenizer=tokenizer)
    texts = _windows(trigger)
    assert len(texts) >= 100, f"too few {name} windows in the seed text"
    differing = [t for t in texts if _matches(fast, t) != _matches(reference, t)]
    assert differing == []


class _NoShortcuts(LookaheadParser):
    """The same parser without its shortcuts (two-token match starts, cut `all=False` charts)."""

    shortcuts = False


def _every_word(window: str) -> list[str]:
    """The window from each of its words on: the starts an `all=False` figure parse is tried at."""
    return [window[m.start() :] for m in re.finditer(r"(?<!\S)\S", window)]


def test_shortcuts_skip_no_match(monkeypatch):
    """The shortcuts change no match and no order, as the extractors read them: the date windows'
    readings' matches (`dates._readings`, all starts), a figure from every word of the figure windows
    (`figures.match_at`, `all=False`), the cluster windows' `findall`."""
    date_windows, cluster_windows = _windows(_DATE_TRIGGER), _windows(_CLUSTER_TRIGGER)
    figure_starts = [s for w in _windows(_FIGURE_TRIGGER)[:200] for s in _every_word(w)]

    def read(date_parser, figure_parser, cluster_parser):
        monkeypatch.setattr(dates_extractor, "parser", lambda: date_parser)
        monkeypatch.setattr(figures, "parser", lambda: figure_parser)
        readings = [dates_extractor._readings(w) for w in date_windows]
        found = [[(m.span, repr(m.fact)) for r in rs if (m := r.match()) is not None] for rs in readings]
        matches = [figures.match_at(s) for s in figure_starts]
        figure_found = [(m.span, repr(m.fact)) if m else None for m in matches]
        return found, figure_found, [_matches(cluster_parser, w) for w in cluster_windows]

    fast = read(
        dates_extractor.parser(), figures.parser(), LookaheadParser(clusters.CLUSTER, clusters.TOKENIZER)
    )
    slow = read(
        _NoShortcuts(dates.DATE, dates.TOKENIZER, may_start=dates_extractor._may_start),
        _NoShortcuts(figures.FIGURE, figures.parser().tokenizer),
        _NoShortcuts(clusters.CLUSTER, clusters.TOKENIZER),
    )
    assert sum(map(len, fast[0])) > 300 and sum(f is not None for f in fast[1]) > 300  # matches to lose
    for name, a, b in zip(("dates", "figures", "clusters"), fast, slow, strict=True):
        assert [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y] == [], name


@pytest.mark.parametrize(
    ("rule", "tokenizer", "trigger"),
    [
        (dates.DATE, dates.TOKENIZER, _DATE_TRIGGER),
        (figures.FIGURE, figures.parser().tokenizer, _FIGURE_TRIGGER),
        (clusters.CLUSTER, clusters.TOKENIZER, _CLUSTER_TRIGGER),
    ],
)
def test_no_state_comes_twice(rule, tokenizer, trigger):
    """A column keeps every state it is given, without yargy's check for one it holds: no state
    (rule, production, dot, start, children) ever comes twice."""
    parser = LookaheadParser(rule, tokenizer=tokenizer)
    for window in _windows(trigger):
        for column in parser.chart(window).columns:
            keys = [
                (id(s.rule), id(s.production), s.dot_index, s.start_column.index, *map(id, s.children))
                for s in column
            ]
            assert len(keys) == len(set(keys))


def _trees(parser: LookaheadParser, text: str) -> list:
    return list(prepare_trees(parser.chart(text).matches(parser.rule)))


def test_matches_prepared_without_relations_are_yargys():
    """`prepare` skips yargy's relation checks for a grammar without relations (the date and
    figure grammars): the same match as `prepare_match` for every tree of their windows; a
    grammar with an agreement relation keeps the check."""
    for parser, trigger in ((dates_extractor.parser(), _DATE_TRIGGER), (figures.parser(), _FIGURE_TRIGGER)):
        assert not parser.related
        trees = [t for w in _windows(trigger)[:100] for t in _trees(parser, w)]
        assert len(trees) > 100
        for tree in trees:
            ours, yargys = parser.prepare(tree), prepare_match(tree)
            assert (ours.span, repr(ours.fact)) == (yargys.span, repr(yargys.fact))
    agreement = gnc_relation()
    phrase = rule(gram("ADJF").match(agreement), gram("NOUN").match(agreement))
    related = LookaheadParser(phrase, figures.parser().tokenizer)
    assert related.related
    assert [related.prepare(t) for t in _trees(related, "новая дома")] == [None]
    assert [related.prepare(t).span for t in _trees(related, "новые дома")] == [Span(0, 10)]
