"""What a crawl into an archive that already knows the site fetches again.

Chosen with the ``REVISIT_POLICY`` setting; the spider asks it before it
requests a URL. Modes (spider arguments):

- ``incremental`` (default once the archive holds articles of the editions
  crawled): new articles are fetched; known ones only when due — recent
  articles more often than old ones (``REVISIT_AFTER_DAYS``) — or when a
  sitemap's ``lastmod`` differs from the one it gave for the version stored
  (or, for articles stored before the sitemap gave one, is later than the last
  visit), or when they vanished
  from the post sitemaps (so deletions are noticed). Listings: only each
  edition's home page, and its older pages while they still list articles the
  archive does not have. Requests for pages fetched before are conditional
  (If-None-Match / If-Modified-Since), so an unchanged page costs a 304.
- ``all`` (``-a revisit=all``): as incremental, but every known article is
  revisited (conditionally).
- ``full`` (``-a full=1``, and the first crawl of an archive): ignore what is
  known and walk everything, unconditionally.

A crawl resuming an interrupted one keeps that crawl's mode.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler

from crawler.session import ArchiveSession
from crawler.urls import Kind, SiteUrls

MODES = ("incremental", "all", "full")
DEFAULT_REVISIT_AFTER_DAYS = ((2, 0.25), (14, 1), (90, 7), (None, 30))
"""(articles up to this many days old, are revisited after this many days); None: any age."""


class RevisitPolicy:
    def __init__(self, session: ArchiveSession, site: SiteUrls, requested_mode: str,
                 revisit_after: tuple = DEFAULT_REVISIT_AFTER_DAYS, now: datetime | None = None) -> None:
        if requested_mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {requested_mode!r}")
        self.archive = session.archive
        self.session = session
        self.site = site
        self.revisit_after = revisit_after
        self.now = now or datetime.now(timezone.utc)
        resumed_mode = session.interrupted.get("mode") if session.interrupted else None
        if resumed_mode == "full" or not self.archive.has_articles(site.langs):
            self.mode = "full"
        else:
            self.mode = requested_mode

    @classmethod
    def from_crawler(cls, crawler: Crawler, site: SiteUrls, requested_mode: str) -> RevisitPolicy:
        revisit_after = tuple(tuple(pair) for pair in crawler.settings.getlist("REVISIT_AFTER_DAYS")) \
            or DEFAULT_REVISIT_AFTER_DAYS
        return cls(ArchiveSession.of(crawler), site, requested_mode, revisit_after)

    # -- what to fetch -----------------------------------------------------
    def wants(self, url: str, kind: Kind, lastmod: str | None = None) -> bool:
        if self.mode == "full" or kind in (Kind.FEED, Kind.SITEMAP):
            return True
        if kind in (Kind.ARTICLE, Kind.SHORTLINK):
            known = self.known(url)
            return known is None or self.mode == "all" or self.due(known, lastmod)
        if kind is Kind.LISTING:
            return urlsplit(url).path in {f"/{lang}/" for lang in self.site.langs}
        return False

    def known(self, url: str) -> dict[str, Any] | None:
        return self.archive.known_article(url, self.site.lang_of(url) or "en")

    def due(self, known: dict[str, Any], lastmod: str | None = None) -> bool:
        """Whether a known article should be fetched again now."""
        if known["gone_since"]:
            return False
        last_seen = datetime.fromisoformat(known["last_seen"])
        if lastmod and known.get("visited_lastmod"):
            # the sitemap's date for the version stored: any other date means the post changed,
            # whatever the clocks say (the site's clock and time zone are not ours)
            if lastmod.strip() != known["visited_lastmod"].strip():
                return True
        else:
            modified = _parse_time(lastmod) if lastmod else None
            if modified and modified >= last_seen:  # >=: timestamps have 1 s resolution
                return True
        age = (self.now.date() - date.fromisoformat(known["published"])).days
        for max_age, after in self.revisit_after:
            if max_age is None or age <= max_age:
                return (self.now - last_seen).total_seconds() >= float(after) * 86400
        return False

    def conditional_headers(self, url: str, kind: Kind) -> dict[str, str]:
        """Validators from the last fetch of ``url``; none in full mode, and
        none for the sitemap index, whose bytes do not change when posts do."""
        if self.mode == "full" or (kind is Kind.SITEMAP and url.endswith("/wp-sitemap.xml")):
            return {}
        etag, last_modified = self.archive.validators(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    # -- what to schedule besides discovery --------------------------------
    def resume_urls(self) -> list[str]:
        """What an interrupted crawl still had queued."""
        return list(self.session.resume_queued)

    def revisit_urls(self) -> list[str]:
        """Every known article of the editions, in ``all`` mode."""
        return self.archive.article_urls(self.site.langs, include_gone=False) if self.mode == "all" else []

    def missing_from(self, listed: set[str]) -> list[str]:
        """Known articles absent from a complete read of the post sitemaps: removed, or moved."""
        if self.mode == "full" or not listed:
            return []
        return [url for url in self.archive.article_urls(self.site.langs, include_gone=False) if url not in listed]


def _parse_time(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
