"""Coverage audit: every post the site listed, accounted for.

A crawl that silently drops articles is the worst failure an archive can
have. The crawls record every post URL the site's post sitemaps, feeds and
listings named (``listed`` table); the audit, offline, puts each of them in
exactly one class:

- ``stored``: an article of the archive, under that URL or any alias of it
  (redirects, shortlinks), or by its post id in the same edition;
- ``failed``: the last fetch failed, with its reason (``http_404``, ``timeout``,
  ``challenge``…);
- ``skipped``: the crawl chose not to fetch it, with its reason (``robots``);
- ``missing``: none of these — the loss a researcher must hear about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsarchive.archive import Archive, post_id_in_url

CLASSES = ("stored", "failed", "skipped", "missing")


@dataclass
class Coverage:
    """The audit of one edition, or of all of them."""

    listed: int = 0
    stored: int = 0
    failed: int = 0
    skipped: int = 0
    missing: int = 0
    missing_urls: list[str] = field(default_factory=list)
    failed_by_reason: Counter[str] = field(default_factory=Counter)
    skipped_by_reason: Counter[str] = field(default_factory=Counter)

    def add(self, url: str, outcome: str, reason: str | None) -> None:
        self.listed += 1
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome == "missing":
            self.missing_urls.append(url)
        elif outcome == "failed":
            self.failed_by_reason[reason or "unknown"] += 1
        elif outcome == "skipped":
            self.skipped_by_reason[reason or "unknown"] += 1

    def as_dict(self, limit: int | None = None) -> dict[str, Any]:
        """``limit``: at most this many of the missing URLs (a crawl's row keeps the first 100)."""
        return {"listed": self.listed, "stored": self.stored, "failed": self.failed, "skipped": self.skipped,
                "missing": self.missing, "missing_urls": sorted(self.missing_urls)[:limit],
                "failed_by_reason": dict(sorted(self.failed_by_reason.items())),
                "skipped_by_reason": dict(sorted(self.skipped_by_reason.items()))}


@dataclass
class Audit:
    """The whole archive's coverage, and each edition's."""

    total: Coverage
    editions: dict[str, Coverage]

    def as_dict(self, limit: int | None = None) -> dict[str, Any]:
        return {**self.total.as_dict(limit),
                "editions": {lang: c.as_dict(limit) for lang, c in sorted(self.editions.items())}}


def audit(archive: Archive, langs: list[str] | tuple[str, ...] | None = None) -> Audit:
    """Account for every listed post URL of the editions (all when ``langs`` is None)."""
    db = archive.db
    where, params = "", []
    if langs:
        where = f" WHERE lang IN ({', '.join('?' for _ in langs)})"
        params = list(langs)
    aliases = {row[0] for row in db.execute(
        "SELECT u.url FROM urls u JOIN articles a ON a.url = u.article_url UNION SELECT url FROM articles")}
    post_ids = {(row[0], row[1]) for row in db.execute(
        "SELECT post_id, lang FROM articles WHERE post_id IS NOT NULL")}
    last_failure = {row[0]: row[1] for row in db.execute("SELECT url, reason FROM failures ORDER BY id")}
    result = Audit(Coverage(), {})
    for url, lang, skipped in db.execute(f"SELECT url, lang, skipped FROM listed{where} ORDER BY url", params):
        post_id = post_id_in_url(url)
        if url in aliases or (post_id is not None and (post_id, lang) in post_ids):
            outcome, reason = "stored", None
        elif url in last_failure:
            outcome, reason = "failed", last_failure[url]
        elif skipped:
            outcome, reason = "skipped", skipped
        else:
            outcome, reason = "missing", None
        result.total.add(url, outcome, reason)
        result.editions.setdefault(lang or "", Coverage()).add(url, outcome, reason)
    return result
