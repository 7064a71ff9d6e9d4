"""Drop items that are not complete articles, saying why and where."""

from __future__ import annotations

import re

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem
from crawler.urls import LANGS

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MARKUP = re.compile(r"<\s*/?\s*(p|div|span|a|script|style|br|li|ul|h\d|strong|em)\b[^>]*>", re.I)


def problem(item: ArticleItem) -> str | None:
    """The first reason the item cannot be stored, or None."""
    if not item.title:
        return "missing_title"
    if not item.published or not ISO_DATE.match(item.published):
        return "missing_date"
    if not item.body:
        return "missing_body"
    if MARKUP.search(item.body) or MARKUP.search(item.title):
        return "markup_in_text"
    if item.lang not in LANGS:
        return "unknown_lang"
    return None


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    async def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        reason = problem(item)
        if reason:
            self.stats.inc_value(f"newsarchive/dropped/{reason}")
            raise DropItem(f"{reason}: {item.fetched_url}")
        return item
