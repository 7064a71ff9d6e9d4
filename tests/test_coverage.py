"""The coverage audit: every post the site listed is stored, failed, skipped or missing — never lost unseen."""

from __future__ import annotations

import json
import shutil
import sqlite3

from click.testing import CliRunner

from newsarchive.cli import main
from tests.conftest import query
from tests.replica import default_site

SITE = default_site()


def run_audit(archive, *args):
    result = CliRunner().invoke(main, ["audit", "--archive", str(archive), "--format", "json", *args])
    return result.exit_code, json.loads(result.output)


def test_after_a_crawl_every_listed_post_is_stored(first_crawl, replica):
    code, report = run_audit(first_crawl.archive)
    listed = {a.url(replica.base_url) for a in SITE.articles()}
    assert code == 0
    assert report["missing"] == 0 and report["missing_urls"] == []
    assert report["listed"] == report["stored"] == len(listed)
    assert report["editions"]["en"]["stored"] == len(listed)


def test_every_listed_post_is_recorded_with_where_it_was_listed(first_crawl, replica):
    rows = query(first_crawl.archive, "SELECT url, source FROM listed")
    assert {row["url"] for row in rows} == {a.url(replica.base_url) for a in SITE.articles()}
    assert {row["source"] for row in rows} <= {"sitemap", "feed", "listing"}


def test_the_crawl_row_carries_its_coverage(first_crawl):
    crawl = query(first_crawl.archive, "SELECT listed, missing, coverage FROM crawls")[-1]
    assert crawl["missing"] == 0 and crawl["listed"] == len(SITE.articles())
    assert json.loads(crawl["coverage"])["editions"]["en"]["listed"] == len(SITE.articles())


def test_articles_removed_from_a_copy_of_the_archive_are_named_missing(first_crawl, replica, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(first_crawl.archive, copy)
    removed = sorted(a.url(replica.base_url) for a in SITE.articles()[:3])
    db = sqlite3.connect(copy)
    with db:
        db.executemany("DELETE FROM articles WHERE url = ?", [(url,) for url in removed])
    db.close()
    code, report = run_audit(copy)
    assert code == 1
    assert report["missing"] == 3 and report["missing_urls"] == removed
    assert report["editions"]["en"]["missing_urls"] == removed


def test_a_listed_post_that_failed_is_counted_with_its_reason(first_crawl, replica, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(first_crawl.archive, copy)
    url = SITE.articles()[0].url(replica.base_url)
    db = sqlite3.connect(copy)
    with db:
        db.execute("DELETE FROM articles WHERE url = ?", [url])
        db.execute("INSERT INTO failures (url, reason, status, attempts) VALUES (?, 'http_503', 503, 3)", [url])
    db.close()
    code, report = run_audit(copy)
    assert code == 0  # accounted for: failed, with its reason — not missing
    assert (report["failed"], report["failed_by_reason"], report["missing"]) == (1, {"http_503": 1}, 0)


def test_the_audit_of_a_file_that_is_no_archive_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["audit", "--archive", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "none.db" in result.output
