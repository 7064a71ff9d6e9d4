"""The SQLite archive on a real file: dedup by canonical URL, revisions, crawls, schema."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.archive import Archive, ArchiveError

CHECK_ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "check_archive.py"
URL = "https://www.scfr.ir/en/defense-security/101850/securing-iran-pakistans-border/"


def article(**fields) -> dict:
    return {"url": URL, "fetched_url": URL, "title": "Securing Iran-Pakistan Border", "published": "2019-04-13",
            "categories": ["Defense & Security", "News"], "authors": [], "lead": "Strategic Council Online: Lead.",
            "body": "Strategic Council Online: Lead.\n\nText.", "lang": "en", "type": "News",
            "fetched_at": "2026-01-01T00:00:00+00:00", **fields}


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as store:
        yield store


def test_first_save_is_new_with_one_revision(archive):
    assert archive.save_article(article(), None) == "new"
    assert archive.db["articles"].count == 1
    assert archive.db["revisions"].count == 1


def test_same_article_from_another_url_updates_the_same_row(archive):
    archive.save_article(article(), None)
    outcome = archive.save_article(article(fetched_url=URL + "amp/", fetched_at="2026-02-01T00:00:00+00:00"), None)
    row = archive.db["articles"].get(URL)
    assert (outcome, archive.db["articles"].count, archive.db["revisions"].count) == ("unchanged", 1, 1)
    assert (row["first_seen"], row["last_seen"]) == ("2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00")
    assert {r["url"] for r in archive.db["urls"].rows_where("article_url = ?", [URL])} == {URL, URL + "amp/"}


def test_changed_text_adds_a_revision_and_shows_the_newest(archive):
    archive.save_article(article(), None)
    assert archive.save_article(article(body="Strategic Council Online: Lead.\n\nEdited."), None) == "changed"
    assert archive.db["revisions"].count == 2
    assert archive.db["articles"].get(URL)["body"].endswith("Edited.")


def test_full_text_index_follows_the_articles(archive):
    archive.save_article(article(), None)
    archive.save_article(article(body="Strategic Council Online: Lead.\n\nBaluchistan."), None)
    hits = list(archive.db["articles"].search("Baluchistan"))
    assert [h["url"] for h in hits] == [URL]
    assert list(archive.db["articles"].search("Text")) == []


def test_archive_runs_in_wal_mode(archive):
    assert archive.db.journal_mode == "wal"


def test_reopening_applies_no_migration_twice(tmp_path):
    with Archive(tmp_path / "a.db") as first:
        applied = [r["name"] for r in first.db["_sqlite_migrations"].rows]
    with Archive(tmp_path / "a.db") as again:
        assert [r["name"] for r in again.db["_sqlite_migrations"].rows] == applied
    assert applied[0] == "m001_initial" and len(applied) == len(set(applied))


def test_crawl_row_records_outcome_and_counts(archive):
    crawl_id = archive.start_crawl(spider="scfr", base_url="https://www.scfr.ir", langs=["en"], args={})
    archive.finish_crawl(crawl_id, finish_reason="finished", stats={
        "downloader/request_count": 12, "downloader/response_status_count/200": 10,
        "downloader/response_status_count/404": 2, "newsarchive/articles/new": 3,
        "newsarchive/dropped/missing_date": 1, "newsarchive/failures": 2})
    row = archive.crawl(crawl_id)
    assert (row["status"], row["requests"], row["articles_new"], row["items_dropped"], row["failures"]) == \
        ("finished", 12, 3, 1, 2)
    assert row["responses_by_status"] == '{"200": 10, "404": 2}'


def test_interface_checker_accepts_the_archive(archive):
    archive.save_article(article(), None)
    result = subprocess.run([sys.executable, str(CHECK_ARCHIVE), str(archive.path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive(tmp_path / "nowhere" / "archive.db")


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the droids " * 100)
    with pytest.raises(ArchiveError, match="not a usable SQLite archive"):
        Archive(path)


def test_reading_commands_do_not_create_an_archive(tmp_path):
    with pytest.raises(ArchiveError, match="no archive"):
        Archive.open_existing(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_other_connections_can_read_while_a_write_is_open(archive):
    archive.save_article(article(), None)
    reader = sqlite3.connect(archive.path)
    archive.db.execute("BEGIN IMMEDIATE")
    archive.db.execute("UPDATE articles SET title = 'x'")
    assert reader.execute("SELECT title FROM articles").fetchone() == ("Securing Iran-Pakistan Border",)
    archive.db.conn.rollback()


def stored_urls(path: Path) -> list[str]:
    """What another process reading the archive sees."""
    reader = sqlite3.connect(path)
    try:
        return [row[0] for row in reader.execute("SELECT url FROM articles ORDER BY url")]
    finally:
        reader.close()


def test_held_commits_become_visible_together_at_commit(archive):
    archive.hold_commits()
    archive.save_article(article(), None)
    archive.save_article(article(url=URL + "2/", fetched_url=URL + "2/"), None)
    assert stored_urls(archive.path) == []
    archive.commit()
    assert stored_urls(archive.path) == [URL, URL + "2/"]


def test_a_failed_write_while_commits_are_held_keeps_the_others(archive):
    archive.hold_commits()
    archive.save_article(article(), None)
    with pytest.raises(sqlite3.ProgrammingError):  # fails at the revision, after the row and its index entry
        archive.save_article(article(url=URL + "2/", fetched_url=object()), None)
    archive.commit()
    assert stored_urls(archive.path) == [URL]
    assert archive.db["revisions"].count == 1
    archive.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises if out of step


def test_closing_commits_what_was_held(tmp_path):
    archive = Archive(tmp_path / "archive.db")
    archive.hold_commits()
    archive.save_article(article(), None)
    archive.close()
    assert stored_urls(tmp_path / "archive.db") == [URL]


def test_block_counts_keep_a_blocks_text_once_it_repeats(archive):
    texts = {1: "Share This", 2: "A paragraph of one article."}
    archive.count_page_blocks(URL, {1, 2}, texts)
    archive.count_page_blocks(URL + "2/", {1}, texts)
    assert [dict(r) for r in archive.db.query("SELECT key, pages, sample FROM blocks ORDER BY key")] == [
        {"key": 1, "pages": 2, "sample": "Share This"}, {"key": 2, "pages": 1, "sample": None}]
