"""observations from figures and from table cells parsed by the production table path."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from extracting import figure

from pipeline.extract.figure_context import compact_iso
from pipeline.extract.observations import build_observations, label_kind, label_period
from pipeline.extract.tables import table_rows
from pipeline.extract.territories import resolve_territory
from pipeline.model import ParsedTable, TableCell
from pipeline.schema import COLUMNS
from pipeline.store import DUCKDB_FILE, write_tables

DOC_A, DOC_B = "doc_kursk_export", "doc_rosstat_like"
ROW_LABELS = [
    "Оборот розничной торговли, млрд. рублей",
    "Внешнеторговый оборот, млрд. долларов США",
    "Индекс потребительских цен",
]
HEADER = [
    "",
    "Август 2017г.",
    "Август 2017г. в % к августу 2016г.",
    "Январь-август 2017г. в % к январю-августу 2016г.",
]
VALUES = [["2591,5", "101,9", "100,2"], ["45,5", "117,7", "127,0"], ["", "103,3", "104,2"]]


def _table(index: int, header: list[str], labels: list[str], values: list[list[str]], caption=None):
    cells = []
    for r, (label, row) in enumerate(zip(labels, values, strict=True)):
        cells.append(TableCell(r, 0, 4, label, row_label=label))
        for c, text in enumerate(row, start=1):
            cells.append(TableCell(r, c, 4, text, row_label=label, col_label=header[c]))
    return ParsedTable(index, 4, 4, header, cells, caption=caption)


def _frames(doc_id: str, tables: list[ParsedTable]) -> tuple[pd.DataFrame, pd.DataFrame]:
    parts = [table_rows(doc_id, t) for t in tables]
    return pd.DataFrame([p["table"] for p in parts]), pd.DataFrame([c for p in parts for c in p["cells"]])


def _indicators_table() -> ParsedTable:
    return _table(0, HEADER, ROW_LABELS, VALUES)


def _regions_table() -> ParsedTable:
    header = ["Субъект", "2017", "2018"]
    labels = ["Курская область", "Белгородская область", "Всего"]
    values = [["380,2", "411,9"], ["1 984,0", "2 104,5"], ["2 364,2", "2 516,4"]]
    return _table(1, header, labels, values, "Экспорт, млн долл. США")


def _figures() -> pd.DataFrame:
    """Two figures as the figure extractor writes them (with F1's resolution columns)."""
    base = {"doc_id": DOC_A, "page": 12, "unit": "USD", "qualifier": "=", "kind": "level"}
    resolved = {
        "figure_id": "f1",
        "value_scaled": 411.9e6,
        "indicator": "export",
        "measure": "объём экспорта",
        "subject_code": "RU-KRS",
        "subject": "Курская область",
        "subject_type": "region",
        "period_start": "2018-01-01",
        "period_end": "2018-12-31",
        "period_precision": "year",
    }
    unresolved = {"figure_id": "f2", "value_scaled": 380.2e6, "indicator": None}
    return pd.DataFrame([base | resolved, base | unresolved])


def test_columns_are_the_contract() -> None:
    tables, cells = _frames(DOC_B, [_indicators_table()])
    obs = build_observations(_figures(), cells, tables)
    assert list(obs.columns) == list(COLUMNS["observations"])
    assert str(obs["period_start"].dtype).startswith("date32")


def test_table_cells_get_indicator_period_base_and_kind() -> None:
    tables, cells = _frames(DOC_B, [_indicators_table()])
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    retail = obs.loc[(0, 1)]
    assert (retail["indicator"], retail["unit"], retail["value_scaled"]) == (
        "retail_turnover",
        "RUB",
        2591.5e9,
    )
    assert (str(retail["period_start"]), str(retail["period_end"])) == ("2017-08-01", "2017-08-31")
    assert (retail["kind"], retail["source"], retail["measure"]) == (
        "level",
        "table",
        "оборот розничной торговли",
    )
    change = obs.loc[(1, 3)]
    assert (change["indicator"], change["unit"], change["value_scaled"]) == (
        "trade_turnover",
        "PERCENT",
        127.0,
    )
    assert (str(change["period_start"]), str(change["period_end"])) == ("2017-01-01", "2017-08-31")
    assert (change["kind"], change["base_period"]) == ("change", "2016-01/2016-08")
    cpi = obs.loc[(2, 2)]
    assert (cpi["indicator"], cpi["base_period"], cpi["value_scaled"]) == (
        "consumer_price_index",
        "2016-08",
        103.3,
    )
    assert (2, 1) not in obs.index  # an empty cell is no observation


def test_a_comparison_column_takes_the_reporting_period_of_its_group() -> None:
    """Rosstat's bulletin, p. 4: "В % к" spans "августу 2016г." and "июлю 2017г." beside
    "Август 2017г."; the comparisons are August 2017 against their bases. Units without a space
    after the scale ("млрд.рублей") are read."""
    header = ["", "Август 2017г.", "В % к / августу 2016г.", "В % к / июлю 2017г."]
    labels = ["Продукция сельского хозяйства, млрд.рублей"]
    tables, cells = _frames(DOC_B, [_table(0, header, labels, [["712,6", "104,7", "149,1"]])])
    obs = build_observations(None, cells, tables).set_index("col")
    assert (obs.loc[1, "unit"], obs.loc[1, "value_scaled"]) == ("RUB", 712.6e9)
    for col, base in ((2, "2016-08"), (3, "2017-07")):
        got = obs.loc[col]
        assert (got["indicator"], got["kind"], got["base_period"]) == ("agricultural_output", "change", base)
        assert (str(got["period_start"]), str(got["period_end"])) == ("2017-08-01", "2017-08-31")


def test_a_relative_base_in_a_label_is_dated_from_the_cell_period() -> None:
    """Rosstat's monthly tables: "к соответствующему периоду предыдущего года", "к предыдущему
    месяцу", "к предыдущему периоду", "к соответствующей дате предыдущего года" under a period
    give the same months a year earlier, the month before, the period before."""
    header = [
        "",
        "Январь-август 2017г. / В % к / соответствующему периоду предыдущего года",
        "Август 2017г. / К предыдущему месяцу",
        "II квартал 2017г. / В % к / предыдущему периоду",
        "Март 2016г. / к соответствующей дате предыдущего года",
    ]
    rows = [["101,9", "100,3", "107,6", "98,0"]]
    tables, cells = _frames(DOC_B, [_table(0, header, ["Индекс промышленного производства"], rows)])
    obs = build_observations(None, cells, tables).set_index("col")
    assert obs["base_period"].tolist() == ["2016-01/2016-08", "2017-07", "2017-Q1", "2015-03"]
    assert str(obs.loc[1, "period_start"]) == "2017-01-01" and obs.loc[2, "kind"] == "change"


def test_caption_gives_indicator_when_labels_only_say_where_and_when() -> None:
    tables, cells = _frames(DOC_A, [_regions_table()])
    obs = build_observations(None, cells, tables)
    rows = obs.fillna({"subject_code": "-"}).to_dict("records")
    got = {(o["subject_code"], str(o["period_start"])[:4], o["value_scaled"]) for o in rows}
    assert got == {
        ("RU-KRS", "2017", 380.2e6), ("RU-KRS", "2018", 411.9e6), ("RU-BEL", "2017", 1984e6),
        ("RU-BEL", "2018", 2104.5e6), ("-", "2017", 2364.2e6), ("-", "2018", 2516.4e6),  # "Всего": no region
    }  # fmt: skip
    assert set(obs["indicator"]) == {"export"} and set(obs["unit"]) == {"USD"}


def test_a_city_cell_carries_the_iso_code_like_a_figure_and_its_own_code_beside() -> None:
    header = ["Город", "2017", "2018"]
    values = [["95,0", "101,3"], ["380,2", "411,9"]]
    table = _table(1, header, ["Ростов-на-Дону", "Курская область"], values, "Экспорт, млн долл. США")
    obs = build_observations(None, *reversed(_frames(DOC_A, [table])))
    got = set(zip(obs["subject_code"], obs["territory_code"].fillna("-"), strict=True))
    assert got == {("RU-ROS", "RU-ROS/rostov-na-donu"), ("RU-KRS", "-")}


def test_caption_is_not_a_label_of_other_quantities() -> None:
    header = ["Государство", "Место", "ВВП (по ППС) за 2018 г."]
    table = _table(
        0, header, ["Китай", "США"], [["1", "25362"], ["2", "20494"]], "Таблица 1- ВВП (по ППС) в млрд. долл."
    )
    tables, cells = _frames(DOC_A, [table])
    obs = build_observations(None, cells, tables)
    assert set(zip(obs["subject_code"], obs["col"], strict=True)) == {
        ("CN", 2),
        ("US", 2),
    }  # "Место" is a rank
    assert set(obs["indicator"]) == {"gdp"}


def test_default_subject_and_text_rows() -> None:
    tables, cells = _frames(DOC_B, [_indicators_table()])
    obs = build_observations(_figures(), cells, tables, default_subject=resolve_territory("России"))
    text = obs[obs["source"] == "text"]
    assert list(text["figure_id"]) == ["f1"]  # a figure without an indicator is no observation
    assert (text.iloc[0]["subject_code"], text.iloc[0]["review_status"]) == ("RU-KRS", "unreviewed")
    assert set(obs.loc[obs["source"] == "table", "subject_code"]) == {"RU"}


def test_ids_are_stable_and_unique() -> None:
    tables, cells = _frames(DOC_B, [_indicators_table()])
    first = build_observations(_figures(), cells, tables)["observation_id"]
    second = build_observations(_figures(), cells.sample(frac=1, random_state=1), tables)["observation_id"]
    assert first.is_unique and set(first) == set(second)


def test_conflicts_view(tmp_path) -> None:
    tables, cells = _frames(DOC_A, [_regions_table()])
    figures = _figures()
    figures.loc[0, "value_scaled"] = 430e6  # the text of the same document says otherwise
    other = figures.assign(doc_id=DOC_B, figure_id="f9", value_scaled=411.95e6)  # agrees within rounding
    part = figures.assign(doc_id=DOC_B, figure_id="f8", value_scaled=7.5e6, measure="экспорт вафель")
    products = _frames(DOC_B, [_table(2, ["Товарная группа", "Объем экспорта в 2018 г., млн. долл. США"],
                                      ["Злаки"], [["73,6"]])])  # fmt: skip
    obs = pd.concat(
        [
            build_observations(figures, cells, tables),
            build_observations(
                pd.concat([other, part]), products[1], products[0], resolve_territory("Курская")
            ),
        ]
    )
    assert "объем экспорта — Злаки" in set(obs["measure"])
    write_tables(tmp_path, {"observations": obs})
    with duckdb.connect(str(tmp_path / DUCKDB_FILE)) as con:
        rows = con.execute(
            "SELECT indicator, subject_code, year(period_start), value_a, value_b, source_a, source_b "
            "FROM observations_conflicts"
        ).fetchall()
    pairs = {(r[0], r[1], r[2], frozenset({r[3], r[4]}), frozenset({r[5], r[6]})) for r in rows}
    assert pairs == {
        ("export", "RU-KRS", 2018, frozenset({430e6, 411.9e6}), frozenset({"text", "table"})),
        ("export", "RU-KRS", 2018, frozenset({430e6, 411.95e6}), frozenset({"text"})),
    }


@pytest.mark.parametrize(
    ("labels", "period", "base"),
    [
        (["2019 / I кв."], ("2019-01-01", "2019-03-31"), None),
        (
            ["Январь-август 2017г. в % к январю-августу 2016г."],
            ("2017-01-01", "2017-08-31"),
            "2016-01/2016-08",
        ),
        (["Экспорт, млн долл. США", "2018"], ("2018-01-01", "2018-12-31"), None),
        (["в % к 2015 г."], None, "2015"),
        (["Темп прироста экспорта, %", "Сценарий / 2018 - 2020"], ("2018-01-01", "2020-12-31"), None),
        (["Место"], None, None),
        (["Август 2017г. к / декабрю 2016г."], ("2017-08-01", "2017-08-31"), "2016-12"),
        (["2017г. к 2016г. / +, -"], ("2017-01-01", "2017-12-31"), "2016"),
    ],
)
def test_label_period(labels, period, base) -> None:
    got, got_base = label_period(labels)
    assert ((got.start, got.end) if got else None) == period
    assert (compact_iso(got_base) if got_base else None) == base


def test_label_kind() -> None:
    assert label_kind(["Валовая добавленная стоимость", "в % к итогу"]) == "share"
    assert label_kind(["Ростовская область", "2018"]) == "level"
    assert label_kind(["Прогноз 2024"]) == "target"


def _declaration_table() -> ParsedTable:
    """A target-indicator table as the parser gives it: a spanning header, the years in a header
    row parsed as data, a unit column (layout of a regional investment declaration)."""
    header = ["Наименование показателя", "Единица измерения", "Значение (уровень) показателя", "", ""]
    rows = [
        ["", "", "2021 г.", "2022 г.", "2030 г."],
        ["Темп роста (индекс роста) физического объема инвестиций в основной капитал", "% к 2020 году",
         "103,2", "107,9", "170,0"],
        ["Объем отгруженных товаров собственного производства", "млрд рублей", "550,1", "580,4", "812,0"],
        ["Доля экспорта в ВРП", "%", "9,4%", "9,8%", "12,0%"],
    ]  # fmt: skip
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cells.append(TableCell(r, c, 2, text, row_label=row[0] or None, col_label=header[c] or None))
    return ParsedTable(0, 2, 2, header, cells)


def test_header_rows_unit_column_and_percent_cells() -> None:
    tables, cells = _frames(DOC_A, [_declaration_table()])
    obs = build_observations(None, cells, tables, default_subject=resolve_territory("Курская область"))
    by_cell = {(o["row"], o["col"]): o for o in obs.to_dict("records")}
    assert 0 not in {row for row, _ in by_cell}  # the row of years is a header, not data
    index = by_cell[(1, 4)]
    assert (index["indicator"], index["unit"], index["value_scaled"]) == (
        "fixed_capital_investment",
        "PERCENT",
        170.0,
    )
    assert (str(index["period_start"]), index["base_period"], index["kind"]) == (
        "2030-01-01",
        "2020",
        "change",
    )
    shipped = by_cell[(2, 3)]
    assert (shipped["indicator"], shipped["unit"], shipped["value_scaled"]) == (
        "shipped_goods",
        "RUB",
        580.4e9,
    )
    assert str(shipped["period_start"]) == "2022-01-01" and shipped["subject_code"] == "RU-KRS"
    share = by_cell[(3, 2)]
    assert (share["indicator"], share["unit"], share["value_scaled"]) == ("export_to_grp", "PERCENT", 9.4)


def test_product_rows_take_the_indicator_of_their_column() -> None:
    header = ["Товарная группа", "Объем экспорта, млн. долл. США", "Доля в общем объеме экспорта"]
    labels = ["Минеральные продукты", "Продукция химической промышленности, каучук", "Злаки"]
    values = [["262,3", "38,4%"], ["86,5", "12,7%"], ["73,6", "10,8%"]]
    tables, cells = _frames(DOC_A, [_table(0, header, labels, values)])
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    assert set(obs["indicator"]) == {"export"}
    chem = obs.loc[(1, 1)]
    assert (chem["measure"], chem["value_scaled"], chem["unit"]) == (
        "объем экспорта — Продукция химической промышленности, каучук", 86.5e6, "USD",
    )  # fmt: skip  # the group is named whole (ТН ВЭД "…, каучук"), not cut at its comma
    assert (obs.loc[(2, 2)]["kind"], obs.loc[(2, 2)]["unit"]) == ("share", "PERCENT")


def test_caption_gives_period_and_territory_to_cells_that_name_their_indicator() -> None:
    header = ["Товарная группа", "Объем экспорта, млн. долл. США", "Доля в общем объеме экспорта"]
    caption = "Таблица N 7 Структура экспорта Курской области в 2018 году"
    table = _table(0, header, ["Минеральные продукты"], [["262,3", "38,4%"]], caption)
    tables, cells = _frames(DOC_A, [table])
    obs = build_observations(None, cells, tables).set_index("col")
    assert (obs.loc[1, "indicator"], obs.loc[1, "subject_code"]) == ("export", "RU-KRS")
    assert (str(obs.loc[1, "period_start"]), str(obs.loc[1, "period_end"])) == ("2018-01-01", "2018-12-31")
    # the caption's "Структура" makes the percent cell a share; an amount in dollars stays a level
    assert (obs.loc[2, "kind"], obs.loc[1, "kind"]) == ("share", "level")


def _wage_table() -> ParsedTable:
    """The layout of a Rosstat bulletin table: a second header row parsed as data, a section row
    "2016г." above the months, a column that only says "В % к …" under a caption that says what."""
    header = ["", "Среднемесячная номинальная начисленная заработная плата, рублей", "В % к"]
    rows = [
        ["", "", "соответствующему периоду предыдущего года"],
        ["2016г.", "", ""],
        ["Январь", "32660", "105,8"],
        ["I квартал", "34000", "107,7"],
        ["2017г.", "", ""],
        ["Январь", "34422", "107,0"],
    ]
    caption = "Таблица 3 ДИНАМИКА СРЕДНЕМЕСЯЧНОЙ НОМИНАЛЬНОЙ НАЧИСЛЕННОЙ ЗАРАБОТНОЙ ПЛАТЫ"
    cells = [
        TableCell(r, c, 96, text, row_label=row[0] or None, col_label=header[c] or None)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    return ParsedTable(0, 96, 96, header, cells, caption=caption)


def test_section_rows_give_the_year_and_caption_the_indicator_of_a_kind_column() -> None:
    tables, cells = _frames(DOC_B, [_wage_table()])
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    assert set(obs.index) == {(2, 1), (2, 2), (3, 1), (3, 2), (5, 1), (5, 2)}
    assert set(obs["indicator"]) == {"average_wage"}
    jan16, q1, jan17 = obs.loc[(2, 1)], obs.loc[(3, 1)], obs.loc[(5, 2)]
    assert (str(jan16["period_start"]), str(jan16["period_end"]), jan16["value_scaled"]) == (
        "2016-01-01", "2016-01-31", 32660.0,
    )  # fmt: skip
    assert (str(q1["period_start"]), str(q1["period_end"]), q1["kind"]) == (
        "2016-01-01",
        "2016-03-31",
        "level",
    )
    assert (str(jan17["period_start"]), jan17["kind"], jan17["value_scaled"]) == (
        "2017-01-01",
        "change",
        107.0,
    )


def test_a_country_group_in_the_column_label_is_a_breakdown() -> None:
    header = [
        "",
        "Всего / экспорт / млн. долларов США",
        "Государства-участники СНГ / экспорт / млн. долларов США",
    ]
    table = _table(0, header, ["2016г."], [["281 851", "39 948"]], "ВНЕШНЯЯ ТОРГОВЛЯ РОССИЙСКОЙ ФЕДЕРАЦИИ")
    tables, cells = _frames(DOC_B, [table])
    obs = build_observations(None, cells, tables).set_index("col")
    assert set(obs["indicator"]) == {"export"} and set(obs["subject_code"]) == {"RU"}
    assert obs.loc[1, "value_scaled"] == 281_851e6 and "—" not in obs.loc[1, "measure"]
    assert obs.loc[2, "measure"].endswith("— Государства-участники СНГ")


def test_a_narrowing_adjective_is_a_breakdown() -> None:
    header = ["Категория экспорта", "2017 г.", "2018 г."]
    labels = ["Сырьевой экспорт", "Несырьевой экспорт", "Совокупный объем экспорта"]
    values = [["287,4", "305,4"], ["334,9", "378,1"], ["622,3", "683,5"]]
    table = _table(0, header, labels, values, "Экспорт Курской области в разрезе категорий, млн. долл. США")
    tables, cells = _frames(DOC_A, [table])
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    assert (obs.loc[(0, 2), "indicator"], obs.loc[(0, 2), "measure"]) == ("export", "экспорт — сырьевой")
    assert obs.loc[(1, 2), "indicator"] == "non_resource_export"  # an indicator of its own
    total = obs.loc[(2, 2)]
    assert (total["measure"], total["value_scaled"]) == ("объем экспорта", 683.5e6)


def test_a_citys_cell_is_not_compared_with_its_regions_figure(tmp_path) -> None:
    table = _table(1, ["Город", "2018"], ["Курск", "Курская область"], [["300,0"], ["430,0"]],
                   "Экспорт, млн долл. США")  # fmt: skip
    tables, cells = _frames(DOC_B, [table])
    obs = pd.concat([build_observations(_figures(), None, None), build_observations(None, cells, tables)])
    write_tables(tmp_path, {"observations": obs})
    with duckdb.connect(str(tmp_path / DUCKDB_FILE)) as con:
        rows = con.execute("SELECT value_a, value_b FROM observations_conflicts").fetchall()
    assert {frozenset(r) for r in rows} == {frozenset({411.9e6, 430e6})}  # Курск's 300,0 is no conflict


def test_a_counted_indicators_cell_without_unit_is_a_count() -> None:
    """ "Число предприятий" and "Численность населения" are only ever counted: their cells are
    COUNT like a figure's counted noun; an index in points and a percent stay as they are."""
    header = ["Показатель", "2016", "2017"]
    labels = ["Число предприятий", "Численность населения, тыс. человек", "Индекс потребительских цен"]
    values = [["73", "81"], ["1 104,0", "1 107,2"], ["103,1", "102,5"]]
    tables, cells = _frames(DOC_A, [_table(0, header, labels, values)])
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    enterprises, population, prices = obs.loc[(0, 1)], obs.loc[(1, 2)], obs.loc[(2, 1)]
    assert (enterprises["indicator"], enterprises["unit"], enterprises["value_scaled"]) == (
        "enterprises",
        "COUNT",
        73,
    )
    assert (population["indicator"], population["unit"], population["value_scaled"]) == (
        "population", "COUNT", 1_107_200,
    )  # fmt: skip
    assert prices["indicator"] == "consumer_price_index" and pd.isna(prices["unit"])


def _rows(obs: pd.DataFrame, *fields: str) -> dict[tuple[int, int], tuple]:
    return {(r["row"], r["col"]): tuple(r[f] for f in fields) for r in obs.to_dict("records")}


def test_items_of_a_caption_in_capitals_are_its_breakdown_with_their_own_unit() -> None:
    """Rosstat's bulletin, p. 16, Таблица 7: products the catalog does not know are items of the
    caption's production; "Рыба сушеная, тонн" is in tonnes, not in the header's "тыс.тонн"; "из них
    подсолнечное" is a part of the oils above it, which its measure keeps."""
    header = ["", "Август 2017г., тыс.тонн", "В % к / августу 2016г.", "В % к / июлю 2017г."]
    labels = ["Масла растительные и их фракции нерафинированные", "из них подсолнечное", "Рыба сушеная, тонн"]
    values = [["319", "105,3", "70,4"], ["235", "107,7", "64,9"], ["704", "158,9", "103,4"]]
    caption = "Таблица 7 ПРОИЗВОДСТВО ОТДЕЛЬНЫХ ВИДОВ ПИЩЕВЫХ ПРОДУКТОВ"
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    got = _rows(
        build_observations(None, cells, tables), "indicator", "measure", "value_scaled", "unit", "kind"
    )
    assert got[(0, 1)] == (
        "production_volume",
        "производство пищевых продуктов — Масла растительные и их фракции нерафинированные",
        319e3,
        "TONNE",
        "level",
    )
    assert got[(1, 1)] == (
        "production_volume",
        "производство пищевых продуктов — Масла растительные и их фракции нерафинированные — Подсолнечное",
        235e3,
        "TONNE",
        "level",
    )
    assert got[(2, 1)][2:] == (704, "TONNE", "level")
    assert got[(1, 2)][2:] == (107.7, "PERCENT", "change")


def test_a_dynamics_caption_names_its_quantity_in_the_nominative() -> None:
    """Rosstat, p. 11, Таблица 2 "ДИНАМИКА ДОБЫЧИ ПОЛЕЗНЫХ ИСКОПАЕМЫХ": months of the 2016 section
    against the same month a year before and against the month before."""
    header = ["", "В % к / соответствующему периоду предыдущего года", "В % к / предыдущему периоду"]
    labels = ["2016г.", "Январь", "II квартал"]
    values = [["", ""], ["100,1", "95,1"], ["102,2", "99,8"]]
    tables, cells = _frames(
        DOC_B, [_table(0, header, labels, values, "Таблица 2 ДИНАМИКА ДОБЫЧИ ПОЛЕЗНЫХ ИСКОПАЕМЫХ")]
    )
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    assert set(obs["measure"]) == {"добыча полезных ископаемых"} and set(obs["indicator"]) == {
        "mining_output"
    }
    assert (str(obs.loc[(1, 1), "period_start"]), obs.loc[(1, 1), "base_period"]) == ("2016-01-01", "2015-01")
    assert (str(obs.loc[(2, 2), "period_start"]), obs.loc[(2, 2), "base_period"]) == ("2016-04-01", "2016-Q1")


def test_the_average_month_of_a_year_is_a_base_and_an_index_named_once() -> None:
    """Rosstat, p. 10: "В % к среднемесячному значению 2014г." compares January 2017 with 2014."""
    header = ["", "В % к / среднемесячному значению 2014г. / фактически"]
    labels = ["2017г.", "Январь"]
    values = [[""], ["90,2"]]
    tables, cells = _frames(
        DOC_B, [_table(0, header, labels, values, "Таблица 1 ИНДЕКСЫ ПРОМЫШЛЕННОГО ПРОИЗВОДСТВА")]
    )
    row = build_observations(None, cells, tables).iloc[0]
    assert (str(row["period_start"]), row["base_period"], row["kind"]) == ("2017-01-01", "2014", "change")
    assert row["measure"] == "индексы промышленного производства"


def test_plus_minus_columns_are_changes_and_a_percent_of_an_area_is_a_share() -> None:
    """Rosstat, p. 60 (harvest, continued): "+, -" under "2017г. к 2016г." is the change on 2016,
    "%" the ratio to 2016; "в % к площади посадки" is a part of the planted area, not a change."""
    header = ["", "2017г.", "2017г. к 2016г. / +, -", "2017г. к 2016г. / %"]
    labels = [
        "Намолочено зерна (в первоначально оприходованном весе) - всего, млн.тонн",
        "в % к площади посадки",
    ]
    values = [["65,4", "+2,5", "104,0"], ["8,6", "", ""]]
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values)])
    obs = build_observations(None, cells, tables).fillna({"base_period": "-"})
    got = _rows(obs, "unit", "kind", "base_period")
    assert got[(0, 1)] == ("TONNE", "level", "-") and got[(0, 2)] == ("TONNE", "change", "2016")
    assert got[(0, 3)] == ("PERCENT", "change", "2016") and got[(1, 1)][:2] == ("PERCENT", "share")
    values = _rows(obs, "value_scaled")
    assert [values[k][0] for k in [(0, 1), (0, 2), (0, 3)]] == pytest.approx([65.4e6, 2.5e6, 104.0])


def test_an_amount_under_a_dynamics_caption_is_a_level() -> None:
    """Rosstat, p. 64, "ДИНАМИКА ВВОДА В ДЕЙСТВИЕ ЖИЛЫХ ДОМОВ": the column led by its unit
    ("Млн.м² общей площади", the ² lost by the parse) holds amounts, the percent columns changes."""
    header = ["", "Млн.м общей площади жилых помещений", "В % к / соответствующему периоду предыдущего года"]
    values = [["", ""], ["5,5", "88,5"]]
    caption = "Таблица 2 ДИНАМИКА ВВОДА В ДЕЙСТВИЕ ЖИЛЫХ ДОМОВ"
    tables, cells = _frames(DOC_B, [_table(0, header, ["2016г.", "Январь"], values, caption)])
    got = _rows(build_observations(None, cells, tables), "measure", "value_scaled", "kind", "indicator")
    assert got[(1, 1)][:3] == ("площадь жилых помещений", 5.5e6, "level")
    assert got[(1, 2)] == ("ввод в действие жилых домов", 88.5, "change", "housing_commissioned")


def test_numbered_rows_and_other_quantities_are_no_items_of_the_caption() -> None:
    """Kursk investment section, p. 13: shops per trading company ("N п/п" rows 1, 2) are no count
    of the enterprises the caption lists; they are what their own column says (catalog
    2026-12-01.3 has retail outlets)."""
    header = ["N п/п", "Количество магазинов в Курской области, шт."]
    caption = "Таблица N 3 Перечень ведущих крупных предприятий торговли в Курской области"
    tables, cells = _frames(DOC_A, [_table(0, header, ["1", "2"], [["63"], ["12"]], caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "value_scaled")
    assert got == {
        (0, 1): ("retail_outlets", "число магазинов", 63),
        (1, 1): ("retail_outlets", "число магазинов", 12),
    }


def test_a_part_row_takes_the_indicator_of_its_row_but_not_its_country() -> None:
    """Rosstat, p. 94: "реальная" is the real wage of the row above; p. 110: "другие страны"
    are not Estonia, the row above them."""
    header = ["", "Август 2017г.", "В % к / августу 2016г."]
    labels = ["Среднемесячная начисленная заработная плата работников организаций: номинальная", "реальная"]
    values = [["38040", "107,1"], ["", "103,7"]]
    table = _table(
        0, header, labels, values, "Таблица 1 ОСНОВНЫЕ ПОКАЗАТЕЛИ, ХАРАКТЕРИЗУЮЩИЕ УРОВЕНЬ ЖИЗНИ НАСЕЛЕНИЯ"
    )
    migration = _table(
        1,
        ["", "число прибывших", "число выбывших"],
        ["Эстония", "другие страны"],
        [["575", "534"], ["6535", "5812"]],
    )
    tables, cells = _frames(DOC_B, [table, migration])
    obs = build_observations(None, cells, tables)
    wage = obs[obs["table_id"] == tables["table_id"][0]].set_index(["row", "col"])
    assert (wage.loc[(1, 2), "indicator"], wage.loc[(1, 2), "kind"]) == ("average_wage", "change")
    assert (
        wage.loc[(1, 2), "measure"]
        == "среднемесячная начисленная заработная плата работников организаций — Реальная"
    )
    others = obs[(obs["table_id"] == tables["table_id"][1]) & (obs["row"] == 1)]
    assert len(others) == 2 and others["subject_code"].isna().all()


def test_a_group_in_the_indicator_s_own_words_is_no_breakdown() -> None:
    """Kursk investment declaration, p. 15: "Индекс промышленного производства" is not broken down
    by "промышленного производства"; rosstat p. 72: "Страны дальнего зарубежья / экспорт" is export
    to those countries."""
    header = [
        "",
        "Значение (уровень) показателя / 2021 г.",
        "Страны дальнего зарубежья / экспорт / млн. долларов США",
    ]
    tables, cells = _frames(
        DOC_A, [_table(0, header, ["Индекс промышленного производства"], [["105,3", ""]])]
    )
    assert build_observations(None, cells, tables).iloc[0]["measure"] == "индекс промышленного производства"
    tables, cells = _frames(DOC_B, [_table(0, ["", header[2]], ["Январь 2017г."], [["16 419"]])])
    assert build_observations(None, cells, tables).iloc[0]["measure"] == "экспорт — Страны дальнего зарубежья"


def test_a_header_cell_spanning_split_columns_labels_each_of_them() -> None:
    """Rosstat, p. 74, Таблица 3: "экспорт" spans "млн. долларов США" and "в % к", which spans
    "соответствующему периоду предыдущего года" and "предыдущему периоду" (header rows parsed as
    data); January 2016 against December 2015 is a change of export, not of the whole turnover."""
    header = ["", "Внешнеторговый оборот", "", "", "В том числе", "", ""]
    same, previous = "соответствующему периоду предыдущего года", "предыдущему периоду"
    values = [
        ["", "", "", "экспорт", "", ""],
        ["млн. долларов США", "в % к", "", "млн. долларов США", "в % к", ""],
        ["", same, previous, "", same, previous],
        ["", "", "", "", "", ""],
        ["26735", "68,1", "58,5", "17630", "62,8", "60,4"],
    ]
    caption = "Таблица 3 ДИНАМИКА ВНЕШНЕТОРГОВОГО ОБОРОТА РОССИИ"
    tables, cells = _frames(DOC_B, [_table(0, header, ["", "", "", "2016г.", "Январь"], values, caption)])
    obs = build_observations(None, cells, tables).fillna({"base_period": "-"})
    got = _rows(obs, "indicator", "unit", "kind", "base_period")
    assert got[(4, 3)] == ("trade_turnover", "PERCENT", "change", "2015-12")
    assert got[(4, 4)] == ("export", "USD", "level", "-")
    assert got[(4, 6)] == ("export", "PERCENT", "change", "2015-12")
    assert set(obs["period_start"].astype(str)) == {"2016-01-01"}


def test_product_groups_under_a_caption_naming_the_indicator_after_an_adjective_head() -> None:
    """Kursk export strategy, p. 14, Таблица N 9: the groups are items of the region's export
    ("Отраслевая динамика" only presents it), each year against the year before."""
    caption = (
        "Таблица N 9 Отраслевая динамика экспорта Курской области в 2015 - 2018 гг. "
        "(в процентах к уровню предыдущего года)"
    )
    header = ["Товарная группа", "2015 г.", "2016 г."]
    values = [["-66%", "30%"], ["-53%", "38%"]]
    tables, cells = _frames(
        DOC_A, [_table(0, header, ["Минеральные продукты", "Другие товары"], values, caption)]
    )
    got = _rows(
        build_observations(None, cells, tables), "indicator", "measure", "kind", "base_period", "subject_code"
    )
    assert got[(0, 1)] == (
        "export",
        "экспорт — Минеральные продукты",
        "change",
        "2014",
        "RU-KRS",
    )
    assert got[(1, 2)] == ("export", "экспорт — Другие товары", "change", "2015", "RU-KRS")


def test_header_rows_over_split_columns_give_each_its_unit_and_period() -> None:
    """Rosstat, p. 107, Таблица 2: "тыс.человек" spans 2017, 2016 and "прирост (+), снижение (-)",
    "на 100 тыс. человек населения" spans 2017, 2016 and "2017г. в % к 2016г." — a percent, not
    a count; all under "Январь-июль"."""
    header = ["", "Январь-июль", "", "", "", "", "", ""]
    values = [
        ["тыс.человек", "", "", "2017г. в % ко всем умершим", "на 100 тыс. человек населения", "", ""],
        ["2017г.", "2016г.", "прирост (+), снижение (-)", "", "", "", ""],
        ["", "", "", "", "2017г.", "2016г.", "2017г. в % к 2016г."],
        ["1083,8", "1107,4", "-23,6", "100", "1271,5", "1298,6", "97,9"],
    ]
    caption = "Таблица 2 РАСПРЕДЕЛЕНИЕ УМЕРШИХ ПО ПРИЧИНАМ СМЕРТИ"
    tables, cells = _frames(DOC_B, [_table(0, header, ["", "", "", "Всего умерших"], values, caption)])
    obs = build_observations(None, cells, tables)
    got = _rows(
        obs.astype({"period_start": str, "period_end": str}), "unit", "kind", "period_start", "period_end"
    )
    assert got[(3, 1)] == ("COUNT", "level", "2017-01-01", "2017-07-31")
    assert got[(3, 2)] == ("COUNT", "level", "2016-01-01", "2016-07-31")
    assert got[(3, 3)][:2] == ("COUNT", "change")
    assert got[(3, 6)][2:] == ("2016-01-01", "2016-07-31")
    assert got[(3, 7)][:2] == ("PERCENT", "change")
    assert _rows(obs, "value_scaled")[(3, 1)][0] == pytest.approx(1083.8e3)
    assert set(obs["indicator"]) == {"deaths"}


def test_a_header_cell_over_no_split_is_not_carried_to_the_next_group() -> None:
    """Rosstat, p. 100, Таблица 5: the "млн. рублей" and "в % к предыдущему месяцу" of the whole
    arrears stop at their own columns; "из-за несвоевременного получения денежных средств из
    бюджетов всех уровней" spans the split "млн. рублей" and "в % к" under it."""
    header = [
        "",
        "Просроченная задолженность по заработной плате",
        "",
        "В том числе задолженность",
        "",
        "",
        "",
    ]
    late = "из-за несвоевременного получения денежных средств из бюджетов всех уровней"
    previous = "в % к предыдущему месяцу"
    values = [
        ["", "", late, "", "из-за отсутствия собственных средств", ""],
        ["млн. рублей", previous, "", "", "", ""],
        ["", "", "", "", "млн. рублей", previous],
        ["", "", "млн. рублей", previous, "", ""],
        ["", "", "", "", "", ""],
        ["3572", "91,6", "74", "90,2", "2809", "73,6"],
    ]
    caption = "Таблица 5 ДИНАМИКА ПРОСРОЧЕННОЙ ЗАДОЛЖЕННОСТИ ПО ЗАРАБОТНОЙ ПЛАТЕ на начало месяца"
    labels = ["", "", "", "", "2016г.", "Январь"]
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    obs = build_observations(None, cells, tables).fillna({"base_period": "-"})
    got = _rows(obs, "unit", "kind", "base_period")
    assert got[(5, 1)] == ("RUB", "level", "-") and got[(5, 2)] == ("PERCENT", "change", "2015-12")
    assert got[(5, 3)] == ("RUB", "level", "-") and got[(5, 4)] == ("PERCENT", "change", "2015-12")
    assert "из-за несвоевременного" in obs.set_index(["row", "col"]).loc[(5, 4), "measure"].lower()


def test_a_column_stating_only_a_scaled_unit_takes_the_caption_s_quantity() -> None:
    """Rosstat, p. 66, Таблица 2 "ДИНАМИКА ГРУЗООБОРОТА ТРАНСПОРТА": "Млрд.т-км" (a unit the
    lexicon does not know, its scale read) only says in what the freight turnover is counted."""
    header = [
        "",
        "Млрд.т-км",
        "В % к / соответствующему периоду предыдущего года",
        "В % к / предыдущему периоду",
    ]
    values = [["", "", ""], ["428,5", "101,0", "93,3"]]
    caption = "Таблица 2 ДИНАМИКА ГРУЗООБОРОТА ТРАНСПОРТА"
    tables, cells = _frames(DOC_B, [_table(0, header, ["2016г.", "Январь"], values, caption)])
    obs = build_observations(None, cells, tables).set_index(["row", "col"])
    amount = obs.loc[(1, 1)]
    assert (amount["indicator"], amount["measure"], amount["kind"]) == (
        "freight_turnover",
        "грузооборот транспорта",
        "level",
    )
    assert amount["value_scaled"] == pytest.approx(428.5e9) and str(amount["period_start"]) == "2016-01-01"
    assert obs.loc[(1, 3), "base_period"] == "2015-12"


def test_a_count_column_under_a_caption_naming_the_quantity_gives_it_to_every_branch() -> None:
    """Kursk export strategy, p. 65, Таблица N 2: "Количество человек" only says in what the
    caption's employees are counted; the branches of activity are its breakdown, "Обрабатывающие
    производства" too (not a production volume in persons)."""
    header = ["", "Количество человек", "Удельный вес, %"]
    labels = ["Добыча полезных ископаемых", "Обрабатывающие производства", "Строительство"]
    values = [["5900", "1,84"], ["54200", "16,87"], ["18500", "5,76"]]
    caption = (
        "Таблица N 2 Величина и структура среднесписочной численности работников организаций Курской "
        "области в разрезе видов экономической деятельности в 2019 году"
    )
    tables, cells = _frames(DOC_A, [_table(0, header, labels, values, caption)])
    got = _rows(
        build_observations(None, cells, tables), "indicator", "measure", "unit", "kind", "subject_code"
    )
    measure = "среднесписочная численность работников организаций"  # no "Величина и …", no place
    assert got[(0, 1)] == ("employees", f"{measure} — Добыча полезных ископаемых", "COUNT", "level", "RU-KRS")
    assert got[(1, 1)] == (
        "employees",
        f"{measure} — Обрабатывающие производства",
        "COUNT",
        "level",
        "RU-KRS",
    )
    assert got[(2, 2)] == ("employees", f"{measure} — Строительство", "PERCENT", "share", "RU-KRS")


def test_a_growth_column_against_a_year_is_a_change_of_the_year_on_its_left() -> None:
    """Kursk export strategy, p. 12, Таблица N 7: "Прирост к 2014 г." beside "2015 г." is the 2015
    change against 2014; a caption with abbreviations ("ЦФО", p. 6) is no caption in capitals."""
    header = ["", "2015 г.", "Прирост к 2014 г.", "2016 г."]
    labels = ["Малые предприятия"]
    values = [["42", "-19%", "134"]]
    caption = "Количество малых и средних предприятий Курской области, осуществляющих экспортную деятельность"
    tables, cells = _frames(DOC_A, [_table(0, header, labels, values, caption)])
    got = _rows(
        build_observations(None, cells, tables), "indicator", "period_start", "kind", "base_period", "unit"
    )
    assert got[(0, 2)] == ("sme", pd.Timestamp("2015-01-01").date(), "change", "2014", "PERCENT")
    assert got[(0, 1)][1:3] == (pd.Timestamp("2015-01-01").date(), "level") and pd.isna(got[(0, 1)][3])
    header = ["Субъект РФ", "2014 г.", "2015 г."]
    labels = ["Москва", "Курская область"]
    values = [["18914,8", "12158,3"], ["516,3", "354,4"]]
    caption = "Объем экспорта на душу населения регионов ЦФО, долл. США на чел."
    tables, cells = _frames(DOC_A, [_table(1, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "subject_code", "unit")
    assert got[(0, 1)] == (
        "export_per_capita",
        "объем экспорта на душу населения",
        "RU-MOW",
        "USD",
    )
    assert got[(1, 2)][2:] == ("RU-KRS", "USD")


def test_a_column_opened_by_in_that_number_is_a_part_of_the_caption_s_quantity() -> None:
    """Rosstat, p. 90, Таблица 4: "В том числе транспорт / железнодорожный" under the caption's
    tariff index is its railway part, not a quantity of its own."""
    header = [
        "",
        "Всего / к предыдущему периоду",
        "В том числе транспорт / железнодорожный / к предыдущему периоду",
    ]
    labels = ["2017г.", "Январь"]
    values = [["", ""], ["100,7", "108,6"]]
    caption = "Таблица 4 ИНДЕКСЫ ТАРИФОВ НА ГРУЗОВЫЕ ПЕРЕВОЗКИ ОТДЕЛЬНЫМИ ВИДАМИ ТРАНСПОРТА в процентах"
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "kind", "base_period")
    total, railway = got[(1, 1)], got[(1, 2)]
    assert railway[0] == total[0] and railway[2:] == total[2:] == ("change", "2016-12")
    assert railway[1] == f"{total[1]} — Транспорт / железнодорожный"


def test_a_column_of_row_numbers_leaves_the_row_labels_to_the_next_column() -> None:
    """Kursk export strategy, p. 73, Таблица N 5: "N" numbers the rows ("1.", blank under it),
    "Потребность в кадрах" names them; the programmes are parts of the row above."""
    header = ["N", "Потребность в кадрах", "2019 г.", "2020 г."]
    labels = ["1.", "", "", "2."]
    rows = [
        ["Абсолютная потребность в кадрах с высшим образованием, чел.", "10673", "10877"],
        ["- программы бакалавриата", "7978", "8158"],
        ["- программы магистратуры", "2166", "2172"],
        ["Абсолютная потребность в кадрах со средним профессиональным образованием", "14522", "14353"],
    ]
    caption = "Таблица N 5 Динамика прогнозируемой ежегодной дополнительной потребности в кадрах"
    cells = []
    for r, (number, row) in enumerate(zip(labels, rows, strict=True)):
        for c, text in enumerate([number, *row]):
            cells.append(TableCell(r, c, 73, text, row_label=number or None, col_label=header[c]))
    tables, frame = _frames(DOC_A, [ParsedTable(0, 73, 73, header, cells, caption=caption)])
    got = _rows(build_observations(None, frame, tables), "indicator", "measure", "unit", "value_scaled")
    assert (0, 0) not in got and (0, 1) not in got  # the row number and the label are no data
    assert got[(0, 2)] == (
        "labour_demand", "абсолютная потребность в кадрах с высшим образованием", "COUNT", 10673
    )  # fmt: skip
    assert got[(1, 3)][0] == "labour_demand" and got[(1, 3)][1].endswith("— Программы бакалавриата")
    assert got[(3, 2)][:2] == (
        "labour_demand", "абсолютная потребность в кадрах со средним профессиональным образованием"
    )  # fmt: skip


def test_a_unit_inside_what_the_caption_names_is_not_the_table_s_unit() -> None:
    """A caption states its table's unit in its last part ("…, млн руб.", "(в млрд руб.)"), not in
    what it names ("с выручкой до 800 млн руб."): the counts stay counts."""
    header = ["Показатель", "2019", "2020"]
    labels = ["Число предприятий"]
    values = [["73", "81"]]
    caption = "Таблица 3 Число предприятий с выручкой до 800 млн руб. по районам"
    tables, cells = _frames(DOC_A, [_table(0, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "unit", "value_scaled")
    assert got[(0, 1)] == ("enterprises", "COUNT", 73)
    caption = (
        "Таблица 4 Инвестиции в основной капитал организаций с числом работников до 15 человек, млн руб."
    )
    tables, cells = _frames(DOC_A, [_table(1, header, ["Инвестиции в основной капитал"], values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "unit", "value_scaled")
    assert got[(0, 2)] == ("fixed_capital_investment", "RUB", 81e6)
    caption = "Таблица 5 Валовой региональный продукт (в млрд руб.)"
    tables, cells = _frames(DOC_A, [_table(2, header, ["Курская область"], values, caption)])
    got = _rows(build_observations(None, cells, tables), "unit", "value_scaled", "subject_code")
    assert got[(0, 1)] == ("RUB", 73e9, "RU-KRS")


def test_an_aside_in_brackets_inside_a_row_label_is_left_out_of_the_measure() -> None:
    """Kursk investment declaration, p. 2: "(индекс роста)" inside the label does not end the
    quantity's name; the year 2020 after "к" is the base of each year's column."""
    header = ["", "Значение (уровень) показателя / 2021 г.", "Значение (уровень) показателя / 2030 г."]
    labels = ["Темп роста (индекс роста) физического объема инвестиций в основной капитал, % к 2020 году"]
    tables, cells = _frames(DOC_A, [_table(0, header, labels, [["103,2", "170,0"]])])
    obs = build_observations(None, cells, tables)
    got = _rows(obs, "indicator", "measure", "unit", "kind", "base_period")
    assert got[(0, 2)] == (
        "fixed_capital_investment",
        "темп роста физического объема инвестиций в основной капитал",
        "PERCENT",
        "change",
        "2020",
    )


def test_a_row_saying_what_was_done_is_no_item_of_the_caption_nor_the_caption_its_breakdown() -> None:
    """Rosstat, p. 60, Таблица 2: "Намолочено зерна" names its own quantity; the caption's
    "в сельскохозяйственных организациях" says where, it is neither the indicator of the percent
    column nor a breakdown of the grain."""
    header = ["", "2017г.", "2017г. к 2016г. / %"]
    labels = ["Намолочено зерна (в первоначально оприходованном весе), млн.тонн"]
    caption = (
        "Таблица 2 ХОД УБОРКИ УРОЖАЯ ЗЕРНОВЫХ И ЗЕРНОБОБОВЫХ КУЛЬТУР В СЕЛЬСКОХОЗЯЙСТВЕННЫХ ОРГАНИЗАЦИЯХ "
        "на 1 сентября млн.гектаров"
    )
    tables, cells = _frames(DOC_B, [_table(0, header, labels, [["65,4", "104,0"]], caption)])
    got = _rows(
        build_observations(None, cells, tables), "indicator", "measure", "unit", "value_scaled", "kind"
    )
    assert got[(0, 1)] == ("grain_harvest", "намолочено зерна", "TONNE", pytest.approx(65.4e6), "level")
    assert got[(0, 2)] == ("grain_harvest", "намолочено зерна", "PERCENT", 104.0, "change")


def test_a_caption_s_unit_and_a_total_row_stay_out_of_the_measure() -> None:
    """Rosstat, p. 76, Таблица 5: the caption ends with its unit after a bracketed source; p. 91,
    Таблица 1: a branch under "Всего" is no part of an item."""
    header = ["", "Январь-июль 2017г."]
    caption = (
        "Таблица 5 ИМПОРТ РОССИИ ТОВАРОВ ИЗ СТРАН ДАЛЬНЕГО ЗАРУБЕЖЬЯ (по предварительным данным ФТС России) "
        "млн.долларов США"
    )
    tables, cells = _frames(DOC_B, [_table(0, header, ["Мясо птицы"], [["123,4"]], caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "unit", "value_scaled")
    measure = "импорт товаров из стран дальнего зарубежья — Мясо птицы"
    assert got[(0, 1)] == ("import", measure, "USD", pytest.approx(123.4e6))
    header = ["", "Млн.рублей"]
    labels = ["Всего", "строительство"]
    caption = "Таблица 1 ПРОСРОЧЕННАЯ КРЕДИТОРСКАЯ ЗАДОЛЖЕННОСТЬ ПО ВИДАМ ЭКОНОМИЧЕСКОЙ ДЕЯТЕЛЬНОСТИ"
    tables, cells = _frames(DOC_B, [_table(1, header, labels, [["1 000"], ["25"]], caption)])
    measures = _rows(build_observations(None, cells, tables), "measure")
    assert measures[(1, 1)] == ("просроченная кредиторская задолженность — Строительство",)


def test_adjectives_joined_by_and_do_not_narrow_the_caption_s_indicator() -> None:
    """Rosstat, p. 79, Таблица 2: "МАКСИМАЛЬНЫЕ И МИНИМАЛЬНЫЕ ИНДЕКСЫ ПОТРЕБИТЕЛЬСКИХ ЦЕН" names the
    index; "минимальные" is no breakdown of it."""
    header = ["", "Максимальное значение / индекс цен к предыдущему месяцу"]
    caption = (
        "Таблица 2 МАКСИМАЛЬНЫЕ И МИНИМАЛЬНЫЕ ИНДЕКСЫ ПОТРЕБИТЕЛЬСКИХ ЦЕН И ТАРИФОВ НА ТОВАРЫ И УСЛУГИ "
        "ПО СУБЪЕКТАМ РОССИЙСКОЙ ФЕДЕРАЦИИ в августе 2017 года"
    )
    tables, cells = _frames(DOC_B, [_table(0, header, ["Тюменская область"], [["100,3"]], caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "subject_code")
    measure = "максимальные и минимальные индексы потребительских цен и тарифов на товары и услуги"
    assert got[(0, 1)] == ("consumer_price_index", measure, "RU-TYU")


@pytest.mark.parametrize(
    ("caption", "indicator", "measure"),
    [
        (
            "Таблица 14 ДИНАМИКА ПРОИЗВОДСТВА ТЕКСТИЛЬНЫХ ИЗДЕЛИЙ",
            "industrial_production_index",
            "индекс производства текстильных изделий",
        ),
        (
            "Таблица 4 ДИНАМИКА ПО ОБРАБАТЫВАЮЩИМ ПРОИЗВОДСТВАМ",
            "industrial_production_index",
            "индекс промышленного производства по обрабатывающим производствам",
        ),
        (
            "Таблица 3 ДИНАМИКА ПРОИЗВОДСТВА ПРОДУКЦИИ СЕЛЬСКОГО ХОЗЯЙСТВА",
            "agricultural_output",
            "производство продукции сельского хозяйства",
        ),
    ],
)
def test_the_dynamics_of_an_index_indicator_is_named_as_that_index(caption, indicator, measure) -> None:
    """A branch's production in % of a base is the industrial production index, which the catalog
    names an index: its measure is "Индекс производства …", or the index's name when the caption
    names no quantity after "Динамика"; agricultural output in the same layout is a volume, whose
    change the kind says."""
    header = ["", "В % к / соответствующему периоду предыдущего года", "В % к / предыдущему периоду"]
    labels = ["2016г.", "Март", "I квартал"]
    values = [["", ""], ["103,4", "111,0"], ["101,9", "92,7"]]
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "kind", "base_period")
    assert got[(1, 1)] == (indicator, measure, "change", "2015-03")
    assert got[(2, 2)] == (indicator, measure, "change", "2015-Q4")


def test_a_count_unit_a_row_label_ends_with_makes_its_cells_counts() -> None:
    """A row label ending with the unit of a count ("штук", "тыс.штук", "млн. пар") states the unit of
    its cells: products of a branch caption are counted, with their scale; a noun of the label that
    only looks like one ("газом и паром") is no unit."""
    header = ["", "Август 2017г.", "В % к / августу 2016г."]
    labels = ["Сеялки, штук", "Обувь, млн. пар", "Вентиляторы бытовые, тыс.штук"]
    values = [["714", "96,0"], ["9,8", "103,1"], ["41,2", "88,7"]]
    caption = "Таблица 43 ПРОИЗВОДСТВО ОТДЕЛЬНЫХ ВИДОВ МАШИН И ОБОРУДОВАНИЯ"
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "unit", "value_scaled")
    branch = "производство машин и оборудования"
    assert got[(0, 1)] == ("production_volume", f"{branch} — Сеялки", "COUNT", 714)
    assert got[(1, 1)] == ("production_volume", f"{branch} — Обувь", "COUNT", pytest.approx(9.8e6))
    fans = ("production_volume", f"{branch} — Вентиляторы бытовые", "COUNT", pytest.approx(41.2e3))
    assert got[(2, 1)] == fans
    assert got[(0, 2)][2:] == ("PERCENT", 96.0)
    steam = ["Обеспечение электрической энергией, газом и паром"]
    steam = _table(1, ["", "Январь-август 2017г."], steam, [["3,1"]])
    assert table_rows(DOC_B, steam)["cells"][1]["unit"] is None


def test_columns_naming_the_items_a_caption_lists_break_down_its_quantity() -> None:
    """A bulletin table whose caption lists the goods its column groups name: each column is the
    caption's quantity broken down by its item, its amount included (the item is no quantity of
    its own); a column naming its own quantity keeps it."""
    header = [
        "",
        "Продовольственные товары / млрд. рублей",
        "Продовольственные товары / в % к / соответствующему периоду предыдущего года",
        "Непродовольственные товары / млрд. рублей",
        "Число магазинов",
    ]
    labels = ["2017г.", "Январь", "Февраль"]
    values = [["", "", "", ""], ["1012,4", "98,2", "1096,3", "512"], ["998,7", "97,5", "1085,0", "515"]]
    caption = "Таблица 3 ОБОРОТ РОЗНИЧНОЙ ТОРГОВЛИ ПРОДОВОЛЬСТВЕННЫМИ И НЕПРОДОВОЛЬСТВЕННЫМИ ТОВАРАМИ"
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    got = _rows(
        build_observations(None, cells, tables), "indicator", "measure", "unit", "kind", "period_start"
    )
    food = "оборот розничной торговли — Продовольственные товары"
    assert got[(1, 1)] == ("retail_turnover", food, "RUB", "level", pd.Timestamp("2017-01-01").date())
    assert got[(1, 2)][:4] == ("retail_turnover", food, "PERCENT", "change")
    assert got[(2, 3)][:3] == (
        "retail_turnover",
        "оборот розничной торговли — Непродовольственные товары",
        "RUB",
    )
    assert got[(1, 4)][:2] == ("retail_outlets", "число магазинов")


def test_a_measure_leaves_out_row_numbers_totals_territory_parts_and_joined_presentation_heads() -> None:
    """What a measure names, not how the table presents it: a row's number ("1. "), a "всего" tail,
    a "Всего" row (the quantity itself, no breakdown), a header part naming only a territory (the
    subject says it) and "Величина и структура" before the quantity."""
    header = ["", "Количество, человек", "Удельный вес, %"]
    labels = ["Всего", "Строительство"]
    caption = "Таблица 7 Величина и структура среднесписочной численности работников организаций в 2019 году"
    values = [["312 400", "100,0"], ["15 210", "4,9"]]
    tables, cells = _frames(DOC_A, [_table(0, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "kind")
    assert got[(0, 1)] == ("employees", "среднесписочная численность работников организаций", "level")
    assert got[(1, 1)] == (
        "employees",
        "среднесписочная численность работников организаций — Строительство",
        "level",
    )
    labels = ["1. Среднегодовая численность занятых в экономике", "Численность трудовых ресурсов - всего"]
    tables, cells = _frames(DOC_A, [_table(1, ["", "2019 г."], labels, [["512 300"], ["640 100"]])])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure")
    assert got[(0, 1)] == ("employed", "среднегодовая численность занятых в экономике")
    assert got[(1, 1)] == ("labour_force", "численность трудовых ресурсов")
    header = ["", "Среднегодовой темп роста экспорта в 2016 - 2018 гг. / Курская область"]
    tables, cells = _frames(DOC_A, [_table(2, header, ["Злаки"], [["131,2"]])])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "subject_code")
    assert got[(0, 1)] == ("export", "среднегодовой темп роста экспорта — Злаки", "RU-KRS")


def test_a_quantity_joined_to_a_presentation_head_stays_in_the_measure() -> None:
    """Only a presenting head ("Величина", "Размер", "Динамика") joined to "и структура" is dropped:
    in "Экспорт и структура импорта" the exports are a quantity of their own, so the measure keeps
    them instead of naming the imports alone."""
    header = ["", "Млн. долларов США", "Удельный вес, %"]
    values = [["1 240,5", "100,0"], ["310,2", "25,0"]]
    labels = ["Всего", "Машины и оборудование"]
    measures = {}
    for caption in (
        "Таблица 4 Экспорт и структура импорта Курской области в 2019 году",
        "Таблица 5 Размер и структура просроченной задолженности в 2019 году",
    ):
        tables, cells = _frames(DOC_A, [_table(0, header, labels, values, caption)])
        measures[caption.split()[2]] = _rows(build_observations(None, cells, tables), "measure")[(0, 1)][0]
    assert measures == {
        "Экспорт": "экспорт и структура импорта",
        "Размер": "просроченная задолженность",
    }


def test_a_row_of_an_organization_is_its_figure_not_the_region_s() -> None:
    """A list of companies under a column naming the region their stores are in: each cell is the
    company's (no ISO subject, its own "org:" code), its name the breakdown; a region's row stays the
    region's."""
    header = ["", "Количество магазинов в Курской области, шт.", "Число занятых, чел."]
    labels = ['ООО "Лента" (торговая сеть "Лента")', "Курская область"]
    tables, cells = _frames(DOC_A, [_table(0, header, labels, [["12", "940"], ["310", "12 400"]])])
    obs = build_observations(None, cells, tables).astype(object).where(lambda df: df.notna(), None)
    got = _rows(obs, "indicator", "subject_code", "territory_code", "measure")
    assert got[(0, 1)][:3] == ("retail_outlets", None, "org:лента")
    assert got[(0, 1)][3].endswith('— ООО "Лента" (торговая сеть "Лента")')
    assert got[(0, 2)][:3] == ("employed", None, "org:лента")
    assert got[(1, 1)][:3] == ("retail_outlets", "RU-KRS", None)


def test_a_correlation_table_by_years_holds_the_coefficients_its_symbol_columns_name() -> None:
    """A paper's table of rank correlations: columns headed by the statistic's symbol (set in
    mathematical italics by the PDF) say no quantity, so the caption names it — the coefficient of
    the correlation, its unit of observation ("в каждом районе") left out — and what the symbol is
    computed on is the breakdown; a year row is its period and the year column no value."""
    header = ["Год", "𝜌𝑆𝑝𝑒𝑎𝑟𝑚𝑎𝑛, все районы", "𝜌𝑆𝑝𝑒𝑎𝑟𝑚𝑎𝑛, без городских округов"]
    caption = (
        "Таблица 4 Корреляция между численностью населения и числом малых предприятий в каждом "
        "муниципальном районе по годам"
    )
    values = [["0,71", "0,77"], ["0,69", "0,80"]]
    tables, cells = _frames(DOC_A, [_table(0, header, ["2020", "2021"], values, caption)])
    obs = build_observations(None, cells, tables)
    got = _rows(obs, "indicator", "measure", "period_start", "value_scaled")
    assert set(got) == {(0, 1), (0, 2), (1, 1), (1, 2)}
    measure = "коэффициент корреляции между численностью населения и числом малых предприятий"
    year = pd.Timestamp("2020-01-01").date()
    assert got[(0, 1)] == ("coefficient", f"{measure} — Все районы", year, 0.71)
    assert got[(1, 2)][:2] == ("coefficient", f"{measure} — Без городских округов")
    assert got[(1, 2)][2:] == (pd.Timestamp("2021-01-01").date(), 0.80)


def test_what_a_product_is_for_is_not_what_its_row_measures() -> None:
    """Rows of a branch's products: "для лечения заболеваний" says what the drugs are for (no
    morbidity), so they are items of the caption's production; the unit ending a row without a
    comma ("млн.флаконов") and a row that is only another unit ("млн.упаковок") of the product above
    stay out of the measure; a product spelt like a unit ("Пар …", "ампулы") is no count."""
    header = ["", "Август 2017г.", "В % к / августу 2016г."]
    labels = [
        "Препараты для лечения заболеваний органов дыхания млн.флаконов",
        "млн.упаковок",
        "Ампулы стеклянные",
    ]
    values = [["2,4", "101,3"], ["18,9", "97,2"], ["", "104,0"]]
    caption = "Таблица 29 ПРОИЗВОДСТВО ОТДЕЛЬНЫХ ВИДОВ ЛЕКАРСТВЕННЫХ СРЕДСТВ"
    tables, cells = _frames(DOC_B, [_table(0, header, labels, values, caption)])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "unit", "value_scaled")
    drugs = "производство лекарственных средств — Препараты для лечения заболеваний органов дыхания"
    assert got[(0, 1)] == ("production_volume", drugs, "COUNT", pytest.approx(2.4e6))
    assert got[(1, 1)] == ("production_volume", drugs, "COUNT", pytest.approx(18.9e6))
    assert got[(2, 2)][:3] == (
        "production_volume",
        "производство лекарственных средств — Ампулы стеклянные",
        "PERCENT",
    )
    steam = _table(1, ["", "Август 2017г."], ["Пар и горячая вода"], [["41,0"]])
    assert table_rows(DOC_B, steam)["cells"][1]["unit"] is None


def test_a_column_naming_only_a_head_takes_the_quantity_the_caption_names_in_the_genitive() -> None:
    """ "Сальдо" beside "Экспорт" under "ДИНАМИКА ВНЕШНЕТОРГОВОГО ОБОРОТА …": the balance of that
    trade; a head the catalog does not know with the caption's words ("Место") stays out."""
    header = ["", "Экспорт, млн. долларов США", "Сальдо, млн. долларов США", "Место"]
    caption = "Таблица 3 Динамика внешнеторгового оборота Курской области (по данным ФТС России)"
    values = [["612,4", "-104,8", "41"], ["705,0", "12,6", "38"]]
    tables, cells = _frames(DOC_A, [_table(0, header, ["2019 г.", "2020 г."], values, caption)])
    got = _rows(
        build_observations(None, cells, tables),
        "indicator",
        "measure",
        "unit",
        "subject_code",
        "value_scaled",
    )
    balance = "сальдо внешнеторгового оборота"
    assert got[(0, 2)] == ("trade_balance", balance, "USD", "RU-KRS", pytest.approx(-104.8e6))
    assert got[(1, 1)][:2] == ("export", "экспорт")
    assert (0, 3) not in got and (1, 3) not in got


def test_an_index_past_two_hundred_percent_printed_as_a_ratio_is_a_times_change() -> None:
    """A bulletin prints "в 2,4р." in an index column when the index passes 200 %: a change in
    times against the column's base, the printed number kept."""
    header = ["", "В % к / соответствующему периоду предыдущего года", "В % к / предыдущему периоду"]
    values = [["", ""], ["102,0", "в 2,4р."]]
    caption = "Таблица 2 ДИНАМИКА ВВОДА В ДЕЙСТВИЕ ЖИЛЫХ ДОМОВ"
    tables, cells = _frames(DOC_B, [_table(0, header, ["2016г.", "Декабрь"], values, caption)])
    got = _rows(
        build_observations(None, cells, tables), "indicator", "unit", "value_scaled", "kind", "base_period"
    )
    assert got[(1, 2)] == ("housing_commissioned", "TIMES", 2.4, "change", "2016-11")
    assert got[(1, 1)] == ("housing_commissioned", "PERCENT", 102.0, "change", "2015-12")


def test_a_ratio_spelt_out_in_full_is_a_times_change_too() -> None:
    """The lexicon's "раз" in full ("в 1,8 раза") or cut ("в 3 р.") marks the ratio; a cell of
    other words after "в" ("в 2 ра") is no number."""
    header = ["", "В % к / соответствующему периоду предыдущего года", "В % к / предыдущему периоду"]
    values = [["", ""], ["в 1,8 раза", "в 3 р."], ["в 2 ра", "101,5"]]
    caption = "Таблица 2 ДИНАМИКА ВВОДА В ДЕЙСТВИЕ ЖИЛЫХ ДОМОВ"
    tables, cells = _frames(DOC_B, [_table(0, header, ["2016г.", "Декабрь", "Ноябрь"], values, caption)])
    got = _rows(build_observations(None, cells, tables), "unit", "value_scaled", "kind")
    assert got[(1, 1)] == ("TIMES", 1.8, "change") and got[(1, 2)] == ("TIMES", 3.0, "change")
    assert (2, 1) not in got and got[(2, 2)] == ("PERCENT", 101.5, "change")


@pytest.mark.parametrize(
    ("sentence", "quote", "label", "value"),
    [
        (
            "Количество магазинов в районе на 1 января 2020 года составило 63 единицы.",
            "63 единицы",
            "Количество магазинов в районе, ед.",
            "63",
        ),
        (
            "В 2019 году количество субъектов малого предпринимательства достигло 1 240 единиц.",
            "1 240 единиц",
            "Количество субъектов малого предпринимательства, единиц",
            "1 240",
        ),
        (
            "Общий объем отгруженной продукции в 2019 году составил 512,4 млн рублей.",
            "512,4 млн рублей",
            "Общий объем отгруженной продукции, млн руб.",
            "512,4",
        ),
        (
            "Численность постоянного населения Курской области на начало 2020 года – 1104 тыс. человек.",
            "1104 тыс. человек",
            "Численность постоянного населения Курской области, тыс. человек",
            "1104",
        ),
    ],
)
def test_a_table_cell_and_a_sentence_stating_one_quantity_have_one_measure(
    sentence, quote, label, value
) -> None:
    """A row label spells its measure as the sentence does after `measures.normal_measure`: "Количество
    X" is "число X", an adjective of the whole and a place are left out, lower case."""
    text = figure(sentence, quote)
    tables, cells = _frames(DOC_A, [_table(0, ["", "2019 г."], [label], [[value]])])
    table = build_observations(None, cells, tables).iloc[0]
    assert (table["measure"], table["indicator"]) == (text.measure, text.indicator)
    assert not table["measure"].lower().startswith(("количество", "общ"))


def test_years_a_label_states_as_its_unit_make_a_duration_and_a_term_s_words_no_kind() -> None:
    """ "Ожидаемая продолжительность жизни …, лет" (or "лет" in the unit column) is life expectancy
    in YEAR, a level: "ожидаемая" belongs to the term (`lexicon.FIXED_TERMS`), as "миграционный" does
    to net migration; an age group ("старше 65 лет") is no unit of its row."""
    labels = [
        "Ожидаемая продолжительность жизни при рождении, лет",
        "Численность населения старше 65 лет, тыс. человек",
        "Миграционный прирост, человек",
    ]
    values = [["70,5", "71,2"], ["250,1", "255,3"], ["-412", "-380"]]
    tables, cells = _frames(DOC_A, [_table(0, ["", "2019 г.", "2020 г."], labels, values)])
    got = _rows(build_observations(None, cells, tables), "indicator", "unit", "value_scaled", "kind")
    assert got[(0, 1)] == ("life_expectancy", "YEAR", 70.5, "level")
    assert got[(1, 2)] == ("population", "COUNT", pytest.approx(255.3e3), "level")
    assert got[(2, 1)] == ("net_migration", "COUNT", -412, "level")
    header = ["Показатель", "Единица измерения", "2024 г. (прогноз)"]
    tables, cells = _frames(
        DOC_A, [_table(1, header, ["Ожидаемая продолжительность жизни"], [["лет", "72,0"]])]
    )
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "unit", "kind")
    assert got[(0, 2)] == ("life_expectancy", "ожидаемая продолжительность жизни", "YEAR", "target")


def test_a_term_s_words_are_matched_by_lemma_not_by_a_cut_stem() -> None:
    """A lexicon term in another case form is still the term ("естественного прироста": no change),
    but a word sharing only a stem with a term word is not it ("естественной природе" is no
    "естественный прирост"): "в % к естественной природе" is a share of it, as "в % к площади" is."""
    labels = ["Коэффициент естественного прироста населения, на 1000 человек", "Площадь заповедников, га"]
    header = ["", "2019 г.", "2019 г. / в % к естественной природе"]
    tables, cells = _frames(DOC_A, [_table(0, header, labels, [["-5,1", "0,4"], ["1200", "2,5"]])])
    got = _rows(build_observations(None, cells, tables), "indicator", "kind")
    assert got[(0, 1)] == ("natural_increase", "level")
    assert got[(1, 2)][1] == "share"


def test_the_years_of_an_age_group_label_are_no_unit_of_its_cells() -> None:
    """ "Численность населения в возрасте, лет" over age bands (a column header or a parent row) states
    the unit of the ages, not of the counts under them: the caption's people stay their unit."""
    header = ["", "в том числе в возрасте, лет / моложе 16", "в том числе в возрасте, лет / старше 60"]
    table = _table(0, header, ["Курский район"], [["10 210", "30 600"]], "Население районов, человек")
    labels = ["Численность населения в возрасте, лет", "моложе 16"]
    parent = _table(1, ["", "2020 г."], labels, [[""], ["210,5"]], "Таблица 3 Население, тыс. человек")
    tables, cells = _frames(DOC_A, [table, parent])
    got = _rows(build_observations(None, cells, tables), "table_id", "indicator", "unit", "value_scaled")
    assert sorted(v[1:] for v in got.values()) == [
        ("population", "COUNT", 10210),
        ("population", "COUNT", 30600),
        ("population", "COUNT", pytest.approx(210.5e3)),
    ]


def test_a_row_label_in_the_nominative_plural_keeps_its_form() -> None:
    """A label names its quantity in the nominative: "Коровы" is no genitive singular of a text's
    "12 коровы" ("корова")."""
    labels = ["Коровы", "Овцы и козы"]
    tables, cells = _frames(DOC_B, [_table(0, ["", "2019 г., тыс. голов"], labels, [["12,5"], ["30,1"]])])
    got = _rows(build_observations(None, cells, tables), "indicator", "measure")
    assert got == {(0, 1): ("livestock_headcount", "коровы"), (1, 1): ("livestock_headcount", "овцы и козы")}


def test_a_row_naming_an_indicator_its_unit_does_not_fit_is_an_item_of_the_caption() -> None:
    """A branch whose name reads as a count ("предприятий общественного питания", "организация сбора
    отходов") in a column of roubles is a branch of the caption's wage, not a count of its own; the
    same words with a count unit keep their own indicator."""
    caption = (
        "Таблица 4 СРЕДНЕМЕСЯЧНАЯ НАЧИСЛЕННАЯ ЗАРАБОТНАЯ ПЛАТА РАБОТНИКОВ ОРГАНИЗАЦИЙ ПО ВИДАМ ДЕЯТЕЛЬНОСТИ"
    )
    labels = [
        "деятельность гостиниц и предприятий общественного питания",
        "водоснабжение и водоотведение; организация сбора, обработки и утилизации отходов",
    ]
    tables, cells = _frames(
        DOC_B, [_table(0, ["", "Июль 2017г., рублей"], labels, [["23 248"], ["28 703"]], caption)]
    )
    got = _rows(build_observations(None, cells, tables), "indicator", "measure", "unit", "value_scaled")
    wage = "среднемесячная начисленная заработная плата работников организаций"
    assert got[(0, 1)] == (
        "average_wage",
        f"{wage} — Деятельность гостиниц и предприятий общественного питания",
        "RUB",
        23248,
    )
    assert got[(1, 1)][:3] == (
        "average_wage",
        f"{wage} — Водоснабжение и водоотведение; организация сбора, обработки и утилизации отходов",
        "RUB",
    )
    labels = ["Число предприятий общественного питания, единиц"]
    tables, cells = _frames(
        DOC_B, [_table(1, ["", "2019 г."], labels, [["412"]], "Таблица 5 Потребительский рынок района")]
    )
    assert _rows(build_observations(None, cells, tables), "indicator", "unit") == {
        (0, 1): ("retail_outlets", "COUNT")
    }
