"""The benchmark command runs end to end at a tiny size (figures are not checked: benchmarks are not tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    figures = tmp_path_factory.mktemp("benchmarks") / "r.json"
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--tiny", "--json", str(figures)],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    return result, figures


def test_benchmarks_run_at_a_tiny_size(tiny_run):
    result, figures = tiny_run
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(json.loads(figures.read_text())) == {"crawl", "parse", "write", "incremental", "search", "exports"}
    assert result.stdout.splitlines()[0].split()[:3] == ["figure", "value", "baseline"]


def test_the_table_of_a_run_prints_again_as_markdown(tiny_run):
    result, figures = tiny_run
    table = subprocess.run([sys.executable, "-m", "benchmarks", "--table-of", str(figures), "--markdown"],
                           cwd=REPO, capture_output=True, text=True, timeout=60)
    lines = table.stdout.splitlines()
    assert lines[:2] == ["| figure | value | baseline | ratio | target |", "| --- | --- | --- | --- | --- |"]
    assert len(lines) == len(result.stdout.splitlines()) + 1  # every row of the run, and the rule


def test_the_crawl_is_measured_with_its_page_reader(tiny_run):
    """Peak memory and CPU count every process of the crawl, and its own process is measured apart."""
    result, figures = tiny_run
    full = json.loads(figures.read_text())["crawl"][0]["full"]
    assert full["processes"] >= 2 and full["peak_rss_mb"] >= full["largest_process_rss_mb"] > 0
    assert 0 < full["crawl_process_cpu_ms_per_page"] < full["cpu_ms_per_page"]
    assert any(line.startswith("crawl CPU per page, crawl's own process") for line in result.stdout.splitlines())


def test_the_crawl_reports_the_most_this_machine_allows(tiny_run):
    """All cores busy at the crawl's CPU per page: the throughput no parallel design could pass here."""
    result, figures = tiny_run
    crawl = json.loads(figures.read_text())["crawl"][0]
    assert crawl["cores"] == len(os.sched_getaffinity(0))
    assert any(line.startswith(f"crawl throughput ceiling on {crawl['cores']} cores") for line in result.stdout.splitlines())
