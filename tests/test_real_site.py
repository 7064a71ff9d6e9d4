"""Facts taken from stored copies of real scfr.ir pages (tests/fixtures/real_site/):
each real URL is the kind it is, each real lead prefix gives its type, each real
byline its author, each printed date its day. Facts, not page text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crawler.items import ArticleItem
from crawler.pages.leads import TYPES, read_byline, read_prefix
from crawler.pages.scfr import printed_date
from crawler.urls import LANGS, Kind, SiteUrls
from pipelines.boilerplate import strip_markers

FACTS = Path(__file__).parent / "fixtures" / "real_site"
SITE = SiteUrls("https://www.scfr.ir", LANGS)
KINDS = {"article": Kind.ARTICLE, "listing": Kind.LISTING, "tag": Kind.LISTING, "shortlink": Kind.SHORTLINK}


def facts(name: str) -> list[dict[str, str]]:
    lines = [line for line in (FACTS / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def ids(rows: list[dict[str, str]], key: str) -> list[str]:
    return [f"{row.get('edition', '')}:{row[key][:60]}" for row in rows]


URLS, LEADS, BYLINES = facts("urls.tsv"), facts("leads.tsv"), facts("bylines.tsv")
DATES = facts("dates.tsv") + [{"printed": row["printed"], "edition": row["edition"], "iso": None}
                              for row in facts("meta_lines.tsv")]


def test_the_tables_hold_facts_of_every_kind():
    assert {row["kind"] for row in URLS} >= {"article", "listing", "tag", "shortlink"}
    assert {row["edition"] for row in URLS} == {"en", "fa", "ar"}
    assert len(LEADS) >= 30 and len(BYLINES) >= 30


@pytest.mark.parametrize("row", URLS, ids=ids(URLS, "url"))
def test_a_real_url_is_classed_as_what_the_page_was(row):
    url = SITE.normalize(row["url"])
    assert SITE.kind(url) is KINDS[row["kind"]]
    assert SITE.lang_of(url) == row["edition"]
    if row["kind"] == "article":
        assert SITE.post_id(url) == int(row["post_id"])


@pytest.mark.parametrize("row", [r for r in URLS if r["kind"] == "article"], ids=lambda r: r["post_id"])
def test_a_real_article_url_has_one_normal_form_however_it_is_encoded(row):
    url = SITE.normalize(row["url"])
    assert SITE.normalize(url) == url
    assert SITE.normalize(url.lower() if "%" in url else url) == url  # lower-case escapes, as some links write them


@pytest.mark.parametrize("row", LEADS, ids=ids(LEADS, "prefix"))
def test_a_real_lead_prefix_gives_its_type_and_is_kept_as_printed(row):
    prefix = read_prefix(f"{row['prefix']} the sentence of the lead goes on here.")
    assert prefix is not None
    assert prefix.printed == row["prefix"]
    assert prefix.type == row["type"] and prefix.type in TYPES
    assert (prefix.kind or "") == row["kind_word"]


@pytest.mark.parametrize("row", BYLINES, ids=ids(BYLINES, "byline"))
def test_a_real_byline_gives_its_author(row):
    assert read_byline(row["byline"]) == row["author"]


@pytest.mark.parametrize("row", DATES, ids=ids(DATES, "printed"))
def test_a_real_printed_date_gives_its_day(row):
    day = printed_date(row["printed"])
    assert day is not None
    if row["iso"]:
        assert day == row["iso"]


# what article pages carry around their text (listing titles and section names are only on listings)
BOILERPLATE_HEADINGS = [row for row in facts("headings.tsv") if not row["where"].startswith(("2026 listing", "home"))
                        and any(word in row["where"] for word in ("teaser", "Loading", "loader"))]


@pytest.mark.parametrize("row", BOILERPLATE_HEADINGS, ids=ids(BOILERPLATE_HEADINGS, "text"))
def test_a_real_boilerplate_heading_never_stays_in_a_body(row):
    item = ArticleItem(url="u", fetched_url="u", body=f"The lead.\n\nThe text.\n\n{row['text']}\n\nTeaser title")
    strip_markers(item)
    assert row["text"] not in item.body.split("\n\n")
