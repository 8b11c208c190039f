"""Cheap planning: page counts and the longest-first order that keeps parallel workers busy."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog import largest_first, page_count

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


def test_page_count_of_pdfs_and_others() -> None:
    assert page_count(PDF / "seed_gertsik_2020.pdf") == 11
    assert page_count(PDF / "kaluga_note.pdf") == 1
    assert page_count(PDF / "not_a_pdf.pdf") is None
    assert page_count(PDF / "empty.pdf") is None


def test_longest_documents_first_and_missing_files_last(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    order = largest_first([PDF / "kaluga_note.pdf", missing, PDF / "seed_gertsik_2020.pdf"])
    assert order == [PDF / "seed_gertsik_2020.pdf", PDF / "kaluga_note.pdf", missing]
