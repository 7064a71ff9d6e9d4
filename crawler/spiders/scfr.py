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
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
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
from crawler.pages.unusable import is_challenge, why_unusable
from crawler.recent import RecentSet
from crawler.session import ArchiveSession
from crawler.urls import DEFAULT_BASE_URL, Kind, SiteUrls, parse_langs
from crawler.useragent import user_agent, warn_without_contact
from newsarchive.crawl import is_loopback

logger = logging.getLogger(__name__)

NON_POST_SITEMAP = re.compile(r"wp-sitemap\.xml$|-taxonomies-|-users-|-posts-page-")
POST_SITEMAP = re.compile(r"-posts-post-\d+\.xml$")
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
        self.walls = WallWatch()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ScfrSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.policy = load_object(crawler.settings["REVISIT_POLICY"]).from_crawler(
            crawler, spider.site, spider.requested_mode)
        spider.session = ArchiveSession.of(crawler)
        spider.user_agent = user_agent(crawler.settings)  # Scrapy's UserAgentMiddleware takes the spider's
        warn_without_contact(crawler.settings, spider.site.origin, is_loopback(spider.site.origin))
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
        if self.walls.seen(response, is_challenge(response)):
            self.flag(response, "challenge")
            if self.walls.blocked():
                self.stop_at_wall()
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
        if page.item is not None:
            if kind is not Kind.ARTICLE:  # the page says it is a post; its URL did not (visible, never lost)
                self.crawler.stats.inc_value(f"newsarchive/articles_at/{kind.value}_url")
            page.item.capture_id = response.meta.get("capture_id")
            page.item.via_urls = [self.site.normalize(url) for url in response.meta.get("redirect_urls", ())]
            yield page.item
        elif page.says_post or (kind is Kind.ARTICLE and page.says_post is None):
            self.flag(response, "post_without_text" if page.says_post else why_unusable(response))
            return
        elif kind is Kind.ARTICLE:
            self.crawler.stats.inc_value("newsarchive/pages/post_like_url_not_a_post")
            logger.info("Read %s as a page: a post-like URL, but the page says it is not a single post", response.url)
        if page.listed:
            self.record_listed(((url, None) for url in page.listed), kind.value, response.url)
        if kind is Kind.LISTING:
            for request in self.next_listing_page(page.listing_entries, page.next_page):
                yield request
        for url, link_kind in page.links:
            request = self.schedule(url, link_kind)
            if request is not None:
                yield request

    def stop_at_wall(self) -> None:
        """Most recent pages were bot walls: going on would only hammer the wall."""
        if self.walls.stopping:
            return
        self.walls.stopping = True
        logger.error("Stopping the crawl: %d of the last %d pages were challenge pages (a bot wall, not the site). "
                     "Nothing was stored from them; rerun later, or from an address the site lets through, "
                     "and the crawl resumes.", self.walls.recent_challenges, len(self.walls.recent))
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="challenge"))

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

    def record_listed(self, entries: Iterable[tuple[str, str | None]], source: str, source_url: str) -> None:
        """Post URLs the site named, by edition: what ``newsarchive audit`` accounts for."""
        by_lang: dict[str | None, list[tuple[str, str | None]]] = {}
        for url, lastmod in entries:
            by_lang.setdefault(self.site.lang_of(url), []).append((url, lastmod))
        for lang, listed in by_lang.items():
            self.session.archive.record_listed(listed, lang=lang, source=source, source_url=source_url,
                                               crawl_id=self.session.crawl_id)
        self.crawler.stats.inc_value(f"newsarchive/listed/{source}", sum(map(len, by_lang.values())))

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # lxml raises several types on garbage  # noqa: BLE001
            logger.warning("Skipped %s: not a readable sitemap", response.url, exc_info=True)
            self.crawler.stats.inc_value("newsarchive/skipped/bad_sitemap")
            self.sitemaps_complete = self.sitemaps_complete and not _may_list_articles(response.url)
            return
        posts = sitemap.type == "urlset" and POST_SITEMAP.search(response.url) is not None
        listed = []
        for entry in sitemap:
            if not entry.get("loc"):
                continue
            found = self.site.followable(entry["loc"].strip())
            if found is None:  # another origin or an edition not crawled: counted, never fetched
                self.crawler.stats.inc_value("newsarchive/skipped/sitemap_out_of_scope")
                continue
            url, kind = found
            if posts:  # a post sitemap lists posts, whatever their URLs look like
                kind = Kind.ARTICLE if kind is Kind.PAGE else kind
                listed.append((url, entry.get("lastmod")))
                if self.policy.mode != "full" and kind is Kind.ARTICLE:
                    self.sitemap_listed.add(url)
            request = self.schedule(url, kind, lastmod=entry.get("lastmod"))
            if request is not None:
                yield request
        if listed:
            self.record_listed(listed, "sitemap", response.url)

    # -- failures ----------------------------------------------------------
    def failed(self, failure: Failure) -> None:
        """Record a URL that could not be fetched (after retries)."""
        request = failure.request
        url = request.meta.get("redirect_urls", [request.url])[0]  # the URL as linked
        reason, status = _reason(failure)
        if failure.check(HttpError):
            wall = self.walls.seen(failure.value.response, is_challenge(failure.value.response))
            reason = "challenge" if wall else reason
            if self.walls.blocked():
                self.stop_at_wall()
        if self.site.kind(url) is Kind.SITEMAP and _may_list_articles(url):
            self.sitemaps_complete = False
        if reason == "robots_forbidden":
            self.crawler.stats.inc_value("newsarchive/skipped/robots_forbidden")
            self.session.archive.record_skipped(url, "robots", self.session.crawl_id)
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


class WallWatch:
    """The last pages' verdicts, challenge page or not: a crawl behind a bot wall stops."""

    WINDOW = 50
    MIN_CHALLENGES = 10
    SHARE = 0.8

    def __init__(self) -> None:
        self.recent: deque[bool] = deque(maxlen=self.WINDOW)
        self.recent_challenges = 0
        self.stopping = False

    def seen(self, response: Response, challenge: bool) -> bool:
        if len(self.recent) == self.WINDOW and self.recent[0]:
            self.recent_challenges -= 1
        self.recent.append(challenge)
        self.recent_challenges += challenge
        return challenge

    def blocked(self) -> bool:
        return self.recent_challenges >= self.MIN_CHALLENGES and self.recent_challenges >= self.SHARE * len(self.recent)


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
