"""Shared fixtures: the saved pages, the seed text and the replica site."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples on every run (no example database, derandomised): a
# property test that passed on a developer's machine cannot meet a new input there.
# Local runs keep exploring; HYPOTHESIS_PROFILE=ci reproduces a CI run anywhere.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

TESTS = Path(__file__).parent
PAGES = TESTS / "fixtures" / "pages"
SEED = TESTS / "fixtures" / "seed-securing-iran-pakistan-border.txt"
SEED_BODY_END = "on the part of both sides."


def golden_pages() -> list[Path]:
    return sorted(PAGES.glob("*.json"))


def load_golden(meta_path: Path) -> tuple[dict, str]:
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return meta, meta_path.with_suffix(".html").read_bytes().decode(meta.get("encoding", "utf-8"))


def seed_parts() -> tuple[list[str], list[str]]:
    """The seed's article paragraphs and the boilerplate lines after them."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Strategic Council Online:"))
    end = next(i for i, line in enumerate(lines) if line.endswith(SEED_BODY_END))
    return lines[start:end + 1], lines[end + 1:]


def query(archive: Path, sql: str, params=()) -> list[dict]:
    """Rows of a query on an archive file, as dicts (a fresh connection, as any reader would)."""
    db = sqlite3.connect(archive)
    db.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in db.execute(sql, params)]
    finally:
        db.close()


@pytest.fixture(scope="session")
def seed() -> tuple[list[str], list[str]]:
    return seed_parts()


# -- the replica site and real crawls of it ------------------------------------
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from tests.replica import ReplicaServer, default_site  # noqa: E402

REPO = TESTS.parent
# The polite defaults would make a test crawl take minutes; a replica on
# 127.0.0.1 needs none of them.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "0", "CONCURRENT_REQUESTS": "16",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "DOWNLOAD_TIMEOUT": "5"}
CRAWLED = re.compile(r"Crawled \((\d+)\) <GET (\S+)>")


@dataclass
class Crawl:
    """One finished `scrapy crawl scfr` run: its archive, log and exit code."""

    archive: Path
    log: str
    returncode: int
    requests: list = ()
    """What the replica served during the crawl (RequestRecord list)."""

    def fetched(self) -> list[tuple[int, str]]:
        return [(int(status), url) for status, url in CRAWLED.findall(self.log)]


def scrapy_crawl(base_url: str, archive: Path, *args: str, settings: dict | None = None) -> Crawl:
    """Run the real spider through Scrapy's command line, as a user would."""
    log = archive.with_suffix(f".{len(list(archive.parent.glob('*.log')))}.log")
    command = [sys.executable, "-m", "scrapy", "crawl", "scfr", "-a", f"base_url={base_url}",
               "-s", f"ARCHIVE_DB={archive}", "-s", "LOG_LEVEL=DEBUG", "-s", f"LOG_FILE={log}", *args]
    for name, value in {**FAST, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    return Crawl(archive=archive, log=text + result.stdout + result.stderr, returncode=result.returncode)


@pytest.fixture(scope="session")
def replica():
    """The default replica, shared by tests that only read it."""
    with ReplicaServer(default_site()) as server:
        yield server


@pytest.fixture(scope="session")
def first_crawl(replica, tmp_path_factory) -> Crawl:
    """One full crawl of the shared replica into a fresh archive."""
    replica.reset_log()
    replica.reset()
    crawl = scrapy_crawl(replica.base_url, tmp_path_factory.mktemp("first") / "archive.db")
    crawl.requests = replica.requests
    assert crawl.returncode == 0, crawl.log[-3000:]
    return crawl
