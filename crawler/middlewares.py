"""Downloader middlewares of this project."""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from w3lib.url import safe_url_string

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
