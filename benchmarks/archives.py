"""Archives of any size for benchmarks, filled through the real ``Archive`` API."""

from __future__ import annotations

from pathlib import Path

from newsarchive.archive import Archive
from tests.replica import generated_site

BASE = "https://www.scfr.ir"


def generated_archive(path: Path, n_articles: int, *, seed: int = 11, distinct: int = 5000,
                      captures: bool = False) -> Archive:
    """``n_articles`` articles cycling over ``distinct`` generated ones (titles made unique),
    each with a raw capture of a page when ``captures`` is set; one transaction."""
    archive = Archive(path)
    templates = [a.expected(BASE) for a in generated_site(min(n_articles, distinct), seed=seed).articles()]
    with archive.db.atomic():
        for i in range(n_articles):
            record = dict(templates[i % len(templates)])
            record.update(url=f"{BASE}/en/news/{300000 + i}/article-{i}/", title=f"{record['title']} ({i})",
                          fetched_at="2026-01-01T00:00:00+00:00")
            capture = None
            if captures:
                page = f"<html><body><h1>{record['title']}</h1><p>{record['body']}</p></body></html>".encode()
                capture = archive.save_capture(None, {
                    "url": record["url"], "status": 200, "body": page, "fetched_at": record["fetched_at"],
                    "request_headers": {"User-Agent": "newsarchive"},
                    "response_headers": {"Content-Type": "text/html; charset=UTF-8"}})
            archive.save_article(record, None, capture_id=capture)
    return archive
