"""Replica-only checks of live_site(): the live site's shapes are served over HTTP (no crawler)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from html import unescape
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest

from tests.replica import (
    ABOUT_PAGE_PATH,
    ABOUT_SCFR_POST_ID,
    LIVE_LEAD_PREFIXES,
    SHORTLINK_LINKER_POST_ID,
    SHORTLINK_ONLY_POST_ID,
    STATIC_ONLY_POST_ID,
    TRIPLES,
    Faults,
    ReplicaServer,
    default_site,
    live_shapes,
    live_site,
)
from tests.replica.content import LATEST_FA_HEADING, wp_quote, wp_quote_upper

SITE = live_site()
SHAPES = live_shapes(SITE)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    """(status, headers, text) without following redirects."""
    try:
        with _OPENER.open(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server():
    with ReplicaServer(live_site()) as srv:
        yield srv


def page(server, path: str) -> str:
    status, _, text = fetch(server.url(path))
    assert status == 200, (path, status)
    return text


def hrefs(text: str, base: str) -> set[str]:
    """Links of a page or feed/sitemap, as root-relative decoded paths (with query) on this origin."""
    out = set()
    for m in re.finditer(r'(?:href|src)=["\']([^"\']+)["\']|<loc>([^<]+)</loc>|<link>([^<]+)</link>', text):
        url = urljoin(base + "/", unescape(m[1] or m[2] or m[3]))
        if url.startswith(base):
            parts = urlsplit(url)
            out.add(unquote(parts.path) + (f"?{parts.query}" if parts.query else ""))
    return out


# --- the site's shape -------------------------------------------------------


def test_site_has_three_editions_and_the_planned_size():
    counts = {lang: len(SITE.articles(lang)) for lang in ("en", "fa", "ar")}
    assert 40 <= len(SITE.articles()) <= 60 and counts["ar"] >= 12 and counts["fa"] >= 8
    assert SITE.listed("ar") and all(a.lang == "ar" for a in SITE.listed("ar"))


def test_every_shape_has_posts():
    for name in ("shortlink_200_only", "shortlink_200", "static_page_only", "about_scfr_en", "byline_in_lead",
                 "nested_path", "numeric_path", "arabic_indic_digits", "short_labels", "triples"):
        assert SHAPES[name], name
    for lang, prefixes in LIVE_LEAD_PREFIXES.items():
        for prefix in prefixes:
            assert SHAPES.get(f"prefix:{prefix}"), prefix


def test_expected_has_lead_prefix_type_and_name_only_authors():
    base = "http://x"
    for a in SITE.articles():
        e = a.expected(base)
        assert e["lead"].startswith(e["lead_prefix"] + " ") and e["lead_prefix"] == a.prefix
        assert e["body"].startswith(e["lead"] + "\n\n")
        if a.byline:
            assert a.byline not in e["body"] and e["authors"] == [a.author]
    assert SITE.by_id(139120).expected(base)["authors"] == ["Pouria Nabipour"]
    assert SITE.by_id(136307).expected(base)["lead_prefix"] == "Strategic Council Online –"
    assert SITE.by_id(136307).expected(base)["type"] == "News"
    assert {SITE.by_id(i).type for i in SHAPES["prefix:Strategic Council Online – Guest Opinion:"]} == {"Guest post"}
    assert SITE.by_id(3649).type == "Monitor" and SITE.by_id(384509).type == "Report"


def test_default_site_expected_gains_only_lead_prefix():
    a = default_site().by_id(101850)
    assert a.expected("http://x")["lead_prefix"] == "Strategic Council Online:"


# --- article pages ------------------------------------------------------------


@pytest.mark.parametrize("post_id", [a.post_id for a in SITE.articles()])
def test_every_article_page_is_a_single_post_at_its_full_category_path(server, post_id):
    a = SITE.by_id(post_id)
    url = a.url(server.base_url)
    text = page(server, a.path)
    assert f'<link rel="canonical" href="{url}" />' in text
    assert f'<meta property="og:url" content="{url}" />' in text
    assert '<meta property="og:type" content="article" />' in text
    assert f"single single-post postid-{post_id}" in text
    assert f"<link rel='shortlink' href='{server.base_url}/{a.lang}/?p={post_id}' />" in text
    prefix, rest = a.lead_parts()
    assert f"<strong>{prefix}</strong>" in text.replace("&amp;", "&")
    assert f'<span class="published">{a.published_raw}</span>' in text
    if a.lang == "ar":
        assert '<html dir="rtl" lang="ar">' in text


def test_nested_and_numeric_paths(server):
    assert SITE.by_id(101820).path == "/en/strategic-perspective/opinion/101820/obstacles-on-the-way-of-instex/"
    assert SITE.by_id(136410).decoded_path.startswith("/en/strategic-perspective/interview/136410/")
    assert SITE.by_id(136307).path == "/en/politics/136307/russia-and-afghanistan-crisis/"
    assert SITE.by_id(127113).decoded_path.startswith("/fa/300/30102/127113/")
    assert SITE.by_id(145064).decoded_path.startswith("/fa/300/30101/145064/")
    assert SITE.by_id(3649).decoded_path == "/fa/400/3649/افق‌های-راهبردی-در-سال-97/"
    assert SITE.by_id(384509).decoded_path.startswith("/ar/103-ar/384509/")
    assert SITE.by_id(147621).decoded_path.startswith("/ar/400/147621/")
    for pid in (150010, 151200, 152000):
        assert SITE.by_id(pid).path.split("/")[2] in ("council", "scienceculture", "defense-security")
    # AMP and a wrong category path still work like WordPress.
    a = SITE.by_id(145064)
    assert fetch(server.url(a.path + "amp/"))[0] == 200
    status, headers, _ = fetch(server.url(f"/fa/200/145064/{quote(a.slug)}/"))
    assert status == 301 and headers["Location"] == a.url(server.base_url)


def test_about_scfr_en_post_is_an_article(server):
    a = SITE.by_id(ABOUT_SCFR_POST_ID)
    assert a.decoded_path.startswith("/en/about-scfr-en/117459/")
    assert "single single-post postid-117459" in page(server, a.path)


def test_static_page_is_not_an_article_and_links_the_static_only_post(server):
    text = page(server, ABOUT_PAGE_PATH)
    assert "page-template-default page page-id-" in text and "single-post" not in text
    assert '<meta property="og:type" content="website" />' in text
    assert SITE.by_id(STATIC_ONLY_POST_ID).url(server.base_url) in text


def test_bylines_after_the_lead_and_inside_it(server):
    for pid in SHAPES["byline_in_lead"]:
        a = SITE.by_id(pid)
        text = page(server, a.path).replace("&amp;", "&")
        assert f"<br/><strong>{a.byline}</strong></p>" in text
    assert "Pouria Nabipour, Ph.D., Political Science & International Relations" in SITE.by_id(139120).byline
    for pid, byline in ((137010, "Hossein Sayyahi- Researcher on international politics"),
                        (138001, "Mahmoud Fazeli - International affairs analyst"),
                        (140300, "Maryam Verij Kazemi, Researcher, Geopolitical Issues"),
                        (101820, "Barsam Mohammadi – Expert on international affairs")):
        text = page(server, SITE.by_id(pid).path)
        assert f'<p style="text-align: right;"><strong>{byline}</strong></p>' in text


def test_interview_questions_and_short_labels(server):
    assert "<strong>Question: What does membership change in practice?</strong>" in page(server, SITE.by_id(136655).path)
    assert "<strong>Q. Why have the talks stopped?</strong>" in page(server, SITE.by_id(136520).path)
    text = page(server, SITE.by_id(136700).path)
    meta = re.search(r'<span class="published">2021/09/19</span> \| (.*?)</p>', text)[1]
    assert re.findall(r">([^<]+)</a>", meta) == ["Note", "political", "top news"]


def test_arabic_digits_and_latin_digits(server):
    text = page(server, SITE.by_id(151932).path)
    assert '<span class="published">٢٠٢٢/٠٣/١٤</span>' in text
    assert '<span class="published">2023/02/08</span>' in page(server, SITE.by_id(344276).path)


def test_latest_heading_in_persian_on_english_and_arabic_pages(server):
    for pid in (136307, 136700, 385300, 344510):  # themebuilder: odd and even ids, Arabic
        assert f"<h4>{LATEST_FA_HEADING}</h4>" in page(server, SITE.by_id(pid).path)
    assert f'<h4 class="widgettitle">{LATEST_FA_HEADING}</h4>' in page(server, SITE.by_id(101820).path)


def test_hreflang_triples(server):
    for triple in TRIPLES:
        for lang, pid in triple.items():
            text = page(server, SITE.by_id(pid).path)
            for other_lang, hreflang in (("en", "en-US"), ("fa", "fa-IR"), ("ar", "ar")):
                url = SITE.by_id(triple[other_lang]).url(server.base_url)
                assert f'<link rel="alternate" hreflang="{hreflang}" href="{url}">' in text


# --- shortlinks ---------------------------------------------------------------


def test_shortlinks_redirect_or_answer_the_page(server):
    normal = SITE.by_id(101820)
    status, headers, _ = fetch(server.url("/en/?p=101820"))
    assert status == 301 and headers["Location"] == normal.url(server.base_url)
    for pid in SHAPES["shortlink_200"]:
        a = SITE.by_id(pid)
        status, _, text = fetch(server.url(f"/{a.lang}/?p={pid}"))
        assert status == 200 and f'<link rel="canonical" href="{a.url(server.base_url)}" />' in text
        assert text == page(server, a.path)  # the same bytes as the pretty URL
    assert {SITE.by_id(pid).lang for pid in SHAPES["shortlink_200"]} == {"en", "fa", "ar"}


def _crawl(server) -> dict[str, set[str]]:
    """BFS over everything linked from the homes, feeds, sitemaps and robots.txt: page -> its links."""
    base = server.base_url
    start = ["/robots.txt", "/en/", "/fa/", "/ar/", "/wp-sitemap.xml", "/fa/wp-sitemap.xml", "/ar/wp-sitemap.xml",
             "/en/feed/", "/fa/feed/", "/ar/feed/"]
    graph: dict[str, set[str]] = {}
    queue = list(start)
    while queue:
        path = queue.pop()
        if path in graph or "calendar" in path or "?s=" in path or "wp-admin" in path or path.startswith("/wp-content"):
            continue
        status, headers, text = fetch(base + quote(path, safe="/?=&%"))
        links = hrefs(text, base) if status == 200 else set()
        if status in (301, 302) and headers.get("Location", "").startswith(base):
            links = {unquote(urlsplit(headers["Location"]).path)}
        graph[path] = links
        queue.extend(links - graph.keys())
        assert len(graph) < 2000
    return graph


def test_shortlink_only_post_is_reached_only_through_its_200_shortlink(server):
    graph = _crawl(server)
    target = SITE.by_id(SHORTLINK_ONLY_POST_ID)
    shortlink = f"/en/?p={SHORTLINK_ONLY_POST_ID}"
    linkers = {p for p, links in graph.items() if shortlink in links}
    own = f"/{SHORTLINK_ONLY_POST_ID}/"  # the post's own pages (pretty URL, amp/, feed/) name it too
    direct = {p for p, links in graph.items()
              if target.decoded_path in links and "sitemap" not in p and own not in p}
    assert SITE.by_id(SHORTLINK_LINKER_POST_ID).decoded_path in linkers
    assert direct <= {shortlink}  # only the shortlink page itself names the pretty URL (canonical)
    assert any(target.decoded_path in links for p, links in graph.items() if "sitemap" in p)
    # The static-only post: linked from the About page only (and the sitemap).
    static = SITE.by_id(STATIC_ONLY_POST_ID).decoded_path
    assert {p for p, links in graph.items()
            if static in links and "sitemap" not in p and str(STATIC_ONLY_POST_ID) not in p} == {ABOUT_PAGE_PATH}
    assert fetch(server.url(ABOUT_PAGE_PATH))[0] == 200


# --- listings -----------------------------------------------------------------


def test_politics_has_three_pages_linked_without_the_trailing_slash(server):
    base = server.base_url
    first = page(server, "/en/category/politics/")
    assert f'href="{base}/en/category/politics/page/2" ' in first
    status, headers, _ = fetch(server.url("/en/category/politics/page/2"))
    assert status == 301 and headers["Location"] == f"{base}/en/category/politics/page/2/"
    assert f'href="{base}/en/category/politics/page/3" ' in page(server, "/en/category/politics/page/2/")
    assert page(server, "/en/category/politics/page/3/")
    assert fetch(server.url("/en/category/politics/page/4/"))[0] == 404


def test_tag_slugs_of_persian_words_in_both_hex_cases(server):
    slug = "آمریکا-en"
    lower, upper = wp_quote(slug), wp_quote_upper(slug)
    assert lower != upper
    pages = [page(server, SITE.by_id(pid).path) for pid in (136520, 137010)]  # upper / lower hex
    assert f"/en/tag/{upper}/" in pages[0] and f"/en/tag/{lower}/" in pages[1]
    assert page(server, f"/en/tag/{upper}/") == page(server, f"/en/tag/{lower}/")
    assert "/en/tag/nato-en/" in page(server, SITE.by_id(137010).path)


def test_2026_layout_shows_section_name_and_each_title_twice(server):
    text = page(server, "/en/category/council/")
    text = text[text.index('<div id="left-area">'):text.index("<!-- #left-area -->")]  # not the sidebar
    assert '<h2 class="scfr-section-title">Council</h2>' in text
    for a in SITE.listed("en"):
        if "Council" in a.categories:
            assert text.count(f'href="{a.url(server.base_url)}"') == 2


def test_arabic_edition_home_feed_sitemaps_and_categories(server):
    home = page(server, "/ar/")
    assert '<html dir="rtl" lang="ar">' in home and LATEST_FA_HEADING in home
    feed = page(server, "/ar/feed/")
    assert "<language>ar</language>" in feed
    index = page(server, "/ar/wp-sitemap.xml")
    assert f"{server.base_url}/ar/wp-sitemap-posts-post-1.xml" in index
    posts = page(server, "/ar/wp-sitemap-posts-post-1.xml")
    for a in SITE.articles("ar"):
        assert a.url(server.base_url) in posts
        assert a.url(server.base_url) in feed or not a.listed or SITE.listed("ar").index(a) >= 10
    for slug in ("102-ar", "103-ar", "300-ar", "400"):
        assert "التصنيف" in page(server, f"/ar/category/{slug}/")
    assert f"{server.base_url}/ar/wp-sitemap.xml" in page(server, "/robots.txt")


def test_english_and_persian_sitemaps_use_the_full_paths(server):
    en = page(server, "/wp-sitemap-posts-post-1.xml")
    fa = page(server, "/fa/wp-sitemap-posts-post-1.xml")
    for a in SITE.articles():
        assert a.url(server.base_url) in (en if a.lang == "en" else fa if a.lang == "fa" else a.url(server.base_url))
    assert "/en/strategic-perspective/opinion/101820/" in en and "/fa/300/30102/127113/" in fa
    assert SITE.by_id(101820).url(server.base_url) in page(server, "/en/category/strategic-perspective/opinion/")
    assert page(server, "/fa/category/30102/") and page(server, "/fa/category/300/")


# --- challenge mode -------------------------------------------------------------


def test_challenge_after_n_requests_answers_a_bot_wall():
    with ReplicaServer(live_site(), faults=Faults(challenge_after=2)) as srv:
        assert fetch(srv.url("/en/"))[0] == 200 and fetch(srv.url("/ar/"))[0] == 200
        walls = [fetch(srv.url(SITE.by_id(101820).path)) for _ in range(3)]
    (s1, h1, t1), (s2, _, t2), (s3, _, t3) = walls
    assert s1 == 503 and h1.get("cf-mitigated") == "challenge" and "Just a moment..." in t1
    assert "/cdn-cgi/challenge-platform/" in t1
    assert s2 == 403 and "Attention Required" in t2
    assert s3 == 200 and "Checking your browser before accessing" in t3
    assert not any("page-container" in t for t in (t1, t2, t3))


def test_challenge_urls_answer_a_200_wall_only_there():
    target = SITE.by_id(136307)
    with ReplicaServer(live_site(), faults=Faults(challenge_urls=[target.decoded_path])) as srv:
        status, _, text = fetch(srv.url(target.path))
        assert status == 200 and "Checking your browser before accessing" in text and "postid-" not in text
        assert "postid-101820" in fetch(srv.url(SITE.by_id(101820).path))[2]
