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

See content.py for the default posts and the trap/error URL constants, render.py
(the restyled template section) for the redesign's markup.
"""

from .content import (
    CALENDAR_PATH,
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
    quotations,
    restyled_site,
)
from .generate import generated_site, mixed_site
from .render import (
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
    "Article",
    "CALENDAR_PATH",
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
    "default_site",
    "generated_site",
    "mixed_site",
    "quotations",
    "read_next_posts",
    "responses_line",
    "restyled_comment_date",
    "restyled_site",
]
