"""Which later sentences name a cluster by its short name, through the production path
(`extract_page` and the per-document merge): a "(далее — …)" term in its singular case forms, a
quoted name as written; ordinary words that begin like them are no reference."""

from __future__ import annotations

import natasha  # noqa: F401  (import before pymorphy users)
import pytest

from tests.test_clusters_genre import _check

NO_REFERENCE = {
    "an adjective that begins like the quoted name": (
        "Индустриальный парк «Север» создан в 2017 году. На предприятиях северных районов области "
        "работают 12 тыс. человек.",
        {"Индустриальный парк «Север»": {"founded_year": 2017, "employees": None}},
    ),
    "the plural of the defined term": (
        "Кластер «Дон» (далее — Кластер) создан в 2015 году. Всего в регионе 5 кластеров, в которых "
        "работают 9 тыс. человек.",
        {"Кластер «Дон»": {"founded_year": 2015, "employees": None}},
    ),
    "a lowercase common noun equal to the quoted name": (
        "Технопарк «Гранит» создан в 2012 году. На предприятиях, где гранит добывают и обрабатывают, "
        "работают 300 человек.",
        {"Технопарк «Гранит»": {"founded_year": 2012, "employees": None}},
    ),
}


@pytest.mark.parametrize(("text", "expected"), NO_REFERENCE.values(), ids=NO_REFERENCE.keys())
def test_words_that_begin_like_a_short_name_are_no_reference(text: str, expected: dict) -> None:
    _check(text, expected)


REFERENCE = {
    "the defined term in the locative": (
        "Кластер «Дон» (далее — Кластер) создан в 2015 году. В Кластере работают 9 тыс. человек.",
        {"Кластер «Дон»": {"founded_year": 2015, "employees": 9000}},
    ),
    "a defined feminine term in the locative, the stem cut": (
        "Особая экономическая зона «Лотос» (далее — зона) создана в 2014 году. Сегодня в зоне "
        "работают 3 тыс. человек.",
        {"Особая экономическая зона «Лотос»": {"founded_year": 2014, "employees": 3000}},
    ),
    "the quoted name as written": (
        "Индустриальный парк «Север» создан в 2017 году. Сегодня Север объединяет 20 компаний.",
        {"Индустриальный парк «Север»": {"founded_year": 2017, "participants": 20}},
    ),
    "the quoted name in quotes": (
        "Индустриальный парк «Север» создан в 2017 году. Сегодня «Север» объединяет 20 компаний.",
        {"Индустриальный парк «Север»": {"founded_year": 2017, "participants": 20}},
    ),
}


@pytest.mark.parametrize(("text", "expected"), REFERENCE.values(), ids=REFERENCE.keys())
def test_a_short_name_in_a_later_sentence(text: str, expected: dict) -> None:
    _check(text, expected)


NOT_FOUNDED = {
    "open for residents since a year": (
        "Технопарк «Идея» расположен в Казани. Технопарк открыт для резидентов с 2016 года.",
        {"Технопарк «Идея»": {"city": "Казань", "founded_year": None}},
    ),
    "open daily": (
        "Технопарк «Идея» расположен в Казани. В 2016 году технопарк открыт ежедневно.",
        {"Технопарк «Идея»": {"founded_year": None}},
    ),
    "open since a year": (
        "Индустриальный парк «Север» расположен в Курской области. Парк открыт с 2016 года.",
        {"Индустриальный парк «Север»": {"founded_year": None}},
    ),
}


@pytest.mark.parametrize(("text", "expected"), NOT_FOUNDED.values(), ids=NOT_FOUNDED.keys())
def test_open_for_is_no_founding(text: str, expected: dict) -> None:
    _check(text, expected)


def test_opened_in_a_year_is_the_founding() -> None:
    _check(
        "Индустриальный парк «Север» открыт в 2016 году в Курской области.",
        {"Индустриальный парк «Север»": {"founded_year": 2016, "region": "Курская область"}},
    )
