"""Pages read in worker processes, off the thread that downloads.

Scrapy downloads, schedules and calls the spider on one thread; reading a page
(parsing its HTML, extracting the article, normalising its links) is most of
the CPU a crawl spends on it. With ``PAGE_READER_PROCESSES`` > 0 that work
runs in worker processes (started with ``spawn``: they share nothing with the
crawl, not its archive connection nor its reactor) while the crawl goes on;
the spider awaits each page's ``ReadPage``. A worker that dies (a crash in a
parser on a hostile page) takes no data with it: the page that killed it and
every page after it are read in the crawl's own process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.crawler import Crawler
from scrapy.utils.asyncio import is_asyncio_available

from crawler.pages.reader import PageReader, ReadPage
from crawler.urls import Kind, SiteUrls

logger = logging.getLogger(__name__)

_reader: PageReader | None = None  # in a worker process: its reader, made by _start_worker


def _start_worker(base_url: str, langs: tuple[str, ...]) -> None:
    global _reader
    _reader = PageReader(base_url, langs)
    threading.Thread(target=_exit_with_parent, name="exit-with-parent", daemon=True).start()


def _exit_with_parent() -> None:
    """A worker waits for tasks forever, even once its crawl is gone: a killed crawl
    (SIGKILL, OOM) must not leave it behind."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)


def _read_in_worker(url: str, kind: Kind, body: bytes, encoding: str, markup: str | None,
                    fetched_at: str) -> ReadPage:
    assert _reader is not None, "the worker's initializer sets the reader"
    return _reader.read(url, kind, body, encoding, markup, fetched_at)


class PageReaders:
    """The crawl's page readers: a pool of worker processes, or (with none, or
    without Scrapy's asyncio reactor to await them) a reader in this process."""

    def __init__(self, crawler: Crawler, site: SiteUrls, processes: int) -> None:
        self.crawler = crawler
        self.site = site
        self.local = PageReader(site.origin, site.langs)
        self.processes = processes
        self.pool: ProcessPoolExecutor | None = None  # started with the first page to read

    @classmethod
    def from_crawler(cls, crawler: Crawler, site: SiteUrls) -> PageReaders:
        return cls(crawler, site, crawler.settings.getint("PAGE_READER_PROCESSES", 1))

    async def read(self, url: str, kind: Kind, body: bytes, encoding: str, markup: str | None,
                   fetched_at: str) -> ReadPage:
        if self.pool is None and self.processes > 0 and is_asyncio_available():
            self.pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker, initargs=(self.site.origin, self.site.langs))
        if self.pool is not None:
            try:
                page = await asyncio.wrap_future(
                    self.pool.submit(_read_in_worker, url, kind, body, encoding, markup, fetched_at))
                self.crawler.stats.inc_value("newsarchive/pages_read/worker")
                return page
            except BrokenProcessPool:
                if self.pool is not None:  # the first of the pages in flight to notice
                    logger.error("The page reader process died while reading %s; reading the rest of the crawl's "
                                 "pages in the crawl's own process", url)
                    self.crawler.stats.inc_value("newsarchive/page_workers/died")
                    self.close()
                    self.processes = 0
        page = self.local.read(url, kind, body, encoding, markup, fetched_at)
        self.crawler.stats.inc_value("newsarchive/pages_read/crawl_process")
        return page

    def close(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
