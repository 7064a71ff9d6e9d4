"""Remove boilerplate that the site repeats, whatever its markup.

Selectors and text markers only know the template of today. This stage
knows the site: a block (paragraph) of an article body that also stands in
the extracted text of many other article pages (``blocks`` table, counted
here as each article passes) is template text — teaser
lists, comment prompts, footers, notices — with three guards for genuine
text that repeats:

- the article's own lead (its first paragraph) is never removed, though it
  is a teaser on many other pages;
- a paragraph that is the lead of a known article is never removed on its
  own: an article may quote another one; only inside a teaser run;
- a lone repeated paragraph inside the text stays unless nearly every page
  has it.

Removal rules, in order: the *tail* of a body that ends in repeated text,
from its first repeated non-lead block, when what is unique in that tail is
less than half of what is unique before it (a comment section with its
reader comments, a "read next" list); *runs* of two or more repeated blocks;
*template lines* on at least ``BOILERPLATE_TEMPLATE_SHARE`` of the pages.

Early in a site's first crawl the counts are low, so each article's
paragraphs are kept aside (``pending_cleanup``) and cleaned again, with the
complete counts, when the crawl closes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from scrapy.crawler import Crawler

from crawler.items import ArticleItem
from crawler.pages.blocks import block_key
from crawler.session import ArchiveSession


@dataclass(frozen=True)
class Thresholds:
    min_pages: int = 3
    """A block is repeated when it stands on at least this many pages…"""
    share: float = 0.05
    """…and on at least this share of the site's pages."""
    template_share: float = 0.6
    """A lone repeated block is removed when at least this share of pages has it."""


def remove_repeated(paragraphs: list[str], pages_with: Callable[[list[int]], dict[int, int]], site_pages: int,
                    lead_keys: set[int], thresholds: Thresholds = Thresholds()) -> tuple[list[str], list[dict]]:
    """(kept paragraphs, records of what was removed and why)."""
    if len(paragraphs) < 2 or site_pages < thresholds.min_pages:
        return paragraphs, []
    keys = [block_key(p) for p in paragraphs]
    counts = pages_with(keys)
    floor = max(thresholds.min_pages, thresholds.share * site_pages)
    repeated = [index > 0 and counts.get(key, 0) >= floor for index, key in enumerate(keys)]
    is_lead = [key in lead_keys for key in keys]
    removed: dict[int, str] = {}

    if repeated[-1]:
        for start in range(1, len(paragraphs)):
            if repeated[start] and not is_lead[start]:
                zone = sum(len(p) for p, r in zip(paragraphs[start:], repeated[start:]) if not r)
                text = sum(len(p) for p, r in zip(paragraphs[:start], repeated[:start]) if not r)
                # one repeated block alone (a recurring sub-heading) is template text only if nearly every page has it
                template_like = sum(repeated[start:]) >= 2 or counts.get(keys[start], 0) >= \
                    thresholds.template_share * site_pages
                if zone <= 0.5 * text and template_like:
                    removed.update({i: "repetition:tail" for i in range(start, len(paragraphs))})
                    break
    index = 1
    while index < len(paragraphs):
        end = index
        while end < len(paragraphs) and repeated[end] and end not in removed:
            end += 1
        if end - index >= 2:
            removed.update({i: "repetition:run" for i in range(index, end)})
        index = max(end, index + 1)
    for index, key in enumerate(keys):
        if (repeated[index] and index not in removed and not is_lead[index]
                and counts.get(key, 0) >= thresholds.template_share * site_pages):
            removed[index] = "repetition:template-line"

    records: dict[str, dict] = {}
    for index, rule in sorted(removed.items()):
        record = records.setdefault(rule, {"rule": rule, "marker": paragraphs[index][:40], "paragraphs": 0, "chars": 0})
        record["paragraphs"] += 1
        record["chars"] += len(paragraphs[index])
    return [p for i, p in enumerate(paragraphs) if i not in removed], list(records.values())


class RepetitionPipeline:
    def __init__(self, crawler: Crawler, session: ArchiveSession, thresholds: Thresholds) -> None:
        self.stats = crawler.stats
        self.session = session
        self.thresholds = thresholds
        self.lead_keys: set[int] = set()
        self.site_pages = 0  # pages counted in `page_blocks`, kept here: a count(*) per article would be O(n²)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RepetitionPipeline:
        settings = crawler.settings
        thresholds = Thresholds(settings.getint("BOILERPLATE_MIN_PAGES", Thresholds.min_pages),
                                settings.getfloat("BOILERPLATE_SHARE", Thresholds.share),
                                settings.getfloat("BOILERPLATE_TEMPLATE_SHARE", Thresholds.template_share))
        return cls(crawler, ArchiveSession.of(crawler), thresholds)

    def open_spider(self) -> None:
        self.lead_keys = {block_key(lead) for lead in self.session.archive.leads()}
        self.site_pages = self.session.archive.pages_counted()

    def clean(self, paragraphs: list[str]) -> tuple[list[str], list[dict]]:
        return remove_repeated(paragraphs, self.session.archive.block_pages, self.site_pages, self.lead_keys,
                               self.thresholds)

    async def process_item(self, item):
        if not isinstance(item, ArticleItem) or not item.body:
            return item
        paragraphs = item.body.split("\n\n")
        if item.lead:
            self.lead_keys.add(block_key(item.lead))
        if self.session.archive.count_page_blocks(item.url, {block_key(p) for p in paragraphs},
                                                  {block_key(p): p for p in paragraphs}):
            self.site_pages += 1
        kept, records = self.clean(paragraphs)
        self.session.archive.set_pending_cleanup(item.url, self.session.crawl_id, paragraphs if records else None,
                                                 item.lead)
        for record in records:
            item.cleaning.append(record)
            self.stats.inc_value(f"newsarchive/boilerplate/{record['rule']}")
        item.body = "\n\n".join(kept)
        return item

    def close_spider(self) -> None:
        """Clean this crawl's articles again, now that the counts are complete."""
        archive = self.session.archive
        changed = 0
        for pending in archive.pending_cleanup():
            kept, records = self.clean(pending["paragraphs"])
            extraction = _with_records(pending["extraction"], records, "\n\n".join(kept))
            if archive.replace_text(pending["url"], body="\n\n".join(kept), lead=kept[0], extraction=extraction):
                changed += 1
        archive.clear_pending_cleanup()
        if changed:
            self.stats.set_value("newsarchive/boilerplate/recleaned_at_close", changed)


def _with_records(stored: str | None, records: list[dict], body: str) -> dict:
    extraction = json.loads(stored) if stored else {}
    extraction["removed"] = [r for r in extraction.get("removed", []) if not r["rule"].startswith("repetition:")]
    extraction["removed"] += records
    extraction["kept_chars"] = len(body)
    extraction["removed_chars"] = sum(r["chars"] for r in extraction["removed"])
    return extraction
