"""Article pages of Strategic Council Online (scfr.ir), both template generations.

One short method per field, selectors as class constants. The classic Divi
template (older posts) and the Divi Theme Builder template (newer posts)
differ only in where the title, meta line and text live; everything else is
shared.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime, timezone
from functools import cached_property
from urllib.parse import urljoin

from lxml.html import HtmlElement
from parsel import Selector

from crawler.items import ArticleItem
from crawler.pages.html_text import drop, inline_text, paragraphs
from crawler.urls import SiteUrls
from newsarchive.persian import jalali_to_iso, to_ascii_digits

DATE = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})")
LEAD_PREFIX = re.compile(
    r"^\s*(?:Strategic Council Online|شورای راهبردی آنلاین)\s*(?:[–—-]\s*(?P<kind>[^:：\n]{1,30}?))?\s*[:：]"
)
ARTICLE_TYPES = {
    "interview": "Interview", "opinion": "Opinion", "note": "Note", "news": "News",
    "گفتگو": "Interview", "گفت‌وگو": "Interview", "یادداشت": "Note", "دیدگاه": "Opinion", "خبر": "News",
}
BYLINE = re.compile(r"^(?P<name>[^\n–—:]{2,80}?)\s*[–—]\s*(?P<role>[^\n]{2,160})$")
QUESTION = re.compile(r"^(Q|س|سوال|سؤال)\s*[.:：]")
RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*(right|left)", re.I)  # left: the RTL edition mirrors it


class ArticlePage:
    """Extracts an article from one page of the site."""

    TEMPLATES = {
        # name: (title/meta scope, text container, featured image)
        "themebuilder": (".et_pb_post_title", ".et_pb_post_content", ".et_pb_title_featured_container img"),
        "classic": ("article.et_pb_post .et_post_meta_wrapper", "article.et_pb_post .entry-content",
                    "article.et_pb_post > div.et_post_meta_wrapper:first-of-type > img"),
    }
    TITLE = "h1.entry-title"
    PUBLISHED = "span.published"
    CATEGORIES = "a[rel~='category']"
    TAGS = ".scfr-post-tags a[rel~='tag']"
    # Inside the text container but not article text, by rule name. Sidebar
    # and comment selectors are here too: sloppy markup can nest them into the
    # container. What each removes is recorded on the item.
    NOT_TEXT = {
        "share": ".addtoany_share_save_container, .addtoany_content, .a2a_kit, .sharedaddy",
        "related": ".jp-relatedposts, .yarpp-related, .related-posts",
        "tags": ".scfr-post-tags",
        "comments": "#comment-wrap, .commentlist, #respond, .et_pb_comments_module, form",
        "sidebar": "#sidebar, .et_pb_column_1_3, .et_pb_blog, .et_pb_code, .scfr-loadmore, .et_pb_section_1_tb_body,"
                   " .widget, .et_pb_widget",
        "footer": "#main-footer, footer, #cookie-notice, nav",
        "captions": "figure.wp-caption, .wp-caption, figcaption",
    }
    MIN_FALLBACK_TEXT = 200  # characters of paragraphs a fallback container must hold
    FIGURES = "figure.wp-caption, .wp-caption, figure.wp-block-image"

    def __init__(self, url: str, html: str | Selector) -> None:
        self.fetched_url = url
        self.sel = html if isinstance(html, Selector) else Selector(text=html)

    @cached_property
    def _site(self) -> SiteUrls:
        """The fetched page's origin, for normalising the URLs it declares."""
        return SiteUrls(self.fetched_url)

    # -- recognition -----------------------------------------------------
    @cached_property
    def template(self) -> str | None:
        """``classic``, ``themebuilder``, or ``fallback`` when no known text
        container is on the page (the theme changed) but one can be found by
        its text density."""
        for name, (_, container, _) in self.TEMPLATES.items():
            if self.sel.css(container):
                return name
        return "fallback" if self._fallback_container is not None else None

    @cached_property
    def _fallback_container(self) -> Selector | None:
        """The element whose own paragraphs hold the most text: the article's
        text container whatever its class, as readability-style extractors find it."""
        best, best_length = None, 0
        for element in self.sel.xpath("//body//*[p]"):
            length = sum(len(inline_text(p.root)) for p in element.xpath("./p"))
            if length > best_length:
                best, best_length = element, length
        return best if best_length >= self.MIN_FALLBACK_TEXT else None

    def missed(self) -> list[str]:
        """The template selectors that matched nothing on this page (drift)."""
        checks = {"container": self.template in self.TEMPLATES, "title": bool(self.sel.css(self.TITLE)),
                  "published": bool(self.sel.css(self.PUBLISHED)), "categories": bool(self.categories())}
        return [name for name, found in checks.items() if not found]

    def is_article(self) -> bool:
        """A single post: not a listing, static page, AMP copy or error page."""
        body_class = " ".join(self.sel.xpath("//body/@class").getall()).split()
        if self.sel.xpath("/html/@amp").get() is not None:
            return False
        if body_class and "single-post" not in body_class and "single" not in body_class:
            return False
        return self.template is not None and bool(self.title())

    # -- metadata --------------------------------------------------------
    def _scope(self) -> Selector:
        """Where the title and meta line are: the template's block, else the
        meta line around the first date on the page."""
        scope = self.sel.css(self.TEMPLATES[self.template][0]) if self.template in self.TEMPLATES else []
        if not scope:
            scope = self.sel.css(self.PUBLISHED).xpath("..")
        return scope[0] if scope else self.sel

    def url(self) -> str:
        """``rel=canonical`` (or ``og:url``) when it is on the fetched origin."""
        site = self._site
        for href in self.sel.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content").getall():
            candidate = urljoin(self.fetched_url, href.strip())
            if site.in_scope(candidate):
                return site.normalize(candidate)
        return site.normalize(self.fetched_url)

    def title(self) -> str | None:
        for element in self.sel.css(self.TITLE):
            text = inline_text(element.root).replace("\n", " ")
            if text:
                return text
        og = self.sel.xpath("//meta[@property='og:title']/@content").get()
        return og.strip() if og else None

    def published_raw(self) -> str | None:
        raw = self._scope().css(self.PUBLISHED)
        return inline_text(raw[0].root) if raw else None

    def published(self) -> str | None:
        """``YYYY-MM-DD`` from the meta line (the Tehran date as printed; Solar
        Hijri dates in Persian digits converted to Gregorian), else from
        ``article:published_time`` / JSON-LD, taken as local dates."""
        candidates = [self.published_raw(), self.sel.xpath("//meta[@property='article:published_time']/@content").get(),
                      self._json_ld_date()]
        for raw in candidates:
            match = DATE.search(to_ascii_digits(raw or ""))
            if not match:
                continue
            year, month, day = (int(g) for g in match.groups())
            try:  # the Persian edition prints Solar Hijri dates (year 13xx/14xx)
                return jalali_to_iso(year, month, day) if year < 1700 else datetime(year, month, day).date().isoformat()
            except ValueError:
                continue
        return None

    def _json_ld_date(self) -> str | None:
        for block in self.sel.xpath("//script[@type='application/ld+json']/text()").getall():
            try:
                data = json.loads(block)
            except ValueError:
                continue
            nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
            for node in nodes if isinstance(nodes, list) else []:
                if isinstance(node, dict) and node.get("datePublished"):
                    return str(node["datePublished"])
        return None

    def categories(self) -> list[str]:
        names = [inline_text(a.root) for a in self._scope().css(self.CATEGORIES)]
        return list(dict.fromkeys(name for name in names if name))

    def tags(self) -> list[str]:
        names = [inline_text(a.root) for a in self.sel.css(self.TAGS)]
        return list(dict.fromkeys(name for name in names if name))

    def lang(self) -> str | None:
        declared = (self.sel.xpath("/html/@lang").get() or "").strip().lower()[:2]
        return declared or self._site.lang_of(self.fetched_url)

    def translations(self) -> dict[str, str]:
        """The other editions' versions of this article (``hreflang`` alternates), by language."""
        own = self.lang()
        found = {}
        for link in self.sel.xpath("//link[@rel='alternate'][@hreflang]"):
            lang = link.attrib["hreflang"].strip().lower()[:2]
            href = link.attrib.get("href", "").strip()
            if href and lang != own and lang.isalpha():
                found[lang] = self._site.normalize(urljoin(self.fetched_url, href))
        return found

    def post_id(self) -> int | None:
        shortlink = self.sel.xpath("//link[@rel='shortlink']/@href").re_first(r"[?&]p=(\d+)")
        return int(shortlink) if shortlink else SiteUrls.post_id(self.url())

    def images(self) -> list[dict]:
        found: list[dict] = []
        if self.template in self.TEMPLATES:
            for src in self.sel.css(self.TEMPLATES[self.template][2]).xpath("@src").getall()[:1]:
                found.append({"src": urljoin(self.fetched_url, src), "caption": None})
        for figure in self._container_sel().css(self.FIGURES):
            src = figure.css("img::attr(src)").get()
            caption = figure.css("figcaption, .wp-caption-text")
            if src:
                found.append({"src": urljoin(self.fetched_url, src),
                              "caption": inline_text(caption[0].root) if caption else None})
        return found

    # -- text ------------------------------------------------------------
    def _container_sel(self) -> Selector:
        if self.template == "fallback":
            return self._fallback_container
        return self.sel.css(self.TEMPLATES[self.template][1])[0]

    @cached_property
    def _text(self) -> tuple[list[str], list[str], list[dict]]:
        """(paragraphs, authors, removal records): the byline is taken out of the text."""
        if not self.template:
            return [], [], []
        container: HtmlElement = copy.deepcopy(self._container_sel().root)
        records = []
        for rule, selector in self.NOT_TEXT.items():
            found = [match.root for match in Selector(root=container).css(selector)]
            chars = sum(len(inline_text(element)) for element in found if element.getparent() is not None)
            if drop(found):
                records.append({"rule": f"selector:{rule}", "marker": selector.split(",")[0], "chars": chars})
        authors = self._take_byline(container)
        return paragraphs(container), authors, records

    def _take_byline(self, container: HtmlElement) -> list[str]:
        """Opinion and Note pieces name their writer in a right-aligned bold
        ``Name – Title`` paragraph right after the lead."""
        filled = [p for p in container.iter("p") if inline_text(p)]
        if len(filled) < 2:
            return []
        candidate = filled[1]
        text = inline_text(candidate).replace("\n", " ")
        match = BYLINE.match(text)
        if not match or QUESTION.match(text) or len(text) > 200:
            return []
        aligned = RIGHT_ALIGNED.search(candidate.get("style", "")) or candidate.get("align") in ("right", "left")
        bold = "".join(inline_text(b) for b in candidate.iter("strong", "b")).replace("\n", " ") == text
        if not (aligned or bold):
            return []
        drop([candidate])
        return [match.group("name").strip()]

    def body(self) -> str | None:
        return "\n\n".join(self._text[0]) or None

    def authors(self) -> list[str]:
        return self._text[1]

    def lead(self) -> str | None:
        return self._text[0][0] if self._text[0] else None

    def type(self) -> str | None:
        match = LEAD_PREFIX.match(self.lead() or "")
        if not match:
            return None
        kind = (match.group("kind") or "news").strip()
        return ARTICLE_TYPES.get(kind.lower(), kind.title())

    def to_item(self, fetched_at: str | None = None) -> ArticleItem:
        return ArticleItem(
            url=self.url(), fetched_url=self.fetched_url, title=self.title(), published=self.published(),
            published_raw=self.published_raw(), categories=self.categories(), authors=self.authors(),
            tags=self.tags(), lead=self.lead(), body=self.body(), type=self.type(), lang=self.lang(),
            images=self.images(), template=self.template, post_id=self.post_id(),
            fetched_at=fetched_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            cleaning=list(self._text[2]), missed_selectors=self.missed(), translations=self.translations(),
        )
