"""Ranked full-text search over the archive, with filters and snippets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsarchive.archive import Archive, SearchError
from newsarchive.persian import normalize_query, search_key

HIGHLIGHT = ("[", "]")  # marks matched words in snippets (plain text: safe in every output format)


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    category: str | None = None
    author: str | None = None
    lang: str | None = None
    type: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """WHERE clauses and parameters (user text only ever goes into parameters)."""
        clauses, params = [], []
        for value, clause in ((self.since, "a.published >= ?"), (self.until, "a.published <= ?"),
                              (self.lang, "a.lang = ?"), (self.type, "a.type = ?"),
                              (self.category, "EXISTS (SELECT 1 FROM json_each(a.categories) WHERE value = ?)"),
                              (self.author, "EXISTS (SELECT 1 FROM json_each(a.authors) WHERE value = ?)")):
            if value:
                clauses.append(clause)
                params.append(value)
        return "".join(f" AND {c}" for c in clauses), params


def fts_query(query: str) -> str:
    """The query as the index spells words: Persian queries get the search key's normalisation."""
    query = query.strip()
    if not query:
        raise SearchError("an empty query finds nothing: give one or more words")
    return normalize_query(query) if search_key(query) else query


def search(archive: Archive, query: str, filters: Filters = Filters(), limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching ``query`` (FTS5 syntax), best first by bm25, title
    weighted above body, with a highlighted snippet of the body.

    Two steps: the best ``limit`` rows are ranked first, and only those get
    a snippet (a snippet per match would cost more than the search)."""
    where, params = filters.sql()
    match = fts_query(query)
    sql = (
        "WITH best AS (SELECT f.rowid, f.rank FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
        f"WHERE articles_fts MATCH ?{where} ORDER BY f.rank LIMIT ?) "
        "SELECT a.url, a.title, a.published, a.lang, a.type, a.categories, a.authors, "
        f"snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 16) AS snippet, best.rank AS rank "
        "FROM best CROSS JOIN articles_fts ON articles_fts.rowid = best.rowid JOIN articles a ON a.rowid = best.rowid "
        "WHERE articles_fts MATCH ? ORDER BY best.rank"
    )
    try:
        return list(archive.db.query(sql, [match, *params, limit, match]))
    except SearchError:
        raise
    except Exception as exc:  # sqlite3.OperationalError: fts5 syntax error, no such column…
        raise SearchError(f"cannot search for {query!r}: {exc}. Use words, \"a phrase\", AND/OR/NOT, prefix*, "
                          "or quote words that contain punctuation") from exc


GROUPS = {"month": "substr(a.published, 1, 7)", "year": "substr(a.published, 1, 4)", "type": "a.type",
          "lang": "a.lang", "category": "c.value", "author": "w.value"}


def count_by(archive: Archive, query: str, group: str, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """How many articles match ``query`` (and the filters) per month, year, category, author…"""
    if group not in GROUPS:
        raise SearchError(f"cannot count by {group!r}: choose one of {', '.join(GROUPS)}")
    where, params = filters.sql()
    joins = {"category": ", json_each(a.categories) c", "author": ", json_each(a.authors) w"}.get(group, "")
    sql = (f"SELECT {GROUPS[group]} AS {group}, count(DISTINCT a.rowid) AS articles "
           f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid{joins} "
           f"WHERE articles_fts MATCH ?{where} GROUP BY 1 ORDER BY 1")
    try:
        return list(archive.db.query(sql, [fts_query(query), *params]))
    except SearchError:
        raise
    except Exception as exc:
        raise SearchError(f"cannot search for {query!r}: {exc}") from exc
