"""Downloader middlewares of this project."""

from __future__ import annotations

import logging
import re
import struct
import zlib
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares import redirect as scrapy_redirect
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response
from twisted.internet.defer import Deferred
from w3lib.url import safe_url_string

from crawler.session import ArchiveSession

logger = logging.getLogger(__name__)
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


class OriginScopeMiddleware:
    """No request leaves the crawled origin — not even one a redirect points
    elsewhere (another host, port or scheme): it fails as ``offsite``, logged
    with its URL, before robots.txt of the other origin is even asked for."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OriginScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        site = getattr(self.crawler.spider, "site", None)
        if site is not None and not site.in_scope(request.url):
            self.crawler.stats.inc_value("newsarchive/offsite_blocked")
            raise OffsiteError(f"offsite: {request.url} is not on {site.origin}")


class OffsiteError(IgnoreRequest):
    """A request (usually a redirect) to another origin than the one crawled."""


class DecompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression, failing a gzip or deflate body that stops before its end.

    Scrapy inflates what arrived and carries on, so a cut-off page would be
    stored as a shorter article. A gzip body is whole when the inflated bytes
    have the CRC-32 and the length that the stream's trailer declares (one CRC
    pass, where inflating the page a second time cost ~4 % of the crawl's
    thread); otherwise — deflate, several gzip members, a mismatch — the bytes
    as received are inflated again, strictly. The capture (order 950) keeps
    the broken bytes for provenance; a body that inflates past
    ``DOWNLOAD_MAXSIZE`` is failed by Scrapy's decompression limit."""

    CODINGS = (b"gzip", b"x-gzip", b"deflate")

    def process_response(self, request: Request, response: Response) -> Request | Response:
        coding = response.headers.get(b"Content-Encoding", b"").lower()
        if coding not in self.CODINGS or not response.body or request.method == "HEAD":
            return super().process_response(request, response)
        received = response.body
        try:
            decoded = super().process_response(request, response)
        except (OSError, EOFError, zlib.error) as exc:  # nothing could be inflated
            raise BrokenBodyError(f"broken {coding.decode()} body: {exc}") from exc
        if not isinstance(decoded, Response):
            return decoded
        if coding == b"deflate" or not _gzip_trailer_fits(received, decoded.body):
            _inflate_whole(received, coding)
        return decoded


def _gzip_trailer_fits(received: bytes, inflated: bytes) -> bool:
    """Whether a gzip stream's last 8 bytes are the CRC-32 and the length (mod 2³²) of ``inflated``."""
    if len(received) < 18:  # header and trailer
        return False
    crc, size = struct.unpack("<II", received[-8:])
    return size == len(inflated) & 0xFFFFFFFF and crc == zlib.crc32(inflated)


def _inflate_whole(received: bytes, coding: bytes) -> None:
    """Inflate a stream to its end marker, or fail it as broken or truncated."""
    decoder = zlib.decompressobj(zlib.MAX_WBITS if coding == b"deflate" else 16 + zlib.MAX_WBITS)
    data = received
    try:
        while data and not decoder.eof:
            decoder.decompress(data, 1 << 20)
            data = decoder.unconsumed_tail
    except zlib.error as exc:
        raise BrokenBodyError(f"broken {coding.decode()} body: {exc}") from exc
    if not decoder.eof:
        raise BrokenBodyError(f"truncated {coding.decode()} body: the stream ends before its end marker")


class BrokenBodyError(IgnoreRequest):
    """A response body that cannot be a whole page (truncated or corrupt compression)."""


class LyingCharsetMiddleware:
    """Trust the bytes over a lying header: a page declared ISO-8859-1 or
    windows-1252 whose bytes are valid UTF-8 with non-ASCII characters (and
    whose ``<meta charset>`` says UTF-8) is read as UTF-8."""

    SINGLE_BYTE = ("iso-8859-1", "latin-1", "latin1", "cp1252", "windows-1252", "us-ascii", "ascii")

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, HtmlResponse) or response.encoding.lower() not in self.SINGLE_BYTE:
            return response
        head = response.body[:2048].lower()
        if b'charset="utf-8"' not in head and b"charset=utf-8" not in head:
            return response
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            return response
        return response.replace(encoding="utf-8")


class MetaRefreshMiddleware(scrapy_redirect.MetaRefreshMiddleware):
    """Scrapy's ``<meta http-equiv="refresh">`` redirects, without decoding every page
    to look for one: Scrapy decodes the whole body (100 KB here) and reads its first
    4 096 characters; a page whose first 16 KiB (4 096 characters in any encoding that
    writes ASCII as ASCII) do not say "refresh" has none. A page with a UTF-16 byte
    order mark is read as Scrapy reads it."""

    WINDOW = 4 * 4096
    REFRESH = re.compile(rb"refresh", re.IGNORECASE)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if (isinstance(response, HtmlResponse) and not response.body.startswith((b"\xff\xfe", b"\xfe\xff"))
                and not self.REFRESH.search(response.body, 0, self.WINDOW)):
            return response
        return super().process_response(request, response)


class RobotsTxtRfcMiddleware(RobotsTxtMiddleware):
    """robots.txt as RFC 9309 reads failures: a 4xx means no rules (crawl
    allowed), a 5xx means the whole site is disallowed for now — Scrapy would
    parse the error page and allow everything.

    Also: while robots.txt is being fetched, Scrapy (2.19) lets every request
    but the first one that waited for it through unchecked (the shared
    Deferred's result is consumed by the first waiter's future), so the start
    requests of a crawl could ignore robots.txt. The parser is read back from
    the middleware's own table once the wait is over."""

    async def robot_parser(self, request: Request):
        await super().robot_parser(request)
        parser = self._parsers.get(urlsplit(request.url).netloc)
        return None if isinstance(parser, Deferred) else parser

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            logger.warning("robots.txt of %s answered %d: treating the site as disallowed (RFC 9309)", netloc,
                           response.status)
            response = response.replace(body=b"User-agent: *\nDisallow: /\n")
        elif response.status >= 400:
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)
