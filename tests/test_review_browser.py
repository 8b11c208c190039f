"""End to end in a real headless Chromium: review through the UI (keyboard and mouse), then re-ingest.

Needs the Debian `chromium` package (/usr/bin/chromium) and the playwright Python package.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from test_review_support import make_pdf

from pipeline.net import free_port, wait_healthy
from pipeline.review import command
from pipeline.schema import PER_DOCUMENT
from pipeline.store import read_table, write_batch

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

CHROMIUM = Path(os.environ.get("INDIKATOR_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A real ingest of the synthetic PDF; yields (out, pdf, doc_id, snapshot of the raw rows)."""
    from pipeline.ingest import ingest

    root = tmp_path_factory.mktemp("review_e2e")
    pdf, out = make_pdf(root / "paper.pdf"), root / "out"
    ingest([pdf], out=out)
    doc_id = read_table(out, "documents")["doc_id"].iloc[0]
    return out, pdf, doc_id, {t: read_table(out, t) for t in PER_DOCUMENT}


@pytest.fixture(scope="module")
def page(ingested):
    out = ingested[0]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(command(out, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"{url}/_stcore/health", proc, timeout=40)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.dialogs = []
            tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
            tab.goto(url)
            tab.get_by_text("Corrected value").wait_for(timeout=45_000)
            yield tab
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _settle(tab) -> None:
    """Wait until Streamlit finished the rerun the last input started."""
    tab.wait_for_timeout(400)
    tab.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=20_000)
    tab.wait_for_function("!document.querySelector('[data-stale=\"true\"]')", timeout=20_000)


def _choose(tab, label: str, typed: str) -> None:
    """Pick an option of a selectbox by typing part of it and pressing Enter."""
    tab.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input").click()
    tab.keyboard.type(typed)
    tab.keyboard.press("Enter")
    _settle(tab)


def _type(tab, label: str, text: str) -> None:
    tab.get_by_label(label, exact=True).click()
    tab.keyboard.press("Control+A")
    tab.keyboard.type(text)
    tab.keyboard.press("Enter")
    _settle(tab)


def _click(tab, name: str) -> None:
    tab.get_by_role("button", name=name, exact=True).click()
    tab.get_by_text("Saved 1 decision(s)").wait_for(timeout=20_000)
    _settle(tab)


def _statuses(out: Path) -> dict[str, tuple]:
    figs = read_table(out, "figures")
    return {r["quote"]: (r["review_status"], r["value"]) for r in figs.to_dict("records")}


def test_pdf_text_is_escaped(page):
    _choose(page, "Row", "30 %")
    entities = page.locator(".entities").first
    entities.wait_for()
    assert "<script>alert(1)</script>" in entities.inner_text()
    scripts = page.evaluate("[...document.scripts].filter(s => s.textContent.includes('alert(1)')).length")
    assert scripts == 0 and page.dialogs == []


def test_reject_and_correct_survive_reingest(page, ingested):
    out, pdf, doc_id, snapshot = ingested
    _type(page, "Reviewer", "e2e")
    _choose(page, "Row", "5,2 %")
    _type(page, "Note", "not a growth rate")
    _click(page, "Reject")
    _choose(page, "Row", "1,5 трлн")
    _choose(page, "Field to correct", "value")
    _type(page, "Corrected value", "1,7")
    _click(page, "Correct")

    reviews = read_table(out, "reviews")
    assert list(reviews["decision"]) == ["reject", "correct"]
    assert list(reviews["quote"]) == ["5,2 %", "1,5 трлн руб."]
    assert (reviews.loc[0, "reviewer"], reviews.loc[0, "note"]) == ("e2e", "not a growth rate")
    assert (reviews.loc[1, "field"], reviews.loc[1, "new_value"]) == ("value", "1,7")
    expected = {"5,2 %": ("rejected", 5.2), "1,5 трлн руб.": ("corrected", 1.7)}

    def kept() -> bool:
        got = _statuses(out)
        return all(got[q] == v for q, v in expected.items())

    assert kept()
    write_batch(out, snapshot, [doc_id])  # simulated re-ingest: the same rows again
    assert kept()
    from pipeline.ingest import ingest

    ingest([pdf], out=out, force=True)  # real re-ingest
    assert kept()
    assert len(read_table(out, "reviews")) == 2
