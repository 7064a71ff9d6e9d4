"""The crawl's connection to its archive, shared by the components that write.

One session per crawler: it takes the archive's crawl lock, opens the
archive, marks crawls that a killed process left ``running`` as interrupted
(the newest is resumed), records the crawl's own row from start to finish,
and stores what the spider reports through signals (failed fetches,
unchanged pages). Articles come through ``pipelines.archive``, raw captures
through ``crawler.middlewares.CaptureMiddleware``, the frontier through
``crawler.dupefilter``.
"""

from __future__ import annotations

import logging
import resource
from typing import Any
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from crawler import signals as newsarchive_signals
from crawler.items import FetchFailure
from newsarchive.archive import Archive, utcnow
from newsarchive.coverage import audit
from newsarchive.checkpoint import BACKSTOP_PAGES, BackgroundCheckpointer
from newsarchive.lock import CrawlLock

logger = logging.getLogger(__name__)


class ArchiveSession:
    _sessions: WeakKeyDictionary[Crawler, ArchiveSession] = WeakKeyDictionary()

    @classmethod
    def of(cls, crawler: Crawler) -> ArchiveSession:
        """The crawler's session, opened on first use."""
        if crawler not in cls._sessions:
            cls._sessions[crawler] = cls(crawler)
        return cls._sessions[crawler]

    @classmethod
    def opened(cls, crawler: Crawler) -> ArchiveSession | None:
        """The crawler's session if one of its components opened it (a crawl into an
        archive), else None: for components that must not open an archive themselves."""
        return cls._sessions.get(crawler)

    def __init__(self, crawler: Crawler) -> None:
        path = crawler.settings.get("ARCHIVE_DB")
        if not path:
            raise NotConfigured("ARCHIVE_DB is empty: set it to the archive's file name, e.g. -s ARCHIVE_DB=archive.db")
        self.crawler = crawler
        self.path = path
        self.lock = CrawlLock(path)
        self.lock.acquire()
        try:
            self.archive = Archive(path)
        except Exception:
            self.lock.release()
            raise
        self.interrupted: dict[str, Any] | None = self.archive.interrupt_stale_crawls()
        self.resume_queued, self.resume_stored = (
            self.archive.resume_plan(self.interrupted["id"]) if self.interrupted else ([], []))
        self.crawl_id: int | None = None
        self.commit_interval = crawler.settings.getfloat("ARCHIVE_COMMIT_INTERVAL")
        self.committer: LoopingCall | None = None  # made once the crawl runs: a LoopingCall installs a reactor
        self.checkpointer: BackgroundCheckpointer | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.fetch_failed, signal=newsarchive_signals.fetch_failed)
        crawler.signals.connect(self.not_modified, signal=newsarchive_signals.page_not_modified)

    @property
    def open(self) -> bool:
        return self.crawl_id is not None

    def spider_opened(self, spider) -> None:
        policy = getattr(spider, "policy", None)
        self.crawl_id = self.archive.start_crawl(
            spider=spider.name, base_url=getattr(spider, "base_url", ""), langs=list(getattr(spider, "langs", [])),
            args=getattr(spider, "crawl_args", {}), mode=getattr(policy, "mode", "full"),
            resumed_from=self.interrupted["id"] if self.interrupted else None,
        )
        self.crawler.stats.set_value("newsarchive/crawl_id", self.crawl_id)
        self.checkpointer = BackgroundCheckpointer(self.path)
        self.archive.db.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
        self.checkpointer.start()
        if self.commit_interval > 0:  # the crawl row above is committed: a kill leaves a "running" crawl to resume
            self.archive.hold_commits()
            self.committer = LoopingCall(self.commit)
            self.committer.start(self.commit_interval, now=False)
        resumed = f", resuming interrupted crawl {self.interrupted['id']}" if self.interrupted else ""
        logger.info("Archiving into %s as crawl %d (%s mode%s)", self.path, self.crawl_id,
                    getattr(policy, "mode", "full"), resumed)

    def commit(self) -> None:
        """Commit the writes of the last interval and gather the next ones."""
        self.archive.commit()
        self.archive.hold_commits()

    def spider_closed(self, spider, reason: str) -> None:
        if self.committer is not None and self.committer.running:
            self.committer.stop()
        self.archive.commit()
        if self.checkpointer is not None:
            self.checkpointer.stop()
        usage = resource.getrusage(resource.RUSAGE_SELF)  # the page readers' CPU is their own
        self.crawler.stats.set_value("newsarchive/crawl_process_cpu_s", round(usage.ru_utime + usage.ru_stime, 2))
        if self.crawl_id is not None:
            coverage = audit(self.archive, list(getattr(spider, "langs", ())) or None)
            self.crawler.stats.set_value("newsarchive/coverage/listed", coverage.total.listed)
            self.crawler.stats.set_value("newsarchive/coverage/missing", coverage.total.missing)
            if coverage.total.missing:
                logger.warning("Coverage: %d of %d posts the site listed are not in the archive, neither failed nor "
                               "skipped (`newsarchive audit --archive %s` lists them); a rerun fetches them",
                               coverage.total.missing, coverage.total.listed, self.path)
            self.archive.finish_crawl(self.crawl_id, finish_reason=reason, stats=self.crawler.stats.get_stats(),
                                      coverage=coverage.as_dict(limit=100))
        self.archive.close()
        self.lock.release()

    def fetch_failed(self, failure: FetchFailure) -> None:
        self.crawler.stats.inc_value("newsarchive/failures")
        self.crawler.stats.inc_value(f"newsarchive/failures/{failure.reason}")
        if self.archive.record_failure(self.crawl_id, vars(failure)):
            self.crawler.stats.inc_value("newsarchive/articles/gone")
            logger.info("Gone: %s answered %s; the article stays in the archive, marked gone", failure.url,
                        failure.status)

    def not_modified(self, url: str) -> None:
        if self.archive.touch_article(url, utcnow(), self.crawl_id):
            self.crawler.stats.inc_value("newsarchive/articles/unchanged")
            self.crawler.stats.inc_value("newsarchive/articles/not_modified")
