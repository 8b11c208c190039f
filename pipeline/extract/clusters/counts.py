"""Cluster attributes read from figures of the shared figure grammar: counts, area, investment.

"35 участников, около 3000 сотрудников" → participants 35, employees 3000 (qualifier "~"). The
figure grammar (`pipeline.extract.figures`) parses the numbers; this module only says which counted
noun or unit fills which attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.extract.facts import ClusterFact, FigureFact
from pipeline.extract.figures import extract_figures
from pipeline.nlp.morph import lemma


@dataclass(frozen=True)
class Counted:
    """A counted noun (figure `counted` lemma, or a word of its `measure` when the counted noun is
    a generic one: "численность занятых … 6200 человек") and the attribute its count fills."""

    attribute: str
    lemmas: tuple[str, ...]
    modifier: str | None = None  # a word stem the quote must hold ("рабочих мест")
    measures: tuple[str, ...] = ()  # further measure lemmas that name it ("занятый")


COUNTED: tuple[Counted, ...] = (
    Counted("participants", ("участник",)),
    Counted("residents", ("резидент",)),
    Counted("companies", ("компания", "фирма", "предприятие")),
    Counted("employees", ("сотрудник", "работник", "специалист"), measures=("занятый", "персонал")),
    Counted("universities", ("университет", "вуз")),
    Counted("technoparks", ("технопарк",)),
    Counted("students", ("студент",)),
    Counted("research_centers", ("центр",)),
    Counted("laboratories", ("лаборатория",)),
    Counted("incubators", ("бизнес-инкубатор", "инкубатор")),
    Counted("jobs", ("место",), modifier="рабоч"),
    Counted("patents", ("патент",)),
)
GENERIC_COUNTED = {None, "человек", "организация", "единица"}  # the measure says what is counted
MEASURE_WORD = re.compile(r"[А-Яа-яЁё-]+")
COLUMNS = {"participants", "employees"}  # counts that are contract columns, not `attributes`
MEMBERS = ("participants", "residents")  # `participants` is filled by the first of these
AREA_KM2 = {"KM2": 1.0, "HA": 0.01}  # km² per unit; floor space (M2) is not a territory
AREA_DIGITS = 4
INVESTMENT_STEM = "инвестиц"
INVESTMENT_REACH = 60  # characters before a money figure that may name it an investment
CURRENCIES = {"RUB", "USD", "EUR", "CNY"}


def count_attribute(figure: FigureFact, quote: str) -> str | None:
    """The attribute a count figure fills ("455 рабочих мест" → jobs), or None."""
    if figure.unit != "COUNT":
        return None
    for entry in COUNTED:
        if figure.counted in entry.lemmas and (entry.modifier is None or entry.modifier in quote.lower()):
            return entry.attribute
    if figure.counted not in GENERIC_COUNTED or not figure.measure:
        return None
    words = {lemma(w) for w in MEASURE_WORD.findall(figure.measure)}
    return next((e.attribute for e in COUNTED if words & {*e.lemmas, *e.measures} and not e.modifier), None)


def fill_from_figures(fact: ClusterFact, figures: Iterable[FigureFact], text: str) -> ClusterFact:
    """Fill missing counts, area and investment of `fact` from figures whose offsets index `text`."""
    for figure in figures:
        quote = text[figure.char_start : figure.char_end]
        what = count_attribute(figure, quote)
        if what is not None:
            _set_count(fact, what, round(figure.value_scaled), figure.qualifier)
        elif figure.unit in AREA_KM2 and "area_km2" not in fact.attributes:
            fact.attributes["area_km2"] = round(figure.value_scaled * AREA_KM2[figure.unit], AREA_DIGITS)
        elif figure.unit in CURRENCIES and _is_investment(figure, text):
            fact.attributes.setdefault("investment", figure.value_scaled)
            fact.attributes.setdefault("investment_unit", figure.unit)
    return fact


def fill_from_text(fact: ClusterFact, text: str) -> ClusterFact:
    """Counts of a table cell ("35 участников, 7400 сотрудников") through the figure grammar."""
    return fill_from_figures(fact, extract_figures(text), text)


def _is_investment(figure: FigureFact, text: str) -> bool:
    measure = (figure.measure or "").lower()
    before = text[max(0, figure.char_start - INVESTMENT_REACH) : figure.char_start].lower()
    return INVESTMENT_STEM in measure or INVESTMENT_STEM in before


def _set_count(fact: ClusterFact, what: str, value: int, qualifier: str) -> None:
    if what in MEMBERS and fact.participants is None:
        fact.participants = value
        fact.participants_qualifier = None if qualifier == "=" else qualifier
    if what in COLUMNS:
        if what == "employees" and fact.employees is None:
            fact.employees = value
            _qualify(fact, what, qualifier)
        return
    if what not in fact.attributes:
        fact.attributes[what] = value
        _qualify(fact, what, qualifier)


def _qualify(fact: ClusterFact, what: str, qualifier: str) -> None:
    if qualifier != "=":
        fact.attributes[f"{what}_qualifier"] = qualifier
