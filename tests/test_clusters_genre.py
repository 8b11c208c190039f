"""Cluster records from cluster-policy prose written for this test (regional strategies, cluster
passports, news of the Минпромторг/Минэкономразвития registers), through the production path:
`extract_page` (real dates, figures and NLP) and the per-document merge.

One case per attribute and per alias/variant form; each expected record was read off its paragraph
by hand: every attribute the text states about that cluster, and nothing it does not state.
"""

from __future__ import annotations

import natasha  # noqa: F401  (import before pymorphy users)
import pytest

from pipeline.extract import extract_page
from pipeline.extract.clusters import resolve_clusters


def _records(text: str, document_texts: tuple[str, ...] = ()) -> dict:
    facts = extract_page(text).clusters
    merged = resolve_clusters([(f, 1) for f in facts], document_texts=document_texts)
    return {fact.name: fact for fact, _ in merged}


def _value(fact, attribute: str):
    return getattr(fact, attribute) if hasattr(fact, attribute) else fact.attributes.get(attribute)


def _check(text: str, expected: dict, document_texts: tuple[str, ...] = ()) -> None:
    records = _records(text, document_texts)
    assert set(records) == set(expected)
    for name, attributes in expected.items():
        got = {a: _value(records[name], a) for a in attributes}
        assert got == attributes, name


# --- attributes stated in the sentences after the one naming the cluster ------------------------

FOLLOWING = {
    "kind word subject": (
        "В 2012 году в Курской области был создан Курский электротехнический кластер. Кластер "
        "объединяет 25 предприятий.",
        {
            "Курский электротехнический кластер": {
                "founded_year": 2012,
                "region": "Курская область",
                "field": "электротехника",
                "participants": 25,
            }
        },
    ),
    "possessive pronoun": (
        "Пензенский кластер «Безопасность» образован в 2013 году. В его состав входят 19 организаций, "
        "на которых трудятся 8,5 тыс. человек.",
        {
            "Пензенский кластер «Безопасность»": {
                "region": "Пензенская область",
                "founded_year": 2013,
                "participants": 19,
                "employees": 8500,
            }
        },
    ),
    "genitive kind word": (
        "Ульяновский авиационный кластер создан в 2009 году. Участниками кластера являются 12 организаций.",
        {
            "Ульяновский авиационный кластер": {
                "founded_year": 2009,
                "participants": 12,
                "field": "авиастроение",
            }
        },
    ),
    "unnamed residents": (
        "Индустриальный парк «Росва» площадью 114 га расположен в Калужской области. Количество "
        "резидентов — 12, инвестиции резидентов составили 18,4 млрд руб.",
        {
            "Индустриальный парк «Росва»": {
                "region": "Калужская область",
                "area_km2": 1.14,
                "residents": 12,
                "participants": 12,
                "investment": 18.4e9,
            }
        },
    ),
    "unnamed participants": (
        "Индустриальный парк «Север» создан в 2017 году. Участниками являются 9 организаций, в "
        "которых работают 1 200 человек.",
        {"Индустриальный парк «Север»": {"founded_year": 2017, "participants": 9, "employees": 1200}},
    ),
    "participants of something else": (
        "Кластер «Фотоника» создан в 2014 году. Участники форума представили 15 проектов. "
        "Участниками программы стали 12 предприятий.",
        {"Кластер «Фотоника»": {"founded_year": 2014, "participants": None}},
    ),
    "site, jobs and investment in later sentences": (
        "Кластер «Фотоника» создан в 2014 году. Сайт кластера — www.photonica-perm.ru. Предприятия "
        "кластера создали 450 рабочих мест. Объем инвестиций в развитие кластера составил 2,5 млрд "
        "рублей.",
        {
            "Кластер «Фотоника»": {
                "founded_year": 2014,
                "url": "www.photonica-perm.ru",
                "jobs": 450,
                "investment": 2.5e9,
                "investment_unit": "RUB",
            }
        },
    ),
    "register news": (
        "Минпромторг России включил Липецкий металлургический кластер в реестр промышленных кластеров. "
        "В кластер вошли 15 предприятий региона с общей численностью работников 4,3 тыс. человек.",
        {
            "Липецкий металлургический кластер": {
                "region": "Липецкая область",
                "field": "металлургия",
                "participants": 15,
                "employees": 4300,
            }
        },
    ),
}


@pytest.mark.parametrize(("text", "expected"), FOLLOWING.values(), ids=FOLLOWING.keys())
def test_attributes_in_following_sentences(text: str, expected: dict) -> None:
    _check(text, expected)


# --- founding year -----------------------------------------------------------------------------

FOUNDING = {
    "opened": (
        "Технопарк «Сколково» расположен в Москве. Технопарк открыт в 2015 году.",
        {"Технопарк «Сколково»": {"founded_year": 2015, "city": "Москва", "region": "Москва"}},
    ),
    "put into operation": (
        "Технопарк «Жигулевская долина» (г. Тольятти) введён в эксплуатацию в 2012 году.",
        {"Технопарк «Жигулевская долина»": {"founded_year": 2012, "city": "Тольятти"}},
    ),
    "opened itself, year first": (
        "В 2016 году в Курске открылся технопарк «Кванториум».",
        {"Технопарк «Кванториум»": {"founded_year": 2016, "city": "Курск", "region": "Курская область"}},
    ),
    "a later opening of something in it": (
        "Технопарк «Идея» создан в 2004 году. В 2019 году на территории технопарка открыт новый корпус.",
        {"Технопарк «Идея»": {"founded_year": 2004}},
    ),
}


@pytest.mark.parametrize(("text", "expected"), FOUNDING.values(), ids=FOUNDING.keys())
def test_founding_year(text: str, expected: dict) -> None:
    _check(text, expected)


# --- place: apposition, "в г. X", "в X-ской области", adjective of the name, the document -------

PLACES = {
    "apposition": (
        "Индустриальный парк «Ульяновск», Ульяновская область, занимает площадь 600 га.",
        {"Индустриальный парк «Ульяновск»": {"region": "Ульяновская область", "area_km2": 6.0}},
    ),
    "city of two words": (
        "Технопарк «Анкудиновка» в г. Нижний Новгород объединяет 60 резидентов.",
        {
            "Технопарк «Анкудиновка»": {
                "city": "Нижний Новгород",
                "region": "Нижегородская область",
                "residents": 60,
            }
        },
    ),
    "city of two words in the locative": (
        "Индустриальный парк «Камские Поляны» расположен в Набережных Челнах.",
        {
            "Индустриальный парк «Камские Поляны»": {
                "city": "Набережные Челны",
                "region": "Республика Татарстан",
            }
        },
    ),
    "city and region after the name": (
        "Индустриальный парк «Оскол» в г. Старый Оскол Белгородской области создан в 2015 году.",
        {
            "Индустриальный парк «Оскол»": {
                "city": "Старый Оскол",
                "region": "Белгородская область",
                "founded_year": 2015,
            }
        },
    ),
    "region in the locative next to the name": (
        "Агропромышленный кластер «Белгородский» в Белгородской области включает 40 сельхозпредприятий.",
        {
            "Агропромышленный кластер «Белгородский»": {
                "region": "Белгородская область",
                "field": "агропромышленный комплекс",
                "participants": 40,
            }
        },
    ),
    "city in brackets": (
        "Кластер «Фотоника» (г. Пермь) объединяет 30 предприятий.",
        {"Кластер «Фотоника»": {"city": "Пермь", "region": "Пермский край", "participants": 30}},
    ),
    "adjective of the name": (
        "Калужский фармкластер объединяет 60 участников.",
        {
            "Калужский фармкластер": {
                "region": "Калужская область",
                "field": "фармацевтика",
                "participants": 60,
            }
        },
    ),
    "a city as the quoted name": (
        "Особая экономическая зона «Калуга» создана в 2012 году. Резидентами ОЭЗ являются 40 компаний, "
        "создано 5 400 рабочих мест.",
        {
            "Особая экономическая зона «Калуга»": {
                "region": "Калужская область",
                "founded_year": 2012,
                "residents": 40,
                "jobs": 5400,
            }
        },
    ),
    "a region adjective inside the quoted name": (
        "Научно-образовательный кластер «Нижегородский» создан в 2015 году. Официальный сайт "
        "кластера: http://nnov-cluster.ru.",
        {
            "Научно-образовательный кластер «Нижегородский»": {
                "region": "Нижегородская область",
                "founded_year": 2015,
                "url": "http://nnov-cluster.ru",
            }
        },
    ),
    "a quoted name of no place": (
        "Кластер «Безопасность» создан в 2013 году.",
        {"Кластер «Безопасность»": {"region": None, "city": None, "founded_year": 2013}},
    ),
}


@pytest.mark.parametrize(("text", "expected"), PLACES.values(), ids=PLACES.keys())
def test_place(text: str, expected: dict) -> None:
    _check(text, expected)


def test_the_document_gives_its_region() -> None:
    title = "Стратегия социально-экономического развития Тамбовской области до 2030 года"
    page = "Экономика Тамбовской области растёт. Тамбовской области нужны инвесторы и Тамбовской области."
    _check(
        "Индустриальный парк «Кристалл» создан в 2018 году.",
        {"Индустриальный парк «Кристалл»": {"region": "Тамбовская область", "country": "RU"}},
        (title, page),
    )


# --- field of activity from the name (`pipeline/data/cluster_fields.csv`) ----------------------

FIELDS = {
    "IT prefix, Latin": (
        "IT-кластер «Технологии будущего» создан в 2018 году в г. Ижевске.",
        {
            "IT-кластер «Технологии будущего»": {
                "field": "информационные технологии",
                "city": "Ижевск",
                "region": "Удмуртская Республика",
                "founded_year": 2018,
            }
        },
    ),
    "IT prefix, Cyrillic, region in the genitive": (
        "ИТ-кластер Республики Мордовия создан в 2014 году.",
        {
            "ИТ-кластер Республики Мордовия": {
                "field": "информационные технологии",
                "region": "Республика Мордовия",
                "founded_year": 2014,
            }
        },
    ),
    "IT cluster named by its region": (
        "В Новосибирской области создан IT-кластер. Участниками кластера являются 140 компаний.",
        {
            "IT-кластер Новосибирской области": {
                "field": "информационные технологии",
                "region": "Новосибирская область",
                "participants": 140,
            }
        },
    ),
    "IT park is a technopark": (
        "ИТ-парк «Университетский» в Казани объединяет 90 резидентов.",
        {
            "ИТ-парк «Университетский»": {
                "kind": "technopark",
                "field": "информационные технологии",
                "city": "Казань",
                "residents": 90,
            }
        },
    ),
    "technopark of high technologies": (
        "Технопарк высоких технологий «ИТ-парк» в г. Казани открыт в 2009 году. В нём размещено "
        "140 резидентов, численность персонала — 4 200 человек.",
        {
            "Технопарк высоких технологий «ИТ-парк»": {
                "kind": "technopark",
                "founded_year": 2009,
                "residents": 140,
                "employees": 4200,
            }
        },
    ),
    "genitive noun after the kind word": (
        "Кластер автомобилестроения Самарской области объединяет 50 предприятий.",
        {
            "Кластер автомобилестроения Самарской области": {
                "field": "автомобилестроение",
                "region": "Самарская область",
                "participants": 50,
            }
        },
    ),
    "genitive field noun with a region": (
        "Кластер биотехнологий Томской области создан в 2014 году.",
        {
            "Кластер биотехнологий Томской области": {
                "field": "биотехнологии",
                "region": "Томская область",
                "founded_year": 2014,
            }
        },
    ),
    "automotive adjective": (
        "Автомобильный кластер Калужской области насчитывает 30 участников.",
        {"Автомобильный кластер Калужской области": {"field": "автомобилестроение", "participants": 30}},
    ),
    "pharma adjective": (
        "Фармацевтический кластер «Северный» создан в 2015 году.",
        {"Фармацевтический кластер «Северный»": {"field": "фармацевтика", "founded_year": 2015}},
    ),
    "agro-industrial adjective": (
        "Агропромышленный кластер «Зелёная долина» основан в 2016 году.",
        {"Агропромышленный кластер «Зелёная долина»": {"field": "агропромышленный комплекс"}},
    ),
}


@pytest.mark.parametrize(("text", "expected"), FIELDS.values(), ids=FIELDS.keys())
def test_field_from_the_name(text: str, expected: dict) -> None:
    _check(text, expected)


# --- aliases and same-document variants: one record ---------------------------------------------

VARIANTS = {
    "(далее — lowercase alias) with a case ending": (
        "Автомобильный кластер Калужской области (далее — автокластер) создан в 2007 году. В "
        "автокластер входят 30 предприятий.",
        {
            "Автомобильный кластер Калужской области": {
                "aliases": ["Автокластер"],
                "founded_year": 2007,
                "participants": 30,
            }
        },
    ),
    "(далее — Кластер) as a defined term": (
        "Кластер «Биотехнологии Поволжья» (далее – Кластер) создан в 2015 году. В состав Кластера "
        "входят 22 организации.",
        {
            "Кластер «Биотехнологии Поволжья»": {
                "aliases": ["Кластер"],
                "founded_year": 2015,
                "participants": 22,
            }
        },
    ),
    "acronym alias": (
        "Ульяновский авиационный кластер (далее — УАК) создан в 2009 году. УАК объединяет 36 "
        "предприятий отрасли.",
        {"Ульяновский авиационный кластер": {"aliases": ["УАК"], "participants": 36}},
    ),
    "abbreviated compound in the genitive": (
        "Калужский фармацевтический кластер создан в 2012 году. Участниками Калужского фармкластера "
        "являются 60 компаний.",
        {
            "Калужский фармацевтический кластер": {
                "aliases": ["Калужский фармкластер"],
                "founded_year": 2012,
                "participants": 60,
            }
        },
    ),
    "case variant of an adjective name": (
        "Ярославский фармацевтический кластер создан в 2012 году. В Ярославском фармкластере работают "
        "5 тыс. человек. Участниками ярославского фармацевтического кластера являются 23 организации.",
        {
            "Ярославский фармацевтический кластер": {
                "aliases": ["Ярославский фармкластер"],
                "employees": 5000,
                "participants": 23,
            }
        },
    ),
    "quoted name without its modifiers": (
        "Нижегородский индустриальный кластер «Магистраль» основан в 2014 году. В кластере "
        "«Магистраль» работают 27 тыс. человек.",
        {
            "Нижегородский индустриальный кластер «Магистраль»": {
                "aliases": ["Кластер «Магистраль»"],
                "founded_year": 2014,
                "employees": 27000,
            }
        },
    ),
    "Latin and Cyrillic look-alike letters": (
        "Инновационный кластер «Физтех XXI» создан в 2012 году. В состав кластера «Физтех XXI» входят "
        "40 организаций. Кластер «Физтех ХХI» объединяет 7 тыс. сотрудников.",
        {
            "Инновационный кластер «Физтех XXI»": {
                "aliases": ["Кластер «Физтех XXI»", "Кластер «Физтех ХХI»"],
                "participants": 40,
                "employees": 7000,
            }
        },
    ),
    "region-field phrase and its abbreviated name": (
        "В Калужской области успешно работает фармацевтический кластер. Участниками Калужского "
        "фармкластера являются 60 компаний.",
        {
            "Фармацевтический кластер Калужской области": {
                "aliases": ["Калужский фармкластер"],
                "participants": 60,
            }
        },
    ),
    "(далее также — acronym)": (
        "Инновационный территориальный кластер «Смарт Технологии Томск» (далее также — ИТК) создан в "
        "2012 году. ИТК объединяет 80 организаций.",
        {
            "Инновационный территориальный кластер «Смарт Технологии Томск»": {
                "aliases": ["ИТК"],
                "founded_year": 2012,
                "participants": 80,
            }
        },
    ),
    "(далее – Парк) in the genitive": (
        "Индустриальный парк «Станкомаш» (далее – Парк) расположен в г. Челябинске. Площадь Парка — 40 га.",
        {
            "Индустриальный парк «Станкомаш»": {
                "aliases": ["Парк"],
                "city": "Челябинск",
                "region": "Челябинская область",
                "area_km2": 0.4,
            }
        },
    ),
    "a quoted short name in brackets": (
        "Кластер «Русский Север» («Кластер РС») создан в 2018 году.",
        {"Кластер «Русский Север»": {"aliases": ["Кластер РС"], "founded_year": 2018}},
    ),
    "the quoted name alone in a later sentence": (
        "Камский кластер «ИнноКам» создан в 2012 году. В ИнноКам входят 120 организаций.",
        {"Камский кластер «ИнноКам»": {"founded_year": 2012, "participants": 120}},
    ),
    "a region without its generic word, a shorter variant": (
        "В Татарстане создан Камский инновационный кластер. Участниками Камского кластера являются "
        "140 организаций.",
        {
            "Камский инновационный кластер": {
                "region": "Республика Татарстан",
                "aliases": ["Камский кластер"],
                "participants": 140,
            }
        },
    ),
}


def test_a_quoted_place_name_alone_is_no_reference() -> None:
    """A bare quoted name refers to its cluster («ИнноТех»); «Москва» alone is the city."""
    _check(
        "Технопарк «ИнноТех» создан в 2008 году. Сегодня ИнноТех объединяет 40 компаний.",
        {"Технопарк «ИнноТех»": {"founded_year": 2008, "participants": 40}},
    )
    _check(
        "Технопарк «Москва» создан в 2008 году. Сегодня Москва объединяет 40 компаний.",
        {"Технопарк «Москва»": {"founded_year": 2008, "participants": None}},
    )


@pytest.mark.parametrize(("text", "expected"), VARIANTS.values(), ids=VARIANTS.keys())
def test_aliases_and_variants_are_one_record(text: str, expected: dict) -> None:
    _check(text, expected)


# --- no record ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Кластерная политика Курской области направлена на развитие 5 кластеров.",
        "Кластерный подход к развитию экономики региона применяется с 2010 года.",
        "В рамках кластерной политики в регионе сформированы 3 промышленных кластера.",
        "АНО «Центр кластерного развития Курской области» оказывает поддержку участникам кластеров.",
        "Центр кластерного развития создан в 2014 году и сопровождает 6 кластеров региона.",
        "ООО «Кластер» зарегистрировано в 2015 году и насчитывает 25 сотрудников.",
        "Фонд развития промышленности Курской области выдал займы 15 предприятиям.",
        "Развитие кластеров является приоритетом. Создание кластеров позволит привлечь 10 млрд рублей.",
        "Парк культуры и отдыха «Боева дача» посещают 300 тыс. человек в год.",
        "Санитарно-защитная зона предприятия составляет 500 м.",
        "Участниками кластера стали 12 организаций, в кластере региона работают 3 тыс. человек.",
        # a genitive noun after "кластер" that names no field, and a hyphenated word cut short
        "Формирование кластера предприятий Курской области позволит увеличить экспорт.",
        "Создание кластера развития Курской области предусмотрено программой.",
        "В регионе сформирован кластер ИТ-компаний, объединяющий 40 фирм.",
    ],
)
def test_no_record(text: str) -> None:
    assert _records(text) == {}


# --- a cluster passport: label lines continue the topic of the line before ---------------------

PASSPORT = (
    "Паспорт кластера\n"
    "Наименование: Инновационный кластер «Технополис Севастополь»\n"
    "Год создания: 2016\n"
    "Специализация: приборостроение, судостроение\n"
    "Количество участников: 45\n"
    "Численность работников: 12 000 человек\n"
    "Сайт: www.sevcluster.ru"
)


def test_passport_label_lines() -> None:
    _check(
        PASSPORT,
        {
            "Инновационный кластер «Технополис Севастополь»": {
                "region": "Севастополь",
                "founded_year": 2016,
                "field": "приборостроение, судостроение",
                "participants": 45,
                "employees": 12000,
                "url": "www.sevcluster.ru",
            }
        },
    )


def test_a_label_line_after_an_unrelated_sentence_is_not_the_clusters() -> None:
    text = (
        "Курский промышленный кластер создан в 2015 году. В области зарегистрировано 3 тыс. малых "
        "предприятий.\nЧисленность работников: 40 тыс. человек"
    )
    _check(text, {"Курский промышленный кластер": {"founded_year": 2015, "employees": None}})


def test_sectoral_orientation_is_the_field() -> None:
    _check(
        "Промышленный кластер «Уральский композит» (Свердловская область). Отраслевая направленность — "
        "производство композитных материалов. Количество участников кластера — 14. Планируется "
        "создание 600 рабочих мест.",
        {
            "Промышленный кластер «Уральский композит»": {
                "region": "Свердловская область",
                "field": "производство композитных материалов",
                "participants": 14,
                "jobs": 600,
            }
        },
    )


def test_a_relative_clause_between_two_names_is_about_the_first() -> None:
    _check(
        "В регионе создан Курский агропромышленный кластер, в который входят 35 сельхозпредприятий, "
        "а также технопарк «Курск-Инновации».",
        {
            "Курский агропромышленный кластер": {"participants": 35, "region": "Курская область"},
            "Технопарк «Курск-Инновации»": {"participants": None, "residents": None},
        },
    )


def test_a_union_of_enterprises_counts_its_members() -> None:
    _check(
        "Липецкий кластер «Черноземье» — объединение 28 предприятий региона.",
        {"Липецкий кластер «Черноземье»": {"participants": 28, "region": "Липецкая область"}},
    )


NAMES_IN_OBLIQUE_CASES = {
    "genitive with an acronym": (
        "Сайт Новосибирского ИТ-кластера — www.itcluster-nsk.ru.",
        {
            "Новосибирский ИТ-кластер": {
                "region": "Новосибирская область",
                "field": "информационные технологии",
                "url": "www.itcluster-nsk.ru",
            }
        },
    ),
    "a hyphenated region adjective": (
        "Санкт-Петербургский кластер медицинской техники создан в 2013 году.",
        {
            "Санкт-Петербургский кластер медицинской техники": {
                "region": "Санкт-Петербург",
                "field": "медицинская техника",
                "founded_year": 2013,
            }
        },
    ),
    "locative": (
        "В Самарском аэрокосмическом кластере работают 30 тыс. человек.",
        {
            "Самарский аэрокосмический кластер": {
                "region": "Самарская область",
                "field": "аэрокосмическая промышленность",
                "employees": 30000,
            }
        },
    ),
    "genitive after 'в состав'": (
        "В состав Пермского фотонного кластера входят 25 организаций.",
        {"Пермский фотонный кластер": {"region": "Пермский край", "field": "фотоника", "participants": 25}},
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), NAMES_IN_OBLIQUE_CASES.values(), ids=NAMES_IN_OBLIQUE_CASES.keys()
)
def test_names_in_oblique_cases(text: str, expected: dict) -> None:
    _check(text, expected)


def test_investment_stated_by_a_verb() -> None:
    _check(
        "Особая экономическая зона «Лотос» создана в 2014 году. Резиденты ОЭЗ инвестировали 7 млрд рублей.",
        {
            "Особая экономическая зона «Лотос»": {
                "founded_year": 2014,
                "investment": 7e9,
                "investment_unit": "RUB",
            }
        },
    )
    _check(  # revenue is no investment
        "Индустриальный парк «Ока-Полимер» создан в 2014 году. Выручка резидентов парка составила "
        "12 млрд рублей.",
        {"Индустриальный парк «Ока-Полимер»": {"investment": None}},
    )


def test_a_document_of_several_pages() -> None:
    """Kind-word, acronym and label sentences at the top of later pages fill the cluster named
    earlier; the field comes from the name through the data file; the title gives the region."""
    from pipeline.extract import extract_pages

    pages = [
        "Стратегия развития Тверской области до 2030 года",
        "В регионе действует Тверской вагоностроительный кластер (далее — ТВК). ТВК создан в 2014 году.",
        "Кластер объединяет 22 предприятия. Официальный сайт: www.tvk-tver.ru.",
        "Технопарк «Тверь-Инновации» создан в 2016 году. Численность работников — 500 человек.",
    ]
    facts = [(f, page) for page, p in enumerate(extract_pages(pages), 1) for f in p.clusters]
    records = {f.name: (f, found) for f, found in resolve_clusters(facts, document_texts=pages)}
    assert set(records) == {"Тверской вагоностроительный кластер", "Технопарк «Тверь-Инновации»"}
    cluster, cluster_pages = records["Тверской вагоностроительный кластер"]
    assert (cluster.field, cluster.founded_year, cluster.participants, cluster.url, cluster.aliases) == (
        "вагоностроение",
        2014,
        22,
        "www.tvk-tver.ru",
        ["ТВК"],
    )
    assert cluster_pages == [2, 3]
    park, _ = records["Технопарк «Тверь-Инновации»"]
    assert (park.region, park.founded_year, park.employees, park.url) == ("Тверская область", 2016, 500, None)


PLACES_OF_SOMETHING_ELSE = {
    "a direction is no location": (
        "Кластер «Фотоника» создан в 2014 году. Продукция кластера поставляется в Москву и Казань.",
        {"Кластер «Фотоника»": {"city": None, "region": None, "founded_year": 2014}},
    ),
    "partners' region in a later sentence": (
        "Кластер «Фотоника» создан в 2014 году. Кластер сотрудничает с предприятиями Самарской области.",
        {"Кластер «Фотоника»": {"region": None}},
    ),
    "a direction in the own sentence": (
        "Технопарк «Строгино» поставляет продукцию в Москву.",
        {"Технопарк «Строгино»": {"city": None, "region": None}},
    ),
    "located in a later sentence": (
        "Индустриальный парк «Экопарк» создан в 2018 году. Парк расположен в Курчатовском районе "
        "Курской области.",
        {"Индустриальный парк «Экопарк»": {"region": "Курская область", "founded_year": 2018}},
    ),
    "on the territory of, in a later sentence": (
        "Технопарк «Идея» создан в 2004 году. Технопарк находится на территории Республики Татарстан.",
        {"Технопарк «Идея»": {"region": "Республика Татарстан"}},
    ),
    "a city in the locative, in a later sentence": (
        "Кластер «Фотоника» создан в 2014 году. Кластер расположен в Перми.",
        {"Кластер «Фотоника»": {"city": "Пермь", "region": "Пермский край"}},
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), PLACES_OF_SOMETHING_ELSE.values(), ids=PLACES_OF_SOMETHING_ELSE.keys()
)
def test_only_where_the_cluster_is(text: str, expected: dict) -> None:
    _check(text, expected)


LISTS = {
    "a plural creation word after the list": (
        "Индустриальные парки «Калуга-Юг» и «Ворсино» созданы в 2008 году. В них работают 80 резидентов.",
        {
            "Индустриальный парк «Калуга-Юг»": {"founded_year": 2008, "residents": None},
            "Индустриальный парк «Ворсино»": {"founded_year": 2008, "residents": None},
        },
    ),
    "a plural creation word before the list; a joint count is nobody's": (
        "В 2016 году созданы индустриальные парки «Северный», «Южный» и «Западный», в которых "
        "работают 30 резидентов.",
        {
            "Индустриальный парк «Северный»": {"founded_year": 2016, "residents": None},
            "Индустриальный парк «Южный»": {"founded_year": 2016, "residents": None},
            "Индустриальный парк «Западный»": {"founded_year": 2016, "residents": None, "participants": None},
        },
    ),
    "a joint place, no joint area": (
        "Индустриальные парки «Северный» и «Южный» общей площадью 300 га расположены в Курской области.",
        {
            "Индустриальный парк «Северный»": {"region": "Курская область", "area_km2": None},
            "Индустриальный парк «Южный»": {"region": "Курская область", "area_km2": None},
        },
    ),
    "a city before the list": (
        "В Туле действуют индустриальные парки «Северный» и «Южный».",
        {
            "Индустриальный парк «Северный»": {"city": "Тула", "region": "Тульская область"},
            "Индустриальный парк «Южный»": {"city": "Тула", "region": "Тульская область"},
        },
    ),
}


@pytest.mark.parametrize(("text", "expected"), LISTS.values(), ids=LISTS.keys())
def test_the_sentence_around_a_list_is_about_each_name(text: str, expected: dict) -> None:
    _check(text, expected)


def test_hyphenated_member_nouns() -> None:
    """ "компаний-резидентов" are residents, "предприятий-участников" participants; the defined term
    "(далее — «Технопарк»)" is found again inside quotes with a case ending."""
    _check(
        "Технопарк «Университетский» (далее — «Технопарк») открыт в 2010 году. В «Технопарке» работают "
        "50 компаний-резидентов.",
        {"Технопарк «Университетский»": {"founded_year": 2010, "residents": 50, "participants": 50}},
    )
    _check(
        "Кластер «Фотоника» создан в 2014 году. В кластер входят 12 предприятий-участников.",
        {"Кластер «Фотоника»": {"participants": 12}},
    )


TWO_NAMES_IN_ONE_SENTENCE = {
    "a modifier of the first name before 'и'": (
        "На территории области функционируют индустриальный парк «Юбилейный» площадью 23,5 га и "
        "технопарк «Совтест» с 12 резидентами.",
        {
            "Индустриальный парк «Юбилейный»": {"area_km2": 0.235, "residents": None},
            "Технопарк «Совтест»": {"area_km2": None, "residents": 12},
        },
    ),
    "a gapped second clause": (
        "Кластер «Альфа» объединяет 25 предприятий, технопарк «Бета» — 40 резидентов.",
        {"Кластер «Альфа»": {"participants": 25}, "Технопарк «Бета»": {"participants": 40, "residents": 40}},
    ),
    "a container is no subject": (
        "В составе кластера «Альфа» в 2015 году создан технопарк «Бета».",
        {"Кластер «Альфа»": {"founded_year": None}, "Технопарк «Бета»": {"founded_year": 2015}},
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), TWO_NAMES_IN_ONE_SENTENCE.values(), ids=TWO_NAMES_IN_ONE_SENTENCE.keys()
)
def test_two_names_in_one_sentence(text: str, expected: dict) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ОЭЗ технико-внедренческого типа «Томск» создана в 2005 году. Площадь ОЭЗ — 194 га.",
            {
                "ОЭЗ технико-внедренческого типа «Томск»": {
                    "kind": "sez",
                    "region": "Томская область",
                    "founded_year": 2005,
                    "area_km2": 1.94,
                }
            },
        ),
        (
            "Особая экономическая зона портового типа «Ульяновск» создана в 2009 году.",
            {"Особая экономическая зона портового типа «Ульяновск»": {"kind": "sez", "founded_year": 2009}},
        ),
        (
            "ТОР «Надвоицы» создана в 2017 году в Республике Карелия. Резидентами ТОР стали 3 компании.",
            {
                "ТОР «Надвоицы»": {
                    "kind": "sez",
                    "region": "Республика Карелия",
                    "founded_year": 2017,
                    "residents": 3,
                }
            },
        ),
    ],
)
def test_zone_types(text: str, expected: dict) -> None:
    _check(text, expected)


def test_a_field_cue_before_the_name() -> None:
    _check(
        "Основными направлениями деятельности кластера «Энергия» являются энергомашиностроение и "
        "электротехника.",
        {"Кластер «Энергия»": {"field": "энергомашиностроение, электротехника"}},
    )
