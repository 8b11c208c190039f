"""`indikator eval`: gold folders scored against a real output store."""

from __future__ import annotations

import pandas as pd

from pipeline.evaluate import DIFFERENCE_COLUMNS, differences, evaluate_dir, read_splits, split_sums
from pipeline.store import write_tables

GOLD_COLUMNS = "page,quote,value,unit_mult,value_scaled,unit,kind,indicator,subject_code\n"


def _store(out) -> None:
    docs = pd.DataFrame({"doc_id": ["d1"], "file_name": ["report.pdf"], "source_path": ["report.pdf"],
                         "status": ["ok"], "pipeline_version": ["v"], "ingested_at": ["t"]})  # fmt: skip
    figures = pd.DataFrame({
        "figure_id": ["f1", "f2", "f3"], "doc_id": "d1", "page": [1, 1, 5], "char_start": 0,
        "char_end": 1, "quote": ["5 млн руб.", "12%", "7 т"], "value": [5.0, 12.0, 7.0],
        "unit_mult": [6, 0, 0], "value_scaled": [5e6, 12.0, 7.0], "unit": ["RUB", "PERCENT", "TONNE"],
        "kind": ["level", "share", "level"], "indicator": ["revenue", None, None],
        "subject_code": ["RU", "RU", None],
    })  # fmt: skip
    write_tables(out, {"documents": docs, "figures": figures})


def _gold(folder, pages: str, rows: str) -> None:
    folder.mkdir(parents=True)
    (folder / "pages.txt").write_text(pages)
    (folder / "figures.csv").write_text(GOLD_COLUMNS + rows)


def test_each_gold_folder_of_a_document_is_scored_on_its_own_pages(tmp_path) -> None:
    out, gold = tmp_path / "out", tmp_path / "gold"
    _store(out)
    rows = "1,5 млн руб.,5,6,5000000,RUB,level,revenue,RU\n1,3%,3,0,3,PERCENT,share,,RU\n"
    _gold(gold / "report", "1", rows)
    _gold(gold / "report@later_pages", "5", "5,7 т,7,0,7,TONNE,change,,\n")
    _gold(gold / "other_report", "1", "1,2 т,2,0,2,TONNE,level,,\n")  # not ingested: not scored
    scores = {s.document: s for s in evaluate_dir(gold, out)}
    assert set(scores) == {"report", "report@later_pages"}
    first, later = scores["report"], scores["report@later_pages"]
    assert (first.tp, first.n_pred, first.n_gold) == (1, 2, 2)  # page 5's figure is not in scope
    assert first.fields["indicator"] == (1, 1) and first.fields["subject_code"] == (1, 1)
    assert (later.tp, later.n_pred, later.n_gold) == (1, 1, 1) and later.fields["kind"] == (0, 1)


OBSERVATION_COLUMNS = (
    "page,table,row_label,col_label,value,value_scaled,unit,indicator,measure,kind,period_start\n"
)


def test_table_cells_are_scored_as_observations_of_their_page(tmp_path) -> None:
    """Gold cells with an indicator match the store's table observations on (page, value); a gold
    cell of no catalog indicator is not an observation (its prediction is a false one); the text
    observation of the same value and the page outside the gold's scope are not scored; a count's
    implied unit is a field, not part of the key."""
    out, gold = tmp_path / "out", tmp_path / "gold"
    _store(out)
    observations = pd.DataFrame({
        "observation_id": ["o1", "o2", "o3", "o4", "o5"], "doc_id": "d1", "page": [2, 2, 2, 2, 7],
        "source": ["table", "table", "table", "text", "table"], "table_id": "t1",
        "row": [0, 0, 1, 0, 0], "col": [1, 2, 1, 0, 1], "value_scaled": [73.0, 1.6714e8, 17.0, 73.0, 5.0],
        "unit": [None, "RUB", None, None, None],
        "indicator": ["enterprises", "revenue", "enterprises", "enterprises", "revenue"],
        "measure": ["Число фирм", "Доходы", "Число фирм", None, None], "kind": "level",
        "period_start": pd.to_datetime(["2023-01-01", None, None, None, None]).date,
    })  # fmt: skip
    write_tables(out, {"observations": observations})
    folder = gold / "report@tables"
    folder.mkdir(parents=True)
    (folder / "pages.txt").write_text("2")
    (folder / "observations.csv").write_text(
        OBSERVATION_COLUMNS
        + "2,1,Москва,Число фирм,73,73,COUNT,enterprises,число фирм,level,2023-01-01\n"
        + '2,1,Москва,"Доходы, млн руб.",167.14,167140000,RUB,,доходы компаний,level,\n'
        + "2,1,Санкт-Петербург,Число фирм,17,17,COUNT,enterprises,число фирм,change,\n"
    )
    (score,) = evaluate_dir(gold, out)
    assert (score.table, score.tp, score.n_pred, score.n_gold) == ("observations", 2, 3, 2)
    assert score.fields["unit"] == (0, 2)  # the stored rows o1, o3 have no unit, the gold says COUNT
    assert score.fields["indicator"] == (2, 2) and score.fields["measure"] == (2, 2)
    assert score.fields["kind"] == (1, 2) and score.fields["period_start"] == (2, 2)


def test_differences_list_each_missed_extra_and_wrong_field(tmp_path) -> None:
    """The diff behind `indikator eval --diff`: one row per gold fact not found, per prediction the
    gold lacks, and per scored field of a matched fact that disagrees (with both values)."""
    out, gold = tmp_path / "out", tmp_path / "gold"
    _store(out)
    rows = "1,5 млн руб.,5,6,5000000,RUB,level,revenue,RU\n1,3%,3,0,3,PERCENT,share,,RU\n"
    _gold(gold / "report", "1", rows)
    found = differences(gold, out)
    assert list(found.columns) == list(DIFFERENCE_COLUMNS)
    assert found["status"].tolist() == ["missed", "extra"]
    missed, extra = found.iloc[0], found.iloc[1]
    assert (missed["quote"], float(missed["value_scaled"])) == ("3%", 3.0)
    # the store's 12 % is not in the gold
    assert (extra["quote"], float(extra["value_scaled"])) == ("12%", 12.0)
    _gold(gold / "report@later_pages", "5", "5,7 т,7,0,7,TONNE,change,,\n")
    wrong = differences(gold, out).query("status == 'wrong'")
    assert wrong[["document", "field", "gold", "predicted"]].values.tolist() == [
        ["report@later_pages", "kind", "change", "level"]
    ]


def test_scores_are_summed_per_split_of_the_gold(tmp_path) -> None:
    """`splits.csv` names each gold folder's split; a folder it does not list is tuned-on gold."""
    out, gold = tmp_path / "out", tmp_path / "gold"
    _store(out)
    rows = "1,5 млн руб.,5,6,5000000,RUB,level,revenue,RU\n1,3%,3,0,3,PERCENT,share,,RU\n"
    _gold(gold / "report", "1", rows)
    _gold(gold / "report@later_pages", "5", "5,7 т,7,0,7,TONNE,change,,\n")
    (gold / "splits.csv").write_text("# the honest measurement\nfolder,split,note\nreport,held_out,pages 1\n")
    splits = read_splits(gold)
    assert splits == {"report": "held_out"}
    sums = split_sums(evaluate_dir(gold, out), splits)
    held, tuned = sums[("figures", "held_out")], sums[("figures", "tuned")]
    assert (held.tp, held.n_pred, held.n_gold) == (1, 2, 2) and held.fields["kind"] == (1, 1)
    assert (tuned.tp, tuned.n_gold) == (1, 1) and tuned.fields["kind"] == (0, 1)


def test_a_gold_row_is_paired_with_the_prediction_quoting_it_among_those_of_its_key(tmp_path) -> None:
    """Two predictions share a key (page, value, unit); the gold annotates only the second one: it is
    paired with the prediction that quotes it, not with the first in reading order."""
    out, gold = tmp_path / "out", tmp_path / "gold"
    docs = pd.DataFrame({"doc_id": ["d1"], "file_name": ["report.pdf"], "source_path": ["report.pdf"],
                         "status": ["ok"], "pipeline_version": ["v"], "ingested_at": ["t"]})  # fmt: skip
    figures = pd.DataFrame({
        "figure_id": ["f1", "f2"], "doc_id": "d1", "page": 1, "char_start": [10, 90], "char_end": [20, 100],
        "quote": ["6 трендов", "6 автобусов"], "value": 6.0, "unit_mult": 0, "value_scaled": 6.0,
        "unit": "COUNT", "kind": ["level", "target"], "indicator": None, "subject_code": "RU-VLA",
    })  # fmt: skip
    write_tables(out, {"documents": docs, "figures": figures})
    _gold(gold / "report", "1", "1,6 автобусов,6,0,6,COUNT,target,,RU-VLA\n")
    found = differences(gold, out)
    assert found[["status", "quote"]].values.tolist() == [["extra", "6 трендов"]]


def test_measures_compare_in_the_pipelines_one_spelling_of_a_count() -> None:
    """The pipeline writes "количество свиней" as "число свиней" (`measures.normal_measure`); the
    score compares both in that spelling, and still tells other heads apart."""
    from pipeline.evaluate import same_measure
    from pipeline.extract.measures import normal_measure

    assert normal_measure("количество свиней") == "число свиней"
    assert same_measure("количество свиней", "число свиней")
    assert not same_measure("доля свиней", "число свиней")
    assert not same_measure("поголовье свиней", "число свиней")


FORECAST = """ 
Прогноз социально-экономического развития района

В 2016 году оборот розничной торговли составил 980,5 млн. рублей.

Объем платных услуг населению в 2016 году составил 45,2 млн. рублей, или 101,8 %
к уровню 2015 года.
В 2018 году оборот розничной торговли составит 1030,0 млн. рублей, рост составит 101,8 %.
Индекс промышленного производства в 2019 году составит 101,8 %.
"""


def test_a_line_block_gold_scores_only_the_facts_quoted_in_those_lines(tmp_path) -> None:
    """`lines.txt` scopes a plain-text document's gold to lines of its source file (blank lines
    dropped and a wrapped line joined by the text reader in between): the same "101,8 %" stated
    before and after the block is neither an extra nor the block's match, so the gold row pairs
    with the block's own sentence and its period is scored there."""
    from pipeline.ingest import ingest

    source, out, gold = tmp_path / "forecast.txt", tmp_path / "out", tmp_path / "gold"
    source.write_text(FORECAST, encoding="utf-8")
    assert ingest([source], out=out).totals()["ok"] == 1
    folder = gold / "forecast@block"
    folder.mkdir(parents=True)
    (folder / "lines.txt").write_text("8-8\n")
    (folder / "figures.csv").write_text(
        "page,quote,value,unit_mult,value_scaled,unit,period\n"
        '1,"1030,0 млн. рублей",1030.0,6,1030000000,RUB,2018\n'
        '1,"101,8 %",101.8,0,101.8,PERCENT,2018\n'
    )
    [score] = evaluate_dir(gold, out)
    assert (score.tp, score.n_pred, score.n_gold) == (2, 2, 2)
    assert score.fields["period"] == (2, 2)
    (folder / "lines.txt").write_text("6-9\n")  # the block grows: the other two "101,8 %" are extras
    [score] = evaluate_dir(gold, out)
    assert (score.tp, score.n_pred, score.n_gold) == (2, 5, 2)
