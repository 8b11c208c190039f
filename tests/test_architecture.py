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
