"""Page parsing on saved HTML: each golden page, each field (tests/fixtures/pages)."""

from __future__ import annotations

import pytest

from crawler.pages.scfr import ArticlePage
from tests.conftest import golden_pages, load_golden

FIELDS = ("url", "title", "published", "published_raw", "categories", "authors", "tags", "lead", "body", "type",
          "lead_prefix",
          "lang", "images", "template", "post_id")
ARTICLES = [p for p in golden_pages() if load_golden(p)[0]["expected"]["is_article"]]
NOT_ARTICLES = [p for p in golden_pages() if p not in ARTICLES]


def page_of(meta_path) -> tuple[ArticlePage, dict]:
    meta, html = load_golden(meta_path)
    return ArticlePage(meta["url"], html), meta["expected"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("meta_path", ARTICLES, ids=lambda p: p.stem)
def test_field_matches_golden(meta_path, field):
    page, expected = page_of(meta_path)
    value = getattr(page, field)
    assert (value() if callable(value) else value) == expected[field]


@pytest.mark.parametrize("meta_path", ARTICLES, ids=lambda p: p.stem)
def test_golden_expectations_are_complete(meta_path):
    _, expected = page_of(meta_path)
    for field in ("url", "title", "published", "categories", "lead", "body", "type", "lang", "template"):
        assert expected[field], f"{meta_path.name}: empty expectation for {field}"


@pytest.mark.parametrize("meta_path", ARTICLES, ids=lambda p: p.stem)
def test_lead_is_first_paragraph_of_body(meta_path):
    page, _ = page_of(meta_path)
    assert page.body().split("\n\n")[0] == page.lead()


@pytest.mark.parametrize("meta_path", NOT_ARTICLES, ids=lambda p: p.stem)
def test_non_article_pages_are_recognised(meta_path):
    page, _ = page_of(meta_path)
    assert not page.is_article()


def test_seed_article_body_is_exactly_the_article_text(seed):
    article_paragraphs, _ = seed
    page, _ = page_of(next(p for p in ARTICLES if p.stem == "article-classic"))
    assert page.body().split("\n\n") == article_paragraphs


def test_seed_boilerplate_never_reaches_the_body(seed):
    _, boilerplate = seed
    for meta_path in ARTICLES:
        body = page_of(meta_path)[0].body()
        leaked = [line for line in boilerplate if line in body.split("\n\n")]
        assert leaked == [], f"{meta_path.stem}: {leaked[:3]}"
