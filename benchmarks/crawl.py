"""Crawl throughput and memory: the full newsarchive crawl against a bare
Scrapy spider fetching the same URLs, on a generated replica served on 127.0.0.1.

Both run as separate processes with the same fast local settings, after a
warm-up crawl has filled the replica's page cache (otherwise the Python
server's first rendering of each page, not the crawler, sets the pace);
pages/s is responses over wall time; peak memory is the crawl process's
maximum RSS.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import FAST, REPO
from tests.replica import ReplicaServer, generated_site

MEASURE = ("import resource, subprocess, sys; status = subprocess.call(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(status)")


def measured(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of a command run as a child of a fresh process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return elapsed, int(result.stdout.strip().splitlines()[-1]) // 1024


def settings_args() -> list[str]:
    return [arg for name, value in {**FAST, "LOG_LEVEL": "WARNING"}.items() for arg in ("-s", f"{name}={value}")]


def run(n_articles: int) -> dict:
    site = generated_site(n_articles, seed=21)
    with tempfile.TemporaryDirectory() as tmp, ReplicaServer(site, flaky_paths=[], slow_paths=[]) as server:
        crawl = [sys.executable, "-m", "scrapy", "crawl", "scfr", "-a", f"base_url={server.base_url}",
                 *settings_args()]
        measured([*crawl, "-s", f"ARCHIVE_DB={Path(tmp) / 'warm-up.db'}"])
        archive = Path(tmp) / "archive.db"
        full_s, full_mb = measured([*crawl, "-s", f"ARCHIVE_DB={archive}"])
        db = sqlite3.connect(archive)
        responses = db.execute("SELECT count(*) FROM captures").fetchone()[0]
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        urls = Path(tmp) / "urls.txt"
        urls.write_text("\n".join(r[0] for r in db.execute(
            "SELECT url FROM captures WHERE status = 200 AND url NOT LIKE '%robots.txt'")))
        fetched = len(urls.read_text().split())
        bare_s, bare_mb = measured([sys.executable, "-m", "scrapy", "runspider", "benchmarks/bare_spider.py",
                                    "-a", f"urls={urls}", *settings_args()])
    return {"articles": n_articles, "stored": stored, "full": {"seconds": full_s, "responses": responses,
            "pages_per_s": responses / full_s, "peak_rss_mb": full_mb},
            "bare": {"seconds": bare_s, "responses": fetched, "pages_per_s": fetched / bare_s, "peak_rss_mb": bare_mb}}


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 500), indent=2))
