"""Boilerplate cleaning that survives template changes, and drift alarms,
end to end on replicas whose markup the selectors do not know."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections import Counter

import pytest

from tests.conftest import scrapy_crawl
from tests.replica import RESTYLED_PHRASES, ReplicaServer, mixed_site, quotations

SITE = mixed_site(40, share=0.3)
RESTYLED = [a for a in SITE.articles() if a.template == "restyled"]


def token_f1(found: str, truth: str) -> float:
    found_tokens, true_tokens = Counter(re.findall(r"\w+", found.lower())), Counter(re.findall(r"\w+", truth.lower()))
    common = sum((found_tokens & true_tokens).values())
    if not common:
        return 0.0
    precision, recall = common / sum(found_tokens.values()), common / sum(true_tokens.values())
    return 2 * precision * recall / (precision + recall)


def articles(archive) -> dict[str, dict]:
    db = sqlite3.connect(archive)
    db.row_factory = sqlite3.Row
    return {r["url"]: dict(r) for r in db.execute("SELECT * FROM articles")}


def crawl_row(archive, crawl_id=1) -> dict:
    db = sqlite3.connect(archive)
    db.row_factory = sqlite3.Row
    return dict(db.execute("SELECT * FROM crawls WHERE id = ?", [crawl_id]).fetchone())


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A first crawl of a site where 30 % of the pages use an unknown redesign."""
    with ReplicaServer(mixed_site(40, share=0.3)) as server:  # its own copy: a test adds a post
        crawl = scrapy_crawl(server.base_url, tmp_path_factory.mktemp("mixed") / "archive.db")
        assert crawl.returncode == 0, crawl.log[-3000:]
        yield server, crawl.archive


def test_the_replica_really_puts_boilerplate_in_the_text_container():
    assert len(RESTYLED) >= 10  # pages whose sidebars, comments and footer the selectors do not know


def test_no_body_holds_boilerplate_of_the_unknown_template(mixed):
    _, archive = mixed
    leaked = {url: [p for p in RESTYLED_PHRASES if p in row["body"]] for url, row in articles(archive).items()}
    assert {url: found for url, found in leaked.items() if found} == {}


def test_reader_comments_never_reach_a_body(mixed):
    _, archive = mixed
    bodies = "\n".join(row["body"] for row in articles(archive).values())
    comments = [text for article in SITE.articles() for _, text in article.comments]
    assert comments and [c for c in comments if c in bodies] == []


def test_every_body_matches_the_true_text(mixed):
    server, archive = mixed
    stored = articles(archive)
    scores = {a.post_id: token_f1(stored[a.url(server.base_url)]["body"], a.expected(server.base_url)["body"])
              for a in SITE.articles()}
    assert {post_id: round(f1, 3) for post_id, f1 in scores.items() if f1 < 0.98} == {}


def test_every_article_keeps_its_own_lead(mixed):
    server, archive = mixed
    stored = articles(archive)
    assert [a.post_id for a in SITE.articles()
            if not stored[a.url(server.base_url)]["body"].startswith(a.expected(server.base_url)["lead"])] == []


@pytest.mark.parametrize("quote", quotations(SITE), ids=lambda q: f"{q.quoting}-quotes-{q.quoted}-{q.kind}")
def test_a_quoted_lead_of_another_article_is_kept(mixed, quote):
    server, archive = mixed
    body = articles(archive)[SITE.by_id(quote.quoting).url(server.base_url)]["body"]
    assert quote.text in body.split("\n\n")


def test_extraction_record_says_what_the_repetition_rule_removed(mixed):
    server, archive = mixed
    stored = articles(archive)
    for article in RESTYLED:
        record = json.loads(stored[article.url(server.base_url)]["extraction"])
        repetition = [r for r in record["removed"] if r["rule"].startswith("repetition:")]
        assert repetition and record["removed_chars"] >= sum(r["chars"] for r in repetition) > 0
        assert record["kept_chars"] == len(stored[article.url(server.base_url)]["body"])


def test_a_healthy_crawl_raises_no_drift_alarm(mixed):
    _, archive = mixed
    assert json.loads(crawl_row(archive)["drift"]) == []


def test_a_later_crawl_cleans_new_pages_with_what_earlier_crawls_learned(mixed):
    server, archive = mixed
    newest = RESTYLED[0]
    new = dataclasses.replace(newest, post_id=120001, slug="a-fresh-restyled-post", title="A Fresh Restyled Post",
                              published="2024-12-30")
    server.site.add(new)
    crawl = scrapy_crawl(server.base_url, archive)
    stored = articles(archive)[new.url(server.base_url)]
    stats = json.loads(crawl_row(archive, 2)["stats"])
    assert crawl.returncode == 0 and crawl_row(archive, 2)["articles_new"] == 1
    assert not [p for p in RESTYLED_PHRASES if p in stored["body"]]
    assert "newsarchive/boilerplate/recleaned_at_close" not in stats  # clean when first stored


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """A crawl after a theme update renamed the article text container."""
    with ReplicaServer(mixed_site(40, share=0.3, container_class="post-text-v2")) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path_factory.mktemp("renamed") / "archive.db")
        assert crawl.returncode == 0, crawl.log[-3000:]
        yield server, crawl


def test_drift_alarm_fires_when_the_text_container_is_renamed(renamed):
    _, crawl = renamed
    drift = json.loads(crawl_row(crawl.archive)["drift"])
    assert any("'container' matched nothing" in alarm for alarm in drift)
    assert "Extraction drift: template selector 'container'" in crawl.log


def test_articles_are_still_extracted_after_the_rename(renamed):
    server, crawl = renamed
    stored = articles(crawl.archive)
    scores = [token_f1(stored[a.url(server.base_url)]["body"], a.expected(server.base_url)["body"])
              for a in SITE.articles() if a.url(server.base_url) in stored]
    assert len(scores) == len(SITE.articles()) and min(scores) >= 0.98
