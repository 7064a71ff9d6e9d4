"""Datasette over the archive: descriptions, full-text search, facets, canned queries.

Datasette is an optional extra (``pip install 'newsarchive[browse]'``).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HIDDEN = ("payloads", "page_blocks", "blocks", "pending_cleanup", "frontier", "_sqlite_migrations")

ARTICLE_COLUMNS = {
    "url": "Canonical URL (rel=canonical); the article's identity",
    "post_id": "WordPress post id",
    "title": "Title as published",
    "published": "Publication date, YYYY-MM-DD (Tehran date as printed on the page)",
    "published_raw": "The date exactly as the page shows it",
    "categories": "JSON array of category names as shown",
    "authors": "JSON array of writers from the byline (empty for interviews and news)",
    "tags": "JSON array of tags",
    "lead": "First paragraph, with its 'Strategic Council Online' prefix",
    "body": "Clean plain text: paragraphs separated by a blank line",
    "type": "Interview, Opinion, Note, News, Report, Guest post, Memoir, Monitor, Analysis or Other (from the lead's prefix)",
    "lead_prefix": "The lead's prefix exactly as printed (\"Strategic Council Online – Opinion:\")",
    "lang": "Edition: en, fa or ar",
    "content_hash": "SHA-256 of the normalised title and body",
    "first_seen": "When a crawl first stored the article (UTC)",
    "last_seen": "When a crawl last saw it (UTC)",
    "gone_since": "When the site first answered 404/410 for it; the article stays",
    "translations": "JSON object: the same article in the other editions, by language",
    "extraction": "JSON record: template, selectors that missed, what each cleaning rule removed",
    "search_text": "Search key of Persian and Arabic text for the full-text index (letters, digits, hamza forms and ZWNJ normalised)",
    "month": "YYYY-MM of publication",
    "revisions": "How many distinct versions of the text the archive holds",
}

QUERIES = {
    "search": {
        "title": "Search with snippets",
        "description": "Full-text search (FTS5 syntax: words, \"a phrase\", OR, NOT, prefix*), best match first.",
        "sql": "SELECT a.published, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, a.url\n"
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid\n"
               "WHERE articles_fts MATCH :q ORDER BY articles_fts.rank LIMIT 100",
    },
    "coverage": {
        "title": "Coverage per month per category",
        "description": "Articles mentioning :q in category :category, per month.",
        "sql": "SELECT c.month, count(*) AS articles\n"
               "FROM articles_fts JOIN article_categories c ON c.url = (SELECT url FROM articles WHERE rowid = "
               "articles_fts.rowid)\nWHERE articles_fts MATCH :q AND c.category = :category\n"
               "GROUP BY c.month ORDER BY c.month",
    },
    "revision_history": {
        "title": "An article's revision history, with diffs",
        "description": "Each version of the article at :url, with what changed since the previous one.",
        "sql": "SELECT id, fetched_at, title, length(body) AS characters,\n"
               "unified_diff(lag(title) OVER w, title) AS title_diff, unified_diff(lag(body) OVER w, body) AS body_diff\n"
               "FROM revisions WHERE url = :url WINDOW w AS (ORDER BY id) ORDER BY id",
    },
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for an archive whose file stem is ``database``."""
    searchable = {"fts_table": "articles_fts", "fts_pk": "rowid", "searchmode": "raw"}
    tables: dict[str, Any] = {
        "articles": {"description": "One row per distinct article, however many URLs reach it (newest version).",
                     "columns": {k: v for k, v in ARTICLE_COLUMNS.items() if k not in ("month", "revisions")},
                     "facets": ["lang", "type"], "label_column": "title",
                     "sort_desc": "published", **searchable},
        "current_articles": {"description": "Articles with their month and revision count.",
                             "columns": ARTICLE_COLUMNS, "facets": ["lang", "type", "month"], "sort_desc": "published"},
        "article_categories": {"description": "One row per article and category.",
                               "facets": ["category", "month", "lang", "type"]},
        "article_authors": {"description": "One row per article and author.", "facets": ["author", "lang"]},
        "monthly_coverage": {"description": "Articles per month, category and edition."},
        "revisions": {"description": "One row per distinct version of an article's text.",
                      "columns": {"capture_id": "The raw capture the version was extracted from"}},
        "crawls": {"description": "One row per crawl run: arguments, outcome, counts, drift alarms, coverage."},
        "failures": {"description": "URLs a crawl could not fetch, with reason and attempts."},
        "captures": {"description": "Every HTTP exchange, as received (bodies in payloads)."},
        "urls": {"description": "Every URL that reached an article."},
        "listed": {"description": "Every post URL the site's sitemaps, feeds and listings named: what the coverage "
                                  "audit accounts for (newsarchive audit).", "facets": ["lang", "source", "skipped"]},
        **{name: {"hidden": True} for name in HIDDEN},
    }
    return {
        "title": "newsarchive",
        "description": "Strategic Council Online, archived by newsarchive.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }


def serve(archive: str | Path, *, host: str = "127.0.0.1", port: int = 8001, extra: list[str] | None = None) -> int:
    """Run Datasette on the archive (read-only, immutable=no: crawls may write meanwhile)."""
    path = Path(archive)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(metadata(path.stem), handle)
    command = [sys.executable, "-m", "datasette", "serve", str(path), "--metadata", handle.name,
               "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000", *(extra or [])]
    server = subprocess.Popen(command)
    # stopped with the browse command: a supervisor's SIGTERM must not leave Datasette running
    previous = signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
        Path(handle.name).unlink(missing_ok=True)
