"""`LookaheadParser` (grammars/earley.py subclasses yargy's private parser classes) must give
exactly yargy.Parser's matches: checked over a few hundred windows of the seed paper's text for
the date, figure and cluster grammars, so a yargy upgrade that changes those internals fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from yargy import Parser

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
