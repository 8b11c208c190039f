"""The `indikator` command line: ingest, show, eval, serve, review.

Input is checked before anything starts (`pipeline.cli_checks`); a usage error is one line on
stderr and exit code 2. `ingest` runs the library path (worker processes or a Dask cluster, no
Prefect) unless a Prefect server is configured or `--review` asks for a Prefect feature.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline import cli_checks as check
from pipeline.config import load_settings, pipeline_version, prefect_environment, prefect_server_url

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_CODES = (
    "Exit codes: 0 every document ok or unchanged; 1 a document failed (0 with --allow-failures); "
    "2 wrong usage (nothing was started); 130 interrupted (finished documents are kept)."
)
SUMMARY_COUNTS = ("pages", "tables", "figures", "dates", "clusters")
MESSAGE_WIDTH = 60
MIN_TIMEOUT_S = 0.1

# click's exceptions, wherever they live (recent typer vendors click as a private package)
_errors = sys.modules[typer.BadParameter.__module__]

app = typer.Typer(help="Russian policy papers (PDF) → clean, normalized tables.", no_args_is_help=True)
console = Console(width=None if sys.stdout.isatty() else 160)

OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output directory for the tables.")]


@app.command(epilog=EXIT_CODES)
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF/TXT files or folders.", show_default=False)],
    out: OutOption = Path("extracted"),
    force: Annotated[bool, typer.Option(help="Re-extract documents already ingested.")] = False,
    max_pages: Annotated[int | None, typer.Option(min=1, help="Refuse documents with more pages.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Documents processed in parallel (processes).")] = 1,
    timeout: Annotated[
        float, typer.Option(min=MIN_TIMEOUT_S, help="Seconds per document before its worker is killed.")
    ] = 600,
    dask_address: Annotated[
        str | None,
        typer.Option(
            help="Run on a Dask cluster: a scheduler (tcp://host:8786) or 'local' (--workers processes)."
        ),
    ] = None,
    review: Annotated[
        bool, typer.Option(help="Pause after extraction until a reviewer resumes the run (Prefect UI/app).")
    ] = False,
    review_port: Annotated[int, typer.Option(min=1, max=65535, help="Port of the review app.")] = 8501,
    allow_failures: Annotated[bool, typer.Option(help="Exit 0 even when documents failed.")] = False,
) -> None:
    """Ingest PDF/TXT files into OUT (each finished document is written at once); prints a summary.

    Runs without Prefect unless PREFECT_API_URL (or the active Prefect profile) names a server,
    or --review needs Prefect; then it is a Prefect flow run (on the Dask cluster too)."""
    from pipeline.generations import recover_at_start
    from pipeline.runs import plan_batch

    check.input_files(paths)
    check.writable_dir(out)
    check.dask_address(dask_address)
    recover_at_start(out)  # what a killed run left is rolled back before planning on it
    plan = plan_batch(paths, out, force=force)
    if not plan.pending and not review:
        console.print(f"nothing new: all {len(plan.files)} file(s) already ingested by {pipeline_version()}")
        return
    options = dict(
        force=force, max_pages=max_pages, workers=workers, timeout=timeout, dask_address=dask_address
    )
    prefect_environment(console_level="CRITICAL")  # before looking for a server; failures print here
    try:
        if review or prefect_server_url():
            flow_options = dict(review=review, review_port=review_port)
            summary = _run_flow(paths, out, len(plan.pending), **options, **flow_options)
        else:
            summary = _run_local(paths, out, len(plan.pending), **options)
    except KeyboardInterrupt:
        console.print(f"interrupted: finished documents are kept in {out}/; run again to do the rest")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print_summary(summary, out)
    if summary.totals()["failures"] and not allow_failures:
        raise typer.Exit(EXIT_FAILED)


def _run_local(paths: list[Path], out: Path, pending: int, **options):
    """The library path: worker processes or a Dask cluster, no Prefect (no server to start)."""
    from pipeline.runs import run_local

    with _progress() as progress:
        on_result = _reporter(progress, progress.add_task("ingesting", total=pending))
        return run_local(paths, out, on_result=on_result, **options)


def _run_flow(paths: list[Path], out: Path, pending: int, *, review: bool, review_port: int, **options):
    """A Prefect flow run: against the configured server, a local server for --review, else
    Prefect's temporary server (started on first use)."""
    with _review_server(review):
        from flows.ingest import ingest as ingest_run
        from flows.ingest import listeners

        url = prefect_server_url()
        console.print(f"Prefect: run recorded at {url}" if url else "Prefect: starting its temporary server…")
        with _progress() as progress:
            listeners.append(_reporter(progress, progress.add_task("ingesting", total=pending)))
            try:
                return ingest_run(
                    [str(p) for p in paths], str(out), **options, review=review, review_port=review_port
                )
            finally:
                listeners.clear()


def _reporter(progress: Progress, bar) -> Callable:
    from pipeline.runs import document_line

    def report(result) -> None:
        style = "red" if result.failure else ""
        progress.console.print(escape(document_line(result)), style=style, highlight=False)
        progress.advance(bar)

    return report


def _review_server(review: bool):
    """A paused run must be resumable from the UI: use PREFECT_API_URL or a local server meanwhile."""
    if not review:
        return nullcontext()
    from pipeline.net import prefect_api

    console.print("--review: the run pauses after extraction; resume it in the Prefect UI or the app")
    return prefect_api(load_settings().prefect_port, status=console.print)


@app.command()
def show(
    table: Annotated[str, typer.Argument(help="figures, dates, clusters, mentions, documents, …")],
    out: OutOption = Path("extracted"),
    limit: Annotated[int, typer.Option(min=0, help="Rows to print.")] = 20,
) -> None:
    """Print the first rows of an output table."""
    check.known_table(out, table)
    from pipeline.store import read_table

    df = read_table(out, table)
    console.print(f"[bold]{table}[/bold]: {len(df)} rows")
    console.print(df.head(limit).to_string(max_colwidth=40), markup=False, highlight=False)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Gold folder (one subfolder per document).")],
    out: OutOption = Path("extracted"),
    diff: Annotated[
        Path | None,
        typer.Option(help="Also write every disagreement (missed, extra, wrong field) to this CSV file."),
    ] = None,
) -> None:
    """Score the output tables against gold annotations: precision/recall/F1 per document and table."""
    check.gold_dir(gold_dir)
    check.output_tables(out)
    from pipeline.evaluate import differences, evaluate_dir, read_splits, score_table

    console.print(score_table(evaluate_dir(gold_dir, out), read_splits(gold_dir)))
    if diff is not None:
        found = differences(gold_dir, out)
        diff.parent.mkdir(parents=True, exist_ok=True)
        found.to_csv(diff, index=False)
        counts = ", ".join(f"{n} {status}" for status, n in found["status"].value_counts().items())
        console.print(f"{len(found)} differences written to {diff} ({counts or 'none'})")


@app.command()
def serve() -> None:
    """Serve the scheduled inbox deployment (interval/cron from \\[tool.indikator] in pyproject.toml or
    INDIKATOR_* variables) until Ctrl-C or SIGTERM; without PREFECT_API_URL it runs a local Prefect
    server (with the UI) meanwhile and stops it on the way out."""
    try:
        settings = load_settings()
    except (ValueError, TypeError) as exc:
        raise typer.BadParameter(str(exc), param_hint="[tool.indikator]") from None
    check.serve_settings(settings)
    prefect_environment(console_level="INFO")
    from pipeline.net import prefect_api

    interrupted = _stop_on_signals()
    try:
        with prefect_api(settings.prefect_port, status=console.print):
            from flows.inbox import serve_inbox

            serve_inbox(settings)
    except BaseException as exc:  # noqa: BLE001 - after Ctrl-C, whatever the stopping raised is its echo
        if not interrupted or isinstance(exc, SystemExit):
            raise
        echo = "" if isinstance(exc, KeyboardInterrupt) else f" ({type(exc).__name__} on the way out)"
        console.print(f"stopped on Ctrl-C{echo}")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    console.print("stopped (the schedule stays active on the server)")
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)


def _stop_on_signals() -> list[int]:
    """SIGINT and SIGTERM raise KeyboardInterrupt (Prefect's runner stops on it; once running it
    handles SIGTERM itself), so the local server is stopped on the way out. Returns the list in
    which Ctrl-C is recorded (exit 130); a stop by SIGTERM exits 0."""
    seen: list[int] = []

    def on_signal(signum, frame) -> None:
        if signum == signal.SIGINT:
            seen.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    return seen


@app.command()
def review(
    out: OutOption = Path("extracted"),
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
    export: Annotated[
        bool, typer.Option("--export", help="Publish decisions, write reviewed/ (CSV + Excel), exit.")
    ] = False,
) -> None:
    """Open the review app on 127.0.0.1 (keyboard-first; decisions saved at once), or --export."""
    from pipeline.review.app import PortTaken, serve
    from pipeline.review.decisions import publish

    try:
        if export:
            paths = publish(out)
            console.print(f"published the decisions; wrote {len(paths)} file(s) to {out / 'reviewed'}")
            return
        prefect_environment(console_level="WARNING")  # "Finish" may resume a paused flow run
        serve(out, port=port)
    except (PortTaken, FileNotFoundError) as exc:
        console.print(f"error: {exc}", style="red", soft_wrap=True)
        raise typer.Exit(code=1) from None


@app.command()
def version() -> None:
    """Print the pipeline version (package version + source hash)."""
    console.print(pipeline_version())


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def _print_summary(summary, out: Path) -> None:
    per_doc = Table(title="Documents")
    for col in ("file", "status", *SUMMARY_COUNTS, "seconds", "error"):
        per_doc.add_column(col)
    for r in sorted(summary.results, key=lambda r: r.source_path):
        failure = r.failure or {}
        per_doc.add_row(
            escape(Path(r.source_path).name),
            r.status,
            *(str(r.count(t)) for t in SUMMARY_COUNTS),
            f"{r.seconds:.2f}",
            escape((failure.get("message") or "")[:MESSAGE_WIDTH]),
        )
    console.print(per_doc)
    totals = Table(title=f"Summary → {escape(str(out))}/")
    for key in summary.totals():
        totals.add_column(key)
    totals.add_row(*(str(v) for v in summary.totals().values()))
    console.print(totals)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: a usage error is one line on stderr (exit 2), Ctrl-C exits 130."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="indikator", standalone_mode=False)
    except _errors.ClickException as exc:
        if isinstance(exc, _errors.NoArgsIsHelpError):
            exc.show()  # the help text
        else:
            print(_one_line(exc), file=sys.stderr)
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = EXIT_INTERRUPTED
    except BaseExceptionGroup as group:  # Ctrl-C inside an async task group (Prefect's HTTP client),
        if group.split(KeyboardInterrupt)[0] is None:  # with what the cancelled tasks raised after it
            raise
        code = EXIT_INTERRUPTED
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _one_line(exc: Exception) -> str:
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    hint = f" (see '{ctx.command_path} --help')" if isinstance(exc, _errors.UsageError) and ctx else ""
    return f"Error: {message}{hint}"


if __name__ == "__main__":
    main()
