"""End to end in Debian's headless Chromium: 30 rows of the seed paper reviewed with the keyboard
only (accept, reject, edit one value, undo one, next unreviewed, then accept the rest at once),
checked in the journal, the published tables (`reviews`, `figures`) and `reviewed/`.

Needs /usr/bin/chromium (apt-get install -y chromium) and the playwright package; every wait is
bounded and the app and the browser are killed at teardown whatever happened.
"""

from __future__ import annotations

import os
import signal
import subprocess
from contextlib import contextmanager, suppress
from pathlib import Path

import pandas as pd
import pytest
from test_review_seed import copy_of, seed_output

from pipeline.net import free_port, wait_healthy
from pipeline.review import journal
from pipeline.review.app import command
from pipeline.store import read_table

pytestmark = [pytest.mark.browser, pytest.mark.timeout(420)]

CHROMIUM = Path(os.environ.get("INDIKATOR_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[1]
WAIT_MS = 20_000  # longest wait for one decision to be saved (a loaded 2-core machine)
APP_STOP_S = 60
N_DECISIONS = 30
EDITED_AT, NEW_VALUE = 7, "52,5"

if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")


@contextmanager
def running_app(out: Path):
    """The review app in its own process group; stopped with SIGTERM (it publishes), then killed."""
    port = free_port()
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(command(out, port), env=env, start_new_session=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/health", proc, timeout=60)
        yield f"http://127.0.0.1:{port}", proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=APP_STOP_S)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextmanager
def browser_tab(url: str):
    """A Chromium tab on the app; the browser is closed (or its process killed) at the end."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
        try:
            tab = browser.new_page(viewport={"width": 1500, "height": 950})
            tab.set_default_timeout(WAIT_MS)
            tab.errors = []
            tab.on("pageerror", lambda e: tab.errors.append(str(e)))
            tab.goto(url, timeout=60_000)
            tab.wait_for_selector("#grid tbody tr.sel", timeout=60_000)
            tab.wait_for_selector("#context .entities", timeout=60_000)
            yield tab
        finally:
            with suppress(Exception):
                browser.close()


def counter(tab, name: str) -> int:
    return int(tab.evaluate(f"Number(document.body.dataset.{name} || 0)"))


def wait_counter(tab, name: str, value: int) -> None:
    tab.wait_for_function(f"Number(document.body.dataset.{name} || 0) >= {value}", timeout=WAIT_MS)


def selected(tab) -> dict:
    return tab.evaluate("(() => { const r = S.view[S.sel]; return {id: r._id, status: r.review_status}; })()")


@pytest.fixture
def out(tmp_path_factory, tmp_path) -> Path:
    return copy_of(seed_output(tmp_path_factory), tmp_path / "browser")


def plan(i: int) -> str:
    if i == EDITED_AT:
        return "edit"
    return "reject" if i % 4 == 3 else "accept"


def review_with_keys(tab) -> dict[str, str]:
    """30 decisions by keys on the selected row (the app selects the next unreviewed one)."""
    made: dict[str, str] = {}
    for i in range(N_DECISIONS):
        row = selected(tab)
        assert row["status"] == "unreviewed"
        action = plan(i)
        if action == "edit":
            tab.keyboard.press("e")
            tab.keyboard.press("Control+A")
            tab.keyboard.type(NEW_VALUE)
            tab.keyboard.press("Enter")
        else:
            tab.keyboard.press(action[0])
        wait_counter(tab, "saved", i + 1)
        tab.wait_for_function(f"S.view[S.sel] && S.view[S.sel]._id !== {row['id']!r}", timeout=WAIT_MS)
        made[row["id"]] = action
    return made


def test_thirty_rows_by_keyboard(out):
    with running_app(out) as (url, proc), browser_tab(url) as tab:
        made = review_with_keys(tab)
        last = list(made)[-1]
        tab.keyboard.press("u")  # undo the last decision
        wait_counter(tab, "undone", 1)  # counted once the view is reloaded on the undone row
        tab.wait_for_function(f"S.view[S.sel]._id === {last!r}", timeout=WAIT_MS)
        assert selected(tab)["status"] == "unreviewed"
        tab.keyboard.press("k")  # up to the decision before it
        tab.wait_for_function(f"S.view[S.sel]._id !== {last!r}", timeout=WAIT_MS)
        tab.keyboard.press("n")  # next unreviewed: the undone row is unreviewed again
        tab.wait_for_function(f"S.view[S.sel]._id === {last!r}", timeout=WAIT_MS)
        live = journal.effective(out)
        shown = tab.evaluate("S.view.map((r) => r._id)")
        tab.once("dialog", lambda dialog: dialog.accept())  # the one confirmation
        tab.keyboard.press("Shift+A")  # accept every row shown that is still unreviewed
        tab.wait_for_function("S.view.every((r) => r.review_status !== 'unreviewed')", timeout=WAIT_MS)
        assert tab.errors == []
    del made[last]
    assert dict(zip(live["row_id"], live["decision"], strict=True)) == {
        rid: "correct" if a == "edit" else a for rid, a in made.items()
    }
    edited = live[live["decision"] == "correct"].iloc[0]
    assert (edited["field"], edited["new_value"]) == ("value", NEW_VALUE)
    bulk = journal.effective(out).iloc[len(live) :]
    assert set(bulk["decision"]) == {"accept"} and set(bulk["row_id"]) == set(shown) - set(made)
    assert last in set(bulk["row_id"])
    assert proc.returncode == 0  # stopped cleanly, after publishing
    published = read_table(out, "reviews")
    assert list(published["row_id"]) == [*live["row_id"], *bulk["row_id"]]
    figs = read_table(out, "figures").set_index("figure_id")
    expected = {"accept": "accepted", "reject": "rejected", "edit": "corrected"}
    assert {rid: figs.loc[rid, "review_status"] for rid in made} == {r: expected[a] for r, a in made.items()}
    assert set(figs.loc[list(bulk["row_id"]), "review_status"]) == {"accepted"}
    assert figs.loc[edited["row_id"], "value"] == 52.5
    reviewed = pd.read_csv(out / "reviewed" / "figures.csv").set_index("figure_id")
    kept = {rid for rid, a in made.items() if a != "reject"} | set(bulk["row_id"])
    assert set(reviewed.index) == kept
    assert reviewed.loc[edited["row_id"], "value"] == 52.5
    sheet = pd.read_excel(out / "reviewed" / "reviewed.xlsx", sheet_name="figures")
    assert set(sheet["figure_id"]) == kept
