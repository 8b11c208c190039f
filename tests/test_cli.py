"""The `indikator` command as a user runs it (a subprocess): usage errors, exit codes, Ctrl-C, and
the library entry point `pipeline.ingest` (callable every time, light when there is nothing new)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.store import read_table

ROOT = Path(__file__).resolve().parents[1]
USAGE_WALL_S = 3.0  # a usage error is reported before anything starts
RUN_TIMEOUT_S = 300  # one small document including a worker's model load on a busy machine
HEAVY = ("pandas", "pyarrow", "duckdb", "pandera", "prefect", "pypdfium2", "natasha")


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("PREFECT_API_URL", None)  # the library path: no Prefect server configured
    return env | extra


def _cli(
    *args: str, cwd: Path = ROOT, timeout: float = RUN_TIMEOUT_S
) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done, time.monotonic() - started


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """An output folder holding one ingested fixture (for the table-name checks)."""
    from pipeline.ingest import ingest

    out = tmp_path_factory.mktemp("cli") / "out"
    ingest([ROOT / "fixtures" / "pdf" / "kaluga_note.pdf"], out=out)
    return out


def _usage_cases(tmp: Path, out: Path) -> dict[str, tuple[list[str], str]]:
    (tmp / "empty").mkdir()
    (tmp / "a_file.csv").write_text("x\n")
    (tmp / "gold").mkdir()
    (tmp / "gold" / "splits.csv").write_text("# which folders are held out\nbook_1,held_out\n")  # no header
    pdfs = str(ROOT / "fixtures" / "pdf")
    return {
        "missing path": (["ingest", str(tmp / "nope.pdf")], "nope.pdf: no such file or folder"),
        "out is a file": (["ingest", pdfs, "--out", str(tmp / "a_file.csv")], "is a file, not a folder"),
        "not a pdf": (["ingest", str(tmp / "a_file.csv")], "a_file.csv: not a PDF or TXT file"),
        "empty folder": (["ingest", str(tmp / "empty")], "no PDF or TXT files in"),
        "bad option": (["ingest", pdfs, "--workers", "0"], "'--workers'"),
        "bad timeout": (["ingest", pdfs, "--timeout", "-1"], "'--timeout'"),
        "bad dask address": (["ingest", pdfs, "--dask-address", "nohost"], "tcp://host:8786"),
        "unknown table": (["show", "figurez", "--out", str(out)], "did you mean figures"),
        "no tables": (["show", "figures", "--out", str(tmp / "empty")], "no tables in"),
        "splits without header": (["eval", str(tmp / "gold"), "--out", str(out)], "columns folder,split"),
    }


def test_wrong_usage_is_one_line_and_exit_2_before_anything_starts(tmp_path, ingested):
    for case, (args, expected) in _usage_cases(tmp_path, ingested).items():
        done, seconds = _cli(*args, timeout=30)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2, (case, done.stderr)
        assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0], (case, lines)
        assert seconds < USAGE_WALL_S, (case, seconds)
    assert not (tmp_path / "extracted").exists()  # nothing was written anywhere


def test_exit_codes_as_an_inbox_grows(tmp_path, pdf_dir):
    """0 all ok (relative paths from another folder), 1 a failure, 0 with --allow-failures, 0 unchanged."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(pdf_dir / "kaluga_note.pdf", inbox)
    done, _ = _cli("ingest", "inbox", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "kaluga_note.pdf: 1 pages" in done.stdout  # one line per document
    assert read_table(tmp_path / "out", "documents")["status"].tolist() == ["ok"]

    shutil.copy(pdf_dir / "truncated.pdf", inbox)
    done, _ = _cli("ingest", "inbox", "--out", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert "truncated.pdf: failed at parse" in done.stdout and "kaluga_note.pdf: 1 pages" not in done.stdout

    (inbox / "cut.pdf").write_bytes((pdf_dir / "truncated.pdf").read_bytes() + b"\n%cut again\n")
    done, _ = _cli("ingest", "inbox", "--out", "out", "--allow-failures", cwd=tmp_path)
    assert done.returncode == 0 and "cut.pdf: failed at parse" in done.stdout

    done, _ = _cli("ingest", "inbox", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0 and "nothing new: all 3 file(s)" in done.stdout
    assert set(read_table(tmp_path / "out", "documents")["file_name"]) == {
        "kaluga_note.pdf",
        "truncated.pdf",
        "cut.pdf",
    }


def test_ctrl_c_exits_130_and_stops_the_workers(tmp_path, pdf_dir):
    shutil.copy(pdf_dir / "seed_gertsik_2020.pdf", tmp_path)
    cmd = [sys.executable, "-m", "pipeline.cli", "ingest", str(tmp_path / "seed_gertsik_2020.pdf")]
    cmd += ["--out", str(tmp_path / "out")]
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, text=True, start_new_session=True)
    assert _child_started(proc.pid, within=120.0)  # the run is under way: its worker process exists
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    started = time.monotonic()
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in out
    assert time.monotonic() - started < 20
    assert _group_gone(proc.pid, within=5.0)  # no worker process of the run is left


def _child_started(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    return True
            except (OSError, IndexError, ValueError):
                continue
        time.sleep(0.2)
    return False


def _group_gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


LIBRARY_TWICE = """
import sys
import pipeline
first = pipeline.ingest([sys.argv[1]], out=sys.argv[2])
import pipeline.ingest
second = pipeline.ingest([sys.argv[1]], out=sys.argv[2])
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(first.totals()["skipped"], second.totals()["skipped"], heavy)
"""


def test_library_ingest_stays_callable_and_nothing_new_imports_nothing_heavy(ingested):
    """README's `pipeline.ingest([...], out=...)` twice, after `import pipeline.ingest` too."""
    source = str(ROOT / "fixtures" / "pdf" / "kaluga_note.pdf")
    code = LIBRARY_TWICE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code, source, str(ingested)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1", "[]"]


def test_a_prefect_server_is_found_in_the_environment_or_the_active_profile(tmp_path, monkeypatch):
    from pipeline.config import prefect_server_url

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    assert prefect_server_url() is None  # no profiles file: the library path
    (tmp_path / "profiles.toml").write_text(
        'active = "team"\n[profiles.ephemeral]\n[profiles.team]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n'
    )
    assert prefect_server_url() == "http://10.0.0.5:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "ephemeral")
    assert prefect_server_url() is None
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert prefect_server_url() == "http://127.0.0.1:4200/api"


def test_help_shows_exit_codes_and_the_settings_table_literally():
    ingest_help, _ = _cli("ingest", "--help", timeout=30)
    serve_help, _ = _cli("serve", "--help", timeout=30)
    assert ingest_help.returncode == 0 and "130 interrupted" in " ".join(ingest_help.stdout.split())
    assert serve_help.returncode == 0 and "[tool.indikator]" in serve_help.stdout


def test_eval_writes_every_disagreement_with_the_gold_to_a_csv(tmp_path, ingested):
    """`indikator eval GOLD --diff FILE`: the note's 52,3 млрд руб. (a level, as the gold says) is
    found; a gold figure the note does not state is listed as missed."""
    gold = tmp_path / "gold" / "kaluga_note"
    gold.mkdir(parents=True)
    (gold / "figures.csv").write_text(
        "page,quote,value,unit_mult,value_scaled,unit,kind\n"
        '1,"52,3 млрд руб.",52.3,9,52300000000,RUB,level\n'
        "1,99%,99,0,99,PERCENT,level\n"
    )
    diff = tmp_path / "diff.csv"
    done, _ = _cli("eval", str(tmp_path / "gold"), "--out", str(ingested), "--diff", str(diff))
    assert done.returncode == 0, done.stderr
    assert "differences written to" in done.stdout
    found = pd.read_csv(diff, dtype=str)
    assert found.query("status == 'missed'")["quote"].tolist() == ["99%"]
    assert not (found["quote"] == "52,3 млрд руб.").any()


def test_ctrl_c_raised_inside_an_async_task_group_exits_130(tmp_path, pdf_dir, monkeypatch):
    """A Ctrl-C that lands in Prefect's HTTP client (anyio) arrives wrapped in an exception group
    (seen in `indikator serve` on a busy machine: exit 1 with a traceback), also with the errors the
    cancelled tasks raise after it (anyio's "cancel scope" RuntimeError); a group without one stays
    an error."""
    import pipeline.cli

    args = ["ingest", str(pdf_dir / "kaluga_note.pdf"), "--out", str(tmp_path / "out")]
    echo = RuntimeError(
        "Attempted to exit a cancel scope that isn't the current tasks's current cancel scope"
    )
    for raised, code in (
        ([KeyboardInterrupt()], 130),
        ([KeyboardInterrupt(), echo], 130),
        ([ValueError("boom")], None),
    ):

        def run(*_, errors=raised, **__):
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors)

        monkeypatch.setattr(pipeline.cli, "_run_local", run)
        if code is None:
            with pytest.raises(BaseExceptionGroup):
                pipeline.cli.main(args)
        else:
            with pytest.raises(SystemExit) as stop:
                pipeline.cli.main(args)
            assert stop.value.code == code


def test_serve_exits_130_when_stopping_after_ctrl_c_raises(monkeypatch, capsys):
    """Ctrl-C while serving, then an error on the way out (anyio's cancel-scope RuntimeError from
    Prefect's HTTP client, seen on a busy machine: exit 1 with a traceback): still an interrupt."""
    import signal
    from contextlib import nullcontext

    import flows.inbox
    import pipeline.cli
    import pipeline.net

    def serve_inbox(_settings):
        try:
            signal.raise_signal(signal.SIGINT)  # the handler `serve` installed raises KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("Attempted to exit a cancel scope") from None

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.setattr(pipeline.cli, "prefect_environment", lambda **_: None)  # no Prefect variables set
    monkeypatch.setattr(pipeline.net, "prefect_api", lambda *_, **__: nullcontext())
    monkeypatch.setattr(flows.inbox, "serve_inbox", serve_inbox)
    try:
        with pytest.raises(SystemExit) as stop:
            pipeline.cli.main(["serve"])
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert stop.value.code == 130
    assert "stopped on Ctrl-C (RuntimeError on the way out)" in capsys.readouterr().out
