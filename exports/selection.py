"""Which articles an export holds, and each as it stood at a moment.

Every format reads the same stream: one record per article, its text taken
from the newest revision at or before ``as_of`` (a date, a date-time, or the
end of crawl ``crawl``), its other fields from the archive, filtered by
edition, category and publication dates. Rows come straight from an SQLite
cursor, so memory stays flat however large the archive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from newsarchive.archive import Archive
from newsarchive.search import Filters

LIST_FIELDS = ("categories", "authors", "tags")
COLUMNS = ("url", "post_id", "title", "published", "published_raw", "categories", "authors", "tags", "lead",
           "body", "type", "lang", "images", "translations", "content_hash", "first_seen", "last_seen",
           "gone_since", "revision_id", "revision_fetched_at", "capture_id")


class SelectionError(Exception):
    """The selection cannot be made as asked, or holds nothing; the message says why."""


@dataclass(frozen=True)
class Selection:
    as_of: str | None = None
    crawl: int | None = None
    lang: str | None = None
    category: str | None = None
    since: str | None = None
    until: str | None = None

    def describe(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}

    def cutoff(self) -> str | None:
        """The latest ``fetched_at`` a revision may have, as an exclusive bound."""
        if not self.as_of:
            return None
        value = self.as_of.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return (date.fromisoformat(value) + timedelta(days=1)).isoformat()
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise SelectionError(f"--as-of must be YYYY-MM-DD or an ISO date-time, not {self.as_of!r}") from exc
        moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
        return (moment.astimezone(timezone.utc) + timedelta(seconds=1)).isoformat(timespec="seconds")

    def sql(self, archive: Archive) -> tuple[str, list[Any]]:
        revision, params = ["r.url = a.url"], []
        cutoff = self.cutoff()
        if cutoff:
            revision.append("r.fetched_at < ?")
            params.append(cutoff)
        if self.crawl is not None:
            if archive.db.execute("SELECT 1 FROM crawls WHERE id = ?", [self.crawl]).fetchone() is None:
                raise SelectionError(f"there is no crawl {self.crawl} in {archive.path} (see: newsarchive crawls)")
            revision.append("r.crawl_id <= ?")
            params.append(self.crawl)
        where, filter_params = Filters(since=self.since, until=self.until, category=self.category,
                                       lang=self.lang).sql()
        params += filter_params
        sql = (
            "SELECT a.url, a.post_id, r.title, a.published, a.published_raw, a.categories, a.authors, a.tags, "
            "NULL AS lead, r.body, a.type, a.lang, a.images, a.translations, r.content_hash, a.first_seen, "
            "a.last_seen, a.gone_since, r.id AS revision_id, r.fetched_at AS revision_fetched_at, r.capture_id "
            "FROM articles a JOIN revisions r ON r.id = "
            f"(SELECT max(r.id) FROM revisions r WHERE {' AND '.join(revision)}) WHERE 1 = 1{where} "
            "ORDER BY a.published, a.url"
        )
        return sql, params


def count(archive: Archive, selection: Selection) -> int:
    sql, params = selection.sql(archive)
    return archive.db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def records(archive: Archive, selection: Selection) -> Iterator[dict[str, Any]]:
    """The selected articles, JSON-typed (lists and objects decoded), in a stable order."""
    sql, params = selection.sql(archive)
    for row in archive.db.execute(sql, params):
        record = dict(zip(COLUMNS, row))
        for name in (*LIST_FIELDS, "images", "translations"):
            record[name] = json.loads(record[name]) if record[name] else ([] if name != "translations" else {})
        record["lead"] = record["body"].split("\n\n", 1)[0]
        yield record


def require_some(archive: Archive, selection: Selection) -> int:
    total = count(archive, selection)
    if total == 0:
        described = ", ".join(f"{k}={v}" for k, v in selection.describe().items()) or "no filters"
        raise SelectionError(f"the selection holds no article ({described}): nothing to export")
    return total
