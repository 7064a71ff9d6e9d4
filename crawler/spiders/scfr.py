"""The Strategic Council Online spider: discovers and schedules URLs.

Discovery starts from robots.txt (its sitemaps), the home page and the RSS
feed of each edition, and follows links on every page in scope. Extraction
happens in ``crawler.pages``; cleaning and storage in ``pipelines``.

    scrapy crawl scfr -a base_url=http://127.0.0.1:8000 -a langs=en -s ARCHIVE_DB=archive.db
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadFailedError, DownloadTimeoutError, IgnoreRequest, ResponseDataLossError)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawler import signals
from crawler.items import FetchFailure
from crawler.middlewares import RedirectLoopError
from crawler.pages.scfr import ArticlePage
from crawler.urls import DEFAULT_BASE_URL, Kind, SiteUrls, parse_langs

logger = logging.getLogger(__name__)

# Articles first keeps the frontier short; listings feed it.
PRIORITY = {Kind.ARTICLE: 30, Kind.SHORTLINK: 30, Kind.SITEMAP: 20, Kind.FEED: 20, Kind.LISTING: 10, Kind.PAGE: 0}


class ScfrSpider(scrapy.Spider):
    name = "scfr"

    def __init__(self, base_url: str = DEFAULT_BASE_URL, langs: str = "en", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.site = SiteUrls(base_url, parse_langs(langs))
        self.base_url = self.site.origin
        self.langs = self.site.langs
        self.crawl_args = {"base_url": self.base_url, "langs": ",".join(self.langs), **kwargs}

    # -- scheduling --------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(self.site.url("/robots.txt"), callback=self.parse_robots,
                             errback=self.robots_failed, priority=PRIORITY[Kind.SITEMAP])
        for lang in self.langs:
            for path in (f"/{lang}/", f"/{lang}/feed/"):
                request = self.follow(self.site.url(path))
                if request is not None:
                    yield request

    def follow(self, url: str) -> scrapy.Request | None:
        """A request for ``url`` in its normal form, or None when out of scope."""
        url = self.site.normalize(url)
        kind = self.site.kind(url)
        if kind is Kind.SKIP:
            return None
        return scrapy.Request(url, callback=self.parse, errback=self.failed, priority=PRIORITY[kind])

    def follow_all(self, urls: Iterator[str] | list[str]) -> Iterator[scrapy.Request]:
        seen: set[str] = set()
        for url in urls:
            request = self.follow(url)
            if request is not None and request.url not in seen:
                seen.add(request.url)
                yield request

    def default_sitemaps(self) -> list[str]:
        return [self.site.url("/wp-sitemap.xml" if lang == "en" else f"/{lang}/wp-sitemap.xml") for lang in self.langs]

    # -- callbacks ---------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        listed = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        yield from self.follow_all(listed or self.default_sitemaps())

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        self.failed(failure)
        yield from self.follow_all(self.default_sitemaps())

    def parse(self, response: Response) -> Iterator[Any]:
        """Route a response by what its final URL (after redirects) is."""
        kind = self.site.kind(self.site.normalize(response.url))
        if kind is Kind.SITEMAP:
            yield from self.parse_sitemap(response)
            return
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("newsarchive/skipped/not_text")
            logger.info("Skipped %s: not a text page (%s)", response.url, response.headers.get("Content-Type"))
            return
        if kind is Kind.FEED:
            yield from self.follow_all(response.xpath("//item/link/text() | //item/guid/text()").getall())
            return
        if kind is Kind.ARTICLE:
            page = ArticlePage(response.url, response.selector)
            if page.is_article():
                yield page.to_item(fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            else:
                self.crawler.stats.inc_value("newsarchive/skipped/not_an_article")
                logger.warning("Skipped %s: URL looks like an article but the page is not one", response.url)
        yield from self.follow_all(response.urljoin(href) for href in response.xpath("//a/@href").getall())

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # lxml raises several types on garbage  # noqa: BLE001
            logger.warning("Skipped %s: not a readable sitemap", response.url, exc_info=True)
            self.crawler.stats.inc_value("newsarchive/skipped/bad_sitemap")
            return
        yield from self.follow_all(entry["loc"] for entry in sitemap if entry.get("loc"))

    # -- failures ----------------------------------------------------------
    def failed(self, failure: Failure) -> None:
        """Record a URL that could not be fetched (after retries)."""
        request = failure.request
        url = request.meta.get("redirect_urls", [request.url])[0]  # the URL as linked
        reason, status = _reason(failure)
        if reason == "robots_forbidden":
            self.crawler.stats.inc_value("newsarchive/skipped/robots_forbidden")
            logger.info("Skipped %s: forbidden by robots.txt", url)
            return
        logger.warning("Failed %s: %s (%s)", url, reason, failure.getErrorMessage())
        self.crawler.signals.send_catch_log(
            signal=signals.fetch_failed,
            failure=FetchFailure(
                url=url, reason=reason, status=status, attempts=request.meta.get("retry_times", 0) + 1,
                detail=failure.getErrorMessage()[:500],
                failed_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )


def _reason(failure: Failure) -> tuple[str, int | None]:
    """A short, stable name for why a fetch failed (the ``failures.reason`` column)."""
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"http_{status}", status
    for exceptions, reason in (
        ((RedirectLoopError,), "redirect_loop"),
        ((DownloadTimeoutError, TimeoutError, TCPTimedOutError), "timeout"),
        ((CannotResolveHostError, DNSLookupError), "dns"),
        ((DownloadConnectionRefusedError, ConnectionRefusedError), "connection_refused"),
        ((ResponseDataLossError,), "data_loss"),
        ((DownloadFailedError, DownloadCancelledError), "download_failed"),
    ):
        if failure.check(*exceptions):
            return reason, None
    if failure.check(IgnoreRequest):
        message = failure.getErrorMessage().lower()
        if "robots.txt" in message:
            return "robots_forbidden", None
        if "redirect" in message:
            return "too_many_redirects", None
        return "ignored", None
    return type(failure.value).__name__, None
