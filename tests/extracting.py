"""The one figure a test sentence states, through the production path (`extract_page`: real dates
and NLP analysis). Used by the figure-context, period and lexicon tests."""

from __future__ import annotations

from pipeline.extract import extract_page
from pipeline.extract.facts import FigureFact


def figure(text: str, quote: str) -> FigureFact:
    """The first figure of `text` whose quote is exactly `quote` (the assertion lists the quotes)."""
    facts = extract_page(text)
    found = [f for f in facts.figures if text[f.char_start : f.char_end] == quote]
    assert found, [text[f.char_start : f.char_end] for f in facts.figures]
    return found[0]
