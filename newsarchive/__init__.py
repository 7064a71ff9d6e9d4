"""newsarchive: an archival crawler for news sites, and the archive it fills.

Python API: :class:`newsarchive.archive.Archive` (the SQLite archive) and
:func:`newsarchive.crawl.run_crawl` (one crawl, as ``scrapy crawl scfr`` runs it).
"""
