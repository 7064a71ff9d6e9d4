"""JSON Lines: one article per line, list fields as JSON arrays.

Streams rows straight from SQLite, so memory stays flat however large the
archive; writes to a temporary file beside the target and renames it at the
end, so an interrupted export never leaves a truncated file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsarchive.archive import JSON_FIELDS, Archive

COLUMNS = ("url", "post_id", "title", "published", "published_raw", "categories", "authors", "tags", "lead",
           "body", "type", "lang", "images", "content_hash", "first_seen", "last_seen")


class ExportError(Exception):
    """The export cannot be written as asked; the message says why."""


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
    target = Path(path)
    if target.exists() and not force:
        raise ExportError(f"{target} exists: pass --force to overwrite it")
    if not target.parent.is_dir():
        raise ExportError(f"cannot write {target}: folder {target.parent} does not exist")
    count = 0
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for record in articles(archive, lang):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return count
