"""Parse + clean cost per article page: the project's extraction against lxml
parsing the same page (and nothing else) and against trafilatura's extraction."""

from __future__ import annotations

import statistics
import time

import lxml.html
from parsel import Selector

from crawler.items import ArticleItem
from crawler.pages.blocks import block_key
from crawler.pages.scfr import ArticlePage
from pipelines.boilerplate import strip_markers
from pipelines.normalize import normalize_item
from tests.replica import ReplicaServer, generated_site


def pages(n: int) -> list[tuple[str, bytes]]:
    site = generated_site(n, seed=31)
    with ReplicaServer(site, flaky_paths=[], slow_paths=[]) as server:
        found = []
        for article in site.articles()[:n]:
            response = server.respond("GET", article.path, {})
            found.append((server.url(article.path), response.body))  # the bytes, as the crawl's reader gets them
        return found


def ours(url: str, body: bytes) -> ArticleItem:
    """What the crawl does with an article page, minus I/O: parse, extract, normalise, cut markers, key the blocks."""
    block_key.cache_clear()  # the runs repeat the same pages; a crawl sees each page once
    page = ArticlePage(url, Selector(body=body, encoding="utf-8", type="html", base_url=url))  # as crawler.pages.reader
    item = page.to_item(fetched_at="2026-01-01T00:00:00+00:00")
    normalize_item(item)
    strip_markers(item)
    {block_key(p) for p in (item.body or "").split("\n\n")}
    return item


def per_page_ms(function, documents: list[tuple[str, bytes]], repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for url, html in documents:
            function(url, html)
        runs.append((time.perf_counter() - start) * 1000 / len(documents))
    return statistics.median(runs)


def run(n: int = 200) -> dict:
    documents = pages(n)
    result = {"pages": len(documents), "mean_kb": sum(len(h) for _, h in documents) / len(documents) / 1024,
              "lxml_ms": per_page_ms(lambda url, html: lxml.html.fromstring(html), documents),
              "ours_ms": per_page_ms(ours, documents)}
    try:
        import trafilatura

        result["trafilatura_ms"] = per_page_ms(lambda url, html: trafilatura.extract(html, url=url), documents, 1)
    except ImportError:
        result["trafilatura_ms"] = None
    return result


if __name__ == "__main__":
    print(run())
