"""Cleaning, validation and dedup stages, each on its own."""

from __future__ import annotations

import asyncio

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from pipelines.boilerplate import BoilerplatePipeline
from pipelines.dedup import DeduplicatePipeline
from pipelines.drift import DriftPipeline
from pipelines.normalize import NormalizePipeline
from pipelines.validate import ValidatePipeline

URL = "https://www.scfr.ir/en/defense-security/101850/securing-iran-pakistans-border/"


def article(**fields) -> ArticleItem:
    defaults = dict(url=URL, fetched_url=URL, title="Securing Iran-Pakistan Border", published="2019-04-13",
                    body="Strategic Council Online: Lead.\n\nText.", lead="Strategic Council Online: Lead.", lang="en")
    return ArticleItem(**{**defaults, **fields})


def run(pipeline_cls, item):
    crawler = get_crawler()
    pipeline = pipeline_cls.from_crawler(crawler) if hasattr(pipeline_cls, "from_crawler") else pipeline_cls()
    return asyncio.run(pipeline.process_item(item)), crawler.stats


def test_naive_scrape_of_the_seed_page_is_cut_to_the_article_text(seed):
    article_paragraphs, boilerplate = seed
    item, stats = run(BoilerplatePipeline, article(body="\n\n".join(article_paragraphs + boilerplate)))
    assert item.body == "\n\n".join(article_paragraphs)
    assert item.lead == article_paragraphs[0]
    assert stats.get_value("newsarchive/boilerplate/text:trailing-section") == 1


@pytest.mark.parametrize("widget", ["Loading", "Share This:", "Tags: Iran, Pakistan", "Reply",
                                    "Your email address will not be published. Required fields are marked *",
                                    "© 2024 Strategic Council on Foreign Relations. Designed by SCFR IT. All rights reserved."])
def test_stray_widgets_are_dropped_wherever_they_stand(widget):
    item, _ = run(BoilerplatePipeline, article(body=f"Strategic Council Online: Lead.\n\n{widget}\n\nText."))
    assert item.body == "Strategic Council Online: Lead.\n\nText."
    assert item.cleaning[0]["rule"] == "text:stray-widget"


def test_article_text_that_mentions_comments_is_kept():
    body = "Strategic Council Online: Lead.\n\nThe 2 Comments made by the minister were criticised.\n\nText."
    item, _ = run(BoilerplatePipeline, article(body=body))
    assert item.body == body and item.cleaning == []


def test_normalize_decodes_entities_composes_unicode_and_drops_empty_paragraphs():
    item, _ = run(NormalizePipeline, article(
        title="Iran&#8217;s  Response", body="Strategic Council Online: Cafe\u0301 &amp; more.\n\n \n\n\n\nNext\u00a0 line.",
        categories=["Defense &amp; Security", "Defense & Security", " News "]))
    assert item.title == "Iran’s Response"
    assert item.body == "Strategic Council Online: Café & more.\n\nNext line."
    assert item.categories == ["Defense & Security", "News"]


def test_normalize_keeps_zero_width_non_joiner():
    item, _ = run(NormalizePipeline, article(body="شورای راهبردی آنلاین: می\u200cشود"))
    assert item.body == "شورای راهبردی آنلاین: می\u200cشود"


@pytest.mark.parametrize(("fields", "reason"), [
    ({"title": None}, "missing_title"),
    ({"published": None}, "missing_date"),
    ({"published": "2019/04/13"}, "missing_date"),
    ({"body": None}, "missing_body"),
    ({"body": "Text with <script>alert(1)</script>"}, "markup_in_text"),
])
def test_incomplete_items_are_dropped_with_reason_and_url(fields, reason):
    with pytest.raises(DropItem, match=f"{reason}: {URL}"):
        run(ValidatePipeline, article(**fields))


def test_drop_reasons_are_counted_in_stats():
    crawler = get_crawler()
    pipeline = ValidatePipeline.from_crawler(crawler)
    with pytest.raises(DropItem):
        asyncio.run(pipeline.process_item(article(title=None)))
    assert crawler.stats.get_value("newsarchive/dropped/missing_title") == 1


def test_second_item_for_the_same_canonical_url_is_dropped():
    crawler = get_crawler()
    pipeline = DeduplicatePipeline.from_crawler(crawler)
    asyncio.run(pipeline.process_item(article()))
    with pytest.raises(DropItem, match="duplicate"):
        asyncio.run(pipeline.process_item(article(fetched_url=URL + "?utm_source=x")))
    assert crawler.stats.get_value("newsarchive/dropped/duplicate") == 1


def test_literal_text_that_reads_as_markup_is_taken_out_and_recorded():
    item, _ = run(NormalizePipeline, article(body="Strategic Council Online: Lead.\n\nOne reader typed "
                                                  "<script>alert(3)</script> into the form."))
    assert item.body == "Strategic Council Online: Lead.\n\nOne reader typed alert(3) into the form."
    assert item.cleaning[0]["rule"] == "text:tag-like-literal"


def test_leads_of_an_unknown_kind_raise_a_drift_alarm_when_they_are_many():
    crawler = get_crawler()
    pipeline = DriftPipeline(crawler, None, share=0.2, min_pages=3)
    for index in range(10):
        kind = ("Other", "Strategic Council Online – Dispatch:") if index < 3 else ("News", "Strategic Council Online:")
        asyncio.run(pipeline.process_item(article(type=kind[0], lead_prefix=kind[1])))
    assert crawler.stats.get_value("newsarchive/types/Other") == 3
    assert any("no known kind" in alarm for alarm in pipeline.alarms())


def test_a_lone_unknown_kind_is_counted_without_an_alarm():
    crawler = get_crawler()
    pipeline = DriftPipeline(crawler, None, share=0.2, min_pages=3)
    for index in range(10):
        asyncio.run(pipeline.process_item(article(type="Other" if index == 0 else "News")))
    assert crawler.stats.get_value("newsarchive/types/Other") == 1
    assert not pipeline.alarms()
