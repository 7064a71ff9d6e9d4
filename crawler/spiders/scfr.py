"""The Strategic Council Online spider: discovers and schedules URLs.

Discovery starts from robots.txt (its sitemaps), the home page and the RSS
feed of each edition, and follows links on every page in scope. Pages are
read (article extracted, links found) by ``crawler.pages.reader``, in worker
processes (``crawler.page_workers``); cleaning and storage happen in ``pipelines``.

    scrapy crawl scfr -a base_url=http://127.0.0.1:8000 -a langs=en -s ARCHIVE_DB=archive.db
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object
from scrapy.exceptions import (CannotResolveHostError, DontCloseSpider, DownloadCancelledError,
                               DownloadConnectionRefusedError, DownloadFailedError, DownloadTimeoutError,
                               IgnoreRequest, ResponseDataLossError)
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawler import signals as newsarchive_signals
from crawler.dupefilter import queued_by_this_crawl
from crawler.items import FetchFailure
from crawler.middlewares import BrokenBodyError, OffsiteError, RedirectLoopError
from crawler.page_workers import PageReaders
from crawler.pages.unusable import why_unusable
from crawler.recent import RecentSet
from crawler.session import ArchiveSession
from crawler.urls import DEFAULT_BASE_URL, Kind, SiteUrls, parse_langs

logger = logging.getLogger(__name__)

NON_POST_SITEMAP = re.compile(r"wp-sitemap\.xml$|-taxonomies-|-users-|-posts-page-")
# Articles first keeps the frontier short; listings feed it.
PRIORITY = {Kind.ARTICLE: 30, Kind.SHORTLINK: 30, Kind.SITEMAP: 20, Kind.FEED: 20, Kind.LISTING: 10, Kind.PAGE: 0}
# How many of the URLs requested last the spider keeps in memory (between this and twice as
# many): menus, sidebars and teasers repeat the same links; older ones are looked up in the frontier.
RECENTLY_REQUESTED = 8192


class ScfrSpider(scrapy.Spider):
    name = "scfr"
    session: ArchiveSession

    def __init__(self, base_url: str = DEFAULT_BASE_URL, langs: str = "en", revisit: str | None = None,
                 full: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.site = SiteUrls(base_url, parse_langs(langs))
        self.base_url = self.site.origin
        self.langs = self.site.langs
        if revisit not in (None, "", "all"):
            raise ValueError(f"revisit must be 'all' (revisit every known article) or left out, not {revisit!r}")
        self.requested_mode = "full" if _flag(full) else "all" if revisit == "all" else "incremental"
        self.crawl_args = {"base_url": self.base_url, "langs": ",".join(self.langs), **kwargs,
                           **({"revisit": revisit} if revisit else {}), **({"full": full} if full else {})}
        # spares Scrapy's middleware chain the links already followed (see already_requested)
        self.requested = RecentSet(RECENTLY_REQUESTED)
        self.sitemap_listed: set[str] = set()  # only kept when known articles are compared against it
        self.sitemaps_complete = True
        self.checked_missing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ScfrSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.policy = load_object(crawler.settings["REVISIT_POLICY"]).from_crawler(
            crawler, spider.site, spider.requested_mode)
        spider.session = ArchiveSession.of(crawler)
        spider.readers = PageReaders.from_crawler(crawler, spider.site)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.readers.close, signal=signals.spider_closed)
        return spider

    # -- scheduling --------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self.request(self.site.url("/robots.txt"), Kind.SITEMAP, callback=self.parse_robots,
                           errback=self.robots_failed)
        for url in self.policy.resume_urls() + self.policy.revisit_urls():
            request = self.follow(url, force=True)
            if request is not None:
                yield request
        for lang in self.langs:
            for path in (f"/{lang}/", f"/{lang}/feed/"):
                request = self.follow(self.site.url(path))
                if request is not None:
                    yield request

    def request(self, url: str, kind: Kind, **kwargs: Any) -> scrapy.Request:
        headers = self.policy.conditional_headers(url, kind)
        meta = {"handle_httpstatus_list": [304]} if headers else {}
        kwargs.setdefault("errback", self.failed)  # no callback: parse(), and one method less to name on the disk queue
        return scrapy.Request(url, headers=headers, meta=meta, priority=PRIORITY[kind], **kwargs)

    def follow(self, url: str, *, lastmod: str | None = None, force: bool = False) -> scrapy.Request | None:
        """A request for ``url`` in its normal form, or None when it is out of
        scope or the revisit policy does not want it."""
        found = self.site.followable(url)
        return None if found is None else self.schedule(*found, lastmod=lastmod, force=force)

    def schedule(self, url: str, kind: Kind, *, lastmod: str | None = None, force: bool = False) -> scrapy.Request | None:
        """A request for ``url``, in normal form and of a kind the crawl follows, unless this
        crawl requested it already or the revisit policy does not want it (``force`` asks anyway)."""
        if not force and self.already_requested(url):
            return None
        if not force and not self.policy.wants(url, kind, lastmod):
            self.crawler.stats.inc_value(f"newsarchive/skipped/known_{kind.value}")
            return None
        self.requested.add(url)
        return self.request(url, kind)

    def already_requested(self, url: str) -> bool:
        """Requested before by this crawl: lately (a bounded set in memory), or at any
        time (the frontier in the archive, one lookup): memory stays flat with the site."""
        if url in self.requested:
            return True
        if queued_by_this_crawl(self.session, url):
            self.requested.add(url)
            return True
        return False

    def follow_all(self, urls: Iterable[str]) -> Iterator[scrapy.Request]:
        for url in urls:
            request = self.follow(url)
            if request is not None:
                yield request

    def default_sitemaps(self) -> list[str]:
        return [self.site.url("/wp-sitemap.xml" if lang == "en" else f"/{lang}/wp-sitemap.xml") for lang in self.langs]

    def spider_idle(self) -> None:
        """Once discovery is done: revisit known articles that the post
        sitemaps no longer list (removed posts answer 404 and are marked gone)."""
        if self.checked_missing:
            return
        self.checked_missing = True
        missing = self.policy.missing_from(self.sitemap_listed) if self.sitemaps_complete else []
        scheduled = 0
        for url in missing:
            request = self.follow(url, force=True)
            if request is not None:
                self.crawler.engine.crawl(request)
                scheduled += 1
        if scheduled:
            logger.info("Revisiting %d known articles that the sitemaps no longer list", scheduled)
            raise DontCloseSpider

    # -- callbacks ---------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        listed = [] if response.status == 304 else list(sitemap_urls_from_robots(response.body, base_url=response.url))
        yield from self.follow_all(listed or self.default_sitemaps())

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        self.failed(failure)
        yield from self.follow_all(self.default_sitemaps())

    async def parse(self, response: Response) -> AsyncIterator[Any]:
        """Route a response by what its final URL (after redirects) is."""
        kind = self.site.kind(self.site.normalize(response.url))
        if response.status == 304:
            self.crawler.stats.inc_value(f"newsarchive/not_modified/{kind.value}")
            if kind is Kind.SITEMAP and _may_list_articles(response.url):
                self.sitemaps_complete = False
            self.crawler.signals.send_catch_log(signal=newsarchive_signals.page_not_modified, url=response.url)
            return
        if kind is Kind.SITEMAP:
            for request in self.parse_sitemap(response):
                yield request
            return
        if not isinstance(response, TextResponse):
            if kind is Kind.ARTICLE:
                self.flag(response, why_unusable(response))
                return
            self.crawler.stats.inc_value("newsarchive/skipped/not_text")
            logger.info("Skipped %s: not a text page (%s)", response.url, response.headers.get("Content-Type"))
            return
        page = await self.readers.read(response.url, kind, response.body, response.encoding, markup_of(response),
                                       datetime.now(timezone.utc).isoformat(timespec="seconds"))
        if kind is Kind.ARTICLE:
            if page.item is None:
                self.flag(response, why_unusable(response))
                return
            page.item.capture_id = response.meta.get("capture_id")
            yield page.item
        if kind is Kind.LISTING:
            for request in self.next_listing_page(page.listing_entries, page.next_page):
                yield request
        for url, link_kind in page.links:
            request = self.schedule(url, link_kind)
            if request is not None:
                yield request

    def flag(self, response: Response, reason: str) -> None:
        """A page at an article URL that holds no article: recorded as a failure, never stored."""
        logger.warning("Flagged %s: %s (not stored)", response.url, reason)
        self.crawler.signals.send_catch_log(
            signal=newsarchive_signals.fetch_failed,
            failure=FetchFailure(url=response.url, reason=reason, status=response.status,
                                 attempts=response.meta.get("retry_times", 0) + 1,
                                 detail=f"{len(response.body)} bytes of {response.headers.get('Content-Type', b'').decode('latin-1')}",
                                 failed_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))

    def next_listing_page(self, entries: list[str], next_page: str | None) -> Iterator[scrapy.Request]:
        """Older entries, while the page still lists articles the archive lacks."""
        if not next_page or self.policy.mode == "full":  # a full walk follows it like any other link
            return
        if any(self.policy.known(self.site.normalize(url)) is None for url in entries):
            request = self.follow(next_page, force=True)
            if request is not None:
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # lxml raises several types on garbage  # noqa: BLE001
            logger.warning("Skipped %s: not a readable sitemap", response.url, exc_info=True)
            self.crawler.stats.inc_value("newsarchive/skipped/bad_sitemap")
            self.sitemaps_complete = self.sitemaps_complete and not _may_list_articles(response.url)
            return
        for entry in sitemap:
            if not entry.get("loc"):
                continue
            url = self.site.normalize(entry["loc"])
            if sitemap.type == "urlset" and self.policy.mode != "full" and self.site.kind(url) is Kind.ARTICLE:
                self.sitemap_listed.add(url)
            request = self.follow(url, lastmod=entry.get("lastmod"))
            if request is not None:
                yield request

    # -- failures ----------------------------------------------------------
    def failed(self, failure: Failure) -> None:
        """Record a URL that could not be fetched (after retries)."""
        request = failure.request
        url = request.meta.get("redirect_urls", [request.url])[0]  # the URL as linked
        reason, status = _reason(failure)
        if self.site.kind(url) is Kind.SITEMAP and _may_list_articles(url):
            self.sitemaps_complete = False
        if reason == "robots_forbidden":
            self.crawler.stats.inc_value("newsarchive/skipped/robots_forbidden")
            logger.info("Skipped %s: forbidden by robots.txt", url)
            return
        logger.warning("Failed %s: %s (%s)", url, reason, failure.getErrorMessage())
        self.crawler.signals.send_catch_log(
            signal=newsarchive_signals.fetch_failed,
            failure=FetchFailure(
                url=url, reason=reason, status=status, attempts=request.meta.get("retry_times", 0) + 1,
                detail=failure.getErrorMessage()[:500],
                failed_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )


def markup_of(response: TextResponse) -> str | None:
    """How parsel should read the response: ``xml`` (feeds), ``html``, or None (guess)."""
    return "xml" if isinstance(response, XmlResponse) else "html" if isinstance(response, HtmlResponse) else None


def _reason(failure: Failure) -> tuple[str, int | None]:
    """A short, stable name for why a fetch failed (the ``failures.reason`` column)."""
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"http_{status}", status
    message = failure.getErrorMessage().lower()
    if "maxsize" in message or "max size" in message or "larger than" in message:
        return "too_large", None
    for exceptions, reason in (
        ((RedirectLoopError,), "redirect_loop"),
        ((OffsiteError,), "offsite"),
        ((BrokenBodyError,), "truncated_body"),
        ((DownloadTimeoutError, TimeoutError, TCPTimedOutError), "timeout"),
        ((CannotResolveHostError, DNSLookupError), "dns"),
        ((DownloadConnectionRefusedError, ConnectionRefusedError), "connection_refused"),
        ((ResponseDataLossError,), "data_loss"),
        ((DownloadFailedError, DownloadCancelledError), "download_failed"),
    ):
        if failure.check(*exceptions):
            return reason, None
    if failure.check(IgnoreRequest):
        if "robots.txt" in message:
            return "robots_forbidden", None
        if "redirect" in message:
            return "too_many_redirects", None
        return "ignored", None
    return type(failure.value).__name__, None


def _may_list_articles(sitemap_url: str) -> bool:
    """WordPress names its sitemaps by content; only post sitemaps list articles."""
    return not NON_POST_SITEMAP.search(sitemap_url)


def _flag(value: str | None) -> bool:
    return str(value or "").strip().lower() in ("1", "true", "yes", "on")
