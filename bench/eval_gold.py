"""Score every gold folder of `fixtures/gold/` whose document is at hand, in one run.

The gold covers the bundled fixtures, PDFs of `../shared/corpus/real/`, RuREBus texts of
`../shared/corpus/gold/rurebus/test_full/` and factRuEval-2016 news texts of
`../shared/corpus/gold/factrueval2016/testset/` and NEREL Wikinews texts of
`../shared/corpus/gold/nerel/train_dev_money_percent/` (held-out and dev documents), and
table cells of some corpus pages (`observations.csv`: sums printed at the end). The
`.txt` files with a gold folder are linked into a temporary folder (their folders also hold
annotation files, which are not documents), everything is ingested into a temporary output with 2 worker
processes, and `indikator eval` prints the scores, then their sums per split (held_out, dev,
tuned: `fixtures/gold/splits.csv`). Run: python bench/eval_gold.py [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "fixtures" / "gold"
TEXT_SOURCES = (
    SHARED / "corpus" / "gold" / "rurebus" / "test_full",
    SHARED / "corpus" / "gold" / "factrueval2016" / "testset",
    SHARED / "corpus" / "gold" / "nerel" / "train_dev_money_percent",
)


def gold_texts(link_dir: Path) -> list[Path]:
    """Links in `link_dir` to the RuREBus, factRuEval and NEREL texts that have a gold folder."""
    links = []
    for folder in sorted(GOLD.iterdir()):
        for source in TEXT_SOURCES:
            text = source / f"{folder.name.split('@')[0]}.txt"
            link = link_dir / text.name
            if folder.is_dir() and text.exists() and not link.exists():
                link.symlink_to(text)
                links.append(link)
    return links


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="output folder (default: a temporary one)")
    args = parser.parse_args()
    indikator = [sys.executable, "-m", "pipeline.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        links = Path(tmp) / "texts"
        links.mkdir()
        inputs = [ROOT / "fixtures" / "pdf", ROOT / "fixtures" / "txt"]
        inputs += [p for p in (SHARED / "corpus" / "real",) if p.exists()]
        if gold_texts(links):
            inputs.append(links)
        out = args.out or Path(tmp) / "out"
        ingest = [*indikator, "ingest", *map(str, inputs), "--out", str(out), "--allow-failures"]
        subprocess.run([*ingest, "--workers", "2"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        # the CLI prints the sums per split of the gold (fixtures/gold/splits.csv) after the tables
        return subprocess.run([*indikator, "eval", str(GOLD), "--out", str(out)], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
