"""A crawl killed with SIGKILL resumes without loss or duplicates; crawls do
not overlap on one archive; readers read while a crawl writes."""

from __future__ import annotations

import dataclasses
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.urls import ARTICLE_PATH
from tests.conftest import FAST, REPO, query, scrapy_crawl
from tests.replica import ReplicaServer, default_site

ARTICLES = len(default_site().articles())


def start_crawl(base_url: str, archive, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "scrapy", "crawl", "scfr", "-a", f"base_url={base_url}",
               "-s", f"ARCHIVE_DB={archive}", "-s", f"LOG_FILE={log}",
               *[arg for name, value in {**FAST, "CONCURRENT_REQUESTS": "2"}.items() for arg in ("-s", f"{name}={value}")]]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def count(archive, sql) -> int:
    try:
        db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=5)
        return db.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # the crawl has not created the table yet
        return 0


def wait_for(archive, sql, at_least: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while count(archive, sql) < at_least:
        assert process.poll() is None, "the crawl ended before the kill point"
        assert time.monotonic() < deadline, f"no {at_least} rows after {timeout} s"
        time.sleep(0.02)



@dataclasses.dataclass
class KillAndResume:
    archive: object
    base_url: str
    stored_before_kill: list
    integrity_after_kill: list
    crawls_after_kill: list
    queues_after_kill: list
    workers_before_kill: list
    workers_alive_after_kill: list
    resumed: object  # the Crawl of the next run
    requests_of_resume: list


@pytest.fixture(scope="module", params=[1, 6, 12], ids=lambda n: f"killed-after-{n}-articles")
def kill_and_resume(request, tmp_path_factory):
    """A crawl killed with SIGKILL once it stored N articles, then the next run."""
    tmp_path = tmp_path_factory.mktemp("kill")
    with ReplicaServer(default_site(), delay=0.05, flaky_paths=[], slow_paths=[]) as server:
        archive = tmp_path / "archive.db"
        process = start_crawl(server.base_url, archive, tmp_path / "killed.log")
        wait_for(archive, "SELECT count(*) FROM articles", request.param, process)
        workers = children(process.pid)  # the page reader of crawler/page_workers.py
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        state = dict(workers_before_kill=workers, workers_alive_after_kill=alive_after(workers, seconds=10),stored_before_kill=[r["url"] for r in query(archive, "SELECT url FROM articles")],
                     integrity_after_kill=query(archive, "PRAGMA integrity_check"),
                     crawls_after_kill=query(archive, "SELECT status, finished_at FROM crawls"),
                     queues_after_kill=queue_dirs(archive))
        server.delay = 0
        server.reset_log()
        resumed = scrapy_crawl(server.base_url, archive)
        yield KillAndResume(archive, server.base_url, resumed=resumed, requests_of_resume=server.requests, **state)


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive_after(pids: list[int], seconds: float) -> list[int]:
    """Those of ``pids`` still running (not exited, not a zombie) after waiting up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        alive = [pid for pid in pids if _running(pid)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def queue_dirs(archive) -> list:
    """The request-queue directories of crawls of this archive (crawler/scheduler.py)."""
    return sorted(archive.parent.glob(f"{archive.name}.queue-*"))


def test_killed_crawl_leaves_a_consistent_archive(kill_and_resume):
    assert kill_and_resume.integrity_after_kill == [{"integrity_check": "ok"}]


def test_killed_crawl_row_says_it_did_not_finish(kill_and_resume):
    assert kill_and_resume.crawls_after_kill == [{"status": "running", "finished_at": None}]


def test_a_killed_crawl_leaves_no_page_reader_running(kill_and_resume):
    assert kill_and_resume.workers_before_kill  # the page reader (and multiprocessing's resource tracker)
    assert kill_and_resume.workers_alive_after_kill == []


def test_next_run_resumes_and_completes_without_duplicates(kill_and_resume):
    archive = kill_and_resume.archive
    assert kill_and_resume.resumed.returncode == 0
    urls = [r["url"] for r in query(archive, "SELECT url FROM articles")]
    assert sorted(urls) == sorted(a.url(kill_and_resume.base_url) for a in default_site().articles())
    assert query(archive, "SELECT count(*) AS n FROM revisions")[0]["n"] == ARTICLES
    assert query(archive, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]


def test_killed_run_is_marked_interrupted_and_the_next_one_resumes_it(kill_and_resume):
    crawls = query(kill_and_resume.archive, "SELECT id, status, finish_reason, resumed_from, mode FROM crawls")
    assert crawls == [{"id": 1, "status": "interrupted", "finish_reason": "killed", "resumed_from": None, "mode": "full"},
                      {"id": 2, "status": "finished", "finish_reason": "finished", "resumed_from": 1, "mode": "full"}]


def test_next_run_does_not_fetch_again_what_was_stored(kill_and_resume):
    base, stored = kill_and_resume.base_url, set(kill_and_resume.stored_before_kill)
    refetched = [r.path for r in kill_and_resume.requests_of_resume
                 if ARTICLE_PATH.match(r.path) and base + r.path in stored]
    assert stored and refetched == []


def test_a_second_crawl_on_the_same_archive_is_refused(tmp_path):
    with ReplicaServer(default_site(), delay=0.05, flaky_paths=[], slow_paths=[]) as server:
        archive = tmp_path / "archive.db"
        first = start_crawl(server.base_url, archive, tmp_path / "first.log")
        wait_for(archive, "SELECT count(*) FROM crawls", 1, first)
        second = subprocess.run([sys.executable, "-m", "newsarchive", "crawl", "--archive", str(archive),
                                 "--base-url", server.base_url, "--fast"], capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert second.stderr.strip().startswith(f"Error: another crawl (pid {first.pid}) is writing to {archive}")
        server.delay = 0
        assert first.wait(timeout=120) == 0
    assert query(archive, "SELECT count(*) AS n FROM articles")[0]["n"] == ARTICLES
    assert query(archive, "SELECT count(*) AS n FROM crawls")[0]["n"] == 1


def test_readers_read_while_a_crawl_writes(tmp_path):
    with ReplicaServer(default_site(), delay=0.05, flaky_paths=[], slow_paths=[]) as server:
        archive = tmp_path / "archive.db"
        crawl = start_crawl(server.base_url, archive, tmp_path / "crawl.log")
        wait_for(archive, "SELECT count(*) FROM articles", 1, crawl)
        seen = []
        while crawl.poll() is None:
            reader = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=0.5)
            seen.append(reader.execute("SELECT count(*) FROM articles").fetchone()[0])
            reader.close()
            time.sleep(0.05)
    assert crawl.returncode == 0 and seen == sorted(seen) and seen[-1] <= ARTICLES and len(seen) > 3


def test_the_queue_a_killed_crawl_left_is_removed_by_the_next_run(kill_and_resume):
    assert len(kill_and_resume.queues_after_kill) == 1  # the killed crawl's requests waited on disk
    assert queue_dirs(kill_and_resume.archive) == []  # the resumed crawl removed it, and its own
