"""Facts about an archive at a glance: what it holds, and how its crawls went."""

from __future__ import annotations

import json
import os
from typing import Any

from newsarchive.archive import Archive
from newsarchive.coverage import audit


def health(crawl: dict[str, Any]) -> str:
    """One word for how a crawl went: ok, drift (finished with an extraction alarm), running, interrupted, failed."""
    drift = crawl.get("drift") or []
    drift = json.loads(drift) if isinstance(drift, str) else drift
    if crawl["status"] in ("running", "interrupted"):
        return crawl["status"]
    if crawl["status"] != "finished":
        return "failed"
    return "drift" if drift else "ok"


def _counts(archive: Archive, sql: str, limit: int | None = None) -> list[dict[str, Any]]:
    return list(archive.db.query(sql + (f" LIMIT {int(limit)}" if limit else "")))


def archive_stats(archive: Archive, *, top: int = 15, months: int = 24, crawls: int = 5) -> dict[str, Any]:
    db = archive.db
    size = sum(os.path.getsize(p) for p in (archive.path, f"{archive.path}-wal") if os.path.exists(p))
    last_crawls = _counts(archive, "SELECT id, started_at, finished_at, status, mode, requests, articles_new, "
                                   "articles_changed, articles_gone, failures, items_dropped, listed, missing, drift "
                                   "FROM crawls ORDER BY id DESC", crawls)
    for crawl in last_crawls:
        crawl["drift"] = json.loads(crawl["drift"] or "[]")
        crawl["health"] = health(crawl)
    return {
        "archive": {"path": str(archive.path), "bytes": size,
                    "articles": db["articles"].count, "revisions": db["revisions"].count,
                    "gone": db.execute("SELECT count(*) FROM articles WHERE gone_since IS NOT NULL").fetchone()[0],
                    "captures": db["captures"].count, "crawls": db["crawls"].count},
        "by_month": list(reversed(_counts(archive, "SELECT substr(published, 1, 7) AS month, count(*) AS articles "
                                                   "FROM articles GROUP BY month ORDER BY month DESC", months))),
        "by_category": _counts(archive, "SELECT category, count(*) AS articles FROM article_categories "
                                        "GROUP BY category ORDER BY articles DESC, category", top),
        "by_type": _counts(archive, "SELECT coalesce(type, '?') AS type, count(*) AS articles FROM articles "
                                    "GROUP BY type ORDER BY articles DESC"),
        "by_lang": _counts(archive, "SELECT lang, count(*) AS articles FROM articles GROUP BY lang ORDER BY articles DESC"),
        "by_author": _counts(archive, "SELECT author, count(*) AS articles FROM article_authors "
                                      "GROUP BY author ORDER BY articles DESC, author", top),
        "coverage": coverage_rows(audit(archive).as_dict()),
        "crawls": last_crawls,
    }


def coverage_rows(coverage: dict[str, Any]) -> list[dict[str, Any]]:
    """The coverage audit as rows: one per edition, then the total."""
    columns = ("listed", "stored", "failed", "skipped", "missing")
    rows = [{"edition": lang, **{c: counts[c] for c in columns}} for lang, counts in coverage["editions"].items()]
    return rows + [{"edition": "all", **{c: coverage[c] for c in columns}}]
