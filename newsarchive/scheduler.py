"""``newsarchive scheduler``: run an archive's schedules in the foreground.

Built on APScheduler. Policies (documented in the README):

- no two crawls of one archive overlap: a run that comes due while a crawl of
  the archive is going (started by this scheduler or by anyone else) is
  skipped and logged;
- missed runs coalesce: after downtime, a schedule that should have run since
  its last run runs once, at start — never a burst of catch-up runs;
- ``--jitter`` on a schedule delays each run by up to that many seconds;
- each run writes its own log file; its outcome lands in ``crawls`` and in the
  schedule's ``last_run_at`` / ``last_exit``;
- SIGTERM or Ctrl-C stops the scheduler: a running crawl is asked to stop
  (Scrapy's graceful shutdown: in-flight pages finish, the crawl's row says
  ``shutdown``) and resumes on its next run.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
from datetime import datetime, timezone
from pathlib import Path

from apscheduler.schedulers.blocking import BlockingScheduler

from newsarchive.archive import Archive
from newsarchive.lock import ArchiveBusy, CrawlLock
from newsarchive.schedules import Schedule, load, run

logger = logging.getLogger("newsarchive.scheduler")


class Scheduler:
    def __init__(self, archive: str | Path, log_dir: str | Path) -> None:
        self.archive = Path(archive).resolve()
        self.log_dir = Path(log_dir)
        self.busy = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        # max_instances 2: a run that comes due while the previous one is going
        # reaches fire(), which says it is skipped (APScheduler would drop it silently)
        self.scheduler = BlockingScheduler(job_defaults={"coalesce": True, "max_instances": 2,
                                                         "misfire_grace_time": None})

    def run(self) -> None:
        with Archive.open_existing(self.archive) as archive:
            schedules = load(archive)
        if not schedules:
            raise SystemExit(f"no schedules in {self.archive}: add one with `newsarchive schedule add`")
        now = datetime.now(timezone.utc)
        for schedule in schedules:
            self.scheduler.add_job(self.fire, schedule.trigger(), args=[schedule], id=schedule.name,
                                   name=schedule.name)
            if self.missed(schedule, now):
                logger.info("%s: missed a run while the scheduler was down; running it once now", schedule.name)
                self.scheduler.add_job(self.fire, "date", args=[schedule], id=f"{schedule.name}-catch-up")
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info("scheduler started for %s: %s", self.archive,
                    ", ".join(f"{s.name} ({s.cron})" for s in schedules))
        self.scheduler.start()
        logger.info("scheduler stopped")

    @staticmethod
    def missed(schedule: Schedule, now: datetime) -> bool:
        """Whether the schedule came due since its last run (never run: no catch-up)."""
        if not schedule.last_run_at:
            return False
        last = datetime.fromisoformat(schedule.last_run_at)
        due = schedule.trigger().get_next_fire_time(None, last)
        return due is not None and due <= now

    def fire(self, schedule: Schedule) -> None:
        if self.stopping.is_set():
            return
        if not self.busy.acquire(blocking=False) or not self.archive_free():
            logger.warning("%s: skipped, a crawl of %s is still running", schedule.name, self.archive)
            return
        try:
            logger.info("%s: crawl started", schedule.name)
            status, log = run(self.archive, schedule, self.log_dir, on_start=self.started)
            self.process = None
            outcome = {0: "finished", 1: "failed", 2: "finished with a drift alarm"}.get(status, f"exit {status}")
            logger.log(logging.INFO if status == 0 else logging.WARNING, "%s: crawl %s (log %s)", schedule.name,
                       outcome, log)
        finally:
            self.busy.release()

    def started(self, process: subprocess.Popen) -> None:
        self.process = process

    def archive_free(self) -> bool:
        try:
            with CrawlLock(self.archive):
                return True
        except ArchiveBusy:
            return False

    def stop(self, signum: int, frame: object) -> None:
        logger.info("stopping (signal %d)%s", signum, ": asking the running crawl to stop" if self.process else "")
        self.stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)  # Scrapy's graceful shutdown
        threading.Thread(target=self.scheduler.shutdown, kwargs={"wait": True}, daemon=True).start()
