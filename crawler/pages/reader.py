"""Read a fetched page into what the crawl needs from it: the article (on an
article page) and the links to follow, in normal form and in scope.

A pure function of the page's URL and text, so it can run in a worker process
(``crawler.page_workers``) while the crawl's own thread downloads, schedules
and stores. Sitemaps are read by the spider itself: few, and their entries
carry the dates the revisit policy weighs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from parsel import Selector

from crawler.items import ArticleItem
from crawler.pages.listing import ListingPage
from crawler.pages.scfr import ArticlePage
from crawler.recent import RecentSet
from crawler.urls import Kind, SiteUrls

# How many links a reader remembers having handed on (between this and twice as
# many): menus, sidebars and teasers repeat the same links on every page.
HANDED_ON = 16384


@dataclass
class ReadPage:
    """What a page holds for the crawl."""

    item: ArticleItem | None = None
    """The article, on a page that says it is a single post and holds one, whatever its URL."""
    says_post: bool | None = None
    """What the page says it is: True a single post, False another WordPress page (a page, a
    listing), None nothing (no WordPress markers: an error page, a bare document). Not read on listings."""
    links: list[tuple[str, Kind]] = field(default_factory=list)
    """Links to follow: normalised, in scope, each with its kind; none that this reader handed on lately."""
    listing_entries: list[str] = field(default_factory=list)
    """On a listing page: the articles it lists (absolute, as linked)."""
    listed: list[str] = field(default_factory=list)
    """On a feed or listing: the posts it names, in normal form and in scope (for the coverage audit)."""
    next_page: str | None = None
    """On a listing page: its "Older Entries" link (absolute, as linked)."""


class PageReader:
    """Reads the pages of one crawl of one site. Remembers which links it handed on
    lately and hands each on once (the spider checks the rest against the frontier)."""

    def __init__(self, base_url: str, langs: tuple[str, ...]) -> None:
        self.site = SiteUrls(base_url, langs)
        self.handed_on = RecentSet(HANDED_ON)

    def read(self, url: str, kind: Kind, body: bytes, encoding: str, markup: str | None, fetched_at: str) -> ReadPage:
        """``kind`` is that of ``url`` (the page's final URL); ``encoding`` the one the response
        was read with; ``markup`` is ``"html"``, ``"xml"`` or None (guess), as parsel's
        ``Selector(type=…)`` takes it. UTF-8 bytes go to the parser as they are (parsel falls back
        to decoding them, invalid bytes replaced, as Scrapy's ``response.text`` does)."""
        page = ReadPage()
        if not body.strip():  # an empty page holds nothing (parsel refuses an empty body)
            return page
        selector = Selector(body=body, encoding=encoding, type=markup, base_url=url)
        if kind in (Kind.ARTICLE, Kind.SHORTLINK, Kind.PAGE):  # an article is what the page says it is
            article = ArticlePage(url, selector)
            page.says_post = article.says_single_post()
            if page.says_post is not False and article.is_article():
                page.item = article.to_item(fetched_at=fetched_at)
                kind = Kind.ARTICLE
            elif page.says_post is False:
                kind = Kind.PAGE  # a WordPress page at a post-like URL: its links are followed as a page's
            elif kind is Kind.ARTICLE or page.says_post:
                return page  # a post without its text, or no page of the site at all: the spider flags it
        if kind is Kind.FEED:
            page.listed = self.posts(selector.xpath("//item/link/text()").getall())
            page.links = self.new_links(selector.xpath("//item/link/text() | //item/guid/text()").getall(),
                                        posts=set(page.listed))
            return page
        if kind is Kind.LISTING:
            listing = ListingPage(url, selector)
            page.listing_entries, page.next_page = listing.entries(), listing.next_page()
            page.listed = self.posts(page.listing_entries)
        # lxml, plain strings: no Selector per link, and no "smart" string keeping the page tree alive
        hrefs = dict.fromkeys(selector.root.xpath("//a/@href", smart_strings=False))
        # other pages lead on to articles and listings, not to further other pages: no endless page traps
        page.links = self.new_links((href if href.startswith(("https://", "http://")) else urljoin(url, href)
                                     for href in hrefs), pages=kind is not Kind.PAGE, posts=set(page.listed))
        return page

    def posts(self, urls: list[str]) -> list[str]:
        """The URLs of posts a feed or listing names, in normal form and in scope."""
        return list(dict.fromkeys(found[0] for found in map(self.site.followable, urls) if found is not None))

    def new_links(self, urls, pages: bool = True, posts: set[str] = frozenset()) -> list[tuple[str, Kind]]:
        """The links among ``urls`` to hand on: in scope, in normal form, of a kind the
        crawl follows (other pages only where ``pages``), not handed on lately. What a
        feed or listing names (``posts``) is a post, whatever its URL looks like."""
        links = []
        for found in map(self.site.followable, urls):
            if found is None or found[0] in self.handed_on:
                continue
            url, kind = found
            if url in posts and kind is Kind.PAGE:
                kind = Kind.ARTICLE
            elif kind is Kind.PAGE and not pages:
                continue
            self.handed_on.add(url)
            links.append((url, kind))
        return links
