"""Figures: normalization of value, scale, unit, qualifier, kind and period, and non-figures.

Every test runs the production path: `extract_page` (real dates, real NLP analysis)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_page, extract_text
from pipeline.extract.numbers import parse_number, scale_of, unit_of

TRADE = (
    "По итогам 2019 г. товарооборот между РФ и КНР, по данным Главного таможенного "
    "управления (ГТУ) КНР, вырос на 3,4% и достиг рекордных для торговли между Россией и "
    "Китаем 110,76 млрд. долл. К 2024 г. планируется выйти на уровень 200 млрд. долл. взаимного "
    "товарооборота."
)


def extract_figures(text: str) -> list:
    """The figures the pipeline publishes for a text."""
    return extract_page(text).figures


def one(text: str, quote: str):
    figures = extract_figures(text)
    found = [f for f in figures if text[f.char_start : f.char_end] == quote]
    assert found, [text[f.char_start : f.char_end] for f in figures]
    return found[0]


def quotes(text: str) -> list[str]:
    return [text[f.char_start : f.char_end] for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1 300", 1300.0),
        ("1\u00a0300", 1300.0),
        ("1\u202f300", 1300.0),
        ("110,76", 110.76),
        ("1.844.036.360,12", 1844036360.12),
        ("1,33", 1.33),
        ("−5,2", -5.2),
        ("27.5", 27.5),
        ("abc", None),
    ],
)
def test_parse_number(raw, value):
    assert parse_number(raw) == value


def test_scale_and_unit_words():
    assert [scale_of(w) for w in ["тыс.", "тысяч", "млн.", "миллиардов", "трлн", "Млрд"]] == [
        3, 3, 6, 9, 12, 9,
    ]  # fmt: skip
    units = ["руб.", "рублей", "р.", "долл.", "долларов США", "$", "евро", "€", "юаней", "фунтов"]
    assert [unit_of(u) for u in units] == ["RUB"] * 3 + ["USD"] * 3 + ["EUR"] * 2 + ["CNY", "GBP"]
    assert [unit_of(u) for u in ["%", "п.п.", "процентных пункта", "км²", "кв. км", "га", "т"]] == [
        "PERCENT", "PP", "PP", "KM2", "KM2", "HA", "TONNE",
    ]  # fmt: skip


def test_trade_turnover_change_and_level():
    f = one(TRADE, "3,4%")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        3.4, 0, "PERCENT", "=", "change", "2019",
    )  # fmt: skip
    assert f.measure == "товарооборот" and f.subject == "РФ–КНР"
    f = one(TRADE, "110,76 млрд. долл.")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        110.76, 9, "USD", "=", "level", "2019",
    )  # fmt: skip
    assert f.measure == "товарооборот"
    assert f.value_scaled == pytest.approx(110.76e9)


def test_a_signed_change_in_brackets_after_a_level():
    """ "(-8,4%)": the minus glued to a number that opens a bracket is its sign; "(+2,5%)" keeps none."""
    text = "Перевалка угля составила 15,2 млн т (-8,4%), зерна – 4,1 млн т (+2,5%)."
    assert quotes(text) == ["15,2 млн т", "-8,4%", "4,1 млн т", "2,5%"]
    minus = one(text, "-8,4%")
    assert (minus.value, minus.value_scaled, minus.kind) == (-8.4, pytest.approx(-8.4), "change")
    assert one(text, "2,5%").kind == "change"


@pytest.mark.parametrize(
    ("text", "quote", "scaled", "unit"),
    [
        ("Средняя пенсия в области составила 17 тысяч 215 рублей.", "17 тысяч 215 рублей", 17215, "RUB"),
        ("Расходы бюджета составили 31 млрд 417 млн рублей.", "31 млрд 417 млн рублей", 31.417e9, "RUB"),
        ("Оборот достиг 3 трлн 104,6 млрд руб.", "3 трлн 104,6 млрд руб.", 3.1046e12, "RUB"),
    ],
)  # fmt: skip
def test_an_amount_written_in_parts_of_falling_scale_is_one_figure(text, quote, scaled, unit):
    assert quotes(text) == [quote]
    f = one(text, quote)
    assert (f.value_scaled, f.unit) == (pytest.approx(scaled), unit)


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("Выпуск стали вырос на рекордные 9,3% за год.", "9,3%", "change"),
        ("Экспорт сократился на целых 14 млн долларов.", "14 млн долларов", "change"),
        ("Компания продала активы на рекордные 40 млн долларов.", "40 млн долларов", "level"),  # no change
    ],
)  # fmt: skip
def test_an_adjective_between_na_and_the_figure_keeps_the_change(text, quote, kind):
    assert one(text, quote).kind == kind


def test_an_elliptic_change_after_a_dash_and_the_level_to_bring_a_thing_to():
    text = "Вывоз зерна вырос на 3,1%, до 4 млн тонн. Вывоз масла — на 12,7% (до 0,8 млн тонн)."
    assert one(text, "12,7%").kind == "change"
    f = one("Стороны решили довести объем взаимной торговли до 30 млрд долларов.", "до 30 млрд долларов")
    assert (f.measure, f.indicator) == ("объем взаимной торговли", "trade_turnover")


def test_parts_of_one_scale_or_apart_stay_two_figures():
    assert quotes("Выручка выросла на 5 млн рублей, 3 тыс. рублей пришлось на налоги.") == [
        "5 млн рублей", "3 тыс. рублей",
    ]  # fmt: skip


def test_target():
    f = one(TRADE, "200 млрд. долл.")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        200.0, 9, "USD", "=", "target", "2024",
    )  # fmt: skip
    assert f.measure == "взаимный товарооборот"


def test_share():
    text = "текстиль и обувь - 57,04% от всего объема импорта в 2019 году (в 2018 году – 57,12%)."
    f = one(text, "57,04%")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        57.04, 0, "PERCENT", "=", "share", "2019",
    )  # fmt: skip
    g = one(text, "57,12%")  # the aside parallels the share before it
    assert (g.value, g.unit_mult, g.unit, g.qualifier, g.kind, g.period) == (
        57.12, 0, "PERCENT", "=", "share", "2018",
    )  # fmt: skip


def test_share_of_a_noun_after_adjectives():
    f = one("Комбинат производит около 20% отечественного железорудного сырья.", "около 20%")
    assert (f.value, f.unit, f.qualifier, f.kind) == (20.0, "PERCENT", "~", "share")


def test_exceeded_is_more_than_also_in_ellipsis():
    text = "в 2018 г. рост российского экспорта превысил 51%, в 2019 г. – 12% (доля составила 5,9%)."
    f = one(text, "51%")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        51.0, 0, "PERCENT", ">", "change", "2018",
    )  # fmt: skip
    assert (one(text, "12%").qualifier, one(text, "12%").period) == (">", "2019")
    assert one(text, "5,9%").qualifier == "="
    assert one("расходы не превышают 5% бюджета", "5%").qualifier == "<="


def test_a_comparative_before_the_figures_preposition_states_a_difference_not_a_bound():
    # Kursk investment declaration, p. 15: "ниже на 50%" is 50% lower (a change), "ниже 50%" below 50%
    text = "В сравнении с производством чугуна энергозатраты на производство ниже на 50%."
    f = one(text, "50%")
    assert (f.qualifier, f.kind) == ("=", "change")
    assert (one("Цена на нефть в 2018 году была выше на 5%.", "5%").qualifier) == "="
    assert one("Доля брака ниже 5%.", "ниже 5%").qualifier == "<"
    assert one("Выручка выросла более чем на 5%.", "более чем на 5%").qualifier == ">"
    assert one("Выручка выросла почти на 20%.", "почти на 20%").qualifier == "~"


def test_count_with_adjectives():
    f = one("Сегодня в КНР уже создано более 1300 индустриальных и инновационных кластеров.",
            "более 1300 индустриальных и инновационных кластеров")  # fmt: skip
    assert (f.value, f.unit_mult, f.unit, f.counted, f.qualifier, f.kind, f.period) == (
        1300.0, 0, "COUNT", "кластер", ">", "level", None,
    )  # fmt: skip
    assert (f.subject, f.subject_code, f.subject_type) == ("Китай", "CN", "country")


@pytest.mark.parametrize(
    ("text", "quote", "value", "mult", "counted", "qualifier"),
    [
        ("занято более 560 тыс. научных и инженерных работников", "более 560 тыс. научных и "
         "инженерных работников", 560.0, 3, "работник", ">"),
        ("В его состав входят 17 технопарков, 39 университетов", "17 технопарков", 17.0, 0,
         "технопарк", "="),
        ("около 20000 высокотехнологических компаний", "около 20000 высокотехнологических "
         "компаний", 20000.0, 0, "компания", "~"),
        ("насчитывается 134 бизнес-инкубатора, еще", "134 бизнес-инкубатора", 134.0, 0,
         "бизнес-инкубатор", "="),
        ("еще более 2,5 тыс. компаний находится", "более 2,5 тыс. компаний", 2.5, 3,
         "компания", ">"),
        ("Всего в Пудуне насчитывается 1711 высокотехнологичных предприятий.",
         "1711 высокотехнологичных предприятий", 1711.0, 0, "предприятие", "="),
        ("35 участников, 7400 сотрудников", "7400 сотрудников", 7400.0, 0, "сотрудник", "="),
        # an abbreviation the dictionary does not know counts
        ("в районе работают 8 ОВП", "8 ОВП", 8.0, 0, "овп", "="),
    ],
)  # fmt: skip
def test_counts(text, quote, value, mult, counted, qualifier):
    f = one(text, quote)
    assert (f.value, f.unit_mult, f.unit, f.counted, f.qualifier) == (
        value, mult, "COUNT", counted, qualifier,
    )  # fmt: skip


def test_times_is_a_ratio():
    text = "центры с объёмом инвестиций в 8 раз превышающие средненациональные и в 6 раз – их"
    f = one(text, "в 8 раз")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        8.0, 0, "TIMES", "=", "ratio", None,
    )  # fmt: skip
    assert one(text, "в 6 раз").unit == "TIMES"


def test_times_without_v_after_a_qualifier():
    text = "За период 2010 - 2018 гг. рост производства составил более 6 раз, полуфабрикатов - более 10 раз."
    f = one(text, "более 6 раз")
    assert (f.value, f.unit, f.qualifier, f.kind, f.period) == (6.0, "TIMES", ">", "ratio", "2010/2018")
    assert one(text, "более 10 раз").unit == "TIMES"
    assert quotes("собрание проводилось 6 раз в год") == []


def test_bare_counts():
    text = (
        "Согласно опубликованному в 2018 году списку особых экономических зон Китая их общее число "
        "составляет 2543 из которых 1991 являются зонами регионального уровня."
    )
    f = one(text, "2543")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        2543.0, 0, "COUNT", "=", "level", "2018",
    )  # fmt: skip
    assert one(text, "1991").unit == "COUNT"


def test_scale_printed_once_and_latin_counted_noun():
    text = "занято более 9 тыс. PhD, а также треть выпускников колледжей (1,33 из 4-х млн.)."
    f = one(text, "более 9 тыс. PhD")
    assert (f.value, f.unit_mult, f.unit, f.counted, f.qualifier, f.kind) == (
        9.0, 3, "COUNT", "PhD", ">", "level",
    )  # fmt: skip
    f = one(text, "1,33")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind) == (1.33, 6, "COUNT", "=", "level")
    assert f.value_scaled == pytest.approx(1.33e6)
    f = one(text, "4-х млн.")
    assert (f.value, f.unit_mult, f.unit, f.qualifier) == (4.0, 6, "COUNT", "=")


def test_future_verb_is_a_target_and_range_wins_over_approx():
    # "увеличить … до 2,5 млн. тонн": the level the change is to reach, not an upper bound
    f = one("Проекты позволят увеличить переработку зерна до 2,5 млн. тонн.", "до 2,5 млн. тонн")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind) == (2.5, 6, "TONNE", "=", "target")
    f = one("сельское хозяйство (около 25 - 30% от объема инвестиций)", "около 25 - 30%")
    assert (f.value, f.value_max, f.unit, f.qualifier, f.kind) == (25.0, 30.0, "PERCENT", "range", "share")


@pytest.mark.parametrize(
    ("text", "quote", "qualifier", "kind"),
    [
        # programme targets after a change noun: the level to reach (Кетовский район programme)
        ("1.Увеличение доли населения, занимающегося физической культурой и спортом до 39,5%, в общей "
         "численности населения района.", "до 39,5%", "=", "target"),
        ("3.Увеличение единовременной пропускная способность объектов спорта до 6400 человек.",
         "до 6400 человек", "=", "target"),
        ("Планируется снизить уровень безработицы до 1,2 % к 2020 году.", "до 1,2 %", "=", "target"),
        # transitive change verbs of a programme's tasks
        ("2. Повысить уровень газификации жилого фонда района до 65 %.", "до 65 %", "=", "target"),
        ("Понизить долю ветхого жилья в общем жилищном фонде до 3 %.", "до 3 %", "=", "target"),
        # a change that happened: the level reached, not an upper bound
        ("Протяженность водопроводных сетей в 2016 году увеличилась до 48,3 км.", "до 48,3 км", "=",
         "level"),
        ("Число безработных за год сократилось до 42 человек.", "до 42 человек", "=", "level"),
        # no change word: "до" is an upper bound
        ("В 2018 году планируется создать до 100 рабочих мест.", "до 100 рабочих мест", "<=", "target"),
        ("Субсидия составляет до 300 тыс. рублей на одно хозяйство.", "до 300 тыс. рублей", "<=", "level"),
    ],
)  # fmt: skip
def test_do_after_a_change_word_is_the_level_to_reach(text, quote, qualifier, kind):
    f = one(text, quote)
    assert (f.qualifier, f.kind) == (qualifier, kind)


@pytest.mark.parametrize(
    ("text", "quote", "qualifier", "measure"),
    [
        # NEREL 40436_text (dev): "от" with no "до" after it opens a lower bound, its word in the quote
        ("Они якобы продавались по цене от 10 долларов США за одну американскую карточку и от 50 долларов "
         "США за европейскую.", "от 10 долларов США", ">=", "цена"),
        ("Штраф для юридических лиц составит от 30 тыс. рублей.", "от 30 тыс. рублей", ">=", "штраф"),
        # a span "от … до" is a range, or two figures whose "от" opens the span
        ("Граждан предлагают штрафовать на суммы от 3 до 5 тыс. руб.", "от 3 до 5 тыс. руб.", "range", None),
        ("Ставка колебалась в диапазоне от 5,2% в 2017 году до 18,5% в 2019 году.", "5,2%", "=", "ставка"),
        # the whole a percentage is of
        ("Отчисления составили 25% от 200 тыс. рублей выручки.", "200 тыс. рублей", "=", None),
    ],
)  # fmt: skip
def test_from_opens_a_lower_bound(text, quote, qualifier, measure):
    f = one(text, quote)
    assert f.qualifier == qualifier
    assert measure is None or f.measure == measure


@pytest.mark.parametrize(
    ("text", "quote", "kept"),
    [
        # Курская экспортная стратегия, RuREBus forecasts, factRuEval news: ordinals written in digits
        ("Среднее количество единиц продукции по ТНВЭД (с 6 уровнем детализации) составляет 97 товарных "
         "групп.", "6 уровнем", False),
        ("газопроводы в д. Петрово (II очередь, 2 пусковой комплекс);", "2 пусковой комплекс", False),
        ("Команда финишировала на 24 месте.", "24 месте", False),
        # counts, whatever the case; a genitive singular after 5 is the source's slip, still a count
        ("Курская область экспортирует 671 товарную группу (с детализацией на уровне 6 знаков кодов ТН ВЭД).",
         "6 знаков", True),
        ("Субсидии получили на 5 предприятиях района.", "5 предприятиях", True),
        ("Агентство применяет 4-х этапную систему агрегирования данных.", "4-х этапную систему", True),
        ("Деятельность осуществляют 5 хозяйствующих субъекта.", "5 хозяйствующих субъекта", True),
    ],
)  # fmt: skip
def test_a_noun_no_cardinal_governs_makes_the_number_an_ordinal(text, quote, kept):
    assert (quote in quotes(text)) == kept


PROJECT_LIST = (  # Инвестиционная декларация Курской области 2022, p. 17 (dev gold: target)
    "Наиболее крупные проекты:\n"
    '1) "Строительство Курской АЭС-2 (станция замещения Курской АЭС)". Объем инвестиций - 376,1 млрд. '
    'рублей. Инициатор - Филиал АО "Концерн Росэнергоатом" "Курская атомная станция";\n'
    '2) "Комплекс переработки радиоактивных отходов (КП РАО) Курской АЭС". Объем инвестиций - 25,1 млрд. '
    'рублей. Инициатор - Филиал АО "Концерн Росэнергоатом" "Курская атомная станция";\n'
    "Реализованы следующие проекты:\n"
    '1) "Строительство фермы". Объем инвестиций - 2,2 млрд. рублей.\n'
)


@pytest.mark.parametrize(
    ("quote", "kind"),
    [("376,1 млрд. рублей", "target"), ("25,1 млрд. рублей", "target"), ("2,2 млрд. рублей", "level")],
)
def test_an_amount_of_a_listed_project_is_planned_unless_the_list_is_of_done_ones(quote, kind):
    assert one(PROJECT_LIST, quote).kind == kind


def test_currency_before():
    f = one("Его стоимость оценивается в $176 млн. Он находится", "$176 млн.")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        176.0, 6, "USD", "=", "level", None,
    )  # fmt: skip
    assert f.measure == "стоимость"


def test_almost_up_to_is_approximate_level():
    text = "объем производства увеличился на 429 млрд руб. — почти до 2 трлн руб. (решающий вклад"
    f = one(text, "почти до 2 трлн руб.")
    assert (f.value, f.unit_mult, f.unit, f.qualifier, f.kind, f.period) == (
        2.0,
        12,
        "RUB",
        "~",
        "level",
        None,
    )
    g = one(text, "429 млрд руб.")
    assert (g.value, g.unit_mult, g.unit, g.kind) == (429.0, 9, "RUB", "change")
    assert g.measure == "объем производства"


@pytest.mark.parametrize(
    ("text", "quote", "value", "mult", "unit", "qualifier"),
    [
        ("составила 3 млрд. юаней.", "3 млрд. юаней", 3.0, 9, "CNY", "="),
        ("в размере 196,5 млрд. юаней, что", "196,5 млрд. юаней", 196.5, 9, "CNY", "="),
        ("было привлечено более 3,5 руб. из", "более 3,5 руб.", 3.5, 0, "RUB", ">"),
        ("составил 692,9 млн. долл. США.", "692,9 млн. долл. США", 692.9, 6, "USD", "="),
        ("выросла на 10%, число", "10%", 10.0, 0, "PERCENT", "="),
        ("снизилась на 1,5 п.п. за год", "1,5 п.п.", 1.5, 0, "PP", "="),
        ("на площади 25 км², в 9 км от", "25 км²", 25.0, 0, "KM2", "="),
        ("на площади 25 км², в 9 км от", "9 км", 9.0, 0, "KM", "="),
        ("засеяно 300 га пашни", "300 га", 300.0, 0, "HA", "="),
        ("водоснабжения 850 тыс. куб. м. Далее", "850 тыс. куб. м", 850.0, 3, "M3", "="),
        ("занимает не менее 7% мирового рынка", "не менее 7%", 7.0, 0, "PERCENT", ">="),
        ("весом до 10 кг.", "до 10 кг", 10.0, 0, "KG", "<="),
        ("стоит 5 евро", "5 евро", 5.0, 0, "EUR", "="),
        ("обошлось в 30 фунтов стерлингов", "30 фунтов стерлингов", 30.0, 0, "GBP", "="),
        # a currency sign before a range: the scale after its upper bound is both bounds'
        ("исходя из оценки компании в $3-4 млрд, но", "$3-4 млрд", 3.0, 9, "USD", "range"),
        ("выдали два миллиарда рублей", "два миллиарда рублей", 2.0, 9, "RUB", "="),
        # "чем" after a phrase qualifier, and the preposition of the figure's phrase after one
        ("поголовье увеличится не менее чем на 200 голов", "не менее чем на 200 голов", 200.0, 0,
         "COUNT", ">="),
        ("расходы составят не более чем 15 млн. рублей", "не более чем 15 млн. рублей", 15.0, 6, "RUB",
         "<="),
        ("площадь сократится не меньше чем на 3 га", "не меньше чем на 3 га", 3.0, 0, "HA", ">="),
        ("примерно в 70% случаев обращения повторные", "примерно в 70%", 70.0, 0, "PERCENT", "~"),
        ("в приблизительно 40 % семей есть дети", "приблизительно 40 %", 40.0, 0, "PERCENT", "~"),
        ("выручка выросла почти в 3 раза", "почти в 3 раза", 3.0, 0, "TIMES", "~"),
    ],
)  # fmt: skip
def test_units(text, quote, value, mult, unit, qualifier):
    f = one(text, quote)
    assert (f.value, f.unit_mult, f.unit, f.qualifier) == (value, mult, unit, qualifier)


def test_a_bare_amount_takes_the_currency_of_its_list_not_of_the_bracket_that_restates_it():
    """ "— 316 млн (около 5 млн долларов)": the bracket restates the amount in another currency, so the
    amount is in the list's rubles; the restatement takes the amount's measure and kind."""
    text = (
        "Победитель получит 368 млн рублей (около 5,8 млн долларов), второе место — 316 млн "
        "(около 5 млн долларов). Четвёртое место — 263 млн (около 4,2 млн долларов)."
    )
    figures = {text[f.char_start : f.char_end]: f for f in extract_figures(text)}
    assert figures["около 5 млн долларов"].kind == figures["316 млн"].kind == "target"  # "получит"
    units = {quote: f.unit for quote, f in figures.items()}
    assert units == {
        "368 млн рублей": "RUB", "около 5,8 млн долларов": "USD", "316 млн": "RUB",
        "около 5 млн долларов": "USD", "263 млн": "RUB", "около 4,2 млн долларов": "USD",
    }  # fmt: skip


def test_coordinated_amounts_share_the_currency():
    text = "капвложения составили свыше 98 млрд и 360 млрд руб. соответственно."
    a, b = extract_figures(text)
    assert (a.value, a.unit_mult, a.unit, a.qualifier) == (98.0, 9, "RUB", ">")
    assert (b.value, b.unit_mult, b.unit) == (360.0, 9, "RUB")
    assert a.measure == b.measure == "капвложение"  # the syntax layer gives the singular nominative


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # Kursk export strategy p. 10: the unit printed once, after the last number of a coordination
        ("когда она достигала 74 и 72% соответственно", [("74", 74.0, "PERCENT"), ("72%", 72.0, "PERCENT")]),
        ("выросли на 5 или 7 % за год", [("5", 5.0, "PERCENT"), ("7 %", 7.0, "PERCENT")]),
        ("доли составили 30 и 50 % соответственно", [("30", 30.0, "PERCENT"), ("50 %", 50.0, "PERCENT")]),
        ("вложения составят 12 и 15 млрд рублей соответственно",
         [("12", 12e9, "RUB"), ("15 млрд рублей", 15e9, "RUB")]),
        ("снизилась на 8 и 4 процентных пункта соответственно",
         [("8", 8.0, "PP"), ("4 процентных пункта", 4.0, "PP")]),
        # no shared unit: a count does not lend its noun; without "соответственно" a number and a
        # percent are two quantities (RuREBus 31228011024401437389022: "– 3 хозяйствующих субъекта,
        # доля … 13,9%; производство кожи … – 1 и 0,6%": one enterprise, a 0.6 % share)
        ("пункты 3 и 5 предприятий", [("5 предприятий", 5.0, "COUNT")]),
        ("производство кожи и изделий из кожи – 1 и 0,6%;", [("0,6%", 0.6, "PERCENT")]),
        ("их стало 120, или 5% от общего числа", [("5%", 5.0, "PERCENT")]),  # apposition: other units
        ("из 74 регионов 72% охвачены", [("74 регионов", 74.0, "COUNT"), ("72%", 72.0, "PERCENT")]),
        # two things joined after a preposition right after the values go with them in turn (HSE
        # coursework p. 17); a pair of unlike words after them does not
        ("урбанизирован Дальний Восток: 23 и 27 процентов в Приморской и Амурской областях.",
         [("23", 23.0, "PERCENT"), ("27 процентов", 27.0, "PERCENT")]),
        ("По данным статистики, доля городского населения края достигла 41 и 44% в 2018 и 2019 годах.",
         [("41", 41.0, "PERCENT"), ("44%", 44.0, "PERCENT")]),
        ("их стало 1 и 0,6% на складе и в магазине", [("0,6%", 0.6, "PERCENT")]),
        # bare numbers alone in brackets after a figure alone in brackets: its unit printed once
        # (TIPOR paper p. 2); a bare label in brackets stays no figure
        ("Больше всего мигрантов принимают США (46,6 млн чел.), затем Германия (12,0) и Россия (11,6).",
         [("46,6 млн чел.", 46.6e6, "COUNT"), ("12,0", 12e6, "COUNT"), ("11,6", 11.6e6, "COUNT")]),
        ("Уравнение (1) дает оценку в 5,2 млн чел. (см. также (2)).", [("5,2 млн чел.", 5.2e6, "COUNT")]),
    ],
)  # fmt: skip
def test_a_bare_number_coordinated_with_a_figure_shares_its_unit(text, figures):
    facts = extract_page(text).figures
    assert [(text[f.char_start : f.char_end], f.value_scaled, f.unit) for f in facts] == figures


@pytest.mark.parametrize(
    ("text", "quote", "value", "value_max", "mult", "unit"),
    [
        ("гранты от 20 до 100 млн руб. получат", "от 20 до 100 млн руб.", 20.0, 100.0, 6, "RUB"),
        ("ставка 1–5 % годовых", "1–5 %", 1.0, 5.0, 0, "PERCENT"),
        ("от 500 тыс. до 1 млн рублей", "от 500 тыс. до 1 млн рублей", 500.0, 1000.0, 3, "RUB"),
        # the unit printed with both bounds (a dash or "от … до" between them)
        ("К 2021 году выручка достигнет 412,5 млн. руб. – 430,2 млн. руб. по двум сценариям.",
         "412,5 млн. руб. – 430,2 млн. руб.", 412.5, 430.2, 6, "RUB"),
        ("Прирост ожидается в пределах 2,5% - 3,1% ежегодно.", "2,5% - 3,1%", 2.5, 3.1, 0, "PERCENT"),
        ("субсидия составит от 150 тыс. руб. до 2 млн. руб. на одного получателя",
         "от 150 тыс. руб. до 2 млн. руб.", 150.0, 2000.0, 3, "RUB"),
        ("площадь участков 12 га — 15 га в зависимости от проекта", "12 га — 15 га", 12.0, 15.0, 0, "HA"),
        ("в 2020-2024 годах по базовому варианту : 100,4 % -103,1 % .", "100,4 % -103,1 %", 100.4, 103.1, 0,
         "PERCENT"),
    ],
)  # fmt: skip
def test_ranges(text, quote, value, value_max, mult, unit):
    (f,) = extract_figures(text)
    assert text[f.char_start : f.char_end] == quote  # both bounds, and the unit printed last
    assert (f.value, f.value_max, f.unit_mult, f.unit, f.qualifier) == (
        value, value_max, mult, unit, "range",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Китай с 2010 г. является крупнейшим торговым партнером России.",
        "подтвердил на пресс-конференции 20 декабря 2018 года президент",
        "в ходе 24-й регулярной встречи глав правительств",
        "контракта на сооружение 7-го и 8-го блоков АЭС",
        "производственно-сбытовых цепочек [2-6]. Рассмотрению",
        "при участии АТУРК [9, 10].",
        "распоряжение N 153-рг и приказ № 5 утверждены",
        "пассажирский лайнер CR929, стандарт ISO 9001 и рейтинг Китай-2017 показывают",
        "страница 12, раздел 3, с. 45",
        "Кетелсом и Йораном Линдквистом1. Число стран",
        "«Стратегия инновационного развития России до 2020 года» 3.",
        "телефон +7 (495) 123-45-67, сайт http://www.21mpp.ru/page2020 и doi 10.1234/abc.2019",
        "Рис. 1. Карта кластеров Китая",
        "Таблица 1. Инновационные кластеры",
        "в периоды 1990–1994 годов",
        "\n64 \n",
        "Менее чем за два года с момента его создания",
        "За последние 13 лет существенно сократилось число предприятий",
        "с 2014 года Курская область имеет рейтинг 3А1 (пониженный потенциал)",
        "Выводы 1. Развитие кластеров в России",
        "Seriya Geograficheskaya, 85(4), 485–499.",
        "в мировую экономику <14>. Cities, 97, 102523. https://doi.org/10.1016/j.cities",
        "Содержание ……………….. 106\n5 2. Промышленное производство",
        "Economics of sustainable development, (4 (48)), 123—129.",
        "код <script>alert(1)</script> и вызов f(2) в тексте",
        # references in a heading set in capitals: the words are no abbreviations counted
        "О ПОРЯДКЕ, ПРЕДУСМОТРЕННОМ СТАТЬЕЙ 2 ЗАКОНА РЕСПУБЛИКИ",
        "В СООТВЕТСТВИИ С ПУНКТОМ 4 СТАТЬИ 12 ПОЛОЖЕНИЯ",
        "ПОРЯДОК, УСТАНОВЛЕННЫЙ ГЛАВОЙ 3 РЕГЛАМЕНТА",
        # classification codes of a paper's or an activity's header
        "УДК 911.3 DOI 10.52575/2712-7443-2024-48-2-135-148",
        "УДК 332.1 ББК 65.04 Развитие кластеров",
        "предприятия с основным видом деятельности по ОКВЭД 01.11",
    ],
)
def test_not_figures(text):
    assert quotes(text) == []


def test_dates_exclude_years_and_set_period():
    text = "В 2019 г. экспорт составил 12 млрд руб."
    (f,) = extract_figures(text)
    assert (f.value, f.unit_mult, f.unit, f.period) == (12.0, 9, "RUB", "2019")
    assert (f.period_start, f.period_end, f.period_precision) == ("2019-01-01", "2019-12-31", "year")
    assert f.measure == "экспорт"


def test_bare_numbers_are_not_figures():
    """No unit and no counted noun: "800", "4–5 тыс." alone are not published."""
    assert quotes("зарплата 4–5 тыс. в месяц, а в списке значится 800") == []


def test_measure_from_syntax():
    text = "к началу 2017 года в регионе были увеличены мощности по переработке скота на 130 тыс. тонн."
    (f,) = extract_figures(text)
    assert (f.value, f.unit_mult, f.unit, f.kind) == (130.0, 3, "TONNE", "change")
    assert f.measure is not None and f.measure.startswith("мощност")


def test_offsets_index_the_text():
    for f in extract_figures(TRADE):
        assert TRADE[f.char_start : f.char_end].strip() == TRADE[f.char_start : f.char_end]


def test_from_to_shares_unit_and_scale_and_reaches_a_level():
    a, b = extract_figures("Число участников кластера увеличилось с 40 до 47 организаций.")
    assert (a.value, a.unit, a.counted, b.value, b.qualifier) == (40, "COUNT", "организация", 47, "=")
    a, b = extract_figures("Выручка выросла с 10,63 до 11,29 млрд руб.")
    assert (a.value_scaled, a.unit, b.value_scaled, b.qualifier) == (10.63e9, "RUB", 11.29e9, "=")


def test_english_passage_figures_dates_and_language():
    text = "Рост экспорта составил 5%. In 2018 remittances reached USD 5.2 bn, or 25% of GDP."
    out = extract_text(text)
    figures = out.figures.set_index("quote")
    assert figures.loc["USD 5.2 bn", ["value_scaled", "unit"]].tolist() == [5.2e9, "USD"]
    assert figures["language"].to_dict() == {"5%": "ru", "USD 5.2 bn": "en", "25%": "en"}
    assert out.dates[["quote", "kind", "language"]].values.tolist() == [["2018", "point", "en"]]


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("Exports reached $1,250 million in 2018.", "$1,250 million", 1250),  # English: thousands
        ("About 12,500 tonnes were shipped by sea.", "12,500 tonnes", 12500),
        ("Экспорт составил 1,250 млн долл. в 2018 г.", "1,250 млн долл.", 1.25),  # Russian: decimals
    ],
)
def test_a_comma_groups_thousands_only_in_english_sentences(text, quote, value):
    (f,) = [f for f in extract_page(text).figures if text[f.char_start : f.char_end] == quote]
    assert f.value == value


@pytest.mark.parametrize(
    ("text", "quotes_"),
    [
        # two values of one unit with a dash between them are no range when the second is smaller
        # (a list: "в 2019 г. – 105%, 2020 – 103%" never joins, as nothing but a dash may come between)
        ("выпуск составил 120,4 млн. руб. – 98,1 млн. руб. приходится на мясо",
         ["120,4 млн. руб.", "98,1 млн. руб."]),
        # different units never join
        ("рост составит 105,8% - 31,0 тыс. руб. за месяц", ["105,8%", "31,0 тыс. руб."]),
        # a bound keeps its qualifier: "более 5% - 7%" is no range of "="
        ("доля составит более 5% - 7% к 2020 году", ["более 5%", "7%"]),
    ],
)  # fmt: skip
def test_values_not_joined_into_a_range(text, quotes_):
    assert quotes(text) == quotes_


@pytest.mark.parametrize(
    ("text", "quotes_"),
    [
        # an abbreviation the dictionary does not know counts, also one a guess reads as a noun;
        # a dictionary word in capitals does not
        ("экспорт по 43 ТНВЭД вырос, по 31 ТНВЭД снизился", ["43 ТНВЭД", "31 ТНВЭД"]),
        ("ОТКРЫТО 3 ФАП", ["3 ФАП"]),
        ("ПРИЛОЖЕНИЕ 2 К ЗАКОНУ ОБ ОБЛАСТНОМ БЮДЖЕТЕ", []),
    ],
)  # fmt: skip
def test_counted_words_in_capitals(text, quotes_):
    assert quotes(text) == quotes_


def test_coordinated_figures_share_the_whole_measure_and_the_kind():
    """Kursk export strategy p. 10: the measure's noun group is not cut at its own "и" for the
    second of two coordinated figures (was "доля продукции нижних"), and the "на" of a change is
    printed once (the second was a level)."""
    text = (
        "По сравнению с 2017 годом увеличивается доля продукции нижних и средних переделов (на 8 и 4 "
        "процентных пунктов соответственно)."
    )
    eight, four = extract_page(text).figures
    assert (eight.unit, four.unit) == ("PP", "PP")
    assert eight.measure == four.measure == "доля продукции нижних и средних переделов"
    assert (eight.kind, four.kind, four.base_period) == ("change", "change", "2017")
    trips = extract_page("Поездки в Китай и Таиланд подешевели на 1,3% и 0,3% соответственно.").figures
    assert [f.kind for f in trips] == ["change", "change"]


def test_a_frame_noun_subject_keeps_its_abbreviation():
    """ "Объем ВРП … ожидается в размере …": the parse's "объем ВРП", not a bare frame "объем"."""
    text = (
        "Объем ВРП за 2020 год ожидается в размере 201,5 млрд. рублей со снижением на 1,4% к уровню "
        "2019 года."
    )
    assert one(text, "201,5 млрд. рублей").measure == "объем ВРП"
    assert one(text, "201,5 млрд. рублей").indicator == "grp"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("На 0,6% снизились цены на сахар, на 0,2% - соль.", "0,6%"),  # the change verb after it
        ("В группе стройматериалов на 2,5% выросли цены на цемент.", "2,5%"),
        ("Гречневая и рисовая крупы стали дороже на 0,3%.", "0,3%"),  # a comparative before it
        ("На 0,4-0,9% стали обходиться дешевле холодильники.", "0,4-0,9%"),
        # a comparative, its "чем" and base, then "на X"
        (
            "Число рабочих мест в июле 2018г. было меньше, чем в июле 2017г. на 412 тыс.человек.",
            "412 тыс.человек",
        ),
    ],
)
def test_a_percentage_after_na_with_a_change_verb_or_comparative_next_to_it_is_a_change(text, quote):
    assert one(text, quote).kind == "change"


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # the growth qualifies the subject in a prepositional phrase: the figure is its level
        ("Портфель товарных групп с позитивной динамикой роста составил в 2019 году 305 млн. долл. США.",
         "305 млн. долл. США", "level"),
        ("Товарные группы с высокими темпами роста обладают объемом экспорта свыше 3 млн. долл. США.",
         "свыше 3 млн. долл. США", "level"),
        # the figure is the rate itself, or the rate is the clause's subject
        ("В 2019 году оборот составил 228,7 млрд. рублей с темпом роста 101,8%.", "101,8%", "change"),
        ("Прогноз, согласно которому средний ежегодный темп прироста экспорта составит 2,6%.", "2,6%",
         "change"),
    ],
)  # fmt: skip
def test_a_growth_in_a_prepositional_phrase_before_the_verb_is_not_the_figures(text, quote, kind):
    assert one(text, quote).kind == kind


def test_a_part_in_absolute_units_is_a_level_its_percentage_a_share():
    # RuREBus Асиновский район programme: "из которых 44 км (54%)"
    text = (
        "Протяженность канализационных сетей на конец 2014 года составила 81,1 км, из которых 44 км (54%) "
        "нуждались в замене."
    )
    part, share = one(text, "44 км"), one(text, "54%")
    assert (part.kind, share.kind) == ("level", "share")
    assert part.measure.startswith("протяженность канализационных сетей")


def _two_page_pdf(path, first: list[str], second: list[str]) -> None:
    """A PDF of two pages of body lines (DejaVu Serif, as the fixtures), a sentence run across the
    page break as a layout would print it."""
    import sys
    from pathlib import Path

    from reportlab.pdfgen.canvas import Canvas

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
    from make_fixtures import register_fonts

    register_fonts()
    c = Canvas(str(path), invariant=1)
    for lines in (first, second):
        c.setFont("DejaVuSerif", 11)
        for k, line in enumerate(lines):
            c.drawString(72, 760 - 15 * k, line)
        c.showPage()
    c.save()


def test_a_figure_after_a_page_break_reads_its_whole_sentence(tmp_path):
    """The sentence a page break cuts is read whole on both pages (production path: a parsed PDF, its
    pages' NLP and extraction); rows stay on their own page with its offsets."""
    from pipeline.ingest import process_document

    path = tmp_path / "export.pdf"
    first = [
        "Курская область наращивает внешнюю торговлю со странами ЕАЭС.",
        "В 2018 году объем экспорта продукции Курской области в Казахстан",
    ]
    second = [
        "составил 52,4 млн. долл. США, что на 12% больше, чем в 2017 году.",
        "Импорт из Китая снизился.",
    ]
    _two_page_pdf(path, first, second)
    rows = process_document(path).rows
    pages = {r["page"]: r["text"] for r in rows["pages"]}
    figures = {r["quote"]: r for r in rows["figures"]}
    amount = figures["52,4 млн. долл. США"]
    assert amount["page"] == 2
    assert pages[2][amount["char_start"] : amount["char_end"]] == "52,4 млн. долл. США"
    assert (amount["indicator"], amount["subject_code"], amount["period"]) == ("export", "RU-KRS", "2018")
    assert amount["sentence"].startswith("В 2018 году объем экспорта продукции Курской области")
    year = next(d for d in rows["dates"] if d["quote"] == "2018 году")
    assert year["page"] == 1 and amount["date_id"] == year["date_id"]  # the period's date, a page before
    assert (figures["12%"]["period"], figures["12%"]["base_period"]) == ("2018", "2017")
    assert not [r for r in rows["figures"] if r["page"] == 1]  # the first page states no figure


def test_a_measure_that_only_names_the_subject_is_none():
    """ "Дальний Восток: 23 и 27 процентов …" had the measure "дальний Восток", the place it is about
    (HSE coursework p. 17); a measure naming an amount is kept whatever the subject."""
    text = (
        "Стоит отметить, что относительно урбанизированным оказывается Дальний Восток: 23 и 27 процентов в "
        "Приморской и Амурской областях."
    )
    facts = extract_page(text).figures
    assert [(text[f.char_start : f.char_end], f.measure) for f in facts] == [
        ("23", None),
        ("27 процентов", None),
    ]
