"""Write-ahead-log checkpoints in a thread of their own, for long write sessions.

In WAL mode SQLite appends each commit to the log, and the connection that
commits copies the log into the database file (a checkpoint, two fsyncs)
whenever the log passes 1 000 pages. A crawl commits every second: on a large
archive, where each commit dirties thousands of scattered pages (full-text
index, block counts, frontier), those checkpoints were a tenth of the crawl's
time on its only thread (benchmarks/README.md). Here a second connection, in a
thread, checkpoints instead (SQLite releases the GIL while it works), and the
writer's own automatic checkpoint is kept only as a backstop.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

BACKSTOP_PAGES = 16384
"""The writer still checkpoints itself once the log passes this many pages (64 MiB
with 4 KiB pages), should this thread fall behind."""


class BackgroundCheckpointer:
    """Checkpoints ``path`` every ``interval`` seconds (PASSIVE: never blocks the
    writer or readers), from ``start()`` until ``stop()``."""

    def __init__(self, path: str | Path, interval: float = 1.0) -> None:
        self.path = str(path)
        self.interval = interval
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()

    def _run(self) -> None:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            while not self.stopping.wait(self.interval):
                try:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error as exc:  # a busy or locked moment: the next round, or the backstop, catches up
                    logger.debug("WAL checkpoint of %s skipped: %s", self.path, exc)
        finally:
            db.close()
