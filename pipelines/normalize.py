"""Normalise extracted text: entities, Unicode NFC, whitespace, empty paragraphs."""

from __future__ import annotations

import html
import re
import unicodedata

from crawler.items import ArticleItem
from crawler.pages.html_text import clean_block, clean_line

ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
# Literal text that reads as a tag ("<script>alert(1)</script>" typed by a writer or injected into a
# page as escaped text). Extraction only ever yields text, so this is never real markup, but stored
# it would look like markup to every consumer of the archive: it is taken out, and recorded.
TAG_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z][^<>\n]{0,200}>")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")  # keeps \t, \n, ZWNJ (U+200C), ZWJ


def normalize_text(text: str | None) -> str | None:
    """NFC, decoded leftover entities (WordPress double-escapes some), no
    control characters; inner newlines kept. Unknown input returned as is."""
    if not isinstance(text, str):
        return text
    if ENTITY.search(text):
        text = html.unescape(text)
    return unicodedata.normalize("NFC", CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def normalize_body(text: str | None) -> str | None:
    """Paragraphs separated by exactly one blank line, none of them empty."""
    text = normalize_text(text)
    if not isinstance(text, str):
        return text
    paragraphs = (clean_block(part) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p) or None


def normalize_line(text: str | None) -> str | None:
    text = normalize_text(text)
    return clean_line(text.replace("\n", " ")) or None if isinstance(text, str) else text


def without_tag_like_text(item: ArticleItem) -> None:
    removed = 0
    for name in ("title", "lead", "body"):
        value = getattr(item, name)
        if isinstance(value, str) and TAG_LIKE.search(value):
            cleaned = TAG_LIKE.sub("", value)
            removed += len(value) - len(cleaned) if name != "lead" else 0
            setattr(item, name, cleaned)
    if removed:
        item.cleaning.append({"rule": "text:tag-like-literal", "marker": "<…>", "paragraphs": 0, "chars": removed})


def normalize_item(item: ArticleItem) -> ArticleItem:
    without_tag_like_text(item)
    item.title = normalize_line(item.title)
    item.published_raw = normalize_line(item.published_raw)
    item.body = normalize_body(item.body)
    item.lead = normalize_body(item.lead)
    for name in ("categories", "authors", "tags"):
        values = (normalize_line(value) for value in getattr(item, name))
        setattr(item, name, list(dict.fromkeys(v for v in values if v)))
    for image in item.images:
        image["caption"] = normalize_line(image.get("caption"))
    return item


class NormalizePipeline:
    async def process_item(self, item):
        return normalize_item(item) if isinstance(item, ArticleItem) else item
