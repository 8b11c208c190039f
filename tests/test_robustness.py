"""No single input takes a batch down: limits, repair, garbled text, bad characters, duplicates,
formula-leading CSV cells, file modes, workers that will not start."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pikepdf
import pytest
from mutate import flate_bomb, russian_pdf, shift_cmap, text_inject

import pipeline.isolate
import pipeline.parse.ocr
import pipeline.ranges
from pipeline.ingest import commit_results, ingest, process_document
from pipeline.isolate import MEMORY_MB, Pool
from pipeline.runs import run_local
from pipeline.store import read_table, table_path

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def pool():
    workers = Pool()
    yield workers
    workers.close()


def test_flate_bomb_is_a_failures_row_and_the_worker_stays_under_its_memory_limit(tmp_path, pool):
    result = pool.run(flate_bomb(tmp_path / "bomb.pdf"), timeout=120)  # 10 MB inflating to 1.5 GB
    assert result.status == "failed" and result.failure["stage"] == "memory", result.failure
    reached = float(re.search(r"reached (\d+) MB", result.failure["message"]).group(1))
    # stopped at the limit, not at 1.5 GB (the message rounds to whole MB: 1024.3 MB reads "1024")
    assert MEMORY_MB <= reached < MEMORY_MB + 128
    assert pool.run(PDFS / "kaluga_note.pdf", timeout=120).status == "ok"  # the pool goes on


def test_pdf_truncated_at_90_percent_is_partial_with_the_intact_pages(tmp_path, pool):
    data = russian_pdf(tmp_path / "full.pdf", pages=10).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * 0.9)])
    result = pool.run(cut, timeout=120)
    doc = result.rows["documents"][0]
    assert doc["status"] == "partial" and doc["n_pages"] == 10, doc
    kept = {row["page"]: row["text"] for row in result.rows["pages"] if row["text"]}
    assert set(kept) == _whole_pages(data, len(data) * 0.9) and len(kept) >= 5
    assert _pages(doc["lost_pages"]) == set(range(1, 11)) - set(kept)
    for page, text in kept.items():
        assert f"основной капитал региона составил {page + 10} млрд рублей" in text
    assert f"pages {doc['lost_pages']} not read: damaged" == doc["error"]


def _whole_pages(data: bytes, cut: float) -> set[int]:
    """Pages whose content stream ends before the cut (the file lists its pages in order)."""
    contents = [int(n) for n in re.findall(rb"/Contents (\d+) 0 R", data)]
    ends = {int(m.group(1)): m.end() for m in re.finditer(rb"(\d+) 0 obj.*?endobj", data, re.DOTALL)}
    return {page for page, number in enumerate(contents, 1) if ends[number] <= cut}


def _pages(ranges: str) -> set[int]:
    pages: set[int] = set()
    for part in ranges.split(","):
        first, _, last = part.partition("-")
        pages |= set(range(int(first), int(last or first) + 1))
    return pages


def test_a_2000_page_document_is_cut_by_the_page_limit(tmp_path, pool):
    long_pdf = russian_pdf(tmp_path / "long.pdf", pages=2000, lines=1)
    result = pool.run(long_pdf, max_pages=20, timeout=120)
    doc = result.rows["documents"][0]
    assert (doc["status"], doc["n_pages"], doc["lost_pages"]) == ("partial", 2000, "21-2000")
    assert doc["error"] == "pages 21-2000 not read: page limit" and result.failure is None
    assert len(result.rows["pages"]) == 20


def test_long_document_runs_in_page_ranges_and_keeps_the_finished_ones(tmp_path, pool, monkeypatch):
    monkeypatch.setattr(pipeline.ranges, "RANGE_PAGES", 5)
    path = russian_pdf(tmp_path / "long.pdf", pages=12)
    bomb = flate_bomb(tmp_path / "bomb.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf, pikepdf.open(bomb) as source:
        contents = source.pages[0].Contents
        stream = pdf.make_stream(b"")
        stream.write(contents.read_raw_bytes(), filter=pikepdf.Name.FlateDecode)
        pdf.pages[6].Contents = stream  # page 7 inflates to 1.5 GB
        pdf.save(path)
    result = pool.run(path, timeout=120)
    doc = result.rows["documents"][0]
    assert (doc["status"], doc["lost_pages"], doc["n_pages"]) == ("partial", "6-10", 12), doc
    assert doc["error"] == "pages 6-10 not read: range failed (memory)"
    kept = {row["page"]: row["text"] for row in result.rows["pages"]}
    assert sorted(kept) == [1, 2, 3, 4, 5, 11, 12]
    for page, text in kept.items():  # numbered as in the whole document
        assert f"основной капитал региона составил {page + 10} млрд рублей" in text
    assert {row["page"] for row in result.rows["figures"]} <= set(kept)


def test_a_page_with_too_many_objects_is_skipped(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    from pipeline.parse import recover

    monkeypatch.setattr(recover, "MAX_PAGE_OBJECTS", 500)  # a page of 200,000 objects, scaled down
    path = russian_pdf(tmp_path / "dense.pdf", pages=3)
    c = canvas.Canvas(str(tmp_path / "dust.pdf"))
    for i in range(600):
        c.drawString(10 + i % 50 * 11, 20 + i // 50 * 9, ".")
    c.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf, pikepdf.open(tmp_path / "dust.pdf") as dust:
        pdf.pages.insert(1, dust.pages[0])  # page 2: 600 text objects
        pdf.save(path)
    result = process_document(path)
    doc = result.rows["documents"][0]
    assert (doc["status"], doc["lost_pages"]) == ("partial", "2"), doc
    assert doc["error"] == "pages 2 not read: more than 500 objects"
    assert [row["page"] for row in result.rows["pages"] if row["text"]] == [1, 3, 4]


def test_shifted_cmap_font_without_ocr_is_garbled_not_ok(tmp_path, pool, monkeypatch):
    plain = russian_pdf(tmp_path / "plain.pdf", pages=2)
    assert pool.run(plain, timeout=120).status == "ok"  # the same document with a correct font
    monkeypatch.setattr(pipeline.parse.ocr, "ocr_problem", lambda: "Tesseract is not installed")
    result = process_document(shift_cmap(plain, tmp_path / "shifted.pdf"))
    assert result.status == "garbled" and result.failure["stage"] == "quality"
    assert "garbled text layer" in result.rows["documents"][0]["error"]
    assert not result.rows.get("figures") and len(result.rows["pages"]) == 2
    assert not any(page["ocr"] for page in result.rows["pages"])
    assert "лбрйубм" in result.rows["pages"][0]["text"]  # "капитал", each letter one further


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")
def test_shifted_cmap_font_is_read_through_ocr(tmp_path, pool):
    plain = russian_pdf(tmp_path / "plain.pdf", pages=1)
    shifted = shift_cmap(plain, tmp_path / "shifted.pdf")
    result = pool.run(shifted, timeout=120)
    doc, [page] = result.rows["documents"][0], result.rows["pages"]
    assert result.status == "ok" and not result.rows.get("failures"), doc
    assert doc["error"].startswith("OCR (Tesseract) on 1 page(s)") and page["ocr"]
    assert "основной капитал региона составил 11 млрд рублей" in page["text"]
    assert 11.0 in {f["value"] for f in result.rows["figures"]}


def test_lone_surrogates_and_control_characters_are_replaced_and_counted(tmp_path, pool):
    import random

    poisoned = tmp_path / "poisoned.pdf"
    poisoned.write_bytes(text_inject((PDFS / "kaluga_note.pdf").read_bytes(), random.Random(3), rate=0.05))
    result = pool.run(poisoned, timeout=120)
    doc = result.rows["documents"][0]
    assert result.status == "ok" and doc["replaced_chars"] > 0
    texts = [v for rows in result.rows.values() for row in rows for v in row.values() if isinstance(v, str)]
    assert all(v.encode("utf-8") for v in texts)  # no lone surrogate left anywhere
    commit_results(tmp_path / "out", [result])
    assert read_table(tmp_path / "out", "documents")["replaced_chars"].tolist() == [doc["replaced_chars"]]


def test_sanitize_document_reaches_every_string_of_a_parsed_document():
    from pipeline.model import DocStatus, Footnote, LineSpan, PageText, ParsedDocument, ParsedTable, TableCell
    from pipeline.textguard import REPLACEMENT, sanitize_document

    note = Footnote(1, "1", "сноска\ud800")  # frozen: replaced by a cleaned copy
    page = PageText(1, "текст\x01", [LineSpan(0, 6, (0.0, 0.0, 1.0, 1.0))], [note], markers=[(5, "1")])
    cell = TableCell(0, 0, 1, "1\ufffe", row_label="строка\x02")
    table = ParsedTable(0, 1, 1, ["год\ud801"], [cell], caption="Таблица\x03")
    doc = ParsedDocument("d", "p", "f", DocStatus.OK, 1, "Заголовок\x04", pages=[page], tables=[table])
    assert sanitize_document(doc) == 7
    assert (doc.title, page.text, table.caption, table.header) == (
        "Заголовок ",
        "текст ",
        "Таблица ",
        ["год" + REPLACEMENT],
    )
    assert (cell.text, cell.row_label, page.footnotes[0].text) == (
        "1" + REPLACEMENT,
        "строка ",
        "сноска" + REPLACEMENT,
    )
    assert page.footnotes[0] is not note and page.lines[0] == LineSpan(0, 6, (0.0, 0.0, 1.0, 1.0))
    assert sanitize_document(doc) == 0 and sanitize_document(ParsedDocument) == 0  # a class is no document


def test_undecodable_file_name_is_stored(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = os.fsdecode(b"note-\xff.txt")  # a lone surrogate in the path string
    (inbox / name).write_text("В 2023 г. выпуск вырос на 5 %.\n", encoding="utf-8")
    ingest([inbox], tmp_path / "out")
    docs = read_table(tmp_path / "out", "documents")
    assert docs["status"].tolist() == ["ok"] and docs["file_name"].tolist() == ["note-\ufffd.txt"]


def test_duplicate_files_in_one_batch_give_one_set_of_rows(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for name in ("report.pdf", "report (1).pdf"):
        shutil.copy(PDFS / "kaluga_note.pdf", inbox / name)
    summary = run_local([inbox], out, timeout=120)
    assert summary.totals()["documents"] == 1 and summary.totals()["skipped"] == 1
    (skipped,) = [r for r in summary.results if r.skipped]
    assert skipped.note.startswith("same content as ")
    docs = read_table(out, "documents")
    assert len(docs) == 1
    names = sorted(Path(p).name for p in json.loads(docs["source_paths"][0]))
    assert names == ["report (1).pdf", "report.pdf"]
    figures = read_table(out, "figures")
    assert not figures.empty and figures["figure_id"].is_unique


def test_csv_neutralizes_formula_cells_and_parquet_keeps_them(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    lines = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "текст"]
    (inbox / "formulas.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    old = os.umask(0o022)
    try:
        ingest([inbox], out)
    finally:
        os.umask(old)
    assert read_table(out, "documents")["title"][0] == lines[0]  # exact text in Parquet
    csv_docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert csv_docs["title"][0] == "'" + lines[0]
    csv_text = pd.read_csv(out / "pages.csv", dtype=str)["text"][0]
    assert csv_text.startswith("'=HYPERLINK") and "\n+cmd" in csv_text  # only the cell's start matters
    for path in table_path(out, "pages").parent.iterdir():
        assert path.stat().st_mode & 0o777 == 0o644, path  # readable by group and others


def test_workers_that_will_not_start_become_failures_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.isolate, "START_TIMEOUT_S", 0.0)
    monkeypatch.setattr(pipeline.isolate, "START_RETRY_DELAY_S", 0.0)
    summary = run_local([PDFS / "kaluga_note.pdf", PDFS / "two_column.pdf"], tmp_path / "out", workers=2)
    assert [r.failure["stage"] for r in summary.results] == ["worker", "worker"]
    assert "after 3 attempts" in summary.results[0].failure["message"]
    assert len(read_table(tmp_path / "out", "failures")) == 2


def test_a_worker_that_dies_mid_document_is_a_crash_row_and_the_pool_goes_on(tmp_path, pool):
    # a warm pool first: the document that starts the zygote is read by a short-lived parser, which
    # `_busy_worker` could find just as it finishes (the kill then missed the work: an "ok" result)
    assert pool.run(PDFS / "kaluga_note.pdf", timeout=120).status == "ok"
    long_pdf = russian_pdf(tmp_path / "long.pdf", pages=150)
    with ThreadPoolExecutor(1) as caller:
        running = caller.submit(pool.run, long_pdf, timeout=300)
        worker = _busy_worker(pool)
        os.kill(worker, signal.SIGKILL)  # as the kernel's OOM killer or a native crash would
        result = running.result()
    assert result.status == "failed" and result.failure["stage"] == "crash", result.failure
    assert result.failure["message"].endswith("(exit code -9)")
    done = pool.run(PDFS / "kaluga_note.pdf", timeout=120)
    assert done.status == "ok" and done.worker["pid"] != worker


def _busy_worker(pool: Pool, wait_s: float = 120) -> int:
    """The pid of the pool's worker once it has spent 0.3 CPU-s on the document it was given."""
    import psutil

    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        for worker in list(pool._all):
            if worker.info and worker not in pool._idle:  # said hello, and was taken
                times = psutil.Process(worker.proc.pid).cpu_times()
                if times.user + times.system > 0.3:
                    return worker.proc.pid
        time.sleep(0.05)
    raise AssertionError("no worker took the document")


def test_closing_the_pool_while_it_starts_or_works_fails_the_documents_and_never_raises(tmp_path):
    """Ctrl-C closes the pool from another thread: a document waiting for the zygote to start and
    one in a busy worker both come back as failed results, at once."""
    long_pdf = russian_pdf(tmp_path / "long.pdf", pages=150)
    for wait_for_work in (False, True):
        pool = Pool()
        with ThreadPoolExecutor(2) as callers:
            running = [callers.submit(pool.run, long_pdf, timeout=300) for _ in range(2)]
            if wait_for_work:
                _busy_worker(pool)
            started = time.monotonic()
            pool.close()
            results = [r.result(timeout=60) for r in running]  # returned, not raised
        assert time.monotonic() - started < 30
        assert {r.status for r in results} == {"failed"}
        assert {r.failure["stage"] for r in results} <= {"worker", "crash"}
        assert pool.run(long_pdf).failure["message"] == pipeline.isolate._CLOSED


def test_the_first_document_is_read_while_the_zygote_primes_and_gives_the_same_rows():
    """The caller that starts the zygote has its document read by a parse-only process meanwhile
    (`Pool._parser`, no models); a forked worker does the rest, with the rows one worker gives."""
    pool, lent = Pool(), []
    parser = pool._parser
    pool._parser = lambda: lent.append(parser()) or lent[-1]
    try:
        first = pool.run(PDFS / "seed_gertsik_2020.pdf", timeout=300)
        again = pool.run(PDFS / "seed_gertsik_2020.pdf", timeout=300)
    finally:
        pool.close()
    assert isinstance(lent[0].proc, pipeline.isolate._Parser) and lent[0].info["model_loads"] == 0
    assert lent[1:] == [None]  # only the caller that started the zygote
    assert first.worker["pid"] != lent[0].proc.pid and first.worker["model_loads"] == 1
    assert first.count("figures") > 0
    volatile = {"ingested_at", "seconds"}
    for rows in (first.rows, again.rows):
        for row in rows["documents"]:
            for key in volatile:
                row.pop(key)
    assert first.rows == again.rows


def test_a_dead_zygote_is_started_again_and_the_next_document_is_ok(pool):
    first = pool.run(PDFS / "kaluga_note.pdf", timeout=120)
    zygote = pool._zygote.proc.pid
    os.kill(zygote, signal.SIGKILL)  # its idle workers end with it
    second = pool.run(PDFS / "kaluga_note.pdf", timeout=120)
    assert (first.status, second.status) == ("ok", "ok"), second.failure
    assert second.worker["pid"] != first.worker["pid"] and pool._zygote.proc.pid != zygote


def test_workers_allocate_arrow_memory_from_the_system_whatever_the_callers_setting(monkeypatch):
    """mimalloc's 1 GB reservation, made in the zygote, would put every forked worker past its
    address-space cap (each allocation then fails first: seconds of system CPU per document)."""
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")  # as Dask's nanny sets it
    pool = Pool()
    try:
        result = pool.run(PDFS / "kaluga_note.pdf", timeout=120)
    finally:
        pool.close()
    assert result.status == "ok" and result.worker["arrow_allocator"] == "system"
    # a fixed glibc trim threshold (every allocation past 128 KiB an mmap) is set back to adaptive values
    assert result.worker["malloc_retuned"] is True


def test_malloc_is_left_alone_when_the_environment_fixes_nothing(monkeypatch):
    monkeypatch.setattr(pipeline.isolate, "_malloc_retuned", False)  # whatever ran before in this process
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    assert pipeline.isolate.adaptive_malloc() is False
