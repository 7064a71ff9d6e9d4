"""Search latency at scale: `newsarchive search` against the bare FTS5 query it wraps.

    python -m benchmarks.search [--articles 100000] [--queries 200] [--json results.json]

Builds an archive of generated articles (the replica's content generator,
stored through ``Archive.save_article`` so the index, triggers and search
keys are the real ones), then times two-word queries: the full search
(bm25 with column weights, snippet, join, filters) and the bare
``articles_fts MATCH ? ORDER BY rank LIMIT 20`` on the same connection.
Target: median <= 20 ms for the full search.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.archives import generated_archive
from newsarchive.search import search
# Two-word queries, both words from one article, drawn from words in this share
# of the articles: topical terms an analyst searches for, and the site's most
# common words (the worst case: most of the archive matches).
QUERY_SETS = (("topical", 0.002, 0.05), ("common", 0.3, 1.01))


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def run(n_articles: int, n_queries: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        archive = generated_archive(Path(tmp) / "archive.db", n_articles)
        archive.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        build_s = time.perf_counter() - started
        sample = [set(re.findall(r"[a-z]{4,}", body.lower()))
                  for (body,) in archive.db.execute("SELECT body FROM articles LIMIT 2000")]
        share = {w: n / len(sample) for w, n in Counter(w for words in sample for w in words).items()}
        rng = random.Random(5)
        results = {"articles": n_articles, "queries": n_queries, "build_seconds": round(build_s, 1)}
        for name, low, high in QUERY_SETS:
            vocabulary = {w for w, f in share.items() if low <= f < high}
            queries = []
            while len(queries) < n_queries:  # two words of one article: every query finds something
                words = sorted(rng.choice(sample) & vocabulary)
                if len(words) >= 2:
                    queries.append(" ".join(rng.sample(words, 2)))

            def bare(query: str) -> None:
                archive.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank "
                                   "LIMIT 20", [query]).fetchall()

            for query in queries[:10]:  # warm the page cache
                search(archive, query)
            full = [timed(search, archive, q) for q in queries]
            baseline = [timed(bare, q) for q in queries]
            results[name] = {"words": len(vocabulary), "document_share": [low, high],
                             "search_ms": _summary(full), "bare_fts_ms": _summary(baseline)}
        archive.close()
    return results


def _summary(times: list[float]) -> dict[str, float]:
    return {"median": statistics.median(times), "p95": statistics.quantiles(times, n=20)[18]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = run(args.articles, args.queries)
    print(f"Search latency, {result['articles']} articles, {result['queries']} two-word queries per set "
          f"(archive built in {result['build_seconds']} s); target: median <= 20 ms")
    print(f"{'query words':34} {'':28} {'median ms':>10} {'p95 ms':>10}")
    for name, low, high in QUERY_SETS:
        row = result[name]
        label = f"{name} (in {low:.1%}-{min(high, 1):.0%} of articles)"
        for what, times in (("bare FTS5 MATCH (baseline)", row["bare_fts_ms"]), ("newsarchive search", row["search_ms"])):
            print(f"{label:34} {what:28} {times['median']:>10.2f} {times['p95']:>10.2f}")
        print(f"{'':34} {'ratio (median)':28} {row['search_ms']['median'] / row['bare_fts_ms']['median']:>10.2f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
