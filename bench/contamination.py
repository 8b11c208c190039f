"""Which gold documents do the tests quote? A held-out text a test quotes is no longer unseen.

Every string literal of `tests/*.py` of at least `--window` characters is cut into windows of that
length (step 10); a window found in a document's text (whitespace collapsed, lower case) is a quote.
Documents: the RuREBus texts of `../shared/corpus/gold/rurebus/test_full/` (or the files given).
Boilerplate of the genre ("в соответствии с законодательством Российской Федерации") also matches:
read the quotes printed with `--show`. Run: python bench/contamination.py [--show] [FILE ...]
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUREBUS = ROOT.parent / "shared" / "corpus" / "gold" / "rurebus" / "test_full"


def normal(text: str) -> str:
    """Whitespace collapsed, lower case."""
    return re.sub(r"\s+", " ", text).strip().lower()


def test_literals(tests: Path, window: int) -> Iterator[tuple[str, str]]:
    """(test file name, literal) for every string constant at least `window` long."""
    for path in sorted(tests.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= window:
                yield path.name, normal(node.value)


def quotes(text: str, literals: list[tuple[str, str]], window: int) -> set[tuple[str, str]]:
    """(test file, first shared window) for the literals that share a window with `text`."""
    windows = {text[i : i + window] for i in range(max(0, len(text) - window + 1))}
    found = set()
    for name, literal in literals:
        shared = (literal[i : i + window] for i in range(0, len(literal) - window + 1, 10))
        first = next((w for w in shared if w in windows), None)
        if first:
            found.add((name, first))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="texts to check (default: the RuREBus texts)")
    parser.add_argument("--window", type=int, default=50, help="characters a quote must share (50)")
    parser.add_argument("--show", action="store_true", help="print the quoting literals")
    args = parser.parse_args()
    files = args.files or sorted(RUREBUS.glob("*.txt"))
    if not files:
        print(f"no texts: give files or put ../shared beside the checkout ({RUREBUS})", file=sys.stderr)
        return 2
    literals = list(test_literals(ROOT / "tests", args.window))
    for path in files:
        found = quotes(normal(path.read_text(encoding="utf-8")), literals, args.window)
        print(f"{len(found):4d}  {path.name}")
        for name, shared in sorted(found) if args.show else ():
            print(f"        {name}: …{shared}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
