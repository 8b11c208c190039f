"""Date extraction: normalization of each supported form, non-dates, offsets, seed gold."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.extract import dates
from pipeline.extract.dates import extract_dates, parser

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "seed_paper.txt"
GOLD = ROOT / "fixtures" / "gold" / "seed_gertsik_2020" / "dates.csv"

# text, quote, start, end, precision, kind
CASES = [
    ("20 декабря 2018 года", "20 декабря 2018 года", "2018-12-20", "2018-12-20", "day", "point"),
    ("в сентябре 2019 г.", "сентябре 2019 г.", "2019-09-01", "2019-09-30", "month", "point"),
    ("2019 г.", "2019 г.", "2019-01-01", "2019-12-31", "year", "point"),
    ("по итогам 2019 г.", "2019 г.", "2019-01-01", "2019-12-31", "year", "point"),
    ("16 июля 2001 г.", "16 июля 2001 г.", "2001-07-16", "2001-07-16", "day", "point"),
    ("9-11 ноября 2019 года", "9-11 ноября 2019 года", "2019-11-09", "2019-11-11", "day", "range"),
    ("01.06.2020", "01.06.2020", "2020-06-01", "2020-06-01", "day", "point"),
    ("1990–1994 годов", "1990–1994 годов", "1990-01-01", "1994-12-31", "year", "range"),
    ("1990–1994\nгодов", "1990–1994\nгодов", "1990-01-01", "1994-12-31", "year", "range"),
    ("1990\u00ad–1994 годов", "1990\u00ad–1994 годов", "1990-01-01", "1994-12-31", "year", "range"),
    ("2018-2019 гг.", "2018-2019 гг.", "2018-01-01", "2019-12-31", "year", "range"),
    ("1990–95 гг.", "1990–95 гг.", "1990-01-01", "1995-12-31", "year", "range"),
    ("1890-х", "1890-х", "1890-01-01", "1899-12-31", "decade", "point"),
    ("восходит к 1890-м и", "1890-м", "1890-01-01", "1899-12-31", "decade", "point"),
    ("в 1990-е годы", "1990-е годы", "1990-01-01", "1999-12-31", "decade", "point"),
    ("кризиса конца 90-х, но", "конца 90-х", "1990-01-01", "1999-12-31", "decade", "point"),
    ("XXI века", "XXI века", "2001-01-01", "2100-12-31", "century", "point"),
    ("в ХХI веке", "ХХI веке", "2001-01-01", "2100-12-31", "century", "point"),
    ("в начале 21-го века", "в начале 21-го века", "2001-01-01", "2100-12-31", "century", "point"),
    ("XIX–XX вв.", "XIX–XX вв.", "1801-01-01", "2000-12-31", "century", "range"),
    ("I квартал 2017 г.", "I квартал 2017 г.", "2017-01-01", "2017-03-31", "quarter", "point"),
    ("в третьем квартале 2020 года", "третьем квартале 2020 года", "2020-07-01", "2020-09-30",
     "quarter", "point"),
    ("во II полугодии 2019 г.", "II полугодии 2019 г.", "2019-07-01", "2019-12-31", "quarter",
     "point"),
    ("январь–август 2017 года", "январь–август 2017 года", "2017-01-01", "2017-08-31", "month",
     "range"),
    # the first months of a year: "за 9 месяцев 2015 года" is January to September, not the year
    ("За 9 месяцев 2015 года проведено 48 рейдов", "9 месяцев 2015 года", "2015-01-01", "2015-09-30",
     "month", "point"),
    ("за 5 мес. 2017 г.", "5 мес. 2017 г.", "2017-01-01", "2017-05-31", "month", "point"),
    ("в первые два месяца 2014 года выработка снизилась", "первые два месяца 2014 года", "2014-01-01",
     "2014-02-28", "month", "point"),
    ("за первых пяти месяцев 2019 г.", "первых пяти месяцев 2019 г.", "2019-01-01", "2019-05-31",
     "month", "point"),
    # half a year named by "половина" needs its year ("в первой половине дня" is no date)
    ("в первой половине 2014 года товарооборот", "первой половине 2014 года", "2014-01-01",
     "2014-06-30", "quarter", "point"),
    ("во второй половине 2021 г.", "второй половине 2021 г.", "2021-07-01", "2021-12-31", "quarter",
     "point"),
    # a season of a year (`lexicon.SEASONS`); winter from the December before
    ("Осенью 2010 года стало известно", "Осенью 2010 года", "2010-09-01", "2010-11-30", "month", "point"),
    ("летом 2012 г. цены выросли", "летом 2012 г.", "2012-06-01", "2012-08-31", "month", "point"),
    ("зимой 2015 года", "зимой 2015 года", "2014-12-01", "2015-02-28", "month", "point"),
    ("с 2010 г.", "с 2010 г.", "2010-01-01", "2010-12-31", "year", "since"),
    ("с 2000 года", "с 2000 года", "2000-01-01", "2000-12-31", "year", "since"),
    ("начиная с марта 2021 г.", "начиная с марта 2021 г.", "2021-03-01", "2021-03-31", "month",
     "since"),
    ("к 2024 г.", "к 2024 г.", "2024-01-01", "2024-12-31", "year", "by"),
    ("до 2030 года", "до 2030 года", "2030-01-01", "2030-12-31", "year", "by"),
    ("от 19.05.2022 N 153-рг", "19.05.2022", "2022-05-19", "2022-05-19", "day", "point"),
    ("2017-03-01", "2017-03-01", "2017-03-01", "2017-03-01", "day", "point"),
    ("Стратегия-2020", "Стратегия-2020", "2020-01-01", "2020-12-31", "year", "by"),
    ("рейтинг Китай-2017 показывает", "Китай-2017", "2017-01-01", "2017-12-31", "year", "point"),
    ("в 2003 году", "2003 году", "2003-01-01", "2003-12-31", "year", "point"),
    ("в 2007-м стал", "2007-м", "2007-01-01", "2007-12-31", "year", "point"),
    ("в начале 2019 г.", "в начале 2019 г.", "2019-01-01", "2019-12-31", "year", "point"),
    ("в конце декабря 2018 г.", "в конце декабря 2018 г.", "2018-12-01", "2018-12-31", "month",
     "point"),
    ("на исходе 2019 года", "на исходе 2019 года", "2019-01-01", "2019-12-31", "year", "point"),
    ("2020 год", "2020 год", "2020-01-01", "2020-12-31", "year", "point"),
    ("в 2018 году – 57,12%", "2018 году", "2018-01-01", "2018-12-31", "year", "point"),
    ("в 2019 г. – 12%", "2019 г.", "2019-01-01", "2019-12-31", "year", "point"),
    ("в 2018 – 57,12%", "2018", "2018-01-01", "2018-12-31", "year", "point"),
    ("с 2014 по 2016 год", "с 2014 по 2016 год", "2014-01-01", "2016-12-31", "year", "range"),
    ("в сезоне 2017/2018 команда", "2017/2018", "2017-01-01", "2018-12-31", "year", "range"),
    ("Оксана Фёдорова (2001)", "2001", "2001-01-01", "2001-12-31", "year", "point"),
    ("24/06/2016", "24/06/2016", "2016-06-24", "2016-06-24", "day", "point"),
    # English passages of bilingual papers: month names from the lexicon, English prepositions
    ("Accessed 12 March 2020.", "12 March 2020", "2020-03-12", "2020-03-12", "day", "point"),
    ("The survey ended in December 2019.", "December 2019", "2019-12-01", "2019-12-31", "month", "point"),
    ("Passed on December 1, 2019 in Moscow", "December 1, 2019", "2019-12-01", "2019-12-01", "day", "point"),
    ("Flows grew in 2019–2021 overall", "in 2019–2021", "2019-01-01", "2021-12-31", "year", "range"),
    ("from May 2016 to May 2023", "from May 2016 to May 2023", "2016-05-01", "2023-05-31", "month", "range"),
    ("Since 2010 remittances grew", "Since 2010", "2010-01-01", "2010-12-31", "year", "since"),
    ("to be reached by 2030 at the latest", "by 2030", "2030-01-01", "2030-12-31", "year", "by"),
    ("Source: Rosstat, 2018", "2018", "2018-01-01", "2018-12-31", "year", "point"),
    ("Источник: Росстат, 2018.", "2018", "2018-01-01", "2018-12-31", "year", "point"),
]  # fmt: skip

NOT_DATES = [
    "2543 зоны",
    "их общее число составляет 2543 из которых 1991 являются",
    "N 2019",
    "№ 2019",
    "64",
    "doi:10.17072/2079-7877-2024-4-54-66",
    "http://x.ru/2019/05/",
    "3-5 лет",
    "за 2 года",
    "1300 кластеров",
    "110,76 млрд",
    "ISO 9001",
    "ГОСТ Р 52249-2009",
    "до 2000 человек",
    "(2000 человек)",
    "с. 1990-1995",
    "на 40-е место",
    "в течение 9 месяцев",  # a duration without a year
    "в первой половине дня",
    "первые два месяца работы",
    "Росстат, 2018 и позднее",  # a year after a comma without a source caption
    "Source: Rosstat, 2018 data",  # the year does not close the caption
    "it may 2019 units",  # an English month name is capitalized
    "Cities, 97, 102523.",
]


def _one(text: str):
    found = extract_dates(text)
    assert len(found) == 1, [text[d.char_start : d.char_end] for d in found]
    return found[0]


@pytest.mark.parametrize(("text", "quote", "start", "end", "precision", "kind"), CASES)
def test_normalizes(text: str, quote: str, start: str, end: str, precision: str, kind: str):
    date = _one(text)
    assert text[date.char_start : date.char_end] == quote
    assert (date.start, date.end, date.precision, date.kind) == (start, end, precision, kind)
    assert 0 < date.confidence <= 1


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str):
    assert extract_dates(text) == []


def test_several_in_a_sentence():
    text = "в периоды 1990–1994 годов, 1995–1999 годов, 2000–2004 годов и 2005 года"
    quotes = [text[d.char_start : d.char_end] for d in extract_dates(text)]
    assert quotes == ["1990–1994 годов", "1995–1999 годов", "2000–2004 годов", "2005 года"]


def test_listed_bare_years_take_the_dated_year_word():
    text = "в 2009 и 2010 годах"
    found = [(text[d.char_start : d.char_end], d.start, d.end) for d in extract_dates(text)]
    assert found == [
        ("2009", "2009-01-01", "2009-12-31"),
        ("2010 годах", "2010-01-01", "2010-12-31"),
    ]


def test_day_without_year_borrows_the_nearest_year():
    text = "В мае 2015 года был принят закон, а 3 июня он вступил в силу."
    last = extract_dates(text)[-1]
    assert (text[last.char_start : last.char_end], last.start) == ("3 июня", "2015-06-03")
    assert last.confidence < 0.9


def test_day_without_any_year_is_dropped():
    assert extract_dates("Заседание прошло 3 июня в Москве.") == []


def test_offsets_index_the_given_text():
    text = "Китай с 2010\u00a0г. является партнером; в ХХI\u00a0веке — тоже.\n"
    for date in extract_dates(text):
        assert text[date.char_start : date.char_end].strip() == text[date.char_start : date.char_end]
    assert [text[d.char_start : d.char_end] for d in extract_dates(text)] == [
        "с 2010\u00a0г.",
        "ХХI\u00a0веке",
    ]


def test_parser_is_built_once():
    assert parser() is parser()


@pytest.mark.skipif(not (SEED.exists() and GOLD.exists()), reason="seed fixtures not present")
def test_seed_gold():
    body = SEED.read_text(encoding="utf-8").split("\n---\n")[0]
    with GOLD.open(encoding="utf-8") as fh:
        gold = [(r["quote"], r["start"], r["end"], r["precision"], r["kind"]) for r in csv.DictReader(fh)]
    found = [
        (" ".join(body[d.char_start : d.char_end].split()), d.start, d.end, d.precision, d.kind)
        for d in extract_dates(body)
    ]
    assert found == gold


def test_readings_hidden_by_a_longer_candidate_are_never_kept(monkeypatch):
    """`_parse` skips the readings a longer kept candidate overlaps: the same dates as resolving
    every reading's candidate, over the seed paper and every case and non-date text above."""
    texts = [SEED.read_text(encoding="utf-8"), *(c[0] for c in CASES), *NOT_DATES]
    hidden, skipped = dates._Reading.hidden, []
    monkeypatch.setattr(dates._Reading, "hidden", lambda *args: skipped.append(hidden(*args)) or skipped[-1])
    fast = [extract_dates(t) for t in texts]
    monkeypatch.setattr(dates._Reading, "hidden", lambda self, offset, kept: False)
    assert fast == [extract_dates(t) for t in texts]
    assert sum(skipped) > 100  # readings skipped
