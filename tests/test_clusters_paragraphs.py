"""Cluster records from realistic paragraphs (passports, regional strategies, press releases), through
the production path: `extract_page` (real dates, figures and NLP) and the per-document merge.

Every paragraph was written for this test and its expected record read off the paragraph by hand:
each attribute the text states, and nothing it does not state.
"""

from __future__ import annotations

from pathlib import Path

import natasha  # noqa: F401  (import before pymorphy users)
import pytest

from pipeline.extract import extract_page
from pipeline.extract.clusters import resolve_clusters

# (paragraph, {name: {attribute: value}}); attributes not listed are not checked.
CASES = [
    (  # a cluster passport: year, members of two kinds (27 + 3), employees in тыс., labelled site
        "Инновационный кластер «Технополис Менделеев» создан в 2014 году. В состав кластера входят "
        "27 предприятий и 3 научные организации. Численность занятых на предприятиях кластера — "
        "4,5 тыс. человек. Официальный сайт: www.technopolis-mendeleev.ru.",
        {
            "Инновационный кластер «Технополис Менделеев»": {
                "founded_year": 2014,
                "participants": 30,
                "employees": 4500,
                "url": "www.technopolis-mendeleev.ru",
            }
        },
    ),
    (  # a region in apposition, field from the name, "более" employees
        "Автомобильный кластер «Волга», Самарская область, объединяет 45 участников; в них работают "
        "более 12 тыс. сотрудников.",
        {
            "Автомобильный кластер «Волга»": {
                "region": "Самарская область",
                "field": "автомобилестроение",
                "participants": 45,
                "employees": 12000,
            }
        },
    ),
    (  # an industrial park: area in га, residents, private investment, jobs
        "Индустриальный парк «Масловский» расположен в Воронежской области на площади 1 500 га. "
        "Резидентами парка являются 18 компаний, объем частных инвестиций составил 45 млрд рублей, "
        "создано 3 200 рабочих мест.",
        {
            "Индустриальный парк «Масловский»": {
                "kind": "industrial_park",
                "region": "Воронежская область",
                "residents": 18,
                "area_km2": 15.0,
                "investment": 45e9,
                "jobs": 3200,
            }
        },
    ),
    (  # a technopark in a city: the city gives the region; residents
        "Технопарк «Идея» в г. Казани открыт в 2004 году; сегодня в нём работают 90 резидентов.",
        {"Технопарк «Идея»": {"city": "Казань", "region": "Республика Татарстан", "residents": 90}},
    ),
    (  # two parks named after one plural kind phrase
        "В регионе действуют индустриальные парки «Северный» и «Южный».",
        {"Индустриальный парк «Северный»": {}, "Индустриальный парк «Южный»": {}},
    ),
    (  # "(далее — …)" alias, and a later sentence that names the zone by it
        "Особая экономическая зона промышленно-производственного типа «Липецк» (далее — ОЭЗ «Липецк») "
        "создана в 2005 году. На территории ОЭЗ «Липецк» зарегистрированы 60 резидентов, объём "
        "инвестиций превысил 100 млрд рублей.",
        {
            "Особая экономическая зона промышленно-производственного типа «Липецк»": {
                "kind": "sez",
                "aliases": ["ОЭЗ «Липецк»"],
                "founded_year": 2005,
                "residents": 60,
                "investment": 1e11,
            }
        },
    ),
    (  # a press release: participants listed by name
        "Минпромторг России включил в реестр промышленных кластеров Ярославский фармацевтический "
        "кластер. Участниками кластера стали АО «Р-Фарм», ООО «Тева» и ООО «Никомед».",
        {
            "Ярославский фармацевтический кластер": {
                "region": "Ярославская область",
                "field": "фармацевтика",
                "participants": 3,
                "members": "АО «Р-Фарм»; ООО «Тева»; ООО «Никомед»",
            }
        },
    ),
    (  # a field stated by a verb; a pronoun sentence
        "Кластер «Калининградская мебель» специализируется на деревообработке и производстве мебели; "
        "он создан в 2016 году и объединяет 32 предприятия.",
        {
            "Кластер «Калининградская мебель»": {
                "founded_year": 2016,
                "participants": 32,
                "field": "деревообработка, производство мебели",
            }
        },
    ),
    (  # ТОСЭР referred to by its abbreviation: residents and future jobs
        "Территория опережающего социально-экономического развития «Череповец» создана в 2017 году. "
        "Резидентами ТОСЭР стали 12 компаний, которые создадут 2 тыс. рабочих мест.",
        {
            "Территория опережающего социально-экономического развития «Череповец»": {
                "kind": "sez",
                "founded_year": 2017,
                "residents": 12,
                "jobs": 2000,
            }
        },
    ),
    (  # Kursk strategy 2030, p. 11: parks named by their sites
        "Особое внимание уделяется пустующим производственным площадкам бывших советских гигантов "
        '(создаются индустриальные парки на площадках АПЗ-20 и завода "Счетмаш").',
        {
            "Индустриальный парк на площадке АПЗ-20": {"kind": "industrial_park"},
            "Индустриальный парк на площадке завода «Счетмаш»": {"kind": "industrial_park"},
        },
    ),
    (  # an agro park: area, start of work, investment, field from the kind
        "Агропромышленный парк «Казань» общей площадью 21 га начал работу в 2014 году, инвестиции "
        "в проект составили 6,8 млрд рублей.",
        {
            "Агропромышленный парк «Казань»": {
                "founded_year": 2014,
                "area_km2": 0.21,
                "investment": 6.8e9,
                "field": "агропромышленный комплекс",
            }
        },
    ),
]


def _records(text: str) -> dict:
    facts = extract_page(text).clusters
    return {fact.name: fact for fact, _ in resolve_clusters([(f, 1) for f in facts])}


def _value(fact, attribute: str):
    return getattr(fact, attribute) if hasattr(fact, attribute) else fact.attributes.get(attribute)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[str(i) for i in range(1, len(CASES) + 1)])
def test_paragraph_records(text: str, expected: dict) -> None:
    records = _records(text)
    assert set(records) == set(expected)
    for name, attributes in expected.items():
        got = {a: _value(records[name], a) for a in attributes}
        assert got == attributes, name


def test_nothing_stated_stays_empty() -> None:
    """Parks named only: no year, counts, area or address are invented."""
    for park in _records("В регионе действуют индустриальные парки «Северный» и «Южный».").values():
        assert (park.founded_year, park.participants, park.employees, park.url, park.attributes) == (
            None,
            None,
            None,
            None,
            {},
        )


NEREL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gold" / "nerel"
NEREL_PARK = (
    NEREL / "train_dev_money_percent" / "82299_text.txt"
)  # "… в индустриальном парке штата Массачусетс"


@pytest.mark.skipif(not NEREL_PARK.is_file(), reason="shared NEREL corpus not available")
def test_unnamed_park_in_news_is_not_a_record() -> None:
    """The only park/cluster/zone phrase of the NEREL and RuREBus texts names no park: no record."""
    assert _records(NEREL_PARK.read_text(encoding="utf-8")) == {}
