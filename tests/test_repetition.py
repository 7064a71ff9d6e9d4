"""Boilerplate by repetition: which repeated paragraphs go, which stay."""

from __future__ import annotations

import pytest

from crawler.pages.blocks import block_key
from pipelines.repetition import remove_repeated

LEAD = "Strategic Council Online – Interview: An expert said the talks would resume."
OTHER_LEAD = "Strategic Council Online – Note: Another article's lead, shown as a teaser everywhere."
TEXT = [f"Unique paragraph {word} of this article only." for word in ("one", "two", "three", "four")]
COMMENTS_HEADING, PROMPT, LABEL = "3 responses so far", "Have your say below", "Your name"
TEASER_TITLE = "Another Article's Title"
SITE_PAGES = 100


def clean(paragraphs, repeated_on=None, leads=(OTHER_LEAD,)):
    """Remove with these page counts (default: every listed boilerplate on 60 pages)."""
    counts = {block_key(text): pages for text, pages in (repeated_on or {}).items()}
    return remove_repeated(paragraphs, lambda keys: {k: counts[k] for k in keys if k in counts}, SITE_PAGES,
                           {block_key(lead) for lead in leads})


EVERYWHERE = {text: 60 for text in (COMMENTS_HEADING, PROMPT, LABEL, TEASER_TITLE, OTHER_LEAD, LEAD)}


def test_comment_section_with_unique_comments_is_cut_from_its_heading():
    body = [LEAD, *TEXT, COMMENTS_HEADING, "Maryam K.", "A reader's unique comment.", PROMPT, LABEL]
    kept, records = clean(body, EVERYWHERE)
    assert kept == [LEAD, *TEXT]
    assert records[0]["rule"] == "repetition:tail"


def test_teaser_list_inside_the_text_is_removed():
    body = [LEAD, TEXT[0], TEASER_TITLE, OTHER_LEAD, TEASER_TITLE + " 2", TEXT[1], TEXT[2], TEXT[3]]
    kept, _ = clean(body, {**EVERYWHERE, TEASER_TITLE + " 2": 40})
    assert kept == [LEAD, *TEXT]


def test_the_articles_own_lead_is_never_removed():
    kept, _ = clean([LEAD, *TEXT], EVERYWHERE, leads=(LEAD, OTHER_LEAD))
    assert kept[0] == LEAD


@pytest.mark.parametrize("position", [2, 5], ids=["inside", "at-the-end"])
def test_a_quoted_lead_of_another_article_is_kept(position):
    body = [LEAD, *TEXT]
    body.insert(position, OTHER_LEAD)
    kept, _ = clean(body, EVERYWHERE)
    assert kept == body


def test_a_lone_template_line_is_removed():
    body = [LEAD, TEXT[0], "Get our weekly briefing in your inbox", *TEXT[1:]]
    kept, records = clean(body, {"Get our weekly briefing in your inbox": 90})
    assert kept == [LEAD, *TEXT] and records[0]["rule"] == "repetition:template-line"


def test_text_repeated_on_few_pages_is_kept():
    body = [LEAD, *TEXT, "A sentence two other articles share."]
    assert clean(body, {"A sentence two other articles share.": 2})[0] == body


@pytest.mark.parametrize(("text", "key"), [
    ("2 Comments", 8249565357822343378),
    ("Strategic Council Online: The  border\u00a0of Iran\tand Pakistan.", 6154289094778734494),
    ("می\u200cخواهند ۱۲ بار\u200d  گفت\u200c\u200cوگو", 6406029461284729873),
    ("\ufb01ne \u216b", 7552787533630063031),
])
def test_block_keys_stay_what_archives_already_store(text, key):
    """Archives keep block counts by key across crawls: a key that changed would count a block anew."""
    assert block_key(text) == key


def test_block_keys_ignore_case_digits_and_spacing():
    assert block_key("2 Comments") == block_key("15  comments") != block_key("Comments")


def test_an_early_repeated_heading_does_not_cut_the_text_after_it():
    disclaimer = "The views expressed are the author's own."
    body = [LEAD, "Conclusion", *TEXT, disclaimer]
    kept, _ = clean(body, {"Conclusion": 20, disclaimer: 90})
    assert kept == [LEAD, "Conclusion", *TEXT]


def test_a_sub_heading_that_other_articles_share_is_kept_even_at_the_end():
    body = [LEAD, *TEXT, "What Iran expects"]
    assert clean(body, {"What Iran expects": 10})[0] == body
