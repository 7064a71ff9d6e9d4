"""What a URL on the site is, and the one form of it the crawl requests.

The site reaches every article through many URLs (tracking parameters,
``replytocom`` links, AMP copies, a missing trailing slash). Collapsing them
here, before a request is made, keeps the crawl polite; the archive still
keys articles by the page's own ``rel=canonical`` (see ``pipelines``).
"""

from __future__ import annotations

import enum
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

DEFAULT_BASE_URL = "https://www.scfr.ir"
PERCENT_ESCAPE = re.compile(r"%[0-9a-f]{2}", re.I)
# Already in normal form: lower-case origin, a path of unreserved characters ending in a
# slash (not an AMP copy, no "." or ".." segment), no query, no fragment — most links of the
# site; parsing them is the slow part.
NORMAL_FORM = re.compile(r"https?://[a-z0-9.\-]+(?::\d+)?/(?:(?!\.\.?/)[A-Za-z0-9_.~\-]+/)*")
LANGS = ("en", "fa", "ar")
"""The site's editions, in the order ``langs=all`` crawls them."""

# Query parameters that never change what a page shows.
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|replytocom|amp|_ga)$", re.I)
# Files that are never pages: attachments, images, archives, media.
ATTACHMENT = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|gz|7z|jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp3|mp4|m4a|wav|avi|mov|webm|css|js|xml|json|txt|php)$",
    re.I,
)
# A post's permalink carries its whole category path, one segment or several, words or
# numbers (/en/strategic-perspective/opinion/101820/…/, /fa/300/30102/127113/…/). Only a
# hint for priority: whether a page is an article is what the page itself says.
ARTICLE_PATH = re.compile(r"^/(?P<lang>en|fa|ar)/(?P<category>(?:[^/]+/)*?[^/]+)/(?P<post_id>\d+)/(?P<slug>[^/]+)/$")
# Category listings are one or two levels deep (parent/child), tags one: deeper "listings" are traps.
LISTING_PATH = re.compile(
    r"^/(?P<lang>en|fa|ar)/(?:category/(?!page/)[^/?#]+/(?:(?!page/)[^/?#]+/)?|tag/(?!page/)[^/?#]+/|)(?:page/\d+/)?$"
)
FEED_PATH = re.compile(r"^/(?P<lang>en|fa|ar)/feed/$")
SITEMAP_PATH = re.compile(r"^(?:/(?P<lang>en|fa|ar))?/wp-sitemap[\w-]*\.xml$")
# Never followed: admin, login, search, the endless archive calendar, JSON API,
# comment feeds and per-post feeds, trackbacks, embeds.
EXCLUDED_PATH = re.compile(
    r"/(wp-admin|wp-json|wp-includes|wp-content|calendar|comments/feed|trackback|embed)(/|$)"
    r"|/feed/(atom|rss|rdf)?/?$|xmlrpc|wp-login"
)


def parse_langs(langs: str) -> tuple[str, ...]:
    """``"en,fa"`` → ``("en", "fa")``, ``"all"`` → every edition; the spider argument's syntax."""
    names = [lang.strip().lower() for lang in langs.split(",") if lang.strip()]
    if "all" in names:
        return LANGS
    return tuple(dict.fromkeys(names))


class Kind(enum.Enum):
    """What the spider does with a URL."""

    ARTICLE = "article"  # parsed into an item, its links followed
    LISTING = "listing"  # home, category and tag pages: links followed
    FEED = "feed"  # RSS: article links followed
    SITEMAP = "sitemap"  # sitemap index and sitemaps
    SHORTLINK = "shortlink"  # /en/?p=ID: redirects to an article
    PAGE = "page"  # other pages in scope (about us, …): links followed, never stored
    SKIP = "skip"  # out of scope: never requested


class SiteUrls:
    """Scope and normal form of URLs for one site origin and its editions."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL, langs: tuple[str, ...] = ("en",)) -> None:
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http(s) origin such as {DEFAULT_BASE_URL}, not {base_url!r}")
        unknown = set(langs) - set(LANGS)
        if unknown or not langs:
            raise ValueError(f"langs must be 'all' or a comma-separated subset of {','.join(LANGS)}, "
                             f"not {','.join(langs)!r}")
        self.origin = f"{parts.scheme}://{parts.netloc.lower()}"
        self.langs = tuple(langs)
        # Pages repeat the same links (menus, sidebars, footers): both are pure, so cache them.
        self.normalize = lru_cache(maxsize=65536)(self.normalize)  # type: ignore[method-assign]
        self.kind = lru_cache(maxsize=65536)(self.kind)  # type: ignore[method-assign]

    def url(self, path: str) -> str:
        """Absolute URL of a path on the site."""
        return self.origin + path

    def in_scope(self, url: str) -> bool:
        end = len(self.origin)
        if url.startswith(self.origin) and url[end:end + 1] in ("/", "?", "#", ""):
            return True
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc.lower()}" == self.origin

    def normalize(self, url: str) -> str:
        """The form of ``url`` the crawl requests: no fragment, no tracking
        parameters, no AMP suffix, a trailing slash on directory-like paths."""
        if NORMAL_FORM.fullmatch(url) and not url.endswith("/amp/"):
            return url
        return normal_form(url)

    def followable(self, url: str) -> tuple[str, Kind] | None:
        """``url`` in normal form with its kind, or None when it is out of scope
        (checked first: share buttons and social links skip the costlier normalisation)."""
        if not self.in_scope(url):
            return None
        url = self.normalize(url)
        kind = self.kind(url)
        return None if kind is Kind.SKIP else (url, kind)

    def lang_of(self, url: str) -> str | None:
        segment = urlsplit(url).path.lstrip("/").split("/", 1)[0]
        return segment if segment in LANGS else None

    def kind(self, url: str) -> Kind:
        """Classify an (already normalised) URL."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not self.in_scope(url):
            return Kind.SKIP
        path, query = parts.path, dict(parse_qsl(parts.query))
        if SITEMAP_PATH.match(path):
            lang = SITEMAP_PATH.match(path).group("lang") or "en"
            return Kind.SITEMAP if lang in self.langs else Kind.SKIP
        lang = self.lang_of(url)
        if lang not in self.langs:
            return Kind.SKIP
        if FEED_PATH.match(path) and not query:
            return Kind.FEED
        if EXCLUDED_PATH.search(path) or ATTACHMENT.search(path):
            return Kind.SKIP
        if query:
            if "p" in query and query["p"].isdigit() and path == f"/{lang}/" and len(query) == 1:
                return Kind.SHORTLINK
            return Kind.SKIP  # search, previews and other query pages
        if ARTICLE_PATH.match(path) and not path.startswith((f"/{lang}/category/", f"/{lang}/tag/", f"/{lang}/page/")):
            return Kind.ARTICLE
        if LISTING_PATH.match(path):
            return Kind.LISTING
        return Kind.PAGE

    @staticmethod
    def post_id(url: str) -> int | None:
        match = ARTICLE_PATH.match(urlsplit(url).path)
        return int(match.group("post_id")) if match else None


def normal_form(url: str) -> str:
    """``SiteUrls.normalize`` the long way: every URL is parsed and rebuilt."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.endswith("/amp/") and ARTICLE_PATH.match(path[: -len("amp/")]):
        path = path[: -len("amp/")]
    elif path.endswith("/amp") and ARTICLE_PATH.match(path[: -len("amp")]):
        path = path[: -len("amp")]
    if not path.endswith("/") and not ATTACHMENT.search(path):
        path += "/"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    path = remove_dot_segments(path)
    # Persian slugs: raw letters and lower-case escapes become WordPress's upper-case %XX form
    path = PERCENT_ESCAPE.sub(lambda m: m.group(0).upper(), safe_url_string(path))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def remove_dot_segments(path: str) -> str:
    """``/en/./a/../b/`` → ``/en/b/``: the path a browser requests (RFC 3986, section 5.2.4)."""
    if "." not in path:
        return path
    segments = path.split("/")
    if not any(segment in (".", "..") for segment in segments):
        return path
    out: list[str] = []
    for segment in segments[1:]:
        if segment == "..":
            if len(out) > 0:
                out.pop()
        elif segment != ".":
            out.append(segment)
    trailing = segments[-1] in (".", "..")
    return "/" + "/".join(out) + ("/" if trailing and out else "")
