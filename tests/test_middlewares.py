"""Downloader middlewares on their own, with Scrapy's objects (crawls of the replica test them end to end)."""

from __future__ import annotations

import gzip
import zlib
from urllib.parse import urlsplit

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.middlewares import BrokenBodyError, DecompressionMiddleware, MetaRefreshMiddleware

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


PAGE = ("<html><body>" + "".join(f"<p>Paragraph {n} of the article.</p>" for n in range(3000)) + "</body></html>").encode()


def decompressed(body: bytes, coding: str):
    middleware = DecompressionMiddleware.from_crawler(get_crawler())
    request = Request(f"{BASE}/en/article/")
    response = Response(request.url, body=body, headers={"Content-Type": "text/html", "Content-Encoding": coding},
                        request=request)
    return middleware.process_response(request, response)


@pytest.mark.parametrize(("coding", "compress"), [
    ("gzip", gzip.compress), ("deflate", zlib.compress),
    ("gzip", lambda data: gzip.compress(data[:1000]) + gzip.compress(data[1000:])),  # two members
])
def test_a_whole_compressed_page_is_inflated(coding, compress):
    response = decompressed(compress(PAGE), coding)
    assert isinstance(response, HtmlResponse) and response.body == PAGE


@pytest.mark.parametrize(("coding", "compress"), [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_a_page_cut_short_fails_as_truncated(coding, compress):
    body = compress(PAGE)
    with pytest.raises(BrokenBodyError, match="truncated"):
        decompressed(body[: len(body) // 2], coding)


def test_a_gzip_page_whose_trailer_was_cut_off_fails_too():
    """All the text arrived, only the end marker (CRC-32 and length) is missing."""
    with pytest.raises(BrokenBodyError, match="truncated"):
        decompressed(gzip.compress(PAGE)[:-8], "gzip")


def test_a_corrupt_gzip_page_fails_as_broken():
    body = bytearray(gzip.compress(PAGE))
    body[20:40] = b"\xff" * 20
    with pytest.raises(BrokenBodyError, match="broken|truncated"):
        decompressed(bytes(body), "gzip")
