"""The SQLite archive: one row per article, a revision per distinct text,
crawl history and fetch failures.

Every write is one transaction, the database runs in WAL mode so readers
(sqlite3, sqlite-utils, Datasette) can read while a crawl writes, and the
schema is brought up to date by migrations on open.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from newsarchive.persian import search_key
from newsarchive.schema import migrations

ARTICLE_FIELDS = ("post_id", "title", "published", "published_raw", "categories", "authors", "tags", "lead",
                  "body", "type", "lead_prefix", "lang", "images", "template", "fetched_url", "extraction",
                  "translations")
JSON_FIELDS = frozenset({"categories", "authors", "tags", "images", "extraction", "translations"})
POST_ID = re.compile(r"/(\d+)/[^/?#]+/?(?:[?#]|$)|[?&]p=(\d+)")


class ArchiveError(Exception):
    """The archive cannot be opened or written; the message says why."""


class SearchError(ArchiveError):
    """A full-text query that SQLite cannot read; the message says why, in one line."""


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def payload_digest(body: bytes) -> str:
    """WARC-style payload digest: ``sha1:`` and the base32 SHA-1 of the bytes."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


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
            # In WAL mode NORMAL survives a killed process (only power loss can
            # drop the last commits, never corrupt); FULL would fsync every write.
            self.db.execute("PRAGMA synchronous = NORMAL")
            # 64 MiB of page cache (SQLite's default is 2 MiB): the indexes a crawl looks up and
            # updates at random (frontier, block counts) outgrow 2 MiB within a few thousand articles.
            self.db.execute("PRAGMA cache_size = -65536")
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
        self.commit()
        self.db.close()

    def _insert(self, table: str, row: Mapping[str, Any]) -> int:
        """A plain INSERT (sqlite-utils' insert() inspects the table on every call: too slow per page)."""
        columns = ", ".join(f"[{name}]" for name in row)
        marks = ", ".join("?" for _ in row)
        return self.db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values())).lastrowid

    # -- group commit --------------------------------------------------------
    def hold_commits(self) -> None:
        """Gather the writes that follow into one open transaction, until ``commit()``.

        Every write method is atomic on its own; while commits are held, each
        becomes a savepoint of the open transaction instead of a commit of its
        own. A crawl writes a dozen statements per page: committing them once a
        second (``ARCHIVE_COMMIT_INTERVAL``) makes writing several times faster,
        and a killed crawl still leaves a consistent archive, short of the last
        interval's pages, which the resumed crawl fetches again.
        """
        if not self.db.conn.in_transaction:
            self.db.conn.execute("BEGIN")

    def commit(self) -> None:
        """Commit what the held transaction gathered (no-op when nothing is open)."""
        if self.db.conn.in_transaction:
            self.db.conn.execute("COMMIT")

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- crawls ------------------------------------------------------------
    def start_crawl(self, *, spider: str, base_url: str, langs: list[str], args: Mapping[str, Any],
                    mode: str = "full", resumed_from: int | None = None) -> int:
        with self.db.atomic():
            table = self.db["crawls"].insert({
                "started_at": utcnow(), "status": "running", "spider": spider, "base_url": base_url,
                "langs": json.dumps(langs), "args": json.dumps(dict(args), sort_keys=True), "pid": os.getpid(),
                "mode": mode, "resumed_from": resumed_from,
            })
        return int(table.last_pk)

    def interrupt_stale_crawls(self) -> dict[str, Any] | None:
        """Mark crawls left ``running`` by a killed process as ``interrupted``;
        returns the newest of them (the one to resume), if any. Call only while
        holding the crawl lock, so that no crawl can really be running."""
        stale = list(self.db.query("SELECT * FROM crawls WHERE status = 'running' ORDER BY id"))
        with self.db.atomic():
            for crawl in stale:
                self.db["crawls"].update(crawl["id"], {"status": "interrupted", "finish_reason": "killed"})
        return stale[-1] if stale else None

    def resume_plan(self, crawl_id: int) -> tuple[list[str], list[str]]:
        """(URLs still queued, article URLs already stored) by an interrupted crawl.

        Validators of the other pages it fetched are forgotten, so that the
        resuming crawl fetches them in full and sees their links again."""
        queued = [r[0] for r in self.db.execute(
            "SELECT url FROM frontier WHERE crawl_id = ? AND state = 'queued' ORDER BY discovered_at", [crawl_id])]
        stored = [r[0] for r in self.db.execute(
            "SELECT url FROM urls WHERE article_url IN (SELECT url FROM articles WHERE last_crawl_id = ?)", [crawl_id])]
        with self.db.atomic():
            self.db.execute(
                "UPDATE frontier SET etag = NULL, last_modified = NULL WHERE crawl_id = ? "
                "AND url NOT IN (SELECT url FROM urls WHERE article_url IN "
                "(SELECT url FROM articles WHERE last_crawl_id = ?))", [crawl_id, crawl_id])
        return queued, stored

    def finish_crawl(self, crawl_id: int, *, finish_reason: str, stats: Mapping[str, Any],
                     coverage: Mapping[str, Any] | None = None) -> None:
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
                "articles_not_modified": count("newsarchive/articles/not_modified"),
                "articles_gone": count("newsarchive/articles/gone"),
                "items_dropped": sum(dropped.values()),
                "dropped_by_reason": json.dumps(dropped),
                "failures": count("newsarchive/failures"),
                "drift": json.dumps(stats.get("newsarchive/drift") or []),
                "listed": coverage["listed"] if coverage else None,
                "missing": coverage["missing"] if coverage else None,
                "coverage": json.dumps(coverage, ensure_ascii=False) if coverage else None,
                "stats": json.dumps(dict(stats), default=str, sort_keys=True),
            })

    def crawl(self, crawl_id: int) -> dict[str, Any]:
        return self.db["crawls"].get(crawl_id)

    # -- articles ----------------------------------------------------------
    def save_article(self, article: Mapping[str, Any], crawl_id: int | None, capture_id: int | None = None) -> str:
        """Store one article atomically; returns ``new``, ``changed`` or ``unchanged``.

        The row is keyed by canonical URL, so every URL that reaches the
        article updates the same row; a revision is added only when the text
        (title + body) differs from the stored one.
        """
        url, fetched_at = article["url"], article.get("fetched_at") or utcnow()
        digest = content_hash(article["title"], article["body"])
        row = {name: (json.dumps([] if article.get(name) is None else article[name], ensure_ascii=False)
                      if name in JSON_FIELDS else article.get(name)) for name in ARTICLE_FIELDS if name in article}
        row.update(url=url, content_hash=digest, last_seen=fetched_at, last_crawl_id=crawl_id, gone_since=None,
                   search_text=search_key(f"{article['title']}\n{article['body']}"))
        with self.db.atomic():
            stored = self.db.execute("SELECT content_hash FROM articles WHERE url = ?", [url]).fetchone()
            if stored is None:
                self._insert("articles", {**row, "first_seen": fetched_at})
                outcome = "new"
            else:
                assignments = ", ".join(f"[{name}] = ?" for name in row)
                self.db.execute(f"UPDATE articles SET {assignments} WHERE url = ?", [*row.values(), url])
                outcome = "unchanged" if stored[0] == digest else "changed"
            if outcome != "unchanged":
                self._insert("revisions", {
                    "url": url, "content_hash": digest, "title": article["title"], "body": article["body"],
                    "fetched_at": fetched_at, "fetched_url": article.get("fetched_url"), "crawl_id": crawl_id,
                    "capture_id": capture_id,
                })
            self._aliases(url, {url, article.get("fetched_url") or url, *(article.get("via_urls") or ())}, fetched_at)
        return outcome

    def add_aliases(self, article_url: str, urls: list[str]) -> None:
        """More URLs that reached a stored article (a duplicate fetch of it, a shortlink)."""
        with self.db.atomic():
            if self.db.execute("SELECT 1 FROM articles WHERE url = ?", [article_url]).fetchone():
                self._aliases(article_url, set(urls), utcnow())

    def _aliases(self, url: str, aliases: set[str], seen_at: str) -> None:
        for alias in aliases:
            self.db.execute(
                "INSERT INTO urls (url, article_url, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET article_url = excluded.article_url, last_seen = excluded.last_seen",
                [alias, url, seen_at, seen_at],
            )
        self._visited(aliases)

    def _visited(self, urls: set[str] | list[str]) -> None:
        """The listing dates seen so far are those of the version now stored."""
        marks = ", ".join("?" for _ in urls)
        self.db.execute(f"UPDATE listed SET visited_lastmod = lastmod WHERE url IN ({marks}) "
                        "AND visited_lastmod IS NOT lastmod", list(urls))

    def replace_text(self, url: str, *, body: str, lead: str, extraction: Mapping[str, Any]) -> bool:
        """Re-cleaned text of the same capture: the article and its latest
        revision are corrected in place (the site did not change, our cleaning
        did). Returns whether anything changed."""
        with self.db.atomic():
            row = self.db.execute("SELECT title, body, content_hash FROM articles WHERE url = ?", [url]).fetchone()
            if row is None or row[1] == body:
                return False
            digest = content_hash(row[0], body)
            self.db.execute("UPDATE articles SET body = ?, lead = ?, content_hash = ?, extraction = ?, search_text = ? "
                            "WHERE url = ?", [body, lead, digest, json.dumps(extraction, ensure_ascii=False),
                                              search_key(f"{row[0]}\n{body}"), url])
            self.db.execute("UPDATE revisions SET body = ?, content_hash = ? WHERE id = "
                            "(SELECT max(id) FROM revisions WHERE url = ? AND content_hash = ?)",
                            [body, digest, url, row[2]])
        return True

    # -- what cleaning learns about the site -------------------------------
    def count_page_blocks(self, url: str, keys: set[int], samples: Mapping[int, str]) -> bool:
        """Count the blocks of a page's current version (its previous version uncounted);
        returns whether the page was not counted before."""
        with self.db.atomic():
            old = self.db.execute("SELECT keys FROM page_blocks WHERE url = ?", [url]).fetchone()
            previous = set(json.loads(old[0])) if old else set()
            if previous == keys:
                return old is None
            self.db.conn.executemany("UPDATE blocks SET pages = pages - 1 WHERE key = ?", [[k] for k in previous - keys])
            # a block's text is kept once it stands on a second page: most blocks are an
            # article's own paragraphs, and rows a tenth the size keep the table in the cache
            self.db.conn.executemany(
                "INSERT INTO blocks (key, pages) VALUES (?, 1) "
                "ON CONFLICT(key) DO UPDATE SET pages = pages + 1, sample = coalesce(sample, ?)",
                [[k, samples.get(k, "")[:200]] for k in keys - previous])
            self.db.execute("INSERT OR REPLACE INTO page_blocks (url, keys) VALUES (?, ?)",
                            [url, json.dumps(sorted(keys))])
        return old is None

    def block_pages(self, keys: list[int]) -> dict[int, int]:
        """On how many pages of the site each block stands."""
        found: dict[int, int] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update(self.db.execute(f"SELECT key, pages FROM blocks WHERE key IN ({marks})", chunk).fetchall())
        return found

    def pages_counted(self) -> int:
        return self.db.execute("SELECT count(*) FROM page_blocks").fetchone()[0]

    def leads(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT lead FROM articles WHERE lead IS NOT NULL")]

    def set_pending_cleanup(self, url: str, crawl_id: int | None, paragraphs: list[str] | None,
                            lead: str | None) -> None:
        """Keep an article's paragraphs as extracted, to clean it again when the crawl ends;
        ``None`` when nothing was removed (the stored body is those paragraphs: not written twice)."""
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO pending_cleanup (url, crawl_id, paragraphs, lead) VALUES (?, ?, ?, ?)",
                            [url, crawl_id, None if paragraphs is None else json.dumps(paragraphs, ensure_ascii=False),
                             lead])

    def pending_cleanup(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """The stored articles waiting to be cleaned again, in URL order, with their paragraphs as
        extracted and their ``extraction`` record; read a batch at a time (all at once would cost
        memory in proportion to the crawl)."""
        after = ""
        while rows := self.db.execute(
                "SELECT p.url, p.paragraphs, a.body, a.extraction FROM pending_cleanup p JOIN articles a "
                "ON a.url = p.url WHERE p.url > ? ORDER BY p.url LIMIT ?", [after, batch]).fetchall():
            for url, paragraphs, body, extraction in rows:
                yield {"url": url, "paragraphs": body.split("\n\n") if paragraphs is None else json.loads(paragraphs),
                       "extraction": extraction}
            after = rows[-1][0]

    def clear_pending_cleanup(self) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM pending_cleanup")

    def record_failure(self, crawl_id: int | None, failure: Mapping[str, Any]) -> bool:
        """Store a failed fetch; a known article answering 404 or 410 is marked
        gone (and kept). Returns whether an article was newly marked gone."""
        failed_at = failure.get("failed_at") or utcnow()
        with self.db.atomic():
            self._insert("failures", {
                "crawl_id": crawl_id, "url": failure["url"], "reason": failure["reason"],
                "status": failure.get("status"), "attempts": failure.get("attempts", 1),
                "detail": failure.get("detail", ""), "failed_at": failed_at,
            })
            self.db.execute(
                "INSERT INTO frontier (url, state, crawl_id, attempts, last_status, last_error, discovered_at) "
                "VALUES (?, 'failed', ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET state = 'failed', "
                "crawl_id = excluded.crawl_id, attempts = excluded.attempts, last_status = excluded.last_status, "
                "last_error = excluded.last_error",
                [failure["url"], crawl_id, failure.get("attempts", 1), failure.get("status"), failure["reason"],
                 failed_at])
            if failure.get("status") not in (404, 410):
                return False
            gone = self.db.execute(
                "UPDATE articles SET gone_since = ? WHERE gone_since IS NULL AND url = "
                "(SELECT article_url FROM urls WHERE url = ?)", [failed_at, failure["url"]])
            return gone.rowcount > 0

    # -- frontier and captures ---------------------------------------------
    def mark_queued(self, url: str, crawl_id: int | None) -> None:
        """Note that this crawl will fetch ``url`` (kept across a kill)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO frontier (url, state, crawl_id, attempts, discovered_at) VALUES (?, 'queued', ?, 0, ?) "
                "ON CONFLICT(url) DO UPDATE SET state = 'queued', crawl_id = excluded.crawl_id, attempts = 0 "
                "WHERE frontier.crawl_id IS NOT excluded.crawl_id", [url, crawl_id, utcnow()])

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last received for ``url``, for a conditional request."""
        row = self.db.execute("SELECT etag, last_modified FROM frontier WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_capture(self, crawl_id: int | None, capture: Mapping[str, Any]) -> int:
        """Store one HTTP exchange; identical payloads are stored once."""
        body: bytes = capture.get("body") or b""
        digest = payload_digest(body) if capture["status"] != 304 else None
        fetched_at = capture.get("fetched_at") or utcnow()
        headers = {k.lower(): v for k, v in capture.get("response_headers", {}).items()}
        with self.db.atomic():
            if digest is not None:
                # a gzip/deflate/br payload does not shrink again: not worth the CPU
                packed = zlib.compress(body, 6) if not headers.get("content-encoding") else body
                encoding, data = ("zlib", packed) if len(packed) < len(body) else ("identity", body)
                self.db.execute(
                    "INSERT OR IGNORE INTO payloads (digest, encoding, data, length, stored_length) VALUES (?, ?, ?, ?, ?)",
                    [digest, encoding, data, len(body), len(data)])
            capture_id = self._insert("captures", {
                "crawl_id": crawl_id, "url": capture["url"], "method": capture.get("method", "GET"),
                "status": capture["status"], "protocol": capture.get("protocol"),
                "request_headers": json.dumps(capture.get("request_headers", {})),
                "response_headers": json.dumps(capture.get("response_headers", {})),
                "payload_digest": digest, "fetched_at": fetched_at,
            })
            self.db.execute(
                "INSERT INTO frontier (url, state, crawl_id, attempts, last_status, etag, last_modified, discovered_at, "
                "fetched_at) VALUES (?, 'fetched', ?, 1, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "state = 'fetched', crawl_id = excluded.crawl_id, attempts = frontier.attempts + 1, "
                "last_status = excluded.last_status, fetched_at = excluded.fetched_at, "
                "etag = CASE WHEN excluded.last_status = 304 THEN frontier.etag ELSE excluded.etag END, "
                "last_modified = CASE WHEN excluded.last_status = 304 THEN frontier.last_modified "
                "ELSE excluded.last_modified END",
                [capture["url"], crawl_id, capture["status"], _first(headers.get("etag")),
                 _first(headers.get("last-modified")), fetched_at, fetched_at])
        return capture_id

    def payload(self, digest: str) -> bytes:
        """A payload exactly as received (still content-encoded, as WARC keeps it)."""
        encoding, data = self.db.execute("SELECT encoding, data FROM payloads WHERE digest = ?", [digest]).fetchone()
        return zlib.decompress(data) if encoding == "zlib" else data

    def capture_content(self, capture_id: int) -> bytes:
        """A capture's body as the page's bytes: payload with its Content-Encoding (gzip, deflate) undone."""
        digest, headers = self.db.execute(
            "SELECT payload_digest, response_headers FROM captures WHERE id = ?", [capture_id]).fetchone()
        if digest is None:
            return b""
        body = self.payload(digest)
        coding = {k.lower(): v for k, v in json.loads(headers).items()}.get("content-encoding", "").lower()
        if coding in ("gzip", "x-gzip"):
            return zlib.decompress(body, 16 + zlib.MAX_WBITS)
        if coding == "deflate":
            return zlib.decompress(body)
        return body

    def touch_article(self, url: str, seen_at: str, crawl_id: int | None) -> bool:
        """An unchanged article (304): only ``last_seen`` moves. Returns whether it is known."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE articles SET last_seen = ?, last_crawl_id = ?, gone_since = NULL "
                "WHERE url = (SELECT article_url FROM urls WHERE url = ?)", [seen_at, crawl_id, url])
            if cursor.rowcount:
                self._visited([url])
        return cursor.rowcount > 0

    def known_article(self, url: str, lang: str = "en") -> dict[str, Any] | None:
        """What the archive knows of the article that ``url`` reaches, if any:
        by any URL that reached it before, else by its post id (shortlinks,
        changed slugs)."""
        columns = "a.url, a.published, a.last_seen, a.gone_since, (SELECT visited_lastmod FROM listed WHERE url = ?)"
        row = self.db.execute(f"SELECT {columns} FROM urls u JOIN articles a ON a.url = u.article_url "
                              "WHERE u.url = ?", [url, url]).fetchone()
        post_id = post_id_in_url(url)
        if row is None and post_id is not None:
            row = self.db.execute(f"SELECT {columns} FROM articles a WHERE post_id = ? AND lang = ?",
                                  [url, post_id, lang]).fetchone()
        return dict(zip(("url", "published", "last_seen", "gone_since", "visited_lastmod"), row)) if row else None

    # -- what the site lists -------------------------------------------------
    def record_listed(self, entries: Iterable[tuple[str, str | None]], *, lang: str | None, source: str,
                      source_url: str, crawl_id: int | None) -> None:
        """Post URLs a sitemap, feed or listing named (with the sitemap's ``lastmod``):
        what the coverage audit accounts for (``newsarchive.coverage``)."""
        now, rows = utcnow(), list(entries)
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT INTO listed (url, lang, source, source_url, lastmod, first_listed, last_listed, crawl_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET source = excluded.source, "
                "source_url = excluded.source_url, lastmod = coalesce(excluded.lastmod, listed.lastmod), "
                "last_listed = excluded.last_listed, crawl_id = excluded.crawl_id",
                [(url, lang, source, source_url, lastmod, now, now, crawl_id) for url, lastmod in rows])
            # stored by this crawl before its sitemap was read: the dates listed now are the stored version's
            for start in range(0, len(rows), 500):
                urls = [url for url, lastmod in rows[start:start + 500] if lastmod]
                if not urls:
                    continue
                marks = ", ".join("?" for _ in urls)
                self.db.execute(
                    f"UPDATE listed SET visited_lastmod = lastmod WHERE visited_lastmod IS NULL AND url IN ({marks}) "
                    "AND url IN (SELECT u.url FROM urls u JOIN articles a ON a.url = u.article_url "
                    "WHERE a.last_crawl_id = ?)", [*urls, crawl_id])

    def record_skipped(self, url: str, reason: str, crawl_id: int | None) -> None:
        """A listed URL the crawl chose not to fetch (``robots``, ``scope``, …), for the audit."""
        with self.db.atomic():
            self.db.execute("UPDATE listed SET skipped = ?, crawl_id = coalesce(?, crawl_id) WHERE url = ?",
                            [reason, crawl_id, url])

    def has_articles(self, langs: list[str] | tuple[str, ...]) -> bool:
        marks = ", ".join("?" for _ in langs)
        return self.db.execute(f"SELECT 1 FROM articles WHERE lang IN ({marks}) LIMIT 1", list(langs)).fetchone() \
            is not None

    def article_urls(self, langs: list[str] | tuple[str, ...], include_gone: bool = True) -> list[str]:
        marks = ", ".join("?" for _ in langs)
        gone = "" if include_gone else " AND gone_since IS NULL"
        return [r[0] for r in self.db.execute(
            f"SELECT url FROM articles WHERE lang IN ({marks}){gone} ORDER BY url", list(langs))]


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def post_id_in_url(url: str) -> int | None:
    """The WordPress post id in an article URL (``/{category}/{id}/{slug}/``) or a shortlink (``?p={id}``)."""
    match = POST_ID.search(url)
    return int(match.group(1) or match.group(2)) if match else None
