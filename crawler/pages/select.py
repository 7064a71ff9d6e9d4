"""Selectors compiled once: CSS (translated as parsel does) and XPath, as lxml ``XPath`` objects.

parsel translates and compiles a query on every call and wraps every match in
a ``Selector``; the article page asks some twenty questions of every page, and
that overhead was a third of its parse cost (benchmarks/README.md). Results are
plain lxml elements and plain strings (no "smart" strings that keep a page's
tree alive).
"""

from __future__ import annotations

import re
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


SIMPLE = re.compile(r"(?P<tag>[a-z][a-z0-9]*)?(?:#(?P<id>[\w-]+))?(?:\.(?P<cls>[\w-]+))?")


class SimpleSelectors:
    """A CSS selector group made only of ``tag``, ``#id``, ``.class`` and ``tag.class``,
    matched in Python on one element at a time.

    Several of them can be tested in one walk over a small subtree (an
    article's text container, a few dozen elements), where the fixed cost of
    an XPath call (~20 µs) per selector group would dominate.
    """

    def __init__(self, group: str) -> None:
        self.text = group
        self.parts: list[tuple[str | None, str | None, str | None]] = []
        for selector in group.split(","):
            match = SIMPLE.fullmatch(selector.strip())
            if not match or not any(match.groups()):
                raise ValueError(f"not a simple selector: {selector.strip()!r} in {group!r}")
            self.parts.append((match["tag"], match["id"], match["cls"]))

    def matches(self, element: etree._Element) -> bool:
        classes = None
        for tag, id_, cls in self.parts:
            if tag is not None and element.tag != tag:
                continue
            if id_ is not None and element.get("id") != id_:
                continue
            if cls is not None:
                if classes is None:
                    classes = (element.get("class") or "").split()
                if cls not in classes:
                    continue
            return True
        return False
