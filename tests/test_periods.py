"""Reporting periods and comparison bases through the production path (`extract_page` with real
dates and NLP; `process_document` for periods carried across pages)."""

from __future__ import annotations

import pytest
from extracting import figure

from pipeline.extract import extract_page
from pipeline.ingest import process_document
from pipeline.schema import conform

BULLETIN = (
    "Стоимость фиксированного набора в Москве в конце августа 2017г. составила 21460,2 рубля и за "
    "месяц снизилась на 1,3% (с начала года - выросла на 3,1%)."
)


def test_month_on_month_and_year_to_date_bases():
    level = figure(BULLETIN, "21460,2 рубля")
    month = figure(BULLETIN, "1,3%")
    ytd = figure(BULLETIN, "3,1%")
    assert (level.period_start, level.period_end, level.base_period) == ("2017-08-01", "2017-08-31", None)
    assert (month.period_start, month.period_end) == ("2017-08-01", "2017-08-31")
    assert month.base_period == "2017-07"
    # "с начала года": January to August against December of the year before
    assert (ytd.period_start, ytd.period_end, ytd.base_period) == ("2017-01-01", "2017-08-31", "2016-12")


def test_index_against_previous_month():
    text = "В августе 2017г. по сравнению с предыдущим месяцем индекс потребительских цен составил 99,5%."
    f = figure(text, "99,5%")
    assert (f.period_start, f.base_period, f.period_source) == ("2017-08-01", "2017-07", "sentence")


@pytest.mark.parametrize(
    "versus",
    ["относительно предыдущего месяца", "по отношению к предыдущему месяцу", "против предыдущего месяца"],
)
def test_every_comparison_preposition_states_a_relative_base(versus):
    """`lexicon.COMPARISON_PREPOSITIONS` (the Rosstat bulletin, p. 86: "Индекс цен производителей
    промышленных товаров в августе 2017г. относительно предыдущего месяца … составил 101,5%")."""
    text = f"Индекс цен производителей промышленных товаров в августе 2017г. {versus} составил 101,5%."
    assert figure(text, "101,5%").base_period == "2017-07"


@pytest.mark.parametrize(
    ("text", "quote", "base"),
    [
        ("Индекс производства во II квартале 2017г. по сравнению с предыдущим периодом составил 107,6%.",
         "107,6%", "2017-Q1"),
        ("Поголовье свиней в марте 2016г. к соответствующей дате предыдущего года составило 108,3%.",
         "108,3%", "2015-03"),
        # a year-on-year change is against the same months a year earlier, a half-year its months
        ("Экспорт области в первой половине 2019 года вырос в годовом исчислении на 12,4%.",
         "12,4%", "2018-01/2018-06"),
        ("В марте 2015г. выпуск мебели снизился на 3,3% год к году.", "3,3%", "2014-03"),
        ("Выпуск цемента в январе-мае 2016 года составил 9,1 млн тонн, что на 4,2% выше уровня прошлого "
         "года.", "4,2%", "2015-01/2015-05"),
        ("Добыча угля в первые три месяца 2013 года снизилась на 2,1% по сравнению с аналогичным "
         "периодом прошлого года.", "2,1%", "2012-01/2012-03"),
    ],
)  # fmt: skip
def test_previous_period_and_same_date_a_year_before(text, quote, base):
    assert figure(text, quote).base_period == base


def test_a_level_has_no_base_but_the_difference_has():
    text = (
        "Число замещенных рабочих мест в июле 2017г. составило 33,1 млн.человек и было меньше, "
        "чем в июле 2016г. на 835 тыс.человек."
    )
    assert figure(text, "33,1 млн.человек").base_period is None
    assert figure(text, "835 тыс.человек").base_period == "2016-07"


def test_a_base_in_an_earlier_clause_is_not_the_figures():
    text = "Это лучше, чем в 2018 году: тогда на проблемы с кредитами пожаловались 26% бизнесменов."
    assert figure(text, "26%").base_period is None


def test_start_of_a_year_is_its_first_day():
    text = "В результате к началу 2017 года в регионе были увеличены мощности более чем на 130 тыс. тонн."
    f = figure(text, "более чем на 130 тыс. тонн")
    assert (f.period_start, f.period_end, f.period_precision) == ("2017-01-01", "2017-01-01", "day")


SURVEY = (
    "Осенью 2020 года журнал выпустил статью, основанную на итогах опроса владельцев европейских компаний.\n"
    "Возникшая угроза усугубила положение бизнеса. Около 57% бизнесменов были недовольны мерами.\n"
)


def test_a_paragraph_opening_date_is_the_period_of_the_section():
    f = figure(SURVEY, "Около 57%")
    assert (f.period_start, f.period_end, f.period_source) == ("2020-01-01", "2020-12-31", "section")


def test_a_date_inside_a_paragraph_sets_no_section_period():
    text = (
        "Треть новых лекарств появляется в парке. В 2012 году в центре заработал синхротрон. "
        "Его стоимость оценивается в $176 млн."
    )
    assert figure(text, "$176 млн.").period_start is None


def test_a_year_opening_an_event_dates_only_what_is_told_in_the_past():
    """ "В 2019 году … создан технопарк" tells an event: the present state after it ("ежегодно
    проходят обучение") is of no year, a figure told in the past is of that year; a sentence naming a
    source of data ("на итогах опроса", `lexicon.DATA_SOURCE_NOUNS`) tells no event."""
    text = (
        "В 2019 году в Орле создан детский технопарк. На его базе ежегодно проходят обучение не менее "
        "600 детей. Было закуплено 40 единиц оборудования.\n"
        "В 2018 году в районе открыт новый завод. На заводе работают 150 человек."
    )
    assert figure(text, "не менее 600 детей").period_start is None
    assert figure(text, "40 единиц").period_start == "2019-01-01"
    assert figure(text, "150 человек").period_start is None
    survey = SURVEY.replace("Около 57% бизнесменов были недовольны", "Около 57% бизнесменов недовольны")
    assert figure(survey, "Около 57%").period_start == "2020-01-01"


PERSON_EVENT = (
    "В 2014 году премьер-министр Андрус Ансип ушёл в отставку, и правительство возглавил Таави Рыйвас.\n"
    "На выборах в парламент прошли четыре партии. В результате голосования избран 101 депутат, а явка "
    "составила 64,2 %."
)  # after a Wikinews story on Estonia's 2015 election (NEREL dev text 80395)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PERSON_EVENT, None),  # what a person did in 2014 is no period of the election's figures
        (
            PERSON_EVENT.replace(
                "премьер-министр Андрус Ансип ушёл в отставку, и правительство возглавил Таави Рыйвас",
                "в стране прошла реформа избирательной системы",
            ),
            "2014-01-01",  # the same opening year without a person still dates the section
        ),
        (
            "Иван Айвазовский — «Девятый вал» (1850)\nХудожник написал больше 6 тысяч работ.",
            None,  # a caption naming a painter: the painting's year, not the figure's
        ),
    ],
)
def test_a_date_of_what_a_person_did_dates_no_figure_after_it(text, expected):
    quote = "больше 6 тысяч работ" if "Айвазовский" in text else "101 депутат"
    assert figure(text, quote).period_start == expected
    if "депутат" in text:
        assert figure(text, "64,2 %").period_start == expected


def test_a_numbered_heading_ends_the_period_and_a_founding_year_dates_no_present_state():
    """A heading numbered like a section ends where the reporting year of the section before holds,
    though it ends with a full stop; a first sentence telling when a park was founded dates no
    present state of the park after it (Инвестиционная декларация Курской области 2022, p. 9)."""
    text = (
        'По итогам 2022 года на территории индустриального парка "Юбилейный" зарегистрировано 6 '
        "действующих резидентов и создано 455 рабочих мест.\n"
        '2.2.1.3. Индустриальный (промышленный) парк "Союз".\n'
        'Парк типа "браунфилд" создан в 2017 году по частной инициативе на территории бывшего Курского ПО '
        '"Счетмаш". Управляющая компания - ООО "Энерго-Сервис".\n'
        "Территория парка (9,8 Га) располагается в городе Курске.\n"
        "Площадь помещений 63,4 тыс. кв. м, в парке 13 резидентов."
    )
    assert figure(text, "455 рабочих мест").period_start == "2022-01-01"
    for quote in ("9,8 Га", "63,4 тыс. кв. м", "13 резидентов"):
        assert figure(text, quote).period_start is None, quote


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Выставка «Агропродмаш» в 2016 году пройдет в Курске", None),  # a news headline: an event
        ("Форум регионов в 2014 году может переехать в Казань", None),
        ("Внешняя торговля региона в 2016 году", "2016-01-01"),  # a section heading dates what follows
        ("Итоги социально-экономического развития за 2016 год", "2016-01-01"),
    ],
)
def test_a_headline_telling_an_event_dates_no_figure_under_it(heading, expected):
    text = (
        f"{heading}\n"
        "Организаторы рассказали о планах на ближайшие месяцы.\n"
        "На долю участников приходится 38% оборота отрасли и 41% занятых в ней."
    )
    assert figure(text, "38%").period_start == expected


@pytest.mark.parametrize(
    ("text", "quote", "start"),
    [
        # a thing's size: the year the sentence tells it was built or opened does not date it
        ("В 2016 году открыты две аптеки в п. Светлый площадью 120 кв. м.", "120 кв. м", None),
        ("В 2020 году начато строительство спорткомплекса стоимостью 2,4 млрд руб.", "2,4 млрд руб.", None),
        ("В 2022-2024 годах планируется строительство школы на 825 мест в д. Ивановка.", "825 мест", None),
        ("В 2018 году введен в строй свинокомплекс на 2400 голов.", "2400 голов", None),
        # a total sums what the sentence counts in its year; an amount of an activity is the year's
        ("В 2016 году работали 4 котельные общей мощностью 12,5 Гкал/ч.", "12,5 Гкал/ч", "2016-01-01"),
        ("В 2019 году выделены субсидии объемом 35 млн руб.", "35 млн руб.", "2019-01-01"),
        # places of a stated total are a part of that flow: the year dates them
        (
            "В 2017 году было введено 120 дополнительных мест после ремонтов в: детском саду «Ромашка» "
            "на 40 мест; детском саду «Берёзка» на 80 мест.",
            "80 мест",
            "2017-01-01",
        ),
    ],
)
def test_a_things_size_takes_no_year_of_its_building(text, quote, start):
    assert figure(text, quote).period_start == start


def test_a_caption_ends_the_section_period():
    text = SURVEY.replace("Возникшая", "Рисунок 1 – Прирост населения в ЕС в 1960–2013 гг.\nВозникшая")
    assert figure(text, "Около 57%").period_start is None


@pytest.mark.parametrize(("gap", "expected"), [(1, "2020-01-01"), (4, None)])
def test_section_period_carried_across_pages(tmp_path, gap, expected):
    pages = [SURVEY.split("\n")[0]] + ["Текст страницы без чисел."] * (gap - 1)
    pages.append("Порядка 30% бизнесменов назвали субсидии важной причиной выхода на рынок.")
    path = tmp_path / "survey.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    rows = process_document(path).rows
    (row,) = [r for r in rows["figures"] if r["quote"].endswith("30%")]
    assert row["period_start"] == expected
    if expected:
        (opening,) = [d for d in rows["dates"] if d["page"] == 1]
        assert (row["period_source"], row["date_id"]) == ("section", opening["date_id"])


def test_from_to_over_a_range_gives_each_value_its_year():
    text = "За 10 лет (с 2005 по 2015 г.) численность мигрантов увеличилась с 186,5 до 243,7 млн чел."
    first, last = figure(text, "186,5"), figure(text, "до 243,7 млн чел.")
    assert (first.period_start, first.period_end) == ("2005-01-01", "2005-12-31")
    assert (last.period_start, last.period_end) == ("2015-01-01", "2015-12-31")


def test_a_charts_axis_is_not_a_heading():
    text = (
        "За январь-июль 2017г. число мигрантов увеличилось на 0,9 тыс.человек.\n"
        "65 60 55 50 45\n2015г. 2016г. 2017г.\n"
        "Более чем в 4,5 раза миграционный прирост увеличился за счет обмена населением с Беларусью."
    )
    f = figure(text, "Более чем в 4,5 раза")
    assert (f.period_start, f.period_end) == ("2017-01-01", "2017-07-31")


def test_january_to_july_is_one_period_against_the_same_months_a_year_before():
    text = (
        "За январь-июль 2017г. число мигрантов увеличилось на 0,9 тыс.человек, или на 0,04% по "
        "сравнению с соответствующим периодом предыдущего года."
    )
    for quote in ("0,9 тыс.человек", "0,04%"):
        f = figure(text, quote)
        assert (f.period_start, f.period_end, f.base_period) == (
            "2017-01-01",
            "2017-07-31",
            "2016-01/2016-07",
        )


def test_a_sentence_n_years_later_shifts_the_section_year():
    text = (
        "В 2014 году Агентство стратегических инициатив разработало рейтинг. В пилотной версии рейтинга "
        "принял участие 21 субъект Российской Федерации. Через 2 года в разработке рейтинга были уже "
        "задействованы все 85 субъектов Российской Федерации."
    )
    assert figure(text, "21 субъект").period_start == "2014-01-01"
    later = figure(text, "85 субъектов")
    assert (later.period_start, later.period_end) == (
        "2016-01-01",
        "2016-12-31",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Относительно уровня 2019 года выручка предприятий выросла на 7,5%.",
        "Выручка предприятий по сравнению с уровнем 2019 года выросла на 7,5%.",
    ],
)
def test_a_base_with_its_level_word_is_not_the_period(text):
    """ "относительно уровня 2019 года", "по сравнению с уровнем 2019 года": 2019 is the base."""
    f = figure(text, "7,5%")
    assert f.base_period == "2019"
    assert f.period_start is None


# Kursk export strategy (kursk_export_strategy_2030.pdf), p. 1 and p. 10: a year stated by a
# figure's sentence is the reporting period of the sentences and paragraphs after it that state none.
KURSK_P1 = (
    "Суммарный объем экспорта Курской области в 2018 году достиг 692,9 млн. долл. США, из которых 9,4 "
    "млн. долл. США (1,4%) составляет экспорт услуг. Относительно уровня 2017 года объем экспорта "
    "увеличился на 9,8%. При этом доля сектора услуг осталась на прежнем уровне.\n"
    "В структуре экспорта услуг наибольшую долю (89,9%) занимают услуги образования. Большая часть "
    "доходов поступает от потребителей услуг из стран дальнего зарубежья - на их долю приходится 91,8% "
    "объема доходов от экспорта.\n"
)
KURSK_P10 = (
    "Объем несырьевого неэнергетического экспорта Курской области в 2018 году достиг 378,1 млн. долл. "
    "США. Прирост по сравнению с уровнем 2017 года составил 13% при среднегодовом темпе прироста 4% за "
    "период 2015 - 2017 гг.\n"
    "В структуре экспорта региона преобладает несырьевой экспорт, на долю которого приходится 55,3% от "
    "общего объема экспорта. Данный уровень близок к общероссийскому показателю, который в 2017 году "
    "составил 55,1%.\n"
    "Таблица N 6\nЭкспорт Курской области в разрезе категорий,\nмлн. долл. США\n"
    "Наибольшую долю в несырьевом неэнергетическом экспорте занимает продукция средних и верхних "
    "переделов - 37% и 36% в стоимостном выражении соответственно. На долю продукции нижних переделов "
    "приходится 28%.\n"
)


@pytest.mark.parametrize(
    ("text", "quote", "period", "base", "source"),
    [
        (KURSK_P1, "9,8%", "2018", "2017", "earlier_sentence"),  # same paragraph
        (KURSK_P1, "89,9%", "2018", None, "section"),  # the next paragraph
        (KURSK_P1, "91,8%", "2018", None, "section"),
        (KURSK_P10, "13%", "2018", "2017", "earlier_sentence"),  # not the 4%'s span after it
        (KURSK_P10, "55,3%", "2018", None, "section"),
        (KURSK_P10, "55,1%", "2017", None, "sentence"),
        (KURSK_P10, "28%", "2018", None, "section"),  # an older year (55,1% in 2017) and a
    ],  # caption without a date (Таблица N 6) do not change the reporting period
)
def test_the_latest_reporting_year_of_the_section_is_the_period(text, quote, period, base, source):
    f = figure(text, quote)
    assert (f.period_start, f.period_end) == (f"{period}-01-01", f"{period}-12-31")
    assert (f.base_period, f.period_source) == (base, source)


def test_an_older_year_inside_a_section_does_not_replace_its_period():
    """RANEPA thesis p. 40: the survey of 2020 stays the period after "в 2011 году только 42%"."""
    text = (
        "Осенью 2020 года журнал выпустил статью, основанную на итогах опроса владельцев европейских "
        "компаний. На нормативные ограничения со стороны власти пожаловались около 68% опрошенных "
        "бизнесменов. Это нарастающий тренд: в 2011 году только 42% из всех опрошенных бизнесменов "
        "сослались на нормативные ограничения.\n"
        "Возникшая угроза усугубила положение иностранного бизнеса. Около 57% бизнесменов были недовольны "
        "мерами.\n"
    )
    assert figure(text, "42%").period_start == "2011-01-01"
    assert figure(text, "Около 57%").period_start == "2020-01-01"


def test_an_average_annual_rate_over_a_span_has_the_span_and_no_base():
    """Kursk export strategy p. 10 and p. 22: the rate of each year of the span, against no one base."""
    f = figure(KURSK_P10, "4%")
    assert (f.period_start, f.period_end, f.base_period) == ("2015-01-01", "2017-12-31", None)
    text = (
        "Наиболее динамично экспортные поставки расширяются в следующие страны: Франция (за период 2016 - "
        "2018 гг. среднегодовой темп роста экспорта составил более 900%), Египет (621%)."
    )
    f = figure(text, "более 900%")
    assert (f.period_start, f.period_end, f.base_period) == ("2016-01-01", "2018-12-31", None)


def test_a_year_after_another_verb_belongs_to_that_verb():
    """Kursk export strategy p. 10: "в 2017 году вырос в 2,3 раза …, и продолжил свой рост в 2018 году"."""
    text = (
        "Сырьевой экспорт в 2017 году вырос в 2,3 раза по сравнению с уровнем 2016 года и продолжил свой "
        "рост в 2018 году (6,2% по сравнению с уровнем предыдущего года)."
    )
    ratio, rate = figure(text, "в 2,3 раза"), figure(text, "6,2%")
    assert (ratio.period_start, ratio.base_period) == ("2017-01-01", "2016")
    assert (rate.period_start, rate.base_period) == ("2018-01-01", "2017")


@pytest.mark.parametrize(
    ("quote", "base"),
    [("2189 млн. долларов США", None), ("в 3,5 раза", "2017"), ("80%", None), ("в 5,1 раза", "2017")],
)
def test_a_forecast_compared_with_a_past_level_is_for_the_forecast_year(quote, base):
    """Kursk export strategy p. 48: "превосходит уровень 2017 года", "соответствующий показатель 2017
    года" are bases; the period is the forecast's 2030."""
    text = (
        "В случае реализации оптимистического сценария совокупный объем экспорта Курской области в 2030 "
        "году составит 2189 млн. долларов США, что в 3,5 раза превосходит уровень 2017 года. Объем "
        "несырьевого неэнергетического экспорта Курской области к 2030 году достигнет уровня 1710 млн. "
        "долларов США, что эквивалентно 80% совокупного экспорта и превосходит соответствующий показатель "
        "2017 года в 5,1 раза."
    )
    f = figure(text, quote)
    assert (f.period_start, f.period_end, f.base_period) == ("2030-01-01", "2030-12-31", base)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (  # seed p. 5: the time of writing, not the year of the list
            "Согласно опубликованному в 2018 году верифицированному списку особых экономических зон Китая "
            "их общее число составляет 2543. Сегодня в КНР уже создано более 1300 индустриальных и "
            "инновационных кластеров.",
            "более 1300 индустриальных и инновационных кластеров",
        ),
        (  # Kursk strategy p. 10: a plant's capacity is no statistic of the year before it
            "В 2018 году хозяйствами всех категорий произведено 289,9 тыс. тонн молока.\nВ регионе "
            "реализован крупный проект - цех по переработке молока мощностью 130 тонн в смену.",
            "130 тонн",
        ),
        (  # seed p. 8: a rating's title year is no reporting year
            "Рейтинг развития интеллектуальной промышленности Китай-2017 показывает, что 11 из 50 шанхайских "
            "компаний расположены в Чжанцзяне.\nГлавная цель платформы - связать опыт предпринимателей. "
            "Более 40 компаний-разработчиков получили поддержку в размере более 3 млрд. юаней.",
            "более 3 млрд. юаней",
        ),
        (  # a paragraph without figures ends the statement's period
            KURSK_P1.split("\n")[0] + "\nПри этом доля сектора услуг осталась на прежнем уровне.\n"
            "В структуре экспорта услуг наибольшую долю (89,9%) занимают услуги образования.",
            "89,9%",
        ),
        (  # a forecast yearly rate is of every year of the forecast, not of the reporting year before it
            "По итогам 2020 года объем рынка составил 412 млрд. рублей. Ежегодный рост рынка не превысит 6%.",
            "6%",
        ),
        (
            "В 2019 году в районе работали 14 клубов.\nЕжегодно около 120 семей будут получать субсидии.",
            "около 120 семей",
        ),
    ],
)
def test_no_reporting_year_carried(text, quote):
    assert figure(text, quote).period_start is None


def test_an_older_reporting_year_on_a_later_page_yields_to_the_carried_section(tmp_path):
    """RANEPA thesis pp. 40-41: the 2020 survey's page before; "в 2018 жаловались 8%" is a comparison."""
    pages = [
        SURVEY.split("\n")[0],
        "Этот показатель с каждым годом растет: в 2018 жаловались 8% иностранных бизнесменов, в 2019 – 11%.\n"
        "19% опрошенных компаний назвали значительным препятствием ограничения в кредитах.",
    ]
    path = tmp_path / "survey.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    rows = process_document(path).rows["figures"]
    (row,) = [r for r in rows if r["quote"].startswith("19%")]
    assert (row["period_start"], row["period_source"]) == ("2020-01-01", "section")
    (older,) = [r for r in rows if r["quote"] == "8%"]
    assert older["period_start"] == "2018-01-01"


def test_then_takes_the_year_before_it_even_a_comparison_base():
    """RANEPA thesis p. 41: "Это лучше, чем в 2018 году: тогда … 26%" is the 2018 share."""
    text = "Это лучше, чем в 2018 году: тогда на проблемы с кредитами пожаловались 26% бизнесменов."
    f = figure(text, "26%")
    assert (f.period_start, f.period_end, f.base_period) == ("2018-01-01", "2018-12-31", None)


def test_a_state_until_a_year_has_no_period():
    """Kursk strategy p. 12: "до 2014 года занимали … (около 25 - 30% …)" states no start year."""
    text = (
        "При этом доминирующее положение в общем объеме инвестиций в основной капитал до 2014 года "
        "занимали сельское хозяйство, охота и лесное хозяйство (около 25 - 30% от объема инвестиций в "
        "основной капитал), в 2015 - 2018 гг. лидером по объему привлеченных инвестиций стали проекты в "
        "области производства и распределения электроэнергии, газа и воды (20 - 25% объема инвестиций в "
        "основной капитал)."
    )
    assert figure(text, "около 25 - 30%").period_start is None
    f = figure(text, "20 - 25%")
    assert (f.period_start, f.period_end) == ("2015-01-01", "2018-12-31")


def test_a_change_since_a_year_runs_to_the_year_of_its_text():
    """Kursk export strategy p. 1: "(с 2015 года) достиг 20%" in the paragraph about 2018."""
    text = (
        "Объем товарного экспорта Курской области в 2018 году достиг 683,5 млн. долларов США. По "
        "сравнению с 2017 годом экспорт увеличился на 9,8%, при этом среднегодовой рост за период после "
        "введения антироссийских санкций (с 2015 года) достиг 20%."
    )
    f = figure(text, "20%")
    assert (f.period_start, f.period_end, f.base_period) == ("2015-01-01", "2018-12-31", None)


def test_a_linked_sentence_shares_the_base_of_the_one_before():
    """Kursk export strategy p. 10: "В то же время … снизился на 14%" is the other half of the
    comparison with 2017."""
    text = (
        "По сравнению с уровнем 2017 года наибольший прирост объемов экспорта наблюдался в группе продукции "
        "нижних переделов - экспортные поставки увеличились на 56%. В то же время экспорт продукции верхних "
        "переделов снизился на 14%."
    )
    assert figure(text, "14%").base_period == "2017"


def test_a_figure_in_brackets_after_a_base_year_is_that_years_value():
    """Kursk export strategy p. 10: "увеличилась по сравнению с 2017 годом (53,8%)" is the 2017 share."""
    text = (
        "Доля несырьевого экспорта уменьшилась по сравнению с 2015 - 2016 гг., когда она достигала 74 и 72% "
        "соответственно, но увеличилась по сравнению с 2017 годом (53,8%)."
    )
    f = figure(text, "53,8%")
    assert (f.period_start, f.period_end, f.base_period) == ("2017-01-01", "2017-12-31", None)


def test_a_cue_before_another_value_is_that_values_not_the_figures():
    """Rosstat bulletin p. 79: "в августе 2017г. составил 100,1%, с начала года - 101,3%": the monthly
    index is for August, only the value after "с начала года" runs from January."""
    text = (
        "Базовый индекс потребительских цен в августе 2017г. составил 100,1%, с начала года - 101,3% "
        "(в августе 2016г. - 100,4%, с начала года - 104,3%)."
    )
    month, ytd, before = figure(text, "100,1%"), figure(text, "101,3%"), figure(text, "100,4%")
    assert (month.period_start, month.base_period) == ("2017-08-01", None)
    assert (ytd.period_start, ytd.base_period, ytd.period) == ("2017-01-01", "2016-12", "2017-01/2017-08")
    assert (before.period_start, before.base_period) == ("2016-08-01", None)


MIGRATION = (
    "За январь-июль 2017г. число мигрантов, переселяющихся в пределах России, увеличилось на 0,9 "
    "тыс.человек, или на 0,04% по сравнению с соответствующим периодом предыдущего года. Миграционный "
    "прирост населения России уменьшился на 40,3 тыс.человек, или на 25,2% в результате сокращения числа "
    "прибывших в Российскую Федерацию. Число прибывших уменьшилось на 15,6 тыс.человек, или на 4,7%."
)


@pytest.mark.parametrize("quote", ["40,3 тыс.человек", "25,2%", "15,6 тыс.человек", "4,7%"])
def test_a_change_continuing_the_comparison_shares_its_base(quote):
    """Rosstat bulletin p. 109: the sentences after "… по сравнению с соответствующим периодом
    предыдущего года" go on comparing January-July 2017 with January-July 2016."""
    f = figure(MIGRATION, quote)
    assert (f.period_start, f.period_end, f.base_period) == ("2017-01-01", "2017-07-31", "2016-01/2016-07")


def test_a_previous_sentence_states_the_period_and_base_of_a_change():
    """Rosstat bulletin p. 109: "в январе-июле 2017г. по сравнению с аналогичным периодом 2016г." in
    the sentence before is the period and base of "в 4,5 раза"."""
    text = (
        "Наибольшее сокращение миграционного прироста в январе-июле 2017г. по сравнению с аналогичным "
        "периодом 2016г. наблюдается в обмене населением с Украиной.\nБолее чем в 4,5 раза миграционный "
        "прирост увеличился за счет обмена населением с Беларусью, на 39,5% - с Туркменией."
    )
    for quote in ("Более чем в 4,5 раза", "39,5%"):
        f = figure(text, quote)
        assert (f.period_start, f.period_end) == ("2017-01-01", "2017-07-31")
        assert f.base_period == "2016-01/2016-07"


DATA_BASIS = (
    "Экспорт Курской области характеризуется относительно высокой степенью специализации - регион "
    "занимает 6-е место среди всех субъектов Российской Федерации по значению индекса диверсификации "
    "экспорта (на основании данных 2017 г.). На долю трех крупнейших экспортируемых товарных групп "
    "приходится 74,5% экспорта региона. В Белгородской области данный показатель равен 49%.\n"
    "<5> Здесь и далее используются данные следующих регионов ЦФО: Белгородская область.\n"
    "В отличие от экспорта экономика Курской области характеризуется относительно высокой степенью "
    "диверсификации - только в 18 субъектах Российской Федерации экономика более диверсифицирована.\n"
)


@pytest.mark.parametrize("quote", ["74,5%", "49%", "18 субъектах"])
def test_the_year_of_the_data_is_the_period_of_the_paragraph_and_the_next(quote):
    """Kursk export strategy p. 9: "(на основании данных 2017 г.)" says which year the paragraph's
    figures are for; a footnote between paragraphs does not end it."""
    f = figure(DATA_BASIS, quote)
    assert (f.period_start, f.period_end) == ("2017-01-01", "2017-12-31")


RESULTS = (
    "В Белгородской области доля сырьевого экспорта в суммарном экспорте составляет всего 5,5%. Другие "
    "регионы ЦФО зависят от экспорта сырья - доля несырьевого экспорта в Орловской, Воронежской, "
    "Смоленской и Брянской областях равны соответственно 99%, 98%, 93% и 94% по итогам 2018 года.\n"
    "Развитие уровня экспорта до лучших сопоставимых практик ЦФО позволит увеличить суммарный экспорт на "
    "338 млн. долл. США. Потенциал прироста экспорта Курской области оценивается в 27% по продукции "
    "верхних переделов.\n"
)


@pytest.mark.parametrize("quote", ["5,5%", "99%", "93%", "94%"])
def test_results_of_a_year_are_the_period_of_the_whole_paragraph(quote):
    """Kursk export strategy p. 11: "по итогам 2018 года" at the paragraph's end dates its figures."""
    f = figure(RESULTS, quote)
    assert (f.period_start, f.period_end) == ("2018-01-01", "2018-12-31")


@pytest.mark.parametrize("quote", ["338 млн. долл. США", "27%"])
def test_a_potential_takes_no_reporting_period(quote):
    """Kursk export strategy p. 11: what a development "позволит" and a "потенциал" are for no year."""
    assert figure(RESULTS, quote).period_start is None


def test_a_signed_difference_takes_the_base_of_the_sentence_before():
    """Kursk export strategy p. 15: the gains after "рост по сравнению с уровнем 2015 года" are
    against 2015, in the year the paragraph states."""
    text = (
        "Портфель товарных групп с позитивной динамикой роста составил в 2018 году 291 млн. долл. США. "
        "Наибольший относительный рост по сравнению с уровнем 2015 года показали группы минералов и "
        'металлов. Наибольшую динамику прироста в денежном выражении показали следующие товары: "Руды" '
        '(+175 млн. долл. США), "Зерно" (+60 млн. долл. США).'
    )
    f = figure(text, "175 млн. долл. США")
    assert (f.period_start, f.base_period) == ("2018-01-01", "2015")
    assert figure(text, "291 млн. долл. США").base_period is None


def test_a_base_in_an_earlier_paragraph_is_not_carried():
    """Kursk export strategy p. 1: the comparison with 2017 ends with its paragraph."""
    text = (
        "Суммарный объем экспорта Курской области в 2018 году достиг 692,9 млн. долл. США. Относительно "
        "уровня 2017 года объем экспорта увеличился на 9,8%.\nДоля услуг образования снизилась на 0,9%."
    )
    assert figure(text, "9,8%").base_period == "2017"
    assert figure(text, "0,9%").base_period is None


@pytest.mark.parametrize(
    ("text", "quote", "day"),
    [
        (
            "На конец 2019 года средняя обеспеченность жильем населения района составит 26,76 кв.м в "
            "расчете на одного жителя.",
            "26,76 кв.м",
            "2019-12-31",
        ),
        ("Численность населения на начало 2015 года составила 9000 человек.", "9000 человек", "2015-01-01"),
    ],
)
def test_the_end_or_the_start_of_a_year_is_a_day(text: str, quote: str, day: str):
    f = figure(text, quote)
    assert (f.period_start, f.period_end, f.period_precision) == (day, day, "day")


def test_the_date_of_a_legal_act_is_no_period():
    text = (
        "Порядок утвержден постановлением Администрации Томского района от 23 августа 2016 года № 253. "
        "Численность населения района составила 72406 человек.\n"
        "Программа утверждена решением Думы от 25.11.2013. Объем инвестиций составил 100 млн. рублей."
    )
    for quote in ("72406 человек", "100 млн. рублей"):
        f = figure(text, quote)
        assert (f.period_start, f.period_source) == (None, None), quote
    text = "По состоянию на 01.09.2015 в районе проживает 2,6 тысяч инвалидов."
    assert figure(text, "2,6 тысяч инвалидов").period_start == "2015-09-01"  # a date of a state is one


def test_a_day_carries_to_later_sentences_only_within_its_section():
    text = (
        "По состоянию на 01.09.2015 в районе проживает 2,6 тысяч инвалидов. Ежегодно 80 инвалидов "
        "получают услуги реабилитации.\n"
        "Здравоохранение\n"
        "Скорая медицинская помощь обслуживает 16000 вызовов."
    )
    assert figure(text, "80 инвалидов").period_start == "2015-09-01"
    assert figure(text, "16000 вызовов").period_start is None


def test_the_reporting_year_is_the_year_named_before_in_the_paragraph():
    text = (
        "Демография\n"
        "Число родившихся в 2016 году составило 98 человек и уменьшилось на 19,7 % к 2015 году. Число "
        "умерших в отчетном году составило 191 человек и по сравнению с прошлым годом увеличилось на 15,1%."
    )
    for quote in ("191 человек", "15,1%"):
        f = figure(text, quote)
        assert (f.period_start, f.period_end) == ("2016-01-01", "2016-12-31"), quote


def test_k_a_year_after_a_past_change_is_its_base():
    text = "Число родившихся в 2016 году составило 98 человек и уменьшилось на 19,7 % к 2015 году."
    f = figure(text, "19,7 %")
    assert (f.period_start, f.period_end, f.base_period) == ("2016-01-01", "2016-12-31", "2015")
    f = figure("Объем производства увеличится на 10% к 2025 году.", "10%")  # a deadline
    assert (f.period_start, f.base_period) == ("2025-01-01", None)
    text = "Численность населения по сравнению с 2014 годом выросла на 652 человека."
    f = figure(text, "652 человека")
    assert (f.period_start, f.base_period) == (None, "2014")  # a base stays a base
    text = "В 2014 году производство молока составило 500 тонн, что на 5% больше, чем в 2013 году."
    f = figure(text, "5%")
    assert (f.period_start, f.base_period) == ("2014-01-01", "2013")


def test_k_a_year_after_a_percentage_in_a_later_years_sentence_is_its_base():
    text = (
        "В 2020 году по базовому варианту прогноза среднемесячная начисленная заработная плата "
        "увеличится до 19117,4 рублей (109,2 % к 2016 году)."
    )
    f = figure(text, "109,2 %")
    got = (f.kind, f.period_start, f.period_end, f.base_period)
    assert got == ("ratio", "2020-01-01", "2020-12-31", "2016")


def test_a_document_whose_figures_all_lack_a_period_is_stored(tmp_path):
    """Every period null (an act's date dropped) may reach the table as float NaN: still a date column."""
    import pandas as pd

    from pipeline.schema import conform

    path = tmp_path / "acts.txt"
    path.write_text(
        "Программа утверждена постановлением Администрации от 10.10.2014 № 12. Повысить уровень "
        "защищенности населения до 96 %.",
        encoding="utf-8",
    )
    rows = process_document(path).rows["figures"]
    assert rows and all(r["period_start"] is None for r in rows)
    frame = pd.DataFrame(rows).assign(period_start=float("nan"), period_end=float("nan"))
    stored = conform("figures", frame)
    assert str(stored["period_start"].dtype).startswith("date32") and stored["period_start"].isna().all()


INDUSTRY = (
    "В промышленном секторе экономики в Томском районе в 2015 году наблюдался рост объема выпуска "
    "промышленной продукции. Промышленными предприятиями района отгружено "
    "товаров на сумму 14736,4 млн. руб.\n"
    "Добыча полезных ископаемых сократилась на 7,2% к уровню 2014 года.\n"
    "Численность населения района составляет 70 тыс. человек.\n"
    "Второй абзац без дат. Третий абзац тоже. Оборот торговли составил 500 млн. руб.\n"
)


def test_a_paragraphs_first_sentence_without_a_figure_states_its_reporting_year():
    level = figure(INDUSTRY, "14736,4 млн. руб.")
    assert (level.period_start, level.period_end) == ("2015-01-01", "2015-12-31")
    mining = figure(INDUSTRY, "7,2%")  # the next paragraph: carried on
    assert (mining.period_start, mining.base_period) == ("2015-01-01", "2014")
    own = INDUSTRY.replace("Добыча", "По итогам 2013 года объем работ составил 80 млн. руб. Добыча")
    assert figure(own, "7,2%").period_start == "2013-01-01"  # a paragraph stating its own year


def test_a_year_in_a_later_sentence_of_the_paragraph_is_no_reporting_statement():
    text = INDUSTRY.replace("В промышленном секторе экономики", "Район развивается. В промышленном секторе")
    assert figure(text, "14736,4 млн. руб.").period_start is None


def test_the_preceding_year_is_the_base():
    text = "В 2016 году численность скота составила 1198 голов - это 82 % к уровню предшествующего года."
    assert figure(text, "82 %").base_period == "2015"


def test_a_stock_on_a_day_against_the_preceding_year_is_that_day_a_year_before():
    text = "На 1 января 2017 года поголовье составило 1198 голов - это 82 % к уровню предшествующего года."
    assert figure(text, "82 %").base_period == "2016-01-01"


@pytest.mark.parametrize(
    ("text", "periods", "bases"),
    [
        ("Индекс промышленного производства в 2020 и 2021 годах составит 100,6% и 100,9% соответственно.",
         ["2020", "2021"], [None, None]),
        ("Рост заработной платы в 2018-2020 годах составит 4,5%, 5,1% и 5,3% соответственно.",
         ["2018", "2019", "2020"], [None, None, None]),
        # Kursk export strategy p. 10: the range is the base of the sentence's main clause and the
        # period of the "когда" clause's list (known only once the periods are resolved)
        ("Доля несырьевого экспорта уменьшилась по сравнению с 2015 - 2016 гг., когда она достигала 74 и "
         "72% соответственно, но увеличилась по сравнению с 2017 годом (53,8%).",
         ["2015", "2016", "2017"], [None, None, None]),
        ("В прогнозном периоде объем инвестиций составит: в 2019 году 22,5 млрд. рублей, в 2020 году – "
         "23,8 млрд. рублей, в 2021 году – 25,3 млрд. рублей, динамика инвестиций в сопоставимых ценах "
         "составит 0,8%, 1,3% и 1,7% к предыдущему году соответственно.",
         ["2019", "2020", "2021", "2019", "2020", "2021"], [None, None, None, "2018", "2019", "2020"]),
    ],
)  # fmt: skip
def test_respectively_each_figure_of_a_list_takes_its_own_year(text, periods, bases):
    facts = extract_page(text).figures
    assert [f.period for f in facts] == periods
    assert [f.period_start[:4] for f in facts] == periods
    assert [f.base_period for f in facts] == bases


def test_a_range_of_years_not_listed_by_the_figures_is_every_figures_period():
    """Two shares of two goods over three years: "соответственно" pairs the figures with the goods."""
    text = (
        "В 2017 – 2019 годы соотношение продовольственных и непродовольственных товаров составит 30% и 70% "
        "соответственно."
    )
    assert [f.period for f in extract_page(text).figures] == ["2017/2019", "2017/2019"]


def test_one_year_and_two_variants_respectively_keep_the_year():
    text = (
        "К 2019 году показатель достигнет 577,6 млн. руб. – 580,1 млн. руб. по двум вариантам прогноза "
        "соответственно."
    )
    (f,) = extract_page(text).figures  # one range: the unit is printed with both bounds
    assert (f.period, f.value, f.value_max) == ("2019", 577.6, 580.1)


@pytest.mark.parametrize(
    ("text", "quote", "start", "base"),
    [
        # "к аналогичному периоду 2016 г." and "ниже уровня аналогичного периода 2016 года" are bases:
        # the first sentence states no period of its own, the second "На начало 2017 года"
        ("Посевные площади составили 5709 га или 88,6 % к аналогичному периоду 2016 г., из них зерновыми "
         "культурами занято 1073 га.", "1073 га", None, None),
        ("На начало 2017 года уровень безработицы составил 1,05% от экономически активного населения, это на "
         "0,07% ниже уровня аналогичного периода 2016 года.", "0,07%", "2017-01-01", "2016-01-01"),
    ],
)  # fmt: skip
def test_a_base_after_same_period_words_is_no_period(text, quote, start, base):
    f = figure(text, quote)
    assert (f.period_start, f.base_period) == (start, base)


def test_the_same_period_of_another_year_takes_the_sentences_months():
    text = (
        "Миграционный прирост в январе-июне 2017 года составил 39 человек, в аналогичном периоде 2016 года "
        "наблюдалась миграционная убыль в количестве 7 человек."
    )
    f = figure(text, "7 человек")
    assert (f.period_start, f.period_end, f.period_precision) == ("2016-01-01", "2016-06-30", "month")


def test_more_than_the_same_period_of_a_year_is_a_base():
    text = (
        "В январе-июне 2017 года населению было оказано платных услуг на 42,9 млн. руб. на 9 % больше "
        "аналогичного периода 2016 года."
    )
    f = figure(text, "9 %")
    assert (f.kind, f.period_start, f.period_end, f.base_period) == (
        "change", "2017-01-01", "2017-06-30", "2016-01/2016-06"
    )  # fmt: skip


def test_the_forecast_period_is_relative_and_takes_no_section_year():
    text = (
        "Финансы организаций\n"
        "В 2019 году прибыль организаций достигнет 29,0 млрд. рублей.\n"
        "К концу прогнозного периода прибыль составит 32,5 млрд. рублей.\n"
    )
    assert figure(text, "29,0 млрд. рублей").period == "2019"
    assert figure(text, "32,5 млрд. рублей").period_start is None


def test_against_the_figure_of_a_year_is_a_base():
    text = (
        "По оценке, в 2016 году объем промышленного производства сократится на 2,1% к показателю 2015 года "
        "и составит 14420 млн. руб."
    )
    f = figure(text, "14420 млн. руб.")
    assert (f.kind, f.period) == ("target", "2016")
    assert figure(text, "2,1%").base_period == "2015"


def test_a_ratios_base_year_is_no_deadline_of_the_figures_after_it():
    text = (
        "В 2016 году среднемесячная заработная плата составила 17513,1 руб., или 106,8% к 2015 году, "
        "заработная плата в организациях, не относящихся к СМП, - 19254,4 рублей (104,2 % к 2015 году)."
    )
    f = figure(text, "19254,4 рублей")
    assert (f.kind, f.period, f.base_period) == ("level", "2016", None)
    assert figure(text, "104,2 %").base_period == "2015"
    assert figure("Объем экспорта увеличится на 10% к 2025 году.", "10%").period == "2025"


def test_a_forecast_without_a_year_goes_on_with_the_targets_year_of_the_sentence_before():
    text = (
        "К 2019 году показатель «Животноводство» достигнет по двум вариантам прогноза 10046,3 – 10425,5 млн. "
        "руб. Темп роста к уровню 2015 года составит 109,7% и 113,8% по двум вариантам прогноза."
    )
    f = figure(text, "113,8%")
    assert (f.period, f.base_period, f.period_source) == ("2019", "2015", "earlier_sentence")


# --- session 8: periods and bases checked against the sentences of the open RuREBus programmes ---


def test_the_first_months_of_a_year_are_the_period():
    text = "За 9 месяцев 2015 года проведено 48 рейдов по охране общественного порядка."
    f = figure(text, "48 рейдов")
    assert (f.period_start, f.period_end, f.period) == ("2015-01-01", "2015-09-30", "2015-01/2015-09")


def test_a_date_in_another_parenthesis_is_not_the_period():
    text = (
        "Круглосуточный стационар выполнил план по койко-дням за 2015 год на 97% в целом (2014 – 86%), "
        "средний срок лечения 10,6 дней (2010 – 10,3)."
    )
    f = figure(text, "10,6 дней")
    assert (f.period_start, f.period_end) == (
        "2015-01-01",
        "2015-12-31",
    )


def test_the_end_of_a_year_or_month_is_its_last_day():
    text = (
        "Прогнозируется, что инфляция в конце 2017 года составит 4,1%, в 2018 году – повысится до уровня "
        "4,3% на конец года, а с 2019 года – закрепится на целевом уровне."
    )
    this_year, next_year = figure(text, "4,1%"), figure(text, "4,3%")
    assert (this_year.period_start, this_year.period_end) == (
        "2017-12-31",
        "2017-12-31",
    )
    assert (next_year.period_start, next_year.period_end) == (
        "2018-12-31",
        "2018-12-31",
    )
    text = "К концу декабря 2015 года в Центре занятости состояло на учёте 490 человек."
    assert figure(text, "490 человек").period_start == "2015-12-31"
    text = (
        "На конец августа 2017г. поголовье крупного рогатого скота в хозяйствах всех сельхозпроизводителей, "
        "по расчетам, составляло 19,6 млн.голов."
    )  # Росстат, январь-август 2017, p. 60: a stock on the month's last day
    f = figure(text, "19,6 млн.голов")
    assert (f.period, f.period_start, f.period_end) == ("2017-08-31", "2017-08-31", "2017-08-31")


def test_a_base_before_the_colon_of_a_list_is_its_items():
    text = (
        "В 2016 году все основные экономические показатели дали рост по сравнению с 2015 годом: индекс "
        "промышленного производства – 109,0%, производство в обрабатывающей промышленности – 109,2 %, "
        "лесозаготовка – в 1,7 раз."
    )
    for quote in ("109,0%", "109,2 %", "в 1,7 раз"):
        f = figure(text, quote)
        assert (f.period, f.base_period) == ("2016", "2015"), quote


def test_a_parenthesis_restating_a_change_shares_the_relative_base_of_its_clause():
    text = (
        "Миграционная убыль населения в 2015 году по сравнению с прошлым годом снизилась на 11 человек "
        "(на 12,8%), в связи со снижением числа выбывших на 128 человек (на 20,8 %)."
    )
    for quote in ("11 человек", "12,8%", "20,8 %"):
        assert figure(text, quote).base_period == "2014", quote


def test_the_same_period_of_a_half_year_is_its_months():
    text = (
        "Оборот розничной торговли района в первом полугодии 2017 года увеличился на 111%, объем платных "
        "услуг увеличился на 104,9 % к соответствующему периоду 2016 года."
    )
    assert figure(text, "104,9 %").base_period == "2016-01/2016-06"
    assert figure(text, "111%").base_period == "2016-01/2016-06"


def test_since_the_start_of_the_year_for_a_stock_on_the_first_of_a_month():
    text = (
        "По оценке, численность постоянного населения района на 1 июля 2017г. составила 8991 человек и с "
        "начала года уменьшилась на 5 человек или на 0,06%."
    )
    level, change = figure(text, "8991 человек"), figure(text, "5 человек")
    assert (level.period_start, level.period_end) == ("2017-07-01", "2017-07-01")
    # January to June, against December of the year before (the dev gold's second pass)
    assert (change.period_start, change.period_end, change.base_period) == (
        "2017-01-01",
        "2017-06-30",
        "2016-12",
    )


def test_a_base_after_another_comparison_is_not_the_levels():
    text = (
        "В результате использование расчетной лесосеки в 2016 г. составило 47,0 %, что на 10,9 % выше "
        "уровня 2015 года."
    )
    assert figure(text, "47,0 %").base_period is None
    assert figure(text, "10,9 %").base_period == "2015"


def test_the_from_value_of_a_change_has_no_stated_period():
    text = (
        "Круглосуточный стационар выполнил план по койко-дням за 2015 год на 97%. Функция врачебной "
        "должности увеличилась с 93,8% до 99,8%."
    )
    assert figure(text, "93,8%").period_start is None
    assert figure(text, "до 99,8%").period_start == "2015-01-01"
    text = text.replace("с 93,8%", "со 100,0%").replace("до 99,8%", "до 120,0%")  # "со" is "с" too
    assert figure(text, "100,0%").period_start is None
    text = (
        "Варианты прогноза базируются на гипотезе о замедлении роста с 3,2% в 2016 году до 2,8% к 2020 году."
    )
    assert (figure(text, "3,2%").period, figure(text, "до 2,8%").period) == ("2016", "2020")


def test_a_state_since_a_year_has_no_period():
    text = (
        "В 2013 году район стал призером Спартакиады.\n"
        "С 2009 года в районе проводится Спартакиада среди учителей и педагогов района по 8 видам спорта."
    )
    assert figure(text, "8 видам").period_start is None


def test_an_aside_in_brackets_sets_no_period_for_the_text_after_it():
    text = (
        "В 2015 году среднемесячная заработная плата сложилась в размере 29,3 тыс. руб. В целом по району "
        "заработная плата превысила прожиточный минимум (на IV квартал 2015 г. – 10951 руб.) почти в 2,7 "
        "раза. Наиболее высокая заработная плата сложилась в сфере транспорта – 40,6 тыс. руб."
    )
    assert figure(text, "10951 руб.").period_start == "2015-10-01"
    for quote in ("почти в 2,7 раза", "40,6 тыс. руб."):
        f = figure(text, quote)
        assert (f.period_start, f.period_end) == ("2015-01-01", "2015-12-31"), quote


@pytest.mark.parametrize(
    ("text", "quote", "period", "base"),
    [
        ("Обеспеченность спортивными залами в 2015 году сохранилась на уровне 2014 года и составила "
         "1253,8 тыс. кв. м.", "1253,8 тыс. кв. м", "2015", None),
        ("Общий объем жилищно-коммунальных услуг к 2019 году возрастет на 20,5% к оценке 2016 года.",
         "20,5%", "2019", "2016"),
        ("Наличие основных фондов в 2015 году составило 1 126 044,0 тыс. руб., или 95% от уровня 2014 года.",
         "95%", "2015", "2014"),
    ],
)  # fmt: skip
def test_a_level_or_an_estimate_of_a_year_is_a_base(text, quote, period, base):
    f = figure(text, quote)
    assert (f.period, f.base_period) == (period, base)


def test_a_yearly_rate_over_a_span_is_for_the_span():
    text = "В 2017-2019 гг. планируется ежегодный прирост объема строительных работ в диапазоне 0,4%."
    f = figure(text, "0,4%")
    assert (f.period_start, f.period_end, f.base_period) == ("2017-01-01", "2019-12-31", None)
    text = "В 1880-1900 годах ВВП, по расчетам Gregory (1983), рос на 2% в год."
    f = figure(text, "2%")
    assert (f.period_start, f.period_end, f.base_period) == ("1880-01-01", "1900-12-31", None)


def test_a_later_sentence_opening_with_its_year_dates_what_happened_after_it():
    text = (
        "В 2013 году район во второй раз стал бронзовым призером областной Спартакиады учащихся. В 2014 "
        "году район стал победителем областных сельских спортивных игр. Нашими спортсменами были побиты "
        "2 рекорда областных игр.\n"
        "С 2009 года в районе проводится Спартакиада среди учителей.\n"
        "В районе 165 спортивных сооружений, в том числе 2 стадиона."
    )
    f = figure(text, "2 рекорда")
    assert (f.period_start, f.period_end) == ("2014-01-01", "2014-12-31")
    # a paragraph opening with "С 2009 года" ends the section of "В 2013 году"
    assert figure(text, "165 спортивных сооружений").period_start is None


def test_a_span_ends_the_reporting_statement_it_reaches():
    text = (
        "В районе характер рождаемости определяет однодетный тип семьи. За 9 месяцев 2015 году 42,4% детей "
        "родилось по счёту в семье первыми. Так, в период 2008 – 2015 гг. "
        "число одиноко родивших женщин составляет около 25% от общего количества родов. Бракоразводные "
        "процессы в районе очень динамичны – на 10 браков приходится 6-7 разводов."
    )
    assert figure(text, "около 25%").period == "2008/2015"
    assert figure(text, "6-7 разводов").period_start is None


def test_a_total_after_yearly_amounts_is_for_their_span():
    text = (
        "Общий объем финансирования Программы составляет, в том числе по годам:\n"
        "2015 год – 20786,80 тыс. рублей;\n2016 год - 12772,72 тыс. рублей;\n"
        "2017 год – 13903,00 тыс. рублей;\n"
        "Всего – 47462,52 тыс. рублей."
    )
    assert figure(text, "13903,00 тыс. рублей").period == "2017"
    f = figure(text, "47462,52 тыс. рублей")
    assert (f.period_start, f.period_end, f.period) == ("2015-01-01", "2017-12-31", "2015/2017")


def test_a_deadline_before_the_figure_is_no_base_of_a_change():
    text = (
        "Уровень безработицы, достиг пика в 2015 году – 1,2%, в 2017 году прогнозируется недопущение роста "
        "безработицы, значение которой составит 1,1%, а к 2019 году, по прогнозу, сохраниться на уровне 1,0%."
    )
    f = figure(text, "1,0%")
    assert (f.period, f.base_period) == ("2019", None)


def test_a_base_after_the_figure_that_a_later_figure_of_its_clause_takes():
    text = (
        "Обеспеченность детей местами в дошкольных образовательных организациях в 2015 году составила 85%, "
        "рост к уровню 2014 года составил 44,5%."
    )
    assert figure(text, "85%").base_period is None
    assert figure(text, "44,5%").base_period == "2014"


def test_the_same_period_of_a_day_is_that_day_a_year_before():
    text = (
        "На начало 2017 года уровень регистрируемой безработицы составил 1,05% от экономически активного "
        "населения, это на 0,07% ниже уровня аналогичного периода 2016 года (1,12%)."
    )
    assert figure(text, "0,07%").base_period == "2016-01-01"


def test_a_base_in_the_figures_own_parenthesis_wins_over_its_clauses():
    text = (
        "Во всех категориях хозяйств на 1 января 2017 года численность крупного рогатого скота составила "
        "1198 голов - это 82 % к уровню предшествующего года, в том числе коров – 458 голов "
        "(86 % к 2015 году)."
    )
    assert (figure(text, "82 %").base_period, figure(text, "86 %").base_period) == ("2016-01-01", "2015")


def test_the_forecast_period_names_no_year():
    text = (
        "В 2015 году численность занятых составила 25,8 тыс. человек. Численность занятого в экономике "
        "населения района в прогнозируемом периоде увеличится на 1,3 – 1,6 тысяч человек."
    )
    assert figure(text, "1,3 – 1,6 тысяч человек").period_start is None


def test_the_lower_bound_of_a_range_takes_the_year_after_the_range():
    text = (
        "По двум вариантам прогноза ожидается рост заработной платы темпами 105,0% - 105,4% в 2017 году, "
        "104,0% - 105,4% в 2018 году."
    )
    figures = extract_page(text).figures  # one range each: the unit is printed with both bounds
    assert [(f.period, f.value, f.value_max) for f in figures] == [
        ("2017", 105.0, 105.4),
        ("2018", 104.0, 105.4),
    ]


def test_a_base_year_before_the_figure_against_a_later_year_of_its_sentence():
    text = (
        "Обеспеченность плоскостными сооружениями в 2015 году составила 7757,7 кв. м на 10 тыс. чел., рост к "
        "2014 году составил 2,7%."
    )
    f = figure(text, "2,7%")
    assert (f.period, f.base_period) == ("2015", "2014")


@pytest.mark.parametrize(
    ("period", "quote", "base"),
    [
        ("Во II квартале 2017 года объем производства вырос", "5%", "2016-Q2"),
        ("На 1 января 2017 года численность населения снизилась", "0,5%", "2016-01-01"),
        ("В январе-июле 2017 года оборот вырос", "3%", "2016-01/2016-07"),
    ],
)
def test_the_same_period_a_year_earlier_is_one_base_however_worded(period, quote, base):
    """ "к аналогичному периоду 2016 года" and "к соответствующему периоду предыдущего года" name the
    same base: the figure's own quarter, day or months a year earlier (`bases.same_period_shifted`)."""
    for cue in ("к аналогичному периоду 2016 года", "к соответствующему периоду предыдущего года"):
        assert figure(f"{period} на {quote} {cue}.", quote).base_period == base, cue


PROGRAMME_RESULTS = (
    "Ожидаемые результаты реализации Программы:\n"
    "повышение уровня газификации жилищного фонда: в сельской местности – с 38,2% (2015г.) до 55 процентов, "
    "в городе – с 71,4% (2015г.) до 90 процентов;\n"
    "строительство водопроводных сетей протяженностью 12,5 км;"
)


@pytest.mark.parametrize(
    ("quote", "start"),
    [("38,2%", "2015-01-01"), ("до 55 процентов", None), ("71,4%", "2015-01-01"), ("до 90 процентов", None),
     ("12,5 км", None)],
)  # fmt: skip
def test_a_date_alone_in_brackets_after_a_value_is_that_values_only(quote, start):
    """ "с 38,2% (2015г.) до 55 процентов": the bracketed year dates the from-value, not the target
    after it nor the next item of the list (nor any figure after it as a reporting year)."""
    assert figure(PROGRAMME_RESULTS, quote).period_start == start


@pytest.mark.parametrize(
    "title",
    [
        "на 2016 - 2020 годы (далее - Программа)",
        "МУНИЦИПАЛЬНАЯ ПРОГРАММА «РАЗВИТИЕ КУЛЬТУРЫ»\nНА 2016-2020 ГОДЫ",
    ],
)
def test_a_programmes_term_in_its_title_is_no_period_of_the_text_under_it(title):
    """A programme's term ("на 2016 - 2020 годы") in its title line names the programme; the state of
    things described under it is of no year of the term."""
    text = f"{title}\nВ районе работают 12 библиотек, их книжный фонд составляет 184,3 тыс. экземпляров."
    assert figure(text, "12 библиотек").period_start is None
    assert figure(text, "184,3 тыс. экземпляров").period_start is None


PROJECTS = (
    "В районе реализуются следующие проекты:\n"
    "- строительство фермы на 400 голов в д. Заречье (инвестор – СПК (колхоз) «Заря», сроки реализации "
    "проекта – 2016 - 2017 гг., ориентировочная стоимость проекта – 150 млн. рублей); \n"
    "- строительство молочного комплекса на 1200 голов дойного стада в с. Луговое (инвестор - ООО «Нива»);"
)


def test_a_date_in_an_earlier_items_aside_dates_no_later_item():
    """The term in the brackets of one project of a list (a bracket inside it: "(колхоз)") dates that
    aside's values, not the next item of the list."""
    assert figure(PROJECTS, "150 млн. рублей").period_start == "2016-01-01"
    assert figure(PROJECTS, "1200 голов").period_start is None


def test_a_clause_after_a_semicolon_in_a_line_keeps_the_sentences_date():
    """ "За период с 2005 по 2015 г. … провели …; получено …": one sentence, one date."""
    text = "За период с 2005 по 2015 г. специалисты института провели 40 экспедиций; получено 60 патентов."
    assert figure(text, "60 патентов").period_end == "2015-12-31"


def test_a_stocks_day_stays_in_its_paragraph():
    """ "На 01.01.2016 число хозяйств …" dates its paragraph's figures, not the list of the next one."""
    text = (
        "На 01.01.2016 года число крестьянских хозяйств в районе составило 218 единиц.\n"
        "В районе планируется строительство теплицы площадью 2 га."
    )
    assert figure(text, "218 единиц").period_start == "2016-01-01"
    assert figure(text, "2 га").period_start is None


LIVESTOCK = (
    "В 2016 году отмечен рост поголовья скота во всех категориях хозяйств. Поголовье коров составило "
    "5,2 тыс. голов.\n"
    "В результате реализации проектов будет увеличено поголовье коров не менее чем на 300 голов.\n"
    "В перспективе хозяйства – строительство комплекса по откорму 900 бычков."
)


@pytest.mark.parametrize(
    ("quote", "start"),
    [("5,2 тыс. голов", "2016-01-01"), ("не менее чем на 300 голов", None), ("900 бычков", None)],
)
def test_a_past_years_statement_dates_no_future_or_prospect(quote, start):
    """A year told in the past ("В 2016 году отмечен рост …") dates the statements after it, not a
    future ("будет увеличено") or a prospect ("В перспективе …")."""
    assert figure(LIVESTOCK, quote).period_start == start


def test_a_forecast_for_a_years_results_goes_on_into_a_future_sentence():
    """ "По итогам 2017 года прогнозируется …": the year of a forecast dates the future sentence after it."""
    text = (
        "По итогам работы 2017 года прогнозируется снижение объемов лесозаготовки на 1,3 %, что связано с "
        "погодными условиями.\nОбъем отгруженной продукции в действующих ценах составит 112,6 млн. руб."
    )
    assert figure(text, "112,6 млн. руб.").period_start == "2017-01-01"


HARVEST = (
    "Объём продукции растениеводства в 2016 году составил 3120,5 млн. руб., рост к уровню 2015 года - 104%.\n"
    "Сельскохозяйственные предприятия района демонстрируют рост по сравнению с 2015 годом, а именно:\n"
    "- увеличено производство зерна на 5,2 %;\n"
    "- увеличено производство картофеля на 12,7%."
)


@pytest.mark.parametrize("quote", ["5,2 %", "12,7%"])
def test_a_list_after_a_lead_in_goes_on_with_the_paragraph_before_it(quote):
    """A lead-in ending with a colon and its list items go on with the reporting statement before
    them (2016) and its comparison (2015)."""
    f = figure(HARVEST, quote)
    assert (f.period_start, f.period_end, f.base_period) == ("2016-01-01", "2016-12-31", "2015")


def test_a_base_right_after_a_figure_is_no_base_of_a_later_clause():
    """ "уменьшилась на 6,3% к уровню 2016 года, однако … всего 2,3%": 2016 is the change's base only."""
    text = (
        "Добыча торфа уменьшилась на 6,3% к уровню 2016 года, однако вклад этой отрасли в общем объеме "
        "отгруженной продукции не существенен – всего 2,3%."
    )
    assert figure(text, "6,3%").base_period == "2016"
    assert figure(text, "2,3%").base_period is None


def test_a_relative_time_takes_no_year_but_the_text_goes_on():
    """ "Впервые за 8 лет …" names no year; the reporting year of the text goes on past it."""
    text = (
        "Объём продукции сельского хозяйства в 2016 году составил 8120,4 млн. руб.\n"
        "Впервые за 8 лет введено в оборот 900 га пахотных земель.\n"
        "В животноводстве произведено 21,4 тыс. тонн молока."
    )
    assert figure(text, "900 га").period_start is None
    assert figure(text, "21,4 тыс. тонн").period_start == "2016-01-01"


def test_a_value_in_brackets_after_a_change_against_a_dated_base_is_the_bases():
    """ "выше уровня 2016 года на 7% (412,5 млн. руб.)": the bracketed amount is 2016's; a bracket
    after a change without a dated base keeps the sentence's year."""
    text = (
        "В 2017 году объем платных услуг населению составил 441,4 млн. руб., что выше уровня 2016 года на 7% "
        "(412,5 млн. руб.)."
    )
    assert figure(text, "412,5 млн. руб.").period_start == "2016-01-01"
    assert figure(text, "441,4 млн. руб.").period_start == "2017-01-01"
    plain = "В 2017 году объем платных услуг вырос на 7% (412,5 млн. руб.)."
    assert figure(plain, "412,5 млн. руб.").period_start == "2017-01-01"


@pytest.mark.parametrize(
    ("text", "quote", "period", "base"),
    [
        ("По итогам 2019 года выручка предприятий составила 12,4 млрд. рублей и увеличилась по сравнению "
         "с январем - декабрем 2018 года на 7,1 %.", "7,1 %", "2019", "2018-01/2018-12"),
        ("В январе - декабре 2020 года оборот общественного питания составил 88,2 млн. рублей, что выше на "
         "4,6 % по отношению к январю - декабрю 2019 года.", "4,6 %", "2020", "2019-01/2019-12"),
        ("Объем платных услуг за 2021 год вырос в сравнении с январем - июнем 2020 года в 2,1 раза.",
         "в 2,1 раза", "2021", "2020-01/2020-06"),
    ],
)  # fmt: skip
def test_a_cue_whose_preposition_opens_a_span_of_months_makes_it_a_base(text, quote, period, base):
    """ "по сравнению с январем - декабрем 2018 года", "по отношению к январю - декабрю 2019 года": the
    date quote holds the cue's preposition; the span is the base, the sentence's year the period."""
    f = figure(text, quote)
    assert (f.period_start, f.period_end, f.base_period) == (f"{period}-01-01", f"{period}-12-31", base)


def test_a_base_span_of_months_is_no_period_of_the_sentences_after_it():
    text = (
        "По итогам 2019 года выручка предприятий составила 12,4 млрд. рублей и увеличилась по сравнению с "
        "январем - декабрем 2018 года на 7,1 %.\n"
        "Рост выручки обеспечен в торговле (112,5 %) и в строительстве (104,3 %).\n"
    )
    for quote in ("112,5 %", "104,3 %"):
        assert figure(text, quote).period_start == "2019-01-01"


@pytest.mark.parametrize(
    ("text", "low", "high", "start", "end"),
    [
        ("Число умерших в январе-июне 2019 года составило 64 человека, коэффициент смертности снизился с "
         "17,4 до 15,9 человек на 1000 населения.", "17,4", "до 15,9 человек", "2019-01-01", "2019-06-30"),
        ("За январь - сентябрь 2020 года средняя заработная плата выросла с 31,2 до 33,8 тыс. рублей.",
         "31,2", "до 33,8 тыс. рублей", "2020-01-01", "2020-09-30"),
    ],
)  # fmt: skip
def test_from_to_over_months_from_january_is_one_reporting_period(text, low, high, start, end):
    """ "в январе-июне 2019 года … с 17,4 до 15,9": January-June is one reporting period, not a span of
    months: the to-value is for all of it, the from-value (the months a year before) has none stated."""
    to_value = figure(text, high)
    assert (to_value.period_start, to_value.period_end) == (start, end)
    assert figure(text, low).period_start is None


LEAD_IN_DEADLINE = (
    "Реализация подпрограммы позволит к 2025 году достичь следующих результатов:\n"
    "1. Увеличить долю отремонтированных дорог до 45 %.\n"
    "2. Снизить число дорожно-транспортных происшествий до 30 единиц.\n"
    "Ожидаемые результаты реализации программы к 2024 году:\n"
    "- строительство 12 км тротуаров;\n"
    "- создание 140 новых рабочих мест.\n"
)


@pytest.mark.parametrize(
    ("quote", "year"),
    [("до 45 %", "2025"), ("до 30 единиц", "2025"), ("12 км", "2024"), ("140 новых рабочих мест", "2024")],
)
def test_a_deadline_of_a_lead_in_dates_its_list_items(quote, year):
    """ "… позволит к 2025 году достичь следующих результатов:" ⏎ "1. Увеличить долю … до 45 %.": the
    lead-in's one year, also a deadline, is the period of the items under it that state none."""
    f = figure(LEAD_IN_DEADLINE, quote)
    assert (f.period_start, f.period_end, f.period_source) == (f"{year}-01-01", f"{year}-12-31", "section")


def test_a_nested_list_is_dated_by_its_own_lead_in():
    """An item that ends with a colon is the lead-in of the list under it (`periods.lead_in_above`
    stops at the nearest line ending with ":"): "1. В дорожном хозяйстве к 2023 году:" dates its
    items 2023, not the outer lead-in's 2025."""
    text = (
        "Реализация подпрограммы позволит к 2025 году достичь следующих результатов:\n"
        "1. В дорожном хозяйстве к 2023 году:\n"
        "- увеличить долю отремонтированных дорог до 45 %;\n"
    )
    f = figure(text, "до 45 %")
    assert (f.period_start, f.period_end, f.period_source) == ("2023-01-01", "2023-12-31", "section")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Администрация района планирует к 2025 году завершить строительство школы.\n"
         "В районе работают 14 детских садов.\n", "14 детских садов"),  # no lead-in
        ("Рост этого показателя к 2023 году требует действий по следующим направлениям:\n"
         "- развитие систем водоснабжения. В плане ведется строительство 3 водозаборов;\n"
         "- ремонт котельных.\n"
         "Износ теплосетей превышает 65%.\n", "3 водозаборов"),  # an item's later sentence
        ("Рост этого показателя к 2023 году требует действий по следующим направлениям:\n"
         "- ремонт котельных.\n"
         "Износ теплосетей превышает 65%.\n", "65%"),  # the text after the list
    ],
)  # fmt: skip
def test_a_deadline_dates_no_figure_outside_the_first_sentence_of_its_items(text, quote):
    assert figure(text, quote).period_start is None


STOCK_DAY = (
    "В 2018 году в районе работали 244 субъекта предпринимательства. На 1 января 2019 года в реестре "
    "зарегистрировано 16 малых предприятий.\n"
    "Число предпринимателей по сравнению с 2017 годом выросло на 2,4%.\n"
    "По состоянию на 01.01.2021 года торговая сеть района насчитывала 312 объектов.\n"
    "Прирост торговых площадей за год составил 840,5 кв. метров.\n"
    "В отрасли занято 1250 человек.\n"
)


@pytest.mark.parametrize(
    ("quote", "start", "end"),
    [
        ("16 малых предприятий", "2019-01-01", "2019-01-01"),  # the stock, on its day
        ("2,4%", "2018-01-01", "2018-12-31"),  # a change under it: the year that day closes
        ("840,5 кв. метров", "2020-01-01", "2020-12-31"),  # "за год": that year too
        ("1250 человек", "2021-01-01", "2021-01-01"),  # a stock stays on the day
    ],
)
def test_a_change_or_a_flow_under_a_new_years_stock_is_for_the_year_before(quote, start, end):
    f = figure(STOCK_DAY, quote)
    assert (f.period_start, f.period_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "quote", "start", "end"),
    [
        ("Выручка снизилась по сравнению с 2019 годом, когда она составляла 41,2 млн. рублей.",
         "41,2 млн. рублей", "2019-01-01", "2019-12-31"),
        ("Уровень безработицы вырос на 0,4 п.п. относительно 2014 года, когда он составлял 1,8%.",
         "1,8%", "2014-01-01", "2014-12-31"),
        ("Доля экспорта снизилась по сравнению с 2016 - 2017 гг., когда она достигала 61%.",
         "61%", "2016-01-01", "2017-12-31"),
    ],
)  # fmt: skip
def test_a_when_clause_after_a_base_holds_that_dates_value(text, quote, start, end):
    """ "по сравнению с 2019 годом, когда она составляла 41,2 млн. рублей": the clause "когда" tells the
    value of the date before it (a base too), which is its period; it has no base of its own."""
    f = figure(text, quote)
    assert (f.period_start, f.period_end, f.base_period) == (start, end, None)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Поселения в срок до 15 января (за отчетный год) направляют отчет в течение 5 дней со дня его "
         "утверждения.\nРаботы завершены в 2021 году.", "5 дней"),
        ("Сведения представляются ежеквартально до 10 апреля на сумму не более 40 тыс. рублей.\n"
         "В 2020 году план выполнен.", "не более 40 тыс. рублей"),
    ],
)  # fmt: skip
def test_a_deadline_without_its_year_recurs_and_is_no_period(text, quote):
    """ "в срок до 15 января (за отчетный год)": a yearless deadline (its year only inferred from the
    page) recurs every year."""
    assert figure(text, quote).period_start is None


@pytest.mark.parametrize(
    ("text", "quote", "year"),
    [
        ("Финансирование программы в 2015 году было направлено на конкурс проектов. По итогам конкурса "
         "выдано грантов на 6051,6 тыс. руб. В прогнозном периоде ежегодно будут поддержаны 17 "
         "предпринимателей.", "6051,6 тыс. руб.", "2015"),  # the yearly forecast is the next sentence's
        ("По итогам 2011 года объем рынка составил 824 млрд. рублей. И этот рынок растет, увеличиваясь "
         "на 10-12% ежегодно.", "10-12%", "2011"),  # a yearly rate told of the reporting year
    ],
)  # fmt: skip
def test_a_yearly_rate_not_forecast_keeps_the_reporting_year(text, quote, year):
    assert figure(text, quote).period_start == f"{year}-01-01"


def test_a_from_value_with_its_own_months_after_it_keeps_them():
    text = (
        "Доля продукции переработки увеличилась с 21,4% в январе-сентябре 2018г. до 23,9% в январе-сентябре "
        "2019г., доля сырья - с 35,2% до 33,1%."
    )
    own = figure(text, "21,4%")
    assert (own.period_start, own.period_end) == ("2018-01-01", "2018-09-30")
    to_value = figure(text, "до 23,9%")
    assert (to_value.period_start, to_value.period_end) == (
        "2019-01-01",
        "2019-09-30",
    )


@pytest.mark.parametrize(
    ("text", "quote", "start", "end"),
    [
        ("Расходы бюджета района составят в 2021 году 512,4 млн. рублей, на 2022 год – 498,0 млн. "
         "рублей, на 2023 год – 501,3 млн. рублей и на 2024-2025 годы – по 530,0 млн. рублей ежегодно.",
         "501,3 млн. рублей", "2023-01-01", "2023-12-31"),  # its own "на 2023 год –", not the span after it
        ("Импорт из Китая представлен машинами - 41,2% от всего объема импорта в 2020 году (в 2019 году "
         "- 40,8%); текстилем - 9,3% от всего объема импорта в 2020 году (в 2019 году\n- 9,91%).",
         "9,91%", "2019-01-01", "2019-12-31"),  # a line break inside the bracket
    ],
)  # fmt: skip
def test_a_date_and_a_dash_right_before_a_figure_are_its_item(text, quote, start, end):
    f = figure(text, quote)
    assert (f.period_start, f.period_end) == (start, end)


def test_respective_years_after_an_earlier_figure_of_the_sentence():
    """ "на 2021 год … 903,1 млн, на плановый период 2022 и 2023 годов – 911,7 и 925,0 млн
    соответственно": the years named since the earlier figure are the list's."""
    text = (
        "Доходы бюджета района по прогнозу на 2021 год составят 903,1 млн. рублей, на плановый период "
        "2022 и 2023 годов – 911,7 млн. рублей и 925,0 млн. рублей соответственно."
    )
    assert figure(text, "903,1 млн. рублей").period_start == "2021-01-01"
    assert figure(text, "911,7 млн. рублей").period_start == "2022-01-01"
    assert figure(text, "925,0 млн. рублей").period_start == "2023-01-01"


def test_a_yearly_rate_of_each_forecast_variant_is_for_the_whole_span():
    text = (
        "В 2021-2025 годах ожидается ежегодный рост оборота розничной торговли на уровне 101,2 % по "
        "первому варианту; 102,0 % – по второму варианту прогноза."
    )
    for quote in ("101,2 %", "102,0 %"):
        f = figure(text, quote)
        assert (f.period_start, f.period_end, f.base_period) == ("2021-01-01", "2025-12-31", None)


@pytest.mark.parametrize(
    "text",
    [
        "В марте 2019 года в районе начато строительство завода по выпуску фанеры.\n"
        "Общий объем инвестиций в проект - 4,2 млрд. рублей.",  # a paragraph opening with the event
        "Работы ведутся в рамках заключенного 12.04.2021 концессионного соглашения. В его рамках "
        "планируется реконструкция 18,4 км трамвайных путей.",  # an earlier sentence's event day
    ],
)
def test_an_events_month_or_day_is_no_period_of_the_figures_after_it(text):
    quote = "4,2 млрд. рублей" if "4,2" in text else "18,4 км"
    assert figure(text, quote).period_start is None


def test_a_bulletins_month_stating_a_change_still_dates_the_sentences_after_it():
    text = (
        "В августе 2017г., как и в июле, снижение цен отмечалось на треть наблюдаемых видов товаров.\n"
        "Так, цены на капусту белокочанную снизились на 42,6%."
    )
    f = figure(text, "42,6%")
    assert (f.period_start, f.period_end) == ("2017-08-01", "2017-08-31")


def test_the_same_period_last_year_is_the_figures_period_and_a_half_year_base_is_its_months():
    # Rosstat bulletin, p. 106 and p. 5
    text = (
        "За январь-июль 2017 года число жителей России возросло на 5,3 тыс.человек, или на 0,004% (за "
        "аналогичный период прошлого года также наблюдалось увеличение численности населения на 146,3 "
        "тыс.человек, или на 0,1%)."
    )
    now, then = figure(text, "5,3 тыс.человек"), figure(text, "146,3 тыс.человек")
    assert (now.period_start, now.period_end) == ("2017-01-01", "2017-07-31")
    assert (then.period_start, then.period_end, then.period) == (
        "2016-01-01",
        "2016-07-31",
        "2016-01/2016-07",
    )
    index = (
        "Индекс-дефлятор ВВП за I полугодие 2017г. по отношению к ценам I полугодия 2016г. составил 104,9%."
    )
    f = figure(index, "104,9%")
    assert (f.period_start, f.period_end, f.base_period, f.kind) == (
        "2017-01-01",
        "2017-06-30",
        "2016-01/2016-06",
        "ratio",
    )
    quarter = (
        "Индекс-дефлятор ВВП за II квартал 2017г. по отношению к ценам II квартала 2016г. составил 103,6%."
    )
    assert (figure(quarter, "103,6%").period_start, figure(quarter, "103,6%").base_period) == (
        "2017-04-01",
        "2016-Q2",
    )


def test_the_period_string_of_a_quarter_is_its_months_and_of_january_to_december_its_year():
    quarter = figure(
        "Объем ВВП России за II квартал 2017г. составил 21691,1 млрд.рублей.", "21691,1 млрд.рублей"
    )
    assert (quarter.period, quarter.period_start, quarter.period_end) == (
        "2017-04/2017-06",
        "2017-04-01",
        "2017-06-30",
    )
    year = figure(
        "Оборот розничной торговли за январь-декабрь 2018 года составил 22321,0 млн. рублей.",
        "22321,0 млн. рублей",
    )
    assert (year.period, year.period_start, year.period_end) == ("2018", "2018-01-01", "2018-12-31")


def test_a_list_referring_to_a_table_takes_the_period_of_its_caption(tmp_path):
    from pipeline.ingest import process_document

    text = (
        "Раздел 1. Экспорт\n"
        "Таблица N 3\n"
        "Структура экспорта области в 2017 году\n"
        "Раздел 2. Трудовые ресурсы\n"
        "Таблица N 3\n"
        "Величина и структура среднегодовой численности занятых\n"
        "в экономике области в 2019 году (по данным отчетного баланса трудовых ресурсов)\n"
        "В 2020 году проведен выборочный опрос работодателей.\n"
        "Наибольший удельный вес в структуре занятых занимают следующие отрасли (таблица N 3):\n"
        "- обрабатывающие производства (14,1%);\n"
        "- образование (9,3%).\n"
        "Численность занятых составила 510 тыс. человек (см. таблицу 3)."
    )
    path = tmp_path / "strategy.txt"
    path.write_text(text, encoding="utf-8")
    figures = process_document(path).rows["figures"]
    conform("figures", figures)  # "table" is a period source the tables accept
    rows = {r["quote"]: r for r in figures}
    for quote in ("14,1%", "9,3%", "510 тыс. человек"):  # the latest table N 3 before them
        assert (rows[quote]["period"], rows[quote]["period_source"]) == ("2019", "table")


def test_a_from_value_without_a_date_takes_the_first_from_values_date():
    text = (
        "Доля электроэнергии, произведенной атомными электростанциями, в общей выработке электроэнергии "
        "увеличилась с 17,8% в январе-августе 2016г. до 18,9% в январе-августе 2017г., "
        "гидроэлектростанциями - с 17,7% до 17,8%."
    )  # Rosstat bulletin, p. 56
    periods = [(f.period_start, f.period_end) for f in extract_page(text).figures]
    assert periods == [("2016-01-01", "2016-08-31"), ("2017-01-01", "2017-08-31")] * 2
    alone = figure("В январе-июне 2017 года уровень безработицы снизился с 5,5% до 5,1%.", "5,5%")
    assert alone.period_start is None  # a from-value's period the sentence leaves open


def test_a_value_a_year_ago_is_for_the_period_a_year_before(tmp_path):
    path = tmp_path / "bulletin.txt"
    path.write_text(
        "Сельское хозяйство\n"
        "На 1 сентября 2017г. лен-долгунец в сельхозорганизациях вытереблен с 29,7% площадей, год назад к "
        "этому времени было убрано 48,6% посевов.\n"
        "Хлеба обмолочены на 61,2% посевных площадей (к этому времени в предыдущем году - на 71,8%).\n",
        encoding="utf-8",
    )
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert {q: rows[q]["period_start"] for q in ("29,7%", "48,6%", "61,2%", "71,8%")} == {
        "29,7%": "2017-09-01", "48,6%": "2016-09-01", "61,2%": "2017-09-01", "71,8%": "2016-09-01",
    }  # fmt: skip


def test_a_season_is_its_months_in_its_sentence_and_its_year_for_a_paragraphs_data():
    """ "Осенью 2010 года … 24,99 %": September-November 2010; a paragraph opening with a season and a
    source of data ("Осенью 2020 года журнал выпустил статью, основанную на итогах опроса") dates
    the survey's figures after it by the year."""
    own = "Осенью 2010 года стало известно, что компании принадлежит 24,99 % социальной сети."
    assert (figure(own, "24,99 %").period_start, figure(own, "24,99 %").period_end) == (
        "2010-09-01",
        "2010-11-30",
    )
    survey = (
        "Осенью 2020 года журнал выпустил статью, основанную на итогах опроса. Около 57% бизнесменов "
        "были недовольны введенными мерами."
    )
    f = figure(survey, "Около 57%")
    assert (f.period_start, f.period_end) == ("2020-01-01", "2020-12-31")


def test_an_events_day_dates_its_own_paragraph_but_a_reporting_day_goes_on():
    event = (
        "21 марта 2013 года компания объявила о завершении сделки по покупке 100 % акций завода.\n\n"
        "Ранее компания выкупила долю партнёра за 27 млрд рублей."
    )
    assert figure(event, "100 %").period == "2013-03-21"
    assert figure(event, "27 млрд рублей").period is None  # was 2013-03-21 ("section")
    stock = (
        "На 1 января 2017 года в районе зарегистрировано 120 малых предприятий.\n\n"
        "Численность занятых на малых предприятиях составила 1540 человек."
    )
    f = figure(stock, "1540 человек")
    assert (f.period, f.period_source) == ("2017-01-01", "section")


def test_the_date_a_change_runs_from_is_the_from_values():
    text = "С марта 2015 года число абонентов компании выросло с 40 до 55 тыс. человек."
    f = figure(text, "40")
    assert (f.period_start, f.period_end) == ("2015-03-01", "2015-03-31")
    assert figure(text, "до 55 тыс. человек").period_start is None  # the level reached: no date stated
    f = figure("С 2015 года численность работников выросла с 100 до 120 человек.", "100")
    assert (f.period_start, f.period_end) == ("2015-01-01", "2015-12-31")


def test_the_date_of_a_value_compared_is_its_own():
    text = (
        "Сервисом ежедневно пользуются 220 тыс. человек против 145 тыс. в марте 2015 года.\n"
        "Позднее конкурент сервиса был куплен холдингом за 2 млрд рублей."
    )
    f = figure(text, "145 тыс.")
    assert (f.unit, f.period_start, f.period_end) == ("COUNT", "2015-03-01", "2015-03-31")
    assert figure(text, "220 тыс. человек").period_start is None
    assert figure(text, "2 млрд рублей").period_start is None  # the month does not carry on


def test_the_census_year_in_brackets_dates_its_paragraph():
    text = (
        "В районах, где более 80% населения - русские (по данным переписи 2010 года), проживает "
        "около 9 млн человек."
    )
    for quote in ("более 80%", "около 9 млн человек"):
        f = figure(text, quote)
        assert (f.period_start, f.period_end) == ("2010-01-01", "2010-12-31"), quote


def test_the_year_of_a_work_cited_is_no_period():
    text = "Etzo (2008) выделяет 4 основные группы переменных модели."
    assert figure(text, "4 основные группы").period_start is None
    text = "Мигранты выбирают регионы с высокой зарплатой (Lee, 1966): их доля достигает 40%."
    assert figure(text, "40%").period_start is None
    text = "В Москве (2018) численность мигрантов составила 5 тыс. человек."
    assert figure(text, "5 тыс. человек").period_start == "2018-01-01"  # a place's year is one


def test_a_date_in_an_adverbial_participles_phrase_dates_that_phrase_only():
    text = "Вложив в 2003 году в завод 8 млрд рублей, компания в виде дивидендов получила 19 млрд рублей."
    assert figure(text, "8 млрд рублей").period_start == "2003-01-01"
    assert figure(text, "19 млрд рублей").period_start is None
    text = (
        "В 2016 году учитывая рост с 01.07.2016 тарифов на коммунальные услуги, общий объем платных "
        "услуг составит 581,5 млн. руб."
    )
    f = figure(text, "581,5 млн. руб.")
    assert (f.period_start, f.period_end) == ("2016-01-01", "2016-12-31")


def test_a_percentage_against_an_earlier_year_under_a_deadline_is_for_the_deadline():
    """ "к 2020 году составит …": the later year of the sentence is a deadline ("by"), and "к 2016 году"
    right after a bracketed percentage is its base, for that percentage and the bracketed ones after it."""
    text = (
        "Численность занятых прогнозируется на уровне не выше 100,5 % ежегодно и к 2021 году составит "
        "2150 человек при базовом сценарии (101,5% к 2017 году), 2140 человек при консервативном "
        "сценарии (101,0%)."
    )
    for quote in ("101,5%", "101,0%"):
        f = figure(text, quote)
        assert (f.period_start, f.period_end) == ("2021-01-01", "2021-12-31"), quote
        assert f.base_period == "2017", quote


def test_last_year_under_a_dated_news_item_is_the_whole_year_before(tmp_path):
    """`lexicon.WHOLE_YEAR_EARLIER_CUES`: "по итогам прошлого года" is the whole year before the date
    the figure would carry; "в прошлом году" after a day too, unless "к этому времени" says the day."""
    path = tmp_path / "news.txt"
    path.write_text(
        "12 марта 2021 года\n"
        "По итогам прошлого года оборот розничной торговли в области вырос на 4,2%.\n"
        "В прошлом году экспорт региона составил 1,2 млрд долларов.\n",
        encoding="utf-8",
    )
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert {q: (rows[q]["period_start"], rows[q]["period_end"]) for q in ("4,2%", "1,2 млрд долларов")} == {
        "4,2%": ("2020-01-01", "2020-12-31"), "1,2 млрд долларов": ("2020-01-01", "2020-12-31"),
    }  # fmt: skip
