"""Selectors compiled once: CSS (translated as parsel does) and XPath, as lxml ``XPath`` objects.

parsel translates and compiles a query on every call and wraps every match in
a ``Selector``; the article page asks some twenty questions of every page, and
that overhead was a third of its parse cost (benchmarks/README.md). Results are
plain lxml elements and plain strings (no "smart" strings that keep a page's
tree alive).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from parsel.csstranslator import HTMLTranslator

_TRANSLATOR = HTMLTranslator()


@lru_cache(maxsize=None)
def css(selector: str) -> etree.XPath:
    """A CSS selector (with parsel's ``::attr()``/``::text``) matching from the element it is applied to."""
    return etree.XPath(_TRANSLATOR.css_to_xpath(selector), smart_strings=False)


@lru_cache(maxsize=None)
def xpath(query: str) -> etree.XPath:
    return etree.XPath(query, smart_strings=False)
