"""Why a response holds no article: it is flagged and recorded as a failure,
never stored. A bot wall (a CDN's "Just a moment…" challenge) is recognised
on any page, whatever its status: it is never an article, and a crawl that
meets mostly walls stops (see the spider)."""

from __future__ import annotations

import re

from scrapy.http import Response, TextResponse

CHALLENGE = re.compile(
    rb"just a moment\.\.\.|checking your browser|cf-challenge|cf-browser-verification|challenge-platform"
    rb"|enable javascript and cookies to continue|are you a robot|captcha|attention required", re.I)


# Every page of the site sits in the Divi frame; a challenge page has none of it.
SITE_FRAME = (b"page-container", b"et-main-area", b"wp-content")


def is_challenge(response: Response) -> bool:
    """A bot wall rather than the site: the CDN says so (``cf-mitigated``), or the page
    has a challenge's words or script and none of the site's frame."""
    if response.headers.get(b"cf-mitigated"):
        return True
    head = response.body[:20000]
    return not any(marker in head for marker in SITE_FRAME) and CHALLENGE.search(head) is not None


def why_unusable(response: Response) -> str:
    """``challenge``, ``empty_page``, ``binary_page``, ``not_text`` or ``not_an_article``."""
    if is_challenge(response):
        return "challenge"
    if not response.body.strip():
        return "empty_page"
    if not isinstance(response, TextResponse):
        return "not_text"
    sample = response.body[:4096]
    if b"\x00" in sample or sum(byte < 9 or 13 < byte < 32 for byte in sample) > len(sample) // 20:
        return "binary_page"
    return "not_an_article"
