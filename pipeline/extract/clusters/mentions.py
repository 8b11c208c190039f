"""Named clusters, parks and zones in running text: grammar matches in windows around kind words.

`find_mentions` returns one `Mention` per named match ("Технопарк «Факел»", "Калужский
фармкластер", "… кластер на базе АО «КЭАЗ»"); generic kind phrases ("инновационный кластер") are
not mentions. The attributes around each mention are read by `context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from yargy import Parser

from pipeline.extract.clusters.names import (
    QUOTE_CHARS,
    capitalized,
    clean_text,
    display_name,
    normalize_quotes,
)
from pipeline.extract.clusters.places import canonical_city, region_named, set_city
from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import CLUSTER, TOKENIZER, is_region_adjective, kind_of

# Kind words (any case) and abbreviations (upper case, whole words: "тор" is inside "который").
TRIGGER = re.compile(r"(?i:кластер|парк|зон[аеуыо]|опережающего)|\b(?:ОЭЗ|ТОР|ТОСЭР|СЭЗ)\b")
WINDOW_REACH = 100  # characters parsed on each side of a kind word
LOCATED_BEFORE = re.compile(r"\b(?:[Вв]о?|[Нн]а|территории)\s+$")
LOCATED_REACH = 20
FIRST_WORD = re.compile(r"[\w-]+")
BASE_BEFORE = re.compile(
    r"\b[Нн]а базе\s+(?P<org>(?:(?:АО|ОАО|ПАО|ЗАО|ООО|ФГУП)\s+)?[«\"“][^»\"”]{1,60}[»\"”])"
    r"\s+(?:был\w*\s+)?(?:создан|сформирован|организован|действует)\w*\s+$"
)


@dataclass
class Mention:
    """A named cluster in the text; `located` marks an adverbial place ("в Парке …"), not a subject."""

    fact: ClusterFact
    start: int
    end: int
    located: bool = False


@cache
def _parser() -> Parser:
    return Parser(CLUSTER, tokenizer=TOKENIZER)


def find_mentions(text: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """Named mentions of a text in order of their offsets."""
    matches = _matches(text)
    mentions = _named_mentions(text, matches) + _based_mentions(text, sentences, matches)
    return sorted(mentions, key=lambda m: m.start)


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans around kind words, merged (the chart parser is slow on whole pages)."""
    spans: list[tuple[int, int]] = []
    for m in TRIGGER.finditer(text):
        lo = text.rfind(" ", 0, max(0, m.start() - WINDOW_REACH)) + 1
        hi = text.find(" ", min(len(text), m.end() + WINDOW_REACH))
        hi = len(text) if hi < 0 else hi
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _matches(text: str) -> list[tuple[int, int, Any]]:
    """(start, end, fact) of the grammar's matches in the windows of a text."""
    out = []
    for lo, hi in _windows(text):
        for match in _parser().findall(text[lo:hi]):
            out.append((lo + match.span.start, lo + match.span.stop, match.fact))
    return out


def _is_named(text: str, start: int, fact: Any) -> bool:
    first = FIRST_WORD.match(text[start:])
    return bool(
        fact.name or fact.region or fact.base or fact.place or first and is_region_adjective(first.group())
    )


def _acceptable(text: str, start: int, end: int, fact: Any) -> bool:
    """Reject a capitalized "name" on the next line (a heading) or a kind word without a kind."""
    if fact.name and not QUOTE_CHARS.search(fact.name) and "\n" in text[start:end]:
        return False
    return kind_of(fact.kind or "") is not None or fact.region is not None


def _named_mentions(text: str, matches: list[tuple[int, int, Any]]) -> list[Mention]:
    out = []
    for start, end, fact in matches:
        if not _is_named(text, start, fact) or not _acceptable(text, start, end, fact):
            continue
        kind = kind_of(fact.kind or "") or "cluster"
        cluster = ClusterFact(
            name=display_name(text[start:end]), kind=kind, source="text", char_start=start, char_end=end
        )
        cluster.region = region_named(fact.region or FIRST_WORD.match(text, start).group())  # type: ignore[union-attr]
        if fact.place:
            set_city(cluster, canonical_city(fact.place, nominative_case=True))
        out.append(Mention(cluster, start, end, _is_located(text, start)))
    return out


def _based_mentions(
    text: str, sentences: list[tuple[int, int]], matches: list[tuple[int, int, Any]]
) -> list[Mention]:
    """ "На базе АО "КЭАЗ" создан научно-производственный … кластер" → "… кластер на базе АО «КЭАЗ»"."""
    out = []
    for start, end, bare in matches:
        if _is_named(text, start, bare):
            continue
        lo = sentence_of(sentences, start)[0]
        base = BASE_BEFORE.search(text[lo:start])
        kind = kind_of(bare.kind or "")
        if base is None or kind is None:
            continue
        name = f"{display_name(text[start:end])} на базе {normalize_quotes(clean_text(base.group('org')))}"
        fact = ClusterFact(name=capitalized(name), kind=kind, source="text")
        fact.char_start, fact.char_end = lo + base.start(), end
        out.append(Mention(fact, lo + base.start(), end))
    return out


def _is_located(text: str, start: int) -> bool:
    return bool(LOCATED_BEFORE.search(text[max(0, start - LOCATED_REACH) : start]))


SENTENCE_REACH = 300  # context on each side when an offset is in no sentence


def sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding an offset."""
    fallback = (max(0, offset - SENTENCE_REACH), offset + SENTENCE_REACH)
    return next((s for s in sentences if s[0] <= offset < s[1]), fallback)
