"""``python -m benchmarks``: every benchmark, one table, one JSON file.

    python -m benchmarks [--sizes 1000,5000] [--search-articles 100000] [--json benchmarks/results.json]
    python -m benchmarks --tiny     # a quick run at tiny sizes (CI runs it so the benchmarks cannot rot)
    python -m benchmarks --table-of benchmarks/results.json --markdown   # the table of an earlier run

Each figure is printed beside the baseline measured in the same run, with the
ratio and the target of issue 9. The machine is shared and noisy: read the
ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks import crawl, exports, incremental, parse, search, write


def run(sizes: list[int], search_articles: int, parse_pages: int, export_articles: int,
        incremental_articles: int) -> dict:
    return {
        "crawl": [crawl.run(n) for n in sizes],
        "parse": parse.run(parse_pages),
        "write": [write.run(n) for n in sizes],
        "incremental": incremental.run(incremental_articles),
        "search": search.run(search_articles, 50),
        "exports": exports.run(export_articles),
    }


def table(results: dict) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for c in results["crawl"]:
        ratio = c["full"]["pages_per_s"] / c["bare"]["pages_per_s"]
        rows.append((f"crawl throughput, {c['articles']} articles", f"{c['full']['pages_per_s']:.0f} pages/s",
                     f"bare Scrapy {c['bare']['pages_per_s']:.0f} pages/s", f"{ratio:.2f}", ">= 0.7"))
        if "cores" in c:  # the most any parallel crawl could reach: every core busy with this CPU per page
            ceiling = c["cores"] * 1000 / c["full"]["cpu_ms_per_page"]
            rows.append((f"crawl throughput ceiling on {c['cores']} cores, {c['articles']} articles",
                         f"{ceiling:.0f} pages/s", f"bare Scrapy {c['bare']['pages_per_s']:.0f} pages/s",
                         f"{ceiling / c['bare']['pages_per_s']:.2f}", "(measured)"))
        rows.append((f"crawl CPU per page, {c['articles']} articles", f"{c['full']['cpu_ms_per_page']:.2f} ms",
                     f"bare Scrapy {c['bare']['cpu_ms_per_page']:.2f} ms",
                     f"{c['bare']['cpu_ms_per_page'] / c['full']['cpu_ms_per_page']:.2f}", "(measured)"))
        if "crawl_process_cpu_ms_per_page" in c["full"]:  # runs since the page reader moved to its own process
            rows.append((f"crawl CPU per page, crawl's own process, {c['articles']} articles",
                         f"{c['full']['crawl_process_cpu_ms_per_page']:.2f} ms",
                         f"bare Scrapy {c['bare']['cpu_ms_per_page']:.2f} ms",
                         f"{c['bare']['cpu_ms_per_page'] / c['full']['crawl_process_cpu_ms_per_page']:.2f}", "(measured)"))
            growth = c["full"]["growth"]
            if len(growth) >= 2:
                rows.append((f"crawl's own CPU per page, first and last fifth, {c['articles']} articles",
                             f"{growth[-1]['crawl_cpu_ms_per_page']:.2f} ms", f"first fifth {growth[0]['crawl_cpu_ms_per_page']:.2f} ms",
                             f"{growth[-1]['crawl_cpu_ms_per_page'] / growth[0]['crawl_cpu_ms_per_page']:.2f}", "flat"))
        rows.append((f"crawl peak RSS, {c['articles']} articles", f"{c['full']['peak_rss_mb']} MB",
                     f"bare Scrapy {c['bare']['peak_rss_mb']} MB", "", "<= 500 MB, flat"))
        if "bare_python_server" in c:  # is the Python replica server the bottleneck? (the bare spider on both)
            py, nginx = c["bare_python_server"], c["bare"]
            rows.append((f"bare Scrapy vs Python replica server, {c['articles']} articles",
                         f"{py['pages_per_s']:.0f} pages/s", f"on nginx {nginx['pages_per_s']:.0f} pages/s",
                         f"{py['pages_per_s'] / nginx['pages_per_s']:.2f}", "(measured)"))
            rows.append((f"replica server CPU per page, {c['articles']} articles",
                         f"Python {py['server_cpu_ms_per_page']:.2f} ms", f"nginx {nginx['server_cpu_ms_per_page']:.2f} ms",
                         "", "(measured)"))
    p = results["parse"]
    rows.append(("parse + clean per article page", f"{p['ours_ms']:.2f} ms", f"lxml parse {p['lxml_ms']:.2f} ms",
                 f"{p['ours_ms'] / p['lxml_ms']:.2f}", "<= 2"))
    if p.get("trafilatura_ms"):
        rows.append(("parse + clean vs trafilatura", f"{p['ours_ms']:.2f} ms",
                     f"trafilatura {p['trafilatura_ms']:.2f} ms", f"{p['trafilatura_ms'] / p['ours_ms']:.2f}x faster",
                     ">= 3x faster"))
    for w in results["write"]:
        rows.append((f"archive writes, {w['articles']} articles", f"{w['ours_per_s']:.0f} articles/s",
                     f"executemany {w['executemany_per_s']:.0f}/s", f"{w['ours_per_s'] / w['executemany_per_s']:.3f}",
                     ">= 0.5"))
        rows.append((f"archive writes vs FTS-keeping limit, {w['articles']} articles", f"{w['ours_per_s']:.0f} articles/s",
                     f"executemany + FTS5 {w['executemany_fts_per_s']:.0f}/s",
                     f"{w['ours_per_s'] / w['executemany_fts_per_s']:.2f}", ">= 0.5"))
        rows.append((f"archive writes, commit per article, {w['articles']} articles",
                     f"{w['ours_commit_each_per_s']:.0f} articles/s", f"executemany + FTS5 {w['executemany_fts_per_s']:.0f}/s",
                     f"{w['ours_commit_each_per_s'] / w['executemany_fts_per_s']:.2f}", "(measured)"))
    i = results["incremental"]
    rows.append((f"re-crawl unchanged, {i['articles']} articles", f"{i['unchanged_default']['requests']} requests",
                 f"first crawl {i['first']['requests']}", f"{i['unchanged_default']['requests'] / i['first']['requests']:.3f}",
                 "<= 0.10"))
    all_mode = i["unchanged_revisit_all"]
    rows.append(("re-crawl revisit=all: article 304s", f"{all_mode['article_304']}", f"{all_mode['article_requests']} "
                 "article requests", f"{all_mode['article_304'] / max(all_mode['article_requests'], 1):.2f}", ">= 0.9"))
    s = results["search"]
    for name in ("topical", "common"):
        rows.append((f"search {s['articles']} articles, {name} words",
                     f"{s[name]['search_ms']['median']:.1f} ms median, p95 {s[name]['search_ms']['p95']:.1f}",
                     f"bare FTS5 {s[name]['bare_fts_ms']['median']:.1f} ms, p95 {s[name]['bare_fts_ms']['p95']:.1f}",
                     f"{s[name]['search_ms']['median'] / s[name]['bare_fts_ms']['median']:.2f}", "median <= 20 ms"))
    e = results["exports"]
    for name in ("jsonl", "warc"):
        rows.append((f"export {name}, {e['articles']} articles", f"{e['articles'] / e[name + '_s']:.0f} articles/s",
                     f"read rows {e['articles'] / e['read_rows_s']:.0f}/s", f"{e[name + '_s'] / e['read_rows_s']:.1f}x time",
                     "(measured)"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="replica sizes for crawl and write (comma-separated)")
    parser.add_argument("--search-articles", type=int, default=100_000)
    parser.add_argument("--tiny", action="store_true", help="tiny sizes: checks the benchmarks run, measures nothing")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument("--table-of", type=Path, default=None, metavar="JSON",
                        help="print the table of figures written earlier, measure nothing")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    if args.table_of:
        results = json.loads(args.table_of.read_text())
    elif args.tiny:
        results = run([40], 300, 10, 50, 30)
    else:
        results = run([int(n) for n in args.sizes.split(",")], args.search_articles, 200, 10_000, 300)
    header = ("figure", "value", "baseline", "ratio", "target")
    rows = table(results)
    if args.markdown:
        for row in [header, ("---",) * 5, *rows]:
            print(f"| {' | '.join(row)} |")
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
    if args.json and not args.table_of:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
