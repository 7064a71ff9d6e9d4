"""Test replica of www.scfr.ir (Strategic Council Online) served over real HTTP.

    from tests.replica import ReplicaServer, default_site
    with ReplicaServer(default_site()) as server:
        crawl(server.base_url + "/en/")

    with ReplicaServer(generated_site(5000), delay=0.05) as server:  # a large, slower site
        ...

See content.py for the default posts and the trap/error URL constants.
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
    default_site,
)
from .generate import generated_site
from .server import ReplicaServer, RequestRecord

__all__ = [
    "Article",
    "CALENDAR_PATH",
    "FLAKY_PATH",
    "FLAKY_POST_ID",
    "PDF_PATH",
    "REDIRECT_LOOP_PATH",
    "REDIRECT_LOOP_PATH_2",
    "REDIRECT_LOOP_PATHS",
    "REMOVED_POST_PATH",
    "REMOVED_URLS",
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
]
