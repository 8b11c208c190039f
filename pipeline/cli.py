"""The `indikator` command line: ingest, show, eval, serve, review."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.config import load_settings, pipeline_version, prefect_environment

app = typer.Typer(help="Russian policy papers (PDF) → clean, normalized tables.", no_args_is_help=True)
console = Console(width=None if sys.stdout.isatty() else 160)

OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output directory for the tables.")]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF/TXT files or folders.")],
    out: OutOption = Path("extracted"),
    force: Annotated[bool, typer.Option(help="Re-extract documents already ingested.")] = False,
    max_pages: Annotated[int | None, typer.Option(help="Refuse documents with more pages.")] = None,
    workers: Annotated[int, typer.Option(help="Documents processed in parallel (worker processes).")] = 1,
    timeout: Annotated[float, typer.Option(help="Seconds per document before its worker is killed.")] = 600,
    dask_address: Annotated[
        str | None, typer.Option(help="Run on a Dask cluster (tcp://host:port, or 'local').")
    ] = None,
    review: Annotated[
        bool, typer.Option(help="Pause after extraction until a reviewer resumes the run (Prefect UI/app).")
    ] = False,
    review_port: Annotated[int, typer.Option(help="Port of the review app for --review.")] = 8501,
) -> None:
    """Ingest PDF/TXT files (one-off Prefect flow run) into OUT; prints a summary table."""
    from pipeline.runs import plan_batch

    plan = plan_batch(paths, out, force=force)
    if not plan.pending and not review:
        console.print(f"nothing new: {len(plan.files)} file(s) already ingested by {pipeline_version()}")
        return
    prefect_environment()
    from flows.ingest import ingest as ingest_run
    from flows.ingest import listeners

    with _review_server(review), _progress() as progress:
        bar = progress.add_task("ingesting", total=len(plan.pending))
        listeners.append(lambda result: progress.advance(bar))
        summary = ingest_run(
            [str(p) for p in paths],
            str(out),
            workers=workers,
            dask_address=dask_address,
            force=force,
            max_pages=max_pages,
            timeout=timeout,
            review=review,
            review_port=review_port,
        )
        listeners.clear()
        progress.update(bar, completed=len(plan.pending))
    _print_summary(summary, out)


def _review_server(review: bool):
    """A paused run must be resumable from the UI: use PREFECT_API_URL or a local server meanwhile."""
    if not review:
        return nullcontext()
    from flows.inbox import prefect_api

    console.print("--review: the run pauses after extraction; resume it in the Prefect UI or the app")
    return prefect_api(load_settings().prefect_port)


@app.command()
def show(
    table: Annotated[str, typer.Argument(help="figures, dates, clusters, mentions, documents, …")],
    out: OutOption = Path("extracted"),
    limit: Annotated[int, typer.Option(help="Rows to print.")] = 20,
) -> None:
    """Print the first rows of an output table."""
    from pipeline.store import read_table

    df = read_table(out, table)
    console.print(f"[bold]{table}[/bold]: {len(df)} rows")
    console.print(df.head(limit).to_string(max_colwidth=40))


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Gold folder (one subfolder per document).")],
    out: OutOption = Path("extracted"),
) -> None:
    """Score the output tables against gold annotations: precision/recall/F1 per document and table."""
    from pipeline.evaluate import evaluate_dir, score_table

    scores = evaluate_dir(gold_dir, out)
    console.print(score_table(scores))


@app.command()
def serve() -> None:
    """Serve the scheduled inbox deployment (interval/cron from [tool.indikator] or INDIKATOR_*)."""
    prefect_environment()
    from flows.inbox import serve_inbox

    serve_inbox(load_settings())


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
    for col in ("file", "status", "pages", "tables", "figures", "dates", "clusters", "seconds", "error"):
        per_doc.add_column(col)
    for r in sorted(summary.results, key=lambda r: r.source_path):
        failure = r.failure or {}
        per_doc.add_row(
            Path(r.source_path).name,
            r.status,
            *(str(r.count(t)) for t in ("pages", "tables", "figures", "dates", "clusters")),
            f"{r.seconds:.2f}",
            (failure.get("message") or "")[:60],
        )
    console.print(per_doc)
    totals = Table(title=f"Summary → {out}/")
    for key in summary.totals():
        totals.add_column(key)
    totals.add_row(*(str(v) for v in summary.totals().values()))
    console.print(totals)


if __name__ == "__main__":
    app()
