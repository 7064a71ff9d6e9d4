"""The crawl's write-ahead log is copied into the database by a thread of its own."""

from __future__ import annotations

import time
from types import SimpleNamespace

from scrapy.utils.test import get_crawler

from crawler.session import ArchiveSession
from newsarchive.archive import Archive
from newsarchive.checkpoint import BackgroundCheckpointer

SPIDER = SimpleNamespace(name="scfr")


def test_the_log_reaches_the_database_file_without_the_writer_checkpointing(tmp_path):
    archive = Archive(tmp_path / "archive.db")
    archive.db.execute("PRAGMA wal_autocheckpoint = 0")  # the writer never checkpoints
    checkpointer = BackgroundCheckpointer(archive.path, interval=0.05)
    before = archive.path.stat().st_size
    checkpointer.start()
    try:
        with archive.db.atomic():
            archive.db.conn.executemany("INSERT INTO blocks (key, pages, sample) VALUES (?, 1, ?)",
                                        [(n, "x" * 200) for n in range(5000)])
        copied = before + 5000 * 200  # the rows' bytes, in the database file itself
        deadline = time.monotonic() + 10
        while archive.path.stat().st_size <= copied and time.monotonic() < deadline:
            time.sleep(0.05)
        assert archive.path.stat().st_size > copied
    finally:
        checkpointer.stop()
    assert not checkpointer.thread.is_alive()
    archive.close()


def test_a_crawl_session_checkpoints_in_the_background_and_stops_with_the_crawl(tmp_path):
    crawler = get_crawler(settings_dict={"ARCHIVE_DB": str(tmp_path / "archive.db"), "ARCHIVE_COMMIT_INTERVAL": 0})
    session = ArchiveSession.of(crawler)
    session.spider_opened(SPIDER)
    assert session.checkpointer.thread.is_alive()
    assert session.archive.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > 1000  # a backstop only
    session.spider_closed(SPIDER, "finished")
    assert not session.checkpointer.thread.is_alive()
