"""The Persian edition end to end: an en,fa crawl of a bilingual replica."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from crawler.urls import SiteUrls
from newsarchive.cli import main
from tests.conftest import scrapy_crawl
from tests.replica import ReplicaServer, bilingual_site

SITE = bilingual_site()
PERSIAN = [a for a in SITE.articles() if a.lang == "fa"]
FIELDS = ("title", "published", "published_raw", "categories", "authors", "tags", "lead", "body", "type", "lang")
PERSIAN_BOILERPLATE = ("دیدگاهتان را بنویسید", "نشانی ایمیل شما منتشر نخواهد شد", "آخرین مطالب", "در حال بارگذاری",
                       "Últimas publicaciones", "فرستادن دیدگاه")


def crawl_into(tmp_path_factory, langs: str):
    with ReplicaServer(bilingual_site()) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path_factory.mktemp(langs.replace(",", "-")) / "archive.db",
                             "-a", f"langs={langs}")
        assert crawl.returncode == 0, crawl.log[-3000:]
        db = sqlite3.connect(crawl.archive)
        db.row_factory = sqlite3.Row
        rows = {r["url"]: dict(r) for r in db.execute("SELECT * FROM articles")}
        return server.base_url, crawl.archive, rows


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    return crawl_into(tmp_path_factory, "en,fa")


def canonical(base: str, url: str) -> str:
    """The archive's form of a URL: percent-escapes of Persian slugs in upper case (RFC 3986)."""
    return SiteUrls(base, ("en", "fa")).normalize(url)


def stored(bilingual, article) -> dict:
    base, _, rows = bilingual
    row = rows[canonical(base, article.url(base))]
    return {k: json.loads(v) if k in ("categories", "authors", "tags", "translations") and v else v
            for k, v in row.items()}


def test_every_article_of_both_editions_is_stored_once(bilingual):
    base, _, rows = bilingual
    assert sorted(rows) == sorted(canonical(base, a.url(base)) for a in SITE.articles())


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("post_id", [a.post_id for a in PERSIAN])
def test_persian_field_is_right(bilingual, post_id, field):
    article = SITE.by_id(post_id)
    assert stored(bilingual, article)[field] == article.expected(bilingual[0])[field]


def test_persian_text_keeps_its_zero_width_non_joiners(bilingual):
    for article in PERSIAN:
        expected = article.expected(bilingual[0])["body"]
        assert "\u200c" in expected and stored(bilingual, article)["body"].count("\u200c") == expected.count("\u200c")


def test_arabic_form_letters_are_stored_as_published(bilingual):
    assert [a.post_id for a in PERSIAN if "\u064a" in stored(bilingual, a)["body"]] == [200231]


@pytest.mark.parametrize("post_id", [a.post_id for a in SITE.articles() if a.translation_of])
def test_translations_are_linked_both_ways(bilingual, post_id):
    article = SITE.by_id(post_id)
    counterpart = SITE.by_id(article.translation_of)
    base = bilingual[0]
    assert stored(bilingual, article)["translations"] == {counterpart.lang: canonical(base, counterpart.url(base))}


def test_no_persian_boilerplate_in_any_body(bilingual):
    bodies = "\n".join(row["body"] for row in bilingual[2].values())
    assert [phrase for phrase in PERSIAN_BOILERPLATE if phrase in bodies] == []


def zwnj_word(text: str) -> str:
    return next(w for w in re.findall(r"\w+\u200c\w+", text) if len(w) > 6)


def search(bilingual, query: str) -> list[str]:
    result = CliRunner().invoke(main, ["search", query, "--archive", str(bilingual[1]), "--lang", "fa",
                                       "--limit", "100", "--format", "json"])
    assert result.exit_code == 0, result.output
    return [hit["url"] for hit in json.loads(result.output)]


@pytest.mark.parametrize("spelling", ["as written", "joined", "split", "arabic letters"])
def test_persian_queries_find_a_word_however_it_is_spelled(bilingual, spelling):
    article = SITE.by_id(201544)
    word = zwnj_word(article.expected(bilingual[0])["body"])
    query = {"as written": word, "joined": word.replace("\u200c", ""), "split": f'"{word.replace(chr(0x200c), " ")}"',
             "arabic letters": word.replace("ی", "ي").replace("ک", "ك")}[spelling]
    assert canonical(bilingual[0], article.url(bilingual[0])) in search(bilingual, query)


def test_a_persian_query_finds_text_stored_with_arabic_letters(bilingual):
    article = SITE.by_id(200231)
    assert canonical(bilingual[0], article.url(bilingual[0])) in search(bilingual, "کشاورزان")


def test_a_persian_only_crawl_stores_only_the_persian_edition(tmp_path_factory):
    base, _, rows = crawl_into(tmp_path_factory, "fa")
    assert sorted(rows) == sorted(canonical(base, a.url(base)) for a in PERSIAN)
