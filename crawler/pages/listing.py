"""Listing pages (home, category, tag): their entries and their next page."""

from __future__ import annotations

from urllib.parse import urljoin

from parsel import Selector

# Entries of the page's own list; teaser blocks in sidebars and the phone
# copy of the Theme Builder layout are not the listing.
NOT_MAIN = ("ancestor::*[@id='sidebar' or contains(@class, 'et_pb_column_1_3')"
            " or contains(@class, 'et_pb_hidden_desktop') or contains(@class, 'widget')]")
# Each post of the list is a WordPress ``article`` (``post-N``, ``type-post``; Divi adds ``et_pb_post``), in
# every layout so far: the classic list (h2.entry-title), the Theme Builder blog module, the 2026
# cards (the title twice: heading link and teaser link). Its link is the heading's, else its first
# link that is not a category or tag.
POSTS = (f"//article[contains(@class, 'et_pb_post') or contains(@class, 'type-post') or starts-with(@id, 'post-')]"
         f"[not({NOT_MAIN})]")
POST_LINK = ("(.//*[self::h1 or self::h2 or self::h3 or self::h4]//a/@href"
             " | .//a[not(contains(concat(' ', @rel, ' '), ' tag ') or contains(@rel, 'category'))]/@href)[1]")
NEXT_PAGE = "//div[contains(@class, 'pagination')]//div[contains(@class, 'alignleft')]//a/@href"


class ListingPage:
    def __init__(self, url: str, html: str | Selector) -> None:
        self.url = url
        self.sel = html if isinstance(html, Selector) else Selector(text=html)

    def entries(self) -> list[str]:
        """Links to the articles the page lists, in order."""
        hrefs = (post.xpath(POST_LINK).get() for post in self.sel.xpath(POSTS))
        return list(dict.fromkeys(urljoin(self.url, href.strip()) for href in hrefs if href))

    def next_page(self) -> str | None:
        """The "« Older Entries" link."""
        href = self.sel.xpath(NEXT_PAGE).get()
        return urljoin(self.url, href.strip()) if href else None
