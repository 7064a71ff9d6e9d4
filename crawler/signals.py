"""Signals of this project (in addition to Scrapy's own)."""

fetch_failed = object()
"""Sent with ``failure=FetchFailure`` when a URL could not be fetched after retries."""

page_not_modified = object()
"""Sent with ``url`` when a conditional request for a page came back 304 Not Modified."""
