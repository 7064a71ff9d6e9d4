"""The baseline of the crawl benchmark: a Scrapy spider that fetches a list of
URLs and does nothing else (no parsing, no pipelines, no archive)."""

from __future__ import annotations

from pathlib import Path

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {"ITEM_PIPELINES": {}, "DOWNLOADER_MIDDLEWARES": {}, "SPIDER_MIDDLEWARES": {},
                       "DUPEFILTER_CLASS": "scrapy.dupefilters.RFPDupeFilter", "EXTENSIONS": {},
                       "ROBOTSTXT_OBEY": False}

    def __init__(self, urls: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.url_file = Path(urls)

    async def start(self):
        for url in self.url_file.read_text().split():
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response):
        return None
