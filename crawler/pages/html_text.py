"""Turn an HTML fragment into plain-text paragraphs.

Paragraph breaks carry meaning in articles (questions and answers, list
items, table rows), so the conversion works on the element tree rather than
on a text dump: every block-level element becomes its own paragraph, list
items and table rows become lines of one paragraph, inline markup (links,
bold, ``<font>``) only contributes its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strike strong sub sup"
    " time tt u var del ins label wbr nobr big".split()
)
LIST_TAGS = frozenset({"ul", "ol", "dl"})
SKIP_TAGS = frozenset(
    "script style noscript template iframe object embed svg canvas video audio source track map"
    " form input button select textarea img picture head title meta link".split()
)
SPACES = re.compile(r"[^\S\n\u200c\u200d]+")  # whitespace except newline, ZWNJ and ZWJ


def clean_line(text: str) -> str:
    """Collapse runs of whitespace (keeping ZWNJ, which Persian words need)."""
    if "\n" not in text:  # the same, at C speed: str.split() and SPACES agree on what whitespace is
        return " ".join(text.split())
    return SPACES.sub(" ", text).strip()


def clean_block(text: str) -> str:
    """Clean each line of a block and drop its empty lines."""
    if "\n" not in text:
        return clean_line(text)
    return "\n".join(line for line in (clean_line(part) for part in text.split("\n")) if line)


def _raw_text(element: HtmlElement, skip: frozenset[str] = SKIP_TAGS) -> str:
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag and tag not in skip:
            if el.text:
                parts.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

    walk(element)
    return "".join(parts)


def inline_text(element: HtmlElement) -> str:
    """The text of an element as a reader sees it: ``<br>`` is a line break,
    skipped elements (scripts, forms) contribute nothing."""
    return clean_block(_raw_text(element))


def _list_lines(element: HtmlElement) -> list[str]:
    """One line per list item; a nested list adds its own lines after its item."""
    lines: list[str] = []
    for item in element:
        if not isinstance(item.tag, str) or item.tag in SKIP_TAGS:
            continue
        text = clean_line(_raw_text(item, SKIP_TAGS | LIST_TAGS).replace("\n", " "))
        if text:
            lines.append(text)
        for nested in item.iterdescendants(*LIST_TAGS):
            if next(nested.iterancestors(*LIST_TAGS)) is element:
                lines.extend(_list_lines(nested))
    return lines


def _table_lines(element: HtmlElement) -> list[str]:
    lines = []
    for row in element.iter("tr"):
        cells = [inline_text(cell).replace("\n", " ") for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def paragraphs(element: HtmlElement) -> list[str]:
    """The paragraphs of an element, in document order."""
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if not buffer:
            return
        text = clean_block("".join(buffer))
        buffer.clear()
        if text:
            blocks.append(text)

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP_TAGS:
            return
        if tag == "br":
            buffer.append("\n")
        elif tag in INLINE_TAGS and not _has_block_child(el):
            buffer.append(_raw_text(el))
        elif tag in LIST_TAGS:
            flush()
            lines = _list_lines(el)
            if lines:
                blocks.append("\n".join(lines))
        elif tag == "table":
            flush()
            lines = _table_lines(el)
            if lines:
                blocks.append("\n".join(lines))
        else:
            # a block (p, h3, blockquote, div, inline wrapper around blocks…)
            flush()
            if el.text:
                buffer.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    buffer.append(child.tail)
            if tag not in INLINE_TAGS:
                flush()

    walk(element)
    flush()
    return blocks


def _has_block_child(element: HtmlElement) -> bool:
    return any(
        isinstance(el.tag, str) and el.tag not in INLINE_TAGS and el.tag not in SKIP_TAGS and el.tag != "br"
        for el in element.iterdescendants()
    )


def drop(elements: Iterable[HtmlElement]) -> int:
    """Remove elements from their tree, keeping the text that follows them."""
    count = 0
    for el in list(elements):
        parent = el.getparent()
        if parent is None:
            continue
        el.drop_tree()
        count += 1
    return count
