"""The records a crawl produces. Defined once; pipelines and the archive
read these field names."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleItem:
    """One article page as extracted, before cleaning and storage."""

    url: str
    """Canonical URL (the page's ``rel=canonical``, else its normalised URL)."""
    fetched_url: str
    """The URL the page was actually fetched from (after redirects)."""
    title: str | None = None
    published: str | None = None
    """Publication date as ``YYYY-MM-DD`` (Tehran local date as printed)."""
    published_raw: str | None = None
    """The date exactly as the page shows it, e.g. ``2019/04/13``."""
    categories: list[str] = field(default_factory=list)
    """Category names as shown, in page order."""
    authors: list[str] = field(default_factory=list)
    """Writers from the byline (not the posting account); empty for interviews and news."""
    tags: list[str] = field(default_factory=list)
    lead: str | None = None
    """The first paragraph of the body, with its "Strategic Council Online…:" prefix."""
    body: str | None = None
    """Plain text; paragraphs separated by one blank line, list items and table rows one per line."""
    type: str | None = None
    """From the lead's prefix, one of ``crawler.pages.leads.TYPES`` (Interview, Opinion, Note, News, Report, …)."""
    lead_prefix: str | None = None
    """The lead's prefix exactly as printed, e.g. ``Strategic Council Online – Opinion:``."""
    lang: str | None = None
    images: list[dict] = field(default_factory=list)
    """``{"src": absolute URL, "caption": text or None}``, featured image first."""
    template: str | None = None
    """Which template generation the page uses: ``classic`` or ``themebuilder``."""
    post_id: int | None = None
    fetched_at: str | None = None
    """UTC time of the fetch, ISO 8601."""
    cleaning: list[dict] = field(default_factory=list)
    """What the cleaning stages removed: ``{"rule", "marker", "paragraphs", "chars"}`` records."""
    translations: dict[str, str] = field(default_factory=dict)
    """The same article in the other editions, by language (``hreflang`` links)."""
    missed_selectors: list[str] = field(default_factory=list)
    """Template selectors that matched nothing on the page (``container``, ``title``…): drift."""
    via_urls: list[str] = field(default_factory=list)
    """The URLs that redirected to the page (as requested, in normal form): aliases of the article."""
    capture_id: int | None = None
    """The raw capture (``captures.id``) the article was extracted from."""


@dataclass
class FetchFailure:
    """A URL the crawl could not fetch, after Scrapy's retries."""

    url: str
    reason: str
    """``http_404``, ``timeout``, ``redirect_loop``, ``dns``, ``connection`` …"""
    status: int | None = None
    attempts: int = 1
    detail: str = ""
    failed_at: str | None = None
