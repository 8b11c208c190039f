"""Typed facts that extractors return; offsets index the text they were given."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from pipeline.lexicon import CURRENCIES

CHANGE_KINDS = ("change", "ratio")  # the kinds of figure that compare with a base


class Confidence:
    """One confidence scale for every extractor (how sure the reading is, not a probability)."""

    FULL_DATE = 0.95  # a date with its day and year
    GRAMMAR = 0.9  # a figure with a unit, or a dated expression, read by the grammar
    COUNTED = 0.8  # a count of a noun; a unit shared with a coordinated figure
    DERIVED = 0.7  # a number-unit adjective; a part of a whole; a bare or titled year
    INFERRED = 0.6  # a unit or year taken from a neighbour
    GUESS = 0.5  # a currency inherited from a money figure nearby
    BARE = 0.4  # a number without a unit
    WORDS_PENALTY = 0.1  # an amount in words, or a date framed by a part word ("в конце")


@dataclass
class DateFact:
    char_start: int
    char_end: int
    start: str  # ISO date of the first day covered, e.g. "2019-01-01"
    end: str  # ISO date of the last day covered, e.g. "2019-12-31"
    precision: str  # day | month | quarter | year | decade | century
    kind: str  # point | range | by | since
    confidence: float = 0.9


@dataclass
class FigureFact:
    char_start: int
    char_end: int
    value: float
    unit: str | None  # RUB, USD, EUR, CNY, PERCENT, PP, TIMES, KM2, COUNT, ...
    unit_mult: int = 0  # power of ten: тыс=3, млн=6, млрд=9, трлн=12
    value_max: float | None = None  # upper bound of a range
    unit_raw: str | None = None
    counted: str | None = None  # lemma of the counted noun for COUNT
    qualifier: str = "="  # = ~ > >= < <= range
    kind: str = "level"  # level | change | share | target | ratio
    measure: str | None = None
    subject: str | None = None
    period: str | None = None
    confidence: float = 0.8
    extractor: str = "grammar"
    period_start: str | None = None  # ISO date: first day of the reporting period
    period_end: str | None = None  # ISO date: last day of the reporting period
    period_precision: str | None = None  # day | month | quarter | year | decade | century
    base_period: str | None = None  # comparison base, compact ISO: "2018", "2018-Q1", "2018-03"
    indicator: str | None = None  # id in pipeline/data/indicators.toml
    subject_code: str | None = None  # ISO 3166-1/-2 code, city "<region>/<slug>", "org:<key>"
    subject_type: str | None = None  # country | region | city | municipality | org | pair | group
    period_from: int | None = None  # char_start of the date the period came from (→ date_id)
    subject_from: int | None = None  # char_start of the territory named as subject (→ mention_id)
    period_source: str | None = None  # one of `schema.PERIOD_SOURCES`

    @property
    def value_scaled(self) -> float:
        return self.value * 10**self.unit_mult

    @property
    def money(self) -> bool:
        """An amount in a currency (`lexicon.CURRENCIES`)."""
        return self.unit in CURRENCIES


@dataclass
class MentionFact:
    char_start: int
    char_end: int
    type: str  # ORG | LOC | PER
    text: str
    normal: str


@dataclass
class ClusterFact:
    name: str
    kind: str  # cluster | technopark | industrial_park | sez | hitech_zone | other
    source: str  # table | text
    char_start: int | None = None
    char_end: int | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    founded_year: int | None = None
    field: str | None = None
    participants: int | None = None
    participants_qualifier: str | None = None
    employees: int | None = None
    url: str | None = None
    attributes: dict = dataclasses.field(default_factory=dict)
    aliases: list[str] = dataclasses.field(default_factory=list)  # other names in the same document
