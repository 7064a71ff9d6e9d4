"""Archive write rate: ``Archive.save_article`` (one transaction per article,
revisions, full-text index, search keys) against plain sqlite3 ``executemany``
of the same rows into a table of the same columns, in one transaction."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from pathlib import Path

from newsarchive.archive import ARTICLE_FIELDS, Archive
from tests.replica import generated_site

BASE = "https://www.scfr.ir"


def records(n: int) -> list[dict]:
    templates = [a.expected(BASE) for a in generated_site(min(n, 2000), seed=41).articles()]
    return [{**templates[i % len(templates)], "url": f"{BASE}/en/news/{400000 + i}/a-{i}/",
             "fetched_at": "2026-01-01T00:00:00+00:00"} for i in range(n)]


def run(n: int) -> dict:
    rows = records(n)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive.db")
        start = time.perf_counter()
        for row in rows:
            archive.save_article(row, None)
        ours = time.perf_counter() - start
        archive.close()
        batched_archive = Archive(Path(tmp) / "batched.db")
        start = time.perf_counter()
        with batched_archive.db.atomic():  # what one transaction for many articles would give
            for row in rows:
                batched_archive.save_article(row, None)
        batched = time.perf_counter() - start
        batched_archive.close()
        db = sqlite3.connect(Path(tmp) / "plain.db")
        columns = ("url", *ARTICLE_FIELDS)
        db.execute(f"CREATE TABLE articles ({', '.join(columns)})")
        values = [[json.dumps(r.get(c)) if isinstance(r.get(c), (list, dict)) else r.get(c) for c in columns]
                  for r in rows]
        start = time.perf_counter()
        with db:
            db.executemany(f"INSERT INTO articles VALUES ({', '.join('?' for _ in columns)})", values)
        plain = time.perf_counter() - start
    return {"articles": n, "ours_per_s": n / ours, "ours_one_transaction_per_s": n / batched,
            "executemany_per_s": n / plain}


if __name__ == "__main__":
    print(run(2000))
