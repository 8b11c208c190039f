"""The lexicon is the one place a unit, sign or counted noun lives: every entry reaches the figure
grammar, the normalizer and the table-label parser. Rows run through the production path
(`extract_page`: real dates, real NLP)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from extracting import figure

from pipeline import lexicon
from pipeline.extract import extract_page
from pipeline.extract.numbers import unit_of
from pipeline.extract.tables import label_unit

# One row per lexicon addition: sentence, quote, value, power of ten, unit, counted noun.
ADDITIONS = [
    ("Выработка составила 12,4 млрд ГВт·ч в 2019 году.", "12,4 млрд ГВт·ч", 12.4, 9, "GWH", None),
    ("Мощность станции достигнет 1 200 МВт к 2025 году.", "1 200 МВт", 1200, 0, "MW", None),
    ("Построена линия электропередачи напряжением 500 кВ.", "500 кВ", 500, 0, "KV", None),
    ("Отпуск тепловой энергии составил 93,76 тыс.Гкал.", "93,76 тыс.Гкал", 93.76, 3, "GCAL", None),
    ("Котельные мощностью 87,1 Гкал/ч греют город.", "87,1 Гкал/ч", 87.1, 0, "GCAL_H", None),
    ("Грузооборот в августе составил 451,3 млрд.т-км.", "451,3 млрд.т-км", 451.3, 9, "TONNE_KM", None),
    ("Грузооборот - 3326,6 тонно-километров.", "3326,6 тонно-километров", 3326.6, 0, "TONNE_KM", None),
    ("Потребление составило 1,2 млн кВт·ч за год.", "1,2 млн кВт·ч", 1.2, 6, "KWH", None),
    ("Станция выработала 350 МВт·ч в январе.", "350 МВт·ч", 350, 0, "MWH", None),
    ("АЭС страны произвели 215,7 тераватт-часов.", "215,7 тераватт-часов", 215.7, 0, "TWH", None),
    ("Выработка ГЭС — 190,2 ТВт·ч.", "190,2 ТВт·ч", 190.2, 0, "TWH", None),
    ("Индекс предпринимательской уверенности снизился на 5 пунктов.", "5 пунктов", 5, 0, "COUNT", "пункт"),
    ("Средняя зарплата в Казахстане составила 250 тыс. ₸ в месяц.", "250 тыс. ₸", 250, 3, "KZT", None),
    ("«Газпром» в 2012 году добыл 478 млрд кубометров.", "478 млрд кубометров", 478, 9, "M3", None),
    ("Объем бассейна - 2500 кубических метров.", "2500 кубических метров", 2500, 0, "M3", None),
    ("Нарушителям грозит штраф до 100 тыс. шекелей.", "до 100 тыс. шекелей", 100, 3, "ILS", None),
    ("Автомобили с двигателем 1500 куб. см облагаются пошлиной.", "1500 куб. см", 1500, 0, "CM3", None),
    ("Подстанция мощностью 2 x 40 МВА введена в строй.", "40 МВА", 40, 0, "MVA", None),
    ("В 2016 году индекс составил 226,9 балла.", "226,9 балла", 226.9, 0, "POINT", None),
    ("Срок подключения к сетям составил 65 дней.", "65 дней", 65, 0, "DAY", None),
    ("Разрешение выдаётся за 3 сут.", "3 сут.", 3, 0, "DAY", None),
    ("Смена на заводе длится 12 часов.", "12 часов", 12, 0, "HOUR", None),
    ("Протяженность сетей водоснабжения составляет 3750 пог. м.", "3750 пог. м", 3750, 0, "M", None),
    ("Построено 119076 п.м тепловых сетей.", "119076 п.м", 119076, 0, "M", None),
    ("Проложено 2,5 тыс. погонных метров сетей.", "2,5 тыс. погонных метров", 2.5, 3, "M", None),
    ("Глубина скважины составляет 120 метров.", "120 метров", 120, 0, "M", None),
    ("Заявка рассматривается в течение 48 ч. после подачи.", "48 ч.", 48, 0, "HOUR", None),
    ("Каждый снимок занимает около 900 байт.", "около 900 байт", 900, 0, "BYTE", None),
    ("Размер архива не превышает 640 КБ.", "640 КБ", 640, 0, "KB", None),
    ("Объём базы данных составил 350 Мбайт.", "350 Мбайт", 350, 0, "MB", None),
    ("Хранилище портала занимает 12,5 ГБ.", "12,5 ГБ", 12.5, 0, "GB", None),
    ("Тариф включает 30 Гб мобильного трафика.", "30 Гб", 30, 0, "GB", None),
    ("Объём облачного хранилища достиг 4 Тбайт.", "4 Тбайт", 4, 0, "TB", None),
    ("Урожайность зерновых культур в 2019 году составила 25,3 ц/га.", "25,3 ц/га", 25.3, 0, "Q_HA", None),
    ("Средняя урожайность подсолнечника достигла 18,6 ц / га.", "18,6 ц / га", 18.6, 0, "Q_HA", None),
    ("Площадь участка под ИЖС составляет 6 соток.", "6 соток", 6, 0, "ARE", None),
    ("Перелёт пройдёт на скорости 140 км/ч.", "140 км/ч", 140, 0, "KMH", None),
    ("Многодетным семьям выделены участки по 15 соток.", "15 соток", 15, 0, "ARE", None),
    ("Производство пива в 2019 году составило 12,5 млн дкл.", "12,5 млн дкл", 12.5, 6, "DAL", None),
    ("Объем заготовки составил 150 тыс. плотн. м3.", "150 тыс. плотн. м3", 150, 3, "M3", None),
    ("Мощность подстанции составляет 2500 кВ·А.", "2500 кВ·А", 2500, 0, "KVA", None),
    ("Введены трансформаторы мощностью 630 кВА.", "630 кВА", 630, 0, "KVA", None),
    # English spellings of scales and units (bilingual papers)
    ("Remittances reached USD 5.2 bn in 2018.", "USD 5.2 bn", 5.2, 9, "USD", None),
    ("Exports were $5 billion last year.", "$5 billion", 5, 9, "USD", None),
    ("Grain output grew to 7 million tonnes.", "7 million tonnes", 7, 6, "TONNE", None),
    ("The fund holds 40 thousand euros.", "40 thousand euros", 40, 3, "EUR", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote", "value", "mult", "unit", "counted"), ADDITIONS)
def test_lexicon_additions_are_figures(text, quote, value, mult, unit, counted):
    f = figure(text, quote)
    assert (f.value, f.unit_mult, f.unit, f.counted) == (value, mult, unit, counted)


def test_case_matters_only_for_capitalized_spellings():
    """ "кВ" is a kilovolt; "3 кв." is a quarter (a date), "кв. км" an area."""
    facts = extract_page("В 3 кв. 2019 г. освоено 15 кв. км территории.")
    assert [(f.value, f.unit) for f in facts.figures] == [(15, "KM2")]
    assert unit_of("кВ") == "KV" and unit_of("кв") is None


def test_a_bare_m_is_no_metre():
    """ "м" alone is often an area whose "²" the parse lost ("Млн.м общей площади"): only "метр"
    and the running-metre spellings are metres."""
    assert unit_of("м") is None and unit_of("метров") == "M" and unit_of("п.м") == "M"
    assert [f.unit for f in extract_page("Высота здания 12 м, глубина скважины 120 метров.").figures] == ["M"]


def test_percentage_points_stay_a_unit_when_points_are_counted():
    f = figure("Безработица снизилась на 1,2 процентных пункта за год.", "1,2 процентных пункта")
    assert f.unit == "PP"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [  # Инвестиционная декларация Курской области 2022, pp. 9-10
        ("Территория парка (103 Га) располагается в восточной части Курского района.", "103 Га",
         "площадь территории парка"),
        ("Территория ОЭЗ составляет 237,05 га, существует потенциал в части свободных площадей.", "237,05 га",
         "площадь территории ОЭЗ"),
        ("Текущая мощность электроснабжения 22,2 МВт (свободно 11,1 МВт).", "22,2 МВт",
         "мощность электроснабжения"),
        # a head naming a quantity, a rate or an action stays
        ("Посевные площади составили 120 тыс. га.", "120 тыс. га", "посевные площади"),
        ("Введено 19775 кв. метров жилья.", "19775 кв. метров", "ввод жилья"),
        ("Земельный фонд региона составляет 3 млн. га.", "3 млн. га", "земельный фонд"),
    ],
)  # fmt: skip
def test_an_area_or_a_power_of_a_thing_measures_its_surface_or_capacity(text, quote, measure):
    """QUANTITY_HEADS: the thing's noun group becomes "площадь …", "мощность …" in the genitive."""
    assert figure(text, quote).measure == measure


def test_a_number_of_days_measures_the_time_a_procedure_takes():
    """QUANTITY_HEADS: a list item's noun group becomes "срок ..." in the genitive."""
    text = "- регистрация права собственности (в 2017 году – 7 дней, в 2020 году – 4 дня)"
    assert figure(text, "4 дня").measure == "срок регистрации права собственности"
    f = figure("Срок получения разрешения на строительство составил 89 дней.", "89 дней")
    assert f.measure.startswith("срок получения разрешения")
    assert [f.unit for f in extract_page("Это длилось 10 лет и 3 месяца.").figures] == []


@pytest.mark.parametrize(
    ("text", "quote", "value", "mult", "unit"),
    [
        ("Там работают более полумиллиона работников.", "более полумиллиона работников", 0.5, 6, "COUNT"),
        ("Бюджет составил полмиллиарда рублей.", "полмиллиарда рублей", 0.5, 9, "RUB"),
        ("Выделено полтысячи грантов.", "полтысячи грантов", 0.5, 3, "COUNT"),
    ],
)
def test_halved_scale_words(text, quote, value, mult, unit):
    """HALF_PREFIXES + SCALES: "полумиллиона" is 0.5 × 10^6."""
    f = figure(text, quote)
    assert (f.value, f.unit_mult, f.unit) == (value, mult, unit)


def test_words_starting_like_a_half_are_not_scales():
    assert [f.value for f in extract_page("Полуостров и полусфера, затраты 5 млн руб.").figures] == [5.0]


@pytest.mark.parametrize(
    ("label", "unit", "mult"),
    [
        ("Выработка, млн ГВт·ч", "GWH", 6),
        ("Установленная мощность, МВт", "MW", 0),
        ("Отпуск тепла, тыс. Гкал", "GCAL", 3),
        ("Мощность котельной, Гкал/ч", "GCAL_H", 0),
        ("Грузооборот транспорта, млрд.т-км", "TONNE_KM", 9),
        ("Напряжение, кВ", "KV", 0),
        ("Объём хранилища, тыс. ГБ", "GB", 3),
        ("Время ожидания, ч.", "HOUR", 0),
        ("Зарплата, тыс. ₸", "KZT", 3),
        ("млн. долл. США", "USD", 6),
        ("тыс. чел.", "COUNT", 3),
        ("в т.ч. экспорт", None, 0),
        ("Водка, млн.дкл", "DAL", 6),
        ("Щепа технологическая, тыс.плотн.м³", "M3", 3),
        ("Трансформаторы электрические, млн кВ·А", "KVA", 6),
        ("Урожайность зерновых, ц/га", "Q_HA", 0),
        ("Средняя площадь участка, соток", "ARE", 0),
        # years only as a label's whole unit: not a period nor an age group
        ("Ожидаемая продолжительность жизни при рождении, лет", "YEAR", 0),
        ("Средний стаж работы, в годах", "YEAR", 0),
        ("лет", "YEAR", 0),
        ("Численность населения старше 65 лет", None, 0),
        ("в том числе в возрасте, лет", None, 0),  # the years of the age groups under it
        ("Возрастные группы, лет", None, 0),
        ("Значение показателя за 2019 год", None, 0),
        ("Годы", None, 0),
    ],
)
def test_table_labels_use_the_same_lexicon(label, unit, mult):
    assert label_unit(label) == (unit, mult)


@pytest.mark.parametrize(
    "text",
    [
        "Ожидаемая продолжительность жизни при рождении в 2019 году составила 70,5 лет.",
        "Средний возраст работников больницы составляет 47,5 лет.",
        "За 13 лет численность населения района сократилась.",
    ],
)
def test_a_number_of_years_in_running_text_is_no_figure(text):
    """YEAR is no free unit: "N лет" in a sentence is a span, an age or a term the gold does not count;
    only a table label states years as the unit of its cells (`test_table_labels_use_the_same_lexicon`)."""
    figures = extract_page(text).figures
    assert [f.unit for f in figures if f.unit == "YEAR"] == []
    assert not [f for f in figures if "лет" in text[f.char_start : f.char_end]]


def _spellings():
    for u in lexicon.UNITS:
        for s in (*u.lemmas, *u.abbrs, *u.signs, *u.codes, *u.exact, *u.english):
            yield u.code, s


@pytest.mark.parametrize(("code", "spelling"), list(_spellings()))
def test_every_spelling_normalizes_to_its_code(code, spelling):
    assert unit_of(spelling) == code


def test_each_unit_is_one_entry_but_a_currency_s_coin():
    """All spellings of a unit in one `Unit` ("плотн. м³" is M3's); only a coin ("копейка") is an
    entry of its currency's code besides the currency's own."""
    codes = Counter(u.code for u in lexicon.UNITS if not u.coin)
    assert [code for code, n in codes.items() if n > 1] == []


def test_not_counted_holds_no_counted_noun():
    assert not set(lexicon.COUNTED_NOUNS) & lexicon.not_counted()
    assert {"год", "январь", "тысяча", "рубль", "процентный"} <= lexicon.not_counted()


def test_base_cues_name_a_level_or_a_value_with_or_without_an_adjective():
    """One cue list for text and tables: "относительно уровня", "к среднемесячному значению" end
    a base cue; a bare "к" (a deadline in text: "к 2030 году") does not."""
    cue = re.compile(lexicon.base_cue_pattern() + r"\s*$", re.I)
    for lead in (
        "Относительно уровня ",
        "по сравнению с уровнем ",
        "в % к среднемесячному значению ",
        "к уровню ",
    ):
        assert cue.search(lead), lead
    assert not cue.search("к ") and not cue.search("достигнет ")


def test_relative_units_are_percents_points_and_times():
    assert [lexicon.relative_unit(u) for u in ("PERCENT", "PP", "TIMES", "RUB", "COUNT", None)] == [
        True, True, True, False, False, False,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "quote", "period", "base"),
    [
        # Kursk export strategy, p. 1
        ("В 2018 году объем экспорта достиг 692,9 млн. долл. США. Относительно уровня 2017 года "
         "объем экспорта увеличился на 9,8%.", "9,8%", "2018-01-01", "2017"),
        ("В августе 2017 года индекс производства составил 103,1% к среднемесячному значению 2016 года.",
         "103,1%", "2017-08-01", "2016"),
    ],
)  # fmt: skip
def test_text_figures_share_the_base_cues(text, quote, period, base):
    f = figure(text, quote)
    assert (f.period_start, f.base_period) == (period, base)


@pytest.mark.parametrize(
    ("line", "table", "continued", "caption"),
    [
        ("Таблица N 3", True, False, True),
        ("Табл. 2. Экспорт области", True, False, True),
        ("Таблица1 Инвестиции", True, False, True),
        ("Table 5: Descriptive statistics", True, False, True),
        ("Таблицами 1-3 показано", False, False, False),
        ("Окончание табл. 2", False, True, False),
        ("Рис. 3. Динамика экспорта", False, False, True),
        ("Источник: Росстат", False, False, True),
        ("Рисовые поля занимают 5 тыс. га", False, False, False),
    ],
)
def test_caption_lines_are_one_list_of_words(line, table, continued, caption):
    """A table's caption, a continued table's and any caption line (which ends a section period)
    are told from the words of one lexicon entry each."""
    assert bool(lexicon.TABLE_CAPTION.match(line)) is table
    assert bool(lexicon.CONTINUED_TABLE.match(line)) is continued
    assert bool(lexicon.CAPTION_LINE.match(line)) is caption


def test_a_table_reference_gives_its_number():
    found = [m.group(1) for m in lexicon.TABLE_REFERENCE.finditer("(таблица N 3), см. табл. 12 и таблицу №4")]
    assert found == ["3", "12", "4"]
