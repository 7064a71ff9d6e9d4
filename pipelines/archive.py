"""Store articles in the archive, each in one transaction."""

from __future__ import annotations

import dataclasses

from scrapy.crawler import Crawler

from crawler.items import ArticleItem
from crawler.session import ArchiveSession


class ArchivePipeline:
    """Writes each article to the crawl's archive (the ``ARCHIVE_DB`` setting):
    a new row, a new revision when the text changed, or only ``last_seen``."""

    def __init__(self, crawler: Crawler, session: ArchiveSession) -> None:
        self.stats = crawler.stats
        self.session = session

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler, ArchiveSession.of(crawler))

    async def process_item(self, item):
        if isinstance(item, ArticleItem) and self.session.open:
            outcome = self.session.archive.save_article(dataclasses.asdict(item), self.session.crawl_id,
                                                        capture_id=item.capture_id)
            self.stats.inc_value(f"newsarchive/articles/{outcome}")
        return item
