"""End to end on a generated replica: many articles of every type and template."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import scrapy_crawl
from tests.replica import ReplicaServer, generated_site

SITE = generated_site(80, seed=1)  # seed 1 has a classic page with comments and no featured image
FIELDS = ("title", "published", "categories", "authors", "lead", "body", "type", "lang", "tags", "images")


@pytest.fixture(scope="module")
def archive_of_generated_site(tmp_path_factory):
    with ReplicaServer(SITE) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path_factory.mktemp("generated") / "archive.db")
        assert crawl.returncode == 0, crawl.log[-3000:]
        db = sqlite3.connect(crawl.archive)
        db.row_factory = sqlite3.Row
        rows = {r["url"]: dict(r) for r in db.execute("SELECT * FROM articles")}
        yield server.base_url, rows


def test_every_generated_article_is_stored_once(archive_of_generated_site):
    base, rows = archive_of_generated_site
    assert sorted(rows) == sorted(a.url(base) for a in SITE.articles())


@pytest.mark.parametrize("field", FIELDS)
def test_field_is_right_on_every_generated_article(archive_of_generated_site, field):
    base, rows = archive_of_generated_site
    wrong = []
    for article in SITE.articles():
        expected = article.expected(base)
        value = rows[expected["url"]][field]
        if (json.loads(value) if field in ("categories", "authors", "tags", "images") else value) != expected[field]:
            wrong.append(article.post_id)
    assert wrong == []
