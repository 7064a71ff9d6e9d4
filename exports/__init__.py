"""Exports of the archive to files other tools read: ``export(archive, format, path, selection)``.

Formats: jsonl, csv, parquet (one record per article), warc (raw captures
and extracted articles), wacz (WARC + index + pages for replay tools),
bagit (a bag of the above with a provenance manifest, checked by
``verify``), sqlite (a consistent copy of the archive).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from exports.jsonl import write_jsonl
from exports.package import create_wacz, provenance, write_pages
from exports.selection import Selection, SelectionError, records, require_some
from exports.tabular import write_csv, write_parquet
from exports.warc import captures_for, write_warc
from newsarchive.archive import Archive
from newsarchive.files import OutputError, atomic_output

FORMATS = ("jsonl", "csv", "parquet", "warc", "wacz", "bagit", "sqlite")
BAG_CONTENTS = ("jsonl", "csv", "warc")

__all__ = ["FORMATS", "Selection", "SelectionError", "export", "verify"]


def _progress(items: Iterator[dict], total: int, label: str, show: bool) -> Iterator[dict]:
    if not show:
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


@contextmanager
def _new_path(path: Path, force: bool, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside ``path``, moved into place when the block succeeds."""
    if path.exists() and not force:
        raise OutputError(f"{path} exists: pass --force to overwrite it")
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: folder {path.parent} does not exist")
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        target = tmp / f"out{suffix}"
        yield target
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        os.replace(target, path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _warc(archive: Archive, selection: Selection, target: Path, show: bool) -> dict[str, int]:
    total = require_some(archive, selection)
    filtered = any((selection.lang, selection.category, selection.since, selection.until))
    capture_ids = {r["capture_id"] for r in records(archive, selection)} if filtered else None
    with target.open("wb") as out:
        return write_warc(archive, out, _progress(records(archive, selection), total, "warc", show),
                          filename=target.name, captures=captures_for(archive, capture_ids, selection.cutoff(),
                                                                      selection.crawl),
                          info={"software": "newsarchive (warcio)", "format": "WARC File Format 1.1",
                                "description": f"newsarchive export of {archive.path.name}",
                                "selection": str(selection.describe())})


def export(archive: Archive, fmt: str, output: str | os.PathLike[str], selection: Selection = Selection(), *,
           force: bool = False, progress: bool | None = None) -> dict[str, Any]:
    """Write one export; returns what it wrote (counts by kind)."""
    if fmt not in FORMATS:
        raise SelectionError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    show = sys.stderr.isatty() if progress is None else progress
    path = Path(output)
    if fmt in ("jsonl", "csv"):
        total = require_some(archive, selection)
        with atomic_output(path, force=force) as out:
            writer = write_jsonl if fmt == "jsonl" else write_csv
            return {"articles": writer(_progress(records(archive, selection), total, fmt, show), out)}
    if fmt == "parquet":
        total = require_some(archive, selection)
        with _new_path(path, force, ".parquet") as target:
            return {"articles": write_parquet(_progress(records(archive, selection), total, fmt, show), str(target))}
    if fmt == "warc":
        with _new_path(path, force, ".warc.gz") as target:
            return _warc(archive, selection, target, show)
    if fmt == "wacz":
        with _new_path(path, force, ".wacz") as target:
            warc = target.with_name("archive.warc.gz")
            counts = _warc(archive, selection, warc, show)
            pages = write_pages(records(archive, selection), target.with_name("pages.jsonl"))
            create_wacz(warc, target.with_name("pages.jsonl"), target, title=f"newsarchive: {archive.path.stem}",
                        description=f"Articles of {archive.path.name}, {selection.describe() or 'all'}")
            return {**counts, "pages": pages}
    if fmt == "sqlite":
        with _new_path(path, force, ".db") as target:
            source = sqlite3.connect(f"file:{archive.path}?mode=ro", uri=True)
            with sqlite3.connect(target) as copy:
                source.backup(copy)  # a consistent snapshot, even while a crawl writes
            source.close()
            return {"articles": sqlite3.connect(target).execute("SELECT count(*) FROM articles").fetchone()[0]}
    return _bag(archive, selection, path, force, show)


def _bag(archive: Archive, selection: Selection, path: Path, force: bool, show: bool) -> dict[str, Any]:
    import json

    import bagit

    require_some(archive, selection)
    with _new_path(path, force) as target:
        target.mkdir()
        counts: dict[str, Any] = {}
        for fmt in BAG_CONTENTS:
            name = {"jsonl": "articles.jsonl", "csv": "articles.csv", "warc": "archive.warc.gz"}[fmt]
            counts[fmt] = export(archive, fmt, target / name, selection, progress=show)
        manifest = provenance(archive, selection.describe(), counts)
        (target / "provenance.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
        bagit.make_bag(str(target), bag_info={
            "Source-Organization": "newsarchive", "External-Description":
                f"Strategic Council Online articles from {archive.path.name}, {selection.describe() or 'all'}",
            "External-Identifier": archive.path.name}, checksums=["sha256", "sha512"])
        return counts


def verify(path: str | os.PathLike[str]) -> list[str]:
    """Fixity and completeness of a bag: the problems found, file by file (none when intact)."""
    import hashlib

    import bagit

    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        return [f"not a readable bag: {exc}"]
    try:
        bag.validate()
        return []
    except bagit.BagValidationError as exc:
        problems = [str(d) for d in getattr(exc, "details", [])] or [str(exc)]
    missing, extra = bag.compare_manifests_with_fs()
    problems += [f"missing: {name}" for name in sorted(missing)]
    problems += [f"not in the manifest: {name}" for name in sorted(extra)]
    for name, hashes in sorted(bag.payload_entries().items()):
        file = Path(path) / name
        expected = hashes.get("sha256")
        if file.is_file() and expected and hashlib.sha256(file.read_bytes()).hexdigest() != expected:
            problems.append(f"changed: {name} (sha256 differs from the manifest)")
    return list(dict.fromkeys(problems))
