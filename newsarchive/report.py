"""A self-contained HTML report of an archive: charts and tables that open in
a browser without a server (charts are inline SVG drawn by matplotlib;
matplotlib is the optional 'report' extra)."""

from __future__ import annotations

import html
import io
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsarchive.archive import Archive
from newsarchive.files import OutputError, atomic_output
from newsarchive.stats import archive_stats

TOP_CATEGORIES = 6


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]  # drop the XML prologue and doctype: inline in HTML


def _charts(archive: Archive, facts: dict[str, Any]) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "text.parse_math": False})  # archived text is not TeX
    charts = {}
    categories = [row["category"] for row in facts["by_category"][:TOP_CATEGORIES]]
    rows = list(archive.db.query("SELECT month, category, count(*) AS n FROM article_categories "
                                 "GROUP BY month, category ORDER BY month"))
    months = sorted({r["month"] for r in rows if r["month"]})
    figure, axes = plt.subplots(figsize=(9, 3.2))
    bottom = [0] * len(months)
    for category in categories:
        counts = {r["month"]: r["n"] for r in rows if r["category"] == category}
        values = [counts.get(m, 0) for m in months]
        axes.bar(months, values, bottom=bottom, label=category)
        bottom = [b + v for b, v in zip(bottom, values)]
    axes.set_ylabel("articles")
    axes.tick_params(axis="x", labelrotation=90, labelsize=7)
    axes.legend(fontsize=7, ncols=2)
    charts["per_month"] = _svg(figure)
    plt.close(figure)

    authors = facts["by_author"][:10]
    figure, axes = plt.subplots(figsize=(6, 0.3 * max(len(authors), 2) + 0.6))
    axes.barh([a["author"] for a in reversed(authors)], [a["articles"] for a in reversed(authors)])
    axes.set_xlabel("articles")
    charts["authors"] = _svg(figure)
    plt.close(figure)

    crawls = list(reversed(facts["crawls"]))
    figure, axes = plt.subplots(figsize=(6, 2.6))
    labels = [str(c["id"]) for c in crawls]
    axes.bar(labels, [c["requests"] or 0 for c in crawls], label="requests")
    axes.bar(labels, [c["articles_new"] or 0 for c in crawls], label="new articles")
    axes.set_xlabel("crawl")
    axes.legend(fontsize=7)
    charts["crawls"] = _svg(figure)
    plt.close(figure)
    return charts


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(row.get(c) if row.get(c) is not None else ''))}</td>"
                                    for c in columns) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render(archive: Archive) -> str:
    facts = archive_stats(archive, top=20, months=1000, crawls=20)
    charts = _charts(archive, facts)
    summary = facts["archive"]
    crawl_rows = [{**c, "drift": "; ".join(c["drift"])} for c in facts["crawls"]]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsarchive report: {html.escape(archive.path.name)}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.15em; margin-top: 2em; }}
table {{ border-collapse: collapse; margin: .5em 0; }} td, th {{ border: 1px solid #ccc; padding: 2px 8px; text-align: left; }}
svg {{ max-width: 100%; height: auto; }} .facts {{ color: #555; }}
</style></head><body>
<h1>newsarchive report — {html.escape(archive.path.name)}</h1>
<p class="facts">{summary['articles']} articles ({summary['gone']} gone), {summary['revisions']} revisions,
{summary['crawls']} crawls, {summary['bytes'] / 1e6:.1f} MB. Generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC.</p>
<h2 id="per-month">Articles per month, by category (top {TOP_CATEGORIES})</h2>{charts['per_month']}
<h2 id="categories">Categories</h2>{_table(facts['by_category'], ['category', 'articles'])}
<h2 id="authors">Top authors</h2>{charts['authors']}{_table(facts['by_author'], ['author', 'articles'])}
<h2 id="coverage">Coverage of what the site lists</h2>
<p class="facts">Every post URL the site's post sitemaps, feeds and listings named, by edition
(<code>newsarchive audit</code> lists the missing ones).</p>
{_table(facts['coverage'], ['edition', 'listed', 'stored', 'failed', 'skipped', 'missing'])}
<h2 id="types">Types and editions</h2>{_table(facts['by_type'], ['type', 'articles'])}{_table(facts['by_lang'], ['lang', 'articles'])}
<h2 id="crawls">Crawl history</h2>{charts['crawls']}
{_table(crawl_rows, ['id', 'started_at', 'status', 'mode', 'requests', 'articles_new', 'articles_changed', 'articles_gone', 'failures', 'missing', 'health', 'drift'])}
</body></html>
"""


def write_report(archive: Archive, output: str | os.PathLike[str], *, force: bool = False) -> Path:
    try:
        page = render(archive)
    except ImportError as exc:
        raise OutputError("charts need matplotlib: pip install 'newsarchive[report]'") from exc
    with atomic_output(output, force=force) as out:
        out.write(page)
    return Path(output)
