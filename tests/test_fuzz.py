"""Fuzzed PDFs: every mutant ends as a document row (ok, partial, garbled) or a `failures` row,
never a crashed batch or a hang. Byte-level mutants here; structure-aware ones (tests/mutate.py)
in one committed batch below; bench/fuzz.py runs 200 of those over the corpus."""

from __future__ import annotations

import random
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from mutate import mutants as structured_mutants

from pipeline.isolate import MEMORY_MB, Pool
from pipeline.runs import run_local
from pipeline.store import read_table

SEED, CASES, CASE_TIMEOUT_S = 20240601, 40, 60
SOURCES = ("kaluga_note.pdf", "two_column.pdf", "script_injection.pdf", "truncated.pdf")
OBJECT = re.compile(rb"\d+ \d+ obj.*?endobj\s*", re.DOTALL)


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def shuffle_objects(data: bytes, rng: random.Random) -> bytes:
    """Reorder (and sometimes drop or duplicate) the indirect objects; offsets in xref go stale."""
    spans = [m.span() for m in OBJECT.finditer(data)]
    if len(spans) < 2:
        return flip_bytes(data, rng)
    objects = [data[a:b] for a, b in spans]
    rng.shuffle(objects)
    if rng.random() < 0.5:
        objects[rng.randrange(len(objects))] = objects[rng.randrange(len(objects))]
    return data[: spans[0][0]] + b"".join(objects) + data[spans[-1][1] :]


def splice(data: bytes, rng: random.Random) -> bytes:
    """Copy a random chunk over another place (breaks streams and dictionaries)."""
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return data[:at] + data[a : min(b, a + 4096)] + data[at:]


MUTATIONS = (flip_bytes, truncate, shuffle_objects, splice)


def mutants(pdf_dir: Path, out: Path) -> list[Path]:
    rng = random.Random(SEED)
    sources = {name: (pdf_dir / name).read_bytes() for name in SOURCES}
    paths = []
    for i in range(CASES):
        name = rng.choice(SOURCES)
        mutation = MUTATIONS[i % len(MUTATIONS)]
        path = out / f"{i:03d}_{mutation.__name__}_{name}"
        path.write_bytes(mutation(sources[name], rng))
        paths.append(path)
    return paths


@pytest.mark.slow
def test_fuzzed_pdfs_end_as_document_or_failure_row(tmp_path, pdf_dir):
    paths = mutants(pdf_dir, tmp_path)
    pool = Pool()
    try:
        with ThreadPoolExecutor(max_workers=2) as threads:
            results = list(threads.map(lambda p: pool.run(p, timeout=CASE_TIMEOUT_S), paths))
    finally:
        pool.close()
    bad = []
    for path, r in zip(paths, results, strict=True):
        failure = r.failure
        if r.status in {"ok", "partial"} and failure is None and r.count("documents") == 1:
            continue
        if failure and failure["stage"] not in {"timeout", "crash"} and failure["message"]:
            assert r.rows["documents"][0]["status"] in {"failed", "no_text", "garbled"}
            continue
        bad.append((path.name, r.status, failure))
    assert not bad, bad
    assert sum(r.status == "ok" for r in results) > 0  # some mutants still parse


@pytest.mark.slow
def test_structure_aware_mutants_in_one_batch_each_get_a_documents_row(tmp_path, pdf_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = [pdf_dir / name for name in SOURCES if name != "truncated.pdf"]
    paths = structured_mutants(sources, inbox, count=15, seed=SEED)
    summary = run_local([inbox], tmp_path / "out", workers=2, timeout=CASE_TIMEOUT_S)
    docs = read_table(tmp_path / "out", "documents")
    done = [r for r in summary.results if not r.skipped]
    assert len(docs) == len(done) == len({r.doc_id for r in done}) <= len(paths)  # identical mutants: one row
    assert set(docs["status"]) <= {"ok", "partial", "garbled", "failed", "no_text"}
    assert not [r.failure for r in done if r.failure and r.failure["stage"] in {"crash", "timeout", "write"}]
    assert (docs["status"] == "ok").any() and all(r.worker.get("rss_mb", 0) <= MEMORY_MB for r in done)
