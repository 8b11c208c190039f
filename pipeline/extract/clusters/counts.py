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
from pipeline.extract.numbers import parse_number
from pipeline.lexicon import CURRENCIES, QUALIFIERS
from pipeline.nlp.morph import lemma


@dataclass(frozen=True)
class Counted:
    """A counted noun (the figure's `counted` lemma) and the attribute its count fills.

    A generic counted noun ("65 организаций", "25 предприятий", "10 тыс. человек") fills the
    attribute when a cue word says what is counted: a word of the figure's measure ("численность
    работников") or one of the few words before it in its clause ("объединяет", "в которых занято")."""

    attribute: str
    lemmas: tuple[str, ...]
    modifier: str | None = None  # a word stem the quote must hold ("рабочих мест")
    generic: tuple[str | None, ...] = ()  # generic counted nouns (None: none) a cue makes this
    cues: tuple[str, ...] = ()  # lemmas of the measure or of the words before the figure


# "объединяет 25 предприятий", "включает 40 сельхозпредприятий"
MEMBER_NOUNS = ("организация", "предприятие", "компания", "фирма", "сельхозпредприятие", "хозяйство")
MEMBERSHIP = (
    "объединять", "включать", "входить", "насчитывать", "состоять", "участник", "член", "войти",
    "объединение",
)  # fmt: skip
EMPLOYMENT = ("занять", "занятый", "занятой", "работать", "трудиться", "персонал", "работник", "сотрудник")
# Indicators of the catalog (`pipeline/data/indicators.toml`) that say what a generic count is
# ("Общая численность работников … составляет 3,5 тыс. человек": employees).
INDICATOR_ATTRIBUTES = {"employees": "employees", "employed": "employees", "participants": "participants"}
COUNTED: tuple[Counted, ...] = (
    Counted("participants", ("участник",), generic=(None, *MEMBER_NOUNS), cues=MEMBERSHIP),
    Counted("residents", ("резидент",), generic=(None, *MEMBER_NOUNS), cues=("резидент",)),
    Counted("companies", ("компания", "фирма", "предприятие")),
    Counted("employees", ("сотрудник", "работник", "специалист"), generic=(None, "человек"), cues=EMPLOYMENT),
    Counted("universities", ("университет", "вуз")),
    Counted("universities", ("заведение",), modifier="учебн"),  # "высшее учебное заведение"
    Counted("technoparks", ("технопарк",)),
    Counted("students", ("студент",)),
    Counted("research_centers", ("центр",)),
    Counted("laboratories", ("лаборатория",)),
    Counted("incubators", ("бизнес-инкубатор", "инкубатор")),
    Counted("jobs", ("место",), modifier="рабоч"),
    Counted("patents", ("патент",)),
)
WORD = re.compile(r"[А-Яа-яЁё-]+")
CUE_WORDS = 6  # words before a figure, in its clause, that may say what it counts
CUE_REACH = 80  # characters searched for them
CLAUSE_END = re.compile(r".*[.;]", re.S)  # a colon opens a list its label counts: "Участники: 14 …"
COLUMNS = {"participants", "employees"}  # counts that are contract columns, not `attributes`
MEMBERS = ("participants", "residents")  # `participants` is filled by the first of these
# Counts that add to `participants` when listed right after it, joined by "," or "и"
MEMBER_KINDS = {"participants", "residents", "companies", "universities", "research_centers", "laboratories"}
ENUMERATION_GAP = re.compile(r"[^.;:\d]{0,40}?(?:,|\sи)\s*")
AREA_KM2 = {"KM2": 1.0, "HA": 0.01}  # km² per unit; floor space (M2) is not a territory
AREA_DIGITS = 4
CHANGE_FROM = re.compile(r"\b[сС]о?\s+$")  # "с 40 до 47"
CHANGE_TO = re.compile(r"\s*до\s+\d")
CHANGE_REACH = 4
INVESTMENT_STEM = "инвест"  # "инвестиции", "инвестировали", "инвестиционных"
INVESTMENT_REACH = 60  # characters before a money figure that may name it an investment


def count_attribute(figure: FigureFact, text: str) -> str | None:
    """The attribute a count figure in `text` fills ("455 рабочих мест" → jobs), or None."""
    if figure.unit != "COUNT":
        return None
    generic = [e for e in COUNTED if figure.counted in e.generic]
    cues = _cue_lemmas(figure, text) if generic else set()
    cued = next((e.attribute for e in generic if cues & set(e.cues)), None)
    named = INDICATOR_ATTRIBUTES.get(figure.indicator or "")
    cued = cued or next((e.attribute for e in generic if e.attribute == named), None)
    if cued is not None:
        return cued
    quote = text[figure.char_start : figure.char_end].lower()
    for counted in _counted_nouns(figure.counted):
        for entry in COUNTED:
            if counted in entry.lemmas and (entry.modifier is None or entry.modifier in quote):
                return entry.attribute
    return None


def _counted_nouns(counted: str | None) -> list[str]:
    """The counted lemma, then the last part of a hyphenated one: "компания-резидент" → "резидент",
    "предприятие-участник" → "участник"."""
    if not counted:
        return []
    return [counted, counted.rsplit("-", 1)[-1]] if "-" in counted else [counted]


def _cue_lemmas(figure: FigureFact, text: str) -> set[str]:
    """Lemmas of the figure's measure and of the last few words before it in its clause."""
    before = text[max(0, figure.char_start - CUE_REACH) : figure.char_start]
    clause = CLAUSE_END.sub("", before)
    words = WORD.findall(figure.measure or "") + WORD.findall(clause)[-CUE_WORDS:]
    return {lemma(w) for w in words}


def fill_from_figures(fact: ClusterFact, figures: Iterable[FigureFact], text: str) -> ClusterFact:
    """Fill missing counts, area and investment of `fact` from figures whose offsets index `text`."""
    members_end = None  # end of the last member count summed into `participants`
    for figure in figures:
        if _is_old_value(figure, text):
            continue
        what = count_attribute(figure, text)
        if members_end is not None and _continues_members(figure, what, text, members_end):
            fact.participants = (fact.participants or 0) + round(figure.value_scaled)
            members_end = figure.char_end
        elif what in MEMBERS and fact.participants is None:
            members_end = figure.char_end
        if what is not None:
            _set_count(fact, what, round(figure.value_scaled), figure.qualifier)
        elif figure.unit in AREA_KM2 and "area_km2" not in fact.attributes:
            fact.attributes["area_km2"] = round(figure.value_scaled * AREA_KM2[figure.unit], AREA_DIGITS)
        elif figure.unit in CURRENCIES and _is_investment(figure, text):
            fact.attributes.setdefault("investment", figure.value_scaled)
            fact.attributes.setdefault("investment_unit", figure.unit)
    return fact


# "Число участников — 16", "Количество резидентов: 25", "число участников кластера достигло 40": a
# labelled bare number (not a figure).
COUNT_LABEL = r"(?:[Чч]исло|[Кк]оличество|[Чч]исленность)"
LABELLED = re.compile(
    rf"\b{COUNT_LABEL}\s+(?P<noun>[а-яё]+)(?:\s+[а-яё]+){{0,2}}?\s*"
    r"(?:[-–—:]|\s(?:составля|состави|достиг|достига)[а-яё]*)\s*"
    r"(?:(?P<qualifier>[а-яё]+)\s+)?(?P<number>\d[\d\s]*(?:,\d+)?)(?=\s*(?:[.;,)]|$))"
)


def fill_from_labels(fact: ClusterFact, text: str, spans: Iterable[tuple[int, int]]) -> None:
    """Counts stated as "Число участников — 16" in the spans."""
    for lo, hi in spans:
        for found in LABELLED.finditer(text, lo, hi):
            what = _labelled_attribute(lemma(found.group("noun")))
            value = parse_number(found.group("number"))
            if what is not None and value is not None:
                _set_count(fact, what, round(value), _qualifier_code(found.group("qualifier")))


def label_attribute(words: list[str]) -> str | None:
    """The count the words after a count label name ("работников" → employees, "рабочих мест" → jobs)."""
    lemmas = {lemma(w) for w in words}
    modified = (
        e.attribute
        for e in COUNTED
        if e.modifier and set(e.lemmas) & lemmas and e.modifier in " ".join(words)
    )
    return (_labelled_attribute(lemma(words[0])) if words else None) or next(modified, None)


def _labelled_attribute(noun: str) -> str | None:
    if noun in EMPLOYMENT:
        return "employees"
    return next((e.attribute for e in COUNTED if noun in e.lemmas and e.modifier is None), None)


def _qualifier_code(word: str | None) -> str:
    return next((q.code for q in QUALIFIERS if word and word.lower() in q.heads), "=")


def fill_from_text(fact: ClusterFact, text: str) -> ClusterFact:
    """Counts of a table cell ("35 участников, 7400 сотрудников") through the figure grammar."""
    return fill_from_figures(fact, extract_figures(text), text)


def _continues_members(figure: FigureFact, what: str | None, text: str, after: int) -> bool:
    """A count of members listed right after the previous one ("объединяет 10 промышленных
    предприятий, 1 высшее учебное заведение и 2 организации": participants 13)."""
    member = what in MEMBER_KINDS or (what is None and figure.counted in MEMBER_NOUNS)
    gap = text[after : figure.char_start]
    return figure.unit == "COUNT" and member and ENUMERATION_GAP.fullmatch(gap) is not None


def _is_old_value(figure: FigureFact, text: str) -> bool:
    """The first value of a change, "увеличилось с 40 до 47 организаций": the later one counts."""
    before = text[max(0, figure.char_start - CHANGE_REACH) : figure.char_start]
    return bool(CHANGE_FROM.search(before) and CHANGE_TO.match(text, figure.char_end))


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
