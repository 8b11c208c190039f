"""CPU seconds of NLP + extraction per page, split by NLP component.

    python bench/bench_nlp.py [--repeat 3] [--before DIR] [PDF ...]

Default input: the 110-page Rosstat bulletin, reported alone, and the whole real corpus in
../shared. PDFs are parsed once in this process (parsing is not timed); each measurement is a
fresh child process (single-threaded BLAS, as ingest workers run) that warms up on the seed text
(one-time loads) and then times one pass over every page with `time.process_time`. Rows:
`page` = this checkout, `extract_page` per page (ingest's call); `pages` = this checkout,
`extract_pages` per document (NER batched over pages); `before` = `--before DIR`, another
checkout (e.g. a `git archive` of the base commit), `extract_page` per page. The children run
interleaved, `--repeat` rounds, and the best (lowest) CPU of each is reported. The split charges
each CPU second to the innermost running component: NER, neural morphology, syntax,
segmentation (razdel), pymorphy dictionary look-ups; the rest is extraction. CPU, not wall time:
the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
ROSSTAT = "rosstat_sep_russia_jan_aug_2017"
SEED = ROOT / "fixtures" / "seed" / "seed_paper.txt"
WARM_UP_CHARS = 20_000  # seed text run once before timing: catalogs and models load lazily
SINGLE_THREADED_MATH = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
COMPONENTS = ("ner", "morph", "syntax", "segment", "pymorphy")


class Clock:
    """Exclusive CPU time per component: nested calls charge only the innermost one."""

    def __init__(self) -> None:
        self.spent = dict.fromkeys(COMPONENTS, 0.0)
        self.stack: list[str] = []
        self.mark = time.process_time()

    def switch(self, to: str | None) -> None:
        now = time.process_time()
        if self.stack:
            self.spent[self.stack[-1]] += now - self.mark
        self.mark = now
        if to is None:
            self.stack.pop()
        else:
            self.stack.append(to)

    def wrap(self, owner: object, name: str, component: str, materialize: bool = False) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            self.switch(component)
            try:
                out = original(*args, **kwargs)
                return iter(list(out)) if materialize else out
            finally:
                self.switch(None)

        setattr(owner, name, timed)


def install_clock() -> Clock:
    """Wrap the NLP calls the pipeline makes (`pipeline.nlp.infer`'s NER, morphology and syntax on
    slovnet's models, natasha's sentence splitter, razdel-rule tokens) and pymorphy look-ups with a
    `Clock`. The names are wrapped where the pipeline looks them up (the modules that import them)."""
    import natasha.segment
    import pymorphy2
    import pymorphy3

    import pipeline.nlp
    import pipeline.nlp.ner

    clock = Clock()
    clock.wrap(pipeline.nlp.ner, "ner_spans", "ner")
    clock.wrap(pipeline.nlp, "morph_tags", "morph")
    clock.wrap(pipeline.nlp, "syntax_heads", "syntax")
    clock.wrap(pipeline.nlp, "tokenize", "segment")
    clock.wrap(natasha.segment.Segmenter, "sentenize", "segment", materialize=True)
    clock.wrap(pymorphy2.MorphAnalyzer, "parse", "pymorphy")
    clock.wrap(pymorphy3.MorphAnalyzer, "parse", "pymorphy")
    return clock


def child(texts_path: Path, batched: bool) -> None:
    """Time one pass of NLP + extraction over every page of every document; print JSON
    (`batched`: each document's pages through `extract_pages`, else `extract_page` per page)."""
    import pipeline  # noqa: F401  (natasha first)

    clock = install_clock()
    import pipeline.extract as extract

    extract.extract_page(SEED.read_text(encoding="utf-8")[:WARM_UP_CHARS])
    docs: dict[str, list[str]] = pickle.loads(texts_path.read_bytes())
    out = {}
    for name, pages in docs.items():
        clock.spent = dict.fromkeys(COMPONENTS, 0.0)
        texts = [text for text in pages if text.strip()]
        start = time.process_time()
        found = list(extract.extract_pages(texts) if batched else map(extract.extract_page, texts))
        cpu = time.process_time() - start
        facts = sum(len(f.dates) + len(f.figures) + len(f.mentions) + len(f.clusters) for f in found)
        out[name] = {"cpu": cpu, "pages": len(pages), "facts": facts, **clock.spent}
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"docs": out, "peak_rss_mb": rss_mb}))


def page_texts(pdfs: list[Path]) -> dict[str, list[str]]:
    """Cleaned page texts of each PDF, as ingest gives them to `extract_page`."""
    from pipeline.parse import parse_pdf

    return {pdf.stem: [page.text for page in parse_pdf(pdf).pages] for pdf in pdfs}


def run_child(source: Path, texts_path: Path, batched: bool) -> dict:
    env = {**os.environ, **SINGLE_THREADED_MATH, "PYTHONPATH": str(source)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(texts_path)]
    cmd += ["--batched"] if batched else []
    done = subprocess.run(cmd, env=env, cwd=source, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarize(run: dict, names: list[str]) -> dict:
    """Totals of one child run over some documents."""
    rows = [run["docs"][n] for n in names]
    total = {key: sum(r[key] for r in rows) for key in ("cpu", "pages", "facts", *COMPONENTS)}
    total["extraction"] = total["cpu"] - sum(total[c] for c in COMPONENTS)
    return total


def report(label: str, runs: list[dict], names: list[str]) -> None:
    best = min((summarize(r, names) for r in runs), key=lambda t: t["cpu"])
    all_cpu = ", ".join(f"{summarize(r, names)['cpu']:.2f}" for r in runs)
    per_page = 1000 * best["cpu"] / best["pages"]
    split = "  ".join(f"{c} {best[c]:.2f}" for c in (*COMPONENTS, "extraction"))
    print(
        f"  {label:8} {best['cpu']:6.2f} CPU-s ({per_page:5.1f} ms/page; runs {all_cpu}),"
        f" facts {best['facts']}"
    )
    print(f"           {split}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--before", type=Path, help="another checkout to compare with (run interleaved)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--batched", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.batched)
    pdfs = args.pdfs or sorted(CORPUS.glob("*.pdf"))
    if not all(p.exists() for p in pdfs) or not pdfs:
        print(f"skipped: input not found ({CORPUS} absent?)")
        return
    versions = {"pages": (ROOT, True), "page": (ROOT, False)}
    versions |= {"before": (args.before.resolve(), False)} if args.before else {}
    with tempfile.TemporaryDirectory() as tmp:
        texts_path = Path(tmp) / "texts.pkl"
        texts_path.write_bytes(pickle.dumps(page_texts(pdfs)))
        runs: dict[str, list[dict]] = {label: [] for label in versions}
        for _ in range(args.repeat):
            for label, (source, batched) in reversed(versions.items()):
                runs[label].append(run_child(source, texts_path, batched))
    names = [p.stem for p in pdfs]
    groups = {"Rosstat bulletin": [ROSSTAT]} if ROSSTAT in names else {}
    groups[f"{len(names)} documents"] = names
    for group, members in groups.items():
        pages = sum(runs["page"][0]["docs"][n]["pages"] for n in members)
        print(f"{group}: {pages} pages, best of {args.repeat}")
        for label in reversed(versions):
            report(label, runs[label], members)
    print("peak RSS MB: " + ", ".join(f"{k} {max(r['peak_rss_mb'] for r in v):.0f}" for k, v in runs.items()))


if __name__ == "__main__":
    main()
