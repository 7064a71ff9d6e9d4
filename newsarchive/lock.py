"""One crawl at a time per archive.

An exclusive ``flock`` on ``ARCHIVE.lock``, held for the whole crawl. The
operating system releases it when the process ends, however it ends (even
SIGKILL), so a stale lock never blocks the next crawl, and a crawl row still
``running`` while the lock is free is known to have been interrupted.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class ArchiveBusy(Exception):
    """Another crawl is writing to the archive."""


class CrawlLock:
    def __init__(self, archive: str | os.PathLike[str]) -> None:
        self.path = Path(f"{os.fspath(archive)}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise ArchiveBusy(
                f"another crawl (pid {holder}) is writing to {self.path.with_suffix('')}: "
                "wait for it to finish, or stop it (a stopped crawl resumes on the next run)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None

    def __enter__(self) -> CrawlLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
