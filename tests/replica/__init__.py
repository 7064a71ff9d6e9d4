"""Test replica of www.scfr.ir (Strategic Council Online) served over real HTTP.

    from tests.replica import ReplicaServer, default_site
    with ReplicaServer(default_site()) as server:
        crawl(server.base_url + "/en/")

    with ReplicaServer(generated_site(5000), delay=0.05) as server:  # a large, slower site
        ...

    # Template changes: 30% of 40 posts on a redesign that prints its share bar,
    # "Read next" teasers, comment box and newsletter prompt INSIDE the text
    # container; some posts quote the leads of the newest posts.
    site = mixed_site(40, share=0.3)
    quotations(site)                       # who quotes whom
    RESTYLED_PHRASES                       # the redesign's boilerplate texts
    restyled_site(default_site(), 0.5)     # any Site, partly restyled
    Site(articles, container_class="post-body")  # the text container renamed on every article page

    # The Persian edition (/fa/): 12 Persian posts beside the 16 English ones, six pairs of
    # translations (hreflang links, language switcher to the counterpart).
    site = bilingual_site()
    site.articles("fa"), site.listed("fa")  # one edition, newest first
    a.expected(base)["published_raw"]      # "۱۳۹۸/۰۱/۲۴" on Persian pages ("2019/04/13" on English ones)
    a.expected(base)["translation"]        # the counterpart's canonical URL, or None
    a.path, a.decoded_path                  # Persian slugs percent-encoded (lower-case hex) / decoded

    # A hostile site (faults.py): fault URLs linked from the site, robots variants, random failures.
    with ReplicaServer(default_site(), faults=Faults(urls=ALL_FAULTS)) as server:
        server.fault_articles["lying_charset"].expected(server.base_url)
        server.offsite_requests            # requests that reached the off-site origin
    ReplicaServer(site, faults=Faults(random_share=0.05, seed=0))  # soak: retries must store everything

    # The live site (live.py): three editions (en, fa, ar), whole-category-path URLs, 200 shortlinks,
    # every lead-prefix and byline variant, slashless paging, "-en" Persian tags, 2026 listings, …
    site = live_site(); site.articles("ar")
    live_shapes()["byline_in_lead"]        # shape name -> post ids
    a.expected(base)["lead_prefix"]        # the lead's prefix as printed
    ReplicaServer(live_site(), faults=Faults(challenge_after=20))  # a bot wall after 20 requests

See content.py for the default posts and the trap/error URL constants, content_fa.py
for the Persian posts, render.py (the restyled template section) for the redesign's
markup and the FA_* constants for the Persian boilerplate.
"""

from .content import (
    CALENDAR_PATH,
    FA_CATEGORIES,
    FA_FEED_PATH,
    FA_HOME_PATH,
    FA_LEAD_PREFIXES,
    FA_SITEMAP_INDEX_PATH,
    FLAKY_PATH,
    FLAKY_POST_ID,
    PDF_PATH,
    REDIRECT_LOOP_PATH,
    REDIRECT_LOOP_PATH_2,
    REDIRECT_LOOP_PATHS,
    REMOVED_POST_PATH,
    REMOVED_URLS,
    SEARCH_PATH,
    SLOW_DELAY,
    SLOW_PATH,
    SLOW_POST_ID,
    Article,
    Site,
    SiteIndex,
    Quotation,
    default_site,
    fa_digits,
    jalali,
    jalali_slash,
    quotations,
    restyled_site,
    wp_quote,
    wp_sanitize_title,
)
from .content import AR_CATEGORIES, LIVE_CATEGORIES, LIVE_FA_CATEGORIES, LIVE_LEAD_PREFIXES, KIND_TYPES, LiveOptions
from .content_ar import AR_LEAD_PREFIXES, arabic_articles
from .live import (
    ABOUT_PAGE_PATH,
    ABOUT_SCFR_POST_ID,
    LIVE_OPTIONS,
    LIVE_SHAPES_DOC,
    SHORTLINK_LINKER_POST_ID,
    SHORTLINK_ONLY_POST_ID,
    STATIC_ONLY_POST_ID,
    TRIPLES,
    live_shapes,
    live_site,
)
from .content_fa import (
    FA_COMMENTS_POST_ID,
    FA_GAZA_POST_ID,
    FA_LEAP_1399_POST_ID,
    FA_LEAP_1403_POST_ID,
    FA_NOWRUZ_1402_POST_ID,
    FA_NOWRUZ_POST_ID,
    FA_SEED_POST_ID,
    FA_TRANSIT_POST_ID,
    FA_UNLISTED_POST_ID,
    FA_WATER_POST_ID,
    FA_YEAR_END_POST_ID,
    TRANSLATIONS,
    bilingual_site,
    persian_articles,
)
from .faults import ALL_FAULTS, FAULT_PATHS, FAULT_POST_IDS, Faults
from .generate import generated_site, mixed_site
from .render import (
    FA_PHRASES,
    READ_NEXT_COUNT,
    RESTYLED_CLASSES,
    RESTYLED_CONTAINER_PHRASES,
    RESTYLED_PAGE_PHRASES,
    RESTYLED_PHRASES,
    read_next_posts,
    responses_line,
    restyled_comment_date,
)
from .server import ReplicaServer, RequestRecord

__all__ = [
    "ABOUT_PAGE_PATH",
    "ABOUT_SCFR_POST_ID",
    "AR_CATEGORIES",
    "AR_LEAD_PREFIXES",
    "KIND_TYPES",
    "LIVE_CATEGORIES",
    "LIVE_FA_CATEGORIES",
    "LIVE_LEAD_PREFIXES",
    "LIVE_OPTIONS",
    "LIVE_SHAPES_DOC",
    "LiveOptions",
    "SHORTLINK_LINKER_POST_ID",
    "SHORTLINK_ONLY_POST_ID",
    "STATIC_ONLY_POST_ID",
    "TRIPLES",
    "arabic_articles",
    "live_shapes",
    "live_site",
    "ALL_FAULTS",
    "Article",
    "CALENDAR_PATH",
    "FA_CATEGORIES",
    "FA_COMMENTS_POST_ID",
    "FA_FEED_PATH",
    "FA_GAZA_POST_ID",
    "FA_HOME_PATH",
    "FA_LEAD_PREFIXES",
    "FA_LEAP_1399_POST_ID",
    "FA_LEAP_1403_POST_ID",
    "FA_NOWRUZ_1402_POST_ID",
    "FA_NOWRUZ_POST_ID",
    "FA_PHRASES",
    "FA_SEED_POST_ID",
    "FA_SITEMAP_INDEX_PATH",
    "FA_TRANSIT_POST_ID",
    "FA_UNLISTED_POST_ID",
    "FA_WATER_POST_ID",
    "FA_YEAR_END_POST_ID",
    "FAULT_PATHS",
    "FAULT_POST_IDS",
    "Faults",
    "FLAKY_PATH",
    "FLAKY_POST_ID",
    "PDF_PATH",
    "Quotation",
    "READ_NEXT_COUNT",
    "REDIRECT_LOOP_PATH",
    "REDIRECT_LOOP_PATH_2",
    "REDIRECT_LOOP_PATHS",
    "REMOVED_POST_PATH",
    "REMOVED_URLS",
    "RESTYLED_CLASSES",
    "RESTYLED_CONTAINER_PHRASES",
    "RESTYLED_PAGE_PHRASES",
    "RESTYLED_PHRASES",
    "ReplicaServer",
    "RequestRecord",
    "SEARCH_PATH",
    "SLOW_DELAY",
    "SLOW_PATH",
    "SLOW_POST_ID",
    "Site",
    "SiteIndex",
    "TRANSLATIONS",
    "bilingual_site",
    "default_site",
    "fa_digits",
    "generated_site",
    "jalali",
    "jalali_slash",
    "mixed_site",
    "persian_articles",
    "quotations",
    "read_next_posts",
    "responses_line",
    "restyled_comment_date",
    "restyled_site",
    "wp_quote",
    "wp_sanitize_title",
]
