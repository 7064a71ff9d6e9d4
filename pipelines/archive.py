"""Store articles, fetch failures and the crawl's own record in the archive."""

from __future__ import annotations

import dataclasses
import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler import signals as newsarchive_signals
from crawler.items import ArticleItem, FetchFailure
from newsarchive.archive import Archive, ArchiveError

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Writes to the SQLite file named by the ``ARCHIVE_DB`` setting.

    The crawl's row is opened when the spider opens and closed, with its
    stats and finish reason, when it closes; each article is one transaction.
    """

    def __init__(self, crawler: Crawler, path: str) -> None:
        self.crawler = crawler
        self.path = path
        self.archive: Archive | None = None
        self.crawl_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        path = crawler.settings.get("ARCHIVE_DB")
        if not path:
            raise NotConfigured("ARCHIVE_DB is empty: set it to the archive's file name, e.g. -s ARCHIVE_DB=archive.db")
        pipeline = cls(crawler, path)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.fetch_failed, signal=newsarchive_signals.fetch_failed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        try:
            self.archive = Archive(self.path)
        except ArchiveError as exc:
            logger.error("%s", exc)
            raise
        self.crawl_id = self.archive.start_crawl(
            spider=spider.name, base_url=getattr(spider, "base_url", ""), langs=list(getattr(spider, "langs", [])),
            args=getattr(spider, "crawl_args", {}),
        )
        self.crawler.stats.set_value("newsarchive/crawl_id", self.crawl_id)
        logger.info("Archiving into %s as crawl %d", self.path, self.crawl_id)

    async def process_item(self, item):
        if isinstance(item, ArticleItem) and self.archive is not None:
            outcome = self.archive.save_article(dataclasses.asdict(item), self.crawl_id)
            self.crawler.stats.inc_value(f"newsarchive/articles/{outcome}")
        return item

    def fetch_failed(self, failure: FetchFailure) -> None:
        self.crawler.stats.inc_value("newsarchive/failures")
        self.crawler.stats.inc_value(f"newsarchive/failures/{failure.reason}")
        if self.archive is not None:
            self.archive.record_failure(self.crawl_id, dataclasses.asdict(failure))

    def spider_closed(self, reason: str) -> None:
        if self.archive is None:
            return
        self.archive.finish_crawl(self.crawl_id, finish_reason=reason, stats=self.crawler.stats.get_stats())
        self.archive.close()
        self.archive = None
