"""A crawl of a replica with the live site's shapes, all three editions: every
article stored once and right, nothing missing, and the losses that remain
(bot walls) visible."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from collections import Counter
from datetime import timedelta

import pytest

from crawler.pages.listing import ListingPage
from crawler.urls import LANGS, SiteUrls
from newsarchive.archive import Archive
from newsarchive.coverage import audit
from newsarchive.search import search
from tests.conftest import REPO, query, scrapy_crawl
from tests.replica import (ABOUT_PAGE_PATH, SHORTLINK_ONLY_POST_ID, STATIC_ONLY_POST_ID, TRIPLES, Faults,
                           ReplicaServer, live_shapes, live_site)

SITE = live_site()
ARTICLES = SITE.articles()
SHAPES = live_shapes(SITE)


def token_f1(got: str, expected: str) -> float:
    """Token-level F1 of two texts (the bag-of-words overlap the extraction benchmarks use)."""
    got_tokens, expected_tokens = Counter(got.split()), Counter(expected.split())
    overlap = sum((got_tokens & expected_tokens).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got_tokens.values()), overlap / sum(expected_tokens.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with ReplicaServer(live_site()) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path_factory.mktemp("live") / "archive.db", "-a", "langs=all")
        assert crawl.returncode == 0, crawl.log[-3000:]
        yield server, crawl


def stored(crawl, base: str) -> dict[str, dict]:
    return {row["url"]: row for row in query(crawl.archive, "SELECT * FROM articles")}


def canonical(base: str, article) -> str:
    return SiteUrls(base, LANGS).normalize(article.url(base))


def test_every_article_of_every_edition_is_stored_once(live):
    server, crawl = live
    rows = query(crawl.archive, "SELECT url, post_id, lang FROM articles")
    assert len(rows) == len(ARTICLES)
    assert {row["url"] for row in rows} == {canonical(server.base_url, a) for a in ARTICLES}
    assert Counter(row["lang"] for row in rows) == Counter(a.lang for a in ARTICLES)
    assert set(Counter(row["lang"] for row in rows)) == {"en", "fa", "ar"}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"{a.lang}-{a.post_id}")
def test_an_article_is_stored_as_the_page_shows_it(live, article):
    server, crawl = live
    row = stored(crawl, server.base_url)[canonical(server.base_url, article)]
    expected = article.expected(server.base_url)
    for name in ("title", "published", "lead", "lead_prefix", "type", "lang"):
        assert row[name] == expected[name], name
    assert json.loads(row["categories"]) == expected["categories"]
    assert json.loads(row["authors"]) == expected["authors"]
    assert token_f1(row["body"], expected["body"]) >= 0.98


def test_the_audit_accounts_for_every_listed_post(live):
    server, crawl = live
    with Archive(crawl.archive) as archive:
        report = audit(archive).as_dict()
    assert report["missing"] == 0 and report["listed"] == report["stored"] == len(ARTICLES)
    assert {lang: counts["listed"] for lang, counts in report["editions"].items()} == \
        dict(Counter(a.lang for a in ARTICLES))
    crawl_row = query(crawl.archive, "SELECT listed, missing FROM crawls")[-1]
    assert (crawl_row["listed"], crawl_row["missing"]) == (len(ARTICLES), 0)


def test_an_article_reached_only_by_a_shortlink_answering_200_is_stored_under_its_canonical_url(live):
    server, crawl = live
    article = SITE.by_id(SHORTLINK_ONLY_POST_ID)
    url = canonical(server.base_url, article)
    assert url in stored(crawl, server.base_url)
    aliases = {row["url"] for row in query(crawl.archive, "SELECT url FROM urls WHERE article_url = ?", [url])}
    assert f"{server.base_url}/en/?p={SHORTLINK_ONLY_POST_ID}" in aliases


def test_an_article_linked_only_from_a_static_page_is_stored_and_the_page_is_not(live):
    server, crawl = live
    urls = stored(crawl, server.base_url)
    assert canonical(server.base_url, SITE.by_id(STATIC_ONLY_POST_ID)) in urls
    assert server.base_url + ABOUT_PAGE_PATH not in urls


@pytest.mark.parametrize("shape", ["nested_path", "numeric_path", "byline_in_lead", "arabic_indic_digits",
                                   "shortlink_200"])
def test_every_post_of_a_real_shape_is_stored(live, shape):
    server, crawl = live
    urls = stored(crawl, server.base_url)
    assert SHAPES[shape]
    assert all(canonical(server.base_url, SITE.by_id(pid)) in urls for pid in SHAPES[shape])


def test_translations_link_all_three_editions(live):
    server, crawl = live
    urls = stored(crawl, server.base_url)
    for triple in TRIPLES:
        for lang, post_id in triple.items():
            row = urls[canonical(server.base_url, SITE.by_id(post_id))]
            others = {other: canonical(server.base_url, SITE.by_id(pid)) for other, pid in triple.items()
                      if other != lang}
            assert json.loads(row["translations"]) == others


def test_an_arabic_word_is_found_whichever_hamza_form_the_query_uses(live):
    server, crawl = live
    arabic = [a for a in ARTICLES if a.lang == "ar"]
    word = next(w for a in arabic for w in a.title.split() if any(c in w for c in "أإآ"))
    query_word = word.translate(str.maketrans("أإآ", "ااا"))
    with Archive(crawl.archive) as archive:
        hits = search(archive, query_word)
        stored_titles = {row["title"] for row in query(crawl.archive, "SELECT title FROM articles WHERE lang = 'ar'")}
    assert any(word in hit["title"] for hit in hits)
    assert any(word in title for title in stored_titles)  # stored text keeps its hamza


def test_one_edition_alone_stores_only_that_edition(tmp_path):
    with ReplicaServer(live_site()) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path / "ar.db", "-a", "langs=ar")
    assert crawl.returncode == 0
    langs = {row["lang"] for row in query(crawl.archive, "SELECT lang FROM articles")}
    count = query(crawl.archive, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert langs == {"ar"} and count == len(SITE.articles("ar"))


def test_a_post_whose_sitemap_date_changed_is_fetched_again_whatever_the_clocks_say(tmp_path):
    site = live_site()
    article = site.articles("en")[-1]  # the oldest: not due for a revisit by age
    with ReplicaServer(site) as server:
        archive = tmp_path / "archive.db"
        assert scrapy_crawl(server.base_url, archive, "-a", "langs=en").returncode == 0
        before = site.modified(article.post_id)
        site.edit(article.post_id, title=article.title + " (updated)")
        site.backdate(article.post_id, before - timedelta(days=1))  # the site's clock is behind ours
        assert scrapy_crawl(server.base_url, archive, "-a", "langs=en").returncode == 0
        url = canonical(server.base_url, article)
    row = query(archive, "SELECT title FROM articles WHERE url = ?", [url])[0]
    assert row["title"] == article.title + " (updated)"
    assert len(query(archive, "SELECT id FROM revisions WHERE url = ?", [url])) == 2


def test_a_challenge_page_is_a_failure_never_an_article(tmp_path):
    target = SITE.articles("en")[0]
    with ReplicaServer(live_site(), faults=Faults(challenge_urls=[target.decoded_path])) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path / "archive.db", "-a", "langs=en")
        url = canonical(server.base_url, target)
    assert crawl.returncode == 0
    assert url not in stored(crawl, server.base_url)
    assert {row["reason"] for row in query(crawl.archive, "SELECT reason FROM failures WHERE url = ?", [url])} \
        == {"challenge"}
    assert not query(crawl.archive, "SELECT url FROM articles WHERE body LIKE '%browser%'")


def test_a_crawl_behind_a_bot_wall_stops_early_says_why_and_exits_1(tmp_path):
    archive = tmp_path / "archive.db"
    with ReplicaServer(live_site(), faults=Faults(challenge_after=5)) as server:
        result = subprocess.run(
            [shutil.which("newsarchive"), "crawl", "--archive", str(archive), "--base-url",
             server.base_url, "--langs", "all", "--fast", "--no-progress"],
            cwd=REPO, capture_output=True, text=True, timeout=300)
        requests = len(server.requests)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "challenge" in result.stderr + result.stdout
    crawl = query(archive, "SELECT status, finish_reason FROM crawls")[-1]
    assert (crawl["status"], crawl["finish_reason"]) == ("failed", "challenge")
    assert requests < 200  # stopped early: the site has far more pages than that
    assert not query(archive, "SELECT url FROM articles")
    assert query(archive, "SELECT count(*) AS n FROM failures WHERE reason = 'challenge'")[0]["n"] >= 10


@pytest.mark.parametrize("path", ["/en/category/council/", "/en/category/politics/", "/en/", "/fa/", "/ar/"])
def test_a_listing_of_every_layout_yields_its_posts_in_order(live, path):
    """The classic list, the Theme Builder blog and the 2026 cards (each title twice): what
    incremental crawls follow older pages by, and what the audit counts as listed."""
    server, _ = live
    with urllib.request.urlopen(server.base_url + path) as response:
        entries = ListingPage(server.base_url + path, response.read().decode("utf-8")).entries()
    site = SiteUrls(server.base_url, LANGS)
    posts = {canonical(server.base_url, a) for a in ARTICLES}
    assert entries and all(site.normalize(url) in posts for url in entries)
    assert len(entries) == len(set(entries))
