"""Signals of this project (in addition to Scrapy's own)."""

fetch_failed = object()
"""Sent with ``failure=FetchFailure`` when a URL could not be fetched after retries."""
