"""Repeated crawls of a changing replica: revisions, gone articles, incremental
fetching with conditional requests, revisit modes, raw captures, diffs."""

from __future__ import annotations

import dataclasses
import re

import pytest
from click.testing import CliRunner

from crawler.urls import ARTICLE_PATH
from newsarchive.archive import Archive
from newsarchive.cli import main
from tests.conftest import query, scrapy_crawl
from tests.replica import ReplicaServer, default_site

EDITED, REMOVED, TEMPLATE = 101850, 102075, 103192
ADDED_PARAGRAPH = "An added closing paragraph: both sides agreed to meet again in Quetta next month."



@dataclasses.dataclass
class History:
    server: ReplicaServer
    archive: object
    crawls: list
    requests: list  # what the replica served in each crawl
    added_url: str


def crawl(history_or_server, archive, *args):
    server = history_or_server
    server.reset_log()
    result = scrapy_crawl(server.base_url, archive, *args)
    assert result.returncode == 0, result.log[-3000:]
    return result, server.requests


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Crawl, then edit one article, remove one, publish one, crawl again (defaults)."""
    archive = tmp_path_factory.mktemp("history") / "archive.db"
    with ReplicaServer(default_site(), flaky_paths=[], slow_paths=[]) as server:
        first, first_requests = crawl(server, archive)
        site = server.site
        seed = site.by_id(EDITED)
        site.edit(EDITED, title=seed.title + " and Beyond", blocks=[*seed.blocks, ("p", ADDED_PARAGRAPH)])
        site.remove(REMOVED)
        new = dataclasses.replace(site.by_id(TEMPLATE), post_id=103300, slug="a-new-post-on-caspian-energy",
                                  title="A New Post on Caspian Energy", published="2024-05-02")
        site.add(new)
        second, second_requests = crawl(server, archive)
        yield History(server, archive, [first, second], [first_requests, second_requests],
                      new.url(server.base_url))


def url_of(history, post_id):
    return default_site().by_id(post_id).url(history.server.base_url)


def test_one_row_per_article_the_removed_one_kept(history):
    urls = [r["url"] for r in query(history.archive, "SELECT url FROM articles")]
    assert len(urls) == len(set(urls)) == len(default_site().articles()) + 1


def test_edited_article_gets_a_second_revision(history):
    revisions = query(history.archive, "SELECT title, body FROM revisions WHERE url = ? ORDER BY id",
                      [url_of(history, EDITED)])
    assert len(revisions) == 2 and ADDED_PARAGRAPH not in revisions[0]["body"]
    assert revisions[1]["body"].endswith(ADDED_PARAGRAPH)


def test_articles_show_the_newest_version(history):
    (row,) = query(history.archive, "SELECT title, body FROM articles WHERE url = ?", [url_of(history, EDITED)])
    assert row["title"].endswith("and Beyond") and row["body"].endswith(ADDED_PARAGRAPH)


def test_removed_article_is_kept_and_marked_gone(history):
    (row,) = query(history.archive, "SELECT body, gone_since FROM articles WHERE url = ?", [url_of(history, REMOVED)])
    assert row["gone_since"] and row["body"]


def test_unchanged_articles_keep_one_revision(history):
    counts = query(history.archive, "SELECT url, count(*) AS n FROM revisions GROUP BY url HAVING n > 1")
    assert [c["url"] for c in counts] == [url_of(history, EDITED)]


def test_new_article_is_added(history):
    assert query(history.archive, "SELECT title FROM articles WHERE url = ?", [history.added_url]) == \
        [{"title": "A New Post on Caspian Energy"}]


def test_second_crawl_row_counts_what_changed(history):
    row = query(history.archive, "SELECT * FROM crawls WHERE id = 2")[0]
    assert (row["mode"], row["articles_new"], row["articles_changed"], row["articles_gone"]) == \
        ("incremental", 1, 1, 1)


def test_second_crawl_fetches_a_fraction_of_the_first(history):
    first, second = (len(r) for r in history.requests)
    assert second <= first * 0.25, (first, second)


def test_second_crawl_fetches_only_the_changed_articles(history):
    fetched = {r.path for r in history.requests[1] if ARTICLE_PATH.match(r.path)}
    changed = {url.removeprefix(history.server.base_url) for url in
               (url_of(history, EDITED), url_of(history, REMOVED), history.added_url)}
    assert fetched == changed


def test_pages_unchanged_since_the_first_crawl_cost_a_304(history):
    not_modified = [r for r in history.requests[1] if r.status == 304]
    assert "/wp-sitemap-taxonomies-category-1.xml" in {r.path for r in not_modified}
    assert all(r.if_none_match for r in not_modified)


def test_changed_listings_are_fetched_in_full(history):
    statuses = {r.path: r.status for r in history.requests[1]}
    assert (statuses["/en/"], statuses["/en/feed/"]) == (200, 200)  # the new post changed them


def test_diff_shows_the_edit_with_dates(history):
    result = CliRunner().invoke(main, ["diff", "--archive", str(history.archive), url_of(history, EDITED)])
    assert result.exit_code == 0
    assert f"+{ADDED_PARAGRAPH}" in result.output
    assert "-Securing Iran-Pakistan Border" in result.output and "+Securing Iran-Pakistan Border and Beyond" in result.output
    assert result.output.count("(revision ") == 4  # from/to labels of the title and body diffs


def test_diff_finds_the_article_by_its_shortlink(history):
    result = CliRunner().invoke(main, ["diff", "--archive", str(history.archive),
                                       f"{history.server.base_url}/en/?p={EDITED}"])
    assert result.exit_code == 0 and ": 2 versions" in result.output


def test_revisions_link_the_capture_they_came_from(history):
    rows = query(history.archive, "SELECT r.title, r.capture_id, c.status FROM revisions r "
                                   "JOIN captures c ON c.id = r.capture_id")
    assert len(rows) == len(query(history.archive, "SELECT id FROM revisions"))
    with Archive(history.archive) as archive:
        for row in rows:
            page = archive.capture_content(row["capture_id"])
            assert row["status"] == 200 and re.split("[’&]", row["title"])[0].encode() in page


def test_every_response_is_captured(history):
    captured = query(history.archive, "SELECT count(*) AS n FROM captures")[0]["n"]
    assert captured == sum(len(r) for r in history.requests)


def test_identical_payloads_are_stored_once(history):
    (row,) = query(history.archive, "SELECT count(DISTINCT payload_digest) AS digests, "
                                    "(SELECT count(*) FROM payloads) AS payloads FROM captures")
    assert row["digests"] == row["payloads"]


def test_revisit_all_asks_conditionally_and_unchanged_articles_answer_304(history):
    result, requests = crawl(history.server, history.archive, "-a", "revisit=all")
    articles = [r for r in requests if ARTICLE_PATH.match(r.path)]
    live = len(default_site().articles())  # one removed, one added
    assert len(articles) == live and all(r.status == 304 and r.if_none_match for r in articles)
    row = query(history.archive, "SELECT * FROM crawls ORDER BY id DESC LIMIT 1")[0]
    assert (row["mode"], row["articles_unchanged"], row["articles_not_modified"]) == ("all", live, live)


def test_full_walk_ignores_what_is_known(history):
    _, requests = crawl(history.server, history.archive, "-a", "full=1")
    articles = [r for r in requests if ARTICLE_PATH.match(r.path) and r.status == 200]
    assert len(articles) == len(default_site().articles()) and not any(r.if_none_match for r in requests)
    assert query(history.archive, "SELECT count(*) AS n FROM revisions")[0]["n"] == len(default_site().articles()) + 2
