"""The crawl's seen-set, which also keeps the frontier in the archive.

Every request that passes the filter is recorded as ``queued`` in the
``frontier`` table before it is scheduled, so a killed crawl leaves behind
the list of what it still had to fetch. When resuming an interrupted crawl,
the article pages it already stored count as seen and are not fetched again.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter

from crawler.session import ArchiveSession


class ArchiveDupeFilter(RFPDupeFilter):
    session: ArchiveSession

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveDupeFilter:
        dupefilter = super().from_crawler(crawler)
        dupefilter.session = ArchiveSession.of(crawler)
        for url in dupefilter.session.resume_stored:  # before the crawl opens, so they are not queued again
            dupefilter.request_seen(Request(url))
        return dupefilter

    def request_seen(self, request: Request) -> bool:
        if super().request_seen(request):
            return True
        if self.session.open:
            self.session.archive.mark_queued(request.url, self.session.crawl_id)
        return False
