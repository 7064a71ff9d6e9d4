"""The benchmark command runs end to end at a tiny size (figures are not checked: benchmarks are not tests)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_benchmarks_run_at_a_tiny_size(tmp_path):
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--tiny", "--json", str(tmp_path / "r.json")],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads((tmp_path / "r.json").read_text())
    assert set(figures) == {"crawl", "parse", "write", "incremental", "search", "exports"}
    assert result.stdout.splitlines()[0].split()[:3] == ["figure", "value", "baseline"]
