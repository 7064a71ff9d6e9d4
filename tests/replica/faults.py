"""Fault injection for the replica: a hostile www.scfr.ir for crawler robustness tests.

    from tests.replica import ReplicaServer, default_site
    from tests.replica.faults import ALL_FAULTS, FAULT_PATHS, Faults

    with ReplicaServer(default_site(), faults=Faults(urls=ALL_FAULTS)) as server:
        crawl(server.base_url + "/en/")
        stored = server.fault_articles["server_error_then_ok"].expected(server.base_url)
        assert server.offsite_requests == []

    ReplicaServer(site, faults=Faults(random_share=0.05, seed=0))   # soak: random failures only
    ReplicaServer(site, faults=Faults(robots_5xx=True))             # robots.txt answers 503

``Faults(urls=...)`` picks the fault URLs (names of :data:`FAULT_PATHS`; ``"all"`` or
:data:`ALL_FAULTS` for every one; none by default).  The site LINKS to them, so a crawl
finds them the normal way: the home page's footer links the notices page
:data:`HUB_PATH` (under /en/, a plain "page"), which lists every enabled fault URL;
the fault articles that exist are published on the site (newest posts, so they are on
the home page, the feed and the post sitemap), and the text of the
``server_error_then_ok`` article links a few fault URLs too.  Most fault URLs look
like articles: ``/en/news/{id}/{slug}/`` with ids from 950001 (:data:`FAULT_POST_IDS`).
Every request is in ``server.requests`` with the status it got; a connection the
server reset logs :data:`STATUS_RESET` (0), one it never answered :data:`STATUS_NO_ANSWER`
(-1).  Without ``faults`` (or with ``Faults()``) the replica is byte-for-byte unchanged.

==================== ====================================================== ==========================================
fault (FAULT_PATHS)  what the server does                                   what a correct crawler must do
==================== ====================================================== ==========================================
server_error_then_ok 503 (nginx page) to the first 2 requests of the URL,   retry; store the article, equal to
                     then 200 with a normal article (published on the site) ``server.fault_articles[name]``
                                                                            ``.expected(base)``
timeout              accepts, reads the request, never answers; the handler time out (DOWNLOAD_TIMEOUT), maybe retry,
                     sleeps until the client hangs up or stop()             record the failure; store nothing; the
                                                                            crawl still finishes
reset_mid_body       200 headers with Content-Length: 50000, the first      treat as a failed download (retryable),
                     18 KB of an article page (up to mid-way through its    store nothing (no half article)
                     2nd paragraph, PARTIAL_TEXT_END), then a TCP reset
                     (SO_LINGER 0)
truncated_gzip       200, Content-Encoding: gzip, a gzip member cut at a    treat as a failed/corrupt download; never
                     flush point: it decodes to an article page up to       store the decoded half page (title, lead,
                     mid-way through its 2nd paragraph, then stops (no      1.5 paragraphs) as an article
                     final block, no CRC trailer); Content-Length = bytes
                     sent
gzip_bomb            200, Content-Encoding: gzip, ~200 KB on the wire that  stop decompressing at a size limit
                     inflates to ~200 MiB of HTML (spaces)                  (DOWNLOAD_MAXSIZE applies to the decoded
                                                                            size); no memory blow-up
huge_page            200 text/html, Content-Length 100 MiB, streamed in     abort at the size limit; store nothing;
                     64 KiB chunks (an article page, endless paragraphs)    the server stops quietly when the client
                                                                            goes away
redirect_chain       302 -> .../hop/1/ -> .../hop/2/ -> ... (distinct URLs, give up after its redirect limit; store
                     never a loop, never ends)                              nothing
offsite_redirect     302 to the same path on ANOTHER origin (the off-site   not follow it: ``server.offsite_requests
                     server, http://127.0.0.2:PORT/ when possible)          == []``
wrong_content_type   a complete article page (published) served as          never crash; either skip it (not HTML) or
                     application/octet-stream                               sniff and store it exactly as expected()
                                                                            -- test's choice
lying_charset        a published article whose UTF-8 bytes (accents,        store the text decoded as UTF-8 (the
                     Persian) are served as text/html; charset=iso-8859-1;  <meta> and the bytes agree; the header
                     <meta charset="UTF-8"> in the page                     lies): no mojibake such as "CafÃ©" or
                                                                            "â€™"; equal to expected()
zero_byte            200 text/html; charset=UTF-8 with an empty body        store nothing, no crash (record it as
                                                                            empty)
binary_as_html       200 text/html; charset=UTF-8, 20 KiB of random bytes   store nothing, no crash, no garbage text
                     behind a PNG header
injected_markup      a published article with <script>, <img onerror>,      store the text a reader sees: see
                     <style>, <iframe>, onclick and escaped markup (see     :func:`injected_markup_expected`; none of
                     INJECTED_TITLE_HTML)                                   INJECTED_MARKERS in the stored title/body
challenge_page       200 bot wall "Just a moment..." (cf-challenge form, no store nothing (no article markup); ideally
                     article markup)                                        record it as blocked
long_url             link to /en/news/950015/{5 000-char slug}/; any target drop it (Scrapy: URLLENGTH_LIMIT 2083) or
                     longer than 4 096 characters answers 414               record the 414; store nothing
many_links           page with 5 000 links: 4 500 distinct missing articles no blow-up: duplicates fetched once,
                     (404), 250 off-site (off-site server), 250 duplicates  off-site links never followed; the 404s
                     of real articles                                       recorded (or cut by a budget)
url_trap             /en/archives/trap/{a}/.../{k}/ (200) links             bound the crawl (depth/budget): it must
                     {...}/{k}/{k+1}/ and {...}/{k+1}/: endless new URLs    finish
category_trap        /en/category/news/x/, .../x/x/, ...: a News listing    bound the crawl; store no extra articles
                     (200) with a relative link "x/" one level deeper
==================== ====================================================== ==========================================

Server options (no URL): ``robots_404`` (robots.txt answers 404: crawl as if there were
no robots.txt), ``robots_5xx`` (503: RFC 9309 says assume complete disallow, so fetch
nothing but robots.txt -- retries of it are fine), ``robots_disallow_all``
("User-agent: *\\nDisallow: /": fetch nothing but robots.txt).

``random_share`` / ``seed``: a share of ALL other requests fails at random, decided per
(request target, attempt) from the seed, with 500, 502, 503, a reset connection
(logged 0) or a hang of ``random_hang`` seconds that ends in a close without an answer
(logged -1).  Only the first ``random_attempts`` (default 1) requests of a target can
fail, so a retry of the same URL succeeds and a crawl with retries stores everything.
Fault URLs and the server's flaky URL (which fails once by design) are exempt.
``server.reset()`` re-arms the counters (503s of server_error_then_ok, random attempts).
"""

from __future__ import annotations

import hashlib
import random
import re
import select
import socket
import struct
import threading
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Callable, Collection, Mapping

from . import render
from .content import Article, Site
from .server import HTML, TEXT, RequestRecord, Response, _redirect

if TYPE_CHECKING:
    from .server import ReplicaServer, _Handler

# --------------------------------------------------------------------------
# Constants tests refer to
# --------------------------------------------------------------------------

FAULT_BASE_ID = 950000
LONG_SLUG = ("statement-of-the-council-" * 200)[:-1] + "s"  # exactly 5 000 characters
LONG_URL_LIMIT = 4096  # request targets longer than this answer 414 (with the long_url fault)

_FAULTS: tuple[tuple[str, str], ...] = (  # name -> path, in hub order
    ("server_error_then_ok", "/en/news/950001/caspian-states-resume-talks-on-the-seas-legal-regime/"),
    ("timeout", "/en/news/950002/iraqi-elections-and-the-coalition-talks/"),
    ("reset_mid_body", "/en/news/950003/water-diplomacy-on-the-helmand-river/"),
    ("truncated_gzip", "/en/news/950004/the-north-south-corridor-after-the-rasht-astara-deal/"),
    ("gzip_bomb", "/en/news/950005/a-decade-of-the-shanghai-cooperation-organization/"),
    ("huge_page", "/en/news/950006/the-complete-record-of-council-statements/"),
    ("redirect_chain", "/en/news/950007/this-story-has-moved/"),
    ("offsite_redirect", "/en/news/950008/read-this-story-on-our-partner-site/"),
    ("wrong_content_type", "/en/news/950009/tehran-hosts-regional-conference-on-dust-storms/"),
    ("lying_charset", "/en/news/950010/cafe-diplomacy-in-geneve-irans-outreach-to-europe/"),
    ("zero_byte", "/en/news/950011/iran-and-oman-sign-maritime-agreement/"),
    ("binary_as_html", "/en/news/950012/infographic-irans-trade-with-its-neighbours/"),
    ("injected_markup", "/en/news/950013/a-title-with-markup/"),
    ("challenge_page", "/en/news/950014/security-council-debates-the-snapback-mechanism/"),
    ("long_url", f"/en/news/950015/{LONG_SLUG}/"),
    ("many_links", "/en/archives/index-of-stories/"),
    ("url_trap", "/en/archives/trap/"),
    ("category_trap", "/en/category/news/x/"),
)
FAULT_PATHS: dict[str, str] = dict(_FAULTS)
"""Fault name -> the root-relative path the site links (and the server misbehaves on)."""
ALL_FAULTS: tuple[str, ...] = tuple(FAULT_PATHS)
FAULT_POST_IDS: dict[str, int] = {name: int(path.split("/")[3]) for name, path in _FAULTS
                                  if re.match(r"^/en/news/\d+/", path)}
"""Fault name -> post id, for the article-like fault URLs (ids 950001-950015)."""
PUBLISHED_FAULTS: tuple[str, ...] = ("server_error_then_ok", "wrong_content_type", "lying_charset", "injected_markup")
"""Faults whose URL is a real post published on the site (``server.fault_articles``)."""
STORED_FAULTS: tuple[str, ...] = ("server_error_then_ok", "lying_charset", "injected_markup")
"""Faults whose article a correct crawler stores (wrong_content_type: the test decides)."""

HUB_PATH = "/en/archives/notices/"  # lists every enabled fault URL; linked from the home page footer
TRAP_PATH = FAULT_PATHS["url_trap"]
CATEGORY_TRAP_PATH = FAULT_PATHS["category_trap"]
REDIRECT_CHAIN_PATH = FAULT_PATHS["redirect_chain"]

STATUS_RESET = 0  # request log status of a connection the server reset
STATUS_NO_ANSWER = -1  # request log status of a connection the server held and never answered

ERRORS_BEFORE_OK = 2  # server_error_then_ok: 503 this many times, then 200
RESET_CONTENT_LENGTH = 50_000  # reset_mid_body: announced length (the whole page is ~37 KB)
# reset_mid_body and truncated_gzip carry (decode to) an article page up to this text, mid-way
# through its second paragraph (~18.5 KB): title, lead and 1.5 paragraphs, no end of document.
PARTIAL_TEXT_END = "Experts interviewed by the coun"
GZIP_BOMB_SIZE = 200 * 1024 * 1024  # decoded size of the gzip bomb (plus a little HTML)
HUGE_PAGE_SIZE = 100 * 1024 * 1024  # Content-Length of huge_page
HUGE_PAGE_CHUNK = 64 * 1024
BINARY_SIZE = 20 * 1024
MANY_LINKS_COUNT = 5000
MANY_LINKS_MISSING = 4500  # /en/news/{960000+i}/archived-story-{i}/ -> 404
MANY_LINKS_OFFSITE = 250  # {offsite}/en/news/{970000+i}/partner-story-{i}/
MANY_LINKS_DUPLICATES = 250  # canonical URLs of real listed articles (some with #respond)
MISSING_BASE_ID = 960000
OFFSITE_BASE_ID = 970000
RANDOM_HANG = 2.0
RANDOM_KINDS = (500, 502, 503, "reset", "hang")

# injected_markup: what the page carries, and what a reader sees.
INJECTED_TITLE = "A Title with markup"
INJECTED_TITLE_HTML = ('<h1 class="entry-title">A Title<script>alert(1)</script> with '
                       '<img src=x onerror=alert(2)> markup</h1>')
INJECTED_LITERAL = "<script>alert(3)</script>"  # shown as TEXT (it is &lt;script&gt;... in the HTML)
INJECTED_LITERAL_PARAGRAPH = f"One reader typed {INJECTED_LITERAL} into the comment form; it is printed here as text."
INJECTED_MARKERS: tuple[str, ...] = (
    "alert(1)", "alert(2)", "alert(4)", "alert(5)", "onerror", "onclick", "<img", "<iframe", "<style",
    "document.write", "INJECTED", "color: red", "ads.example.net",
)
"""Strings that must not appear in the stored title or body of injected_markup (alert(3) is
allowed only inside the literal text INJECTED_LITERAL)."""

CHALLENGE_MARKERS: tuple[str, ...] = (
    "Just a moment...", "Checking your browser before accessing www.scfr.ir",
    "Please enable JavaScript and cookies to continue",
)


# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Faults:
    """What the faults mode of :class:`~tests.replica.server.ReplicaServer` does (see the module doc).

    The server publishes the fault articles (PUBLISHED_FAULTS among ``urls``) on the Site it
    serves when it is built (``site.add``; dated the day after the newest English post);
    ``server.fault_articles`` has them."""

    urls: Collection[str] = ()  # fault names (FAULT_PATHS keys), "all" or ALL_FAULTS
    robots_404: bool = False
    robots_5xx: bool = False
    robots_disallow_all: bool = False
    random_share: float = 0.0  # share of (other) requests that fail at random
    seed: int = 0
    random_attempts: int = 1  # how many first requests of one target may fail (1: a retry succeeds)
    random_hang: float = RANDOM_HANG  # seconds a random "hang" holds the connection
    # Bot-wall mode (live site): every request after the first ``challenge_after`` answers a
    # challenge page (503 "Just a moment...", 403 "Attention Required", 200 "Checking your
    # browser..." in turn); ``challenge_urls`` (paths) answer the 200 challenge page always.
    challenge_after: int | None = None
    challenge_urls: Collection[str] = ()
    enabled: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        names = ALL_FAULTS if self.urls == "all" else (self.urls,) if isinstance(self.urls, str) else self.urls
        unknown = set(names) - set(FAULT_PATHS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; known: {', '.join(ALL_FAULTS)}")
        object.__setattr__(self, "enabled", frozenset(names))
        if sum((self.robots_404, self.robots_5xx, self.robots_disallow_all)) > 1:
            raise ValueError("choose at most one robots variant")
        if not 0.0 <= self.random_share <= 1.0:
            raise ValueError("random_share must be between 0 and 1")
        if self.random_attempts < 0 or self.random_hang < 0:
            raise ValueError("random_attempts and random_hang must be >= 0")
        if self.challenge_after is not None and self.challenge_after < 0:
            raise ValueError("challenge_after must be >= 0")
        object.__setattr__(self, "challenge_urls", frozenset(self.challenge_urls))


# --------------------------------------------------------------------------
# Content of the fault URLs
# --------------------------------------------------------------------------

_NEWS = {"primary_category": "news", "categories": ["News"], "type": "News", "tags": ["Fault injection"]}


def _slug(name: str) -> str:
    return FAULT_PATHS[name].rstrip("/").rsplit("/", 1)[1]


def _article(name: str, day: date, title: str, lead: str, blocks: list, **extra: object) -> Article:
    fields = {**_NEWS, **extra}
    return Article(post_id=FAULT_POST_IDS[name], slug=_slug(name), published=day.isoformat(), title=title,
                   lead=lead, blocks=blocks, **fields)  # type: ignore[arg-type]


# Links the server_error_then_ok article's text carries (those enabled).
_IN_TEXT_LINKS: tuple[tuple[str, str], ...] = (
    ("timeout", "the coalition talks in Baghdad"),
    ("reset_mid_body", "water diplomacy on the Helmand"),
    ("truncated_gzip", "the Rasht–Astara railway deal"),
    ("challenge_page", "the debate on the snapback mechanism"),
    ("zero_byte", "the maritime agreement with Oman"),
    ("many_links", "our index of stories"),
    ("url_trap", "the archive by number"),
)


def published_articles(day: date, enabled: Collection[str] = ALL_FAULTS) -> dict[str, Article]:
    """The fault articles that are real posts (PUBLISHED_FAULTS among ``enabled``), published on ``day``."""
    out: dict[str, Article] = {}
    if "server_error_then_ok" in enabled:
        links = [f"[{anchor}]({FAULT_PATHS[name]})" for name, anchor in _IN_TEXT_LINKS if name in enabled]
        blocks: list = [
            ("p", "The meeting was the first at this level since the convention signed in Aktau in 2018 entered its "
                  "implementation phase. The delegations discussed the delimitation of the seabed, fishing quotas "
                  "and the protection of the sea’s environment."),
            ("p", "Iran’s delegation said that the convention leaves several questions open, and that any pipeline "
                  "on the seabed must have the consent of all five littoral states."),
        ]
        if links:
            blocks.append(("p", "Our earlier coverage: " + "; ".join(links) + "."))
        out["server_error_then_ok"] = _article(
            "server_error_then_ok", day, "Caspian States Resume Talks on the Sea’s Legal Regime",
            "Strategic Council Online: Deputy foreign ministers of the five Caspian littoral states met in Tehran to "
            "resume talks on the implementation of the convention on the legal status of the Caspian Sea.",
            blocks, template="themebuilder")
    if "wrong_content_type" in enabled:
        out["wrong_content_type"] = _article(
            "wrong_content_type", day, "Tehran Hosts Regional Conference on Dust Storms",
            "Strategic Council Online: Environment officials from eleven countries of West Asia gathered in Tehran "
            "for a two-day conference on dust storms, a growing threat to public health and agriculture.",
            [("p", "The participants agreed to share satellite data and to set up an early-warning network, and they "
                   "asked international organisations to finance projects that stabilise the soil in the "
                   "worst-hit areas."),
             ("p", "The drying of wetlands in Iraq and Syria was named as one of the main sources of the dust that "
                   "reaches Iran’s western provinces.")],
            template="classic")
    if "lying_charset" in enabled:
        out["lying_charset"] = _article(
            "lying_charset", day, "Café Diplomacy in Genève: Iran’s Outreach to Europe",
            "Strategic Council Online: Iranian and European diplomats met informally in Genève this week, in talks "
            "that officials described as «café diplomacy» rather than negotiations.",
            [("p", "The meetings, hosted at the Hôtel Président Wilson, brought together senior officials from "
                   "France, Germany and the United Kingdom, as well as the deputy of the EU’s foreign policy chief."),
             ("p", "In Tehran, the talks were presented under the slogan «تعامل سازنده» (constructive engagement), a "
                   "phrase that has returned to the vocabulary of Iranian diplomacy."),
             ("p", "Observers in Zürich and Bruxelles noted that the agenda was deliberately broad: from the nuclear "
                   "file to the détente in the Persian Gulf, nothing was excluded — and nothing was decided.")],
            template="themebuilder")
    if "injected_markup" in enabled:
        out["injected_markup"] = _article(
            "injected_markup", day, INJECTED_TITLE,
            "Strategic Council Online: An editor’s draft carried code pasted from a web form, and the page was "
            "published as it was.",
            [("p", "The review of the border crossings will be completed by the end of the month, officials said."),
             ("p", INJECTED_LITERAL_PARAGRAPH),
             ("p", "The next round of talks is expected in Islamabad in the autumn.")],
            template="classic")
    return out


def injected_markup_expected(base: str, day: date | str | None = None, *, literal: bool = True,
                             article: Article | None = None) -> dict:
    """What a perfect crawler stores for injected_markup (pass ``article=server.fault_articles[
    "injected_markup"]``, or the publication ``day``).

    Title: "A Title with markup" -- the h1's visible text, whitespace collapsed (the script
    and the <img> show nothing).  Body: the lead and the three paragraphs of the text; the
    inline <script>, <style> and the <iframe> (and its fallback text) are not text, the
    onclick attribute is invisible.  The escaped markup ``&lt;script&gt;alert(3)&lt;/script&gt;``
    is what a reader sees as the literal text "<script>alert(3)</script>", so its paragraph
    (INJECTED_LITERAL_PARAGRAPH) is part of the body; ``literal=False`` leaves that paragraph
    out, for tests that want a body free of anything tag-like.
    """
    if article is None:
        when = date.fromisoformat(day) if isinstance(day, str) else day or date(2024, 4, 22)
        article = published_articles(when, ("injected_markup",))["injected_markup"]
    expected = article.expected(base)
    if not literal:
        expected["body"] = "\n\n".join(p for p in article.paragraphs() if p != INJECTED_LITERAL_PARAGRAPH)
    return expected


def _inject(page: str) -> str:
    """Turn the rendered injected_markup page into the hostile one (title and text container only)."""
    replacements = (
        (f'<h1 class="entry-title">{INJECTED_TITLE}</h1>', INJECTED_TITLE_HTML),
        ("<p>The review of the border", '<p onclick="alert(4)" class="INJECTED-onclick">The review of the border'),
        ("officials said.</p>\n",
         "officials said.</p>\n"
         "<script type=\"text/javascript\">document.write('<p>INJECTED by script</p>');alert(5);</script>\n"
         "<style>.entry-content p { color: red; } /* INJECTED style */</style>\n"),
        ("printed here as text.</p>\n",
         "printed here as text.</p>\n"
         '<iframe src="https://ads.example.net/frame.html" width="300" height="250">INJECTED iframe fallback '
         "text</iframe>\n"),
    )
    for old, new in replacements:
        if page.count(old) != 1:
            raise AssertionError(f"injected_markup: expected one {old!r} in the page")
        page = page.replace(old, new)
    return page


def _shape_articles(day: date) -> dict[str, Article]:
    """Articles whose pages the broken responses carry (never published: nothing to store)."""
    def paragraphs(topic: str) -> list:
        return [("p", f"Officials said that {topic} would be on the agenda of the next round of talks."),
                ("p", "Experts interviewed by the council expect slow progress, but no break in the dialogue."),
                ("p", "The meeting ended with a joint statement and an agreement to meet again within three months.")]
    return {
        "reset_mid_body": _article(
            "reset_mid_body", day, "Water Diplomacy on the Helmand River",
            "Strategic Council Online: Iran and Afghanistan discussed Iran’s share of the Helmand’s water.",
            paragraphs("the Helmand water treaty")),
        "truncated_gzip": _article(
            "truncated_gzip", day, "The North–South Corridor after the Rasht–Astara Deal",
            "Strategic Council Online: The agreement with Russia on the Rasht–Astara railway closes the last gap "
            "of the corridor.", paragraphs("the financing of the railway")),
        "huge_page": _article(
            "huge_page", day, "The Complete Record of Council Statements",
            "Strategic Council Online: Every statement of the council since 2006, in one page.",
            [("p", "@@FILL@@")]),
    }


def challenge_page(path: str) -> bytes:
    """A Cloudflare-style bot wall ("Just a moment..."): no article markup at all."""
    ray = hashlib.sha1(path.encode()).hexdigest()[:16]
    return (
        '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
        '<meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}body{display:flex;"
        "flex-direction:column;height:100vh;min-height:100vh}.main-content{margin:8rem auto;max-width:60rem}"
        "</style></head>"
        '<body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">'
        '<h1 class="zone-name-title h1">www.scfr.ir</h1>'
        '<h2 class="h2" id="challenge-running">Checking your browser before accessing www.scfr.ir</h2>'
        '<noscript><div id="challenge-error-title"><div class="h2"><span id="challenge-error-text">'
        "Please enable JavaScript and cookies to continue</span></div></div></noscript>"
        f'<form id="challenge-form" class="challenge-form cf-challenge" action="{path}?__cf_chl_f_tk={ray}" '
        'method="POST" enctype="application/x-www-form-urlencoded">'
        f'<input type="hidden" name="md" value="{ray * 4}"><input type="hidden" name="r" value="{ray[::-1] * 3}">'
        "</form></div></div>"
        "<script>(function(){window._cf_chl_opt={cvId: '3',cZone: 'www.scfr.ir',cType: 'managed',"
        f"cRay: '{ray}',cHash: '{ray[::-1]}'}};var a=document.createElement('script');"
        "a.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=" + ray + "';"
        "document.getElementsByTagName('head')[0].appendChild(a);}());</script>"
        '<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper">'
        f'<div class="ray-id">Ray ID: <code>{ray}</code></div></div>'
        '<div class="text-center" id="footer-text">Performance &amp; security by Cloudflare</div></div></div>'
        "</body></html>"
    ).encode("utf-8")


def nginx_error(status: int) -> bytes:
    """The front proxy's error page for a status (500 is render.server_error_page())."""
    if status == 500:
        return render.server_error_page().encode()
    reason = {414: "Request-URI Too Large", 502: "Bad Gateway", 503: "Service Temporarily Unavailable"}[status]
    return (f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
            f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            ).encode()


def binary_body() -> bytes:
    """20 KiB that start like a PNG and continue as random bytes (deterministic)."""
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 640, 480, 8, 6, 0, 0, 0)
    header += struct.pack(">I", zlib.crc32(header[12:]))
    return header + random.Random(FAULT_BASE_ID).randbytes(BINARY_SIZE - len(header))


_bomb_lock = threading.Lock()
_bomb: bytes | None = None


def gzip_bomb() -> bytes:
    """One gzip member (~200 KB) that inflates to an HTML page of GZIP_BOMB_SIZE spaces and a
    little markup; built once per process (about 0.7 s), in 1 MiB chunks at zlib level 9."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            gz = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS, 9)
            out = [gz.compress(b'<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8" />'
                               b"<title>A Decade of the Shanghai Cooperation Organization - Strategic Council Online"
                               b'</title></head><body><h1 class="entry-title">A Decade of the Shanghai Cooperation '
                               b"Organization</h1><p>")]
            chunk = b" " * (1 << 20)
            out.extend(gz.compress(chunk) for _ in range(GZIP_BOMB_SIZE // len(chunk)))
            out.append(gz.compress(b"</p></body></html>\n"))
            out.append(gz.flush())
            _bomb = b"".join(out)
        return _bomb


# --------------------------------------------------------------------------
# Socket-level behaviours (Response.send callbacks, run in the handler thread)
# --------------------------------------------------------------------------


def reset_connection(handler: "_Handler") -> None:
    """Abort the connection: SO_LINGER 0 then close sends a TCP RST instead of a FIN."""
    sock = handler.connection
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    handler.rfile.close()  # the last reference besides the socket: close() below really closes
    sock.close()  # socketserver's later shutdown()/close() of the same object fail quietly (EBADF)


def hold_connection(handler: "_Handler", seconds: float | None) -> None:
    """Keep the connection open without answering, until ``seconds`` passed (None: forever), the
    server stops or the client hangs up."""
    server = handler.server.replica
    sock = handler.connection
    waited = 0.0
    while seconds is None or waited < seconds:
        step = 0.2 if seconds is None else min(0.2, seconds - waited)
        if server.sleep(step):
            return
        waited += step
        try:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable and sock.recv(1, socket.MSG_PEEK) == b"":
                return  # the client closed its side: nobody is waiting any more
        except OSError:
            return


# --------------------------------------------------------------------------
# The off-site origin
# --------------------------------------------------------------------------


class _OffsiteHandler(BaseHTTPRequestHandler):
    server: "_OffsiteHTTPServer"
    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._answer()

    def do_HEAD(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        headers = {k: v for k, v in self.headers.items()}
        self.server.offsite.record(RequestRecord(self.command, self.path, headers, 200))
        body = (b"<!DOCTYPE html><html><head><title>Partner site</title></head><body>"
                b"<h1>Partner site</h1><p>You left www.scfr.ir.</p></body></html>")
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except OSError:
            pass


class _OffsiteHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    offsite: "OffsiteServer"

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # nothing here is worth a traceback; the request log is what tests read


class OffsiteServer:
    """A second origin on the loopback (127.0.0.2 on the main port when the OS allows, else
    another port) that answers 200 to anything and records every request it gets."""

    def __init__(self) -> None:
        self._httpd: _OffsiteHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self.host: str | None = None
        self.port: int | None = None

    def start(self, main_port: int) -> None:
        if self._httpd is not None:
            return
        for address in (("127.0.0.2", main_port), ("127.0.0.2", 0), ("127.0.0.1", 0)):
            try:
                httpd = _OffsiteHTTPServer(address, _OffsiteHandler)
                break
            except OSError:
                continue
        else:  # pragma: no cover - the last candidate binds on any system with a loopback
            raise RuntimeError("cannot bind the off-site server")
        httpd.offsite = self
        self._httpd = httpd
        self.host, self.port = httpd.server_address[:2]
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"replica-offsite-{self.port}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def base_url(self) -> str | None:
        return f"http://{self.host}:{self.port}" if self.port is not None else None

    def record(self, record: RequestRecord) -> None:
        with self._lock:
            self._log.append(record)

    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._log)


# --------------------------------------------------------------------------
# The injector: what ReplicaServer(faults=...) consults before routing a request
# --------------------------------------------------------------------------

_HUB_LABELS = {
    "server_error_then_ok": "Caspian states resume talks on the sea’s legal regime",
    "timeout": "Iraqi elections and the coalition talks",
    "reset_mid_body": "Water diplomacy on the Helmand River",
    "truncated_gzip": "The North–South Corridor after the Rasht–Astara deal",
    "gzip_bomb": "A decade of the Shanghai Cooperation Organization",
    "huge_page": "The complete record of council statements",
    "redirect_chain": "This story has moved",
    "offsite_redirect": "Read this story on our partner site",
    "wrong_content_type": "Tehran hosts regional conference on dust storms",
    "lying_charset": "Café diplomacy in Genève",
    "zero_byte": "Iran and Oman sign maritime agreement",
    "binary_as_html": "Infographic: Iran’s trade with its neighbours",
    "injected_markup": "A title with markup",
    "challenge_page": "Security Council debates the snapback mechanism",
    "long_url": "The council’s statements (permanent link)",
    "many_links": "Index of stories",
    "url_trap": "Archive by number",
    "category_trap": "More in News",
}
_HOME_FOOTER_ANCHOR = '<a href="/en/archives/scfr-old/">Old site archive</a>'
_TRAP_RE = re.compile(r"^/en/archives/trap/((?:\d+/)+)$")
_CATEGORY_TRAP_RE = re.compile(r"^/en/category/news/(?:x/)+$")
_HOP_RE = re.compile(rf"^{re.escape(REDIRECT_CHAIN_PATH)}hop/(\d+)/$")


def attention_required_page(path: str) -> bytes:
    """Cloudflare's 403 block page ("Attention Required! | Cloudflare"): no Divi frame."""
    ray = hashlib.sha1(("403" + path).encode()).hexdigest()[:16]
    return (
        '<!DOCTYPE html><html lang="en-US"><head><title>Attention Required! | Cloudflare</title>'
        '<meta charset="UTF-8" /><meta name="robots" content="noindex, nofollow" /></head>'
        '<body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper">'
        '<h1 data-translate="block_headline">Sorry, you have been blocked</h1>'
        '<h2 class="cf-subheadline">You are unable to access www.scfr.ir</h2>'
        '<p>This website is using a security service to protect itself from online attacks.</p>'
        f'<div class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">{ray}</strong></div>'
        "</div></div></body></html>"
    ).encode("utf-8")


def bot_wall_response(path: str, kind: int) -> Response:
    """kind 0: 503 "Just a moment..." (cf-mitigated: challenge, challenge-platform script);
    1: 403 "Attention Required"; 2: 200 "Checking your browser before accessing"."""
    nocache = {"Cache-Control": "private, max-age=0, no-store, no-cache", "Server": "cloudflare"}
    if kind == 0:
        return Response(503, challenge_page(path), HTML, {"cf-mitigated": "challenge", **nocache})
    if kind == 1:
        return Response(403, attention_required_page(path), HTML, dict(nocache))
    return Response(200, challenge_page(path), HTML, {"cf-mitigated": "challenge", **nocache})


class FaultInjector:
    """Per-server state of the faults mode; :meth:`respond` answers a request or returns None
    (then the normal site answers)."""

    def __init__(self, server: "ReplicaServer", faults: Faults) -> None:
        self.server = server
        self.faults = faults
        self.offsite = OffsiteServer()
        self._lock = threading.Lock()
        self._errors: dict[str, int] = {}  # server_error_then_ok: requests so far
        self._attempts: dict[str, int] = {}  # random faults: requests per target so far
        self._requests = 0  # challenge mode: requests so far
        self._injected: tuple[str, bytes] | None = None  # (source ETag, hostile page)
        day = self._fault_day(server.site)
        self.articles: dict[str, Article] = {}
        for name, article in published_articles(day, faults.enabled).items():
            existing = server.site.by_id(article.post_id)  # a Site served with faults before
            self.articles[name] = existing if existing is not None else server.site.add(article)
        self._shapes = _shape_articles(day)
        self._routes: dict[str, Callable[[str, str], Response | None]] = {
            FAULT_PATHS[name]: getattr(self, f"_{name}") for name in ALL_FAULTS if name in faults.enabled}
        if faults.enabled:
            self._routes[HUB_PATH] = self._hub

    @staticmethod
    def _fault_day(site: Site) -> date:
        """The day after the newest English post (so the fault posts lead the home page)."""
        fault_ids = set(FAULT_POST_IDS.values())
        newest = max((a.published_date for a in site.articles("en") if a.post_id not in fault_ids),
                     default=date(2024, 4, 21))
        return newest + timedelta(days=1)

    # --- lifecycle -------------------------------------------------------

    def start(self) -> None:
        self.offsite.start(self.server.port)

    def stop(self) -> None:
        self.offsite.stop()

    def reset(self) -> None:
        with self._lock:
            self._errors.clear()
            self._attempts.clear()
            self._requests = 0

    # --- dispatch --------------------------------------------------------

    def respond(self, method: str, target: str, path: str, query: str,
                headers: Mapping[str, str]) -> Response | None:
        f = self.faults
        if f.challenge_after is not None or f.challenge_urls:
            wall = self._bot_wall(path)
            if wall is not None:
                return wall
        if path == "/robots.txt" and (f.robots_404 or f.robots_5xx or f.robots_disallow_all):
            return self._robots()
        route = self._routes.get(path)
        if route is not None:
            return route(path, query)
        enabled = f.enabled
        if "redirect_chain" in enabled and (m := _HOP_RE.match(path)):
            return self._hop(int(m[1]) + 1)
        if "url_trap" in enabled and (m := _TRAP_RE.match(path)):
            return self._trap_page(path, [int(n) for n in m[1].strip("/").split("/")])
        if "category_trap" in enabled and _CATEGORY_TRAP_RE.match(path):
            return self._category_trap(path)
        if "long_url" in enabled and len(target) > LONG_URL_LIMIT:
            return Response(414, nginx_error(414), HTML, raw=True)
        if f.random_share > 0 and path not in self.server.flaky_paths:
            failure = self._random_failure(target)
            if failure is not None:
                return failure
        if path == "/en/" and not query and enabled and method in ("GET", "HEAD"):
            return self._home(path, query)
        return None

    def _bot_wall(self, path: str) -> Response | None:
        """Challenge mode: the bot wall after the first challenge_after requests, or on challenge_urls."""
        f = self.faults
        with self._lock:
            self._requests += 1
            count = self._requests
        if f.challenge_after is not None and count > f.challenge_after:
            return bot_wall_response(path, (count - f.challenge_after - 1) % 3)
        if path in f.challenge_urls:
            return bot_wall_response(path, 2)
        return None

    def _random_failure(self, target: str) -> Response | None:
        with self._lock:
            attempt = self._attempts.get(target, 0)
            self._attempts[target] = attempt + 1
        if attempt >= self.faults.random_attempts:
            return None
        digest = hashlib.blake2b(f"{self.faults.seed}\n{target}\n{attempt}".encode(), digest_size=16).digest()
        if int.from_bytes(digest[:8], "big") / 2.0 ** 64 >= self.faults.random_share:
            return None
        kind = RANDOM_KINDS[digest[8] % len(RANDOM_KINDS)]
        if kind == "reset":
            return Response(STATUS_RESET, b"", None, raw=True, send=reset_connection)
        if kind == "hang":
            hang = self.faults.random_hang
            return Response(STATUS_NO_ANSWER, b"", None, raw=True, send=lambda h: hold_connection(h, hang))
        return Response(int(kind), nginx_error(int(kind)), HTML)

    # --- helpers ---------------------------------------------------------

    def _ctx(self) -> render.Context:
        return self.server._context("en")

    def _page(self, path: str, title: str, body_html: str, page_id: int) -> Response:
        """A plain WordPress "page" (like About Us) in the site's chrome."""
        ctx = self._ctx()
        url = ctx.base + path
        left = (f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish hentry">\n'
                f'<h1 class="entry-title main_title">{render.esc(title)}</h1>\n'
                f'<div class="entry-content">\n{body_html}</div>\n</article>\n')
        seo = (f'<meta name="robots" content="index, follow" />\n<link rel="canonical" href="{render.attr(url)}" />\n'
               f'<meta property="og:title" content="{render.attr(title)}" />\n')
        page = render.frame(ctx, head_html=render.head(ctx, title=f"{title} - Strategic Council Online", seo=seo),
                            body_class=f"page-template-default page page-id-{page_id}",
                            main=render.classic_layout(ctx, left), builder=False)
        return Response(200, page.encode("utf-8"), HTML, last_modified=self.server.site.last_change())

    def _rendered(self, name: str) -> str:
        return render.article_page(self._ctx(), self._shapes[name])

    def _site_page(self, path: str, query: str) -> Response | None:
        """The normal answer for a published fault article (None if it is not 200)."""
        response = self.server._route(path, query)
        return response if response.status == 200 else None

    # --- the home page and the notices page -------------------------------

    def _home(self, path: str, query: str) -> Response:
        response = self.server._route(path, query)
        if response.status == 200:
            link = f'{_HOME_FOOTER_ANCHOR}<br /><a href="{self.server.base_url}{HUB_PATH}">Notices</a>'
            response.body = response.body.replace(_HOME_FOOTER_ANCHOR.encode(), link.encode(), 1)
            response.etag, response.gzipped = None, None
        return response

    def _hub(self, path: str, query: str) -> Response:
        base = self.server.base_url
        items = "".join(
            f'<li><a href="{render.attr(base + FAULT_PATHS[name])}">{render.esc(_HUB_LABELS[name])}</a></li>\n'
            for name in ALL_FAULTS if name in self.faults.enabled)
        body = f"<p>Notices and stories of the month.</p>\n<ul>\n{items}</ul>\n"
        return self._page(path, "Notices", body, 9000)

    # --- the faults ------------------------------------------------------

    def _robots(self) -> Response:
        f = self.faults
        if f.robots_404:
            return self.server._not_found("/robots.txt")
        if f.robots_5xx:
            return Response(503, nginx_error(503), HTML)
        return Response(200, b"User-agent: *\nDisallow: /\n", TEXT, last_modified=render.STATIC_PAGES_MODIFIED)

    def _server_error_then_ok(self, path: str, query: str) -> Response | None:
        with self._lock:
            seen = self._errors.get(path, 0)
            self._errors[path] = seen + 1
        if seen < ERRORS_BEFORE_OK:
            return Response(503, nginx_error(503), HTML)
        return None  # the normal article page

    def _timeout(self, path: str, query: str) -> Response:
        return Response(STATUS_NO_ANSWER, b"", None, raw=True, send=lambda h: hold_connection(h, None))

    def _reset_mid_body(self, path: str, query: str) -> Response:
        part = _partial(self._rendered("reset_mid_body").encode("utf-8"))

        def send(handler: "_Handler") -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", HTML)
            handler.send_header("Content-Length", str(RESET_CONTENT_LENGTH))
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(part)
            handler.server.replica.sleep(0.2)  # let the client read the part before the reset
            reset_connection(handler)
        return Response(STATUS_RESET, b"", None, raw=True, send=send)

    def _truncated_gzip(self, path: str, query: str) -> Response:
        page = self._rendered("truncated_gzip").encode("utf-8")
        gz = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        # Cut at a flush point: the member decodes to exactly _partial(page), then ends with no
        # final block and no CRC32/ISIZE trailer (the rest of the stream never comes).
        cut = gz.compress(_partial(page)) + gz.flush(zlib.Z_SYNC_FLUSH)
        return Response(200, cut, HTML, {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}, raw=True)

    def _gzip_bomb(self, path: str, query: str) -> Response:
        return Response(200, gzip_bomb(), HTML, {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}, raw=True)

    def _huge_page(self, path: str, query: str) -> Response:
        page = self._rendered("huge_page").encode("utf-8")
        prefix, suffix = page.split(b"<p>@@FILL@@</p>\n")
        unit = "<p>The council’s statement of the day is recorded here in full, as it was published.</p>\n".encode()
        chunk = unit * (HUGE_PAGE_CHUNK // len(unit))
        fill = HUGE_PAGE_SIZE - len(prefix) - len(suffix)

        def send(handler: "_Handler") -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", HTML)
            handler.send_header("Content-Length", str(HUGE_PAGE_SIZE))
            handler.send_header("Connection", "close")
            handler.end_headers()
            if handler.command == "HEAD":
                return
            write, server = handler.wfile.write, handler.server.replica
            write(prefix)
            left = fill
            while left >= len(chunk):
                if server.sleep(0):  # stopping
                    return
                write(chunk)  # raises BrokenPipe/ConnectionReset once the client gave up
                left -= len(chunk)
            write(unit * (left // len(unit)) + b" " * (left % len(unit)))
            write(suffix)
        return Response(200, b"", None, raw=True, send=send)

    def _redirect_chain(self, path: str, query: str) -> Response:
        return self._hop(1)

    def _hop(self, n: int) -> Response:
        return _redirect(f"{self.server.base_url}{REDIRECT_CHAIN_PATH}hop/{n}/", 302)

    def _offsite_redirect(self, path: str, query: str) -> Response:
        return _redirect(f"{self.offsite.base_url}{path}", 302)

    def _wrong_content_type(self, path: str, query: str) -> Response | None:
        response = self._site_page(path, query)
        if response is not None:
            response.content_type, response.gzipped = "application/octet-stream", None
        return response

    def _lying_charset(self, path: str, query: str) -> Response | None:
        response = self._site_page(path, query)
        if response is not None:  # the body stays UTF-8 with <meta charset="UTF-8">
            response.content_type = "text/html; charset=iso-8859-1"
        return response

    def _zero_byte(self, path: str, query: str) -> Response:
        return Response(200, b"", HTML)

    def _binary_as_html(self, path: str, query: str) -> Response:
        return Response(200, binary_body(), HTML)

    def _injected_markup(self, path: str, query: str) -> Response | None:
        response = self._site_page(path, query)
        if response is None:
            return None
        source = response.etag or ""
        cached = self._injected
        if cached is None or cached[0] != source:
            cached = self._injected = (source, _inject(response.body.decode("utf-8")).encode("utf-8"))
        return Response(200, cached[1], HTML, last_modified=response.last_modified)

    def _challenge_page(self, path: str, query: str) -> Response:
        return Response(200, challenge_page(path), HTML,
                        {"cf-mitigated": "challenge", "Cache-Control": "private, max-age=0, no-store, no-cache"},
                        raw=True)

    def _long_url(self, path: str, query: str) -> Response:
        return Response(414, nginx_error(414), HTML, raw=True)

    def _many_links(self, path: str, query: str) -> Response:
        base, offsite = self.server.base_url, self.offsite.base_url or "http://127.0.0.2:9"
        real = [a.url(base) for a in self.server.site.listed("en")] or [base + "/en/"]
        links: list[str] = []
        missing = off = dup = 0
        for i in range(MANY_LINKS_COUNT):
            if i % 20 == 0:
                links.append(f"{offsite}/en/news/{OFFSITE_BASE_ID + off}/partner-story-{off}/")
                off += 1
            elif i % 20 == 10:
                links.append(real[dup % len(real)] + ("#respond" if dup % 2 else ""))
                dup += 1
            else:
                links.append(f"{base}/en/news/{MISSING_BASE_ID + missing}/archived-story-{missing}/")
                missing += 1
        assert (missing, off, dup) == (MANY_LINKS_MISSING, MANY_LINKS_OFFSITE, MANY_LINKS_DUPLICATES)
        items = "".join(f'<li><a href="{render.attr(u)}">Story {i + 1}</a></li>\n' for i, u in enumerate(links))
        body = f"<p>Every story we have published.</p>\n<ul>\n{items}</ul>\n"
        return self._page(path, "Index of Stories", body, 9001)

    def _url_trap(self, path: str, query: str) -> Response:
        extra = ""
        if "category_trap" in self.faults.enabled:
            extra = f'<p><a href="{self.server.base_url}{CATEGORY_TRAP_PATH}">More in News</a></p>\n'
        return self._trap_page(path, [], extra)

    def _trap_page(self, path: str, numbers: list[int], extra: str = "") -> Response:
        """/en/archives/trap/{a}/.../{k}/ links one level deeper and the next sibling."""
        base = self.server.base_url
        last = numbers[-1] if numbers else 0
        deeper = f"{base}{path}{last + 1}/"
        sibling = f"{base}{TRAP_PATH}{''.join(f'{n}/' for n in numbers[:-1])}{last + 1}/"
        links = f'<p><a href="{deeper}">Older stories</a></p>\n'
        if numbers:
            links += f'<p><a href="{sibling}">Next archive</a></p>\n'
        title = "Archive" + (" " + "/".join(map(str, numbers)) if numbers else "")
        return self._page(path, title, "<p>Stories by number.</p>\n" + links + extra, 9002)

    def _category_trap(self, path: str, query: str = "") -> Response | None:
        """A News listing at /en/category/news/x/.../ with a relative link one level deeper."""
        page = render.category_page(self._ctx(), "news", 1)
        if page is None:
            return None
        heading = "<h1 class=\"page-title archive-title\">Category: News</h1>\n"
        page = page.replace(heading, heading + '<p class="cat-subnav"><a href="x/">More in News</a></p>\n', 1)
        return Response(200, page.encode("utf-8"), HTML, last_modified=self.server.site.last_change())


def _partial(page: bytes) -> bytes:
    """The start of a broken response's page, up to mid-way through the article's second paragraph."""
    end = page.index(PARTIAL_TEXT_END.encode()) + len(PARTIAL_TEXT_END)
    assert end < RESET_CONTENT_LENGTH
    return page[:end]


__all__ = [
    "ALL_FAULTS", "CATEGORY_TRAP_PATH", "CHALLENGE_MARKERS", "ERRORS_BEFORE_OK", "FAULT_PATHS", "FAULT_POST_IDS",
    "Faults", "FaultInjector", "GZIP_BOMB_SIZE", "HUB_PATH", "HUGE_PAGE_SIZE", "INJECTED_LITERAL",
    "INJECTED_LITERAL_PARAGRAPH", "INJECTED_MARKERS", "INJECTED_TITLE", "INJECTED_TITLE_HTML", "LONG_SLUG",
    "LONG_URL_LIMIT", "MANY_LINKS_COUNT", "MANY_LINKS_DUPLICATES", "MANY_LINKS_MISSING", "MANY_LINKS_OFFSITE",
    "MISSING_BASE_ID", "OFFSITE_BASE_ID", "OffsiteServer", "PUBLISHED_FAULTS", "REDIRECT_CHAIN_PATH",
    "PARTIAL_TEXT_END", "RESET_CONTENT_LENGTH", "STATUS_NO_ANSWER", "STATUS_RESET", "STORED_FAULTS", "TRAP_PATH",
    "injected_markup_expected", "published_articles",
]
