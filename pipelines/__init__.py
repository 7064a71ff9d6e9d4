"""Item pipelines: each does one job, in the order set in ``crawler.settings.ITEM_PIPELINES``:

normalize (100) → boilerplate markers (200) → boilerplate by repetition (250) →
validate (300) → dedup (400) → archive (500) → drift alarms (600).
"""
