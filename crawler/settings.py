"""Scrapy settings of the newsarchive project.

Defaults are polite toward the real site: an honest User-Agent (with the
operator's contact from NEWSARCHIVE_CONTACT), robots.txt obeyed, AutoThrottle, a download delay and few
concurrent requests. ``LOCAL_REPLICA_SETTINGS`` lifts those limits, for
crawls of a copy of the site on this machine only.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("newsarchive")
except PackageNotFoundError:  # running from a source tree that is not installed
    VERSION = "0"

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Where articles go: an SQLite file, created (and migrated) when missing.
ARCHIVE_DB = "archive.db"
# The crawl commits its writes once per interval (seconds) rather than after
# every page: much faster, and a killed crawl loses at most the last interval
# (the archive stays consistent; the resumed crawl fetches those pages again).
# 0 commits every write on its own.
ARCHIVE_COMMIT_INTERVAL = 1.0

# Spider output (an article and the links of a page) is handled one element at a
# time: the pipelines are CPU work on one SQLite connection, nothing to overlap.
# Scrapy's default of 100 starts 100 asyncio tasks for every response (the limit
# is per response), which cost ~15 % of the crawl's CPU (benchmarks/README.md).
CONCURRENT_ITEMS = 1
# Scrapy parses the source of a generator callback to warn about a `return value`
# in it; with requests on a disk queue its cache misses and that ran for every
# response (~0.4 ms). The spider's callbacks return nothing.
WARN_ON_GENERATOR_RETURN_VALUE = False

# Pages are read (HTML parsed, the article extracted, links normalised) in this
# many worker processes, while the crawl's own thread downloads, schedules and
# stores (crawler/page_workers.py); 0 reads them in the crawl's own process.
PAGE_READER_PROCESSES = 1

# Politeness. The User-Agent names the crawler and no made-up address; the
# operator's contact (an e-mail address or URL) is added from NEWSARCHIVE_CONTACT,
# the setting or the environment variable of that name (crawler/useragent.py).
# A crawl of a non-local origin without one warns.
USER_AGENT = f"newsarchive/{VERSION} (archival crawler for research)"
NEWSARCHIVE_CONTACT = ""
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 2.0
DOWNLOAD_DELAY_JITTER = 0.5  # each delay varies by ±50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no control server listening during a crawl

# Failures: Scrapy's retry policy (500, 502, 503, 504, 522, 524, 408, 429),
# bounded timeouts, sizes and redirect chains.
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
REDIRECT_MAX_TIMES = 10

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.OriginScopeMiddleware": 50,  # first: nothing leaves the crawled origin
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,  # the line above is stricter (scheme, port)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtRfcMiddleware": 100,  # robots.txt failures read as RFC 9309 says
    "crawler.middlewares.LyingCharsetMiddleware": 580,  # after decompression
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.MetaRefreshMiddleware": 579,  # Scrapy's, without decoding pages that have none
    "crawler.middlewares.RedirectLoopMiddleware": 650,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.middlewares.DecompressionMiddleware": 590,  # Scrapy's, failing truncated bodies
    "crawler.middlewares.CaptureMiddleware": 950,  # next to the downloader: responses as received
}

# Keep every response (status, headers, body, request headers) in the archive's
# `captures` table, identical payloads once (`payloads`), for provenance and WARC.
ARCHIVE_CAPTURES = True

# The frontier (what the crawl still has to fetch) lives in the archive, so a
# killed crawl resumes where it stopped.
DUPEFILTER_CLASS = "crawler.dupefilter.ArchiveDupeFilter"

# Requests waiting to be fetched beyond the first NEWSARCHIVE_MEMORY_QUEUE (about
# a kilobyte each in memory) are queued on disk (Scrapy's SCHEDULER_DISK_QUEUE),
# so a crawl's memory stays flat however large the site (crawler/scheduler.py): in
# a temporary directory removed when the crawl closes, beside ARCHIVE_DB unless
# NEWSARCHIVE_DISK_QUEUE_DIR names another folder. Scratch space only: a killed
# crawl resumes from the frontier. With JOBDIR set, Scrapy's job directory is used.
SCHEDULER = "crawler.scheduler.ArchiveScheduler"
NEWSARCHIVE_DISK_QUEUE = True
NEWSARCHIVE_DISK_QUEUE_DIR = ""
NEWSARCHIVE_MEMORY_QUEUE = 10000

# What to fetch again on a crawl into an archive that already knows the site
# (see crawler/revisit.py): new articles always; known articles when due.
REVISIT_POLICY = "crawler.revisit.RevisitPolicy"
# (articles up to N days old, revisit after D days); the last row covers any age.
REVISIT_AFTER_DAYS = [[2, 0.25], [14, 1], [90, 7], [None, 30]]

EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "crawler.extensions.ProgressDisplay": 500,
}

# A live view of the crawl on the terminal (pages, articles new / changed,
# errors); `newsarchive crawl` turns it on when stderr is a terminal.
NEWSARCHIVE_PROGRESS = False

ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.boilerplate.BoilerplatePipeline": 200,
    "pipelines.repetition.RepetitionPipeline": 250,
    "pipelines.validate.ValidatePipeline": 300,
    "pipelines.dedup.DeduplicatePipeline": 400,
    "pipelines.archive.ArchivePipeline": 500,
    "pipelines.drift.DriftPipeline": 600,
}

# Boilerplate by repetition (pipelines/repetition.py): a paragraph is template
# text when it stands on at least BOILERPLATE_MIN_PAGES pages and at least
# BOILERPLATE_SHARE of the site's pages; a lone one inside the text only when
# BOILERPLATE_TEMPLATE_SHARE of the pages have it.
BOILERPLATE_MIN_PAGES = 3
BOILERPLATE_SHARE = 0.05
BOILERPLATE_TEMPLATE_SHARE = 0.6

# Drift alarms (pipelines/drift.py): raised when at least DRIFT_SHARE of the
# crawl's article pages (and DRIFT_MIN_PAGES of them) miss a template selector,
# come out far shorter than the archive's usual body, or carry boilerplate
# markers past the selectors.
DRIFT_SHARE = 0.2
DRIFT_MIN_PAGES = 3

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# Only for a copy of the site served on this machine (the CLI's --fast
# refuses any other origin).
LOCAL_REPLICA_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_TIMEOUT": 10,
}
