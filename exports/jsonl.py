"""JSON Lines: one article per line, list fields as JSON arrays.

Streams rows straight from SQLite, so memory stays flat however large the
archive; an interrupted export never leaves a truncated file behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from newsarchive.archive import JSON_FIELDS, Archive
from newsarchive.files import atomic_output

COLUMNS = ("url", "post_id", "title", "published", "published_raw", "categories", "authors", "tags", "lead",
           "body", "type", "lang", "images", "content_hash", "first_seen", "last_seen")


def articles(archive: Archive, lang: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = ("WHERE lang = ?", [lang]) if lang else ("", [])
    cursor = archive.db.execute(f"SELECT {', '.join(COLUMNS)} FROM articles {where} ORDER BY published, url", params)
    for row in cursor:
        record = dict(zip(COLUMNS, row))
        for name in JSON_FIELDS & record.keys():
            record[name] = json.loads(record[name] or "[]")
        yield record


def export_jsonl(archive: Archive, path: str | os.PathLike[str], *, force: bool = False,
                 lang: str | None = None) -> int:
    """Write the articles to ``path``; returns how many were written."""
    count = 0
    with atomic_output(path, force=force) as out:
        for record in articles(archive, lang):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
