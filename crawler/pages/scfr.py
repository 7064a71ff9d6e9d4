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
from itertools import islice
from urllib.parse import urljoin

from lxml.html import HtmlElement
from parsel import Selector

from crawler.items import ArticleItem
from crawler.pages.html_text import drop, inline_text, paragraphs
from crawler.pages.leads import LeadPrefix, read_byline, read_prefix
from crawler.pages.select import SimpleSelectors, css, xpath
from crawler.urls import SiteUrls
from newsarchive.persian import jalali_to_iso, to_ascii_digits

DATE = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})")
SHORTLINK_ID = re.compile(r"[?&]p=(\d+)")
RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*(right|left)", re.I)  # left: the RTL edition mirrors it


class ArticlePage:
    """Extracts an article from one page of the site.

    Queries run on the lxml tree through selectors compiled once
    (``crawler.pages.select``); what several fields need (the text container,
    the meta line, the head's links and metas) is looked up once per page.
    """

    # Tag names are part of the selectors (all these blocks are divs on the site): a
    # class test on every element costs libxml2 three times a tag test. A renamed
    # container is still found (the fallback) and reported as drift.
    TEMPLATES = {
        # name: (title/meta scope, text container, featured image)
        "themebuilder": ("div.et_pb_post_title", "div.et_pb_post_content", "div.et_pb_title_featured_container img"),
        "classic": ("article.et_pb_post div.et_post_meta_wrapper", "article.et_pb_post div.entry-content",
                    "article.et_pb_post > div.et_post_meta_wrapper:first-of-type > img"),
    }
    TITLE = "h1.entry-title"
    PUBLISHED = "span.published"
    CATEGORIES = "a[rel~='category']"
    TAGS = "div.scfr-post-tags a[rel~='tag']"
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
    _NOT_TEXT_SELECTORS = {rule: SimpleSelectors(group) for rule, group in NOT_TEXT.items()}
    MIN_FALLBACK_TEXT = 200  # characters of paragraphs a fallback container must hold
    FIGURES = "figure.wp-caption, .wp-caption, figure.wp-block-image"

    def __init__(self, url: str, html: str | Selector) -> None:
        self.fetched_url = url
        self.root: HtmlElement = (html if isinstance(html, Selector) else Selector(text=html)).root

    @cached_property
    def _site(self) -> SiteUrls:
        """The fetched page's origin, for normalising the URLs it declares."""
        return SiteUrls(self.fetched_url)

    @cached_property
    def _head(self) -> list[HtmlElement]:
        """The page's ``<link>`` and ``<meta>`` elements, in document order (one pass for all of them)."""
        return list(self.root.iter("link", "meta"))

    def _links(self, rel: str) -> list[HtmlElement]:
        return [el for el in self._head if el.tag == "link" and el.get("rel") == rel]

    def _meta(self, prop: str) -> str | None:
        return next((el.get("content") for el in self._head
                     if el.tag == "meta" and el.get("property") == prop and el.get("content") is not None), None)

    # -- recognition -----------------------------------------------------
    @cached_property
    def _container(self) -> tuple[str, HtmlElement] | None:
        """(template name, text container): ``classic``, ``themebuilder``, or
        ``fallback`` when no known text container is on the page (the theme
        changed) but one can be found by its text density."""
        for name, (_, container, _) in self.TEMPLATES.items():
            found = css(container)(self.root)
            if found:
                return name, found[0]
        fallback = self._fallback_container()
        return ("fallback", fallback) if fallback is not None else None

    @property
    def template(self) -> str | None:
        return self._container[0] if self._container else None

    def _fallback_container(self) -> HtmlElement | None:
        """The element whose own paragraphs hold the most text: the article's
        text container whatever its class, as readability-style extractors find it."""
        best, best_length = None, 0
        for element in xpath("//body//*[p]")(self.root):
            length = sum(len(inline_text(p)) for p in element.iterchildren("p"))
            if length > best_length:
                best, best_length = element, length
        return best if best_length >= self.MIN_FALLBACK_TEXT else None

    def missed(self) -> list[str]:
        """The template selectors that matched nothing on this page (drift)."""
        checks = {"container": self.template in self.TEMPLATES, "title": bool(self._titles),
                  "published": bool(self._published_elements), "categories": bool(self.categories())}
        return [name for name, found in checks.items() if not found]

    @cached_property
    def _body_classes(self) -> list[str]:
        return " ".join(xpath("//body/@class")(self.root)).split()

    def says_single_post(self) -> bool | None:
        """What the page says it is, as WordPress marks it: True for a single post
        (``body`` classes ``single single-post postid-N``; without body classes,
        ``og:type`` article and a shortlink), False for anything else WordPress
        renders (a page, a listing, a search, an error page), None when it says nothing."""
        classes = self._body_classes
        if classes:
            return "single-post" in classes or ("single" in classes and any(c.startswith("postid-") for c in classes))
        if self._meta("og:type") == "article" and self._links("shortlink"):
            return True
        return None

    def is_article(self) -> bool:
        """A single post with its text: whatever its URL looks like; never an AMP copy."""
        if xpath("/html/@amp")(self.root):
            return False
        if self.says_single_post() is False:
            return False
        return self.template is not None and bool(self.title())

    # -- metadata --------------------------------------------------------
    @cached_property
    def _scope(self) -> HtmlElement:
        """Where the title and meta line are: the template's block, else the
        meta line around the first date on the page."""
        scope = css(self.TEMPLATES[self.template][0])(self.root) if self.template in self.TEMPLATES else []
        if not scope:
            scope = [el.getparent() for el in self._published_elements[:1] if el.getparent() is not None]
        return scope[0] if scope else self.root

    @cached_property
    def _titles(self) -> list[HtmlElement]:
        return css(self.TITLE)(self.root)

    @cached_property
    def _published_elements(self) -> list[HtmlElement]:
        return css(self.PUBLISHED)(self.root)

    def url(self) -> str:
        """``rel=canonical`` (or ``og:url``) when it is on the fetched origin."""
        site = self._site
        for el in self._head:
            if el.tag == "link" and el.get("rel") == "canonical":
                href = el.get("href")
            elif el.tag == "meta" and el.get("property") == "og:url":
                href = el.get("content")
            else:
                continue
            if href is None:
                continue
            candidate = urljoin(self.fetched_url, href.strip())
            if site.in_scope(candidate):
                return site.normalize(candidate)
        return site.normalize(self.fetched_url)

    def title(self) -> str | None:
        for element in self._titles:
            text = inline_text(element).replace("\n", " ")
            if text:
                return text
        og = self._meta("og:title")
        return og.strip() if og else None

    @cached_property
    def _published_raw(self) -> str | None:
        raw = css(self.PUBLISHED)(self._scope)
        return inline_text(raw[0]) if raw else None

    def published_raw(self) -> str | None:
        return self._published_raw

    def published(self) -> str | None:
        """``YYYY-MM-DD`` from the meta line (the Tehran date as printed; Solar
        Hijri dates in Persian digits converted to Gregorian), else from
        ``article:published_time`` / JSON-LD, taken as local dates."""
        candidates = (self.published_raw, lambda: self._meta("article:published_time"), self._json_ld_date)
        return next(filter(None, (printed_date(candidate()) for candidate in candidates)), None)

    def _json_ld_date(self) -> str | None:
        for block in xpath("//script[@type='application/ld+json']/text()")(self.root):
            try:
                data = json.loads(block)
            except ValueError:
                continue
            nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
            for node in nodes if isinstance(nodes, list) else []:
                if isinstance(node, dict) and node.get("datePublished"):
                    return str(node["datePublished"])
        return None

    @cached_property
    def _categories(self) -> list[str]:
        names = [inline_text(a) for a in css(self.CATEGORIES)(self._scope)]
        return list(dict.fromkeys(name for name in names if name))

    def categories(self) -> list[str]:
        return list(self._categories)

    def tags(self) -> list[str]:
        names = [inline_text(a) for a in css(self.TAGS)(self.root)]
        return list(dict.fromkeys(name for name in names if name))

    def lang(self) -> str | None:
        declared = next(iter(xpath("/html/@lang")(self.root)), "").strip().lower()[:2]
        return declared or self._site.lang_of(self.fetched_url)

    def translations(self) -> dict[str, str]:
        """The other editions' versions of this article (``hreflang`` alternates), by language."""
        own = self.lang()
        found = {}
        for link in self._links("alternate"):
            if link.get("hreflang") is None:
                continue
            lang = link.get("hreflang").strip().lower()[:2]
            href = link.get("href", "").strip()
            if href and lang != own and lang.isalpha():
                found[lang] = self._site.normalize(urljoin(self.fetched_url, href))
        return found

    def post_id(self) -> int | None:
        for link in self._links("shortlink"):
            match = SHORTLINK_ID.search(link.get("href") or "")
            if match:
                return int(match.group(1))
        return SiteUrls.post_id(self.url())

    def images(self) -> list[dict]:
        found: list[dict] = []
        if self.template in self.TEMPLATES:
            for src in css(self.TEMPLATES[self.template][2] + "::attr(src)")(self.root)[:1]:
                found.append({"src": urljoin(self.fetched_url, src), "caption": None})
        for figure in css(self.FIGURES)(self._container[1]):
            src = next(iter(css("img::attr(src)")(figure)), None)
            caption = css("figcaption, .wp-caption-text")(figure)
            if src:
                found.append({"src": urljoin(self.fetched_url, src),
                              "caption": inline_text(caption[0]) if caption else None})
        return found

    # -- text ------------------------------------------------------------
    @cached_property
    def _text(self) -> tuple[list[str], list[str], list[dict]]:
        """(paragraphs, authors, removal records): the byline is taken out of the text."""
        if not self.template:
            return [], [], []
        container: HtmlElement = copy.deepcopy(self._container[1])
        matched: dict[str, list[HtmlElement]] = {rule: [] for rule in self.NOT_TEXT}
        for element in container.iter():  # one walk for all rules
            for rule, selectors in self._NOT_TEXT_SELECTORS.items():
                if selectors.matches(element):
                    matched[rule].append(element)
        records = []
        for rule, selector in self.NOT_TEXT.items():
            found = [element for element in matched[rule] if _within(element, container)]  # not gone with an earlier rule
            chars = sum(len(inline_text(element)) for element in found)
            if drop(found):
                records.append({"rule": f"selector:{rule}", "marker": selector.split(",")[0], "chars": chars})
        authors = self._take_byline(container)
        texts = paragraphs(container)
        if texts and not authors:
            texts[0], authors = _byline_in_lead(texts[0])
        return texts, authors, records

    def _take_byline(self, container: HtmlElement) -> list[str]:
        """Opinion and Note pieces name their writer in a right-aligned bold
        ``Name – Title`` paragraph right after the lead."""
        filled = (p for p in container.iter("p") if inline_text(p))
        candidate = next(islice(filled, 1, None), None)  # the second paragraph with text
        if candidate is None:
            return []
        text = inline_text(candidate).replace("\n", " ")
        name = read_byline(text)
        if name is None:
            return []
        aligned = RIGHT_ALIGNED.search(candidate.get("style", "")) or candidate.get("align") in ("right", "left")
        bold = "".join(inline_text(b) for b in candidate.iter("strong", "b")).replace("\n", " ") == text
        if not (aligned or bold):
            return []
        drop([candidate])
        return [name]

    def body(self) -> str | None:
        return "\n\n".join(self._text[0]) or None

    def authors(self) -> list[str]:
        return self._text[1]

    def lead(self) -> str | None:
        return self._text[0][0] if self._text[0] else None

    @cached_property
    def _prefix(self) -> LeadPrefix | None:
        return read_prefix(self.lead())

    def type(self) -> str | None:
        """One of ``crawler.pages.leads.TYPES``, from the lead's prefix."""
        return self._prefix.type if self._prefix else None

    def lead_prefix(self) -> str | None:
        """The lead's prefix exactly as printed ("Strategic Council Online – Opinion:")."""
        return self._prefix.printed if self._prefix else None

    def to_item(self, fetched_at: str | None = None) -> ArticleItem:
        return ArticleItem(
            url=self.url(), fetched_url=self.fetched_url, title=self.title(), published=self.published(),
            published_raw=self.published_raw(), categories=self.categories(), authors=self.authors(),
            tags=self.tags(), lead=self.lead(), body=self.body(), type=self.type(), lead_prefix=self.lead_prefix(),
            lang=self.lang(),
            images=self.images(), template=self.template, post_id=self.post_id(),
            fetched_at=fetched_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            cleaning=list(self._text[2]), missed_selectors=self.missed(), translations=self.translations(),
        )


def printed_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` of the first date in ``text``: ``2019/04/13``, the Persian edition's
    Solar Hijri ``۱۳۹۸/۰۱/۲۴`` (year 13xx/14xx), digits Latin, Persian or Arabic-Indic."""
    match = DATE.search(to_ascii_digits(text or ""))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return jalali_to_iso(year, month, day) if year < 1700 else datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _byline_in_lead(lead: str) -> tuple[str, list[str]]:
    """Some pages print the byline inside the lead's paragraph, after a line break."""
    head, _, last = lead.rpartition("\n")
    name = read_byline(last) if head else None
    return (head, [name]) if name else (lead, [])


def _within(element: HtmlElement, ancestor: HtmlElement) -> bool:
    while element is not None:
        if element is ancestor:
            return True
        element = element.getparent()
    return False
