"""Score date extraction on NEREL (brat *.txt + *.ann, DATE entities): ours vs natasha.

Gold = DATE spans with a digit or a month name ("explicit" dates); recall counts gold spans
overlapped by a prediction, precision counts predictions overlapping any DATE span. A second
recall leaves out durations ("15 лет", "за 5 дней"), which are not dates in our contract.

    .venv/bin/python bench/nerel_dates.py [--sample 15]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEREL = SHARED / "corpus" / "gold" / "nerel" / "train_dev_money_percent"

MONTH = re.compile(
    r"(?<![а-яё])(?:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"(?:ь|я|е|ю|ём|ем|а|у|ом)?(?![а-яё])|(?<![а-яё])ма[йяею](?![а-яё])",
    re.IGNORECASE,
)
DURATION = re.compile(
    r"\d[\d,.\s-]*(?:лет|год|года|годам|годами|дн|дней|дня|месяц\w*|недел\w*|час\w*|сут\w*|"
    r"-?летн\w*)\b",
    re.IGNORECASE,
)

Span = tuple[int, int]


@dataclass
class Doc:
    name: str
    text: str
    gold: list[Span]


def load(folder: Path) -> list[Doc]:
    docs = []
    for txt in sorted(folder.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if ann.exists():
            docs.append(Doc(txt.stem, txt.read_text(encoding="utf-8"), _dates(ann)))
    return docs


def _dates(ann: Path) -> list[Span]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("DATE "):
            bounds = parts[1].split(" ", 1)[1].split(";")
            spans.append((int(bounds[0].split()[0]), int(bounds[-1].split()[-1])))
    return spans


def is_explicit(quote: str) -> bool:
    return bool(re.search(r"\d", quote) or MONTH.search(quote))


def is_duration(quote: str) -> bool:
    return bool(DURATION.search(quote)) and not MONTH.search(quote) and not re.search(r"\d{4}", quote)


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def ours() -> Callable[[str], list[Span]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pipeline.extract.dates import extract_dates

    return lambda text: [(d.char_start, d.char_end) for d in extract_dates(text)]


def natasha() -> Callable[[str], list[Span]]:
    from natasha import DatesExtractor, MorphVocab

    extractor = DatesExtractor(MorphVocab())
    return lambda text: [(m.start, m.stop) for m in extractor(text)]


@dataclass
class Score:
    name: str
    recall: float
    recall_dates: float
    precision: float
    n_pred: int
    chars_per_s: float
    misses: list[tuple[str, str]]
    false: list[str]


def score(name: str, run: Callable[[str], list[Span]], docs: list[Doc]) -> Score:
    hit = total = hit_d = total_d = good = n_pred = 0
    misses, false = [], []
    t0 = time.process_time()
    predicted = {d.name: run(d.text) for d in docs}
    elapsed = time.process_time() - t0
    for doc in docs:
        pred = predicted[doc.name]
        for span in doc.gold:
            quote = doc.text[span[0] : span[1]]
            if not is_explicit(quote):
                continue
            found = overlaps(span, pred)
            hit, total = hit + found, total + 1
            if not is_duration(quote):
                hit_d, total_d = hit_d + found, total_d + 1
            if not found:
                misses.append((_category(quote), _context(doc.text, span)))
        for span in pred:
            n_pred += 1
            if overlaps(span, doc.gold):
                good += 1
            else:
                false.append(_context(doc.text, span))
    chars = sum(len(d.text) for d in docs)
    return Score(
        name, hit / total, hit_d / total_d, good / max(n_pred, 1), n_pred, chars / elapsed,
        misses, false,
    )  # fmt: skip


def _category(quote: str) -> str:
    if is_duration(quote):
        return "duration"
    if MONTH.search(quote) and not re.search(r"\d{4}", quote):
        return "no year"
    if re.search(r"\d{4}", quote):
        return "with year"
    return "other"


def _context(text: str, span: Span, width: int = 40) -> str:
    left = text[max(0, span[0] - width) : span[0]]
    right = text[span[1] : span[1] + width]
    return " ".join(f"{left}[[{text[span[0] : span[1]]}]]{right}".split())


def report(scores: list[Score], sample: int) -> None:
    print(f"{'':10} {'recall':>8} {'rec-nodur':>10} {'precision':>10} {'n_pred':>7} {'chars/s':>10}")
    for s in scores:
        print(
            f"{s.name:10} {s.recall:8.3f} {s.recall_dates:10.3f} {s.precision:10.3f} "
            f"{s.n_pred:7d} {s.chars_per_s:10.0f}"
        )
    rng = random.Random(0)
    for s in scores:
        print(f"\n== {s.name}: misses by category {dict(Counter(c for c, _ in s.misses))}")
        for category, context in rng.sample(s.misses, min(sample, len(s.misses))):
            print(f"  miss [{category}] {context}")
        print(f"== {s.name}: false positives ({len(s.false)})")
        for context in rng.sample(s.false, min(sample, len(s.false))):
            print(f"  fp {context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=15)
    args = parser.parse_args()
    if not NEREL.is_dir():
        print(f"skipped: NEREL not found at {NEREL}")
        return
    docs = load(NEREL)
    n_gold = sum(is_explicit(d.text[a:b]) for d in docs for a, b in d.gold)
    print(f"{len(docs)} documents, {n_gold} explicit DATE spans")
    report([score("ours", ours(), docs), score("natasha", natasha(), docs)], args.sample)


if __name__ == "__main__":
    main()
