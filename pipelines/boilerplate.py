"""Remove boilerplate that reached the article text.

The page parser keeps to the text container, but sloppy markup can nest the
comment section or the "LATEST CONTENT" teasers into it, and a theme change
can move them. This stage works on the extracted paragraphs, so it catches
them whatever the markup: a paragraph that opens a trailing section (comment
count, comment form, latest-posts sidebar) ends the text; stray widgets
("Loading", "Share This:", the tags line, cookie and copyright notices) are
dropped wherever they stand. What it removed is recorded on the item.
"""

from __future__ import annotations

import re

from scrapy.crawler import Crawler

from crawler.items import ArticleItem

TRAILING_SECTION = re.compile(
    r"^(\d+\s+(Comments?|Responses?)|No Comments|Submit a Comment|Leave a (Reply|Comment)"
    r"|LATEST CONTENT|Últimas publicaciones|Latest posts|Related posts|You may also like"
    r"|\d+\s+دیدگاه|ارسال دیدگاه|دیدگاهتان را بنویسید|آخرین مطالب|جدیدترین مطالب)$",
    re.I,
)
STRAY = re.compile(
    r"^(Loading(\.\.\.|…)?|در حال بارگذاری(\.\.\.|…)?|Share This:?|Share this article:?|اشتراک[‌ ]?گذاری:?"
    r"|Tags:.*|برچسب[‌ ]?ها:.*|Reply|Cancel reply|Your email address will not be published\..*"
    r"|Required fields are marked \*|We use cookies to ensure that we give you the best experience.*"
    r"|پاسخ|نشانی ایمیل شما منتشر نخواهد شد.*|بخش[‌ ]?های موردنیاز علامت[‌ ]?گذاری شده[‌ ]?اند \*"
    r"|© \d{4} Strategic Council on Foreign Relations.*)$",
    re.I | re.S,
)


class BoilerplatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BoilerplatePipeline:
        return cls(crawler)

    async def process_item(self, item):
        if not isinstance(item, ArticleItem) or not item.body:
            return item
        kept: list[str] = []
        paragraphs = item.body.split("\n\n")
        for index, paragraph in enumerate(paragraphs):
            if index > 0 and TRAILING_SECTION.match(paragraph):
                removed = paragraphs[index:]
                self._record(item, "text:trailing-section", removed, marker=paragraph)
                break
            if STRAY.match(paragraph):
                self._record(item, "text:stray-widget", [paragraph], marker=paragraph[:40])
                continue
            kept.append(paragraph)
        if len(kept) != len(paragraphs):
            item.body = "\n\n".join(kept) or None
            item.lead = kept[0] if kept else None
        return item

    def _record(self, item: ArticleItem, rule: str, removed: list[str], marker: str) -> None:
        chars = sum(len(p) for p in removed)
        item.cleaning.append({"rule": rule, "marker": marker, "paragraphs": len(removed), "chars": chars})
        self.stats.inc_value(f"newsarchive/boilerplate/{rule}")
