"""Content model of the test replica of www.scfr.ir (Strategic Council Online).

The replica's articles are plain data; ``render.py`` turns them into the
site's markup and ``server.py`` serves them.  Each :class:`Article` also knows
what a perfect crawler must extract from it (:meth:`Article.expected`), so
tests can compare the archive against ground truth instead of against
hand-copied strings.
"""

from __future__ import annotations

import copy
import dataclasses
import random
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Union

import jdatetime

# --------------------------------------------------------------------------
# Site-wide constants
# --------------------------------------------------------------------------

SITE_NAME = "Strategic Council Online"
SITE_DESCRIPTION = "Strategic Council on Foreign Relations"
POSTING_ACCOUNT = "SCFR Editor"  # meta author / JSON-LD author: never the writer
PER_PAGE = 10  # posts per listing page
EXCERPT_WORDS = 55  # WordPress excerpt length used by listings
SITEMAP_MAX_URLS = 2000  # WordPress core splits each sitemap into files of this many URLs

# Category tree: slug -> (name as shown, parent slug or None).  Order = menu order.
CATEGORIES: dict[str, tuple[str, str | None]] = {
    "strategic-perspective": ("Strategic Perspective", None),
    "interview": ("Interview", "strategic-perspective"),
    "opinion": ("Opinion", "strategic-perspective"),
    "note": ("Note", "strategic-perspective"),
    "regional-issues": ("Regional Issues", None),
    "west-asia": ("West Asia", "regional-issues"),
    "persian-gulf": ("Persian Gulf", "regional-issues"),
    "central-asia-caucasus": ("Central Asia & Caucasus", "regional-issues"),
    "afghanistan-pakistan": ("Afghanistan & Pakistan", "regional-issues"),
    "international": ("International", None),
    "europe": ("Europe", "international"),
    "united-states": ("United States", "international"),
    "east-asia": ("East Asia", "international"),
    "russia-eurasia": ("Russia & Eurasia", "international"),
    "defense-security": ("Defense & Security", None),
    "economy-energy": ("Economy & Energy", None),
    "news": ("News", None),
}
CATEGORY_SLUG_BY_NAME: dict[str, str] = {name: slug for slug, (name, _) in CATEGORIES.items()}

# Lead prefixes seen on the English site, longest first so matching is unambiguous.
LEAD_PREFIXES: tuple[str, ...] = (
    "Strategic Council Online – Interview:",
    "Strategic Council Online – Opinion:",
    "Strategic Council Online—Opinion:",
    "Strategic Council Online – Note:",
    "Strategic Council Online:",
)
ARTICLE_TYPES = ("Interview", "Opinion", "Note", "News")
TEMPLATES = ("classic", "themebuilder", "restyled")  # restyled: see restyled_site() and render.py

# --------------------------------------------------------------------------
# The Persian edition (/fa/): see SITE.md and content_fa.py for its posts
# --------------------------------------------------------------------------

LANGS = ("en", "fa", "ar")  # "ar": the Arabic edition, only on live_site() (see live.py)
HTML_LANG = {"en": "en-US", "fa": "fa-IR", "ar": "ar"}  # <html lang>, hreflang
FA_SITE_NAME = "شورای راهبردی آنلاین"
FA_SITE_DESCRIPTION = "شورای راهبردی روابط خارجی"
FA_ARTICLE_TYPES = ("Interview", "Note", "News")
# Persian lead prefixes (the bold part of the lead), longest first.
FA_LEAD_PREFIXES: tuple[str, ...] = (
    "شورای راهبردی آنلاین – گفتگو:",
    "شورای راهبردی آنلاین – یادداشت:",
    "شورای راهبردی آنلاین:",
)
FA_LEAD_PREFIX = {"Interview": FA_LEAD_PREFIXES[0], "Note": FA_LEAD_PREFIXES[1], "News": FA_LEAD_PREFIXES[2]}
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ZWNJ = "\u200c"  # zero-width non-joiner: part of Persian words ("می‌شود"), part of the text
# Characters WordPress drops from slugs (sanitize_title_with_dashes, 'save' context) and those it turns into '-'.
_WP_SLUG_DROP = re.compile("[\u00ad\u00a1\u00bf\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\u201b\u201c\u201d\u201e"
                           "\u201f\u2022\u00a9\u00ae\u00b0\u2026\u2122\u00b4\u02ca\u0301\u0341\u0300\u0304\u030c"
                           "\u200b-\u200f\u202a-\u202e\ufeff\ufffc]")
_WP_SLUG_DASH = re.compile("[\u00a0\u2013\u2014\u2212\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def fa_digits(text: str) -> str:
    """Latin digits -> Persian digits ("1399/01/01" -> "۱۳۹۹/۰۱/۰۱")."""
    return text.translate(PERSIAN_DIGITS)


def wp_sanitize_title(title: str) -> str:
    """The slug WordPress derives from a title or term name (decoded form).

    ASCII is lower-cased and stripped of punctuation, whitespace and dots
    become '-', non-ASCII letters and digits are kept (Persian, Arabic
    punctuation such as ؟ and ،), quotes, guillemets and invisible
    characters such as the ZWNJ are dropped ("تحریم‌ها" -> "تحریمها").
    """
    text = _WP_SLUG_DASH.sub("-", _WP_SLUG_DROP.sub("", title))
    text = "".join(c.lower() if c.isascii() else c for c in text).replace(".", "-")
    text = "".join(c for c in text if not c.isascii() or c.isalnum() or c in " _-")
    return re.sub(r"-+", "-", re.sub(r"\s+", "-", text)).strip("-")


def wp_quote(text: str) -> str:
    """Percent-encode the non-ASCII characters of a slug or path as WordPress stores and links
    them: UTF-8 bytes, lower-case hex ("خبر" -> "%d8%ae%d8%a8%d8%b1"); ASCII is kept."""
    return "".join(c if c.isascii() else "".join(f"%{b:02x}" for b in c.encode("utf-8")) for c in text)


def jalali(day: date) -> tuple[int, int, int]:
    """Solar Hijri (year, month, day) of a Gregorian date (jdatetime's arithmetic algorithm)."""
    j = jdatetime.date.fromgregorian(date=day)
    return j.year, j.month, j.day


def gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Solar Hijri date."""
    return jdatetime.date(year, month, day).togregorian()


def shift_jalali_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def jalali_slash(day: date) -> str:
    """The Persian meta line's date: Solar Hijri YYYY/MM/DD in Persian digits (2019-04-13 -> ۱۳۹۸/۰۱/۲۴)."""
    y, m, d = jalali(day)
    return fa_digits(f"{y:04d}/{m:02d}/{d:02d}")


JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن",
                 "اسفند")

# Persian category tree: slug (decoded; WordPress derives it from the name) -> (name, parent slug).
_FA_CATEGORY_TREE: tuple[tuple[str, str | None], ...] = (
    ("چشم‌انداز راهبردی", None),
    ("گفتگو", "چشم‌انداز راهبردی"),
    ("یادداشت", "چشم‌انداز راهبردی"),
    ("مسائل منطقه", None),
    ("غرب آسیا", "مسائل منطقه"),
    ("خلیج فارس", "مسائل منطقه"),
    ("آسیای مرکزی و قفقاز", "مسائل منطقه"),
    ("افغانستان و پاکستان", "مسائل منطقه"),
    ("بین‌الملل", None),
    ("اروپا", "بین‌الملل"),
    ("آمریکا", "بین‌الملل"),
    ("دفاعی و امنیتی", None),
    ("اقتصاد و انرژی", None),
    ("خبر", None),
)
FA_CATEGORIES: dict[str, tuple[str, str | None]] = {
    wp_sanitize_title(name): (name, wp_sanitize_title(parent) if parent else None) for name, parent in _FA_CATEGORY_TREE
}
FA_CATEGORY_SLUG_BY_NAME: dict[str, str] = {name: slug for slug, (name, _) in FA_CATEGORIES.items()}

# --------------------------------------------------------------------------
# The live site's shapes (live_site(), see live.py): wider trees, types and prefixes.
# Only posts with ``live=True`` (and every Arabic post) use them; the other sites are unchanged.
# --------------------------------------------------------------------------

AR_SITE_NAME = "المجلس الاستراتيجي أونلاين"
AR_SITE_DESCRIPTION = "المجلس الاستراتيجي للعلاقات الخارجية"
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
LATEST_FA_HEADING = "جدیدترین مطالب"  # "latest content": on Arabic and on (live) English pages

# English tree of the live site: the default tree plus Politics, Science & Culture, Council, the
# "About SCFR" section (one article lives there) and the short labels of newer posts' meta lines.
LIVE_CATEGORIES: dict[str, tuple[str, str | None]] = {
    **CATEGORIES,
    "politics": ("Politics", None),
    "scienceculture": ("Science & Culture", None),
    "council": ("Council", None),
    "about-scfr-en": ("About SCFR", None),
    "political": ("political", None),
    "top-news": ("top news", None),
    "interview-2": ("interview", None),  # the short label, beside the tree's "Interview"
}
# Persian tree of the live site: numeric category slugs (/fa/300/30102/{id}/...) and the topical ones.
LIVE_FA_CATEGORIES: dict[str, tuple[str, str | None]] = {
    "200": ("یادداشت", None),
    "300": ("چشم‌انداز راهبردی", None),
    "30101": ("گفتگو", "300"),
    "30102": ("دیدگاه", "300"),
    "400": ("رصد", None),
    "500": ("گزارش", None),
    "600": ("خبر", None),
    **{slug: (name, None) for slug, (name, _) in FA_CATEGORIES.items()
       if name in ("غرب آسیا", "خلیج فارس", "آسیای مرکزی و قفقاز", "افغانستان و پاکستان", "اروپا", "آمریکا",
                   "دفاعی و امنیتی", "اقتصاد و انرژی", "بین‌الملل")},
}
# Arabic tree (slugs like the real ones: 102-ar, 103-ar, 300-ar and the bare 400).
AR_CATEGORIES: dict[str, tuple[str, str | None]] = {
    "102-ar": ("أخبار", None),
    "103-ar": ("تقارير", None),
    "300-ar": ("رأي", None),
    "400": ("حوارات", None),
    "غرب-آسيا": ("غرب آسيا", None),
    "الخليج-الفارسي": ("الخليج الفارسي", None),
    "آسيا-الوسطى-والقوقاز": ("آسيا الوسطى والقوقاز", None),
    "الدفاع-والأمن": ("الدفاع والأمن", None),
}
LIVE_TREES: dict[str, dict[str, tuple[str, str | None]]] = {
    "en": LIVE_CATEGORIES, "fa": LIVE_FA_CATEGORIES, "ar": AR_CATEGORIES}
LIVE_SLUG_BY_NAME: dict[str, dict[str, str]] = {
    lang: {name: slug for slug, (name, _) in tree.items()} for lang, tree in LIVE_TREES.items()}

# Type vocabulary (the crawler maps the kind word of a lead prefix the same way).
LIVE_ARTICLE_TYPES = ("Interview", "Opinion", "Note", "Report", "Guest post", "Memoir", "Monitor", "News")
KIND_TYPES: dict[str, str] = {
    "Interview": "Interview", "گفتگو": "Interview", "گفت‌وگو": "Interview", "حوار": "Interview",
    "Opinion": "Opinion", "دیدگاه": "Opinion", "رأي": "Opinion",
    "Note": "Note", "یادداشت": "Note",
    "Report": "Report", "گزارش": "Report", "تقرير": "Report",
    "Guest post": "Guest post", "Guest Post": "Guest post", "Guest Opinion": "Guest post",
    "Memoir": "Memoir", "رصد": "Monitor", "خبر": "News",
}
# Lead prefixes of the live site, exactly as printed (the bold part, colon included).
LIVE_LEAD_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": (
        "Strategic Council Online – Opinion:",
        "Strategic Council Online—Opinion:",
        "Strategic Council Online–Opinion:",
        "Strategic Council Online - Interview:",
        "Strategic Council Online -Interview:",
        "Strategic Council Online: Interview:",
        "Strategic Council Online – Interview:",
        "Strategic Council Online – Report:",
        "Strategic Council Online –Guest post:",
        "Strategic Council Online – Guest Post:",
        "Strategic Council Online – Guest Opinion:",
        "Strategic Council Online – Note:",
        "Online Strategic Council – Memoir:",
        "Strategic Council Online –",  # kindless: "Strategic Council Online – An expert ... said: ..."
        "Strategic Council Online:",
    ),
    "fa": (
        "شورای راهبردی آنلاین – گفتگو:",
        "شورای راهبردی آنلاین – یادداشت:",
        "شورای راهبردی آنلاین – گزارش:",
        "شورای راهبردی آنلاین - رصد:",
        "شورای راهبردی آنلاین -رصد:",
        "شورای راهبردی آنلاین – دیدگاه:",
        "شورای راهبردی آنلاین:",
    ),
    "ar": (
        "المجلس الاستراتيجي أونلاين ـ تقرير:",
        "المجلس الاستراتيجي أونلاين ـ رأي:",
        "المجلس الاستراتيجي أونلاين ـ حوار:",
        "المجلس الاستراتيجي أونلاين:",
    ),
}


def prefix_type(prefix: str) -> str:
    """The type a lead prefix names: its kind word (after the site name), or News without one."""
    m = re.search(r"(?:[–—ـ-]|:)\s*([^:–—ـ-][^:]*?)\s*:$", prefix)
    return KIND_TYPES[m[1]] if m and m[1] in KIND_TYPES else "News"


def arabic_digits(text: str) -> str:
    """Latin digits -> Arabic-Indic digits ("2024/01/06" -> "٢٠٢٤/٠١/٠٦")."""
    return text.translate(ARABIC_INDIC_DIGITS)


@dataclass(frozen=True)
class LiveOptions:
    """Site-wide switches of live_site() (Site(live=...)); None on every other site.

    per_page: listing page size; slashless_pages: category slugs whose listings link older pages
    without the trailing slash; modern_listings: category slugs shown in the "2026 layout"
    (section name heading, each title twice)."""

    per_page: int = 5
    slashless_pages: frozenset[str] = frozenset()
    modern_listings: frozenset[str] = frozenset()
    about_links: tuple[int, ...] = ()  # post ids the /en/about-us/ page links (by canonical URL)

# --------------------------------------------------------------------------
# Trap / error URLs implemented by the server (paths relative to base_url)
# --------------------------------------------------------------------------

REMOVED_POST_PATH = "/en/news/90001/an-old-removed-post/"
REMOVED_URLS: tuple[str, ...] = (REMOVED_POST_PATH,)  # built-in 404s linked from article text
REDIRECT_LOOP_PATH = "/en/archives/scfr-old/"  # 302 -> REDIRECT_LOOP_PATH_2 -> 302 -> back
REDIRECT_LOOP_PATH_2 = "/en/archives/scfr-old-2/"
REDIRECT_LOOP_PATHS: tuple[str, ...] = (REDIRECT_LOOP_PATH, REDIRECT_LOOP_PATH_2)
CALENDAR_PATH = "/en/calendar/"  # endless month-by-month trap (robots-disallowed)
SEARCH_PATH = "/en/?s="  # search results (robots-disallowed)
LOGIN_PATH = "/en/wp-login.php"
ADMIN_PATHS: tuple[str, ...] = ("/wp-admin/", "/en/wp-admin/", "/fa/wp-admin/")  # -> 302 login
PDF_PATH = "/wp-content/uploads/2020/05/report.pdf"
MAILTO_LINK = "mailto:info@scfr.ir"
STATIC_PAGE_PATHS: tuple[str, ...] = ("/en/about-us/", "/en/contact-us/", "/en/privacy-policy/")
ROBOTS_DISALLOWED: tuple[str, ...] = (
    "/wp-admin/", "/en/wp-admin/", "/fa/wp-admin/", "/en/?s=", "/fa/?s=", "/en/calendar/", "/fa/calendar/",
)
SITEMAP_INDEX_PATH = "/wp-sitemap.xml"
FEED_PATH = "/en/feed/"
COMMENTS_FEED_PATH = "/en/comments/feed/"
FA_HOME_PATH = "/fa/"
FA_FEED_PATH = "/fa/feed/"
FA_SITEMAP_INDEX_PATH = "/fa/wp-sitemap.xml"
FA_CALENDAR_PATH = "/fa/calendar/"

# Special posts of the default site (ids), so tests can name them.
SEED_POST_ID = 101850
COMMENTS_POST_ID = 102644
IRREGULAR_BYLINE_POST_ID = 102075
RICH_NOTE_POST_ID = 102488
LINKS_INTERVIEW_POST_ID = 102310
CP1252_POST_ID = 100902
SLOPPY_POST_ID = 100457
UNLISTED_POST_ID = 101230
NEWS_POST_ID = 100118
FLAKY_POST_ID = 102530  # first request answers 500, later ones 200
SLOW_POST_ID = 102701  # answers after SLOW_DELAY seconds
SLOW_DELAY = 1.5
FLAKY_PATH = "/en/afghanistan-pakistan/102530/afghanistan-after-the-us-withdrawal-regional-stakes/"
SLOW_PATH = "/en/russia-eurasia/102701/russias-energy-pivot-to-asia-one-year-on/"

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

Block = Union[tuple[str, str], tuple[str, list[str]], tuple[str, list[list[str]]], tuple[str, str, str]]

# "[anchor](/path)", "[anchor](<raw-relative>)", "**strong**", "*em*" inside block text.
INLINE_RE = re.compile(
    r"\[(?P<anchor>[^\]]+)\]\((?P<href><[^>]+>|[^)\s]+)\)|\*\*(?P<strong>.+?)\*\*|\*(?P<em>.+?)\*"
)


def plain(text: str) -> str:
    """Inline markup -> the text a reader sees (anchor text kept, markers dropped)."""
    return INLINE_RE.sub(lambda m: m["anchor"] or m["strong"] or m["em"], text)


def slugify(name: str) -> str:
    """WordPress-like slug for tag names ("Red Sea" -> "red-sea", "A & B" -> "a-b")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def category_path(slug: str, lang: str = "en", live: bool = False) -> str:
    """URL path of a category below /en/category/ (children are nested under their parent);
    below /fa/category/ (and /ar/category/) every category is one (decoded) slug, as SITE.md shows."""
    if lang in ("fa", "ar"):
        return slug
    _, parent = (LIVE_CATEGORIES if live else CATEGORIES)[slug]
    return f"{parent}/{slug}" if parent else slug


def categories_of(lang: str, live: bool = False) -> dict[str, tuple[str, str | None]]:
    """The category tree of an edition: slug -> (name, parent slug); live: the live site's trees."""
    if live or lang == "ar":
        return LIVE_TREES[lang]
    return FA_CATEGORIES if lang == "fa" else CATEGORIES


def category_slug_by_name(lang: str, live: bool = False) -> dict[str, str]:
    if live or lang == "ar":
        return LIVE_SLUG_BY_NAME[lang]
    return FA_CATEGORY_SLUG_BY_NAME if lang == "fa" else CATEGORY_SLUG_BY_NAME


def tag_slug(name: str, lang: str = "en", live: bool = False) -> str:
    """Slug of a tag in an edition (Persian: WordPress keeps the Persian letters, decoded here).
    Live English tags end in "-en" (the language plugin), Persian words kept: "آمریکا-en"."""
    if live and lang == "en":
        return (slugify(name) if name.isascii() else wp_sanitize_title(name)) + "-en"
    return wp_sanitize_title(name) if lang in ("fa", "ar") else slugify(name)


def wp_quote_upper(text: str) -> str:
    """Like :func:`wp_quote` with upper-case hex ("%D8%A2"), as some pages link tags."""
    return "".join(c if c.isascii() else "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in text)


def tehran_offset(day: date) -> timedelta:
    """Iran's UTC offset on a day: +04:30 in summer until DST was abolished (2023), else +03:30."""
    if day.year <= 2022 and (3, 22) <= (day.month, day.day) <= (9, 21):
        return timedelta(hours=4, minutes=30)
    return timedelta(hours=3, minutes=30)


def tehran_time(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """An aware datetime in Tehran local time (the site prints local dates)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone(tehran_offset(day)))


def to_tehran(moment: datetime) -> datetime:
    """Convert an aware datetime to Tehran local time (for lastmod of edits)."""
    return moment.astimezone(timezone(tehran_offset(moment.astimezone(timezone.utc).date())))


# --------------------------------------------------------------------------
# Article
# --------------------------------------------------------------------------


@dataclass
class Article:
    """One post of the English or the Persian edition; enough data to render every page variant
    and the expected extraction.  Persian posts (lang="fa") use FA_CATEGORIES names, Persian tags,
    a decoded Persian ``slug`` (percent-encoded in links, see :attr:`path`) and a Persian lead
    prefix (FA_LEAD_PREFIXES); their type is Interview, Note or News."""

    post_id: int
    slug: str
    primary_category: str  # category slug used in the canonical URL
    categories: list[str]  # category names as shown, alphabetical
    published: str  # YYYY-MM-DD, Tehran local date
    title: str  # plain text (may contain ’ and &)
    lead: str  # plain text including the "Strategic Council Online…:" prefix
    type: str  # Interview | Opinion | Note | News
    blocks: list[Block]
    author: str | None = None
    author_title: str | None = None
    byline_sep: str = " – "  # spacing varies on the real site ("Name –Title")
    template: str = "themebuilder"  # classic | themebuilder | restyled (a redesign, see render.py)
    tags: list[str] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)  # (name, text)
    charset: str = "utf-8"  # or "windows-1252"
    sloppy: bool = False  # old hand-written markup, truncated document
    listed: bool = True  # False: only in the post sitemap
    lang: str = "en"  # "en" (/en/) or "fa" (/fa/: Persian slugs, categories, tags and text)
    featured_image: str | None = None  # root-relative upload path
    translation_of: int | None = None  # post id of the counterpart in the other edition
    byline_align: str = "right"  # text-align of the byline paragraph
    # Canonical path of the counterpart, kept current by the Site holding both posts (see Site._relink).
    translation_path: str | None = field(default=None, compare=False, repr=False)
    # --- shapes of the live site (live_site(); defaults keep every other site as it was) ---
    live: bool = False  # live trees/types/prefixes; permalink with the whole category path
    prefix: str | None = None  # the lead prefix as printed (live posts; else found in LEAD_PREFIXES)
    category_base: str | None = None  # decoded category part of the permalink ("300/30102"); live default: the tree path
    byline_in_lead: bool = False  # the byline follows the lead inside its paragraph, after a <br/>
    shortlink_page: bool = False  # /{lang}/?p=ID answers 200 with the page (not a 301)
    digits: str = "latin"  # Arabic posts: "latin" or "arabic-indic" digits in the meta-line date
    tag_hex: str = "lower"  # case of the percent-escapes of (Persian-word) tag links on this page
    translation_ids: dict[str, int] = field(default_factory=dict)  # lang -> counterpart id (triples)
    translation_paths: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Fail fast on typos in hand-written content; a bad fixture would silently skew tests.
        if self.lang not in LANGS:
            raise ValueError(f"bad lang {self.lang!r}")
        if self.lang == "ar" and not self.live:
            raise ValueError("Arabic posts exist only on the live site (live=True)")
        if self.live:
            if self.type not in LIVE_ARTICLE_TYPES:
                raise ValueError(f"bad type {self.type!r}")
            if self.prefix not in LIVE_LEAD_PREFIXES[self.lang]:
                raise ValueError(f"unknown lead prefix {self.prefix!r}")
            if prefix_type(self.prefix) != self.type:
                raise ValueError(f"prefix {self.prefix!r} names {prefix_type(self.prefix)!r}, not {self.type!r}")
            if self.digits not in ("latin", "arabic-indic") or (self.digits != "latin" and self.lang != "ar"):
                raise ValueError(f"bad digits {self.digits!r}")
            if self.tag_hex not in ("lower", "upper"):
                raise ValueError(f"bad tag_hex {self.tag_hex!r}")
        elif self.type not in (FA_ARTICLE_TYPES if self.lang == "fa" else ARTICLE_TYPES):
            raise ValueError(f"bad type {self.type!r}")
        if self.template not in TEMPLATES:
            raise ValueError(f"bad template {self.template!r}")
        if self.primary_category not in self.tree:
            raise ValueError(f"unknown category slug {self.primary_category!r}")
        for name in self.categories:
            if name not in category_slug_by_name(self.lang, self.live):
                raise ValueError(f"unknown category {name!r}")
        date.fromisoformat(self.published)
        self.lead_parts()

    @property
    def tree(self) -> dict[str, tuple[str, str | None]]:
        """The category tree this post's categories belong to."""
        return categories_of(self.lang, self.live)

    @property
    def permalink_base(self) -> str:
        """Decoded category part of the permalink: one slug, or the whole path on the live site
        ("strategic-perspective/opinion", "300/30102")."""
        if self.category_base is not None:
            return self.category_base
        if not self.live:
            return self.primary_category
        parts, slug = [], self.primary_category
        while slug is not None:
            parts.append(slug)
            slug = self.tree[slug][1]
        return "/".join(reversed(parts))

    # --- URLs ------------------------------------------------------------

    @property
    def path(self) -> str:
        """Canonical path as linked (WordPress permalink structure of the site); Persian
        category and post slugs are percent-encoded (lower-case hex, as WordPress links them)."""
        if self.lang in ("fa", "ar"):
            return f"/{self.lang}/{wp_quote(self.permalink_base)}/{self.post_id}/{wp_quote(self.slug)}/"
        return f"/en/{self.permalink_base}/{self.post_id}/{self.slug}/"

    @property
    def decoded_path(self) -> str:
        """The canonical path with its percent-escapes decoded (urllib.parse.unquote of path)."""
        return f"/{self.lang}/{self.permalink_base}/{self.post_id}/{self.slug}/"

    @property
    def shortlink_path(self) -> str:
        """/{lang}/?p=ID (301 to the canonical URL, or 200 with the page when shortlink_page)."""
        return f"/{self.lang}/?p={self.post_id}"

    def url(self, base: str) -> str:
        """Canonical URL on a given origin."""
        return f"{base}{self.path}"

    def translation_url(self, base: str) -> str | None:
        """Canonical URL of the counterpart in the other edition, None without one."""
        return f"{base}{self.translation_path}" if self.translation_path else None

    # --- derived data ----------------------------------------------------

    @property
    def published_date(self) -> date:
        return date.fromisoformat(self.published)

    @property
    def published_at(self) -> datetime:
        """Publication moment: 10:00 Tehran time on the published date."""
        return tehran_time(self.published_date)

    @property
    def published_raw(self) -> str:
        """The date as the meta line prints it: 2019/04/13, or ۱۳۹۸/۰۱/۲۴ on Persian pages (Arabic
        pages: Gregorian, in Latin or Arabic-Indic digits, ٢٠٢٤/٠١/٠٦)."""
        day = self.published_date
        if self.lang == "ar" and self.digits == "arabic-indic":
            return arabic_digits(day.strftime("%Y/%m/%d"))
        return jalali_slash(day) if self.lang == "fa" else day.strftime("%Y/%m/%d")

    @property
    def category_slugs(self) -> list[str]:
        by_name = category_slug_by_name(self.lang, self.live)
        return [by_name[name] for name in self.categories]

    @property
    def tag_slugs(self) -> list[str]:
        return [tag_slug(t, self.lang, self.live) for t in self.tags]

    @property
    def byline(self) -> str | None:
        """The byline line as printed (``Name – Title``), None for interviews/news."""
        if not self.author:
            return None
        return f"{self.author}{self.byline_sep}{self.author_title}" if self.author_title else self.author

    def lead_parts(self) -> tuple[str, str]:
        """Split the lead into its bold prefix and the rest of the sentence."""
        if self.prefix is not None:
            if not self.lead.startswith(self.prefix + " "):
                raise ValueError(f"lead of {self.post_id} does not start with {self.prefix!r}")
            return self.prefix, self.lead[len(self.prefix) + 1:]
        for prefix in FA_LEAD_PREFIXES if self.lang == "fa" else LEAD_PREFIXES:
            if self.lead.startswith(prefix + " "):
                return prefix, self.lead[len(prefix) + 1:]
        raise ValueError(f"lead of {self.post_id} has no known prefix: {self.lead[:60]!r}")

    def comment_id(self, index: int) -> int:
        """WordPress comment id of the index-th comment (stable, like the sample's 1026440)."""
        return self.post_id * 10 + index

    def comment_time(self, index: int) -> datetime:
        """When the index-th reader comment was posted (days after publication)."""
        hour, minute = [(9, 41), (18, 12), (11, 5), (20, 30)][index % 4]
        return tehran_time(self.published_date + timedelta(days=index + 1), hour, minute)

    def paragraphs(self) -> list[str]:
        """Plain-text paragraphs of the article text: lead first, figures excluded."""
        out = [self.lead]
        for block in self.blocks:
            kind = block[0]
            if kind in ("p", "q", "h3", "blockquote"):
                out.append(plain(block[1]))  # type: ignore[arg-type]
            elif kind in ("ul", "ol"):
                out.append("\n".join(plain(item) for item in block[1]))  # type: ignore[union-attr]
            elif kind == "table":
                out.append("\n".join(" | ".join(plain(c) for c in row) for row in block[1]))  # type: ignore[union-attr]
            elif kind == "figure":
                continue  # captions are not article text
            else:
                raise ValueError(f"unknown block kind {kind!r}")
        return out

    def figures(self) -> list[tuple[str, str]]:
        """(src path, caption) of in-text figures, in order."""
        return [(b[1], b[2]) for b in self.blocks if b[0] == "figure"]  # type: ignore[misc]

    def expected(self, base: str) -> dict[str, Any]:
        """What a perfect crawler must extract from this article's page."""
        images: list[dict[str, str | None]] = []
        if self.featured_image:
            images.append({"src": base + self.featured_image, "caption": None})
        images.extend({"src": base + src, "caption": caption} for src, caption in self.figures())
        return {
            "url": self.url(base),
            "title": self.title,
            "published": self.published,
            "published_raw": self.published_raw,
            "categories": list(self.categories),
            "authors": [self.author] if self.author else [],
            "lead": self.lead,
            "body": "\n\n".join(self.paragraphs()),
            "type": self.type,
            "lang": self.lang,
            "tags": list(self.tags),
            "images": images,
            "translation": self.translation_url(base),
            "lead_prefix": self.lead_parts()[0],
        }


class SiteIndex:
    """An immutable snapshot of the posts with the lookups that pages need.

    :class:`Site` builds one lazily after each mutation and hands the same
    object to every request until the next mutation, so serving a page costs
    O(page size) rather than O(posts).  The per-category/tag/month tables are
    built on first use.  ``render.Context`` also builds one from a plain list
    of articles.
    """

    def __init__(self, articles: Iterable[Article], modified: dict[int, datetime] | None = None) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)  # newest first
        self.listed: tuple[Article, ...] = tuple(a for a in self.articles if a.listed)
        # post_id -> Last-Modified (publication or last edit), for sitemap lastmod.
        self.modified: dict[int, datetime] = (
            dict(modified) if modified is not None else {a.post_id: a.published_at for a in self.articles})
        self._lock = threading.Lock()
        self._tables: dict[str, Any] = {}

    def _table(self, name: str, build: Any) -> Any:
        table = self._tables.get(name)
        if table is None:
            with self._lock:
                table = self._tables.get(name)
                if table is None:
                    table = self._tables[name] = build()
        return table

    def edition(self, lang: str) -> "SiteIndex":
        """The posts of one edition ("en" or "fa") with the same lookups (newest first); the
        index itself when every post belongs to that edition (then nothing is rebuilt)."""
        def build() -> SiteIndex:
            if all(a.lang == lang for a in self.articles):
                return self
            return SiteIndex((a for a in self.articles if a.lang == lang), self.modified)
        return self._table(f"edition:{lang}", build)

    @property
    def by_id(self) -> tuple[Article, ...]:
        """All posts by ascending id (WordPress orders its post sitemaps this way)."""
        return self._table("by_id", lambda: tuple(sorted(self.articles, key=lambda a: a.post_id)))

    @property
    def by_category(self) -> dict[str, tuple[Article, ...]]:
        """category slug -> listed posts, newest first; a parent includes its children's posts."""
        def build() -> dict[str, tuple[Article, ...]]:
            out: dict[str, list[Article]] = {}
            for a in self.listed:
                tree = a.tree
                slugs = set(a.category_slugs)
                slugs |= {tree[s][1] for s in slugs if tree[s][1]}  # type: ignore[misc]
                for slug in slugs:
                    out.setdefault(slug, []).append(a)
            return {slug: tuple(posts) for slug, posts in out.items()}
        return self._table("by_category", build)

    @property
    def tags(self) -> dict[str, str]:
        """tag slug -> name, over all current posts (listed or not)."""
        return self._table("tags", lambda: {s: t for a in self.articles for s, t in zip(a.tag_slugs, a.tags)})

    @property
    def by_tag(self) -> dict[str, tuple[Article, ...]]:
        """tag slug -> listed posts, newest first."""
        def build() -> dict[str, tuple[Article, ...]]:
            out: dict[str, list[Article]] = {}
            for a in self.listed:
                for slug in set(a.tag_slugs):
                    out.setdefault(slug, []).append(a)
            return {slug: tuple(posts) for slug, posts in out.items()}
        return self._table("by_tag", build)

    @property
    def tag_counts(self) -> dict[str, int]:
        """tag name -> number of listed posts (the tag cloud)."""
        def build() -> dict[str, int]:
            counts: dict[str, int] = {}
            for a in self.listed:
                for t in a.tags:
                    counts[t] = counts.get(t, 0) + 1
            return counts
        return self._table("tag_counts", build)

    @property
    def by_month(self) -> dict[tuple[int, int], tuple[Article, ...]]:
        """(year, month) -> listed posts published that month, newest first."""
        def build() -> dict[tuple[int, int], tuple[Article, ...]]:
            out: dict[tuple[int, int], list[Article]] = {}
            for a in self.listed:
                day = a.published_date
                out.setdefault((day.year, day.month), []).append(a)
            return {key: tuple(posts) for key, posts in out.items()}
        return self._table("by_month", build)

    @property
    def comments(self) -> tuple[tuple[datetime, Article, int], ...]:
        """(time, post, comment index) of every reader comment on a listed post, newest first."""
        return self._table("comments", lambda: tuple(sorted(
            ((a.comment_time(i), a, i) for a in self.listed for i in range(len(a.comments))),
            key=lambda e: e[0], reverse=True)))


# --------------------------------------------------------------------------
# Site (server-side state)
# --------------------------------------------------------------------------


class Site:
    """The replica's database: current posts plus versioning for cache validators.

    Mutations (add/edit/remove) exist for incremental re-crawl tests; every
    mutation bumps a site-wide change time so listings/feeds/sitemaps get a
    new Last-Modified, and edit() bumps the post's own version/time.

    Queries go through a cached :class:`SiteIndex` (sorted lists, per-category,
    tag and month tables) that every mutation invalidates.

    ``page_weight=(low, high)`` pads every (non-AMP) article page with inline
    ``<style>``/``<script>`` blocks to a deterministic per-post size between
    low and high bytes, like the real site's Divi critical CSS; None (the
    default) renders pages as they are.

    ``container_class="..."`` simulates a theme update that renamed the
    article's text container: every article page renders the container with
    that class instead of the one the crawler knows (``entry-content`` on
    classic and restyled pages; on Theme Builder pages it replaces the
    ``et_pb_post_content`` token).  Fixed for the Site's lifetime (the server
    caches pages); serve a new Site to change it.
    """

    def __init__(self, articles: Iterable[Article] = (), *, page_weight: tuple[int, int] | None = None,
                 container_class: str | None = None, live: LiveOptions | None = None) -> None:
        self._lock = threading.RLock()
        self.live = live  # live_site(): see LiveOptions
        self._articles: dict[int, Article] = {}
        self._versions: dict[int, int] = {}
        self._retired: dict[int, int] = {}  # post_id -> last version of a removed post
        self._modified: dict[int, datetime] = {}
        self._published: dict[int, int] = {}  # post_id -> publication sequence (0 = initial posts)
        self._publications = 0
        self._newest: datetime | None = None  # newest publication time ever inserted
        self._changed: datetime | None = None
        self._index: SiteIndex | None = None
        self._translated: set[int] = set()  # ids of posts with translation_of (see _relink)
        self.page_weight = page_weight
        if container_class is not None and not re.fullmatch(r"[A-Za-z_][\w-]*", container_class):
            raise ValueError(f"container_class must be one CSS class name, got {container_class!r}")
        self.container_class = container_class
        for article in articles:
            self._insert(article)

    # --- queries ---------------------------------------------------------

    def index(self) -> SiteIndex:
        """The current snapshot (rebuilt after a mutation, O(n log n) once)."""
        with self._lock:
            if self._index is None:
                ordered = sorted(self._articles.values(), key=self._order, reverse=True)
                self._index = SiteIndex(ordered, self._modified)
            return self._index

    def _order(self, article: Article) -> tuple[str, int, int]:
        # Newest first by date; on the same date a post published later with add()
        # comes first (WordPress sorts by the full post_date), then by id.
        return (article.published, self._published[article.post_id], article.post_id)

    def articles(self, lang: str | None = None) -> list[Article]:
        """All current posts (of one edition when lang is given), newest first."""
        index = self.index()
        return list((index.edition(lang) if lang else index).articles)

    def listed(self, lang: str | None = None) -> list[Article]:
        """Posts that appear in listings, feeds and LATEST CONTENT (of one edition when lang is
        given), newest first."""
        index = self.index()
        return list((index.edition(lang) if lang else index).listed)

    def __len__(self) -> int:
        with self._lock:
            return len(self._articles)

    def by_id(self, post_id: int) -> Article | None:
        with self._lock:
            return self._articles.get(post_id)

    def version(self, post_id: int) -> int:
        """Edit counter of a post (part of the page-cache key)."""
        with self._lock:
            return self._versions[post_id]

    def modified(self, post_id: int) -> datetime:
        """Last-Modified of a post: publication time, or the time of its last edit."""
        with self._lock:
            return self._modified[post_id]

    def entry(self, post_id: int) -> tuple[Article, int, datetime] | None:
        """(article, version, modified) read atomically, so a render is cached under the right version."""
        with self._lock:
            article = self._articles.get(post_id)
            if article is None:
                return None
            return article, self._versions[post_id], self._modified[post_id]

    def modified_all(self) -> dict[int, datetime]:
        """post_id -> Last-Modified for every current post (sitemap lastmod)."""
        with self._lock:
            return dict(self._modified)

    def last_change(self) -> datetime:
        """Last-Modified of listings/feeds/sitemaps: newest post or latest mutation (O(1))."""
        with self._lock:
            times = [t for t in (self._newest, self._changed) if t is not None]
            return max(times) if times else datetime(2017, 1, 1, tzinfo=timezone.utc)

    # --- mutations -------------------------------------------------------

    def add(self, article: Article) -> Article:
        """Publish a new post (it appears in listings/feeds/sitemaps if listed)."""
        with self._lock:
            if article.post_id in self._articles:
                raise ValueError(f"post {article.post_id} exists")
            self._publications += 1
            self._insert(article, self._publications)
            self._touch()
            return article

    def edit(self, post_id: int, **changes: Any) -> Article:
        """Replace fields of a post; its page bytes, ETag, Last-Modified and sitemap lastmod change."""
        with self._lock:
            old = self._articles[post_id]
            if "post_id" in changes and changes["post_id"] != post_id:
                raise ValueError("post_id cannot change")
            new = dataclasses.replace(old, **changes)
            self._articles[post_id] = new
            self._translated.discard(post_id)
            if new.translation_of is not None or new.translation_ids:
                self._translated.add(post_id)
            self._versions[post_id] += 1
            self._modified[post_id] = self._touch()
            self._index = None
            self._relink()
            return new

    def backdate(self, post_id: int, moment: datetime) -> None:
        """Set a post's Last-Modified and sitemap lastmod to ``moment``: a site whose
        clock (or time zone) is behind the crawler's."""
        with self._lock:
            self._modified[post_id] = moment
            self._index = None

    def remove(self, post_id: int) -> Article:
        """Delete a post: its URLs answer 404 and it leaves listings/sitemaps/feeds."""
        with self._lock:
            article = self._articles.pop(post_id)
            self._retired[post_id] = self._versions.pop(post_id)
            del self._modified[post_id]
            del self._published[post_id]
            self._translated.discard(post_id)
            self._index = None
            self._touch()
            self._relink()
            return article

    def _insert(self, article: Article, publication: int = 0) -> None:
        post_id = article.post_id
        self._articles[post_id] = article
        # A post removed and published again continues its version count, so
        # a page cached for the old post is never served for the new one.
        self._versions[post_id] = self._retired.pop(post_id, -1) + 1
        self._modified[post_id] = article.published_at
        self._published[post_id] = publication
        if self._newest is None or article.published_at > self._newest:
            self._newest = article.published_at
        self._index = None
        if article.translation_of is not None or article.translation_ids:
            self._translated.add(post_id)
        if self._translated:
            self._relink()

    def _relink(self) -> None:
        """Point every post's translation_path at its counterpart's current canonical path
        (None once the counterpart is gone). O(posts with a translation)."""
        for post_id in self._translated:
            article = self._articles[post_id]
            other = self._articles.get(article.translation_of)  # type: ignore[arg-type]
            article.translation_path = other.path if other is not None else None
            if article.translation_ids:
                found = {lang: self._articles.get(pid) for lang, pid in article.translation_ids.items()
                         if lang != article.lang}
                article.translation_paths = {lang: o.path for lang, o in found.items() if o is not None}

    def _touch(self) -> datetime:
        """Advance the change clock strictly (1 s resolution of Last-Modified/If-Modified-Since)."""
        now = datetime.now(timezone.utc).replace(microsecond=0)
        previous = self.last_change()
        if now <= previous:
            now = previous.astimezone(timezone.utc) + timedelta(seconds=1)
        self._changed = now
        return now


# --------------------------------------------------------------------------
# Derived sites: a redesign of part of the site, articles quoting each other
# --------------------------------------------------------------------------


def restyled_site(base: Site, share: float, seed: int = 0, *, prefer: Iterable[int] = (),
                  avoid: Iterable[int] = ()) -> Site:
    """A copy of ``base`` where a deterministic share of the posts use the ``restyled`` template.

    ``round(share * len(base))`` posts are switched (never the sloppy ones,
    whose truncated old markup belongs to the old templates, nor Persian posts: the
    redesign is the English edition's): first the ids
    in ``prefer`` (in that order), then the others in an order fixed by
    ``seed``; ids in ``avoid`` keep their template.  Everything else is
    copied: posts (deep copies), publication order, Last-Modified times,
    ``page_weight`` and ``container_class``; edit counters start afresh.
    Each post's :meth:`Article.expected` is unchanged (a template never
    changes what the text is).
    """
    if not 0.0 <= share <= 1.0:
        raise ValueError("share must be between 0 and 1")
    with base._lock:
        articles = sorted(base._articles.values(), key=lambda a: a.post_id)
        published = dict(base._published)
        modified = dict(base._modified)
        publications, changed = base._publications, base._changed
    avoided = set(avoid)
    eligible = {a.post_id for a in articles if not a.sloppy and a.lang == "en" and a.post_id not in avoided}
    first = [pid for pid in dict.fromkeys(prefer) if pid in eligible]
    rest = sorted(eligible - set(first))
    random.Random(seed).shuffle(rest)
    chosen = set((first + rest)[:min(len(eligible), round(share * len(articles)))])
    site = Site(page_weight=base.page_weight, container_class=base.container_class)
    for article in articles:
        copied = copy.deepcopy(article)
        if article.post_id in chosen:
            copied.template = "restyled"
        site._insert(copied, published[article.post_id])
        site._modified[article.post_id] = modified[article.post_id]
    site._publications, site._changed = publications, changed
    return site


@dataclass(frozen=True)
class Quotation:
    """An article whose text repeats another article's full lead as one block."""

    quoting: int  # post id of the article that quotes
    quoted: int  # post id of the article whose lead is quoted
    kind: str  # block kind of the quote: "blockquote" or "p"
    position: str  # "middle" (own paragraphs follow) or "end" (the quote is the last block)
    text: str  # the quoted lead (plain text; also in the quoting article's expected body)


def quotations(site: Site) -> list[Quotation]:
    """Every block of every post whose text is exactly another post's lead (newest quoting post first)."""
    index = site.index()
    leads = {a.lead: a.post_id for a in index.articles}
    found: list[Quotation] = []
    for article in index.articles:
        for i, block in enumerate(article.blocks):
            if block[0] in ("p", "blockquote") and isinstance(block[1], str):
                quoted = leads.get(plain(block[1]))
                if quoted is not None and quoted != article.post_id:
                    position = "end" if i == len(article.blocks) - 1 else "middle"
                    found.append(Quotation(article.post_id, quoted, block[0], position, plain(block[1])))
    return found


# --------------------------------------------------------------------------
# Default content
# --------------------------------------------------------------------------

# The seed article's text exactly as published (one paragraph per line).
SEED_TEXT = """\
Strategic Council Online: Commitment in political relations is costly for the committed party, and given this assumption, political relations and cooperation between Islamabad and Tehran should be analyzed in a concrete and dedicated manner.
Over the past few years, Pakistan’s border geography has become a venue for the activities of terrorist and Takfiri groups inside Iran and has resulted in subversive and terrorist acts and martyrdom of innocent people and security forces.
Iran fights strongly against these groups within its own territory, but evidence suggests that terrorists are easily operating on Pakistani soil and even plan terrorist acts in the geography of the Islamic Republic.
In the past few years, Tehran has always held serious talks and meetings to benefit from Pakistan’s stronger will in fighting these terrorists, but so far no tangible results have been achieved. Recently, serious discussions were held between the two sides to ensure the security of the borders. To discuss the issue we interviewed Dr. Mohsen Rouhi Sefat, former Deputy Director of the Foreign Ministry’s Institute for Political and International Studies (IPIS).
Q. How do you assess the extent of cooperation between Iran and Pakistan in the joint struggle against terrorism and how do you see the future?
The main issue to consider is the presence of terrorist groups on the common borders between the two countries. Pakistan needs Iran’s cooperation in terms of its political geography. Since the inception of the country, Pakistan has had many border problems with India and Afghanistan.
Baluchistan Province of Pakistan constitutes 44% of its territory and hosts only 4% of Pakistan’s population. This has led Islamabad to exert little efforts in maintaining security and deploying military forces in this region and on common borders with Iran. Islamabad instead has placed its strategic-military-security concentration on relations with India and Afghanistan and the fundamental problems related to them.
The relationship and cooperation between Islamabad and Tehran should be outlined in a comprehensive and committed framework, since bilateral cooperation and political relations are costly for the committed party, and this issue in the international relations is called “give and take”. The deployment of Pakistani military and security forces on common borders with Iran will certainly be costly for Islamabad, but they must accept the fact that this will be in line with their own interests. Eventually, in general terms, bilateral relations should move in a direction where the interests of the other party are in line with our interests.
The tools of cooperation between the Islamic Republic of Iran and Pakistan are commissions and joint committees that regulate relations in political, security, economic, defense and cultural areas at the level of high level officials and middle managers.
Committees such as defense as well as border commanders, and security cooperation between the two countries can be held at appropriate times to overcome misunderstandings and eliminate the gaps exploited by common enemies. By utilizing these mechanisms in bilateral relations and binding commitments, a relationship based on mutual interests can be outlined and planned.
Over the past few years, border coordination meetings have been held between Chabahar, Zahedan, Quetta, Guadar and some other cities. At the same time, to expand relations between the two countries, contacts and meetings at the level of ministers, the Security Council and senior officials should be held within shorter periods of time so that the will of political leaders is focused on resolving bilateral problems and their obligations would translate deep into action. The ultimate goal is to prevent terrorist groups and countries supporting these terrorists from taking advantage of the situation.
The future of Iran-Pakistan cooperation depends on bilateral investments. The two countries must also take the concerns of their neighbor across the borders seriously. Although these concerns may not be relevant the other party is expected to cooperate in solving the problems. As a result, it is necessary for the two sides to work to resolve their security and economic concerns; likewise, the Islamic Republic of Iran expects Pakistan to prevent the activities of some groups on the common border.
Confidence is a long, chain-driven, multi-faceted process. To link the chain of trust, a long time and a strong will is needed, and this time is not limited to the term of a government in a certain country. Also, in order to complete the image of confidence building, cooperation should be undertaken in various aspects, but its scope does not go to defense only; social, political, and especially economic issues are among the most important aspects of cooperation between the two neighbors.
Q: Generally speaking, what is Saudi Arabia’s role in relations between the two countries?
Since the beginning of King Salman’s rule, Saudi interest in undermining relations between the Islamic Republic of Iran and Pakistan has increased. Riyadh is trying to take advantage of the misunderstandings between Iran and Pakistan and turn Islamabad into an ally against Tehran.
In the meanwhile, Pakistan is not naïve and is aware of the security risks resulting from extensive cooperation with the Saud family. Islamabad’s policy is based on balancing relations with Tehran and Riyadh. In Islamic geography, Saudi Arabia plays a special role for Pakistani Muslims; Moreover, it has extended financial aid to Pakistan in times of economic crisis.
Also, Bin Salman traveled to Pakistan and several other countries on the sideline of his Asian tours to improve Saudi Arabia’s distorted image after the tragic murder of Saudi journalist Jamal Khashoggi. Iran’s evaluation of these trips is realization of part of the promises of Bin Salman, along with the deprivation of Pakistani society from exploiting these pledges. Although part of these issues are just slogans and meant for publicity, but Saudi Arabia seems to be a country Pakistan can cooperate with.
Currently, the US aid to Pakistan is cut off, which is why the Pakistani army is working to meet its vital needs from other channels. Of course, it is important to note that Islamabad has the necessary wisdom to counter actions taken against the interests of Tehran.
Q: What are the platforms and needs of cooperation between Iran and Pakistan?
Neighborhood policy requires the two countries to resolve misunderstandings and build relationships based on the realities on the field. Iran and Pakistan have numerous commonalities in the historical context and should use these platforms to build appropriate political relations. Undoubtedly a developed and stable Pakistan will be more beneficial for the Islamic Republic of Iran and its neighbors. Such a country will be able to confront the activities of non-governmental actors on the borders of the two countries. Ultimately, the willingness to expand cooperation between Iran and Pakistan could be implemented by adopting sound decisions on the part of both sides.
"""


def blocks_from_lines(text: str) -> tuple[str, list[Block]]:
    """Lead + blocks from one-paragraph-per-line text; "Q." / "Q:" lines become questions."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    blocks: list[Block] = [("q", line) if line.startswith(("Q.", "Q:")) else ("p", line) for line in lines[1:]]
    return lines[0], blocks


def _seed_article() -> Article:
    lead, blocks = blocks_from_lines(SEED_TEXT)
    return Article(
        post_id=SEED_POST_ID,
        slug="securing-iran-pakistans-border",
        primary_category="defense-security",
        categories=["Defense & Security", "News"],
        published="2019-04-13",
        title="Securing Iran-Pakistan Border",
        lead=lead,
        type="News",
        blocks=blocks,
        template="themebuilder",
        tags=["Iran", "Pakistan", "Terrorism"],
        featured_image="/wp-content/uploads/2019/04/scfr-101850-1.jpg",
    )


def default_articles() -> list[Article]:
    """Fresh copies of the default posts (a new list each call: sites may mutate them)."""
    seed = _seed_article()
    return [
        # -- 2017 ---------------------------------------------------------
        Article(  # News with the bare "Strategic Council Online:" prefix
            post_id=NEWS_POST_ID,
            slug="tehran-hosts-regional-conference-on-water-diplomacy",
            primary_category="economy-energy",
            categories=["Economy & Energy", "News"],
            published="2017-02-11",
            title="Tehran Hosts Regional Conference on Water Diplomacy",
            lead="Strategic Council Online: Officials and experts from eleven countries gathered in Tehran on Saturday for a two-day conference on water diplomacy, calling for binding mechanisms to share transboundary rivers in a region facing its worst drought in decades.",
            type="News",
            template="classic",
            tags=["Water", "Diplomacy"],
            featured_image="/wp-content/uploads/2017/02/scfr-100118-1.jpg",
            blocks=[
                ("p", "The conference, organized by the Strategic Council on Foreign Relations in cooperation with the Ministry of Energy, focused on the Helmand and Harirud basins shared with Afghanistan, as well as the Tigris and Euphrates systems on which Iraq and Syria depend."),
                ("p", "In his opening address, the head of the council said that water scarcity can no longer be treated as a purely technical matter. “Water has become a question of national security and of regional stability,” he said, adding that dams built without consultation with downstream neighbours are a source of lasting mistrust."),
                ("p", "Participants from Iraq and Afghanistan described the social consequences of the drought, including the migration of farmers to the outskirts of large cities and the loss of wetlands such as Hamoun and Hawizeh, which once supported thousands of families."),
                ("p", "Several speakers proposed a **permanent regional secretariat** to collect hydrological data and to mediate disputes before they escalate. Others argued that existing bilateral treaties, including the 1973 Helmand River Treaty, should be implemented in full before new institutions are created."),
                ("p", "The final statement of the conference urged governments to exchange data on river flows on a monthly basis and to hold joint technical meetings at least twice a year."),
            ],
        ),
        Article(  # sloppy hand-written markup, truncated document
            post_id=SLOPPY_POST_ID,
            slug="prospects-of-the-astana-process-after-the-sixth-round",
            primary_category="west-asia",
            categories=["Interview", "West Asia"],
            published="2017-09-24",
            title="Prospects of the Astana Process after the Sixth Round",
            lead="Strategic Council Online – Interview: A former Iranian ambassador to Damascus said the de-escalation zones agreed in Astana have reduced the level of violence in Syria, but their survival depends on whether the guarantor states can keep their differences under control.",
            type="Interview",
            template="classic",
            sloppy=True,
            tags=["Syria", "Astana"],
            blocks=[
                ("p", "The sixth round of talks in the Kazakh capital ended last week with an agreement on the fourth de-escalation zone in Idlib province. Iran, Russia and Turkey, the three guarantors of the process, will deploy observers along the boundaries of the zone."),
                ("q", "Q: How do you evaluate the results of the latest round of talks?"),
                ("p", "The agreement on Idlib was the most difficult part of the process, because armed groups with very different agendas are present there. The fact that the three guarantors reached a common text shows that they prefer a managed ceasefire to an open-ended war. Still, the details of the monitoring mission have not yet been made public."),
                ("q", "Q: Some critics say the Astana process undermines the Geneva talks. Is that a fair assessment?"),
                ("p", "No. Astana deals with the military situation on the ground, while Geneva is supposed to address the political future of the country. Without a reduction in fighting, no political process can move forward. In my view the two tracks complement each other."),
                ("q", "Q: What are the main risks ahead?"),
                ("p", "The first risk is that some armed groups outside the ceasefire try to sabotage it. The second is the policy of the United States in the east of the Euphrates, which is not coordinated with any of the guarantors. Finally, the return of refugees and reconstruction will require resources that none of the three countries can provide alone."),
            ],
        ),
        # -- 2018 ---------------------------------------------------------
        Article(  # served as windows-1252
            post_id=CP1252_POST_ID,
            slug="europes-options-after-the-us-withdrawal-from-the-jcpoa",
            primary_category="europe",
            categories=["Europe", "Opinion"],
            published="2018-05-09",
            title="Europe’s Options after the US Withdrawal from the JCPOA",
            lead="Strategic Council Online – Opinion: The decision of the US president to withdraw from the nuclear deal has put the European Union in front of a test that goes far beyond Iran: whether Europe can defend an agreement it signed when Washington decides to abandon it.",
            type="Opinion",
            author="Dr. Nasser Shafiee",
            author_title="Expert on European Affairs",
            template="classic",
            charset="windows-1252",
            tags=["JCPOA", "Europe"],
            featured_image="/wp-content/uploads/2018/05/scfr-100902-1.jpg",
            blocks=[
                ("p", "In the hours after the announcement, the leaders of France, Germany and the United Kingdom issued a joint statement expressing “regret and concern” and reaffirming their commitment to the agreement. The statement was welcome, but statements alone will not keep Iranian oil flowing to European refineries or protect European companies from secondary sanctions."),
                ("p", "It would be naïve to assume that large European firms will ignore the US market for the sake of trade with Iran. Companies such as Total and Airbus have already signalled that they will follow the sanctions unless they receive explicit exemptions – something Washington has so far refused to grant."),
                ("p", "The real question is whether Brussels is ready to use the instruments at its disposal. The 1996 blocking statute, which forbids European companies from complying with US extraterritorial sanctions, could be updated within weeks. A payment channel in euros, supported by the European Investment Bank, would give small and medium-sized firms a way to continue their business."),
                ("p", "There is also a political dimension. For years European diplomats have spoken of “strategic autonomy” in the corridors of Brussels and in the cafés around the Quai d’Orsay. The withdrawal of the United States gives them an opportunity to show that the concept has content, and that the *détente* of 2015 was more than a passing episode."),
                ("p", "For Iran, the coming weeks will be decisive. Tehran has said it will remain in the agreement as long as its interests are guaranteed, but patience is not unlimited. If Europe cannot deliver tangible benefits, the argument of those who considered the deal a mistake from the beginning will only grow stronger."),
            ],
        ),
        Article(  # unlisted: only in the post sitemap
            post_id=UNLISTED_POST_ID,
            slug="the-caspian-convention-and-the-unfinished-question-of-the-seabed",
            primary_category="central-asia-caucasus",
            categories=["Central Asia & Caucasus", "Note"],
            published="2018-11-20",
            title="The Caspian Convention and the Unfinished Question of the Seabed",
            lead="Strategic Council Online – Note: The convention on the legal status of the Caspian Sea signed in Aktau in August settled several long-standing disputes among the five littoral states, but left the most sensitive issue, the division of the seabed, to future bilateral agreements.",
            type="Note",
            author="Dr. Javad Karimi",
            author_title="Expert on Caspian Affairs",
            template="themebuilder",
            listed=False,
            tags=["Caspian Sea"],
            featured_image="/wp-content/uploads/2018/11/scfr-101230-1.jpg",
            blocks=[
                ("p", "The document, negotiated for more than two decades, confirms that the Caspian is neither a sea nor a lake in the classical legal sense and establishes a special regime for navigation, fishing and the presence of military forces."),
                ("p", "One of its most important provisions bans the presence of armed forces belonging to non-littoral states. For Iran and Russia, this principle was a priority, and its inclusion in the final text is considered a diplomatic achievement."),
                ("p", "However, the method for drawing the baselines, from which national waters are measured, will be determined in a separate agreement. Because Iran’s coastline is concave, the choice of method has a direct impact on the size of its share."),
                ("p", "Experts therefore believe that the convention should be seen as a framework rather than a final settlement. The coming negotiations with Azerbaijan and Turkmenistan over disputed oil and gas fields will show how much of the framework can be turned into practical arrangements."),
            ],
        ),
        # -- 2019 ---------------------------------------------------------
        seed,
        Article(  # classic Opinion with irregular byline spacing
            post_id=IRREGULAR_BYLINE_POST_ID,
            slug="turkeys-operation-in-northeast-syria-and-the-future-of-the-kurds",
            primary_category="west-asia",
            categories=["Opinion", "West Asia"],
            published="2019-10-14",
            title="Turkey’s Operation in Northeast Syria and the Future of the Kurds",
            lead="Strategic Council Online—Opinion: Turkey’s military operation east of the Euphrates, launched days after the United States announced the withdrawal of its forces from the border area, has changed the balance of power in northern Syria and raised new questions about the fate of the Kurdish-led forces.",
            type="Opinion",
            author="Hamid Khoshayand",
            author_title="Expert of regional issues",
            byline_sep=" –",
            template="classic",
            tags=["Syria", "Turkey"],
            featured_image="/wp-content/uploads/2019/10/scfr-102075-1.jpg",
            blocks=[
                ("p", "Ankara says the aim of the operation is to create a “safe zone” thirty kilometres deep along its southern border and to resettle part of the Syrian refugees living in Turkey. The Kurdish forces, which were the main partner of Washington in the fight against ISIS, consider the operation an invasion."),
                ("p", "The American decision surprised many of Washington’s allies. For the Kurds it confirmed an old lesson: alliances with great powers are temporary, and the interests of those powers change faster than the situation on the ground."),
                ("p", "In this context, the agreement reached between the Kurdish forces and Damascus, which allowed the Syrian army to return to several border towns, may prove to be the most important consequence of the operation. It shows that the central government is the only actor capable of guaranteeing the territorial integrity of the country."),
                ("p", "Iran has consistently opposed military action that violates Syria’s sovereignty, while recognizing Turkey’s legitimate security concerns. The Adana Agreement of 1998 between Damascus and Ankara offers a framework for addressing those concerns through cooperation rather than occupation."),
                ("p", "The coming months will show whether the Astana format can accommodate the new situation. What is already clear is that the era in which the east of the Euphrates was treated as an American protectorate is coming to an end."),
            ],
        ),
        # -- 2020 ---------------------------------------------------------
        Article(  # Interview with table, PDF link, mailto link, link to a removed post
            post_id=LINKS_INTERVIEW_POST_ID,
            slug="oil-markets-after-the-pandemic-shock",
            primary_category="economy-energy",
            categories=["Economy & Energy", "Interview"],
            published="2020-05-17",
            title="Oil Markets after the Pandemic Shock",
            lead="Strategic Council Online – Interview: An energy expert said the collapse of oil demand caused by the coronavirus pandemic has shown that the OPEC+ agreement can stabilize prices only if the largest producers are ready to bear the main burden of the cuts.",
            type="Interview",
            template="classic",
            tags=["Oil", "OPEC"],
            featured_image="/wp-content/uploads/2020/05/scfr-102310-1.jpg",
            blocks=[
                ("p", "In April, the price of the American benchmark briefly fell below zero for the first time in history, and Brent traded under twenty dollars a barrel. The OPEC+ group then agreed on the largest production cut in its history, almost ten million barrels a day."),
                ("q", "Q. How would you describe the situation of the market today?"),
                ("p", "Demand has started to recover slowly as lockdowns are eased in Asia and Europe, but storage facilities are still almost full. The table below, based on the council’s monthly energy monitor, shows how quickly prices fell in the first months of the year."),
                ("table", [
                    ["Month", "Brent average (USD/bbl)", "Change"],
                    ["January 2020", "63.6", "-5.4%"],
                    ["February 2020", "55.7", "-12.4%"],
                    ["March 2020", "32.0", "-42.5%"],
                    ["April 2020", "26.6", "-16.9%"],
                ]),
                ("p", f"The full figures and our methodology are available in [the council’s quarterly energy report]({PDF_PATH}), and readers who need the underlying data can write to [info@scfr.ir]({MAILTO_LINK})."),
                ("q", "Q: What does this mean for Iran’s oil exports?"),
                ("p", f"Iran was already under sanctions, so its exports were limited before the pandemic. Paradoxically, the crisis has narrowed the gap between Iran and other producers, because everyone is now forced to cut. As we discussed in [an earlier interview](<{REMOVED_POST_PATH}>), the real challenge is to use this period to develop the petrochemical industry and reduce dependence on crude sales."),
                ("q", "Q: Will the OPEC+ agreement hold?"),
                ("p", "As long as prices remain low, Saudi Arabia and Russia have a strong incentive to cooperate. The test will come when prices recover and each producer is tempted to regain its market share."),
            ],
        ),
        # -- 2021 ---------------------------------------------------------
        Article(  # themebuilder Note with h3, list, figure and blockquote
            post_id=RICH_NOTE_POST_ID,
            slug="the-biden-administration-and-the-path-back-to-the-jcpoa",
            primary_category="united-states",
            categories=["Note", "United States"],
            published="2021-03-02",
            title="The Biden Administration and the Path Back to the JCPOA",
            lead="Strategic Council Online – Note: Six weeks after taking office, the new US administration has yet to take a concrete step to return to the nuclear agreement, and the dispute over who should move first threatens to waste the limited time available before Iran’s presidential election.",
            type="Note",
            author="Dr. Sara Ahmadi",
            author_title="Researcher in International Relations",
            template="themebuilder",
            tags=["JCPOA", "United States"],
            featured_image="/wp-content/uploads/2021/03/scfr-102488-1.jpg",
            blocks=[
                ("p", "During the election campaign, Joe Biden described the withdrawal from the JCPOA as a failure and promised to return to the agreement if Iran resumed full compliance. Since January, however, his team has set new conditions and spoken of a “longer and stronger” deal."),
                ("h3", "Three obstacles on the way back"),
                ("ul", [
                    "The sequencing dispute: Tehran insists that sanctions must be lifted and verified before it reverses its nuclear steps, while Washington wants the opposite order.",
                    "The scope of the talks: the United States and some European states want to add the missile programme and regional issues, which Iran rejects.",
                    "Domestic politics: opponents of the agreement in Congress and in the region are working to raise the political cost of any return.",
                ]),
                ("p", "The legal situation is clearer than the political debate suggests. Resolution 2231 of the Security Council is still in force, and the other participants have kept the Joint Commission alive despite the pressure of the past three years, as discussed in our analysis of [Europe’s options after the US withdrawal](/en/europe/100902/europes-options-after-the-us-withdrawal-from-the-jcpoa/)."),
                ("figure", "/wp-content/uploads/2021/03/scfr-102488-2.jpg", "Diplomats of the remaining parties to the JCPOA before a meeting of the Joint Commission in Vienna."),
                ("blockquote", "The problem is not a lack of formulas for a return; the problem is the lack of political will to accept the cost of returning."),
                ("p", "The Islamic Republic has made it clear that it will not renegotiate an agreement it has already implemented. A step-by-step approach, in which each side takes *verifiable* measures under the supervision of the Joint Commission, appears to be the only realistic way out of the current deadlock."),
            ],
        ),
        Article(  # flaky: first request 500; links the seed with tracking parameters
            post_id=FLAKY_POST_ID,
            slug="afghanistan-after-the-us-withdrawal-regional-stakes",
            primary_category="afghanistan-pakistan",
            categories=["Afghanistan & Pakistan", "Interview"],
            published="2021-08-19",
            title="Afghanistan after the US Withdrawal: Regional Stakes",
            lead="Strategic Council Online – Interview: An expert on Afghanistan affairs said the rapid collapse of the government in Kabul has left the neighbours of Afghanistan facing a situation they had long feared but had not prepared for.",
            type="Interview",
            template="classic",
            tags=["Afghanistan", "Taliban"],
            comments=[("Ahmad R.", "The refugee issue deserves much more attention from the international community.")],
            featured_image="/wp-content/uploads/2021/08/scfr-102530-1.jpg",
            blocks=[
                ("p", "The Taliban entered Kabul on 15 August, two weeks before the date set for the final withdrawal of American forces. The speed of the collapse surprised not only Washington but also the capitals of the region."),
                ("q", "Q. What are the immediate concerns of Afghanistan’s neighbours?"),
                ("p", "The first concern is a new wave of refugees. Iran already hosts millions of Afghans, and another large influx would put heavy pressure on its economy. The second concern is security along the borders, where smuggling networks and extremist groups have always been active, as we saw in the case of [the Iran-Pakistan border](/en/defense-security/101850/securing-iran-pakistans-border/?utm_source=telegram&utm_medium=social)."),
                ("q", "Q. Can the Taliban form an inclusive government?"),
                ("p", "They have promised one, but their first appointments suggest otherwise. Without the participation of the other ethnic and political groups, the new government will face the same problems of legitimacy that weakened its predecessors."),
                ("q", "Q. What should Iran’s policy be?"),
                ("p", "Tehran should avoid premature recognition and coordinate its position with the other neighbours, especially Pakistan, China and the Central Asian states. At the same time, trade and humanitarian channels must remain open, because the people of Afghanistan should not pay the price of political uncertainty."),
            ],
        ),
        # -- 2022 ---------------------------------------------------------
        Article(  # the themebuilder sample with two reader comments
            post_id=COMMENTS_POST_ID,
            slug="what-the-protection-of-religious-minorities-means-for-west-asia",
            primary_category="central-asia-caucasus",
            categories=["Central Asia & Caucasus", "Opinion"],
            published="2022-11-02",
            title="What the Protection of Religious Minorities Means for West Asia",
            lead="Strategic Council Online—Opinion: Historically, Saudi Arabia’s strategy regarding the protection of religious minorities has three main pillars.",
            type="Opinion",
            author="Dr. Leila Sadeghi",
            author_title="University Professor",
            template="themebuilder",
            tags=["Caucasus", "Diplomacy"],
            comments=[
                ("Daniel", "Very informative analysis, thank you."),
                ("Maryam K.", "The author ignores the role of Georgia in the protection of religious minorities."),
            ],
            featured_image="/wp-content/uploads/2022/11/scfr-102644-1.jpg",
            blocks=[
                ("p", "The French media have paid unusual attention to the protection of religious minorities for the foreseeable future. To put it simply, the ministry of foreign affairs of Saudi Arabia issued a statement on the protection of religious minorities, as the latest developments show. In addition, the French media have paid unusual attention to the protection of religious minorities in the coming years."),
                ("p", "In this context, France has signalled its readiness to compromise on the protection of religious minorities, especially after 2009. Apparently, the dispute over the protection of religious minorities has revealed the limits of France’s influence in West Asia before the end of 2018. Moreover, the ambiguity in Saudi Arabia’s position on the protection of religious minorities is deliberate, not only in words but in action. On the other hand, the people of West Asia are the first victims of the deadlock over the protection of religious minorities, according to many observers."),
                ("p", "On the other hand, the protection of religious minorities was the main subject of the phone call between the leaders of Saudi Arabia and France, at least in the short run. In addition, the dispute over the protection of religious minorities has revealed the limits of France’s influence in West Asia."),
                ("p", "More importantly, France is trying to diversify its partners in the field of the protection of religious minorities. It is worth mentioning that the Saudi delegation travelled to Paris with a package of proposals on the protection of religious minorities. Historically, the ambiguity in Saudi Arabia’s position on the protection of religious minorities is deliberate, not only in words but in action. To put it simply, the dispute over the protection of religious minorities has revealed the limits of France’s influence in West Asia. From this perspective, the dispute over the protection of religious minorities has revealed the limits of France’s influence in West Asia."),
                ("h3", "Experience shows that France is trying to diversify its partners in the field of the protection of religious minorities for the foreseeable future"),
                ("p", "In the meantime, Saudi Arabia has allocated 23.1 billion dollars to the protection of religious minorities over 9 years, especially after 2020. From a strategic point of view, the future of the protection of religious minorities will be decided in Paris rather than in Riyadh. Above all, the protection of religious minorities was the main subject of the phone call between the leaders of Saudi Arabia and France, which is a costly choice. In the meantime, the ambiguity in Saudi Arabia’s position on the protection of religious minorities is deliberate, especially after 2023."),
            ],
        ),
        # -- 2023 ---------------------------------------------------------
        Article(  # slow; "Strategic Council Online – Opinion:" variant; shortlink in text
            post_id=SLOW_POST_ID,
            slug="russias-energy-pivot-to-asia-one-year-on",
            primary_category="russia-eurasia",
            categories=["Opinion", "Russia & Eurasia"],
            published="2023-01-25",
            title="Russia’s Energy Pivot to Asia One Year On",
            lead="Strategic Council Online – Opinion: A year after the war in Ukraine began, Russia has redirected a large part of its oil exports from Europe to Asia, but the discounts it has had to offer show the limits of this pivot.",
            type="Opinion",
            author="Dr. Reza Mirzaei",
            author_title="Expert on Eurasian Affairs",
            template="themebuilder",
            tags=["Russia", "Energy"],
            featured_image="/wp-content/uploads/2023/01/scfr-102701-1.jpg",
            blocks=[
                ("p", "Before the war, the European Union bought roughly half of Russia’s crude exports. Today, India and China together account for most of the barrels that used to travel to Rotterdam and Gdansk, and Indian refiners in particular have become some of the largest buyers of Russian Urals crude."),
                ("p", "This shift did not come for free. The price cap introduced by the G7 in December and the European embargo on refined products have forced Moscow to sell at a considerable discount, and the cost of shipping and insurance has risen sharply."),
                ("p", f"For Iran, the new situation carries both risks and opportunities. Russian crude now competes with Iranian oil in the same Asian markets, a challenge we examined when [oil prices collapsed during the pandemic](/en/?p={LINKS_INTERVIEW_POST_ID}). At the same time, Russia’s interest in the North–South Transport Corridor has grown, because the route through Iran to the Indian Ocean bypasses the chokepoints controlled by the West."),
                ("p", "The pivot to Asia is therefore less a *choice* than a *necessity* for Moscow. Whether it becomes a lasting structural change will depend on the investments in pipelines and ports that both sides are willing to make in the coming years."),
            ],
        ),
        Article(  # links the comments sample through its AMP URL
            post_id=102815,
            slug="chinas-mediation-and-the-future-of-tehran-riyadh-relations",
            primary_category="persian-gulf",
            categories=["East Asia", "Interview", "Persian Gulf"],
            published="2023-06-14",
            title="China’s Mediation and the Future of Tehran-Riyadh Relations",
            lead="Strategic Council Online – Interview: A former Iranian diplomat said the agreement signed in Beijing to restore relations between Iran and Saudi Arabia has opened a new chapter in the Persian Gulf, but its success depends on practical steps rather than declarations.",
            type="Interview",
            template="themebuilder",
            tags=["China", "Saudi Arabia"],
            featured_image="/wp-content/uploads/2023/06/scfr-102815-1.jpg",
            blocks=[
                ("p", "Under the agreement announced in March, the two countries reopened their embassies and agreed to activate the security cooperation agreement of 2001 and the general agreement on economic, trade and investment cooperation of 1998."),
                ("q", "Q: Why did China succeed where others had failed?"),
                ("p", "China has good relations with both sides and has no history of military intervention in the region. Both Tehran and Riyadh are major partners of Beijing in the energy sector, and both see China as a power that will shape the international order in the coming decades."),
                ("q", "Q: What are the main obstacles to the normalization of relations?"),
                ("p", "Yemen remains the most important test. A durable ceasefire and a political process among the Yemeni parties would show that the agreement has changed the behaviour of the actors on the ground. Another issue is the role of the media, which for years have fuelled hostility between the two nations. Differences in the wider region also matter, as [a recent analysis of religious minorities](/en/central-asia-caucasus/102644/what-the-protection-of-religious-minorities-means-for-west-asia/amp/) showed."),
                ("p", "In the end, the neighbours of the Persian Gulf have no choice but to live together. The Beijing agreement is a reminder that regional problems are best solved by the countries of the region themselves."),
            ],
        ),
        Article(  # classic Note; links an article without its trailing slash
            post_id=102950,
            slug="the-gaza-war-and-the-security-of-the-red-sea",
            primary_category="west-asia",
            categories=["Note", "West Asia"],
            published="2023-10-29",
            title="The Gaza War and the Security of the Red Sea",
            lead="Strategic Council Online – Note: Three weeks into the war in Gaza, the risk that the conflict will spread beyond the borders of Palestine is growing, and the Red Sea, one of the most important trade routes in the world, is emerging as a possible new front whose consequences would reach far beyond the region, from the ports of the Mediterranean to the factories and markets of East Asia.",
            type="Note",
            author="Dr. Hossein Rafiei",
            author_title="Expert on West Asia Issues",
            template="classic",
            tags=["Gaza", "Red Sea"],
            featured_image="/wp-content/uploads/2023/10/scfr-102950-1.jpg",
            blocks=[
                ("p", "About twelve percent of global trade passes through the Bab el-Mandeb strait and the Suez Canal. Any disruption in this corridor would affect not only the countries of the region but also the economies of Europe and Asia, which depend on it for energy and goods."),
                ("p", "The Yemeni armed forces have already announced that they consider themselves part of the confrontation with Israel. The deployment of American aircraft carriers to the eastern Mediterranean is meant as a deterrent, but it also increases the number of actors whose miscalculation could trigger a wider war."),
                ("p", "The experience of the past decade shows that foreign military presence has rarely brought stability to the region. When Turkey entered northern Syria, for example, [the balance of power changed overnight](/en/west-asia/102075/turkeys-operation-in-northeast-syria-and-the-future-of-the-kurds), and the consequences are still felt today."),
                ("p", "The only sustainable way to protect the Red Sea is to end the war in Gaza. As long as the bombardment of civilians continues, the pressure on the governments of the region to respond will grow, and the maritime routes will remain hostage to the conflict."),
            ],
        ),
        # -- 2024 ---------------------------------------------------------
        Article(  # News; links the seed through a ?replytocom= URL
            post_id=103040,
            slug="iran-and-pakistan-agree-to-return-ambassadors-after-border-tensions",
            primary_category="afghanistan-pakistan",
            categories=["Afghanistan & Pakistan", "News"],
            published="2024-02-07",
            title="Iran and Pakistan Agree to Return Ambassadors after Border Tensions",
            lead="Strategic Council Online: Iran and Pakistan have agreed to return their ambassadors and to strengthen security cooperation along their common border, two weeks after an exchange of strikes against militant groups raised tensions between the two neighbours.",
            type="News",
            template="themebuilder",
            tags=["Iran", "Pakistan", "Terrorism"],
            featured_image="/wp-content/uploads/2024/02/scfr-103040-1.jpg",
            blocks=[
                ("p", "The agreement was announced after a visit to Islamabad by the Iranian foreign minister, who met the caretaker prime minister and the army chief. In a joint statement, the two sides said they would hold regular consultations at the level of foreign ministers and appoint liaison officers in each other’s border regions."),
                ("p", "Officials in Tehran stressed that the operation in January targeted a terrorist group and not the Pakistani state. Both sides emphasized that the presence of armed groups on the common border is a threat to the two countries alike."),
                ("p", "Analysts note that the same issues were raised years ago, when the council examined [the challenge of securing the Iran-Pakistan border](/en/defense-security/101850/securing-iran-pakistans-border/?replytocom=5#respond). The difference today is the sense of urgency on both sides."),
                ("p", "The two governments also agreed to speed up work on border markets and to review the long-delayed gas pipeline project, which Pakistan has not completed on its side of the border."),
            ],
        ),
        Article(  # "—Opinion:" variant, '&' in the title, tracking-parameter link
            post_id=103088,
            slug="nato-at-75-cohesion-its-limits",
            primary_category="europe",
            categories=["Europe", "Opinion"],
            published="2024-04-08",
            title="NATO at 75: Cohesion & Its Limits",
            lead="Strategic Council Online—Opinion: NATO celebrates its 75th anniversary more united than at any time since the end of the Cold War, but the war in Ukraine has also exposed the divisions over burden-sharing that will shape its future.",
            type="Opinion",
            author="Dr. Farzad Ramezani",
            author_title="Expert on European Affairs",
            template="themebuilder",
            tags=["NATO", "Europe"],
            featured_image="/wp-content/uploads/2024/04/scfr-103088-1.jpg",
            blocks=[
                ("p", "Russia’s attack on Ukraine gave the alliance a purpose that many had thought it had lost. Finland and Sweden abandoned decades of neutrality to join, and most European members have pledged to raise military spending to two percent of their gross domestic product."),
                ("p", "Yet cohesion has its limits. The debate in Washington over aid to Ukraine, and the possibility of a change of administration in November, have revived old questions about the American commitment to European security. Several European leaders now speak openly of the need for a defence capability that does not depend entirely on the United States."),
                ("p", f"The economic side of the confrontation is equally important. Europe has paid a high price for cutting its energy ties with Russia, while Moscow has [redirected its exports towards Asia]({SLOW_PATH}?utm_source=telegram&utm_medium=social). The sanctions have changed trade routes, but they have not changed the course of the war."),
                ("p", "For the countries of West Asia, NATO’s expansion of its agenda towards the Indo-Pacific and the Middle East is a source of concern. An alliance that defines itself by confrontation will always need an adversary, and that is a poor foundation for international security."),
            ],
        ),
        Article(  # newest post; '&' and ’ in the title
            post_id=103192,
            slug="transit-corridors-irans-interests-in-the-south-caucasus",
            primary_category="central-asia-caucasus",
            categories=["Central Asia & Caucasus", "Interview"],
            published="2024-04-21",
            title="Transit Corridors & Iran’s Interests in the South Caucasus",
            lead="Strategic Council Online – Interview: An expert on Caucasus affairs said the competition over new transit routes between Azerbaijan and Armenia directly affects Iran’s position as a bridge between the north and the south of Eurasia.",
            type="Interview",
            template="themebuilder",
            tags=["Caucasus", "Transit"],
            featured_image="/wp-content/uploads/2024/04/scfr-103192-1.jpg",
            blocks=[
                ("p", "Since the war of 2020, Baku has insisted on a land corridor through the Armenian province of Syunik to connect the Republic of Azerbaijan with its exclave of Nakhchivan. Yerevan rejects any arrangement that would limit its sovereignty over the route."),
                ("q", "Q. Why does Iran oppose changes to the borders in the region?"),
                ("p", "Iran’s only land border with Armenia runs through Syunik. Any change to the status of this area would cut Iran’s direct link with Armenia and, through it, with Georgia and the Black Sea. Tehran has repeatedly said that the internationally recognized borders must be respected."),
                ("q", "Q. Is there an alternative?"),
                ("p", "Yes. Iran has proposed a route through its own territory, along the Aras river, which would connect Azerbaijan with Nakhchivan without affecting Armenia’s sovereignty. Work on a road bridge has already begun, and the route could be ready in a few years."),
                ("q", "Q. How do you see the role of the other regional powers?"),
                ("p", "Russia and Turkey both have interests in the corridors, and the West is trying to use the peace process to reduce Russian influence. The 3+3 format, which brings together the three South Caucasus states and their three large neighbours, is the best framework for addressing these questions without outside interference."),
            ],
        ),
    ]


def default_site() -> Site:
    """A fresh Site with the default English posts (independent of other instances)."""
    site = Site(default_articles())
    # Keep the exported trap constants honest.
    flaky, slow = site.by_id(FLAKY_POST_ID), site.by_id(SLOW_POST_ID)
    assert flaky is not None and flaky.path == FLAKY_PATH and flaky.listed
    assert slow is not None and slow.path == SLOW_PATH
    return site
