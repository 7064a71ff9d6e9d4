"""Extensions of this project."""

from __future__ import annotations

from rich.console import Console
from rich.live import Live
from rich.table import Table
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

SHOWN = (("pages", "response_received_count"), ("new", "newsarchive/articles/new"),
         ("changed", "newsarchive/articles/changed"), ("unchanged", "newsarchive/articles/unchanged"),
         ("gone", "newsarchive/articles/gone"), ("errors", "newsarchive/failures"))


class ProgressDisplay:
    """A live view of the crawl on the terminal (``NEWSARCHIVE_PROGRESS``; the CLI
    turns it on when stderr is a terminal): pages fetched, articles new / changed,
    errors — read from the crawl's stats twice a second."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.live = Live(self.render(), console=Console(stderr=True), auto_refresh=False, transient=False)
        self.loop = LoopingCall(self.refresh)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressDisplay:
        if not crawler.settings.getbool("NEWSARCHIVE_PROGRESS"):
            raise NotConfigured("NEWSARCHIVE_PROGRESS is off")
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def render(self) -> Table:
        table = Table(title="newsarchive crawl: pages fetched, articles new / changed / unchanged / gone, errors",
                      title_justify="left")
        for label, _ in SHOWN:
            table.add_column(label, justify="right")
        dropped = sum(v for k, v in self.stats.get_stats().items() if k.startswith("newsarchive/dropped/"))
        table.add_row(*(str(self.stats.get_value(key, 0)) for _, key in SHOWN))
        table.caption = f"{dropped} dropped" if dropped else None
        return table

    def refresh(self) -> None:
        self.live.update(self.render(), refresh=True)

    def spider_opened(self) -> None:
        self.live.start()
        self.loop.start(0.5)

    def spider_closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
        self.refresh()
        self.live.stop()
