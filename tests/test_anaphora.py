"""Figures whose measure is named elsewhere in the text (Курская экспортная стратегия, p. 9),
through the production path (`extract_page`: real dates and NLP)."""

from __future__ import annotations

import pytest
from extracting import figure

TOP_GROUPS = (
    "На долю трех крупнейших экспортируемых товарных групп приходится 74,5% экспорта региона. "
    "В Белгородской области данный показатель равен 49%, в Смоленской области - 37%, "
    "в Воронежской области - 44%."
)
TO_GRP = (
    "В условиях диверсифицированной экономики регион демонстрирует относительно невысокое "
    "соотношение объема экспорта к ВРП - 9,4% в 2017 году, что выше показателя в Орловской (6%), "
    "Брянской (5,2%) и Воронежской (8,9%) областях, но ниже, чем в Смоленской (22,7%) областях."
)
SHARE = "доля трех крупнейших экспортируемых товарных групп"


@pytest.mark.parametrize("quote", ["49%", "37%", "44%"])
def test_this_indicator_refers_to_the_previous_sentence(quote):
    f = figure(TOP_GROUPS, quote)
    assert f.measure == SHARE
    assert f.indicator == "export"


@pytest.mark.parametrize(
    ("text", "quote", "measure", "indicator"),
    [
        # a quoted name right after "показатель" names the figure; it refers to nothing before
        (
            "Выручка хозяйств выросла на 4%. К 2022 году показатель «Ввод жилья» превысит 48,6 тыс. кв. м.",
            "48,6 тыс. кв. м", "ввод жилья", "housing_commissioned",
        ),
        (
            "Значение показателя «Уровень безработицы» в 2021 году составило 3,9%.",
            "3,9%", "уровень безработицы", "unemployment_rate",
        ),
        ('Темп роста показателя "Оборот розничной торговли" составит 103,4%.', "103,4%",
         "оборот розничной торговли", "retail_turnover"),
    ],
)  # fmt: skip
def test_an_indicator_named_in_quotes_measures_the_figure(text, quote, measure, indicator):
    f = figure(text, quote)
    assert (f.measure, f.indicator) == (measure, indicator)


def test_a_share_named_before_keeps_its_part_and_takes_its_whole():
    f = figure(TOP_GROUPS, "74,5%")
    assert f.measure.startswith(f"{SHARE} в экспорте")


@pytest.mark.parametrize("quote", ["9,4%", "6%", "5,2%", "22,7%"])
def test_a_measure_set_off_by_a_dash_and_the_list_comparing_with_it(quote):
    f = figure(TO_GRP, quote)
    assert f.measure == "соотношение объема экспорта к ВРП"
    assert f.indicator == "export_to_grp"


def test_a_dashed_part_of_a_named_share_is_no_measure():
    text = (
        "Наибольшую долю в несырьевом неэнергетическом экспорте занимает продукция средних и верхних "
        "переделов - 37% и 36% в стоимостном выражении соответственно."
    )
    assert figure(text, "37%").measure is None


def test_a_dashed_list_item_after_a_figure_is_no_measure_of_its_own():
    text = (
        "Импорт из Китая представлен машинами 57,04% от всего объема импорта в 2019 году; "
        "текстиль и обувь - 10,81% от всего объема импорта в 2019 году."
    )
    assert figure(text, "10,81%").measure != "текстиль и обувь"


PRICES = (
    "Заметно снизились цены на валидол - на 3,2%, сульфацетамид - на 2,1%, таурин - на 1,4%, "
    "термометры ртутные - на 0,8-1,1%."
)  # Росстат, «Социально-экономическое положение России», январь-август 2017, p. 81


@pytest.mark.parametrize(
    ("quote", "measure"),
    [
        ("3,2%", "цены на валидол"),
        ("2,1%", "цены на сульфацетамид"),
        ("1,4%", "цены на таурин"),
        ("0,8-1,1%", "цены на термометры ртутные"),
    ],
)
def test_a_list_item_replaces_the_object_of_the_measure(quote, measure):
    f = figure(PRICES, quote)
    assert f.measure == measure
    assert f.indicator == "price"


def test_a_restated_change_after_or_has_the_measure_of_the_first():
    text = (
        "Миграционный прирост населения России уменьшился на 40,3 тыс.человек, или на 25,2% в результате "
        "сокращения числа прибывших в Российскую Федерацию."
    )  # Росстат, январь-август 2017, p. 109
    f = figure(text, "25,2%")
    assert f.measure == "миграционный прирост населения"
    assert f.indicator == "net_migration"


def test_a_share_subject_names_the_figures_it_is_equal_to():
    text = (
        "Другие регионы ЦФО в гораздо меньшей степени, чем Курская область, зависят от экспорта сырья - "
        "доля несырьевого неэнергетического экспорта в "
        "общем объеме экспортных поставок в Орловской, Воронежской, Смоленской и Брянской областях равны "
        "соответственно 99%, 98%, 93% и 94% по итогам 2018 года."
    )  # Курская экспортная стратегия, p. 11
    for quote in ("99%", "93%"):
        f = figure(text, quote)
        assert f.measure == "доля несырьевого неэнергетического экспорта в общем объеме экспортных поставок"
        assert f.indicator == "non_resource_export"  # a part of exports


def test_a_count_of_members_is_a_count_of_the_set_they_join():
    text = (
        "В число основных предприятий-экспортеров Курской области входит 17 компаний из различных отраслей."
    )
    f = figure(text, "17 компаний")  # Курская экспортная стратегия, p. 11
    assert f.measure == "число основных предприятий-экспортеров"
    assert f.indicator == "exporters"


PROJECTS = (
    "В районе реализуются следующие проекты:\n"
    "- строительство птицефабрики на 50 тыс. голов в с. Ивановка (инвестор – ООО «Заря», сроки "
    "реализации проекта – 2018 - 2020 гг., ориентировочная стоимость проекта – 340 млн. рублей);\n"
    "- строительство овощехранилища на 3000 тонн в д. Петровка (инвестор - ООО «Нива», сроки "
    "реализации проекта – 2017 - 2019 гг., ориентировочная стоимость проекта – 120 млн. рублей);\n"
    "- реконструкция молочной фермы «Рассвет» (инвестор – СПК «Рассвет», сроки реализации проекта – "
    "2016 - 2018 гг., сметная стоимость – более 90 млн. рублей)."
)


@pytest.mark.parametrize(
    ("quote", "measure"),
    [
        ("340 млн. рублей", "ориентировочная стоимость проекта"),
        ("120 млн. рублей", "ориентировочная стоимость проекта"),
        ("более 90 млн. рублей", "сметная стоимость"),
    ],
)
def test_a_label_before_a_dash_measures_the_figure_after_it(quote, measure):
    assert figure(PROJECTS, quote).measure == measure


@pytest.mark.parametrize(
    ("text", "quote", "label"),
    [
        (  # a comma inside a coordinated name opens no clause
            "Наиболее высокая средняя заработная плата сложилась в сфере финансовой деятельности – "
            "45,1 тыс. руб., наиболее низкая в сфере сбора, очистки и распределения воды – 17,2 тыс. руб.",
            "17,2 тыс. руб.",
            "очистка и распределение воды",
        ),
        (  # a dative object is no label of the figure
            "Снижение объемов производства ожидается по производству электроэнергии, газа, пара и "
            "кондиционированию воздуха - 2,1%, по обработке древесины – 0,7%.",
            "2,1%",
            "кондиционирование воздуха",
        ),
    ],
)
def test_no_label_inside_a_coordinated_name_or_after_an_oblique_case(text, quote, label):
    measure = figure(text, quote).measure
    assert measure and not measure.startswith(label.split()[0][:5])


GROWERS = (
    "За 2018 год наблюдается увеличение объемов отгруженной продукции по сравнению с 2017 годом у "
    "предприятий:\n- АО «Заводмаш» - на 48,2 %;\n- ООО «Муромский ремонтно-механический завод» - на "
    "12,5 %;\n- ЗАО «Лесхоз» - на 3,1 % и др.\n"
    "В 2019 году снижение численности работников отмечено на следующих предприятиях:\n"
    "- ООО «Дорстрой» - на 12 человек;\n- АО «Молоко» - на 5,4 %."
)


@pytest.mark.parametrize(
    ("quote", "measure"),
    [
        ("48,2 %", "объемы отгруженной продукции"),
        ("12,5 %", "объемы отгруженной продукции"),  # words inside quotes are a name
        ("3,1 %", "объемы отгруженной продукции"),
        ("12 человек", "численность работников"),
        ("5,4 %", "численность работников"),
    ],
)
def test_a_named_item_of_a_list_whose_lead_in_names_a_change_measures_the_thing_changed(quote, measure):
    assert figure(GROWERS, quote).measure == measure


def test_a_name_in_any_quote_pair_of_the_lexicon_is_a_name_in_a_list_item():
    """Words inside „…“ are a name as inside «…» (`lexicon.QUOTE_PAIRS`): the item names only who."""
    text = GROWERS.replace(
        "«Муромский ремонтно-механический завод»", "„Муромский ремонтно-механический завод“"
    )
    assert figure(text, "12,5 %").measure == "объемы отгруженной продукции"


def test_an_item_naming_its_own_measure_keeps_it_after_a_change_lead_in():
    text = (
        "Показатели роста доходов составят: среднемесячная заработная плата – 18000,0 рублей, "
        "пенсия - 12000 рублей."
    )
    assert figure(text, "12000 рублей").measure == "пенсия"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        (
            "По базовому варианту рост оборота СМП в 2019 году составит 103,1% (1310,5 млн. руб.).",
            "1310,5 млн. руб.",
            "оборот СМП",
        ),
        (
            "Выручка предприятий общественного питания увеличится на 2,4% (85,2 млн. рублей).",
            "85,2 млн. рублей",
            "выручка предприятий общественного питания",
        ),
        (
            "В хозяйствах всех категорий произведено 144,9 тонн мяса скота и птицы (113 % к уровню 2015 г.).",
            "113 %",
            "производство мяса скота",
        ),
        (  # a count in brackets names what it counts
            "Число малых предприятий увеличится на 8,6% (265 предприятий).",
            "265 предприятий",
            "число предприятий",
        ),
    ],
)
def test_an_amount_in_brackets_restates_the_figure_before_it(text, quote, measure):
    assert figure(text, quote).measure == measure


STRUCTURE = (
    "По итогам 2018 года в структуре отгруженных товаров, выполненных работ и оказанных услуг "
    "предприятиями промышленного комплекса Курской области удельный вес обрабатывающих производств "
    "составил 55,1%, добычи полезных ископаемых - 25,8%, обеспечения электрической энергией, газом и "
    "паром - 16,5%."
)  # Стратегия Курской области до 2030 года, раздел об инвестициях, p. 3


@pytest.mark.parametrize(
    ("quote", "item", "indicator"),
    [
        ("25,8%", "добычи полезных ископаемых", "mining_output"),
        ("16,5%", "обеспечения электрической энергией", None),
    ],
)
def test_a_genitive_list_item_varies_the_genitive_group_of_the_first_measure(quote, item, indicator):
    f = figure(STRUCTURE, quote)
    assert "вес" in f.measure.split() and item in f.measure and "обрабатывающих" not in f.measure
    assert indicator is None or f.indicator == indicator


def test_a_genitive_item_varies_the_last_group_of_a_nested_measure():
    text = "Индекс производства продукции растениеводства - 104,6%, животноводства - 113,9%."
    f = figure(text, "113,9%")  # Инвестиционная декларация Курской области 2022, p. 8
    assert f.measure == "индекс производства продукции животноводства"
    assert f.indicator == "livestock_output"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        (  # RuREBus, Костромская область, прогноз (20227011054408684110020_10_part_0_)
            "Экспортные поставки сократились на 2,9% и составили 278,0 млн. долларов США, импортные "
            "увеличились на 1,1% и составили 159,4 млн. долларов США.",
            "1,1%",
            "импортные поставки",
        ),
        (  # the same forecast: the lone adjective is genitive, the measure's adjective nominative
            "Рост номинальной заработной платы работников области в 2018 году оценивается на уровне "
            "110,6%, реальной – 107,6%.",
            "107,6%",
            "реальная заработная плата работников",
        ),
        ("Доля городского населения составила 60%, сельского – 40%.", "40%", "доля сельского населения"),
    ],
)
def test_a_lone_adjective_replaces_the_adjective_it_contrasts_with(text, quote, measure):
    assert figure(text, quote).measure == measure


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [  # no adjective of the measure in that form earlier in the sentence; a pronoun
        ("Экспортные поставки выросли на 5%, основной – на 2%.", "2%", "экспортные поставки"),
        ("Экспортные поставки выросли на 5%, другие – на 2%.", "2%", "экспортные поставки"),
    ],
)
def test_an_adjective_with_no_counterpart_keeps_the_measure(text, quote, measure):
    assert figure(text, quote).measure == measure


def test_a_nominative_list_item_is_no_genitive_group():
    text = (
        "Среди привлеченных средств наибольший вес имели кредиты банков – 49%, средства бюджетов всех "
        "уровней – 34,1%, заемные средства других организаций – 4,7%."
    )  # RuREBus, Томский район, прогноз (31228011067014000019047_6_part_1_)
    f = figure(text, "34,1%")
    assert "средств бюджетов всех уровней" in f.measure and "кредит" not in f.measure


def test_a_bracket_saying_respectively_restates_the_figures_before_it():
    text = (
        "В структуре поголовья скота на хозяйства населения приходилось 43,4% поголовья крупного рогатого "
        "скота, 15,0% свиней, 46,1% овец и коз (на конец августа 2016г. - соответственно 44,1%, 16,6%, "
        "46,2%)."
    )  # Росстат, январь-август 2017, p. 60
    for now, then in (("43,4%", "44,1%"), ("15,0%", "16,6%"), ("46,1%", "46,2%")):
        assert figure(text, then).measure == figure(text, now).measure, then
    assert "свин" in figure(text, "16,6%").measure
    assert figure(text, "16,6%").period_start == "2016-08-31"


def test_a_bare_change_opening_a_sentence_changes_what_the_sentence_before_measured():
    # Kursk export strategy, p. 10
    text = (
        "Объем несырьевого неэнергетического экспорта Курской области в 2018 году достиг 378,1 млн. долл. "
        "США. Прирост по сравнению с уровнем 2017 года составил 13% при среднегодовом темпе прироста 4% за "
        "период 2015 - 2017 гг."
    )
    assert figure(text, "13%").measure == "объем несырьевого неэнергетического экспорта"
    assert figure(text, "4%").measure == "темп прироста"  # a rate of its own, no item of a list
    growth = "Объем экспорта достиг 378,1 млн. долл. США. Рост цен на нефть составил 13%."
    assert figure(growth, "13%").measure == "цены на нефть"  # the change names its own thing


def test_this_share_refers_to_the_share_named_before_and_nothing_else():
    """ "эта доля" (`lexicon.REFERRING_WORDS`) takes the earlier share's measure, never an amount's."""
    text = (
        "Доля жителей, родившихся в других регионах империи, составляла в Санкт-Петербурге 30%. "
        "В Москве эта доля составляла 27%."
    )
    assert figure(text, "27%").measure == figure(text, "30%").measure == "доля жителей"
    amount = "Объем инвестиций составил 5 млрд рублей. В Москве эта доля составляла 27%."
    assert figure(amount, "27%").measure is None
    # HSE coursework p. 16: a count between the two shares; the share before is built late
    apart = (
        "В Санкт-Петербургской губернии в 1897 году 42% жителей родились в других регионах империи. "
        "Из 2,1 миллионов ее жителей, 800 тысяч были мигрантами в первом поколении. "
        "В Москве эта доля составляла 27%."
    )
    assert figure(apart, "27%").measure == figure(apart, "42%").measure == "доля жителей"


def test_a_dashed_item_after_an_opening_date_is_measured_by_its_noun_group():
    """ "В 2013 году ежедневная аудитория сайта — …": the date opening the sentence is no noun group."""
    text = "В 2013 году ежедневная аудитория сайта — более 43 миллионов человек."
    assert figure(text, "более 43 миллионов человек").measure == "аудитория сайта"
    text = "В 2018 году в Смоленской области - 37%."
    assert figure(text, "37%").measure is None  # a place comes first


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("Выпуск цемента в 2019 году составил 4,1 млн тонн. Это на 3,2% больше, чем годом ранее.", "3,2%",
         "выпуск цемента"),
        ("Экспорт зерна из области за 2020 год составил 312 млн долларов. Это выше уровня 2019 года на 9%.",
         "9%", "экспорт зерна"),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_eto_compares_what_the_sentence_before_stated(text, quote, measure):
    assert figure(text, quote).measure == measure


def test_eto_without_a_comparison_takes_nothing_from_the_sentence_before():
    text = "Выпуск цемента составил 4,1 млн тонн. Это решение стоило 5 млн рублей."
    assert figure(text, "5 млн рублей").measure != "выпуск цемента"
