"""Reporting periods and comparison bases through the production path (`extract_page` with real
dates and NLP; `process_document` for periods carried across pages)."""

from __future__ import annotations

import pytest
from extracting import figure

from pipeline.ingest import process_document

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
    first, last = figure(text, "186,5"), figure(text, "до 243,7 млн")
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
    assert (figure(text, "85 субъектов").period_start, figure(text, "85 субъектов").period_end) == (
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
