"""The indicator catalog: measure phrases from the real corpus (any case form) → indicator ids."""

from __future__ import annotations

import pytest
from extracting import figure

from pipeline.extract.indicators import (
    ANY_UNIT,
    TYPES,
    UNIT_CLASSES,
    catalog,
    find_indicator,
    find_indicators,
    match_indicator,
    match_label,
    topic_indicator,
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
    ("доля продукции средних переделов", "PERCENT", "non_resource_export"),  # an export strategy's stages
    ("экспорт продукции верхних переделов", "PERCENT", "non_resource_export"),
    ("объем производства продукции", "RUB", "production_volume"),
    ("число субъектов", "COUNT", "territorial_units"),  # "в 35 субъектах": federal subjects
    ("число субъектов Российской Федерации", "COUNT", "territorial_units"),
    ("число субъектов МСП", "COUNT", "sme"),
    ("число субъектов малого бизнеса", "COUNT", "sme"),
    ("число хозяйствующих субъектов", "COUNT", "enterprises"),
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
    # catalog 2026-12-01.4: a production index is an index, of industry or of one of its branches
    ("индекс производства", "PERCENT", "industrial_production_index"),
    ("Индекс производства пищевых продуктов", "PERCENT", "industrial_production_index"),
    ("Индексы производства по видам экономической деятельности", ANY_UNIT, "industrial_production_index"),
    ("индекс производства сельскохозяйственной продукции", "PERCENT", "agricultural_output"),
    ("индекс производства продукции сельского хозяйства", "PERCENT", "agricultural_output"),
    ("индекс производства продукции животноводства", "PERCENT", "livestock_output"),
    ("объем отгруженной продукции промышленного производства", "PERCENT", "shipped_goods"),
    ("объем отгруженной промышленной продукции", "RUB", "shipped_goods"),
    ("объем отгруженной лесопродукции", "RUB", "timber_harvest"),  # the product's own entry
    ("число субъектов малого бизнеса", None, "sme"),
    ("число субъектов малого и среднего предпринимательства", None, "sme"),
    ("число дошкольных учреждений", None, "education_institutions"),
    ("число общеобразовательных учреждений", None, "education_institutions"),
    ("число новых мест в общеобразовательных организациях", None, "education_places"),  # places first
    ("число парикмахерских", None, "retail_outlets"),
    ("число торговых мест", None, "retail_outlets"),
    ("протяжённость дорог", "KM", "network_length"),
    ("грунтовые дороги", "KM", "network_length"),
    ("численность населения трудоспособного возраста", None, "population"),
    ("доля лиц старше трудоспособного возраста", "PERCENT", "population"),
    ("численность работников пенсионного возраста", None, "employees"),  # the head, not the age group
    ("поголовье птицы", None, "livestock_headcount"),
    ("производство мяса птицы", "PERCENT", "meat_production"),
    ("число тиров", None, "sports_facilities"),
    ("уровень обеспеченности населения спортивными сооружениями", "PERCENT", "sports_facilities"),
    ("обеспеченность сельского населения плоскостными спортивными сооружениями", "M2", "sports_facilities"),
    ("обеспеченность детей местами в дошкольных образовательных организациях", "PERCENT", "education_places"),
    ("уровень обеспеченности учреждениями культурно-досугового типа", "PERCENT", "cultural_institutions"),
    ("число вызовов скорой медицинской помощи", None, "healthcare_capacity"),
    ("численность населения, занятого в экономике", None, "employed"),
    ("ориентировочная стоимость проекта", "RUB", "investment"),
    ("неналоговые доходы", "RUB", "budget_revenue"),
    ("часть ЕНВД", "PERCENT", "tax_revenue"),
    ("число мест", None, "education_places"),  # a count of places with no other noun: schools
    ("число новых мест", None, "education_places"),
    ("число новых рабочих мест", None, "jobs"),  # not "число мест" with a gap
    ("число замещенных рабочих мест", "PERCENT", "jobs"),
    ("число торговых мест", None, "retail_outlets"),
    ("число посадочных мест", None, "capacity"),
    ("число индивидуальных предпринимателей", None, "sme"),  # small business subjects by law
    ("число начинающих предпринимателей", None, "enterprises"),
    ("объем выполненных работ", "RUB", "construction_volume"),
    ("Объём отгруженных товаров собственного производства, выполненных работ", "RUB", "shipped_goods"),
    ("общая площадь ветхого и аварийного жилья", "M2", "housing_stock"),
    ("площадь ветхого", "M2", "housing_stock"),
    ("асфальтобетонные покрытия автомобильных дорог", "M2", "area"),
    ("число модульных фельдшерских акушерских пунктов", None, "healthcare_capacity"),
    ("число работающих", None, "employees"),
    ("дотации на выравнивание бюджетной обеспеченности", "RUB", "state_support"),  # transfers to a budget
    ("субвенции из областного бюджета", "RUB", "state_support"),
    ("межбюджетные трансферты", "RUB", "state_support"),
    # catalog 2026-12-01.8: a branch after its whole names the part (`part_of`)
    (
        "объем производства промышленной продукции в обрабатывающих производствах",
        "RUB",
        "manufacturing_output",
    ),
    (
        "объём отгруженной промышленной продукции по разделу «Добыча полезных ископаемых»",
        "RUB",
        "mining_output",
    ),
    (
        "отгрузка товаров в сфере «Производство и распределение электроэнергии, газа и воды»",
        "RUB",
        "electricity_generation",
    ),
    (
        "объём производства по виду деятельности «Обрабатывающие производства»",
        "PERCENT",
        "manufacturing_output",
    ),
    ("промышленная продукция", "RUB", "industrial_output"),
    # no branch lists investment or an industrial production index as its whole
    (
        "инвестиции в основной капитал по виду деятельности «Обрабатывающие производства»",
        "RUB",
        "fixed_capital_investment",
    ),
    ("инвестиции в обрабатывающие производства", "RUB", "investment"),
    ("индекс производства в обрабатывающих производствах", "PERCENT", "industrial_production_index"),
    # farming and logging are no industry: their production index is the branch's output
    ("индекс производства в лесозаготовках", "PERCENT", "timber_harvest"),
    ("индекс производства в растениеводстве", "PERCENT", "crop_output"),
    ("продукция сельского хозяйства в животноводстве", "RUB", "livestock_output"),
    # "площадь" is a dimension: the thing after it, measured in area, is the indicator
    ("общая площадь стадиона", "M2", "sports_facilities"),
    ("площадь пахотных земель", "HA", "agricultural_land"),
    ("площадь земельного участка под ИЖС", "M2", "area"),  # the plot's own area, not the housing
    ("площадь жилых помещений", "M2", "area"),
    ("ввод в эксплуатацию жилых помещений", "M2", "housing_commissioned"),
    ("число граждан, не занятых трудовой деятельностью", None, "unemployed"),
    ("число граждан, состоящих на учёте в центре занятости", None, "unemployed"),
    ("число занятых", None, "employed"),
    # "не" reaches "занятые" only as their own negation, not as a qualifier's ("не более трети занятых")
    ("не более трети занятых в экономике района", None, "employed"),
    ("число учителей", None, "employees"),
    ("численность тренеров-преподавателей", None, "employees"),
    # news spellings (session 31's web excerpts)
    ("промпроизводство", "PERCENT", "industrial_output"),
    ("оборот ритейла", "RUB", "retail_turnover"),
    ("оборот в рознице", "RUB", "retail_turnover"),
]


@pytest.mark.parametrize(("phrase", "unit", "expected"), PHRASES)
def test_corpus_phrases_resolve(phrase: str, unit: str | None, expected: str) -> None:
    found = match_indicator(words_of(phrase), unit)
    assert found is not None and found.id == expected, (phrase, found)


@pytest.mark.parametrize("phrase", ["число посещений библиотек", "посещение учреждений культуры"])
def test_visits_are_no_count_of_cultural_institutions(phrase: str) -> None:
    """A visit is a flow; the stock of libraries, museums and clubs is no indicator of it."""
    found = match_indicator(words_of(phrase), None)
    assert found is None or found.id != "cultural_institutions", (phrase, found)


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


def test_a_product_after_a_production_head_is_matched_from_the_head() -> None:
    """ "производство молока" names milk production from "производство" on, so a share "доля
    производства молока" is the product's own (its match starts at the share's head noun)."""
    found = find_indicator(words_of("доля производства молока"), "PERCENT")
    assert (found.indicator.id, found.start, found.end) == ("milk_production", 1, 3)
    # another generic head keeps its own indicator: the price of meat is a price
    assert find_indicator(words_of("цены на мясо птицы"), "PERCENT").indicator.id == "price"


def test_a_production_head_takes_its_product_wherever_it_stands() -> None:
    """A sentence lists several figures: "производство в обрабатывающей промышленности" after an
    index is matched from "производство" on, as the measure it spells out."""
    text = "индекс промышленного производства – 109,0%, производство в обрабатывающей промышленности"
    words = words_of(text)
    found = [(m.indicator.id, m.start, m.end) for m in find_indicators(words, "PERCENT")]
    assert ("manufacturing_output", 3, 7) in found and ("production_volume", 3, 4) not in found
    # "индекс производства мяса": the index is no production head of its own
    assert match_label("индекс производства мяса", "PERCENT").id == "industrial_production_index"


@pytest.mark.parametrize(
    "text",
    [
        "цены на мясо и производство за прошлый год по всем видам молока",
        # the same head after one that took its product: still inside the phrase
        "производство мяса и производство за прошлый год по всем видам молока",
    ],
)
def test_a_production_head_inside_a_phrase_takes_only_a_near_product(text: str) -> None:
    """A head that is not the phrase's first match governs a product at most `PART_GAP` words on:
    "молока" seven words after the second "производство" is no product of it, whatever came first."""
    words = words_of(text)
    found = [(m.indicator.id, m.start, m.end) for m in find_indicators(words)]
    head = len(words) - 1 - words[::-1].index("производство")
    assert ("production_volume", head, head + 1) in found
    assert ("milk_production", len(words) - 1, len(words)) in found


@pytest.mark.parametrize(
    "phrase",
    [
        "число ярмарок на 10 тыс. населения",
        "число спортивных секций на 1000 жителей",
        "число ярмарок на 1 млн населения",  # any scale word between "на" and the base
        "обеспеченность населения",
    ],
)
def test_the_base_of_a_rate_is_no_measure(phrase: str) -> None:
    """ "на 1000 населения", "обеспеченность населения …": the population is what a rate is per."""
    assert match_label(phrase, None) is None
    assert match_label("доля населения", "PERCENT").id == "population"  # a share of it is its own
    assert match_label("ВВП на душу населения", "RUB").id == "gdp_per_capita"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("уровень защищенности населения", None),  # a property the population has
        ("здоровье населения", None),
        ("численность населения", "population"),  # an amount of it
        ("прирост населения", "population"),  # a change of it
        ("доля лиц старше трудоспособного возраста", "population"),  # an age group: people
    ],
)
def test_the_population_owning_a_property_is_no_measure(phrase: str, expected: str | None) -> None:
    """A single base noun after a noun that names no amount, change or count of it is that noun's
    owner (unused RuREBus programme, session 29: "уровень защищенности населения" was population)."""
    found = match_label(phrase, "PERCENT")
    assert (found.id if found else None) == expected


def test_a_bare_project_is_no_investment_project() -> None:
    assert match_label("число проектов планировки территорий", None) is None  # a planning document
    assert match_label("число инвестиционных проектов", None).id == "investment_projects"


def test_unit_class_decides() -> None:
    # money is not an area: "площадь" with roubles is not the area indicator
    assert match_label("площадь", "RUB") is None
    assert match_label("площадь", "HA").id == "area"
    # a count (no unit) is not a GRP value; a change in % fits every indicator
    assert match_label("ВРП", None) is None
    assert match_label("ВРП", "PERCENT").id == "grp"


@pytest.mark.parametrize(
    "phrase",
    [
        "Иванов Петр Сергеевич", "области", "года", "стр.", "",
        "Место",  # a rank column, not a place in a school
        "Деятельность по предоставлению мест для временного проживания",
        "Продукты животного происхождения, в другом месте не поименованные",
        "В частном секторе работают",  # the verb names no employees
    ],
)  # fmt: skip
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
    ("В 2019 году для подвоза учащихся приобретено 6 автобусов и 22 односекционных трамвая.", "6 автобусов",
     "vehicles"),
    ("В 2019 году для подвоза учащихся приобретено 6 автобусов и 22 односекционных трамвая.",
     "22 односекционных трамвая", "vehicles"),
    ("В составе кластера 1 высшее учебное заведение и 2 гимназии.", "1 высшее учебное заведение",
     "education_institutions"),
    ("В округе работают 33 учреждения дошкольного образования.", "33 учреждения", "education_institutions"),
    ("Экспортные поставки в общем объеме внешнеторгового оборота занимают 56,9%.", "56,9%", "export"),
    ("Доля валового регионального продукта в ВВП России составила 0,4%.", "0,4%", "grp"),
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
    # catalog 2026-12-01.4 (open RuREBus texts and the dev gold of session 8)
    ("Индекс производства составил 169,7 %.", "169,7 %", "industrial_production_index"),
    ("При этом индекс производства в обрабатывающих производствах составит 102,7 %, в том числе увеличение "
     "индекса производства прогнозируется:", "102,7 %", "industrial_production_index"),
    ("Индекс производства сельскохозяйственной продукции составит: в 2018 г. - 104 %, в 2019 г. – 101,8 %, "
     "в 2020 г. – 102,2 %.", "104 %", "agricultural_output"),
    ("Социально-экономическая ситуация в Солигаличском муниципальном районе в январе-июне 2017 года "
     "характеризуется как стабильная: объем отгруженной продукции промышленного производства увеличился на "
     "102,3 %, объем отгрузки по лесозаготовке в 3 раза.", "102,3 %", "shipped_goods"),
    ("На их долю падает 99,7 % производства молока и 91,6 % производства скота от общего производства в "
     "хозяйствах всех категорий.", "99,7 %", "milk_production"),
    ("В районе 165 спортивных сооружений, в том числе 2 стадиона, 126 плоскостных спортивных сооружений, 29 "
     "спортивных залов, 1 легкоатлетический манеж, 2 лыжные базы, 1 тир.", "1 тир", "sports_facilities"),
    ("Скорая медицинская помощь обслуживает 16000 вызовов в год.", "16000 вызовов", "healthcare_capacity"),
    ("2.Увеличение уровеня обеспеченности населения спортивными сооружениями до 46,2%, исходя из "
     "единовременной пропускной способности объектов физической культуры и спорта.", "до 46,2%",
     "sports_facilities"),
    ("Всего на территории сельского поселения зарегистрированы и осуществляют свою деятельность 3 субъекта "
     "малого бизнеса.", "3 субъекта", "sme"),
    ("В 2015 году были построены 4 дошкольных учреждения: МАДОУ «ЦРР-детский сад д. Кисловка» "
     "(с. Тахтамышево);", "4 дошкольных учреждения", "education_institutions"),
    ("За январь - декабрь отчетного года наблюдается увеличение объемов отгруженной продукции по сравнению с "
     "2017 годом у предприятий:\n- АО « ПО « Муроммашзавод » - на 78,9 % ;\n- ЗАО « Муром » - на 61,1 % ;",
     "78,9 %", "shipped_goods"),
    ("При этом в целом численность населения региона сократилась с начала 2001 года до 1 января 2019 года на "
     "12,6%, в том числе моложе трудоспособного возраста - на 17,0%.", "17,0%", "population"),
    ("Сельскохозяйственной птицы увеличилось на 6,8% и составило 4015,8 тыс. голов.", "6,8%",
     "livestock_headcount"),
    ("Обеспеченность детей в возрасте от 1 до 6 лет местами в дошкольных образовательных организациях в 2015 "
     "году составила 85%, рост к уровню 2014 года составил 44,5%.", "85%", "education_places"),
    ("- реконструкция животноводческого комплекса молочного направления на 1 650 голов в с. Турунтаево "
     "(инвестор – ООО «Спас», сроки реализации проекта – 2016 -  2018 гг., ориентировочная стоимость "
     "проекта – 190 млн. рублей);", "190 млн. рублей", "investment"),
    ("На сети дорог – 175,5 км грунтовых дорог", "175,5 км", "network_length"),
    ("МАОУ «Копыловская СОШ» на 70 мест;", "70 мест", "education_places"),
    ("В прогнозном периоде планируется ввести 2620 новых мест в общеобразовательных организациях района.",
     "2620 новых мест", "education_places"),
    ("В 2015 году в районе насчитывалось 2803 субъекта малого предпринимательства, что к уровню 2014 г. "
     "составило 103,4 %, из них 1652 индивидуальных предпринимателей.",
     "1652 индивидуальных предпринимателей", "sme"),
    ("Объем выполненных работ и услуг собственными силами крупных и средних предприятий и организаций по "
     "виду деятельности «строительство» в 2015 году снизился на 5% к аналогичному периоду 2014 года и "
     "составил 610,4 млн. руб.", "610,4 млн. руб.", "construction_volume"),
    ("Общая площадь ветхого и аварийного жилья в 2016 году составит 4,7 тыс. кв. м, что составляет 104,4% к "
     "уровню 2015 года.", "4,7 тыс. кв. м", "housing_stock"),
    ("В рамках проведения ремонтных работ на территории Томского района и сельских поселений в 2016 году "
     "будет отремонтировано: 38 600 м2 асфальтобетонных покрытий автомобильных дорог.", "38 600 м2", "area"),
    ("В течение 2015 года введено в эксплуатацию 3 модульных фельдшерских акушерских пункта.",
     "3 модульных фельдшерских акушерских пункта", "healthcare_capacity"),
    ("В отрасли работает 19,7 тыс. человек.", "19,7 тыс. человек", "employees"),
    # catalog 2026-12-01.8 (sentences written for the rule, in the genre)
    ("Общая площадь нового стадиона составит 2100 кв. м.", "2100 кв. м", "sports_facilities"),
    ("Общая площадь спортивного зала составляет 540 кв. м.", "540 кв. м", "sports_facilities"),
    ("Площадь пахотных земель в районе сократилась до 15,6 тыс. га.", "до 15,6 тыс. га", "agricultural_land"),
    ("Площадь технопарка составит 12 га.", "12 га", "area"),
    ("Обеспеченность населения торговыми площадями в 2016 году выросла в 1,2 раза.", "в 1,2 раза", "area"),
    ("Площадь территории муниципального района составляет 2 843 кв. км.", "2 843 кв. км", "area"),
    ("Число незанятых граждан, обратившихся в службу занятости, сократилось до 380 человек.",
     "до 380 человек", "unemployed"),
    ("В школах района работают 312 учителей.", "312 учителей", "employees"),
    ("Ввод в эксплуатацию жилых помещений в 2019 году составит 12,4 тыс. кв. м, в 2020 году – 13,1 тыс. "
     "кв. м.", "13,1 тыс. кв. м", "housing_commissioned"),
    ("Ввод в эксплуатацию жилых домов в 2021 году составит 8,4 тыс. кв. м, в 2022 году – 9,1 тыс. кв. м.",
     "9,1 тыс. кв. м", "housing_commissioned"),
    # a cut-down measure takes a branch or source its own noun heads before the figure
    ("По итогам 2017 года выросли основные показатели: индекс промышленного производства – 103,1%, "
     "производство в обрабатывающей промышленности – 105,4 %, производство сельхозпродукции – 98,7%.",
     "105,4 %", "manufacturing_output"),
    ("Производство в обрабатывающих производствах в 2019 году составит 101,6 %.", "101,6 %",
     "manufacturing_output"),
    # a share's whole is of its head noun: "численности населения" is of the population
    ("Доля экономически активного населения в численности населения района в 2017 году составит 55,4%.",
     "55,4%", "labour_force"),
    ("Доля экономически активного населения в общей численности населения снизилась до 52,1%.", "до 52,1%",
     "labour_force"),
    ("Доля городского населения в общей численности населения района составляет 38,2%.", "38,2%",
     "urban_population_share"),
    ("Доля экспорта услуг в общем объеме экспорта составила 12%.", "12%", "export_services"),
    # a bare production of a branch is no part of the more specific whole: the share keeps the whole's
    ("В структуре обрабатывающих производств наибольший удельный вес занимают производство пищевых "
     "продуктов (41%) и обработка древесины (23%).", "41%", "manufacturing_output"),
    ("Доля производства пищевых продуктов в обрабатывающих производствах составила 35%.", "35%",
     "manufacturing_output"),
    # a generic measure takes the specific thing named before it in its clause
    ("За 2016 год в хозяйствах всех категорий произведено 52,3 тонн мяса скота и птицы (108 % к уровню "
     "2015 г.).", "108 %", "meat_production"),
    ("В обрабатывающих производствах объем производства в 2017 году вырос на 4,1%.", "4,1%",
     "manufacturing_output"),
    ("На 0,5% снизились цены на мясо птицы, сахар, на 0,3% - молоко питьевое.", "0,3%", "price"),
    # a count repeats the things its clause named before it
    ("В администрации района ведется реестр инвестиционных проектов, который на 2018 год насчитывает 27 "
     "проектов.", "27 проектов", "investment_projects"),
    ("Число торговых объектов в 2017 году выросло и составило 312 объектов.", "312 объектов",
     "retail_outlets"),
    ("На территории поселения расположено 14 торговых объектов, из них в 2016 году открыто 3 объекта.",
     "3 объекта", "retail_outlets"),
    # a unit count after "в"/"на" is where the figure is, not what it measures
    ("В крупных организациях района средняя заработная плата выросла на 6,2%.", "6,2%", "average_wage"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("В целом, Администрацией Томского района разработано 13 проектов для предоставления под жилье "
         "экономического класса.", "13 проектов"),
        ("На крупных и средних предприятиях района занято 64% работающих.", "64%"),
        ("Рост численности населения позволил открыть 4 объекта.", "4 объекта"),
    ],
)  # fmt: skip
def test_words_that_only_look_like_an_indicator(text: str, quote: str) -> None:
    """A bare "проект" is no investment project, the verb "работают" names no employees, the
    organizations people work in ("в организациях …") are no count of the figure."""
    from extracting import figure

    assert figure(text, quote).indicator is None


@pytest.mark.parametrize(("text", "quote", "expected"), MUNICIPAL)
def test_municipal_figures_resolve_through_the_pipeline(text: str, quote: str, expected: str) -> None:
    from extracting import figure

    assert figure(text, quote).indicator == expected


def test_budget_funds_in_a_list_of_investment_sources_are_investment() -> None:
    """A source of financing is a breakdown: in a list of investment sources the head's indicator wins."""
    text = (
        "Источниками финансирования инвестиций в основной капитал являлись:\n"
        "- собственные средства – 62,8 млн. руб.;\n"
        "- бюджетные средства – 12,4 млн. руб.;\n"
        "- средства внебюджетных фондов – 30,0 млн. руб."
    )
    assert figure(text, "12,4 млн. руб.").indicator == "fixed_capital_investment"


def _caption_table_indicators(caption: str) -> set[str]:
    """Indicators of the cells of a Rosstat-like monthly table in % whose caption names what it is."""
    import pandas as pd

    from pipeline.extract.observations import build_observations
    from pipeline.extract.tables import table_rows
    from pipeline.model import ParsedTable, TableCell

    header = ["", "В % к соответствующему периоду предыдущего года", "В % к предыдущему периоду"]
    rows = [("2017г. Январь", ["103,3", "57,6"]), ("2017г. Февраль", ["103,8", "101,4"])]
    cells = []
    for r, (label, values) in enumerate(rows):
        cells.append(TableCell(r, 0, 3, label, row_label=label))
        cells += [
            TableCell(r, c, 3, v, row_label=label, col_label=header[c]) for c, v in enumerate(values, 1)
        ]
    part = table_rows("doc", ParsedTable(0, 2, 3, header, cells, caption=caption))
    obs = build_observations(None, pd.DataFrame(part["cells"]), pd.DataFrame([part["table"]]))
    return set(obs["indicator"])


def test_a_table_of_a_products_production_has_the_products_output() -> None:
    """ "Производство продукции сельского хозяйства" in % is agricultural output, not a generic volume."""
    caption = "Таблица 1 ДИНАМИКА ПРОИЗВОДСТВА ПРОДУКЦИИ СЕЛЬСКОГО ХОЗЯЙСТВА"
    assert _caption_table_indicators(caption) == {"agricultural_output"}
    # a product that is no output (a number of vehicles) leaves the production head; Rosstat's tables
    # of products ("отдельных видов", "основных видов") are no manufacturing section (ОКВЭД 2)
    caption = "Таблица 43 ПРОИЗВОДСТВО ОТДЕЛЬНЫХ ВИДОВ ТРАНСПОРТНЫХ СРЕДСТВ"
    assert _caption_table_indicators(caption) == {"production_volume"}
    caption = "Таблица 9 ПРОИЗВОДСТВО ОСНОВНЫХ ВИДОВ ПИЩЕВЫХ ПРОДУКТОВ"
    assert _caption_table_indicators(caption) == {"production_volume"}
    # the section itself, word for word, is manufacturing output
    caption = "Таблица 43 ПРОИЗВОДСТВО ПРОЧИХ ТРАНСПОРТНЫХ СРЕДСТВ И ОБОРУДОВАНИЯ"
    assert _caption_table_indicators(caption) == {"manufacturing_output"}


def test_a_table_of_production_dynamics_in_percent_is_a_production_index() -> None:
    """Rosstat's "Динамика производства <branch>" tables in % are production indices."""
    caption = "Таблица 20 ДИНАМИКА ПРОИЗВОДСТВА БУМАГИ И БУМАЖНЫХ ИЗДЕЛИЙ"
    assert _caption_table_indicators(caption) == {"industrial_production_index"}
    caption = 'Таблица 54 ДИНАМИКА ПРОИЗВОДСТВА ПО ВИДУ ДЕЯТЕЛЬНОСТИ "ОБЕСПЕЧЕНИЕ ЭЛЕКТРИЧЕСКОЙ ЭНЕРГИЕЙ"'
    assert _caption_table_indicators(caption) == {"industrial_production_index"}
    assert match_label("Динамика производства ВВП", "PERCENT").id == "gdp"


def test_a_match_inside_a_longer_one_gives_way():
    """ "Мясо птицы" is meat (the product a trade table breaks down), not the poultry counted in
    "поголовье птицы"; "динамика производства" inside the agricultural-output phrase gives way too."""
    assert [m.indicator.id for m in find_indicators(words_of("Мясо птицы"))] == ["meat_production"]
    assert {m.indicator.id for m in find_indicators(words_of("Поголовье птицы"))} == {"livestock_headcount"}


def test_a_generic_measure_takes_the_specific_indicator_its_sentence_spells_out():
    """ "объем инвестиций" of the second figure repeats "объем инвестиций в основной капитал"."""
    text = (
        "Объем инвестиций в основной капитал в 2015 году снизился к уровню 2014 года на 32,4% и составил "
        "1453,6 млн. руб."
    )
    assert figure(text, "1453,6 млн. руб.").indicator == "fixed_capital_investment"
    assert figure(
        "Инвестиции в сельское хозяйство составили 120 млн. рублей.", "120 млн. рублей"
    ).indicator == ("investment")  # a branch is no specific indicator of its own
    eggs = "В хозяйствах всех категорий произведено скота и птицы на убой 8,1 млн. тонн, яиц - 28,2 млрд. шт."
    assert figure(eggs, "28,2 млрд. шт.").indicator != "livestock_headcount"  # a herd is no product


@pytest.mark.parametrize(
    "text, quote",
    [
        ("В частном секторе работают 82% от численности занятых в экономике района.", "82%"),
        ("В организациях муниципальной формы собственности работает 11,4% от численности занятых в "
         "экономике.", "11,4%"),
    ],
)  # fmt: skip
def test_a_share_of_the_employed_is_employed_not_where_they_work(text: str, quote: str) -> None:
    """A share "от численности занятых" takes its whole's indicator; "в организациях …" is where."""
    assert figure(text, quote).indicator == "employed"


@pytest.mark.parametrize(
    ("title", "indicator"),
    [
        ("ЭКСПОРТНАЯ СТРАТЕГИЯ КУРСКОЙ ОБЛАСТИ", "export"),
        ("Стратегия развития экспорта Тульской области до 2030 года", "export"),
        ("Прогноз социально-экономического развития Томского района", None),  # no count of districts
        ("Релокация юридических компаний в России в 2016–2023 гг.", None),  # no count of companies
        (None, None),
    ],
)
def test_the_indicator_a_title_is_about(title, indicator):
    found = topic_indicator(title)
    assert (found.id if found else None) == indicator
