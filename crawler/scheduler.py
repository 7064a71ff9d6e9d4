"""Scrapy's scheduler with its request queue spilling to disk for every crawl.

Scrapy keeps the requests waiting to be fetched in memory unless ``JOBDIR``
is set; a crawl of the whole site queues every post of the sitemaps at once,
so that queue would grow with the site (about a kilobyte per request). Here
each crawl gets Scrapy's disk queues (``SCHEDULER_DISK_QUEUE``) in a private
directory beside the archive, removed when the crawl closes. The first
``NEWSARCHIVE_MEMORY_QUEUE`` requests waiting stay in memory (a request on
disk is pickled and read back: a tenth of the crawl's own CPU per page when
every request went there); only the requests beyond wait on disk.

The directory is scratch space, never state: a killed crawl resumes from the
frontier in the archive (``crawler.dupefilter``, ``crawler.session``), not
from this queue. A directory left behind by a killed crawl is removed by the
next crawl of the same archive, which holds the archive's crawl lock, so no
other crawl can be using it. With ``JOBDIR`` set, Scrapy's own job directory
is used and kept, as Scrapy documents.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import shutil
import tempfile
from pathlib import Path

from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.utils.job import job_dir
from twisted.internet.defer import Deferred

from crawler.session import ArchiveSession

logger = logging.getLogger(__name__)


class ArchiveScheduler(Scheduler):
    """Queues requests on disk (``NEWSARCHIVE_DISK_QUEUE``) in a temporary
    directory (``NEWSARCHIVE_DISK_QUEUE_DIR``, default: beside ``ARCHIVE_DB``),
    for crawls into an archive; any other spider gets Scrapy's own scheduler."""

    private_dir: Path | None = None
    memory_room = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveScheduler:
        scheduler = super().from_crawler(crawler)
        settings = crawler.settings
        # the spider and the dupefilter have opened the session (and taken the archive's crawl lock)
        # by now; a spider that writes no archive (benchmarks/bare_spider.py) keeps Scrapy's queue
        session = ArchiveSession.opened(crawler)
        if job_dir(settings) or not settings.getbool("NEWSARCHIVE_DISK_QUEUE", True) or session is None:
            return scheduler
        parent = Path(settings.get("NEWSARCHIVE_DISK_QUEUE_DIR") or Path(session.path).resolve().parent)
        prefix = queue_dir_prefix(session.path)
        remove_stale_queues(parent, prefix)
        scheduler.private_dir = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        queue = scheduler.private_dir / "requests.queue"
        queue.mkdir()
        scheduler.dqdir = str(queue)
        scheduler.memory_room = settings.getint("NEWSARCHIVE_MEMORY_QUEUE")
        return scheduler

    def _dqpush(self, request) -> bool:
        """On disk only once the memory queue is full (Scrapy then queues it in memory)."""
        if len(self.mqs) < self.memory_room:
            return False
        return super()._dqpush(request)

    def close(self, reason: str) -> Deferred[None] | None:
        try:
            return super().close(reason)
        finally:
            if self.private_dir is not None:
                shutil.rmtree(self.private_dir, ignore_errors=True)


def queue_dir_prefix(archive_path: str) -> str:
    """``NAME.queue-HASH-``: one archive's queue directories, whichever folder holds them
    (the hash of the archive's absolute path tells apart archives of the same name)."""
    path = Path(archive_path).resolve()
    return f"{path.name}.queue-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}-"


def remove_stale_queues(parent: Path, prefix: str) -> None:
    """Queue directories that killed crawls of this archive left behind. Only call
    while holding the archive's crawl lock: then none of them is in use."""
    for stale in parent.glob(glob.escape(prefix) + "*"):
        if stale.is_dir():
            logger.info("Removing %s, the request queue of a crawl that did not close", stale)
            shutil.rmtree(stale, ignore_errors=True)
