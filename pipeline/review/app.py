"""The review app: a small Starlette server on 127.0.0.1 and one static page (no CDN, no network).

Why not Streamlit: every keystroke there reruns the whole script on the server (seconds on a
busy machine), and it has no row click or key bindings. Here the page is plain HTML/JS that
handles keys itself and calls a JSON API; a decision is one POST that appends to the journal.
The published tables and `reviewed/` are refreshed by a background thread a moment after the
last decision and when the app stops. Run: `python -m pipeline.review.app --out DIR --port N`.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import signal
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.review import evidence
from pipeline.review.decisions import orphaned_in, publish, record_decisions, undo_last
from pipeline.review.workspace import Workspace

STATIC = Path(__file__).with_name("static")
HOST = "127.0.0.1"
PUBLISH_DELAY_S = 2.0  # publish this long after the last decision (a burst of keys, one publish)
Resume = Callable[[dict], None]


class PortTaken(RuntimeError):
    """The app's port is in use."""


class Publisher(threading.Thread):
    """Publishes the decisions in the background: after a quiet moment, and once more at stop."""

    def __init__(self, out: Path):
        super().__init__(daemon=True, name="review-publisher")
        self.out, self.wake, self.stopping, self.error = out, threading.Event(), False, None

    def poke(self) -> None:
        self.wake.set()

    def run(self) -> None:
        while not self.stopping:
            self.wake.wait()
            while self.wake.is_set() and not self.stopping:
                self.wake.clear()
                self.wake.wait(PUBLISH_DELAY_S)
            self._publish()

    def stop(self) -> None:
        """Stop and publish what is pending (blocks until written)."""
        self.stopping = True
        self.wake.set()
        self.join(timeout=120)
        self._publish()

    def _publish(self) -> None:
        try:
            publish(self.out)
            self.error = None
        except Exception as exc:  # noqa: BLE001 (reported in the page, retried at the next decision)
            self.error = f"{type(exc).__name__}: {exc}"


def create_app(out: Path | str, flow_run_id: str | None = None, on_resume: Resume | None = None) -> Starlette:
    """The app over `out`; `on_resume(answer)` (or the Prefect API with `flow_run_id`) ends a gate."""
    api = ReviewApi(Path(out), flow_run_id, on_resume)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        api.publisher.start()
        yield
        api.publisher.stop()

    return Starlette(routes=api.routes(), lifespan=lifespan)


class ReviewApi:
    """The JSON API and the page over one output directory."""

    def __init__(self, out: Path, flow_run_id: str | None, on_resume: Resume | None):
        self.ws, self.publisher = Workspace(out), Publisher(out)
        self.flow_run_id, self.on_resume = flow_run_id, on_resume

    def routes(self) -> list:
        return [
            Route("/", lambda r: FileResponse(STATIC / "index.html")),
            Route("/health", lambda r: JSONResponse({"ok": True})),
            Route("/favicon.ico", lambda r: Response(status_code=204)),
            Route("/api/meta", self.meta),
            Route("/api/rows", self.rows),
            Route("/api/progress", self.progress),
            Route("/api/decide", self.decide, methods=["POST"]),
            Route("/api/undo", self.undo, methods=["POST"]),
            Route("/api/evidence", self.evidence_of),
            Route("/api/page.png", self.page_png),
            Route("/api/orphans", self.orphans),
            Route("/api/publish", self.publish_now, methods=["POST"]),
            Route("/api/finish", self.finish, methods=["POST"]),
            Route("/pdf/{doc_id}", self.pdf_file),
            Mount("/static", StaticFiles(directory=STATIC)),
        ]

    async def meta(self, request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "out": str(self.ws.out),
                "documents": self.ws.documents(),
                "tables": self.ws.tables(),
                "reviewer": _default_reviewer(),
                "gate": bool(self.flow_run_id or self.on_resume),
                "publish_error": self.publisher.error,
            }
        )

    async def rows(self, request: Request) -> JSONResponse:
        q = request.query_params
        return JSONResponse(await run_in_threadpool(self.ws.rows, q["table"], q.get("doc")))

    async def progress(self, request: Request) -> JSONResponse:
        return JSONResponse(await run_in_threadpool(self.ws.progress))

    async def decide(self, request: Request) -> JSONResponse:
        body = await request.json()
        items = body.get("items") or [body]
        given = {k: body.get(k) for k in ("reviewer", "note")}
        try:
            saved = record_decisions(self.ws.out, body["table"], [_item(i, given) for i in items])
        except (KeyError, ValueError) as exc:
            return JSONResponse({"error": str(exc.args[0] if exc.args else exc)}, status_code=400)
        self.publisher.poke()
        return JSONResponse({"saved": [{"seq": s["seq"], "row_id": s["row_id"]} for s in saved]})

    async def undo(self, request: Request) -> JSONResponse:
        body = await request.json()
        undone = undo_last(self.ws.out, body.get("reviewer") or None)
        self.publisher.poke()
        keep = ("table", "row_id", "doc_id", "decision", "field", "seq")
        return JSONResponse({"undone": _plain_row({k: undone.get(k) for k in keep}) if undone else None})

    async def evidence_of(self, request: Request) -> JSONResponse:
        q = request.query_params
        try:
            found = await run_in_threadpool(self.ws.evidence, q["table"], q["row_id"], q.get("doc"))
            return JSONResponse(found)
        except KeyError as exc:
            return JSONResponse({"error": str(exc.args[0] if exc.args else exc)}, status_code=404)

    async def page_png(self, request: Request) -> Response:
        q = request.query_params
        pdf = self.ws.pdf(q.get("doc"))
        boxes = [tuple(map(float, b.split(","))) for b in q.get("boxes", "").split(";") if b]
        zoom = float(q.get("zoom", 2))
        png = await run_in_threadpool(evidence.render, str(pdf), int(q["page"]), boxes, zoom) if pdf else None
        if png is None:
            return Response("no PDF page", status_code=404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=300"})

    async def pdf_file(self, request: Request) -> Response:
        pdf = self.ws.pdf(request.path_params["doc_id"])
        return FileResponse(pdf, media_type="application/pdf") if pdf else Response("no PDF", status_code=404)

    async def orphans(self, request: Request) -> JSONResponse:
        frame = orphaned_in(self.ws.out)
        cols = [
            c
            for c in ("table", "row_id", "decision", "field", "new_value", "page", "quote", "at")
            if c in frame
        ]
        return JSONResponse({"orphans": [_plain_row(r) for r in frame[cols].to_dict("records")]})

    async def publish_now(self, request: Request) -> JSONResponse:
        publish(self.ws.out)
        return JSONResponse({"published": True})

    async def finish(self, request: Request) -> JSONResponse:
        body = await request.json()
        answer = {"reviewer": body.get("reviewer") or "", "approved": True, "note": body.get("note") or ""}
        publish(self.ws.out)
        (self.on_resume or _prefect_resume(self.flow_run_id))(answer)
        return JSONResponse({"resumed": True})


def bind(port: int, host: str = HOST) -> socket.socket:
    """A listening socket on host:port; PortTaken when another process has it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise PortTaken(
            f"port {port} on {host} is taken ({exc.strerror}); choose another with --port"
        ) from None
    sock.listen(128)
    return sock


def serve(
    out: Path | str, port: int = 8501, flow_run_id: str | None = None, on_resume: Resume | None = None
) -> None:
    """Run the app until interrupted (SIGINT/SIGTERM); publishes once more on the way out.
    Raises FileNotFoundError without an output directory and PortTaken when the port is in use."""
    import uvicorn

    if not Path(out).is_dir():
        raise FileNotFoundError(f"no output directory {out}; run `indikator ingest` first")
    sock = bind(port)
    config = uvicorn.Config(create_app(out, flow_run_id, on_resume), log_level="warning", lifespan="on")
    print(f"review app: http://{HOST}:{port}  (output {Path(out).resolve()}; Ctrl+C to stop)", flush=True)
    # uvicorn shuts down gracefully (the lifespan publishes), then re-raises the signal it caught:
    # that is a normal stop, not a failure.
    signal.signal(signal.SIGTERM, _stopped)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])


def _stopped(signum, frame) -> None:
    raise SystemExit(0)


def command(out: Path | str, port: int, flow_run_id: str | None = None) -> list[str]:
    """The command line that runs the app in its own process."""
    resume = ["--flow-run-id", str(flow_run_id)] if flow_run_id else []
    return [
        sys.executable,
        "-m",
        "pipeline.review.app",
        "--out",
        str(Path(out).resolve()),
        "--port",
        str(port),
        *resume,
    ]


def _prefect_resume(flow_run_id: str | None) -> Resume:
    """Resume the paused flow run through the Prefect API (the gate's `ReviewDone` form)."""

    def resume(answer: dict) -> None:
        if not flow_run_id:
            return
        from uuid import UUID

        from prefect.flow_runs import resume_flow_run

        resume_flow_run(UUID(flow_run_id), run_input=answer)

    return resume


def _item(item: dict, given: dict) -> tuple:
    extra = {k: item.get(k) for k in ("field", "new_value") if item.get(k) is not None}
    return (item["row_id"], item.get("doc_id"), item["decision"], given | extra)


def _plain_row(row: dict) -> dict:
    from pipeline.review.tables import plain

    return {k: plain(v) for k, v in row.items()}


def _default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.review.app")
    parser.add_argument("--out", default="extracted")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--flow-run-id")
    args = parser.parse_args(argv)
    try:
        serve(args.out, args.port, args.flow_run_id)
    except (PortTaken, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
