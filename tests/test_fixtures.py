"""Sanity checks for the committed fixtures (fixtures/README.md describes them)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pdfplumber
import pytest

FIX = Path(__file__).resolve().parents[1] / "fixtures"
PDF = FIX / "pdf"


@pytest.fixture(scope="module")
def seed_pages():
    with pdfplumber.open(PDF / "seed_gertsik_2020.pdf") as pdf:
        yield [p.extract_text() or "" for p in pdf.pages]


def test_table1_csv():
    with open(FIX / "seed" / "table1.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Кластер", "Регион РФ", "Год основания", "Область", "Размер", "Интернет-адрес"]
    assert len(rows) == 14 and all(len(r) == 6 for r in rows)
    kaluga = next(r for r in rows if r[0] == "Калужский фармкластер")
    assert kaluga[1:] == [
        "Калужская область",
        "2009",
        "Биотехнологии, фармацевтика",
        "40 участников",
        "http://www.pharmclusterkaluga.ru/",
    ]


def test_seed_text_is_clean():
    text = (FIX / "seed" / "seed_paper.txt").read_text(encoding="utf-8")
    assert "redir.aspx" not in text and "http://www/" not in text
    assert "Линдквистом[^1]" in text and "[^4]: " in text


def test_seed_layout_guarantees(seed_pages):
    pm = json.loads((FIX / "seed" / "page_map.json").read_text(encoding="utf-8"))
    assert pm["n_pages"] == len(seed_pages)
    joined = "\n".join(seed_pages)
    assert "конкурентоспособ-\nности" in joined
    assert "торгово-\nэкономических" in joined
    assert len(set(pm["footnote_pages"].values())) >= 2
    a, b = pm["table1_pages"]
    assert b == a + 1
    for i, text in enumerate(seed_pages, 1):
        assert text.rstrip().endswith(str(59 + i))  # centred page number, starts at 60
        if i > 1:
            assert text.startswith("Вестник инновационной экономики. 2020. № 3")
    with pdfplumber.open(PDF / "seed_gertsik_2020.pdf") as pdf:
        for pno in (a, b):
            tables = pdf.pages[pno - 1].find_tables()
            assert tables and tables[0].extract()[0][0] == "Кластер"
        zel = pdf.pages[a - 1].extract_text()
        assert "mail2.hse.ru/" in zel


def test_special_pdfs():
    with pdfplumber.open(PDF / "scanned.pdf") as pdf:
        assert len(pdf.pages) == 2
        assert all(not p.chars and p.images for p in pdf.pages)
    # pdfminer raises its own exception types
    with pytest.raises(Exception), pdfplumber.open(PDF / "encrypted.pdf") as pdf:  # noqa: B017
        pdf.pages[0].extract_text()
    with pdfplumber.open(PDF / "encrypted.pdf", password="secret") as pdf:
        assert "12 млн руб." in pdf.pages[0].extract_text()
    assert (PDF / "empty.pdf").stat().st_size == 0
    assert not (PDF / "not_a_pdf.pdf").read_bytes().startswith(b"%PDF")
    seed = (PDF / "seed_gertsik_2020.pdf").read_bytes()
    assert (PDF / "truncated.pdf").read_bytes() == seed[: int(len(seed) * 0.4)]
    with pdfplumber.open(PDF / "script_injection.pdf") as pdf:
        t = pdf.pages[0].extract_text()
    assert "<script>alert(1)</script>" in t and "<b>жирный</b>" in t
    with pdfplumber.open(PDF / "kaluga_note.pdf") as pdf:
        t = pdf.pages[0].extract_text().replace("\n", " ")
    assert "Калужского фармкластера" in t and "в Калужском фармкластере" in t
    with pdfplumber.open(PDF / "two_column.pdf") as pdf:
        assert len(pdf.pages) == 1
