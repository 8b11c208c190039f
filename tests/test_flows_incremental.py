"""Incremental, isolated batch runs without Prefect: skips, re-extraction, timeouts, limits, reports."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import pipeline.isolate
from pipeline.config import pipeline_version
from pipeline.ingest import IngestSummary, process_document
from pipeline.isolate import Pool
from pipeline.nlp import WORKER_GC_THRESHOLD
from pipeline.runs import failures_markdown, plan_batch, run_local, summary_rows
from pipeline.store import read_table

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
NOTE = "В 2023 г. объем инвестиций в регионе составил {} млрд руб., что на 5 % больше, чем в 2022 г.\n"


@pytest.fixture(scope="module")
def done(tmp_path_factory):
    """An inbox of one PDF, one corrupt PDF and one text note, ingested once."""
    root = tmp_path_factory.mktemp("incremental")
    inbox, out = root / "inbox", root / "out"
    inbox.mkdir()
    for name in ("kaluga_note.pdf", "truncated.pdf"):
        shutil.copy(PDFS / name, inbox / name)
    (inbox / "note.txt").write_text(NOTE.format(12), encoding="utf-8")
    summary = run_local([inbox], out, workers=2, timeout=120)
    return inbox, out, summary


def test_first_run_records_every_outcome(done):
    _, out, summary = done
    assert summary.totals()["documents"] == 3 and summary.totals()["failures"] == 1
    # the document that starts the zygote is read meanwhile by a parse-only process, which loads no
    # models: when that document fails there (the corrupt PDF, on a busy machine), so does its result
    extracted = [r for r in summary.results if r.failure is None]
    assert len(extracted) == 2
    assert {r.worker["model_loads"] for r in extracted} == {1}
    assert min(r.worker["frozen_objects"] for r in extracted) > 10_000  # models out of gc
    assert {r.worker["gc_threshold"] for r in extracted} == {WORKER_GC_THRESHOLD}
    assert read_table(out, "failures")["stage"].tolist() == ["parse"]


def test_rerun_skips_unchanged_files_without_starting_workers(done, monkeypatch):
    inbox, out, _ = done
    monkeypatch.setattr(pipeline.isolate.Pool, "run", lambda *a, **k: pytest.fail("parsed again"))
    started = time.perf_counter()
    summary = run_local([inbox], out)
    assert time.perf_counter() - started < 1.0
    assert summary.totals()["skipped"] == 3 and summary.totals()["documents"] == 0


def test_new_pipeline_version_plans_reextraction(done, monkeypatch):
    inbox, out, _ = done
    monkeypatch.setenv("INDIKATOR_PIPELINE_VERSION", pipeline_version() + "-next")
    assert len(plan_batch([inbox], out).pending) == 3


def test_changed_file_replaces_its_old_rows(done):
    inbox, out, _ = done
    old_id = _doc_id(out, "note.txt")
    (inbox / "note.txt").write_text(NOTE.format(47), encoding="utf-8")
    summary = run_local([inbox], out, timeout=120)
    assert summary.totals()["documents"] == 1
    new_id = _doc_id(out, "note.txt")
    figures = read_table(out, "figures")
    assert new_id != old_id and old_id not in set(figures["doc_id"])
    assert "47" in " ".join(figures.loc[figures["doc_id"] == new_id, "quote"])


def _doc_id(out, file_name: str) -> str:
    docs = read_table(out, "documents")
    (doc_id,) = docs.loc[docs["file_name"] == file_name, "doc_id"]
    return doc_id


def test_timeout_kills_the_worker_and_the_pool_recovers(pdf_dir):
    pool = Pool(warm=False)
    try:
        slow = pool.run(pdf_dir / "seed_gertsik_2020.pdf", timeout=0.3)
        assert slow.failure["stage"] == "timeout" and "killed" in slow.failure["message"]
        assert slow.doc_id and slow.rows["documents"][0]["status"] == "failed"
        assert pool.run(pdf_dir / "truncated.pdf", timeout=60).failure["stage"] == "parse"
    finally:
        pool.close()


def test_page_limit_cuts_long_documents_to_partial(pdf_dir):
    result = process_document(pdf_dir / "seed_gertsik_2020.pdf", max_pages=3)  # 11 pages
    doc = result.rows["documents"][0]
    assert (doc["status"], doc["lost_pages"], doc["n_pages"]) == ("partial", "4-11", 11)
    assert doc["error"] == "pages 4-11 not read: page limit" and result.failure is None
    assert [row["page"] for row in result.rows["pages"]] == [1, 2, 3]


def test_reports_list_documents_failures_and_review_hint(done):
    _, out, summary = done
    rows = summary_rows(summary)
    assert {r["file"] for r in rows} == {"kaluga_note.pdf", "truncated.pdf", "note.txt"}
    assert set(rows[0]) == {"file", "status", "pages", "figures", "dates", "clusters", "seconds", "stage"}
    text = failures_markdown(summary, out)
    assert "| truncated.pdf | parse |" in text and f"indikator review --out {out}" in text
    assert "No failures." in failures_markdown(IngestSummary([], 0.0), out)
