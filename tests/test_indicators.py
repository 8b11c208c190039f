"""The indicator catalog: measure phrases from the real corpus (any case form) → indicator ids."""

from __future__ import annotations

import pytest

from pipeline.extract.indicators import (
    ANY_UNIT,
    TYPES,
    UNIT_CLASSES,
    catalog,
    find_indicator,
    match_indicator,
    match_label,
    unit_class,
    words_of,
)

# (measure phrase as printed in the corpus, unit code of the figure, expected id)
PHRASES = [
    ("экспорт продукции АПК", "USD", "export"),
    ("товарооборот между РФ и КНР", "USD", "trade_turnover"),
    ("объёма экспорта Курской области", "USD", "export"),
    ("Объем экспорта Курской области", "PERCENT", "export"),
    ("соотношение объема экспорта к ВРП", "PERCENT", "export_to_grp"),
    ("экспорта услуг", "USD", "export_services"),
    ("импорт", "USD", "import"),
    ("Внешнеторговый оборот, млрд.долларов США", ANY_UNIT, "trade_turnover"),
    ("Инвестиции в основной капитал, млрд.рублей", ANY_UNIT, "fixed_capital_investment"),
    ("Объем инвестиций", "RUB", "investment"),
    ("прямых иностранных инвестиций", "USD", "fdi"),
    ("Валовой внутренний продукт", "RUB", "gdp"),
    ("Объем ВВП России", "RUB", "gdp"),
    ("валового регионального продукта", "RUB", "grp"),
    ("Индекс промышленного производства", ANY_UNIT, "industrial_production_index"),
    ("Индекс потребительских цен", "PERCENT", "consumer_price_index"),
    ("Оборот розничной торговли, млрд.рублей", ANY_UNIT, "retail_turnover"),
    ("Грузооборот транспорта, млрд.т-км", ANY_UNIT, "freight_turnover"),
    ("Среднемесячная начисленная заработная плата работников организаций", "RUB", "average_wage"),
    ("Общая численность безработных (в возрасте 15-72 лет), млн.человек", ANY_UNIT, "unemployed"),
    ("Реальные располагаемые денежные доходы", "PERCENT", "real_disposable_income"),
    ("Численность постоянного населения региона", None, "population"),
    ("зерна", "TONNE", "grain_harvest"),
    ("сахарной свеклы", "TONNE", "sugar_beet_harvest"),
    ("масличных культур", "TONNE", "oilseed_harvest"),
    ("производства продукции растениеводства", "PERCENT", "crop_output"),
    ("резидентов", None, "residents"),
    ("рабочих мест", None, "jobs"),
    ("предприятий", None, "enterprises"),
    ("площадь технопарка", "M2", "area"),
    ("Территория ОЭЗ", "HA", "area"),
    ("мощностью", "TONNE", "capacity"),
    ("опрошенных бизнесменов", "PERCENT", "survey_share"),
    ("студентов", None, "students"),
    ("пониженная ставка налога на прибыль", "PERCENT", "tax_rate"),
    ("миграционный прирост", None, "net_migration"),
    ("занятых в экономике", None, "employed"),
    ("уровень безработицы", "PERCENT", "unemployment_rate"),
    ("соотношение городского и сельского населения", "PERCENT", "urban_population_share"),
    ("Средний процент грамотных среди всего населения империи", "PERCENT", "literacy_rate"),
    ("потребность в кадрах с высшим образованием", None, "labour_demand"),
    ("экспортных поставок", "USD", "export"),
    ("компаний-участников программы", None, "enterprises"),  # a compound noun by its first noun
    ("выработка на одного работника в обрабатывающей промышленности", "PERCENT", "labour_productivity"),
    ("число инновационных кластеров и ИТК", None, "parks_and_zones"),
    # a generic head of another type wins over a breakdown after it; a breakdown of a flow does not
    ("цены на мясо птицы", "PERCENT", "price"),
    ("производство мяса", "TONNE", "meat_production"),
]


@pytest.mark.parametrize(("phrase", "unit", "expected"), PHRASES)
def test_corpus_phrases_resolve(phrase: str, unit: str | None, expected: str) -> None:
    found = match_indicator(words_of(phrase), unit)
    assert found is not None and found.id == expected, (phrase, found)


@pytest.mark.parametrize(
    "form", ["экспорт", "экспорта", "экспорту", "экспортом", "экспорте", "экспорты", "экспортов"]
)
def test_every_case_form_matches(form: str) -> None:
    assert match_label(f"объём {form} продукции", "USD").id == "export"


def test_lemmas_match_like_words() -> None:
    assert match_indicator(["инвестиция", "в", "основной", "капитал"], "RUB").id == "fixed_capital_investment"


def test_head_first_then_longest_pattern() -> None:
    found = find_indicator(words_of("доля экспорта в ВРП"), "PERCENT")
    assert (found.indicator.id, found.start, found.end) == ("export_to_grp", 0, 4)
    # "производство" is generic: the specific crop wins although it comes later
    assert match_label("производство зерна", "TONNE").id == "grain_harvest"
    assert match_label("производство", "TONNE").id == "production_volume"


def test_unit_class_decides() -> None:
    # money is not an area: "площадь" with roubles is not the area indicator
    assert match_label("площадь", "RUB") is None
    assert match_label("площадь", "HA").id == "area"
    # a count (no unit) is not a GRP value; a change in % fits every indicator
    assert match_label("ВРП", None) is None
    assert match_label("ВРП", "PERCENT").id == "grp"


@pytest.mark.parametrize("phrase", ["Иванов Петр Сергеевич", "области", "года", "стр.", ""])
def test_no_indicator(phrase: str) -> None:
    assert match_label(phrase, ANY_UNIT) is None


def test_catalog_is_well_formed() -> None:
    entries = catalog()
    assert 60 <= len(entries) <= 150
    for ind in entries.values():
        assert ind.id.isascii() and ind.id == ind.id.lower() and " " not in ind.id
        assert ind.type in TYPES and ind.units <= set(UNIT_CLASSES) and ind.patterns


def test_unit_classes() -> None:
    assert [unit_class(u) for u in ("RUB", "CNY", "PERCENT", "HA", "TONNE", None)] == [
        "money", "money", "percent", "area", "mass", "count",
    ]  # fmt: skip


def test_strict_units_keep_shares_out_of_counts() -> None:
    assert match_label("поставки осуществлялись в стран", None).id == "partner_countries"
    # "доля региона в экспорте": a share of the export, not a number of regions
    assert match_label("доля региона в экспорте ЦФО", "PERCENT").id == "export"
    assert match_label("регионов", None).id == "territorial_units"


def test_every_lexicon_unit_has_a_class() -> None:
    from pipeline import lexicon

    for unit in lexicon.UNITS:
        assert unit_class(unit.code) in UNIT_CLASSES, unit
    assert unit_class("MW") == "power" and unit_class("PP") == "percent" and unit_class("TIMES") == "times"


def test_territory_names_are_no_indicator() -> None:
    """A table's row label "Курская область" says where, so the caption can say what."""
    import csv

    from pipeline.extract.territories import DATA

    for name in ("regions.csv", "countries.csv", "federal_districts.csv"):
        with open(DATA / name, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                assert match_label(row["name"]) is None, row["name"]
