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
    r"^(Loading(\.\.\.|…)?|loader image|در حال بارگذاری(\.\.\.|…)?|Share This:?|Share this article:?|اشتراک[‌ ]?گذاری:?"
    r"|Tags:.*|برچسب[‌ ]?ها:.*|Reply|Cancel reply|Your email address will not be published\..*"
    r"|Required fields are marked \*|We use cookies to ensure that we give you the best experience.*"
    r"|پاسخ|نشانی ایمیل شما منتشر نخواهد شد.*|بخش[‌ ]?های موردنیاز علامت[‌ ]?گذاری شده[‌ ]?اند \*"
    r"|© \d{4} Strategic Council on Foreign Relations.*)$",
    re.I | re.S,
)


def strip_markers(item: ArticleItem) -> list[dict]:
    """Cut the body at a trailing section's marker, drop stray widgets; returns what was removed."""
    if not item.body:
        return []
    kept: list[str] = []
    records: list[dict] = []
    paragraphs = item.body.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        if index > 0 and TRAILING_SECTION.match(paragraph):
            records.append(_record("text:trailing-section", paragraphs[index:], paragraph))
            break
        if STRAY.match(paragraph):
            records.append(_record("text:stray-widget", [paragraph], paragraph[:40]))
            continue
        kept.append(paragraph)
    if records:
        item.body = "\n\n".join(kept) or None
        item.lead = kept[0] if kept else None
        item.cleaning.extend(records)
    return records


def _record(rule: str, removed: list[str], marker: str) -> dict:
    return {"rule": rule, "marker": marker, "paragraphs": len(removed), "chars": sum(len(p) for p in removed)}


class BoilerplatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BoilerplatePipeline:
        return cls(crawler)

    async def process_item(self, item):
        if isinstance(item, ArticleItem):
            for record in strip_markers(item):
                self.stats.inc_value(f"newsarchive/boilerplate/{record['rule']}")
        return item
