"""Downloader middlewares on their own, with Scrapy's objects (crawls of the replica test them end to end)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares import MetaRefreshMiddleware

BASE = "http://127.0.0.1:8000"
REFRESH_PAGE = ('<html><head><meta http-equiv="Refresh" content="0; url=/en/moved/"><title>Moved</title></head>'
                '<body>' + "x" * 100_000 + '</body></html>')


def responded(body: bytes, encoding: str = "utf-8"):
    middleware = MetaRefreshMiddleware.from_crawler(get_crawler())
    request = Request(f"{BASE}/en/old/")
    response = HtmlResponse(request.url, body=body, encoding=encoding, request=request)
    return middleware.process_response(request, response), response


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_meta_refresh_page_is_followed(encoding):
    result, _ = responded(REFRESH_PAGE.encode(encoding), encoding)
    # (Scrapy itself appends the UTF-16 byte order mark to the query of the URL it reads there)
    assert isinstance(result, Request) and urlsplit(result.url)[:3] == urlsplit(f"{BASE}/en/moved/")[:3]


def test_a_page_without_meta_refresh_is_passed_on():
    page = "<html><head><title>Article</title></head><body>" + "متن " * 20_000 + "</body></html>"
    result, response = responded(page.encode("utf-8"))
    assert result is response


def test_a_refresh_past_scrapys_window_is_not_followed():
    """Scrapy reads the first 4 096 characters for it; so does this middleware."""
    late = "<html><head><title>Article</title></head><body>" + "x" * 20_000 + REFRESH_PAGE + "</body></html>"
    result, response = responded(late.encode("utf-8"))
    assert result is response
