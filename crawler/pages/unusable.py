"""Why a response at an article URL holds no article: it is flagged and
recorded as a failure, never stored."""

from __future__ import annotations

import re

from scrapy.http import Response, TextResponse

CHALLENGE = re.compile(
    rb"just a moment\.\.\.|checking your browser|cf-challenge|cf-browser-verification|challenge-platform"
    rb"|enable javascript and cookies to continue|are you a robot|captcha|attention required", re.I)


def why_unusable(response: Response) -> str:
    """``challenge_page``, ``empty_page``, ``binary_page``, ``not_text`` or ``not_an_article``."""
    if response.headers.get(b"cf-mitigated") or CHALLENGE.search(response.body[:20000]):
        return "challenge_page"
    if not response.body.strip():
        return "empty_page"
    if not isinstance(response, TextResponse):
        return "not_text"
    sample = response.body[:4096]
    if b"\x00" in sample or sum(byte < 9 or 13 < byte < 32 for byte in sample) > len(sample) // 20:
        return "binary_page"
    return "not_an_article"
