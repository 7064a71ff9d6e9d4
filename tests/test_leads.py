"""Lead prefixes, types and bylines: the forms the site prints, and what is not one."""

from __future__ import annotations

import pytest

from crawler.pages.leads import read_byline, read_prefix
from crawler.pages.scfr import ArticlePage


@pytest.mark.parametrize(("lead", "printed", "type_"), [
    ("Strategic Council Online – An expert on Subcontinent affairs said: the talks", "Strategic Council Online –", "News"),
    ("Strategic Council Online: The foreign minister said: the talks", "Strategic Council Online:", "News"),
    ("Strategic Council Online: Interview: the talks", "Strategic Council Online: Interview:", "Interview"),
    ("Online Strategic Council – Memoir: in 1988", "Online Strategic Council – Memoir:", "Memoir"),
    ("شورای راهبردی آنلاین – گزارش: متن", "شورای راهبردی آنلاین – گزارش:", "Report"),
    ("شورای راهبردی آنلاین -رصد: متن", "شورای راهبردی آنلاین -رصد:", "Monitor"),
    ("شورای راهبردی آنلاین – گفتگو: متن", "شورای راهبردی آنلاین – گفتگو:", "Interview"),
    ("المجلس الاستراتيجي أونلاين ـ حوار: نص", "المجلس الاستراتيجي أونلاين ـ حوار:", "Interview"),
    ("Strategic Council Online – Analysis: the text", "Strategic Council Online – Analysis:", "Analysis"),
    ("Strategic Council Online – Dispatch: the text", "Strategic Council Online – Dispatch:", "Other"),
])
def test_lead_prefix_and_type(lead, printed, type_):
    prefix = read_prefix(lead)
    assert (prefix.printed, prefix.type) == (printed, type_)


@pytest.mark.parametrize("lead", ["Having stated that the talks failed, the minister left.", "", None,
                                  "The Strategic Council Online: a name in the middle"])
def test_a_lead_without_the_sites_name_has_no_prefix(lead):
    assert read_prefix(lead) is None


@pytest.mark.parametrize("line", [
    "Q: Why did the talks fail, in your view?",
    "Question: What comes next?",
    "In this regard, the minister said that the talks would go on.",
    "The talks – which began in Vienna – failed.",
    "Iran, Russia and China signed the agreement.",
    "Tehran, 12 March",
])
def test_text_that_is_not_a_byline(line):
    assert read_byline(line) is None


PAGE = """<html><body class="post-template-default single single-post postid-7 single-format-standard">
<div class="et_pb_post_title"><h1 class="entry-title">T</h1><p class="et_pb_title_meta_container">
<span class="published">2024/01/06</span> | <a rel="category tag" href="/en/category/politics/">Politics</a></p></div>
<div class="et_pb_post_content">{text}</div></body></html>"""


def test_a_byline_after_a_line_break_inside_the_lead_is_taken_out_of_the_text():
    text = ("<p><strong>Strategic Council Online – Opinion:</strong> The lead says what the piece argues.<br/>"
            "<strong>Mahmoud Fazeli, Analyst of International Issues</strong></p><p>The second paragraph.</p>")
    page = ArticlePage("https://www.scfr.ir/en/politics/7/t/", PAGE.format(text=text))
    assert page.authors() == ["Mahmoud Fazeli"]
    assert page.lead() == "Strategic Council Online – Opinion: The lead says what the piece argues."
    assert "Fazeli" not in page.body()
    assert (page.type(), page.lead_prefix()) == ("Opinion", "Strategic Council Online – Opinion:")


def test_a_hyphen_byline_after_the_lead_gives_its_author():
    text = ("<p><strong>Strategic Council Online - Note:</strong> The lead.</p>"
            "<p style='text-align: right;'><strong>Barsam Mohammadi-Expert of regional issues</strong></p>"
            "<p>The text.</p>")
    page = ArticlePage("https://www.scfr.ir/en/politics/7/t/", PAGE.format(text=text))
    assert page.authors() == ["Barsam Mohammadi"]
    assert page.body() == "Strategic Council Online - Note: The lead.\n\nThe text."


@pytest.mark.parametrize(("body_class", "head", "is_article"), [
    ("single single-post postid-7", "", True),
    ("post-template-default single postid-7", "", True),
    ("page-template-default page page-id-9", "", False),
    ("archive category category-politics", "", False),
    ("home blog", "", False),
    (None, "<meta property='og:type' content='article'/><link rel='shortlink' href='/en/?p=7'/>", True),
])
def test_an_article_is_what_the_page_says_it_is(body_class, head, is_article):
    text = "<p><strong>Strategic Council Online:</strong> The lead.</p><p>The text.</p>"
    html = PAGE.format(text=text).replace("<html><body class=\"post-template-default single single-post postid-7 "
                                          "single-format-standard\">",
                                          f"<html><head>{head}</head><body"
                                          + (f' class="{body_class}">' if body_class else ">"))
    assert ArticlePage("https://www.scfr.ir/en/about-scfr-en/7/t/", html).is_article() is is_article
