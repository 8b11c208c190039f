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
    # municipal programmes and forecasts (RuREBus open documents)
    ("число общих врачебных практик", None, "healthcare_capacity"),
    ("число ОВП", None, "healthcare_capacity"),
    ("число коек", None, "healthcare_capacity"),
    ("число ФАП", None, "healthcare_capacity"),
    ("коэффициент смертности", None, "deaths"),  # the catalog's demography, not a generic coefficient
    ("коэффициент рождаемости", None, "births"),
    ("сбор зерна", "PERCENT", "grain_harvest"),  # a harvest, not a tax ("налоги и сборы")
    ("число СМП", None, "sme"),
    ("число субъектов малого предпринимательства", None, "sme"),
    ("производство скота", "PERCENT", "meat_production"),
    ("производство яиц", "PERCENT", "egg_production"),
    ("лесозаготовки", "PERCENT", "timber_harvest"),
    ("объем отгруженной лесопродукции", "RUB", "timber_harvest"),
    ("сельскохозяйственное производство", "PERCENT", "agricultural_output"),
    ("производство сельхозпродукции", "PERCENT", "agricultural_output"),
    ("доля бедного населения", "PERCENT", "poverty_rate"),
    ("динамика оборота платных услуг", "PERCENT", "paid_services"),
    ("оценка оборота рынка услуг", "RUB", "paid_services"),
    ("число административных правонарушений", None, "crimes"),
    ("площадь муниципального жилищного фонда", "M2", "housing_stock"),
    ("число торговых объектов", None, "retail_outlets"),
    ("число магазинов", None, "retail_outlets"),
    ("число инвалидов", None, "disabled_people"),
    ("общая заболеваемость", "PERCENT", "morbidity"),
    ("количество учреждений культурно-досугового типа", None, "cultural_institutions"),
    ("доля муниципальных учреждений культуры", "PERCENT", "cultural_institutions"),
    ("число спортивных площадок", None, "sports_facilities"),  # not an industrial site ("площадка")
    ("плоскостные спортивные сооружения", "M2", "sports_facilities"),
    ("средства областного бюджета", "RUB", "budget_funds"),
    ("объем средств дорожного фонда", "RUB", "budget_funds"),
    ("число квартир", None, "housing_commissioned"),
    ("объем введенного жилья", "M2", "housing_commissioned"),
    ("число ученических мест", None, "education_places"),
    ("число новых мест в общеобразовательных организациях", None, "education_places"),
    ("функция врачебной должности", "PERCENT", "healthcare_capacity"),
    ("объём профилактических осмотров", "PERCENT", "healthcare_capacity"),
    ("число крестьянских фермерских хозяйств", None, "enterprises"),
    ("число фермеров", None, "enterprises"),
    ("число разводов", None, "divorces"),
    ("число расторжений брака", None, "divorces"),  # a divorce, not a marriage
    ("число регистрируемых браков", None, "marriages"),
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


# (sentence from a municipal programme or forecast, figure quote, indicator), through `extract_page`
MUNICIPAL = [
    ("Всего в районе открыто 8 общих врачебных практики: в с. Ново – Кусково, с. Минаевка, в с. Батурино "
     "2 ОВП, с. Ягодное, с. Новиковка.", "2 ОВП", "healthcare_capacity"),
    ("При «Асиновской районной больнице» открыт дневной стационар на 60 коек и стационар на дому на 34 "
     "койки.", "34 койки", "healthcare_capacity"),
    ("Число умерших в январе-июне 2017 года составило 81 человек и по сравнению с аналогичным периодом "
     "предыдущего года сократилось на 12,9 %, коэффициент смертности снизился с 20,5 до 18,2 человек на "
     "1000 населения.", "20,5", "deaths"),
    ("К концу 2019 года ожидается рост сбора зерна по сравнению с 2015 годом на 5,3%, по первому варианту "
     "прогноза.", "5,3%", "grain_harvest"),
    ("Доля бедного населения существенно не изменится и составит в 2019 году 12,7%.", "12,7%",
     "poverty_rate"),
    ("Динамика оборота платных услуг населению ускорится с 1,1% в 2019 году к предыдущему году в "
     "сопоставимых ценах до 1,5% в 2020 году.", "до 1,5%", "paid_services"),
    ("Отмечается рост общей заболеваемости в 2015 году на 3,3%, в основном за счёт болезней системы "
     "кровообращения.", "3,3%", "morbidity"),
    ("На территории Асиновского района по состоянию на 01.09.2015 проживает 2,6 тысяч инвалидов, в том "
     "числе детей-инвалидов свыше 130.", "2,6 тысяч инвалидов", "disabled_people"),
    ("Увеличилось количество учреждений культурно-досугового типа в 2015 году на 3 единицы и составило "
     "67 единиц.", "67 единиц", "cultural_institutions"),
    ("Так в период с 2011г. по 2014г. построено и реконструировано около 37 спортивных площадок для "
     "занятий физической культурой и спортом.", "около 37 спортивных площадок", "sports_facilities"),
    ("В 2016 году объем отгруженной лесопродукции в круглом виде составил 108,9 млн. руб., что в 1,8 раза "
     "выше показателя 2015 года в действующих ценах.", "108,9 млн. руб.", "timber_harvest"),
    ("Производство скота и птицы (в живом весе) во всех категориях хозяйств в прогнозном периоде будет "
     "демонстрировать рост в среднем на 10,5% в год.", "10,5%", "meat_production"),
    ("Прогнозом на 2019 год предусматривается увеличение сельскохозяйственного производства на 0,4% к "
     "предыдущему году.", "0,4%", "agricultural_output"),
    ("Общая площадь муниципального жилищного фонда в 2016 году составит 86,56 тыс. кв. м.",
     "86,56 тыс. кв. м", "housing_stock"),
    ("За 2018 год в округе организациями всех форм собственности построена 371 квартира общей площадью "
     "32001 кв. метров.", "371 квартира", "housing_commissioned"),
    ("Объем вводимого в области жилья в 2019 году составит 270 тыс. кв. м общей площади.",
     "270 тыс. кв. м", "housing_commissioned"),
    ("Из 148 торговых объектов 68 - реализуют продовольственные товары.", "148 торговых объектов",
     "retail_outlets"),
    ("По прогнозу к 2020 году количество малых и средних предприятий в районе увеличится на 4,9% к уровню "
     "2016 года (256 СМП).", "256 СМП", "sme"),
    ("За январь - декабрь 2018 года были освоены денежные средства в сумме 93,5 млн. рублей, в т. ч. за "
     "счет средств федерального бюджета – 4,4 млн. рублей, областного бюджета – 70,8 млн. рублей.",
     "70,8 млн. рублей", "budget_funds"),
    ("В 2015 году в районе зарегистрировано 120 браков и 85 разводов.", "85 разводов", "divorces"),
    ("В районе работают 4 крестьянских фермерских хозяйства.", "4 крестьянских фермерских хозяйства",
     "enterprises"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote", "expected"), MUNICIPAL)
def test_municipal_figures_resolve_through_the_pipeline(text: str, quote: str, expected: str) -> None:
    from extracting import figure

    assert figure(text, quote).indicator == expected


def test_budget_funds_in_a_list_of_investment_sources_are_investment() -> None:
    """A source of financing is a breakdown: in a list of investment sources the head's indicator wins."""
    from extracting import figure

    text = (
        "Источниками финансирования инвестиций в основной капитал являлись:\n"
        "- собственные средства – 62,8 млн. руб.;\n"
        "- бюджетные средства – 12,4 млн. руб.;\n"
        "- средства внебюджетных фондов – 30,0 млн. руб."
    )
    assert figure(text, "12,4 млн. руб.").indicator == "fixed_capital_investment"
