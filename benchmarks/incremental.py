"""Incremental re-crawls against the first crawl, measured on a replica.

    python -m benchmarks.incremental [--articles 300] [--json results.json]

Crawls a generated replica of the site (served on 127.0.0.1) into a fresh
archive, then re-crawls the unchanged site with the defaults and with
``revisit=all``, and prints requests and bytes of each run beside the first
crawl's (targets: defaults at most 10 % of the first crawl's requests;
``revisit=all``: at least 90 % of article requests answered 304), and the
archive's size beside the raw bytes fetched.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from pathlib import Path

from crawler.urls import ARTICLE_PATH
from tests.conftest import scrapy_crawl
from tests.replica import ReplicaServer, generated_site


def crawl_figures(archive: Path, crawl_id: int, requests: list) -> dict:
    db = sqlite3.connect(archive)
    stats = json.loads(db.execute("SELECT stats FROM crawls WHERE id = ?", [crawl_id]).fetchone()[0])
    articles = [r for r in requests if ARTICLE_PATH.match(r.path)]
    return {
        "requests": stats.get("downloader/request_count", 0),
        "response_bytes": stats.get("downloader/response_bytes", 0),
        "article_requests": len(articles),
        "article_304": sum(1 for r in articles if r.status == 304),
    }


def run(n_articles: int) -> dict:
    site = generated_site(n_articles, seed=3)
    results: dict = {"articles": n_articles}
    with tempfile.TemporaryDirectory() as tmp, ReplicaServer(site, flaky_paths=[], slow_paths=[]) as server:
        archive = Path(tmp) / "archive.db"
        for crawl_id, (name, args) in enumerate([("first", ()), ("unchanged_default", ()),
                                                 ("unchanged_revisit_all", ("-a", "revisit=all"))], start=1):
            server.reset_log()
            crawl = scrapy_crawl(server.base_url, archive, *args)
            if crawl.returncode != 0:
                raise SystemExit(f"crawl {name} failed:\n{crawl.log[-3000:]}")
            results[name] = crawl_figures(archive, crawl_id, server.requests)
        db = sqlite3.connect(archive)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        results["archive_bytes"] = archive.stat().st_size
        results["captures_bytes"] = db.execute(
            "SELECT coalesce(sum(stored_length), 0) FROM payloads").fetchone()[0]
    results["raw_bytes_fetched"] = sum(results[k]["response_bytes"] for k in
                                       ("first", "unchanged_default", "unchanged_revisit_all"))
    return results


def report(results: dict) -> None:
    first, default, revisit_all = (results[k] for k in ("first", "unchanged_default", "unchanged_revisit_all"))
    rows = [
        ("first crawl (baseline)", first["requests"], first["response_bytes"], "1.000", ""),
        ("re-crawl, defaults", default["requests"], default["response_bytes"],
         f"{default['requests'] / first['requests']:.3f}", "requests ratio <= 0.10"),
        ("re-crawl, revisit=all", revisit_all["requests"], revisit_all["response_bytes"],
         f"{revisit_all['requests'] / first['requests']:.3f}",
         f"article 304s {revisit_all['article_304']}/{revisit_all['article_requests']}"
         f" = {revisit_all['article_304'] / max(revisit_all['article_requests'], 1):.3f} (>= 0.90)"),
    ]
    print(f"Incremental re-crawls of an unchanged replica of {results['articles']} articles")
    print(f"{'run':28} {'requests':>9} {'bytes':>12} {'vs first':>9}  target")
    for name, requests, size, ratio, target in rows:
        print(f"{name:28} {requests:>9} {size:>12} {ratio:>9}  {target}")
    print(f"archive {results['archive_bytes']} bytes (raw payloads stored: {results['captures_bytes']}) for "
          f"{results['raw_bytes_fetched']} raw bytes fetched over the three crawls: "
          f"ratio {results['archive_bytes'] / results['raw_bytes_fetched']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    results = run(args.articles)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
