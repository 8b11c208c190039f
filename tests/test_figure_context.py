"""Figure context through the production path (`extract_page`: real dates and NLP): typed period,
comparison base, territory (never a currency's country), indicator and links."""

from __future__ import annotations

import pytest
from extracting import figure

from pipeline.extract import extract_page, extract_text
from pipeline.extract.measures import normal_measure


def test_base_period_is_not_the_period():
    text = "В 2019 году объем производства составил 104,2% к уровню 2018 года."
    f = figure(text, "104,2%")
    assert (f.period_start, f.period_end, f.base_period) == ("2019-01-01", "2019-12-31", "2018")


@pytest.mark.parametrize(
    ("text", "quote", "base"),
    [
        # "уровень предыдущего/прошлого года" without a preposition before it
        ("Оборот торговли за 2019 год составил 80,1 млрд. рублей, превысив на 1,4% уровень предыдущего года.",
         "1,4%", "2018"),
        ("В 2016 году выпуск молока остался на уровне прошлого года (снижение на 0,2%).", "0,2%", "2015"),
        ("Выручка в 2021 году оказалась ниже уровня прошлого года на 3%.", "3%", "2020"),
    ],
)  # fmt: skip
def test_the_level_of_the_previous_year_is_the_base(text, quote, base):
    assert figure(text, quote).base_period == base


def test_comparison_with_chem():
    text = "В июле 2017г. занятых было меньше, чем в июле 2016г. на 835 тыс.человек."
    f = figure(text, "835 тыс.человек")
    assert (f.period_start, f.base_period) == ("2017-07-01", "2016-07")


def test_change_over_a_range_is_for_its_last_year_against_the_first():
    text = "За период 2010 - 2018 гг. рост производства мяса составил более 6 раз."
    f = figure(text, "более 6 раз")
    assert (f.period_start, f.period_end, f.base_period, f.period) == (
        "2018-01-01",
        "2018-12-31",
        "2010",
        "2010/2018",
    )


def test_month_named_earlier_on_the_page_sets_the_period():
    text = (
        "В августе 2017г., как и в июле, снижение цен отмечалось на треть товаров.\n"
        "Существенное влияние оказало удешевление овощей. Так, цены на капусту снизились на 42,6%."
    )
    f = figure(text, "42,6%")
    assert (f.period_start, f.period_end, f.period_precision) == ("2017-08-01", "2017-08-31", "month")


def test_a_currency_country_is_not_the_subject():
    text = "Экспорт Курской области составил 692,9 млн. долл. США в 2019 году."
    f = figure(text, "692,9 млн. долл. США")
    assert (f.subject, f.subject_code, f.subject_type) == ("Курская область", "RU-KRS", "region")


def test_pair_of_territories():
    text = "Товарооборот между РФ и КНР в 2019 г. вырос на 3,4%."
    f = figure(text, "3,4%")
    assert (f.subject_code, f.subject_type, f.indicator) == ("RU;CN", "pair", "trade_turnover")


def test_rows_link_to_the_date_and_the_mention():
    text = "В 2019 г. экспорт Курской области составил 12 млрд руб."
    rows = extract_text(text)
    f = rows.figures.iloc[0]
    date = rows.dates[rows.dates["date_id"] == f["date_id"]].iloc[0]
    assert date["quote"] == "2019 г." and str(f["period_start"]) == "2019-01-01"
    assert f["indicator"] == "export" and f["subject_code"] == "RU-KRS"
    mention = rows.mentions[rows.mentions["mention_id"] == f["subject_mention_id"]]
    assert mention["text"].tolist() == ["Курской области"]


def test_measure_drops_a_change_head_and_counts_measure_their_number():
    f = figure("В 2018 г. рост российского экспорта превысил 51%.", "51%")
    assert (f.measure, f.indicator, f.kind) == ("экспорт", "export", "change")
    count = figure("При этом в 35 субъектах цены снизились.", "35 субъектах")
    assert count.measure == "число субъектов"


def test_a_share_measures_what_it_is_a_share_of():
    f = figure("Около 57% бизнесменов были недовольны мерами.", "Около 57%")
    assert (f.kind, f.measure) == ("share", "доля бизнесменов")


def test_measure_spelling_keeps_abbreviations_and_proper_names():
    assert figure("Рост ВРП региона составил 5%.", "5%").measure == "ВРП"
    assert figure("Капвложения составили 98 млрд руб.", "98 млрд руб.").measure == "капвложение"


def test_people_counted_are_measured_by_the_subject_of_the_verb():
    """GENERIC_COUNTED: "человек" names no concept; the subject of "составила" does."""
    text = "Численность безработных в июле 2018г. составила 3,5 млн.человек."
    f = figure(text, "3,5 млн.человек")
    assert (f.measure, f.indicator) == ("численность безработных", "unemployed")
    # no subject: the people are those the verb names ("работали" → "работающих")
    assert figure("На стройке работали 300 человек.", "300 человек").measure == "число работающих"
    assert figure("Численность работников составила 300 человек.", "300 человек").measure == (
        "численность работников"
    )


def test_a_list_that_leaves_its_noun_out_keeps_the_measure_of_the_sentence():
    text = (
        "На 0,7% снизились цены на мясо говяжье, свинину, на 0,5% - масло сливочное, на 0,2% - сахар-песок."
    )
    measures = [figure(text, q).measure for q in ("0,7%", "0,5%", "0,2%")]
    assert measures == ["цены на мясо говяжье", "цены", "цены"]
    text = "Объем инвестиций в основной капитал составил 95,2 млрд. рублей (0,6% от России в целом)."
    assert figure(text, "0,6%").measure == "объем инвестиций в основной капитал"
    text = "За 2015 - 2019 гг. рост производства сыров составил более 3 раз, масла сливочного - более 2 раз."
    assert figure(text, "более 2 раз").measure == "производство масла сливочного"
    text = (
        "Численность занятых составила 72,1 млн.человек, в том числе в возрасте до 72 лет - 71,9 млн.человек."
    )
    assert figure(text, "71,9 млн.человек").measure == "численность занятых"


def test_a_subject_before_the_figure_wins_over_a_later_one():
    text = "Индекс цен производителей составил 101,2%, изменение курса евро к рублю - 97,4%."
    assert figure(text, "101,2%").measure == "индекс цен производителей"
    assert figure(text, "97,4%").measure.startswith("курс евро")


def test_an_uninformative_head_alone_is_no_measure():
    """BARE_MEASURES: "доля" keeps what it is a share of, or is no measure at all."""
    text = "Рост поставок продолжился (доля в общем объеме экспорта составила 7,1%)."
    assert figure(text, "7,1%").measure == "доля в общем объеме экспорта"
    text = "Экономических зон много: их число составляет 540."
    assert figure(text, "540").measure is None


def test_a_verbless_clause_names_its_measure():
    f = figure("Стоимость строительства завода - около 12 млрд. рублей.", "около 12 млрд. рублей")
    assert f.measure == "стоимость строительства завода"
    assert figure("Казань – 1,3 млн рублей.", "1,3 млн рублей").measure is None


def test_a_property_in_the_instrumental_is_the_measure_of_its_owner():
    """PROPERTY_NOUNS: "цех мощностью 130 тонн" measures the capacity of the workshop."""
    text = "В 2019 году введен в эксплуатацию кормовой цех мощностью 60 тыс. тонн в год."
    f = figure(text, "60 тыс. тонн")
    assert (f.measure, f.indicator) == ("мощность кормового цеха", "capacity")
    text = "Построен элеватор мощностью 45 тыс. тонн зерна."
    assert figure(text, "45 тыс. тонн").measure == "мощность элеватора"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        (
            "15 марта 2020 г. в Калужском фармкластере начато строительство нового корпуса центра "
            "коллективного пользования стоимостью 1,2 млрд руб.",
            "1,2 млрд руб.",
            "стоимость нового корпуса центра коллективного пользования",
        ),  # fixtures/pdf/kaluga_note.pdf: the first noun of the genitive chain owns the cost
        (
            "Курской области комплекса по глубокой переработке зерна пшеницы мощностью 250 тыс. тонн в "
            "год и производству глютена, модифицированного крахмала, карамельной и мальтозной патоки.",
            "250 тыс. тонн",
            "мощность комплекса по глубокой переработке зерна пшеницы",
        ),  # the top of kursk_strategy2030_investment_section.pdf p. 11: a place owns nothing; the
        # complex keeps its activity (adjectives after "по" since session 29)
    ],
)
def test_a_property_belongs_to_the_first_noun_of_its_genitive_chain(text, quote, measure):
    assert figure(text, quote).measure == measure


def test_a_measure_names_no_place():
    """PLACE_NOUNS and the territory gazetteer: the place is the subject, not part of the measure."""
    f = figure("Экспорт Курской области в 2018 году составил 1,2 млрд долл.", "1,2 млрд долл.")
    assert (f.measure, f.indicator, f.subject_code) == ("экспорт", "export", "RU-KRS")
    text = "Товарооборот между Россией и Индией в 2019 году вырос на 4,2%."
    assert figure(text, "4,2%").measure == "товарооборот"
    assert normal_measure("импорт России из Китая машин, оборудования") == "импорт машин, оборудования"
    assert normal_measure("Курской области") is None


def test_a_share_of_companies_that_said_something_is_a_survey_result():
    """SURVEY_VERBS: "оценили", "жалуются" make a share of companies a survey share."""
    text = "Работу таможни положительно оценили 14% компаний, отрицательно — 31%."
    assert [figure(text, q).indicator for q in ("14%", "31%")] == ["survey_share"] * 2
    text = "Доля иностранных компаний в обороте составила 14%."
    assert figure(text, "14%").indicator != "survey_share"


def test_capital_investment_synonyms():
    f = figure("За три года бюджетные капвложения составили 12 млрд руб.", "12 млрд руб.")
    assert f.indicator == "fixed_capital_investment"


def test_what_became_dearer_is_measured_by_its_price():
    """PRICE_WORDS: "подорожал", "стали дешевле" say what the change is of."""
    f = figure("За месяц на 3,2% подорожал хлеб ржаной.", "3,2%")
    assert f.measure.startswith("цены на хлеб") and f.indicator == "price"
    f = figure("Одновременно сахар и соль стали дешевле на 0,4%.", "0,4%")
    assert f.measure.startswith("цены на сахар")
    assert figure("Экспорт дорогой продукции вырос на 7%.", "7%").measure.startswith("экспорт")


def test_a_time_is_no_measure():
    assert normal_measure("август") is None and normal_measure("прирост") is None
    assert figure("Это длилось 5 дней, а экспорт вырос на 2%.", "2%").measure == "экспорт"


def test_an_amount_produced_measures_the_production():
    """ACTION_NOUNS: "произведено N тонн молока" → "производство молока"; who acted is no measure."""
    f = figure("В 2019 году сельхозпредприятиями произведено 310 тыс. тонн молока.", "310 тыс. тонн")
    assert (f.measure, f.indicator) == ("производство молока", "milk_production")
    f = figure("В 2020 году в области собрано 4,8 млн тонн зерна.", "4,8 млн тонн")
    assert (f.measure, f.indicator) == ("сбор зерна", "grain_harvest")
    assert figure("Компания произвела 12 тыс. тонн.", "12 тыс. тонн").measure == "производство"


def test_area_after_na_and_distance_from_a_place():
    text = "Технопарк расположен на площади 12 км², в 15 км от центрального вокзала."
    area = figure(text, "12 км²")
    assert (area.measure, area.indicator) == ("площадь", "area")
    f = figure(text, "15 км")
    assert (f.measure, f.indicator) == ("расстояние до центрального вокзала", "distance")


def test_two_figures_of_one_thing_joined_by_ili():
    text = "В 2019 году 2,1 млн.человек, или 12,5% составляли работники сельского хозяйства."
    share = figure(text, "12,5%")
    assert figure(text, "2,1 млн.человек").measure == share.measure
    assert share.measure.startswith("работники")


def test_an_indicator_named_earlier_in_the_clause_applies_to_shares_not_to_own_counts():
    text = "В структуре оборота розничной торговли доля непродовольственных товаров составила 48,3%."
    assert figure(text, "48,3%").indicator == "retail_turnover"
    text = "В рамках Национального рейтинга в опросе участвовали 120 экспертов."
    assert figure(text, "120 экспертов").indicator is None


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # a forecast's future verb, its auxiliary, a plan word: the planned level is a target
        ("В 2021 году будет создано 120 рабочих мест.", "120 рабочих мест", "target"),
        ("Объем инвестиций в основной капитал составит в 2019 году 105 млн руб.", "105 млн руб.", "target"),
        ("На реализацию программы предусмотрено 105 млн рублей.", "105 млн рублей", "target"),
        ("Ожидаемая величина фонда оплаты труда в 2019 году составит 5766 тыс. руб.", "5766 тыс. руб.",
         "target"),
        # a level to reach after a change word is a target, a reached one ("увеличился … до") a level
        ("Увеличение доли населения, занимающегося физической культурой и спортом, до 13,8%.", "до 13,8%",
         "target"),
        ("Планируется увеличить долю населения, систематически занимающегося спортом, до 45 %.", "до 45 %",
         "target"),
        ("Объём профилактических осмотров увеличился у подростков с 98,4% до 99,5%.", "до 99,5%", "level"),
        # growth stated in a forecast stays a change
        ("В 2020 году ожидается рост объема отгруженной продукции на 3,5%.", "3,5%", "change"),
        ("Рост промышленного производства в 2020 году составит 1,1%, в 2021 году – 1,7%.", "1,1%", "change"),
        ("Объем отгруженных товаров увеличится на 2,1% и достигнет 1500 млн рублей.", "2,1%", "change"),
        ("В 2015 году произведено молока – 32,1 тыс. тонн, что на 3,5% больше, чем в 2014 году.", "3,5%",
         "change"),
        # "найму" is a first-person future, no forecast; the items of a share's list are shares
        ("В частном секторе работают 82% от численности занятых в экономике района, из них 65,6 % занято в "
         "частных предприятиях, 33,5 % - лица, занятые по найму у отдельных граждан, 0,9 % - в КФХ.",
         "0,9 %", "share"),
        ("33,2% объема инвестиций в основной капитал в 2015 году приходилось на организации сельского "
         "хозяйства; 18% - обеспечили предприятия энергетики; 15% - предприятия обрабатывающих производств.",
         "15%", "share"),
        ("Среди привлеченных средств наибольший вес имели кредиты банков – 49%, средства бюджетов – 34,1%.",
         "49%", "share"),
        ("Инвестиции по видам деятельности: - сельское хозяйство – 500,0 тыс. руб. (0,5 % от общего объема "
         "инвестиций); - обрабатывающие производства – 59,6 млн. руб. (56,6 %); - транспорт – "
         "300,0 тыс. руб. (0,3%).", "0,3%", "share"),
        # a change noun naming a level indicator; a past count by a date; a level to reach "до уровня"
        ("Естественный прирост численности населения в районе в 2015 году составил 157 человек.",
         "157 человек", "level"),
        ("К концу декабря 2015 года в центре занятости состояло на учёте 490 человек.", "490 человек",
         "level"),
        ("В 2018 году инфляция повысится до уровня 4,3% на конец года.", "4,3%", "target"),
        ("Из 148 торговых объектов 68 - реализуют продовольственные товары.", "148 торговых объектов",
         "level"),
        # the part of a plan done is a share, not a target
        ("Стационар выполнил план по койко-дням за 2015 год на 97% в целом.", "97%", "share"),
        ("Объем отгруженных товаров, выполненных работ и услуг составит 112,6 млн. руб., рост к 2016 году "
         "составит 103,4%.", "103,4%", "change"),
        # a share of respondents who say what they will do is no target, nor a planned share of a whole
        ("По итогам опроса 22% компаний сократят персонал.", "22%", "share"),
        ("Объем несырьевого экспорта области к 2030 году достигнет уровня 1710 млн. долларов США, что "
         "эквивалентно 80% совокупного экспорта.", "80%", "share"),
        ("Объем экспорта области к 2030 году составит 985 млн. долларов США, что превосходит уровень 2017 "
         "года на 59%.", "59%", "change"),
        # a future verb of another clause does not make a past count a plan
        ("В качестве основы будут использоваться существующие аналоги, в рамках которых описано более 700 "
         "препятствий для экспортной торговли.", "более 700 препятствий", "level"),
        # a percentage that "принадлежит"/"приходится на" is a part of a whole, as is one "из общего …"
        ("В обороте общественного питания 31,4% принадлежит сетевым кафе, 20,1% - столовым.", "20,1%",
         "share"),
        ("В 2017 году 18 % приходилось на экспорт зерна.", "18 %", "share"),
        ("Из общего числа безработных 41,5 % составляют женщины.", "41,5 %", "share"),
        # a percentage against a plan or a norm is the part of it done
        ("Ввод жилья составил 1,4 тыс. кв. м, что составило к плану на 2016 год 116,1%.", "116,1%", "share"),
        ("Обеспеченность больничными койками в 2017 году составила к нормативу 87,5%.", "87,5%", "share"),
        # a plan noun governed by a verb in the past states no plan; a plan verb or adjective does
        ("Прогноз развития поселения на 2019-2021 годы разработан в 2 вариантах.", "2 вариантах", "level"),
        ("Больница выполнила план по посещениям на 96%, средний срок лечения составил 9,8 дня.", "9,8 дня",
         "level"),
        ("В 2016 году планировалось ввести 4,5 тыс. кв. м жилья.", "4,5 тыс. кв. м", "target"),
        ("Постановлением утверждены целевые показатели: протяженность сетей 15 км.", "15 км", "target"),
        # a change "на X" whose qualifier opens the figure ("не менее чем на", "почти на")
        ("В результате будет увеличено поголовье коров не менее чем на 200 голов.",
         "не менее чем на 200 голов", "change"),
        ("Число субъектов МСП сократилось почти на 4% за год.", "почти на 4%", "change"),
        ("Выпуск хлеба вырос более чем на 15 тонн.", "более чем на 15 тонн", "change"),
        # a percentage over 100 alone in brackets is no share of a whole but an index
        ("Произведено молока 464 тонны (107,2 %), мяса 120 тонн (112 %).", "107,2 %", "ratio"),
        ("Рост выпуска обеспечен в производстве мебели (153,3 %), в обработке древесины (116,8 %).",
         "116,8 %", "ratio"),
        ("Объем продаж хлеба вырос, выпечка булок (121,5 %).", "121,5 %", "ratio"),
        # in brackets after a place it parallels the list's first figure: a growth rate, no share
        ("Быстрее всего растут поставки в страны: Индия (за 2016 - 2018 гг. среднегодовой темп роста "
         "поставок составил 320%), Вьетнам (215%), Турция (148%).", "148%", "change"),
        ("Рост численности прогнозируется не выше 101,0 % в год, к 2020 году она составит 1050 человек при "
         "базовом сценарии (102,0% к 2016 году), 1040 человек при консервативном (101,0%).", "101,0%",
         "ratio"),
        # of a norm or a plan it stays a share
        ("Загрузка коек дневного стационара выше нормы (110%).", "110%", "share"),
        ("Обеспеченность спортивными залами превышает норматив (134 %).", "134 %", "share"),
        # the items "на X" of a lead-in naming a change are that change
        ("За год наблюдается увеличение объемов отгрузки по сравнению с 2017 годом у предприятий:\n"
         "- ООО «Заря» - на 78,9 %;\n- АО «Восход» - на 12,1 %.", "12,1 %", "change"),
        ("В 2018 году снизили выпуск продукции следующие организации:\n- СПК «Нива» - на 3,2 млн. руб.;\n"
         "- ООО «Лес» - на 14 %.", "3,2 млн. руб.", "change"),
        ("Численность работников сократилась в отраслях:\n- торговля – на 35 человек;\n- транспорт – на 12 "
         "человек.", "12 человек", "change"),
    ],
)  # fmt: skip
def test_kind_of_plans_forecasts_changes_and_shares(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "period", "base"),
    [
        ("Потребительский рынок района в 2015 году представлен 579 объектами, что к уровню 2014 г. "
         "составляет 108,6%.", "108,6%", "2015", "2014"),
        ("Доля учреждений по итогам 2015 года составила 23,5%, что к уровню 2014 года - 101,6%.",
         "101,6%", "2015", "2014"),
        ("Продажа товаров на рынках за январь - декабрь 2018 года составила 1628,5 млн. рублей или "
         "93,1 % к 2017 году.", "93,1 %", "2018", "2017"),
        ("Объем работ в январе - декабре 2018 года составил 428,6 млн. рублей или 96,5 % к январю - декабрю "
         "2017 года.", "96,5 %", "2018", "2017-01/2017-12"),
        ("Ожидаемая величина прироста фонда оплаты труда к концу 2019 года относительно показателя 2016 "
         "года составит 117,4%.", "117,4%", "2019", "2016"),
        # an index: after "индекс", a growth from 100 % up, a base right after it
        ("В 2016 году все основные экономические показатели дали рост по сравнению с 2015 годом: индекс "
         "промышленного производства – 109,0%, производство сельхозпродукции – 100,4%.", "100,4%", "2016",
         "2015"),
        ("В 2015 году было введено 161,4 тыс. кв. м жилья, рост к 2014 году составил 140%.", "140%", "2015",
         "2014"),
        ("В 2017 году наблюдается снижение объема инвестиций, который составил 51,2% к аналогичному периоду "
         "2016 года.", "51,2%", "2017", "2016"),
    ],
)  # fmt: skip
def test_a_percentage_against_a_base_in_its_own_clause_is_a_ratio(text, quote, period, base):
    f = figure(text, quote)
    assert (f.kind, f.period_start[:4], f.base_period) == ("ratio", period, base)


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("В 2018 – 2020 годах прогнозируется умеренный рост лесозаготовок, индекс производства составит: в "
         "2018 г. – 104,3 %, в 2019 г. – 104,2 %.", "104,2 %", "target"),
        ("Однако положительная динамика индекса производства сохранится и составит в 2018 г. – 101,2 %.",
         "101,2 %", "target"),
        # an index number is a ratio to its base period even when the sentence states none (the
        # Солигаличский gold says so of this sentence)
        ("Индекс производства составил 169,7 %.", "169,7 %", "ratio"),
        # a change of the index stays a change
        ("Снижение индекса промышленного производства прогнозируется по производству электроэнергии, газа, "
         "пара и кондиционированию воздуха - 1,1%, по водоснабжению - 0,4%.", "1,1%", "change"),
        # a growth against no stated base, or below 100 %, stays a change
        ("Экспорт расширяется в следующие страны: Франция (за период 2016 - 2018 гг. среднегодовой темп "
         "роста экспорта составил более 900%).", "более 900%", "change"),
        ("Обеспеченность плоскостными сооружениями в 2015 году составила 7757,7 кв. м на 10 тыс. чел., "
         "рост к 2014 году составил 2,7%.", "2,7%", "change"),
    ],
)  # fmt: skip
def test_kind_of_an_index(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("Укомплектованность врачебными кадрами составляет – 46 %, средними медицинскими работниками – 59 %.",
         "59 %", "share"),
        ("В результате использование расчетной лесосеки в 2016 г. составило 47,0 %, что на 10,9 % выше "
         "уровня 2015 года.", "47,0 %", "share"),
        ("Охват детей услугами дошкольного образования к 2019 году составит 98%.", "98%", "target"),
    ],
)  # fmt: skip
def test_the_part_of_a_norm_met_is_a_share_unless_planned(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("Согласно оценке, в 2016 году численность постоянного населения (среднегодовая) увеличится на 1164 "
         "человека (1,6 %) и составит 73,57 тыс. чел.", "1,6 %", "change"),
        ("Так индивидуальными застройщиками за год было введено 123,3 тыс. кв.м (76% в общем объеме "
         "введённого жилья).", "76%", "share"),
        ("Привлеченные средства (55 - 60%) направлены на строительство.", "55 - 60%", "share"),
    ],
)  # fmt: skip
def test_a_percentage_in_brackets_after_a_change_or_of_a_whole(text, quote, kind):
    assert figure(text, quote).kind == kind


def test_a_percentage_in_brackets_after_a_change_is_that_change_against_the_base():
    text = (
        "Сырьевой экспорт в 2017 году вырос в 2,3 раза по сравнению с уровнем 2016 года и продолжил свой "
        "рост в 2018 году (6,2% по сравнению с уровнем 2017 года)."
    )
    f = figure(text, "6,2%")
    assert (f.kind, f.period, f.base_period) == ("change", "2018", "2017")


def test_the_share_before_an_index_of_its_sentence_stays_a_share():
    text = "Доля учреждений по итогам 2015 года составила 23,5%, что к уровню 2014 года - 101,6%."
    f = figure(text, "23,5%")
    assert (f.kind, f.base_period) == ("share", None)


_PLANNED_RESULTS = (
    "Реализация мероприятий программы позволит достичь следующих результатов:\n"
    "ввод в действие 12 км водопроводных сетей;\n"
    "обеспечение жильем 34 молодых семей."
)
_PROJECTS = (
    "В районе реализуются следующие инвестиционные проекты:\n"
    "- строительство птицефабрики на 500 тыс. голов (инвестор – ООО «Рос», сроки реализации проекта – "
    "2017 - 2019 гг., стоимость проекта – 850 млн. рублей);\n"
    "- реконструкция элеватора на 40 тыс. тонн (сроки реализации проекта – 2018 г.)."
)
_FINANCING = (
    "Общий объем финансирования подпрограммы на 2016 - 2018 годы составляет 12 450,0 тыс. рублей, в том "
    "числе:\nсредства областного бюджета – 8 300,0 тыс. рублей;\nсредства местного бюджета – 4 150,0 тыс. "
    "рублей."
)


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # the items of a list whose lead-in plans (a future verb), also the second item
        (_PLANNED_RESULTS, "12 км", "target"),
        (_PLANNED_RESULTS, "34 молодых семей", "target"),
        # ... not when the lead-in reports the past
        ("В 2015 году достигнуты следующие результаты:\nввод в действие 12 км водопроводных сетей;\n"
         "обеспечение жильем 34 молодых семей.", "34 молодых семей", "level"),
        # a sentence broken after its plan verb goes on from the line before
        ("За период реализации подпрограммы предполагается построить\n120 км газовых сетей и 15 км "
         "водопроводов.", "15 км", "target"),
        ("За 2015 год в районе построено\n120 км газовых сетей.", "120 км", "level"),
        # the items of a list of projects: their capacity and cost (in brackets) are planned; a name in
        # quotes that reads as a past verb ("Рос") is none
        (_PROJECTS, "500 тыс. голов", "target"),
        (_PROJECTS, "850 млн. рублей", "target"),
        (_PROJECTS, "40 тыс. тонн", "target"),
        # ... not an industry, nor works reported without a project
        ("Инвестиции по видам деятельности распределяются следующим образом:\n- строительство – 12,5 млн. "
         "руб.;\n- торговля – 3,1 млн. руб.", "12,5 млн. руб.", "level"),
        ("Инвестиции в основной капитал в 2016 году составляют 19,2 млн. рублей:\n- реконструкция здания "
         "школы на 120 мест – 15,4 млн. рублей;\n- введен в эксплуатацию цех площадью 300 м2.",
         "15,4 млн. рублей", "level"),
        # a programme's financing is its plan, and so are the parts listed after it
        (_FINANCING, "12 450,0 тыс. рублей", "target"),
        (_FINANCING, "4 150,0 тыс. рублей", "target"),
        ("На финансирование программы в 2015 году было направлено 3,2 млн. рублей.", "3,2 млн. рублей",
         "level"),
        # ... as the indicator catalog names it (`programme_financing`): also of its measures, and its
        # appropriations
        (_FINANCING.replace("подпрограммы", "мероприятий"), "4 150,0 тыс. рублей", "target"),
        ("Бюджетные ассигнования на реализацию программы на 2016 - 2018 годы составляют 12 450,0 тыс. "
         "рублей.", "12 450,0 тыс. рублей", "target"),
    ],
)  # fmt: skip
def test_the_items_of_a_plan_are_targets(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # "до" closing a span opened by "от" is no level to reach
        ("Прирост выручки ожидается в пределах от 3,1% в 2018 году до 7,4% в 2020 году.", "до 7,4%",
         "change"),
        # the whole a percentage is part of, named before it
        ("В структуре расходов бюджета в 2016 году преобладали расходы на образование – 54%.", "54%",
         "share"),
        ("Вклад малых предприятий в общем объеме выпуска района невелик – всего 4,2%.", "4,2%", "share"),
        ("Производство мяса во всех категориях хозяйств будет демонстрировать рост в среднем на 3,5% в год "
         "по первому варианту и 4,1% по второму варианту.", "4,1%", "change"),
    ],
)  # fmt: skip
def test_a_span_end_is_a_change_and_a_part_of_a_named_whole_a_share(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize("quote", ["112,4%", "115,0%"])
def test_a_forecast_growth_against_a_stated_base_is_a_ratio(quote):
    text = "Темп роста объема инвестиций к уровню 2016 года составит 112,4% и 115,0% по двум вариантам."
    f = figure(text, quote)
    assert (f.kind, f.base_period) == ("ratio", "2016")


@pytest.mark.parametrize(
    ("text", "quote", "base"),
    [
        ("Объем производства сократится до 95% к уровню 2014 года.", "до 95%", "2014"),
        ("Индекс производства снизится до 98,5% к уровню 2016 года.", "до 98,5%", "2016"),
    ],
)
def test_a_level_to_reach_against_a_base_right_after_it_is_a_ratio(text, quote, base):
    f = figure(text, quote)
    assert (f.kind, f.base_period) == ("ratio", base)


def test_a_level_to_reach_without_a_base_stays_a_target():
    f = figure("Уровень безработицы сократится до 1,0%.", "до 1,0%")
    assert (f.kind, f.base_period) == ("target", None)


def test_a_forecast_index_after_a_growth_of_another_clause_stays_a_target():
    text = (
        "Положительные темпы роста сохранятся в обрабатывающих производствах, индекс производства "
        "составит 101,2% к предыдущему году, в 2019 г. – 101,6%."
    )
    assert figure(text, "101,6%").kind == "target"


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # a change noun in the genitive of another phrase states no change of the figure
        ("В прогнозном периоде показатель будет снижаться из-за сокращения объемов работ и составит 420,5 "
         "млн. рублей.", "420,5 млн. рублей", "target"),
        # ... after "темп" or a trend noun it does
        ("Темп роста выручки составил 5,2%.", "5,2%", "change"),
        ("В районе отмечается тенденция снижения численности населения в количестве 40-50 человек "
         "ежегодно.", "40-50 человек", "change"),
        # a level to reach after a change verb is no index of the base of another part of the sentence
        ("К 2020 году, по прогнозу, объем сохранится на уровне 2017 года по первому варианту и сократится "
         "до 2,5% по второму варианту.", "до 2,5%", "target"),
    ],
)  # fmt: skip
def test_the_change_noun_of_a_figure_and_a_level_to_reach(text, quote, kind):
    assert figure(text, quote).kind == kind


def test_a_payment_in_a_sentence_about_a_structure_stays_a_part():
    f = figure("В структуре доходов бюджета наибольший вес имеют налоги на имущество – 40%.", "40%")
    assert (f.kind, f.measure) == ("share", "доля налогов на имущество в доходах бюджета")


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("Сельские поселения с населением менее 500 человек составляют 40 процентов.", "40 процентов",
         "share"),
        ("Привлеченные средства в 2016 году составили 12,5 %.", "12,5 %", "share"),
        # a rate or level named in the plural, a change
        ("Процентные ставки по кредитам составляют 15%.", "15%", "level"),
        ("Темпы роста выручки составляют 108%.", "108%", "change"),
        # a payment rate in the plural: its percentage is a rate, not a share of all payments
        ("Страховые взносы составляют 30%.", "30%", "level"),
        ("Налоги на доходы физических лиц составляют 13%.", "13%", "level"),
        ("Таможенные пошлины на ввоз оборудования составляют 5%.", "5%", "level"),
    ],
)  # fmt: skip
def test_a_percentage_that_things_in_the_plural_make_up_is_their_share(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # a lead-in that names a change: the percentages alone in brackets of its items are that change
        ("В 2017 году объем отгрузки составит 812,4 млн. рублей, в том числе рост объемов ожидается:\n"
         "в производстве мебели (4,5%); в производстве напитков (12%).", "12%", "change"),
        # ... a lead-in that names none keeps them shares
        ("Объем отгрузки в 2017 году распределяется по отраслям следующим образом:\n"
         "производство мебели (4,5%); производство напитков (12%).", "12%", "share"),
    ],
)  # fmt: skip
def test_the_bracketed_percentages_of_the_items_of_a_change(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a name in quotes hides no verb of the clause, whatever its quotes
        ("Объем финансирования программы в СПК „Нива“ составил 1200 тыс. рублей.", "level"),
        ("Объем финансирования программы в СПК «Нива» составил 1200 тыс. рублей.", "level"),
        # and a word of it is no verb of the clause ("Рос" is no past tense of "расти")
        ('Объем финансирования программы ООО "Рос" составляет 1200 тыс. рублей.', "target"),
        ("Объем финансирования программы ООО «Рос» составляет 1200 тыс. рублей.", "target"),
    ],
)
def test_a_name_in_quotes_is_read_apart_from_the_clause(text, kind):
    assert figure(text, "1200 тыс. рублей").kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("В Москве индекс потребительских цен за месяц составил 99,1% (с начала года - 102,4%).", "102,4%",
         "ratio"),  # an index number is a ratio to its base period, stated or not
        ("Индекс производства мебели в июле 2018г. составил 103,2%, в январе-июле 2018г. - 101,7%.", "101,7%",
         "ratio"),
        ("В 2019 году индекс промышленного производства составит 102,3%.", "102,3%", "target"),  # a plan's
    ],
)  # fmt: skip
def test_an_index_numbers_percentage_is_a_ratio_unless_planned(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # an estimate in the present tense of a period its clause names is a forecast of it
        ("В 2019 году оборот розничной торговли оценивается в сумме 98,4 млрд. рублей.", "98,4 млрд. рублей",
         "target"),
        ("Внешнеторговый оборот области в 2019 году оценивается в объеме 512,3 млн. долларов США.",
         "512,3 млн. долларов США", "target"),
        # ... undated it is a level, and in the past tense what was estimated then
        ("Стоимость нового корпуса оценивается в 240 млн. рублей.", "240 млн. рублей", "level"),
        ("В 2015 году оборот оценивался в 10,2 млрд. рублей.", "10,2 млрд. рублей", "level"),
        # ... and a change against a base stays a change
        ("Динамика добычи полезных ископаемых оценивается ростом на 2,1% к уровню 2018 года.", "2,1%",
         "change"),
    ],
)  # fmt: skip
def test_an_estimate_of_a_named_period_is_a_target(text, quote, kind):
    assert figure(text, quote).kind == kind


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # a lead-in naming the whole, in brackets too: the percentages of the list after its colon are parts
        ("Область занимает ведущее место в производстве (от общего объема по Российской Федерации): "
         "льняных тканей – 31%, фанеры – 8%.", "8%", "share"),
        ("В общем объеме отгрузки выделяются: производство мебели – 12%, производство напитков – 9%.", "9%",
         "share"),
        # ... a lead-in naming no whole keeps them what their clause says
        ("Рост производства составил: мебели – 12%, напитков – 9%.", "9%", "change"),
    ],
)  # fmt: skip
def test_the_percentages_of_a_list_whose_lead_in_names_the_whole_are_shares(text, quote, kind):
    assert figure(text, quote).kind == kind


def test_an_amount_in_brackets_after_a_share_is_the_parts_level():
    # Kursk export strategy, p. 38: the amount restates the share's part, whatever change the sentence names
    text = (
        "Кроме этого, возможен рост экспорта за счет рынков Узбекистана, Германии, Китая, Индии, Монголии, "
        "Армении, Литвы, Польши, на долю которых приходится 33,5% российского экспорта (более 59,9 млн. "
        "долл. США). Доля экспорта в ВРП составила 12% (5 млрд. рублей). Экспорт вырос на 5% (на 10 млн. "
        "долларов)."
    )
    amount = figure(text, "более 59,9 млн. долл. США")
    assert (amount.kind, amount.measure, amount.base_period) == ("level", "экспорт", None)
    restated = figure(text, "5 млрд. рублей")
    assert (restated.kind, restated.measure) == ("level", "экспорт")
    assert figure(text, "10 млн. долларов").kind == "change"  # a change restated stays a change


def test_a_plus_sign_marks_an_increase():
    text = 'Наибольший вклад внесли товары "Руды" (+170 млн. долл. США) и "Мясо" (+11 млн. долл. США).'
    assert figure(text, "170 млн. долл. США").kind == "change"
    assert figure("Температура в январе составила +5 градусов.", "5 градусов").kind == "level"


def test_a_rosstat_index_after_a_bracket_of_words_and_its_restated_pair():
    text = (
        'Объем работ, выполненных по виду деятельности "Строительство", в июле 2017г. составил 600,1 '
        "млрд.рублей, или 104,0% (в сопоставимых ценах) к уровню соответствующего периода предыдущего "
        "года, в январе-июле 2017г. - 3100,2 млрд. рублей, или 99,8%."
    )
    rows = [(f.kind, f.base_period, f.indicator, f.subject) for f in extract_page(text).figures]
    assert rows == [
        ("level", None, "construction_volume", None),  # "Строительство" names the activity, no company
        ("ratio", "2016-07", "construction_volume", None),
        ("level", None, "construction_volume", None),
        ("ratio", "2016-01/2016-07", "construction_volume", None),
    ]


def test_what_is_done_for_a_purpose_is_no_plan():
    text = "В целях развития ярмарочной торговли ежегодно проводится свыше 340 различных ярмарок."
    assert figure(text, "свыше 340 различных ярмарок").kind == "level"
    assert (
        figure("Цель программы - увеличение числа ярмарок до 400 единиц.", "до 400 единиц").kind == "target"
    )


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("В целом за прогнозный период прирост оборота розничной торговли составит 6,4% к уровню 2018 года.",
         "6,4%", "change"),
        ("Среднемесячная заработная плата сложилась в размере 29,3 тыс. руб., что выше показателя 2014 года "
         "на 5%.", "5%", "change"),
        ("Темп роста к уровню 2015 года составит 109,7%.", "109,7%", "ratio"),  # an index stays one
        ("Индекс производства составит 98,5% к уровню 2017 года.", "98,5%", "ratio"),
    ],
)  # fmt: skip
def test_a_small_percentage_a_clause_states_as_a_change_is_no_index(text, quote, kind):
    assert figure(text, quote).kind == kind


def test_a_forecast_participle_makes_a_target_and_is_no_part_of_the_measure():
    text = (
        "Бюджет спрогнозирован с профицитом на 2020 год в размере 39,6 млн. рублей, на 2021 год – в "
        "размере 59,4 млн. рублей."
    )
    for quote, year in (("39,6 млн. рублей", "2020"), ("59,4 млн. рублей", "2021")):
        f = figure(text, quote)
        # the amount frame names the surplus, and the second item repeats it (`figures.frames`)
        assert (f.kind, f.measure, f.indicator, f.period) == ("target", "профицит", "budget_balance", year)


def test_a_percentage_after_the_number_of_a_part_is_its_share():
    """ "из них 1500 (60%) - мужчины, 1000 (40%) - женщины": the parts of a whole stated before "из
    них" with their percentages in brackets; without "из них" no part is stated, and an index over
    100 after an amount stays a ratio."""
    text = "Численность работников составила 2500 человек, из них 1500 (60%) - мужчины, 1000 (40%) - женщины."
    assert figure(text, "60%").kind == figure(text, "40%").kind == "share"
    assert figure("Выпуск молока составил 464 тонны (107 %).", "107 %").kind == "ratio"
    assert figure("Число предприятий составило 120 (15%).", "15%").kind != "share"
