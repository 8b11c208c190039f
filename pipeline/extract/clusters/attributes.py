"""Attributes stated in the sentences about a cluster: founding year, field of activity, web address.

Counts, area and investment come from the shared figure grammar (`counts`); the founding year is a
date of the shared date grammar next to a creation word ("создан в 2017 году", "В 2019 году …
создан"). A `Span` is one piece of text about a cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.extract.facts import DateFact
from pipeline.nlp.morph import nominative, parses

# A creation participle in a form that can agree with a cluster, park or zone (masculine or
# feminine singular): "создано 455 рабочих мест", "созданы 3 парка" are about something else.
# "Год основания — 2011", "дата создания: 2011 г." name the founding too.
CREATED = re.compile(
    r"\b(?:(?:созда|основа|образова|организова)(?:н|на|нный|нная|нного|нной)"
    r"|учрежд(?:ен|ена|енный|енная|енного|енной)|(?:год|дата)\s+(?:основания|создания|образования))\b",
    re.I,
)
YEAR_AFTER_REACH = 90  # "создан … в 2011 году": the year follows the creation word within this
YEAR_BEFORE_REACH = 60  # "В 2019 году в Курске создан …"
CLAUSE_END = re.compile(r"[.;]")
# Cues of a field of activity, best first, and whether the field after them is in an oblique case
# ("в сфере электроники") rather than the nominative ("специализация — приборостроение").
FIELD_CUES = tuple(
    (re.compile(p, re.I), oblique)
    for p, oblique in (
        (
            r"(?:специализаци\w*|(?:направлени[ея]|сфера)\s+деятельности|профиль)(?:\s+[а-яё]+){0,2}?"
            r"\s*[-–—:]\s*(?P<field>[^.;()]+)",
            False,
        ),
        (r"\bспециализиру(?:ется|ются)\s+на\s+(?P<field>[^.;()]+)", True),
        (r"\bв\s+(?:сфер[еах]+|област[ия]х?)\s+(?P<field>[^.;()]+)", True),
    )
)
FIELD_STOP_POS = {"PREP", "VERB", "INFN", "PRTS", "GRND", "NPRO"}
FIELD_WORD = re.compile(r"[«»\"\w-]+|,")
FIELD_ITEMS = re.compile(r"\s*,\s*|\s+и\s+")
URL = re.compile(r"(?:https?://|www\.)[^\s,;()«»\"]+", re.I)
URL_TRAILING = ".:"


@dataclass(frozen=True)
class Span:
    """Text about a cluster: the mention's own sentence (`own`) or a later sentence about it."""

    start: int
    end: int
    own: bool = False


def founded_year(text: str, spans: Iterable[Span], dates: list[DateFact], located: bool) -> int | None:
    """The year of a date next to a creation word in the spans (not in the own sentence of a
    located mention: "Созданный в 2016 году в Парке …" is about something in the park)."""
    for span in spans:
        if span.own and located:
            continue
        for word in CREATED.finditer(text, span.start, span.end):
            year = _year_near(text, word, [d for d in dates if span.start <= d.char_start < span.end])
            if year is not None:
                return year
    return None


def _year_near(text: str, word: re.Match, dates: list[DateFact]) -> int | None:
    for d in dates:
        after = 0 <= d.char_start - word.end() <= YEAR_AFTER_REACH
        before = 0 <= word.start() - d.char_end <= YEAR_BEFORE_REACH
        lo, hi = (word.end(), d.char_start) if after else (d.char_end, word.start())
        if (after or before) and not CLAUSE_END.search(text, lo, hi):
            return int(d.start[:4])
    return None


def field_of(text: str, spans: Iterable[Span]) -> str | None:
    """The field of activity named by the best cue in the spans ("в сфере электроники" → "электроника")."""
    spans = list(spans)
    for cue, oblique in FIELD_CUES:
        for span in spans:
            found = cue.search(text, span.start, span.end)
            field = _field_phrase(found.group("field"), oblique) if found else None
            if field:
                return field
    return None


def _field_phrase(raw: str, oblique: bool) -> str | None:
    """The noun phrases of a cue's tail up to a preposition or verb, in the nominative."""
    kept: list[str] = []
    for word in FIELD_WORD.findall(raw):
        if word != "," and any(p.tag.POS in FIELD_STOP_POS for p in parses(word)[:1]):
            break
        kept.append(word)
    phrase = " ".join(kept).replace(" ,", ",").strip(" ,")
    items = [nominative(item) if oblique else item for item in FIELD_ITEMS.split(phrase) if item]
    return ", ".join(items) or None


def urls_in(text: str, spans: Iterable[Span]) -> str | None:
    """Web addresses written in the spans."""
    found = [u.group().rstrip(URL_TRAILING) for s in spans for u in URL.finditer(text, s.start, s.end)]
    return " ".join(dict.fromkeys(found)) or None
