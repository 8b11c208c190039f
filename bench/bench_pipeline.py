"""End-to-end throughput against pdfplumber, interleaved in one invocation (issue 15's acceptance).

Round-robin, `--repeat` times, each into a fresh output folder (nothing is skipped):
  pdfplumber   `page.extract_text()` over every page (one process, the reference)
  workers1     `pipeline.runs.run_local(workers=1)` (the library path)
  workers2     `pipeline.runs.run_local(workers=2)`
  cli          `indikator ingest` with the default options (no Prefect server configured)
  dask2        `indikator ingest --dask-address` on a `dask scheduler` + 2 `dask worker`
               processes (`--nworkers 1 --nthreads 1`) started for the round and stopped after it,
               with the README's settings for them (`pipeline.dask_pool.lean_environ`)

Each is a subprocess; CPU-s are those of its whole process tree (RUSAGE_CHILDREN, so children
are included once waited; for dask2 the cluster's processes, start-up and shut-down included, are
children of the bench too; `warm_cpu_s` counts the ingest only, as on a long-running cluster).
Wall pages/s are over the ingest only. Peak RSS per worker comes
from sampling the trees with psutil (the largest process other than the launcher and scheduler).
On a busy machine the CPU-s ratios are the numbers to read. The dask2 tables are compared with
workers2's (volatile columns aside). The end re-runs the CLI on an unchanged folder.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_pipeline.py [--corpus DIR] [--docs N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from daskcluster import start_cluster, stop_cluster  # noqa: E402  (shared with tests/test_dask.py)
from storecheck import stable_table  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "real"
BIN = Path(sys.executable).parent
SAMPLE_S = 0.25
STOP_S = 30  # per signal, when stopping the cluster
CLUSTER_START_S = 180
MB = 1 << 20

PDFPLUMBER = """
import sys, pdfplumber
n = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
            n += 1
print(n)
"""
LIBRARY = """
import sys
from pipeline.runs import run_local
summary = run_local([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), timeout=1800)
print(summary.totals())
"""


class Sampler(threading.Thread):
    """Peak RSS (MB) of every process in the trees of `roots`, sampled every `SAMPLE_S`."""

    def __init__(self, roots: list[int]) -> None:
        super().__init__(daemon=True)
        self.roots, self.peak, self.names = roots, {}, {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_S):
            for root in self.roots:
                self._sample(root)

    def _sample(self, root: int) -> None:
        try:
            procs = [psutil.Process(root), *psutil.Process(root).children(recursive=True)]
        except psutil.Error:
            return
        for p in procs:
            try:
                rss = p.memory_info().rss / MB
                self.names.setdefault(p.pid, " ".join(p.cmdline()[1:4]))
            except psutil.Error:
                continue
            self.peak[p.pid] = max(self.peak.get(p.pid, 0.0), rss)

    def worker_peak(self, skip: set[int]) -> float:
        """The largest peak among the processes that do the work (not launchers/schedulers)."""
        return round(max((v for pid, v in self.peak.items() if pid not in skip), default=0.0), 1)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    extra = [p for p in e.get("PYTHONPATH", "").split(os.pathsep) if p and Path(p).resolve() != REPO]
    path = os.pathsep.join([str(REPO), *extra])  # the checkout first, then any extra site folders
    return e | {"PYTHONPATH": path, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def timed(cmd: list[str], cwd: Path, extra_roots: tuple[int, ...] = ()) -> dict:
    """Run `cmd`; wall seconds and peak RSS of its tree (and of `extra_roots`' trees)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    sampler = Sampler([proc.pid, *extra_roots])
    sampler.start()
    try:
        out, err = proc.communicate()
    except BaseException:  # the bench was stopped: no run outlives it (its workers follow it)
        proc.kill()
        proc.wait()
        raise
    finally:
        sampler.done.set()
        sampler.join()
    if proc.returncode not in (0, 1):  # 1: a document failed (the corpus has none; reported anyway)
        raise RuntimeError(f"{cmd[:4]} exited {proc.returncode}: {err[-1500:]}")
    return {"wall_s": time.perf_counter() - started, "stdout": out, "sampler": sampler, "root": proc.pid}


def run_pdfplumber(pdfs: list[Path], work: Path) -> dict:
    r = timed([sys.executable, "-c", PDFPLUMBER, *map(str, pdfs)], work)
    return {"wall_s": r["wall_s"], "peak_rss_mb": r["sampler"].worker_peak(set())}


def run_library(inbox: Path, out: Path, workers: int) -> dict:
    r = timed([sys.executable, "-c", LIBRARY, str(inbox), str(out), str(workers)], out.parent)
    return {"wall_s": r["wall_s"], "peak_rss_mb": r["sampler"].worker_peak({r["root"]})}


def run_cli(inbox: Path, out: Path, *extra: str) -> dict:
    cmd = [str(BIN / "indikator"), "ingest", str(inbox), "--out", str(out), "--allow-failures", *extra]
    r = timed(cmd, out.parent)
    return {"wall_s": r["wall_s"], "peak_rss_mb": r["sampler"].worker_peak({r["root"]})}


def tree_cpu(pids: list[int]) -> float:
    """CPU-s so far of the live processes in the trees of `pids`."""
    total = 0.0
    for pid in pids:
        try:
            procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
        except psutil.Error:
            continue
        for p in procs:
            try:
                times = p.cpu_times()
            except psutil.Error:
                continue
            total += times.user + times.system
    return total


def run_dask(inbox: Path, out: Path) -> dict:
    """The cluster is started for the run and stopped after it: `cpu_s` (see `measure`) is its
    whole life; `warm_cpu_s` only the ingest (client + cluster), as on a long-running cluster."""
    started = time.perf_counter()
    address, procs = start_cluster(out.parent, env(), wait_s=CLUSTER_START_S)
    cluster_start = time.perf_counter() - started
    pids = [p.pid for p in procs]
    try:
        cluster_cpu, client_cpu = tree_cpu(pids), children_cpu()
        cmd = [str(BIN / "indikator"), "ingest", str(inbox), "--out", str(out), "--allow-failures"]
        r = timed([*cmd, "--dask-address", address], out.parent, extra_roots=tuple(pids[1:]))
        warm = tree_cpu(pids) - cluster_cpu + children_cpu() - client_cpu
    finally:
        stop_cluster(procs, STOP_S)
    skip = {r["root"], *pids}  # client, scheduler, nannies
    return {
        "wall_s": r["wall_s"],
        "cluster_start_s": round(cluster_start, 1),
        "warm_cpu_s": warm,
        "peak_rss_mb": r["sampler"].worker_peak(skip),
    }


def same_tables(a: Path, b: Path) -> bool:
    import pandas as pd

    from pipeline.schema import PER_DOCUMENT

    for table in PER_DOCUMENT:
        try:
            pd.testing.assert_frame_equal(stable_table(a, table), stable_table(b, table), check_dtype=False)
        except AssertionError:
            return False
    return True


def corpus(folder: Path, docs: int | None) -> list[Path]:
    """The folder's PDFs by name (the first `docs`); none is an error, not a bench of 0 pages."""
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDFs in {folder} (give --corpus)")
    return pdfs[:docs] if docs else pdfs


def measure(name: str, run, *args) -> dict:
    cpu = children_cpu()
    result = run(*args)
    result["cpu_s"] = children_cpu() - cpu
    print(
        f"  {name}: {json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in result.items()})}",
        flush=True,
    )
    return result


def one_round(i: int, pdfs: list[Path], inbox: Path, root: Path) -> dict[str, dict]:
    out = root / f"round{i}"
    out.mkdir()
    print(f"round {i + 1}", flush=True)
    results = {
        "pdfplumber": measure("pdfplumber", run_pdfplumber, pdfs, out),
        "workers1": measure("workers1", run_library, inbox, out / "w1", 1),
        "workers2": measure("workers2", run_library, inbox, out / "w2", 2),
        "cli": measure("cli", run_cli, inbox, out / "cli"),
        "dask2": measure("dask2", run_dask, inbox, out / "dask2"),
    }
    results["dask2"]["same_tables_as_workers2"] = same_tables(out / "w2", out / "dask2")
    return results


def report(rounds: list[dict[str, dict]], pages: int) -> None:
    """Per config: median wall pages/s and CPU-s over the rounds, and their ratios to pdfplumber."""
    from statistics import median

    base_cpu = median(r["pdfplumber"]["cpu_s"] for r in rounds)
    base_rate = median(pages / r["pdfplumber"]["wall_s"] for r in rounds)
    print(f"\n{pages} pages, {len(rounds)} round(s); medians; ratio = indikator / pdfplumber extract_text()")
    columns = ("pages/s", "x pdfplumber", "CPU-s", "CPU x pdfpl.", "pages/CPU-s", "peak RSS/worker MB")
    print(f"{'config':<11}" + "".join(f"{c:>20}" for c in columns))
    for name in rounds[0]:
        rate = median(pages / r[name]["wall_s"] for r in rounds)
        cpu = median(r[name]["cpu_s"] for r in rounds)
        rss = max(r[name]["peak_rss_mb"] for r in rounds)
        values = (rate, rate / base_rate, cpu, cpu / base_cpu, pages / cpu, rss)
        print(f"{name:<11}" + "".join(f"{v:>20.2f}" for v in values))
    w2 = median(r["workers2"]["cpu_s"] for r in rounds)
    w1 = median(r["workers1"]["cpu_s"] for r in rounds)
    warm = median(r["dask2"]["warm_cpu_s"] for r in rounds)
    print(
        f"dask2 on a running cluster (ingest only): {warm:.1f} CPU-s, {warm / base_cpu:.2f} x pdfplumber, "
        f"{warm / w2:.3f} x workers2"
    )
    print(
        f"cli CPU vs workers1: {median(r['cli']['cpu_s'] for r in rounds) / w1:.3f}; "
        f"dask2 CPU vs workers2: {median(r['dask2']['cpu_s'] for r in rounds) / w2:.3f}; "
        f"dask2 tables == workers2 tables: {all(r['dask2']['same_tables_as_workers2'] for r in rounds)}"
    )


def rerun(inbox: Path, out: Path) -> None:
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run(
        [str(BIN / "indikator"), "ingest", str(inbox), "--out", str(out)],
        env=env(),
        check=True,
        capture_output=True,
    )
    print(
        f"re-run of the unchanged inbox (CLI): {time.perf_counter() - started:.2f} s wall, "
        f"{children_cpu() - cpu:.2f} CPU-s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of PDFs (default {CORPUS})")
    parser.add_argument("--docs", type=int, help="only the first N corpus PDFs (by name)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds (round-robin over the configs)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # `timeout`: clean up like Ctrl-C
    from pipeline.catalog import page_count

    pdfs = corpus(args.corpus, args.docs)
    root = Path(tempfile.mkdtemp(prefix="indikator-bench-"))
    inbox = root / "inbox"
    inbox.mkdir()
    for pdf in pdfs:
        (inbox / pdf.name).symlink_to(pdf)
    pages = sum(page_count(p) or 0 for p in pdfs)
    load = os.getloadavg()[0]
    print(f"{len(pdfs)} PDFs, {pages} pages from {args.corpus}; load average {load:.1f}", flush=True)
    try:
        rounds = [one_round(i, pdfs, inbox, root) for i in range(args.repeat)]
        report(rounds, pages)
        rerun(inbox, root / f"round{args.repeat - 1}" / "cli")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
