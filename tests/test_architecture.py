"""Import contracts (pyproject.toml [tool.importlinter]): layers parse → nlp → extract → store →
review, no cycles between pipeline subpackages, pipeline never imports flows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (dev dependency)")
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run([exe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]


WORKER = """
import sys
from pipeline.ingest import prime_worker, process_document
prime_worker()
rows = process_document(sys.argv[1]).rows
heavy = [m for m in ("pandas", "pandera", "pyarrow") if m in sys.modules]
print(len(rows["table_cells"]), len(rows["observations"]), heavy)
"""


def test_a_worker_makes_its_rows_without_pandas():
    """A primed worker reads a document and makes its rows (table cells and observations included)
    without importing pandas, pandera or pyarrow: only the committing process builds frames."""
    source = str(ROOT / "fixtures" / "pdf" / "word_export_table.pdf")
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", WORKER, source]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    cells, _, heavy = done.stdout.split(maxsplit=2)
    assert int(cells) > 0 and heavy.strip() == "[]"


def _module_level_names(tree) -> list[str]:
    import ast

    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


def test_no_module_binds_a_name_twice():
    """A second `_SENTENCE_END = …` further down a module silently changes every use above it (session
    25 met one: section periods carried into news texts); each module-level name is bound once."""
    import ast
    from collections import Counter

    twice = {}
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        counts = Counter(_module_level_names(ast.parse(path.read_text(encoding="utf-8"))))
        again = sorted(name for name, n in counts.items() if n > 1 and name != "__all__")
        if again:
            twice[str(path.relative_to(ROOT))] = again
    assert not twice, twice
