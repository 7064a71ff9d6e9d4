"""Shared fixtures: the saved pages, the seed text and the replica site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
PAGES = TESTS / "fixtures" / "pages"
SEED = TESTS / "fixtures" / "seed-securing-iran-pakistan-border.txt"
SEED_BODY_END = "on the part of both sides."


def golden_pages() -> list[Path]:
    return sorted(PAGES.glob("*.json"))


def load_golden(meta_path: Path) -> tuple[dict, str]:
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return meta, meta_path.with_suffix(".html").read_bytes().decode(meta.get("encoding", "utf-8"))


def seed_parts() -> tuple[list[str], list[str]]:
    """The seed's article paragraphs and the boilerplate lines after them."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Strategic Council Online:"))
    end = next(i for i, line in enumerate(lines) if line.endswith(SEED_BODY_END))
    return lines[start:end + 1], lines[end + 1:]


@pytest.fixture(scope="session")
def seed() -> tuple[list[str], list[str]]:
    return seed_parts()
