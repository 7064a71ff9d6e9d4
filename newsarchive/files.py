"""Writing output files safely: never over an existing file unless asked,
never a half-written file (a temporary file beside the target, renamed at the end)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class OutputError(Exception):
    """The file cannot be written as asked; the message says why."""


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], *, force: bool = False) -> Iterator[TextIO]:
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target} is a folder: give a file name")
    if target.exists() and not force:
        raise OutputError(f"{target} exists: pass --force to overwrite it")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {target}: folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
