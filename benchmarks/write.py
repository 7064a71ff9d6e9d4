"""Archive write rate: ``Archive.save_article`` (revisions, full-text index,
search keys) as a crawl writes, against plain sqlite3 ``executemany`` of the
same rows in one transaction — into a table of the same columns (the issue's
baseline), and into the archive's own ``articles`` table with its FTS5
triggers (the limit for any writer that keeps the index current).

Ours is measured twice: committing once a second, as a crawl does
(``ARCHIVE_COMMIT_INTERVAL``), and committing every article on its own.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from newsarchive.archive import ARTICLE_FIELDS, Archive, content_hash
from newsarchive.persian import search_key
from tests.replica import generated_site

BASE = "https://www.scfr.ir"
COMMIT_INTERVAL = 1.0  # seconds, the crawl's default ARCHIVE_COMMIT_INTERVAL


def records(n: int) -> list[dict]:
    templates = [a.expected(BASE) for a in generated_site(min(n, 2000), seed=41).articles()]
    return [{**templates[i % len(templates)], "url": f"{BASE}/en/news/{400000 + i}/a-{i}/",
             "fetched_at": "2026-01-01T00:00:00+00:00"} for i in range(n)]


def save_all(path: Path, rows: list[dict], commit_interval: float | None) -> float:
    """Seconds to store the rows through the archive API; commits held for ``commit_interval`` if set."""
    archive = Archive(path)
    start = last_commit = time.perf_counter()
    if commit_interval:
        archive.hold_commits()
    for row in rows:
        archive.save_article(row, None)
        if commit_interval and time.perf_counter() - last_commit >= commit_interval:
            archive.commit()
            archive.hold_commits()
            last_commit = time.perf_counter()
    archive.commit()
    elapsed = time.perf_counter() - start
    archive.close()
    return elapsed


def executemany(db: sqlite3.Connection, columns: list[str], rows: list[dict]) -> float:
    values = [[json.dumps(r.get(c)) if isinstance(r.get(c), (list, dict)) else r.get(c) for c in columns] for r in rows]
    start = time.perf_counter()
    with db:
        db.executemany(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                       values)
    return time.perf_counter() - start


def run(n: int) -> dict:
    rows = records(n)
    with tempfile.TemporaryDirectory() as tmp:
        grouped = save_all(Path(tmp) / "grouped.db", rows, COMMIT_INTERVAL)
        each = save_all(Path(tmp) / "each.db", rows, None)
        plain = sqlite3.connect(Path(tmp) / "plain.db")
        columns = ["url", *ARTICLE_FIELDS]
        plain.execute(f"CREATE TABLE articles ({', '.join(columns)})")
        plain_s = executemany(plain, columns, rows)
        Archive(Path(tmp) / "fts.db").close()  # the archive's schema, empty
        fts = sqlite3.connect(Path(tmp) / "fts.db")
        fts.execute("PRAGMA synchronous = NORMAL")
        schema = {r[1] for r in fts.execute("PRAGMA table_info(articles)")}
        keyed = [{**r, "content_hash": content_hash(r["title"], r["body"]),
                  "search_text": search_key(f"{r['title']}\n{r['body']}")} for r in rows]
        fts_s = executemany(fts, [c for c in [*columns, "content_hash", "search_text"] if c in schema], keyed)
    return {"articles": n, "ours_per_s": n / grouped, "ours_commit_each_per_s": n / each,
            "executemany_per_s": n / plain_s, "executemany_fts_per_s": n / fts_s}


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
