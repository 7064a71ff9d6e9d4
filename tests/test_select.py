"""Selectors of the page objects: simple selector groups match as CSS does."""

from __future__ import annotations

import lxml.html
import pytest

from crawler.pages.select import SimpleSelectors, css

FRAGMENT = lxml.html.fragment_fromstring(
    '<div id="wrap"><p class="a b">1</p><div class="a">2</div><form>3</form><nav id="menu">4</nav>'
    '<figure class="wp-caption x">5</figure><figure>6</figure><span class="ab">7</span></div>')


@pytest.mark.parametrize("group", ["p", ".a", "#menu", "figure.wp-caption", "form, nav", ".b, #wrap", ".ab", "span.a"])
def test_simple_selectors_match_what_css_matches(group):
    by_css = css(group)(FRAGMENT)
    assert [el for el in FRAGMENT.iter() if SimpleSelectors(group).matches(el)] == by_css


@pytest.mark.parametrize("group", ["div p", "a[rel~='tag']", "div > p", ".a:first-child", ".a, div .b"])
def test_other_selectors_are_refused_by_name(group):
    with pytest.raises(ValueError, match="not a simple selector"):
        SimpleSelectors(group)
