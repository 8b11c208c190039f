"""Figures vs NEREL MONEY/PERCENT spans: recall, precision and speed, beside natasha's MoneyExtractor.

A gold span is found when a prediction of the same class (currency or PERCENT) overlaps it; a
prediction is correct when it overlaps a gold span of its class. Run: python bench/nerel_figures.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import natasha  # noqa: F401  (import first: patches pymorphy2 for Python 3.11)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.extract import extract_page  # noqa: E402  (the production path: real dates and NLP)
from pipeline.extract.numbers import CURRENCIES  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEREL = SHARED / "corpus" / "gold" / "nerel" / "train_dev_money_percent"
CLASSES = {"MONEY": "MONEY", "PERCENT": "PERCENT"}

Span = tuple[int, int, str]


def load(path: Path) -> tuple[str, list[Span]]:
    """Text and (start, end, MONEY|PERCENT) gold spans of one brat document."""
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, *offsets = parts[1].replace(";", " ").split()
        if label in CLASSES:
            nums = [int(x) for x in offsets]
            spans.append((min(nums), max(nums), label))
    return text, spans


def ours(text: str) -> list[Span]:
    out = []
    for f in extract_page(text).figures:
        if f.unit in CURRENCIES:
            out.append((f.char_start, f.char_end, "MONEY"))
        elif f.unit == "PERCENT":
            out.append((f.char_start, f.char_end, "PERCENT"))
    return out


def natasha_money() -> Callable[[str], list[Span]]:
    extractor = natasha.MoneyExtractor(natasha.MorphVocab())
    return lambda text: [(m.start, m.stop, "MONEY") for m in extractor(text)]


def overlaps(a: Span, b: Span) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score(docs: Iterable[tuple[str, list[Span]]], predict: Callable[[str], list[Span]]) -> dict:
    found = total = correct = predicted = chars = 0
    misses: list[str] = []
    wrong: list[str] = []
    start = time.perf_counter()
    for text, gold in docs:
        pred = predict(text)
        chars += len(text)
        for g in gold:
            hit = any(overlaps(g, p) for p in pred)
            found += hit
            if not hit:
                misses.append(f"{g[2]}: {text[g[0] : g[1]]!r} …{text[max(0, g[0] - 30) : g[1] + 30]!r}")
        for p in pred:
            ok = any(overlaps(p, g) for g in gold)
            correct += ok
            if not ok:
                wrong.append(f"{p[2]}: {text[p[0] : p[1]]!r} …{text[max(0, p[0] - 30) : p[1] + 30]!r}")
        total += len(gold)
        predicted += len(pred)
    seconds = time.perf_counter() - start
    return {
        "recall": found / total if total else 0.0,
        "precision": correct / predicted if predicted else 0.0,
        "gold": total,
        "predicted": predicted,
        "chars_per_s": chars / seconds,
        "misses": misses,
        "wrong": wrong,
    }


def main(verbose: bool = False) -> None:
    if not NEREL.is_dir():
        print(f"NEREL not found at {NEREL}; skipping")
        return
    docs = [load(p) for p in sorted(NEREL.glob("*.ann"))]
    money_only = [(t, [g for g in gold if g[2] == "MONEY"]) for t, gold in docs]
    extract_page("прогрев: 5 млн руб.")  # load the models and morphology before timing
    results = {
        "ours (MONEY+PERCENT)": score(docs, ours),
        "ours (MONEY only)": score(money_only, lambda t: [p for p in ours(t) if p[2] == "MONEY"]),
        "natasha MoneyExtractor (MONEY only)": score(money_only, natasha_money()),
    }
    for name, r in results.items():
        print(
            f"{name:38s} recall {r['recall']:.3f}  precision {r['precision']:.3f}  "
            f"gold {r['gold']}  predicted {r['predicted']}  {r['chars_per_s']:,.0f} chars/s"
        )
    if verbose:
        r = results["ours (MONEY+PERCENT)"]
        print("\nmisses:", *r["misses"], sep="\n  ")
        print("\nfalse positives:", *r["wrong"], sep="\n  ")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
