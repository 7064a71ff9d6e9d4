"""The archive's schema, as an ordered set of migrations.

Table and column names of ``articles``, ``revisions`` and ``crawls`` are an
interface other tools rely on: add columns in new migrations, never rename.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsarchive")


@migrations()
def m001_initial(db: Database) -> None:
    db["crawls"].create(
        {
            "id": int, "started_at": str, "finished_at": str, "status": str, "finish_reason": str,
            "spider": str, "base_url": str, "langs": str, "args": str, "pid": int,
            "requests": int, "responses_by_status": str, "pages_crawled": int, "items_scraped": int,
            "articles_new": int, "articles_changed": int, "articles_unchanged": int,
            "items_dropped": int, "dropped_by_reason": str, "failures": int, "stats": str,
        },
        pk="id",
    )
    db["articles"].create(
        {
            "url": str, "post_id": int, "title": str, "published": str, "published_raw": str,
            "categories": str, "authors": str, "tags": str, "lead": str, "body": str, "type": str,
            "lang": str, "images": str, "template": str, "content_hash": str,
            "first_seen": str, "last_seen": str, "fetched_url": str, "last_crawl_id": int,
        },
        pk="url",
        not_null={"title", "published", "body", "content_hash"},
        foreign_keys=[("last_crawl_id", "crawls", "id")],
    )
    for columns in (["published"], ["lang"], ["type"], ["post_id"]):
        db["articles"].create_index(columns)
    db["revisions"].create(
        {"id": int, "url": str, "content_hash": str, "title": str, "body": str, "fetched_at": str,
         "fetched_url": str, "crawl_id": int},
        pk="id",
        not_null={"url", "content_hash", "body"},
        foreign_keys=[("url", "articles", "url"), ("crawl_id", "crawls", "id")],
    )
    db["revisions"].create_index(["url", "fetched_at"])
    db["urls"].create(
        {"url": str, "article_url": str, "first_seen": str, "last_seen": str},
        pk="url",
        foreign_keys=[("article_url", "articles", "url")],
    )
    db["urls"].create_index(["article_url"])
    db["failures"].create(
        {"id": int, "crawl_id": int, "url": str, "reason": str, "status": int, "attempts": int,
         "detail": str, "failed_at": str},
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["failures"].create_index(["crawl_id"])
    db["failures"].create_index(["url"])


@migrations(transactional=False)  # enable_fts runs a script, which commits on its own
def m002_full_text_index(db: Database) -> None:
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61 remove_diacritics 2",
                              replace=True)


@migrations()
def m003_captures_frontier_history(db: Database) -> None:
    """Raw captures (deduplicated payloads), the crawl frontier, gone articles."""
    db["payloads"].create(
        {"digest": str, "encoding": str, "data": bytes, "length": int, "stored_length": int},
        pk="digest",
    )
    db["captures"].create(
        {"id": int, "crawl_id": int, "url": str, "method": str, "status": int, "protocol": str,
         "request_headers": str, "response_headers": str, "payload_digest": str, "fetched_at": str},
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id"), ("payload_digest", "payloads", "digest")],
    )
    db["captures"].create_index(["url", "fetched_at"])
    db["captures"].create_index(["payload_digest"])
    db["frontier"].create(
        {"url": str, "state": str, "crawl_id": int, "attempts": int, "last_status": int, "last_error": str,
         "etag": str, "last_modified": str, "discovered_at": str, "fetched_at": str},
        pk="url",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["frontier"].create_index(["crawl_id", "state"])
    db["revisions"].add_column("capture_id", int, fk="captures", fk_col="id")
    db["articles"].add_column("gone_since", str)
    db["crawls"].add_column("mode", str)
    db["crawls"].add_column("resumed_from", int)
    db["crawls"].add_column("articles_gone", int)
    db["crawls"].add_column("articles_not_modified", int)


@migrations()
def m004_block_statistics_and_drift(db: Database) -> None:
    """What boilerplate cleaning learns about the site, and extraction records."""
    db["blocks"].create({"key": int, "pages": int, "sample": str}, pk="key")
    db["page_blocks"].create({"url": str, "keys": str}, pk="url")
    db["pending_cleanup"].create({"url": str, "crawl_id": int, "paragraphs": str, "lead": str}, pk="url")
    db["articles"].add_column("extraction", str)
    db["crawls"].add_column("drift", str)


@migrations(transactional=False)  # rebuilding the full-text index runs scripts, which commit on their own
def m005_persian_search_and_translations(db: Database) -> None:
    """A search key for Persian text in the full-text index; links between editions."""
    from newsarchive.persian import search_key

    db["articles"].add_column("search_text", str)
    db["articles"].add_column("translations", str)
    with db.conn:
        for rowid, title, body in db.execute("SELECT rowid, title, body FROM articles").fetchall():
            db.execute("UPDATE articles SET search_text = ? WHERE rowid = ?", [search_key(f"{title}\n{body}"), rowid])
    db["articles"].disable_fts()
    db["articles"].enable_fts(["title", "body", "search_text"], create_triggers=True,
                              tokenize="unicode61 remove_diacritics 2")


@migrations()
def m006_views_for_analysts(db: Database) -> None:
    """SQL-friendly views, so that nobody parses the JSON columns by hand."""
    db.create_view("article_categories", """
        SELECT a.url, a.title, a.published, substr(a.published, 1, 7) AS month, a.lang, a.type, c.value AS category
        FROM articles a, json_each(a.categories) c""")
    db.create_view("article_authors", """
        SELECT a.url, a.title, a.published, substr(a.published, 1, 7) AS month, a.lang, a.type, w.value AS author
        FROM articles a, json_each(a.authors) w""")
    db.create_view("current_articles", """
        SELECT a.url, a.post_id, a.title, a.published, substr(a.published, 1, 7) AS month, a.lang, a.type,
               a.categories, a.authors, a.tags, a.lead, a.body, a.first_seen, a.last_seen, a.gone_since,
               (SELECT count(*) FROM revisions r WHERE r.url = a.url) AS revisions
        FROM articles a""")
    db.create_view("monthly_coverage", """
        SELECT month, category, lang, count(*) AS articles FROM article_categories
        GROUP BY month, category, lang""")


@migrations()
def m007_rank_titles_above_bodies(db: Database) -> None:
    """FTS5's ``rank`` is bm25 with a title match worth five body matches."""
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 1.0)')")


@migrations()
def m008_schedules(db: Database) -> None:
    """Recurring crawls, kept with the archive they fill."""
    db["schedules"].create(
        {"name": str, "cron": str, "options": str, "jitter": int, "created_at": str, "last_run_at": str,
         "last_exit": int, "last_log": str},
        pk="name",
    )


@migrations()
def m009_arabic_search_key(db: Database) -> None:
    """Search keys with Arabic folding (أ إ آ ٱ → ا, ة → ه, ى → ي, no tatweel or
    diacritics): rows with Arabic-script text get their key recomputed (the
    full-text index follows through the update trigger); other rows are not written."""
    from newsarchive.persian import search_key

    last = 0
    while batch := db.execute("SELECT rowid, title, body, search_text FROM articles WHERE rowid > ? "
                              "ORDER BY rowid LIMIT 500", [last]).fetchall():
        last = batch[-1][0]
        changed = [(key, rowid) for rowid, title, body, old in batch
                   if (key := search_key(f"{title}\n{body}")) != old]
        db.conn.executemany("UPDATE articles SET search_text = ? WHERE rowid = ?", changed)


@migrations()
def m010_coverage_and_lead_prefixes(db: Database) -> None:
    """What the site lists (post sitemaps, feeds, listings), for the coverage audit;
    the lead's prefix as printed beside the type it names; each crawl's coverage."""
    db["listed"].create(
        {"url": str, "lang": str, "source": str, "source_url": str, "lastmod": str, "visited_lastmod": str,
         "skipped": str, "first_listed": str, "last_listed": str, "crawl_id": int},
        pk="url",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["listed"].create_index(["lang"])
    db["articles"].add_column("lead_prefix", str)
    db["crawls"].add_column("listed", int)
    db["crawls"].add_column("missing", int)
    db["crawls"].add_column("coverage", str)
