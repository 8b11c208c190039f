"""`indikator eval`: gold folders scored against a real output store."""

from __future__ import annotations

import pandas as pd

from pipeline.evaluate import evaluate_dir
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
