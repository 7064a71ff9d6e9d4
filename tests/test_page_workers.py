"""Pages are read in a worker process (``PAGE_READER_PROCESSES``) while the crawl
downloads; what the crawl stores does not depend on where a page was read, and a
worker that dies takes nothing with it."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal

import pytest
from scrapy.utils.test import get_crawler

from crawler.page_workers import PageReaders
from crawler.pages.reader import PageReader
from crawler.urls import Kind, SiteUrls
from tests.conftest import PAGES, load_golden, query, scrapy_crawl

ARTICLE_META, ARTICLE_HTML = load_golden(PAGES / "article-classic.json")
ARTICLE_URL = ARTICLE_META["url"]
SITE = SiteUrls("https://www.scfr.ir", ("en",))
FETCHED_AT = "2026-11-30T12:00:00+00:00"
STORED = "SELECT url, title, published, categories, authors, tags, lead, body, type, images FROM articles ORDER BY url"


def crawl_stats(archive) -> dict:
    return json.loads(query(archive, "SELECT stats FROM crawls ORDER BY id DESC LIMIT 1")[0]["stats"])


@pytest.fixture(scope="module")
def crawl_reading_in_its_own_process(replica, first_crawl, tmp_path_factory):
    replica.reset()
    crawl = scrapy_crawl(replica.base_url, tmp_path_factory.mktemp("local") / "archive.db",
                         settings={"PAGE_READER_PROCESSES": "0"})
    assert crawl.returncode == 0, crawl.log[-3000:]
    return crawl


def test_a_crawl_reads_its_pages_in_a_worker_process(first_crawl):
    stats = crawl_stats(first_crawl.archive)
    assert stats["newsarchive/pages_read/worker"] > stats["newsarchive/articles/new"] > 0
    assert "newsarchive/pages_read/crawl_process" not in stats


def test_with_no_worker_the_crawl_reads_pages_itself(crawl_reading_in_its_own_process):
    stats = crawl_stats(crawl_reading_in_its_own_process.archive)
    assert stats["newsarchive/pages_read/crawl_process"] > 0 and "newsarchive/pages_read/worker" not in stats


def test_what_is_stored_does_not_depend_on_where_pages_were_read(first_crawl, crawl_reading_in_its_own_process):
    assert query(crawl_reading_in_its_own_process.archive, STORED) == query(first_crawl.archive, STORED)


def test_pages_are_read_in_the_crawl_process_once_the_worker_died():
    crawler = get_crawler()
    crawler.stats.open_spider()
    readers = PageReaders(crawler, SITE, processes=1)

    async def read_kill_read():
        before = await readers.read(ARTICLE_URL, Kind.ARTICLE, ARTICLE_HTML.encode(), "utf-8", "html", FETCHED_AT)
        workers = multiprocessing.active_children()
        for worker in workers:
            os.kill(worker.pid, signal.SIGKILL)
        after = await readers.read(ARTICLE_URL, Kind.ARTICLE, ARTICLE_HTML.encode(), "utf-8", "html", FETCHED_AT)
        return workers, before, after

    try:
        workers, before, after = asyncio.run(read_kill_read())
    finally:
        readers.close()
    assert workers and before.item is not None and after.item == before.item
    assert readers.pool is None
    assert crawler.stats.get_value("newsarchive/page_workers/died") == 1
    assert crawler.stats.get_value("newsarchive/pages_read/worker") == 1
    assert crawler.stats.get_value("newsarchive/pages_read/crawl_process") == 1


# -- the reader itself ---------------------------------------------------------
def read(reader: PageReader, url: str, kind: Kind, html: str):
    return reader.read(url, kind, html.encode(), "utf-8", "html", FETCHED_AT)


def page_with_links(*hrefs: str) -> str:
    return "<html><body>" + "".join(f"<a href='{href}'>x</a>" for href in hrefs) + "</body></html>"


def test_an_article_page_gives_its_article_and_its_links():
    page = read(PageReader(SITE.origin, SITE.langs), ARTICLE_URL, Kind.ARTICLE, ARTICLE_HTML)
    assert page.item.title == ARTICLE_META["expected"]["title"] and page.item.fetched_at == FETCHED_AT
    assert page.links and all(SITE.kind(url) is kind and kind is not Kind.SKIP for url, kind in page.links)


def test_a_page_at_an_article_url_without_an_article_gives_nothing():
    page = read(PageReader(SITE.origin, SITE.langs), ARTICLE_URL, Kind.ARTICLE, page_with_links("/en/"))
    assert page.item is None and page.links == []


@pytest.mark.parametrize("body", ["", "  \n"], ids=["empty", "blank"])
def test_an_empty_page_gives_nothing(body):
    page = read(PageReader(SITE.origin, SITE.langs), ARTICLE_URL, Kind.ARTICLE, body)
    assert page.item is None and page.links == []


def test_links_are_handed_on_in_normal_form_in_scope_and_once():
    reader = PageReader(SITE.origin, SITE.langs)
    first = read(reader, SITE.url("/en/"), Kind.LISTING, page_with_links(
        "/en/politics/1/a", "/en/politics/1/a/#respond", "/en/politics/1/a/?utm_source=x",
        "https://twitter.com/share?u=/en/politics/1/a/", "/wp-admin/", "/en/about-us/"))
    assert first.links == [(SITE.url("/en/politics/1/a/"), Kind.ARTICLE), (SITE.url("/en/about-us/"), Kind.PAGE)]
    again = read(reader, SITE.url("/en/politics/"), Kind.LISTING, page_with_links("/en/politics/1/a/", "/en/tag/x/"))
    assert again.links == [(SITE.url("/en/tag/x/"), Kind.LISTING)]


def test_other_pages_do_not_lead_to_further_other_pages():
    page = read(PageReader(SITE.origin, SITE.langs), SITE.url("/en/about-us/"), Kind.PAGE,
                page_with_links("/en/contact/", "/en/politics/1/a/"))
    assert page.links == [(SITE.url("/en/politics/1/a/"), Kind.ARTICLE)]


def test_a_listing_gives_its_entries_and_its_next_page():
    meta, html = load_golden(PAGES / "category-interview-page-2.json")
    page = read(PageReader(SITE.origin, SITE.langs), meta["url"], Kind.LISTING, html)
    assert len(page.listing_entries) == 10 and {SITE.kind(url) for url in page.listing_entries} == {Kind.ARTICLE}
    assert page.listing_entries[0] == SITE.url("/en/west-asia/99000/a-look-at-iraqs-position-on-counter-terrorism-cooperation/")
    assert page.next_page == SITE.url("/en/category/strategic-perspective/interview/page/3/")


def test_a_feed_gives_the_links_of_its_items():
    feed = (f"<?xml version='1.0'?><rss><channel><link>{SITE.url('/en/')}</link><item><link>{ARTICLE_URL}</link>"
            f"<guid>{SITE.url('/en/?p=101850')}</guid></item></channel></rss>")
    page = PageReader(SITE.origin, SITE.langs).read(SITE.url("/en/feed/"), Kind.FEED, feed.encode(), "utf-8", "xml",
                                                    FETCHED_AT)
    assert page.links == [(ARTICLE_URL, Kind.ARTICLE), (SITE.url("/en/?p=101850"), Kind.SHORTLINK)]
