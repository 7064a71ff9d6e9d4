"""Hostile and broken input, injected for real over HTTP by the replica's fault
mode: the crawl completes, stays on its origin, keeps to its size limits,
records every failure with its URL, reason and attempts, flags pages that are
no articles, stores no markup, and leaves a consistent archive."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, query, scrapy_crawl
from tests.replica import ALL_FAULTS, FAULT_PATHS, ReplicaServer, default_site, generated_site
from tests.replica.faults import INJECTED_MARKERS, Faults, injected_markup_expected

LIMITS = {"DOWNLOAD_TIMEOUT": "2", "RETRY_TIMES": "2", "DOWNLOAD_MAXSIZE": str(16 * 1024 * 1024)}
# fault -> (how the crawl records it, or None when the article is stored)
OUTCOMES = {
    "server_error_then_ok": None,
    "lying_charset": None,
    "injected_markup": None,
    "timeout": "timeout",
    "reset_mid_body": "data_loss",
    "truncated_gzip": "truncated_body",
    "gzip_bomb": "too_large",
    "huge_page": "too_large",
    "redirect_chain": "too_many_redirects",
    "offsite_redirect": "offsite",
    "wrong_content_type": None,  # an article page however it is labelled (Scrapy sniffs octet-stream)
    "zero_byte": "empty_page",
    "binary_as_html": "binary_page",
    "challenge_page": "challenge",
}


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """One crawl of a replica with every fault on."""
    with ReplicaServer(default_site(), faults=Faults(urls=ALL_FAULTS)) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path_factory.mktemp("faults") / "archive.db", settings=LIMITS)
        yield server, crawl, server.requests, list(server.offsite_requests)


def failures(crawl, path) -> list[dict]:
    return query(crawl.archive, "SELECT * FROM failures WHERE url LIKE ?", [f"%{path}"])


def stored(crawl, path) -> list[dict]:
    return query(crawl.archive, "SELECT * FROM articles WHERE url LIKE ?", [f"%{path}"])


def test_the_crawl_completes(faulty):
    _, crawl, _, _ = faulty
    assert crawl.returncode == 0
    (row,) = query(crawl.archive, "SELECT status, finish_reason FROM crawls")
    assert row == {"status": "finished", "finish_reason": "finished"}


@pytest.mark.parametrize("fault", [f for f, outcome in OUTCOMES.items() if outcome])
def test_each_failure_is_recorded_with_url_reason_and_attempts(faulty, fault):
    _, crawl, _, _ = faulty
    recorded = failures(crawl, FAULT_PATHS[fault])
    assert [r["reason"] for r in recorded] == [OUTCOMES[fault]]
    assert recorded[0]["attempts"] >= 1 and recorded[0]["url"].endswith(FAULT_PATHS[fault])


@pytest.mark.parametrize("fault", [f for f, outcome in OUTCOMES.items() if outcome])
def test_a_failed_or_flagged_page_is_never_stored(faulty, fault):
    assert stored(faulty[1], FAULT_PATHS[fault]) == []


def test_a_server_error_is_retried_and_the_article_stored(faulty):
    server, crawl, requests, _ = faulty
    article = server.fault_articles["server_error_then_ok"]
    statuses = [r.status for r in requests if r.path == FAULT_PATHS["server_error_then_ok"]]
    assert statuses == [503, 503, 200]
    assert stored(crawl, FAULT_PATHS["server_error_then_ok"])[0]["body"] == article.expected(server.base_url)["body"]


@pytest.mark.parametrize("fault", ["lying_charset", "wrong_content_type"])
def test_a_lying_header_does_not_garble_the_article(faulty, fault):
    server, crawl, _, _ = faulty
    expected = server.fault_articles[fault].expected(server.base_url)
    (row,) = stored(crawl, FAULT_PATHS[fault])
    assert (row["title"], row["body"]) == (expected["title"], expected["body"])


def test_injected_script_and_markup_never_reach_stored_text(faulty):
    server, crawl, _, _ = faulty
    (row,) = stored(crawl, FAULT_PATHS["injected_markup"])
    expected = injected_markup_expected(server.base_url, article=server.fault_articles["injected_markup"])
    assert row["title"] == expected["title"]
    assert not [m for m in INJECTED_MARKERS if m in row["title"] + row["body"]]
    assert "<" not in row["body"] and ">" not in row["body"]


def test_nothing_outside_the_origin_is_requested(faulty):
    server, crawl, requests, offsite = faulty
    assert offsite == []
    assert all(url.startswith(server.base_url + "/") for _, url in crawl.fetched())


def test_size_limits_hold(faulty):
    _, crawl, _, _ = faulty
    (stats,) = query(crawl.archive, "SELECT stats FROM crawls")
    assert json.loads(stats["stats"]).get("downloader/response_bytes", 0) < 64 * 1024 * 1024


def test_url_traps_are_bounded(faulty):
    _, _, requests, _ = faulty
    assert sum(1 for r in requests if r.path.startswith("/en/archives/trap/")) <= 3
    assert sum(1 for r in requests if r.path.startswith("/en/category/news/x/")) <= 3


def test_a_very_long_url_is_not_requested(faulty):
    _, _, requests, _ = faulty
    assert max(len(r.path) for r in requests) < 2100


def test_a_page_with_thousands_of_links_is_crawled_once_and_its_dead_links_recorded(faulty):
    _, crawl, requests, _ = faulty
    assert sum(1 for r in requests if r.path == FAULT_PATHS["many_links"]) == 1
    dead = query(crawl.archive, "SELECT count(*) AS n FROM failures WHERE reason = 'http_404' AND url LIKE '%/96%'")
    assert dead[0]["n"] >= 4000


def test_the_crawl_row_counts_every_failure(faulty):
    _, crawl, _, _ = faulty
    (row,) = query(crawl.archive, "SELECT failures FROM crawls")
    assert row["failures"] == query(crawl.archive, "SELECT count(*) AS n FROM failures")[0]["n"]


def test_the_archive_stays_consistent(faulty):
    _, crawl, _, _ = faulty
    assert query(crawl.archive, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    checker = REPO.parent / "shared" / "check_archive.py"
    result = subprocess.run([sys.executable, str(checker), str(crawl.archive)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_real_article_is_still_stored(faulty):
    server, crawl, _, _ = faulty
    urls = {r["url"] for r in query(crawl.archive, "SELECT url FROM articles")}
    assert {a.url(server.base_url) for a in default_site().articles()} <= urls


@pytest.mark.parametrize(("robots", "articles"), [("robots_404", "all"), ("robots_5xx", 0),
                                                   ("robots_disallow_all", 0)])
def test_robots_txt_failures_follow_rfc_9309(tmp_path, robots, articles):
    with ReplicaServer(default_site(), faults=Faults(**{robots: True})) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path / "archive.db")
        paths = {r.path for r in server.requests}
    assert crawl.returncode == 0
    count = query(crawl.archive, "SELECT count(*) AS n FROM articles")[0]["n"]
    if articles == "all":
        assert count == len(default_site().articles())
    else:
        assert count == 0 and paths == {"/robots.txt"}


def test_soak_random_faults_then_a_rerun_keep_every_article_once(tmp_path):
    site = generated_site(800, seed=17)
    expected = None
    with ReplicaServer(site, faults=Faults(random_share=0.05, seed=3)) as server:
        expected = sorted(a.url(server.base_url) for a in site.articles())
        first = scrapy_crawl(server.base_url, tmp_path / "archive.db")
        failed_first = query(first.archive, "SELECT url FROM failures")
        second = scrapy_crawl(server.base_url, tmp_path / "archive.db")
        faults_served = sum(1 for r in server.requests if r.status in (0, -1, 500, 502, 503))
    assert first.returncode == second.returncode == 0 and faults_served > 50
    urls = [r["url"] for r in query(second.archive, "SELECT url FROM articles")]
    assert sorted(urls) == expected  # every article once
    recorded = query(second.archive, "SELECT count(*) AS n FROM failures")[0]["n"]
    assert recorded == len(failed_first) + query(second.archive, "SELECT count(*) AS n FROM failures "
                                                                 "WHERE crawl_id = 2")[0]["n"]  # nothing lost
    assert query(second.archive, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
