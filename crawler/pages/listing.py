"""Listing pages (home, category, tag): their entries and their next page."""

from __future__ import annotations

from urllib.parse import urljoin

from parsel import Selector

# Entries of the page's own list; teaser blocks in sidebars and the phone
# copy of the Theme Builder layout are not the listing.
NOT_MAIN = ("ancestor::*[@id='sidebar' or contains(@class, 'et_pb_column_1_3')"
            " or contains(@class, 'et_pb_hidden_desktop') or contains(@class, 'widget')]")
ENTRIES = f"//article[contains(@class, 'et_pb_post')][not({NOT_MAIN})]//h2[contains(@class, 'entry-title')]//a/@href"
NEXT_PAGE = "//div[contains(@class, 'pagination')]//div[contains(@class, 'alignleft')]//a/@href"


class ListingPage:
    def __init__(self, url: str, html: str | Selector) -> None:
        self.url = url
        self.sel = html if isinstance(html, Selector) else Selector(text=html)

    def entries(self) -> list[str]:
        """Links to the articles the page lists, in order."""
        return list(dict.fromkeys(urljoin(self.url, href.strip()) for href in self.sel.xpath(ENTRIES).getall()))

    def next_page(self) -> str | None:
        """The "« Older Entries" link."""
        href = self.sel.xpath(NEXT_PAGE).get()
        return urljoin(self.url, href.strip()) if href else None
