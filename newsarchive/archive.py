"""The SQLite archive: one row per article, a revision per distinct text,
crawl history and fetch failures.

Every write is one transaction, the database runs in WAL mode so readers
(sqlite3, sqlite-utils, Datasette) can read while a crawl writes, and the
schema is brought up to date by migrations on open.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import unicodedata
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from newsarchive.schema import migrations

ARTICLE_FIELDS = ("post_id", "title", "published", "published_raw", "categories", "authors", "tags", "lead",
                  "body", "type", "lang", "images", "template", "fetched_url")
JSON_FIELDS = frozenset({"categories", "authors", "tags", "images"})


class ArchiveError(Exception):
    """The archive cannot be opened or written; the message says why."""


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def content_hash(title: str, body: str) -> str:
    """Identity of an article's text: sha256 over normalised title and body."""
    text = unicodedata.normalize("NFC", f"{title.strip()}\n\n{body.strip()}")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Archive:
    """A newsarchive database file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise ArchiveError(f"cannot create archive {self.path}: folder {self.path.parent} does not exist")
        try:
            self.db = Database(self.path)
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.enable_wal()
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path} is not a usable SQLite archive: {exc}") from exc

    @classmethod
    def open_existing(cls, path: str | os.PathLike[str]) -> Archive:
        """Open an archive for reading commands, which must not create one."""
        if not Path(path).is_file():
            raise ArchiveError(f"no archive at {path}: run a crawl first (newsarchive crawl --archive {path})")
        return cls(path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- crawls ------------------------------------------------------------
    def start_crawl(self, *, spider: str, base_url: str, langs: list[str], args: Mapping[str, Any]) -> int:
        with self.db.atomic():
            table = self.db["crawls"].insert({
                "started_at": utcnow(), "status": "running", "spider": spider, "base_url": base_url,
                "langs": json.dumps(langs), "args": json.dumps(dict(args), sort_keys=True), "pid": os.getpid(),
            })
        return int(table.last_pk)

    def finish_crawl(self, crawl_id: int, *, finish_reason: str, stats: Mapping[str, Any]) -> None:
        """Close a crawl's row with its outcome and the counts from its stats."""
        def count(key: str) -> int:
            return int(stats.get(key, 0) or 0)

        def by_prefix(prefix: str) -> dict[str, int]:
            return {k[len(prefix):]: int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}

        dropped = by_prefix("newsarchive/dropped/")
        with self.db.atomic():
            self.db["crawls"].update(crawl_id, {
                "finished_at": utcnow(),
                "status": "finished" if finish_reason == "finished" else "failed",
                "finish_reason": finish_reason,
                "requests": count("downloader/request_count"),
                "responses_by_status": json.dumps(by_prefix("downloader/response_status_count/")),
                "pages_crawled": count("response_received_count"),
                "items_scraped": count("item_scraped_count"),
                "articles_new": count("newsarchive/articles/new"),
                "articles_changed": count("newsarchive/articles/changed"),
                "articles_unchanged": count("newsarchive/articles/unchanged"),
                "items_dropped": sum(dropped.values()),
                "dropped_by_reason": json.dumps(dropped),
                "failures": count("newsarchive/failures"),
                "stats": json.dumps(dict(stats), default=str, sort_keys=True),
            })

    def crawl(self, crawl_id: int) -> dict[str, Any]:
        return self.db["crawls"].get(crawl_id)

    # -- articles ----------------------------------------------------------
    def save_article(self, article: Mapping[str, Any], crawl_id: int | None) -> str:
        """Store one article atomically; returns ``new``, ``changed`` or ``unchanged``.

        The row is keyed by canonical URL, so every URL that reaches the
        article updates the same row; a revision is added only when the text
        (title + body) differs from the stored one.
        """
        url, fetched_at = article["url"], article.get("fetched_at") or utcnow()
        digest = content_hash(article["title"], article["body"])
        row = {name: (json.dumps(article.get(name) or [], ensure_ascii=False) if name in JSON_FIELDS
                      else article.get(name)) for name in ARTICLE_FIELDS}
        row.update(url=url, content_hash=digest, last_seen=fetched_at, last_crawl_id=crawl_id)
        with self.db.atomic():
            stored = self.db.execute("SELECT content_hash FROM articles WHERE url = ?", [url]).fetchone()
            if stored is None:
                self.db["articles"].insert({**row, "first_seen": fetched_at})
                outcome = "new"
            else:
                self.db["articles"].update(url, row)
                outcome = "unchanged" if stored[0] == digest else "changed"
            if outcome != "unchanged":
                self.db["revisions"].insert({
                    "url": url, "content_hash": digest, "title": article["title"], "body": article["body"],
                    "fetched_at": fetched_at, "fetched_url": article.get("fetched_url"), "crawl_id": crawl_id,
                })
            for alias in {url, article.get("fetched_url") or url}:
                self.db.execute(
                    "INSERT INTO urls (url, article_url, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(url) DO UPDATE SET article_url = excluded.article_url, last_seen = excluded.last_seen",
                    [alias, url, fetched_at, fetched_at],
                )
        return outcome

    def record_failure(self, crawl_id: int | None, failure: Mapping[str, Any]) -> None:
        with self.db.atomic():
            self.db["failures"].insert({
                "crawl_id": crawl_id, "url": failure["url"], "reason": failure["reason"],
                "status": failure.get("status"), "attempts": failure.get("attempts", 1),
                "detail": failure.get("detail", ""), "failed_at": failure.get("failed_at") or utcnow(),
            })
