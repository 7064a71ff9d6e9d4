"""Keep one item per article within a crawl.

Many URLs reach one article (aliases, redirects, AMP, shortlinks answering
200); items are keyed by their canonical URL, so the second arrival is dropped
and counted, and the URLs it came through are recorded as the article's
aliases. Across crawls the archive itself keys articles by canonical URL.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem
from crawler.session import ArchiveSession


class DeduplicatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
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
            session = ArchiveSession.opened(self.crawler)  # none when items go elsewhere than an archive
            if session is not None and session.open:
                session.archive.add_aliases(item.url, [item.fetched_url, *item.via_urls])
            raise DropItem(f"duplicate of {item.url}: {item.fetched_url}", log_level="INFO")
        self.seen.add(item.url)
        return item
