"""Datasette plugin (registered as an entry point): SQL functions that the
archive's canned queries use."""

from __future__ import annotations

import difflib

from datasette import hookimpl


def unified_diff(before: str | None, after: str | None) -> str:
    """What changed from one revision's text to the next, one line per paragraph."""
    if before is None:
        return ""
    lines = difflib.unified_diff([p for p in before.split("\n") if p], [p for p in (after or "").split("\n") if p],
                                 "before", "after", n=0, lineterm="")
    return "\n".join(list(lines)[2:])  # without the ---/+++ header


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("unified_diff", 2, unified_diff, deterministic=True)
