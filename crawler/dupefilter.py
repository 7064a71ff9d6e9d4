"""The crawl's seen-set, which also keeps the frontier in the archive.

Every request that passes the filter is recorded as ``queued`` in the
``frontier`` table before it is scheduled, so a killed crawl leaves behind
the list of what it still had to fetch. When resuming an interrupted crawl,
the article pages it already stored count as seen and are not fetched again.

The frontier is also the seen-set: a URL that it holds for this crawl
(queued, fetched or failed) was seen. Scrapy's ``RFPDupeFilter`` would keep
a fingerprint of every URL in memory, growing with the site; here memory
holds only the fingerprints of what an interrupted crawl stored.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter

from crawler.session import ArchiveSession


class ArchiveDupeFilter(RFPDupeFilter):
    """Seen: in the frontier for this crawl, or stored by the crawl this one resumes.
    With ``JOBDIR`` set, Scrapy's own seen-set (its ``requests.seen`` file) decides."""

    session: ArchiveSession
    resumed: set[bytes]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveDupeFilter:
        dupefilter = super().from_crawler(crawler)
        dupefilter.session = ArchiveSession.of(crawler)
        # the frontier knows them under the interrupted crawl's id, which does not count as seen
        dupefilter.resumed = {dupefilter.fingerprinter.fingerprint(Request(url))
                              for url in dupefilter.session.resume_stored}
        return dupefilter

    def request_seen(self, request: Request) -> bool:
        if self.resumed and self.fingerprinter.fingerprint(request) in self.resumed:
            return True
        if self.file is not None or not self.session.open:  # JOBDIR, or before the crawl has a row
            seen = super().request_seen(request)
        else:
            seen = self.in_frontier(request.url)
        if not seen and self.session.open:
            self.session.archive.mark_queued(request.url, self.session.crawl_id)
        return seen

    def in_frontier(self, url: str) -> bool:
        return queued_by_this_crawl(self.session, url)


def queued_by_this_crawl(session: ArchiveSession, url: str) -> bool:
    """Whether the session's crawl already queued, fetched or failed ``url``: one
    primary-key lookup in the frontier, the crawl's seen-set on disk."""
    if not session.open:
        return False
    row = session.archive.db.execute("SELECT crawl_id FROM frontier WHERE url = ?", [url]).fetchone()
    return row is not None and row[0] == session.crawl_id
