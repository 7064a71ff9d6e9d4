"""An article's versions over time, and what changed between them."""

from __future__ import annotations

import difflib
from typing import Any

from newsarchive.archive import Archive, ArchiveError


def revisions(archive: Archive, url: str) -> list[dict[str, Any]]:
    """The article's revisions, oldest first; ``url`` may be any URL that reached it."""
    known = archive.known_article(url.strip())
    if known is None:
        raise ArchiveError(f"no article in {archive.path} is known by {url}")
    return list(archive.db.query(
        "SELECT id, url, title, body, content_hash, fetched_at, crawl_id FROM revisions WHERE url = ? ORDER BY id",
        [known["url"]]))


def diff(older: dict[str, Any], newer: dict[str, Any], context: int = 1) -> str:
    """A unified diff of title and body (one line per paragraph), labelled with the fetch dates."""
    parts = []
    for field in ("title", "body"):
        before = [line for line in (older[field] or "").split("\n") if line]
        after = [line for line in (newer[field] or "").split("\n") if line]
        parts.extend(difflib.unified_diff(
            before, after, fromfile=f"{field} @ {older['fetched_at']} (revision {older['id']})",
            tofile=f"{field} @ {newer['fetched_at']} (revision {newer['id']})", n=context, lineterm=""))
    return "\n".join(parts)
