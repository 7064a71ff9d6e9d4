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
            record = {**dataclasses.asdict(item), "extraction": extraction_record(item)}
            outcome = self.session.archive.save_article(record, self.session.crawl_id, capture_id=item.capture_id)
            self.stats.inc_value(f"newsarchive/articles/{outcome}")
        return item


def extraction_record(item: ArticleItem) -> dict:
    """How the body was obtained: template, selectors that missed, what each rule removed."""
    removed = [{k: v for k, v in record.items() if k != "marker"} | {"sample": record.get("marker", "")}
               for record in item.cleaning]
    return {"template": item.template, "missed_selectors": item.missed_selectors, "removed": removed,
            "kept_chars": len(item.body or ""), "removed_chars": sum(r.get("chars", 0) for r in removed)}
