"""Say loudly when extraction breaks, instead of filling the archive with junk.

Watches every article of the crawl and, when the crawl closes, raises an
alarm (a WARNING in the log, ``newsarchive/drift`` in the crawl stats, the
``drift`` column of the crawl's row) when at least ``DRIFT_SHARE`` of the
article pages, and at least ``DRIFT_MIN_PAGES`` of them:

- missed a template selector (text container, title, date, categories);
- came out empty (dropped) or far shorter than the archive's usual body;
- carried boilerplate markers past the selectors (the marker stage had to cut);
- opened with a lead prefix whose kind word the type vocabulary lacks (``Other``),
  or with no prefix at all: a new kind of piece, or a changed lead.

Every page with an unknown kind is also logged with its URL and counted
(``newsarchive/types/Other``), alarm or not.
"""

from __future__ import annotations

import logging
import statistics
from array import array

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.items import ArticleItem
from crawler.session import ArchiveSession

logger = logging.getLogger(__name__)
SHORT = 0.3  # a body under this share of the usual length is "far shorter"
EMPTY_REASONS = ("missing_title", "missing_date", "missing_body")


class DriftPipeline:
    def __init__(self, crawler: Crawler, session: ArchiveSession, share: float, min_pages: int) -> None:
        self.stats = crawler.stats
        self.session = session
        self.share = share
        self.min_pages = min_pages
        self.lengths = array("I")  # body length of every article page: 4 bytes each, not a 36-byte int object
        self.missed: dict[str, int] = {}
        self.markers = 0
        self.unknown_type = 0
        self.empty = 0
        self.usual_length: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DriftPipeline:
        pipeline = cls(crawler, ArchiveSession.of(crawler), crawler.settings.getfloat("DRIFT_SHARE", 0.2),
                       crawler.settings.getint("DRIFT_MIN_PAGES", 3))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self) -> None:
        lengths = [r[0] for r in self.session.archive.db.execute("SELECT length(body) FROM articles")]
        self.usual_length = statistics.median(lengths) if lengths else None

    async def process_item(self, item):
        if isinstance(item, ArticleItem):
            self.lengths.append(len(item.body or ""))
            for name in item.missed_selectors:
                self.missed[name] = self.missed.get(name, 0) + 1
            if any(record["rule"].startswith("text:") for record in item.cleaning):
                self.markers += 1
            if item.type in (None, "Other"):
                self.unknown_type += 1
                self.stats.inc_value(f"newsarchive/types/{item.type or 'none'}")
                logger.info("Unknown kind of piece at %s: lead prefix %r", item.fetched_url, item.lead_prefix)
        return item

    def item_dropped(self, item, exception: Exception) -> None:
        if isinstance(item, ArticleItem) and str(exception).startswith(EMPTY_REASONS):
            self.empty += 1
            for name in item.missed_selectors:
                self.missed[name] = self.missed.get(name, 0) + 1

    def alarms(self) -> list[str]:
        pages = len(self.lengths) + self.empty
        found = []

        def check(count: int, message: str) -> None:
            if pages and count >= self.min_pages and count >= self.share * pages:
                found.append(message.format(count=count, pages=pages))

        for name, count in sorted(self.missed.items()):
            check(count, f"template selector '{name}' matched nothing on {{count}} of {{pages}} article pages")
        usual = self.usual_length or (statistics.median(self.lengths) if self.lengths else 0)
        short = sum(1 for length in self.lengths if length < SHORT * usual)
        check(self.empty + short, f"{{count}} of {{pages}} article bodies came out empty or under {SHORT:.0%} "
                                  f"of the usual {usual:.0f} characters")
        check(self.markers, "boilerplate markers reached {count} of {pages} article bodies past the selectors")
        check(self.unknown_type, "{count} of {pages} leads had no known kind of piece (no prefix, or a kind word "
                                 "the type vocabulary lacks: see lead_prefix)")
        return found

    def close_spider(self) -> None:
        found = self.alarms()
        for alarm in found:
            logger.warning("Extraction drift: %s", alarm)
        if found:
            self.stats.set_value("newsarchive/drift", found)
