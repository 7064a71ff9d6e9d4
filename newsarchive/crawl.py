"""Run one crawl in this process, with the project's settings."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as project_settings
from crawler.urls import DEFAULT_BASE_URL, SiteUrls, parse_langs
from newsarchive.archive import Archive
from newsarchive.lock import CrawlLock


class CrawlError(Exception):
    """A crawl cannot be started as asked; the message says why."""


def is_loopback(base_url: str) -> bool:
    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def crawl_settings(archive: str, *, base_url: str, fast: bool = False,
                   overrides: Mapping[str, Any] | None = None) -> Settings:
    """The project's settings for one crawl. ``fast`` drops the politeness
    limits and is refused for anything but a copy of the site on this machine."""
    if fast and not is_loopback(base_url):
        raise CrawlError(f"--fast is only for a local copy of the site (127.0.0.1, localhost), not {base_url}")
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    if fast:
        settings.update(project_settings.LOCAL_REPLICA_SETTINGS, priority="cmdline")
    settings.set("ARCHIVE_DB", str(archive), priority="cmdline")
    settings.update(dict(overrides or {}), priority="cmdline")
    return settings


def run_crawl(archive: str, *, base_url: str = DEFAULT_BASE_URL, langs: str = "en", fast: bool = False,
              overrides: Mapping[str, Any] | None = None,
              spider_args: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """Crawl the site into ``archive``; returns the crawl's row from ``crawls``.

    ``spider_args`` are the spider's other arguments (``revisit``, ``full``)."""
    # Bad arguments, an archive that cannot be opened or one that another crawl
    # is writing fail here, before anything starts (the crawl holds the lock throughout).
    SiteUrls(base_url, parse_langs(langs))
    settings = crawl_settings(archive, base_url=base_url, fast=fast, overrides=overrides)
    Archive(archive).close()
    with CrawlLock(archive):
        pass
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("scfr")
    extra = {name: value for name, value in (spider_args or {}).items() if value}
    process.crawl(crawler, base_url=base_url, langs=langs, **extra)
    process.start()
    crawl_id = crawler.stats.get_value("newsarchive/crawl_id")
    if crawl_id is None:
        raise CrawlError(f"the crawl did not start; see the log above (archive {archive})")
    with Archive(archive) as store:
        return store.crawl(crawl_id)
