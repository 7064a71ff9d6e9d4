"""HTTP server of the replica: real sockets on 127.0.0.1, real site behaviour.

The crawler under test talks to this server exactly as it would to
www.scfr.ir: redirects for aliases, a flaky and a slow URL, traps that
robots.txt disallows, validators (ETag/Last-Modified -> 304), gzip, a
windows-1252 page.  Every request is logged so tests can assert what the
crawler did (and did not) fetch.

``ReplicaServer(site, faults=Faults(...))`` adds a hostile mode (timeouts,
resets, broken gzip, bombs, traps, random failures): see ``faults.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
import sys
import threading
import traceback
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Callable, Iterable, Mapping
from urllib.parse import parse_qs, quote, unquote, urlsplit

from . import render
from .content import (
    CALENDAR_PATH,
    CATEGORIES,
    FA_CALENDAR_PATH,
    FA_CATEGORIES,
    FLAKY_PATH,
    LOGIN_PATH,
    REDIRECT_LOOP_PATH,
    REDIRECT_LOOP_PATH_2,
    SLOW_DELAY,
    SLOW_PATH,
    Article,
    Site,
    category_path,
    default_site,
    wp_quote,
)

if TYPE_CHECKING:  # faults.py builds on this module; the server imports it only when faults are asked for
    from .faults import FaultInjector, Faults

HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
TEXT = "text/plain; charset=utf-8"
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/javascript")
LOGGED_HEADERS = ("User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Referer",
                  "If-None-Match", "If-Modified-Since")
STATIC_MODIFIED = render.STATIC_PAGES_MODIFIED  # robots.txt, static pages, uploads, assets


# --------------------------------------------------------------------------
# Tiny binary payloads for uploads
# --------------------------------------------------------------------------


def _png_1x1() -> bytes:
    """A valid 1x1 grey PNG, built with zlib so no binary blob lives in the source."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    """A small one-page PDF with a correct xref table."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R/Resources<<>>>>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


TINY_PNG = _png_1x1()
TINY_JPEG = bytes.fromhex(  # the well-known 134-byte JPEG (1x1)
    "ffd8ffe000104a46494600010101004800480000ffdb004300030202020203020202030303030406040404040408060605"
    "0609080a0a090809090a0c0f0c0a0b0e0b09090d110d0e0f101011100a0c12131210130f101010ffc9000b080001000101"
    "011100ffcc000600101005ffda0008010100003f00d2cf20ffd9"
)
TINY_PDF = _pdf()


# --------------------------------------------------------------------------
# Request log and responses
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server saw it, with the status it answered."""

    method: str
    path: str  # path with query string, as sent
    headers: Mapping[str, str]  # the LOGGED_HEADERS that were present
    status: int

    @property
    def user_agent(self) -> str | None:
        return self.headers.get("User-Agent")

    @property
    def if_none_match(self) -> str | None:
        return self.headers.get("If-None-Match")

    @property
    def if_modified_since(self) -> str | None:
        return self.headers.get("If-Modified-Since")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None
    etag: str | None = None
    gzipped: Callable[[], bytes] | None = None  # cached gzip of body, when the server keeps one
    # Fault injection (faults.py): raw responses go out exactly as built (no validators, no 304,
    # no gzip negotiation); send, when set, takes over the connection instead of the normal
    # status line + headers + body (it may hang, stream, or reset).  Both imply no _finish().
    raw: bool = False
    send: "Callable[[_Handler], None] | None" = None


def _etag(body: bytes) -> str:
    """Strong validator: quoted hash of the (uncompressed) body."""
    return '"' + hashlib.sha1(body).hexdigest()[:32] + '"'


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc).replace(microsecond=0), usegmt=True)


def _redirect(location: str, status: int = 301) -> Response:
    return Response(status, b"", HTML, {"Location": location})


def _not_modified(headers: Mapping[str, str], etag: str, last_modified: datetime | None) -> bool:
    """RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison for ETags."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
    ims = headers.get("If-Modified-Since")
    if ims and last_modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        return last_modified.replace(microsecond=0) <= since
    return False


def _accepts_gzip(header: str | None) -> bool:
    for token in (header or "").split(","):
        name, _, params = token.strip().partition(";")
        if name.strip().lower() in ("gzip", "x-gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


# --------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # crawlers and benchmarks open many connections at once
    replica: "ReplicaServer"

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-request or mid-response is normal; stay quiet about it."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"  # every response carries Content-Length and Connection: close
    disable_nagle_algorithm = True  # headers and body go out without waiting for delayed ACKs

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # tests read ReplicaServer.requests instead of stderr noise

    def do_GET(self) -> None:
        self._serve(head_only=False)

    def do_HEAD(self) -> None:
        self._serve(head_only=True)

    def do_POST(self) -> None:
        self._serve(head_only=False)

    def _serve(self, head_only: bool) -> None:
        headers = {k: v for k, v in self.headers.items()}
        response = self.server.replica.respond(self.command, self.path, headers)
        self.close_connection = True
        if response.send is not None:
            try:
                response.send(self)
            except OSError:  # the client hung up, or the sender closed the socket on purpose
                pass
            return
        try:
            self.send_response(response.status)
            if response.content_type:
                self.send_header("Content-Type", response.content_type)
            for name, value in response.headers.items():
                self.send_header(name, value)
            if response.status != 304:
                self.send_header("Content-Length", str(len(response.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if not head_only and response.status != 304:
                self.wfile.write(response.body)
        except ConnectionError:  # BrokenPipe, ConnectionReset, ConnectionAborted
            pass  # the client gave up (e.g. a timeout test or a killed crawl); nothing to do


@dataclass
class _CachedPage:
    """Full-page cache entry of an article: what it was rendered from, so the bytes can be
    re-rendered identically after the body left the bounded body cache."""

    version: int
    ctx: render.Context  # the site snapshot of the first render (its LATEST CONTENT etc.)
    modified: datetime
    etag: str


class ReplicaServer:
    """The replica site on a real HTTP port.

    ``with ReplicaServer() as server:`` starts it on a free port;
    ``server.base_url`` is the origin every page links to.

    ``delay`` (seconds, changeable while running) holds back every response,
    e.g. to stop a crawl mid-way; :meth:`stop` cuts pending delays short.

    ``faults=Faults(...)`` (see :mod:`.faults`) turns on the hostile mode: fault
    URLs linked from the site, robots.txt variants, random failures, and a second
    (off-site) origin whose requests are in :attr:`offsite_requests`.
    """

    PAGE_CACHE_BYTES = 96 << 20  # rendered article bodies kept in memory (LRU); the rest re-render

    def __init__(self, site: Site | None = None, host: str = "127.0.0.1", port: int = 0, *,
                 flaky_paths: Iterable[str] = (FLAKY_PATH,), slow_paths: Iterable[str] = (SLOW_PATH,),
                 slow_delay: float = SLOW_DELAY, delay: float = 0.0, faults: "Faults | None" = None) -> None:
        self.site = site if site is not None else default_site()
        self.host = host
        self.port = port
        self.flaky_paths = frozenset(flaky_paths)
        self.slow_paths = frozenset(slow_paths)
        self.slow_delay = slow_delay
        self.delay = delay
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self._hits: dict[str, int] = {}
        # Full-page cache of article pages: post_id -> entry of the current version,
        # plus an LRU of rendered bodies [body, gzipped body or None] by (post_id, version).
        self._pages: dict[int, _CachedPage] = {}
        self._bodies: OrderedDict[tuple[int, int], list] = OrderedDict()
        self._bodies_size = 0
        self.faults = faults
        self._injector: FaultInjector | None = None
        if faults is not None:
            from . import faults as fault_mode  # imported here: faults.py imports this module
            self._injector = fault_mode.FaultInjector(self, faults)  # publishes the fault articles on the site

    # --- lifecycle -------------------------------------------------------

    def start(self) -> "ReplicaServer":
        if self._httpd is not None:
            return self
        httpd = _HTTPServer((self.host, self.port), _Handler)
        httpd.replica = self
        self._stopping.clear()
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"replica-{self.port}", daemon=True)
        self._thread.start()
        if self._injector is not None:
            self._injector.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()  # wake requests sleeping in a delay
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._injector is not None:
            self._injector.stop()

    def __enter__(self) -> "ReplicaServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT (no trailing slash); valid once started."""
        if self._httpd is None and self.port == 0:
            raise RuntimeError("server not started")
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """Absolute URL of a root-relative path."""
        return self.base_url + path

    # --- observation / control ------------------------------------------

    @property
    def requests(self) -> list[RequestRecord]:
        """Copy of the request log (oldest first)."""
        with self._lock:
            return list(self._log)

    def requested_paths(self) -> list[str]:
        """Paths-with-query of all logged requests."""
        return [r.path for r in self.requests]

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()

    def reset(self) -> None:
        """Re-arm the flaky URLs (their next request fails again), and the counted faults."""
        with self._lock:
            self._hits.clear()
        if self._injector is not None:
            self._injector.reset()

    def sleep(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True as soon as the server is stopping."""
        return self._stopping.wait(seconds)

    @property
    def fault_articles(self) -> dict[str, Article]:
        """Fault name -> the Article published for it (faults mode; {} otherwise)."""
        return dict(self._injector.articles) if self._injector is not None else {}

    @property
    def offsite_requests(self) -> list[RequestRecord]:
        """Requests that reached the off-site origin of the faults mode ([] without faults)."""
        return self._injector.offsite.requests if self._injector is not None else []

    @property
    def offsite_base_url(self) -> str | None:
        """Origin of the off-site server (faults mode, once started), e.g. http://127.0.0.2:PORT."""
        return self._injector.offsite.base_url if self._injector is not None else None

    # --- request pipeline -----------------------------------------------

    def respond(self, method: str, target: str, headers: Mapping[str, str]) -> Response:
        """Answer one request (also usable without sockets); logs it."""
        parts = urlsplit(target)
        path = unquote(parts.path) or "/"
        failing = False
        if path in self.flaky_paths:
            with self._lock:
                hits = self._hits.get(path, 0)
                self._hits[path] = hits + 1
            failing = hits == 0
        wait = self.delay + (self.slow_delay if path in self.slow_paths else 0.0)
        if wait > 0:
            self._stopping.wait(wait)
        try:
            fault = None
            if self._injector is not None:
                fault = self._injector.respond(method, target, path, parts.query, headers)
            if fault is not None:
                response = fault
            elif failing:
                response = Response(500, render.server_error_page().encode())
            elif method not in ("GET", "HEAD"):
                response = Response(405, b"", HTML, {"Allow": "GET, HEAD"})
            else:
                response = self._route(path, parts.query)
        except Exception:  # a replica bug must show up as a 500 in the log, not a hung client
            traceback.print_exc()
            response = Response(500, render.server_error_page().encode())
        if not (response.raw or response.send is not None):
            response = self._finish(response, headers)
        record = RequestRecord(method, target, {k: headers[k] for k in LOGGED_HEADERS if k in headers},
                               response.status)
        with self._lock:
            self._log.append(record)
        return response

    def _finish(self, response: Response, headers: Mapping[str, str]) -> Response:
        """Validators, conditional GET and gzip."""
        if response.status == 200:
            etag = response.etag or _etag(response.body)
            response.headers["ETag"] = etag
            if response.last_modified is not None:
                response.headers["Last-Modified"] = _http_date(response.last_modified)
            if _not_modified(headers, etag, response.last_modified):
                kept = {k: v for k, v in response.headers.items() if k in ("ETag", "Last-Modified")}
                return Response(304, b"", None, kept)
        if response.content_type and response.content_type.startswith(COMPRESSIBLE):
            response.headers["Vary"] = "Accept-Encoding"
            if response.body and _accepts_gzip(headers.get("Accept-Encoding")):
                response.body = (response.gzipped() if response.gzipped is not None
                                 else gzip.compress(response.body, mtime=0))
                response.headers["Content-Encoding"] = "gzip"
        return response

    # --- routing ---------------------------------------------------------

    def _context(self, lang: str = "en") -> render.Context:
        """The site as one edition sees it (English by default): its posts, chrome and URLs."""
        index = self.site.index().edition(lang)  # cached until the next add/edit/remove: O(1) per request
        return render.Context(self.base_url, index.articles, index, self.site.page_weight,
                              self.site.container_class, lang, getattr(self.site, "live", None))

    def _arabic(self) -> bool:
        """Whether the Arabic edition has posts (live_site() only; otherwise /ar/ is a 404)."""
        return bool(self.site.index().edition("ar").articles)

    def _persian(self) -> bool:
        """Whether the Persian edition has posts (until then /fa/ is the old placeholder)."""
        return bool(self.site.index().edition("fa").articles)

    def _route(self, path: str, query: str) -> Response:
        response = self._dispatch(path, query)
        if response is None:
            last = path.rsplit("/", 1)[-1]
            if not path.endswith("/") and "." not in last:
                # WordPress redirect_canonical: add the trailing slash if that URL exists.
                probe = self._dispatch(path + "/", query)
                if probe is not None and probe.status in (200, 301):
                    return _redirect(self.base_url + wp_quote(path) + "/" + (f"?{query}" if query else ""))
            return self._not_found(path)
        return response

    def _not_found(self, path: str = "") -> Response:
        lang = "fa" if path.startswith("/fa/") and self._persian() else "en"
        if path.startswith("/ar/") and self._arabic():
            lang = "ar"
        return Response(404, render.not_found_page(self._context(lang)).encode("utf-8"))

    def _html(self, text: str | None, last_modified: datetime | None = None) -> Response | None:
        if text is None:
            return None
        return Response(200, text.encode("utf-8"), HTML,
                        last_modified=last_modified or self.site.last_change())

    def _dispatch(self, path: str, query: str) -> Response | None:
        """Response for a path, or None for 404."""
        base = self.base_url
        params = parse_qs(query, keep_blank_values=True)
        simple: dict[str, Callable[[], Response | None]] = {
            "/robots.txt": lambda: Response(200, render.robots_txt(self._context()).encode(), TEXT,
                                            last_modified=STATIC_MODIFIED),
            "/": lambda: _redirect(f"{base}/en/"),
            "/wp-sitemap.xml": lambda: self._xml(render.sitemap_index(self._context())),
            "/wp-sitemap-posts-page-1.xml": lambda: self._xml(render.pages_sitemap(self._context())),
            "/wp-sitemap-taxonomies-category-1.xml": lambda: self._xml(render.categories_sitemap(self._context())),
            "/wp-sitemap-taxonomies-post_tag-1.xml": lambda: self._xml(render.tags_sitemap(self._context())),
            "/fa/wp-sitemap.xml": lambda: self._xml(
                render.sitemap_index(self._context("fa"), "/fa") if self._persian()
                else render.sitemap_index(self._context(), "/fa", subs=())),
            "/wp-admin/admin-ajax.php": lambda: Response(400, b"0", HTML),
            LOGIN_PATH: lambda: self._html(render.login_page(self._context()), STATIC_MODIFIED),
            REDIRECT_LOOP_PATH: lambda: _redirect(base + REDIRECT_LOOP_PATH_2, 302),
            REDIRECT_LOOP_PATH_2: lambda: _redirect(base + REDIRECT_LOOP_PATH, 302),
            CALENDAR_PATH: lambda: self._calendar(params),
            "/en/": lambda: self._home(params),
            "/en/feed/": lambda: self._rss(render.posts_feed(self._context(), self.site.last_change())),
            "/en/comments/feed/": lambda: self._rss(render.comments_feed(self._context(), self.site.last_change())),
            "/fa/feed/": lambda: self._rss(render.persian_feed(self._context("fa"), self.site.last_change())),
            "/fa/": lambda: self._fa_home(params),
        }
        if path in simple:
            return simple[path]()
        if path.startswith("/ar/") and self._arabic():
            response = self._dispatch_ar(path, params)
            if response is not None:
                return response
        if path.startswith("/fa/") and self._persian():
            response = self._dispatch_fa(path, params)
            if response is not None:
                return response
        if m := re.fullmatch(r"/wp-sitemap-posts-post-(\d+)\.xml", path):
            text = render.posts_sitemap(self._context(), page=int(m[1]))
            return self._xml(text) if text is not None else None
        if path.startswith("/wp-content/uploads/"):
            return self._upload(path)
        if path.startswith(("/wp-content/", "/wp-includes/")):
            return self._asset(path)
        if re.match(r"^/(?:en/|fa/)?wp-admin(?:/|$)", path):
            target = quote(base + path, safe="")
            return _redirect(f"{base}{LOGIN_PATH}?redirect_to={target}&reauth=1", 302)
        if m := re.fullmatch(r"/en/page/(\d+)/", path):
            page = int(m[1])
            if page == 1:
                return _redirect(f"{base}/en/")
            return self._html(render.home_page(self._context(), page))
        if path.startswith("/en/category/"):
            return self._archive(path, "/en/category/", kind="category")
        if path.startswith("/en/tag/"):
            return self._archive(path, "/en/tag/", kind="tag")
        if (m := re.fullmatch(r"/en/([a-z-]+)/", path)) and m[1] in render.STATIC_PAGES:
            return self._html(render.static_page(self._context(), m[1]), STATIC_MODIFIED)
        return self._article(path, query)

    def _dispatch_fa(self, path: str, params: dict[str, list[str]]) -> Response | None:
        """Listings, feeds, sitemaps and pages of the Persian edition (its articles: _article)."""
        ctx = lambda: self._context("fa")  # noqa: E731 - built only when a route matches
        fa_simple: dict[str, Callable[[], Response | None]] = {
            "/fa/comments/feed/": lambda: self._rss(render.comments_feed(ctx(), self.site.last_change())),
            "/fa/wp-sitemap-posts-page-1.xml": lambda: self._xml(render.pages_sitemap(ctx())),
            "/fa/wp-sitemap-taxonomies-category-1.xml": lambda: self._xml(render.categories_sitemap(ctx())),
            "/fa/wp-sitemap-taxonomies-post_tag-1.xml": lambda: self._xml(render.tags_sitemap(ctx())),
            "/fa/wp-login.php": lambda: _redirect(f"{self.base_url}{LOGIN_PATH}"),
            FA_CALENDAR_PATH: lambda: self._fa_calendar(params),
        }
        if path in fa_simple:
            return fa_simple[path]()
        if m := re.fullmatch(r"/fa/wp-sitemap-posts-post-(\d+)\.xml", path):
            text = render.posts_sitemap(ctx(), page=int(m[1]))
            return self._xml(text) if text is not None else None
        if m := re.fullmatch(r"/fa/page/(\d+)/", path):
            page = int(m[1])
            if page == 1:
                return _redirect(f"{self.base_url}/fa/")
            return self._html(render.fa_home_page(ctx(), page))
        if path.startswith("/fa/category/"):
            return self._archive(path, "/fa/category/", kind="category", lang="fa")
        if path.startswith("/fa/tag/"):
            return self._archive(path, "/fa/tag/", kind="tag", lang="fa")
        if (m := re.fullmatch(r"/fa/([^/]+)/", path)) and m[1] in render.FA_STATIC_PAGES:
            return self._html(render.fa_static_page(ctx(), m[1]), STATIC_MODIFIED)
        return None

    def _dispatch_ar(self, path: str, params: dict[str, list[str]]) -> Response | None:
        """Home, feed, sitemaps and listings of the Arabic edition (live site; its articles: _article)."""
        ctx = lambda: self._context("ar")  # noqa: E731
        ar_simple: dict[str, Callable[[], Response | None]] = {
            "/ar/": lambda: self._edition_home("ar", params),
            "/ar/feed/": lambda: self._rss(render.posts_feed(ctx(), self.site.last_change())),
            "/ar/wp-sitemap.xml": lambda: self._xml(render.sitemap_index(ctx(), "/ar")),
            "/ar/wp-sitemap-posts-page-1.xml": lambda: self._xml(render.pages_sitemap(ctx())),
            "/ar/wp-sitemap-taxonomies-category-1.xml": lambda: self._xml(render.categories_sitemap(ctx())),
            "/ar/wp-sitemap-taxonomies-post_tag-1.xml": lambda: self._xml(render.tags_sitemap(ctx())),
        }
        if path in ar_simple:
            return ar_simple[path]()
        if m := re.fullmatch(r"/ar/wp-sitemap-posts-post-(\d+)\.xml", path):
            text = render.posts_sitemap(ctx(), page=int(m[1]))
            return self._xml(text) if text is not None else None
        if m := re.fullmatch(r"/ar/page/(\d+)/", path):
            page = int(m[1])
            if page == 1:
                return _redirect(f"{self.base_url}/ar/")
            return self._html(render.ar_home_page(ctx(), page))
        if path.startswith("/ar/category/"):
            return self._archive(path, "/ar/category/", kind="category", lang="ar")
        if path.startswith("/ar/tag/"):
            return self._archive(path, "/ar/tag/", kind="tag", lang="ar")
        return None

    def _edition_home(self, lang: str, params: dict[str, list[str]]) -> Response | None:
        """/ar/ (and /ar/?p=ID): the Arabic home page."""
        if "p" in params:
            return self._shortlink(lang, params["p"][0])
        return self._html(render.ar_home_page(self._context(lang), 1))

    def _shortlink(self, lang: str, raw: str) -> Response | None:
        """/{lang}/?p=ID: 301 to the canonical URL, or (shortlink_page posts) 200 with the page itself."""
        entry = self.site.entry(int(raw)) if raw.isdigit() else None
        if not entry or entry[0].lang != lang:
            return None
        if entry[0].shortlink_page:
            return self._article_page(*entry)
        return _redirect(entry[0].url(self.base_url))

    def _fa_home(self, params: dict[str, list[str]]) -> Response | None:
        if not self._persian():
            return self._html(render.persian_home(self._context()))
        ctx = self._context("fa")
        if "s" in params:
            return self._html(render.search_page(ctx, params["s"][0]))
        if "p" in params:
            return self._shortlink("fa", params["p"][0])
        return self._html(render.fa_home_page(ctx, 1))

    def _fa_calendar(self, params: dict[str, list[str]]) -> Response | None:
        """/fa/calendar/?month=YYYY-MM (Solar Hijri) [&day=D]; default: the newest post's month."""
        ctx = self._context("fa")
        m = re.fullmatch(r"(\d{4})-(\d{2})", params.get("month", [""])[0])
        if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[1]) <= 3000:
            year, month = int(m[1]), int(m[2])
        else:
            newest = ctx.listed[0].published_date if ctx.listed else datetime.now(timezone.utc).date()
            year, month = render.jalali(newest)[:2]
        day_raw = params.get("day", [""])[0]
        day = int(day_raw) if day_raw.isdigit() and 1 <= int(day_raw) <= 31 else None
        return self._html(render.fa_calendar_page(ctx, year, month, day))

    def _xml(self, text: str) -> Response:
        return Response(200, text.encode("utf-8"), XML, last_modified=self.site.last_change())

    def _rss(self, text: str, last_modified: datetime | None = None) -> Response:
        return Response(200, text.encode("utf-8"), RSS, last_modified=last_modified or self.site.last_change())

    def _home(self, params: dict[str, list[str]]) -> Response | None:
        if "s" in params:
            return self._html(render.search_page(self._context(), params["s"][0]))
        if "p" in params:
            return self._shortlink("en", params["p"][0])
        return self._html(render.home_page(self._context(), 1))

    def _calendar(self, params: dict[str, list[str]]) -> Response | None:
        ctx = self._context()
        m = re.fullmatch(r"(\d{4})-(\d{2})", params.get("month", [""])[0])
        if m and 1 <= int(m[2]) <= 12:
            year, month = int(m[1]), int(m[2])
        else:
            newest = ctx.listed[0].published_date if ctx.listed else datetime.now(timezone.utc).date()
            year, month = newest.year, newest.month
        day_raw = params.get("day", [""])[0]
        day = int(day_raw) if day_raw.isdigit() and 1 <= int(day_raw) <= 31 else None
        return self._html(render.calendar_page(ctx, year, month, day))

    def _archive(self, path: str, prefix: str, kind: str, lang: str = "en") -> Response | None:
        """Category and tag listings: canonical nesting, /page/1/ -> 301, past the end -> 404.
        Persian (lang="fa"): decoded slugs in ``path``, one-segment category URLs, encoded redirects."""
        segments = path[len(prefix):].split("/")
        if segments and segments[-1] == "":
            segments.pop()
        page, explicit = 1, False
        if len(segments) >= 3 and segments[-2] == "page" and segments[-1].isdigit():
            page, explicit = int(segments[-1]), True
            segments = segments[:-2]
        if not segments:
            return None
        slug = segments[-1]
        ctx = self._context(lang)
        if kind == "category":
            if slug not in ctx.tree:
                return None
            listing = f"/{lang}/category/{category_path(slug, lang, ctx.live is not None)}/"
        else:
            if slug not in ctx.tags():
                return None
            listing = f"/{lang}/tag/{slug}/"
        if explicit and page <= 1:
            return _redirect(self.base_url + wp_quote(listing))
        wanted = listing + (f"page/{page}/" if page > 1 else "")
        if path != wanted:
            return _redirect(self.base_url + wp_quote(wanted))
        text = (render.category_page if kind == "category" else render.tag_page)(ctx, slug, page)
        return self._html(text)

    def _article(self, path: str, query: str) -> Response | None:
        """/en/{category}/{id}/{slug}/[amp/|feed/]: wrong category/slug or missing slash -> 301 canonical."""
        parts = path.strip("/").split("/")
        found = None
        if len(parts) in (4, 5) and parts[0] in ("en", "fa") and parts[2].isdigit():
            suffix = parts[4] if len(parts) == 5 else None
            entry = self.site.entry(int(parts[2])) if suffix in (None, "amp", "feed") else None
            if entry is not None and entry[0].lang == parts[0]:
                found = entry, suffix
        if found is None and (getattr(self.site, "live", None) is not None or parts[0] == "ar"):
            found = self._live_article_entry(parts)
        if found is None:
            return None  # removed, never existed, or a post of the other edition
        (article, version, modified), suffix = found
        # path is decoded (Persian slugs): compare decoded, redirect to the encoded canonical form.
        wanted = article.decoded_path + (f"{suffix}/" if suffix else "")
        if path != wanted:
            return _redirect(self.base_url + article.path + (f"{suffix}/" if suffix else "")
                             + (f"?{query}" if query else ""))
        if suffix == "amp":
            return self._html(render.amp_page(self._context(article.lang), article), modified)
        if suffix == "feed":
            return self._rss(render.comments_feed(self._context(article.lang), modified, article), modified)
        return self._article_page(article, version, modified)

    def _live_article_entry(self, parts: list[str]) -> tuple[tuple[Article, int, datetime], str | None] | None:
        """Article paths of the live site: /{lang}/{category path, one or more segments}/{id}/{slug}/
        [amp/|feed/] (the category part may be numeric: /fa/300/30102/{id}/...)."""
        if parts[0] not in ("en", "fa", "ar"):
            return None
        for i in range(len(parts) - 2, 1, -1):
            tail = parts[i + 1:]
            if not parts[i].isdigit() or len(tail) > 2 or (len(tail) == 2 and tail[1] not in ("amp", "feed")):
                continue
            entry = self.site.entry(int(parts[i]))
            if entry is not None and entry[0].lang == parts[0]:
                return entry, (tail[1] if len(tail) == 2 else None)
        return None

    def _article_page(self, article: Article, version: int, modified: datetime) -> Response:
        """The article page itself, from the full-page cache (canonical URL, or a 200 shortlink)."""
        # Full-page cache: bytes stay identical until this post is edited, even
        # though LATEST CONTENT would differ if rendered with the current posts.
        key = (article.post_id, version)
        with self._lock:
            page = self._pages.get(article.post_id)
            if page is not None and page.version != version:
                page = None
            slot = self._bodies.get(key) if page is not None else None
            if slot is not None:
                self._bodies.move_to_end(key)
        if page is None:
            ctx = self._context(article.lang)
            body = self._render_article(ctx, article, modified)
            with self._lock:
                current = self._pages.get(article.post_id)
                if current is None or current.version < version:
                    page = self._pages[article.post_id] = _CachedPage(version, ctx, modified, _etag(body))
                    slot = self._remember(key, body)
                elif current.version == version:  # another request cached this version first: use its bytes
                    page = current
                    slot = self._bodies.get(key)
                else:  # edited while this request rendered: answer with this render, uncached
                    page, slot = _CachedPage(version, ctx, modified, _etag(body)), [body, None]
        if slot is None:  # evicted (or another thread's render won): the same snapshot gives the same bytes
            body = self._render_article(page.ctx, article, page.modified)
            with self._lock:
                slot = self._remember(key, body)
        charset = "windows-1252" if article.charset.lower() in ("windows-1252", "cp1252") else "UTF-8"

        def gzipped() -> bytes:
            if slot[1] is None:
                slot[1] = gzip.compress(slot[0], mtime=0)
            return slot[1]

        return Response(200, slot[0], f"text/html; charset={charset}", last_modified=page.modified,
                        etag=page.etag, gzipped=gzipped)

    @staticmethod
    def _render_article(ctx: render.Context, article: Article, modified: datetime) -> bytes:
        return render.article_page(ctx, article, modified).encode(article.charset, errors="xmlcharrefreplace")

    def _remember(self, key: tuple[int, int], body: bytes) -> list:
        """Put a rendered body in the LRU (caller holds the lock); returns its [body, gzip] slot."""
        slot = self._bodies.get(key)
        if slot is not None:
            self._bodies.move_to_end(key)
            return slot
        slot = self._bodies[key] = [body, None]
        self._bodies_size += len(body)
        while self._bodies_size > self.PAGE_CACHE_BYTES and len(self._bodies) > 1:
            _, (old, _gz) = self._bodies.popitem(last=False)
            self._bodies_size -= len(old)
        return slot

    def _upload(self, path: str) -> Response | None:
        ext = path.rsplit(".", 1)[-1].lower()
        payload = {"pdf": (TINY_PDF, "application/pdf"), "jpg": (TINY_JPEG, "image/jpeg"),
                   "jpeg": (TINY_JPEG, "image/jpeg"), "png": (TINY_PNG, "image/png")}.get(ext)
        if payload is None:
            return None
        return Response(200, payload[0], payload[1], last_modified=STATIC_MODIFIED)

    def _asset(self, path: str) -> Response | None:
        ext = path.rsplit(".", 1)[-1].lower()
        ctype = {"css": "text/css", "js": "application/javascript"}.get(ext)
        if ctype is None:
            return None
        return Response(200, b"/* replica asset */\n", ctype, last_modified=STATIC_MODIFIED)
