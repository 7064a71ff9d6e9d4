"""Downloader middlewares of this project."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response
from w3lib.url import safe_url_string

from crawler.pages.blocks import page_blocks
from crawler.session import ArchiveSession
from crawler.urls import ARTICLE_PATH

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RedirectLoopError(IgnoreRequest):
    """A redirect points back at a URL already in its own chain."""


class RedirectLoopMiddleware:
    """Fail a redirect chain as soon as it comes back to a URL it visited.

    Without this, the second visit is silently dropped by the duplicate
    filter and the loop never shows up as a failure. Runs before Scrapy's
    RedirectMiddleware (a higher order number sees responses first).
    """

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in REDIRECT_STATUSES or b"Location" not in response.headers:
            return response
        location = response.headers[b"Location"].decode("latin-1")
        target = safe_url_string(urljoin(request.url, location)).split("#", 1)[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise RedirectLoopError(f"redirect loop: {' -> '.join([*chain, target])}")
        return response


class CaptureMiddleware:
    """Store every HTTP exchange in the archive as it came off the wire.

    Sits next to the downloader (order 950), so it sees each response before
    any middleware changes it: redirects, retried server errors and 304s
    included, bodies still content-encoded as sent, request headers as sent.
    The capture's id is left in ``request.meta["capture_id"]`` for the item.
    """

    def __init__(self, session: ArchiveSession) -> None:
        self.session = session

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CaptureMiddleware:
        if not crawler.settings.getbool("ARCHIVE_CAPTURES"):
            raise NotConfigured("ARCHIVE_CAPTURES is off: raw responses are not kept")
        return cls(ArchiveSession.of(crawler))

    def process_response(self, request: Request, response: Response) -> Response:
        if self.session.open:
            request.meta["capture_id"] = self.session.archive.save_capture(self.session.crawl_id, {
                "url": response.url, "method": request.method, "status": response.status,
                "protocol": response.protocol, "request_headers": _headers(request.headers),
                "response_headers": _headers(response.headers), "body": response.body,
                "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            })
        return response


def _headers(headers) -> dict[str, str]:
    return {key.decode("latin-1"): b", ".join(values).decode("latin-1") for key, values in headers.items()}


class BlockStatsMiddleware:
    """Count, for the boilerplate cleaning, on how many pages of the site each
    text block stands (``blocks`` table): teaser lists, comment prompts,
    footers and notices are the blocks that recur, whatever their markup."""

    def __init__(self, session: ArchiveSession) -> None:
        self.session = session

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BlockStatsMiddleware:
        return cls(ArchiveSession.of(crawler))

    def process_spider_input(self, response: Response) -> None:
        """Article pages only: they carry every template block (sidebars, footer,
        comments) and are what the counts are used on."""
        if (response.status != 200 or not isinstance(response, HtmlResponse) or not self.session.open
                or not ARTICLE_PATH.match(urlsplit(response.url).path)):
            return
        body = response.xpath("//body")
        if body:
            blocks = page_blocks(body[0].root)
            self.session.archive.count_page_blocks(response.url, set(blocks), blocks)
