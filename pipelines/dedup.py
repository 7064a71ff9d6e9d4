"""Keep one item per article within a crawl.

Many URLs reach one article (aliases, redirects, AMP); items are keyed by
their canonical URL, so the second arrival is dropped and counted. Across
crawls the archive itself keys articles by canonical URL.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem


class DeduplicatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeduplicatePipeline:
        return cls(crawler)

    async def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        if item.url in self.seen:
            self.stats.inc_value("newsarchive/dropped/duplicate")
            raise DropItem(f"duplicate of {item.url}: {item.fetched_url}", log_level="INFO")
        self.seen.add(item.url)
        return item
