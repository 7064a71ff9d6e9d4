"""Packages for archivists: WACZ (for replay tools) and BagIt (with fixity and
provenance), built from the other exports."""

from __future__ import annotations

import contextlib
import io
import json
import platform
import sqlite3
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from exports.warc import warc_date
from newsarchive.archive import Archive

SOFTWARE = ("newsarchive", "scrapy", "warcio", "wacz", "bagit", "sqlite-utils", "pyarrow")


def software_versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for name in SOFTWARE:
        try:
            found[name] = version(name)
        except Exception:  # noqa: BLE001 - not installed: leave it out
            continue
    return found


def write_pages(articles: Iterable[dict[str, Any]], path: Path) -> int:
    """pages.jsonl (WACZ spec): the article pages, for replay tools' page lists."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "Articles"}) + "\n")
        for article in articles:
            out.write(json.dumps({"id": str(article["revision_id"]), "url": article["url"],
                                  "ts": warc_date(article["revision_fetched_at"]), "title": article["title"]},
                                 ensure_ascii=False) + "\n")
            count += 1
    return count


def create_wacz(warc: Path, pages: Path, output: Path, *, title: str, description: str) -> None:
    from wacz.main import main as wacz_main

    with contextlib.redirect_stdout(io.StringIO()):  # wacz narrates each step on stdout
        status = wacz_main(["create", "-o", str(output), "-p", str(pages), "--copy-pages", "--title", title,
                           "--desc", description, str(warc)])
    if status not in (0, None):
        raise RuntimeError(f"wacz create failed with status {status}")


def provenance(archive: Archive, selection: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """Where the exported snapshot came from: crawls, software, robots.txt as fetched, outcomes."""
    crawls = [dict(row) for row in archive.db.query(
        "SELECT id, started_at, finished_at, status, finish_reason, mode, base_url, langs, args, requests, "
        "responses_by_status, articles_new, articles_changed, articles_gone, items_dropped, dropped_by_reason, "
        "failures, drift FROM crawls ORDER BY id")]
    for crawl in crawls:
        for key in ("langs", "args", "responses_by_status", "dropped_by_reason", "drift"):
            crawl[key] = json.loads(crawl[key]) if crawl[key] else None
        stats = json.loads(archive.db.execute("SELECT stats FROM crawls WHERE id = ?", [crawl["id"]]).fetchone()[0]
                           or "{}")
        crawl["urls"] = {"fetched": stats.get("response_received_count", 0),
                         "skipped": sum(v for k, v in stats.items() if k.startswith("newsarchive/skipped/")),
                         "failed": stats.get("newsarchive/failures", 0)}
    robots = archive.db.execute(
        "SELECT id, url, fetched_at FROM captures WHERE url LIKE '%/robots.txt' AND status = 200 "
        "ORDER BY id DESC LIMIT 1").fetchone()
    span = archive.db.execute("SELECT min(fetched_at), max(fetched_at) FROM captures").fetchone()
    return {
        "selection": selection,
        "exported": counts,
        "crawls": crawls,
        "software": software_versions(),
        "robots_txt": {"url": robots[1], "fetched_at": robots[2],
                       "content": archive.capture_content(robots[0]).decode("utf-8", "replace")} if robots else None,
        "time_span": {"first_fetch": span[0], "last_fetch": span[1]},
    }
