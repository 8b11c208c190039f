"""Attributes stated in the sentences about a cluster: founding year and web address.

Counts, area and investment come from the shared figure grammar (`counts`); the founding year is a
date of the shared date grammar next to a creation word ("создан в 2017 году", "В 2019 году …
создан"). A `Span` is one piece of text about a cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline import lexicon
from pipeline.extract.facts import DateFact

# A creation participle in a form that can agree with a cluster, park or zone (masculine or
# feminine singular): "создано 455 рабочих мест", "созданы 3 парка" are about something else.
# "Год основания — 2011", "дата создания: 2011 г.", "начал работу", "открыт", "введён в
# эксплуатацию", "решение о создании" name the founding too, and "действует" with a "since" date
# ("действует с 2011 года", "С 2011 года … функционирует"). "Открыт" is the opening only with a
# point in time ("открыт в 2010 году"): "открыт для резидентов", "открыт ежедневно" and "открыт с
# 2016 года" say it is open, not when it was founded.
OPEN_STATE = r"(?!\s+(?:для|ежедневно|круглосуточно)\b)"
CREATED = re.compile(
    r"\b(?:(?:созда|основа|образова|организова|сформирова)(?:н|на|нный|нная|нного|нной)"
    r"|учрежд(?:ен|ена|енный|енная|енного|енной)|(?:год|дата)\s+(?:основания|создания|образования)"
    rf"|(?P<opened>открыт[а]?){OPEN_STATE}|открыл(?:ся|ась)|введ[её]н[а]?\s+в\s+(?:эксплуатацию|строй)"
    r"|начал[аи]?\s+(?:свою\s+)?(?:работу|деятельность|функционировать|работать|формироваться|создаваться)"
    r"|(?P<since>действует|функционирует|работает)|о\s+(?:создании|формировании|образовании))\b",
    re.I,
)
SINCE = "since"  # the date grammar's kind of "с 2011 года"
# "Год создания — 2011.": a labelled bare year, which the date grammar does not take as a date.
FOUNDING_CUE = r"(?:[Гг]од|[Дд]ата)\s+(?:основания|создания|образования)"
FOUNDING_LABEL = re.compile(
    rf"\b{FOUNDING_CUE}(?:\s+[а-яё]+){{0,2}}\s*[-–—:]\s*(?P<year>{lexicon.YEAR_DIGITS})(?!\d)"
)
# Neuter forms agree with an organization that is the cluster: Некоммерческое партнерство
# «Волгоградский фармацевтический кластер» учреждено в 2011 году.
CREATED_NEUTER = re.compile(r"\b(?:созда|основа|образова|организова|учрежде|сформирова)но\b", re.I)
# Plural forms agree with a list of names: Индустриальные парки «Северный» и «Южный» созданы в 2016 году.
CREATED_PLURAL = re.compile(
    r"\b(?:(?:созда|основа|образова|организова|сформирова)ны|учреждены|открыты|открылись"
    r"|начали\s+(?:свою\s+)?(?:работу|деятельность))\b",
    re.I,
)
ORGANIZATION_FORM = re.compile(r"(?:партн[её]рство|объединение|агентство|общество)\s*[«\"“]?\s*$", re.I)
ORGANIZATION_REACH = 40  # characters before a mention searched for its organization form
YEAR_AFTER_REACH = 90  # "создан … в 2011 году": the year follows the creation word within this
YEAR_BEFORE_REACH = 60  # "В 2019 году в Курске создан …"
CLAUSE_END = re.compile(r"[.;]")
URL = re.compile(r"(?:https?://|www\.)[^\s,;()«»\"]+", re.I)
URL_TRAILING = ".:"


@dataclass(frozen=True)
class Span:
    """Text about a cluster: the mention's own sentence (`own`) or a later sentence about it; a
    `shared` span is the predicate of a list of names ("«Северный» и «Южный» созданы в 2016 году"),
    which gives each its founding year and place but no count."""

    start: int
    end: int
    own: bool = False
    shared: bool = False


def is_organization(text: str, start: int) -> bool:
    """The mention at `start` is the quoted name of an organization form (партнерство «…»)."""
    return bool(ORGANIZATION_FORM.search(text[max(0, start - ORGANIZATION_REACH) : start]))


def founded_year(
    text: str, spans: Iterable[Span], dates: list[DateFact], located: bool, neuter: bool = False
) -> int | None:
    """The year of a date next to a creation word in the spans (not in the own sentence of a
    located mention: "Созданный в 2016 году в Парке …" is about something in the park); `neuter`
    creation words count too for an organization (`is_organization`), plural ones in a list's
    shared predicate."""
    for span in spans:
        if span.own and located:
            continue
        words = [*CREATED.finditer(text, span.start, span.end)]
        words += [*CREATED_NEUTER.finditer(text, span.start, span.end)] if neuter else []
        words += [*CREATED_PLURAL.finditer(text, span.start, span.end)] if span.shared else []
        for word in words:
            year = _year_near(text, word, [d for d in dates if span.start <= d.char_start < span.end])
            if year is not None:
                return year
        label = FOUNDING_LABEL.search(text, span.start, span.end)
        if label is not None:
            return int(label.group("year"))
    return None


def _year_near(text: str, word: re.Match, dates: list[DateFact]) -> int | None:
    for d in dates:
        after = 0 <= d.char_start - word.end() <= YEAR_AFTER_REACH
        before = 0 <= word.start() - d.char_end <= YEAR_BEFORE_REACH
        lo, hi = (word.end(), d.char_start) if after else (d.char_end, word.start())
        if (after or before) and _date_fits(word, d) and not CLAUSE_END.search(text, lo, hi):
            return int(d.start[:4])
    return None


def _date_fits(word: re.Match, date: DateFact) -> bool:
    """A "действует" needs a "since" date ("с 2011 года"), "открыт" a point in time ("в 2010 году")."""
    since, groups = date.kind == SINCE, word.groupdict()
    return not (groups.get("opened") and since or groups.get("since") and not since)


def urls_in(text: str, spans: Iterable[Span]) -> str | None:
    """Web addresses written in the spans."""
    found = [u.group().rstrip(URL_TRAILING) for s in spans for u in URL.finditer(text, s.start, s.end)]
    return " ".join(dict.fromkeys(found)) or None
