"""The newsarchive command line, over archives filled by real crawls of the replica."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from newsarchive.cli import main
from tests.conftest import FAST
from tests.replica import ReplicaServer, default_site

ARTICLES = len(default_site().articles())


def newsarchive(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("newsarchive"), *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def twice_crawled(tmp_path_factory):
    """An archive crawled twice with `newsarchive crawl`; returns (path, outputs)."""
    archive = tmp_path_factory.mktemp("cli") / "archive.db"
    settings = [arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")]
    with ReplicaServer(default_site()) as server:
        runs = [newsarchive("crawl", "--archive", str(archive), "--base-url", server.base_url, "--fast", *settings)
                for _ in range(2)]
    return archive, runs


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_crawl_command_reports_what_it_stored(twice_crawled):
    _, (first, _) = twice_crawled
    assert first.returncode == 0, first.stderr[-2000:]
    assert first.stdout.startswith("crawl 1 finished (full, finished):")
    assert f"; {ARTICLES} new, 0 changed, 0 unchanged, 0 gone, 0 dropped, 2 failed" in first.stdout


def test_rerun_is_incremental_and_adds_nothing(twice_crawled):
    archive, (_, second) = twice_crawled
    assert second.stdout.startswith("crawl 2 finished (incremental, finished):")
    assert "; 0 new, 0 changed" in second.stdout
    listed = json.loads(invoke("crawls", "--archive", str(archive), "--format", "json").output)
    assert [c["id"] for c in listed] == [2, 1]


def test_crawls_table_lists_each_run(twice_crawled):
    archive, _ = twice_crawled
    lines = invoke("crawls", "--archive", str(archive)).output.splitlines()
    assert lines[0].split()[:4] == ["id", "started", "status", "mode"] and lines[0].split()[-1] == "health"
    assert [line.split()[-1] for line in lines[1:]] == ["ok", "ok"]
    assert [line.split()[0] for line in lines[1:]] == ["2", "1"]


def test_export_jsonl_writes_one_line_per_article(twice_crawled, tmp_path):
    archive, _ = twice_crawled
    out = tmp_path / "articles.jsonl"
    result = invoke("export", "jsonl", "--archive", str(archive), "-o", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 0 and len(records) == ARTICLES
    assert all(isinstance(r["categories"], list) and r["body"] for r in records)


def test_export_refuses_to_overwrite_without_force(twice_crawled, tmp_path):
    archive, _ = twice_crawled
    out = tmp_path / "articles.jsonl"
    out.write_text("keep me")
    result = invoke("export", "jsonl", "--archive", str(archive), "-o", str(out))
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_text() == "keep me"


def test_fast_mode_is_refused_for_the_real_site(tmp_path):
    result = invoke("crawl", "--archive", str(tmp_path / "a.db"), "--fast")
    assert result.exit_code == 1 and "only for a local copy" in result.output
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("command", [["crawls"], ["export", "jsonl", "-o", "out.jsonl"]])
def test_reading_a_missing_archive_is_a_one_line_error(tmp_path, command):
    result = invoke(*command, "--archive", str(tmp_path / "missing.db"))
    assert result.exit_code == 1 and result.output.startswith("Error: no archive at")


def test_bad_langs_is_a_clear_error(tmp_path, replica):
    result = newsarchive("crawl", "--archive", str(tmp_path / "a.db"), "--base-url", replica.base_url, "--langs", "de")
    assert result.returncode == 1 and result.stderr.startswith("Error: langs must be")


def test_crawl_shows_live_progress_when_asked(tmp_path):
    with ReplicaServer(default_site()) as server:
        result = newsarchive("crawl", "--archive", str(tmp_path / "a.db"), "--base-url", server.base_url, "--fast",
                             "--progress")
    assert result.returncode == 0
    assert "pages fetched" in result.stderr and "INFO" not in result.stderr  # the display replaces the log
    assert [c.strip() for c in result.stderr.split("┃")[1:7]] == ["pages", "new", "changed", "unchanged", "gone",
                                                                  "errors"]
    last_row = [line for line in result.stderr.splitlines() if line.startswith("│")][-1]
    assert last_row.split("│")[2].strip() == str(ARTICLES)  # articles new
