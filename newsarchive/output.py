"""How the CLI prints rows: rich tables on a terminal, JSON or CSV for scripts."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _decoded(row: dict[str, Any], json_fields: Iterable[str]) -> dict[str, Any]:
    return {k: json.loads(v) if k in json_fields and isinstance(v, str) else v for k, v in row.items()}


def write_rows(rows: list[dict[str, Any]], fmt: str, *, columns: Sequence[str], json_fields: Iterable[str] = (),
               highlight: tuple[str, str] | None = None) -> None:
    json_fields = tuple(json_fields)
    if fmt == "json":
        print(json.dumps([_decoded(r, json_fields) for r in rows], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else list(columns), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    else:
        table = Table(*columns, show_lines=False, expand=len(columns) > 2)
        for row in rows:
            table.add_row(*(_cell(str(row.get(c) or ""), highlight) for c in columns))
        console = Console()
        console.print(table)
        console.print(f"{len(rows)} result{'s' if len(rows) != 1 else ''}", style="dim")


def _cell(text: str, highlight: tuple[str, str] | None) -> Text:
    if not highlight:
        return Text(text)
    cell, rest = Text(), text
    start, end = highlight
    while start in rest and end in rest.split(start, 1)[1]:
        before, after = rest.split(start, 1)
        marked, rest = after.split(end, 1)
        cell.append(before)
        cell.append(marked, style="bold yellow")
    cell.append(rest)
    return cell


def print_stats(facts: dict[str, Any]) -> None:
    console = Console()
    archive = facts["archive"]
    console.print(f"[bold]{archive['path']}[/bold]: {archive['articles']} articles ({archive['gone']} gone), "
                  f"{archive['revisions']} revisions, {archive['captures']} captures, {archive['crawls']} crawls, "
                  f"{archive['bytes'] / 1e6:.1f} MB")
    for key, title, label in (("by_month", "Articles by month", "month"), ("by_category", "By category", "category"),
                              ("by_type", "By type", "type"), ("by_lang", "By language", "lang"),
                              ("by_author", "By author", "author")):
        table = Table(label, "articles", title=title, title_justify="left")
        for row in facts[key]:
            table.add_row(str(row[label]), str(row["articles"]))
        console.print(table)
    print_coverage(facts["coverage"], console)
    crawls = Table("id", "started", "status", "mode", "requests", "new", "changed", "gone", "failed", "missing",
                   "health", title="Last crawls", title_justify="left")
    for c in facts["crawls"]:
        crawls.add_row(*(str(c[k] if c[k] is not None else "") for k in ("id", "started_at", "status", "mode", "requests",
                       "articles_new", "articles_changed", "articles_gone", "failures", "missing", "health")))
    console.print(crawls)


def print_coverage(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    """Posts the site listed, by edition: stored, failed, skipped, missing."""
    columns = ("edition", "listed", "stored", "failed", "skipped", "missing")
    table = Table(*columns, title="Coverage of what the site lists", title_justify="left")
    for row in rows:
        style = "bold red" if row["missing"] else None
        table.add_row(*(str(row[c]) for c in columns), style=style)
    (console or Console()).print(table)
