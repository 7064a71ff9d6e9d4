"""Item pipelines: each does one job, in the order set in ``crawler.settings.ITEM_PIPELINES``:

normalize (100) → boilerplate (200) → validate (300) → dedup (400) → archive (500).
"""
