"""End to end: the real spider crawls the replica over HTTP into a real archive."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from crawler.urls import ARTICLE_PATH
from tests.conftest import REPO, query, scrapy_crawl, seed_parts
from tests.replica import (CALENDAR_PATH, FLAKY_PATH, PDF_PATH, REDIRECT_LOOP_PATH, REMOVED_POST_PATH,
                           SEARCH_PATH, SLOW_PATH, ReplicaServer, default_site)

SITE = default_site()
FIELDS = ("title", "published", "categories", "authors", "lead", "body", "type", "lang", "tags", "images")
JSON_FIELDS = {"categories", "authors", "tags", "images"}


def rows(crawl, sql, params=()):
    return query(crawl.archive, sql, params)


def stored(crawl, url):
    found = rows(crawl, "SELECT * FROM articles WHERE url = ?", [url])
    assert len(found) == 1, f"{url} stored {len(found)} times"
    return {k: json.loads(v) if k in JSON_FIELDS else v for k, v in found[0].items()}


def test_every_article_is_stored_exactly_once(first_crawl, replica):
    urls = [r["url"] for r in rows(first_crawl, "SELECT url FROM articles")]
    assert sorted(urls) == sorted(a.url(replica.base_url) for a in SITE.articles())


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("post_id", [a.post_id for a in SITE.articles()])
def test_stored_field_is_right(first_crawl, replica, post_id, field):
    expected = SITE.by_id(post_id).expected(replica.base_url)
    assert stored(first_crawl, expected["url"])[field] == expected[field]


def test_seed_article_body_runs_from_its_lead_to_its_last_sentence(first_crawl, replica):
    body = stored(first_crawl, SITE.by_id(101850).url(replica.base_url))["body"]
    assert body.startswith("Strategic Council Online: Commitment in political relations")
    assert body.endswith("on the part of both sides.")


def test_no_body_holds_the_boilerplate_of_the_seed_page(first_crawl):
    _, boilerplate = seed_parts()
    for row in rows(first_crawl, "SELECT url, body FROM articles"):
        paragraphs = set(row["body"].split("\n\n")) | set(row["body"].split("\n"))
        leaked = [line for line in boilerplate if line in paragraphs]
        assert leaked == [], f"{row['url']}: {leaked[:3]}"


def test_reader_comments_are_never_article_text(first_crawl):
    bodies = "\n".join(r["body"] for r in rows(first_crawl, "SELECT body FROM articles"))
    for comment in ("Very informative analysis, thank you.", "Submit a Comment", "LATEST CONTENT", "Loading"):
        assert comment not in bodies


def test_listing_static_and_error_pages_are_never_stored(first_crawl):
    urls = [r["url"] for r in rows(first_crawl, "SELECT url FROM articles")]
    assert not [u for u in urls if any(part in u for part in ("/category/", "/tag/", "/page/", "/feed/",
                                                               "about-us", "contact-us", "90001", "?"))]


def test_robots_txt_is_obeyed(first_crawl, replica):
    paths = [r.path for r in first_crawl.requests]
    assert "/robots.txt" in paths
    assert not [p for p in paths if p.startswith((CALENDAR_PATH, SEARCH_PATH, "/en/wp-admin", "/wp-admin"))]


def test_attachments_and_mailto_are_not_requested(first_crawl, replica):
    paths = [r.path for r in first_crawl.requests]
    assert PDF_PATH not in paths
    assert not [p for p in paths if "mailto" in p or p.endswith((".jpg", ".png"))]


def test_every_request_stays_on_the_origin(first_crawl, replica):
    fetched = first_crawl.fetched()
    assert fetched and all(url.startswith(replica.base_url + "/") for _, url in fetched)


def test_requests_carry_an_honest_user_agent(first_crawl, replica):
    agents = {r.user_agent for r in first_crawl.requests}
    assert len(agents) == 1 and agents.pop().startswith("newsarchive/")


def test_sitemaps_and_feed_are_read(first_crawl, replica):
    paths = {r.path for r in first_crawl.requests}
    assert {"/wp-sitemap.xml", "/wp-sitemap-posts-post-1.xml", "/en/feed/"} <= paths


def test_article_missing_from_every_listing_is_found_through_the_sitemap(first_crawl, replica):
    unlisted = next(a for a in SITE.articles() if not a.listed)
    assert stored(first_crawl, unlisted.url(replica.base_url))["title"] == unlisted.title


def test_an_article_is_fetched_once_however_it_is_linked(first_crawl, replica):
    served = Counter(r.path for r in first_crawl.requests if r.status == 200 and ARTICLE_PATH.match(r.path))
    assert served and {path: n for path, n in served.items() if n > 1} == {}
    assert not [r.path for r in first_crawl.requests if "utm_" in r.path or "replytocom" in r.path or "/amp/" in r.path]


def test_a_queue_that_fits_in_memory_waits_there_and_its_folder_goes_with_the_crawl(first_crawl):
    """Below NEWSARCHIVE_MEMORY_QUEUE waiting requests nothing is pickled to disk
    (tests/test_memory.py spills beyond it); the queue folder is removed at the end."""
    stats = json.loads(rows(first_crawl, "SELECT stats FROM crawls")[0]["stats"])
    assert stats["scheduler/enqueued/memory"] == stats["scheduler/enqueued"] > 0
    assert "scheduler/enqueued/disk" not in stats and "scheduler/unserializable" not in stats
    assert not list(first_crawl.archive.parent.glob("*.queue-*"))


def test_server_error_is_retried_and_the_article_stored(first_crawl, replica):
    statuses = [r.status for r in first_crawl.requests if r.path == FLAKY_PATH]
    assert statuses == [500, 200]
    stored(first_crawl, replica.base_url + FLAKY_PATH)


@pytest.mark.parametrize(("path", "reason"), [(REMOVED_POST_PATH, "http_404"), (REDIRECT_LOOP_PATH, "redirect_loop")])
def test_failures_are_recorded_with_url_and_reason(first_crawl, replica, path, reason):
    failures = rows(first_crawl, "SELECT reason FROM failures WHERE url = ?", [replica.base_url + path])
    assert [f["reason"] for f in failures] == [reason]


def test_crawl_row_tells_how_the_crawl_went(first_crawl):
    (crawl,) = rows(first_crawl, "SELECT * FROM crawls")
    assert (crawl["status"], crawl["finish_reason"]) == ("finished", "finished")
    assert crawl["articles_new"] == len(SITE.articles())
    assert crawl["failures"] == 2
    assert json.loads(crawl["responses_by_status"])["500"] == 1
    assert json.loads(crawl["args"])["base_url"].startswith("http://127.0.0.1:")


def test_each_article_has_its_revision(first_crawl):
    assert rows(first_crawl, "SELECT count(*) AS n FROM revisions")[0]["n"] == len(SITE.articles())


def test_archive_passes_the_interface_check(first_crawl):
    checker = REPO.parent / "shared" / "check_archive.py"
    result = subprocess.run([sys.executable, str(checker), str(first_crawl.archive)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_archive_is_consistent(first_crawl):
    assert rows(first_crawl, "PRAGMA integrity_check")[0]["integrity_check"] == "ok"


def test_full_text_search_finds_an_article_by_a_body_word(first_crawl, replica):
    hits = rows(first_crawl, "SELECT a.url FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                             "WHERE articles_fts MATCH 'Baluchistan'")
    assert [h["url"] for h in hits] == [SITE.by_id(101850).url(replica.base_url)]


def test_a_page_that_times_out_is_retried_then_recorded_and_the_crawl_goes_on(tmp_path):
    with ReplicaServer(default_site(), slow_paths=[SLOW_PATH], slow_delay=2.5, flaky_paths=[]) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path / "archive.db",
                             settings={"DOWNLOAD_TIMEOUT": "1", "RETRY_TIMES": "1"})
    assert crawl.returncode == 0
    (failure,) = rows(crawl, "SELECT * FROM failures WHERE url = ?", [server.base_url + SLOW_PATH])
    assert (failure["reason"], failure["attempts"]) == ("timeout", 2)
    stored_urls = {r["url"] for r in rows(crawl, "SELECT url FROM articles")}
    assert server.base_url + SLOW_PATH not in stored_urls
    assert len(stored_urls) == len(SITE.articles()) - 1
