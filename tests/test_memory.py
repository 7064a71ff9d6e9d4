"""What keeps a crawl's memory flat however large the site: the request queue on
disk, the frontier as the seen-set, a bounded memory of recent links, pages freed
as soon as they are parsed. (Peak memory itself is measured by the crawl
benchmark, never asserted: see benchmarks/README.md.)"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.dupefilter import ArchiveDupeFilter
from crawler.scheduler import ArchiveScheduler, queue_dir_prefix
from crawler.session import ArchiveSession
from crawler.pages.reader import PageReader
from crawler.recent import RecentSet
from crawler.spiders.scfr import ScfrSpider
from crawler.urls import Kind

URL = "https://www.scfr.ir/en/defense-security/101850/securing-iran-pakistans-border/"
OTHER = "https://www.scfr.ir/en/politics/101851/another-article/"
SPIDER = SimpleNamespace(name="scfr")


def crawler_for(archive: Path, **settings):
    return get_crawler(settings_dict={"ARCHIVE_DB": str(archive), "ARCHIVE_COMMIT_INTERVAL": 0,
                                      "DUPEFILTER_CLASS": "crawler.dupefilter.ArchiveDupeFilter", **settings})


@pytest.fixture
def session_of(tmp_path):
    """Open crawl sessions on one archive, one after the other; each is closed at the end."""
    opened = []

    def open_session(**settings):
        if opened:
            opened.pop().spider_closed(SPIDER, "finished")
        crawler = crawler_for(tmp_path / "archive.db", **settings)
        dupefilter = ArchiveDupeFilter.from_crawler(crawler)
        session = ArchiveSession.of(crawler)
        session.spider_opened(SPIDER)
        opened.append(session)
        return session, dupefilter

    yield open_session
    if opened:
        opened.pop().spider_closed(SPIDER, "finished")


def test_the_frontier_is_the_seen_set(session_of):
    session, dupefilter = session_of()
    assert not dupefilter.request_seen(Request(URL))
    assert dupefilter.request_seen(Request(URL))
    assert session.archive.db.execute("SELECT state, crawl_id FROM frontier WHERE url = ?", [URL]).fetchall() == [
        ("queued", session.crawl_id)]


def test_what_an_earlier_crawl_fetched_is_not_seen_by_the_next_one(session_of):
    first, dupefilter = session_of()
    dupefilter.request_seen(Request(URL))
    second, dupefilter = session_of()
    assert not dupefilter.request_seen(Request(URL))
    assert dupefilter.request_seen(Request(URL))
    assert second.archive.db.execute("SELECT crawl_id FROM frontier WHERE url = ?", [URL]).fetchone()[0] == \
        second.crawl_id != first.crawl_id


def test_the_seen_set_holds_no_fingerprint_in_memory(session_of):
    _, dupefilter = session_of()
    for n in range(100):
        dupefilter.request_seen(Request(f"{URL}?p={n}"))
    assert dupefilter.resumed == set() and len(dupefilter._fingerprints) == 0


def test_recent_set_forgets_its_oldest_members_and_stays_bounded():
    recent = RecentSet(3)
    for n in range(10):
        recent.add(str(n))
    assert {"9", "8", "7", "6"} <= {m for m in map(str, range(10)) if m in recent}
    assert "0" not in recent and "5" not in recent
    assert len(recent.current) + len(recent.previous) <= 2 * 3


def test_links_read_from_a_page_are_plain_strings_that_keep_no_page_tree_alive():
    """lxml's "smart" strings refer back to their element, and so to the whole page tree:
    a link kept in the spider's memory or the URL caches would keep its page alive."""
    page = PageReader("https://www.scfr.ir", ("en",)).read(
        "https://www.scfr.ir/en/", Kind.LISTING, f"<html><body><a href='{URL}'>a</a><a href='/en/tag/x/'>t</a>"
        "<div class='pagination'><div class='alignleft'><a href='/en/page/2/'>older</a></div></div></body></html>"
        .encode(), "utf-8", "html", "2026-11-30T00:00:00+00:00")
    strings = [url for url, _ in page.links] + page.listing_entries + [page.next_page]
    assert len(page.links) == 3 and {type(s) for s in strings} == {str}


def test_queue_directories_left_by_killed_crawls_are_removed(tmp_path):
    archive = tmp_path / "archive.db"
    stale = tmp_path / f"{queue_dir_prefix(str(archive))}killed"
    (stale / "requests.queue").mkdir(parents=True)
    other_archive = tmp_path / f"{queue_dir_prefix(str(tmp_path / 'other.db'))}running"
    other_archive.mkdir()
    crawler = crawler_for(archive, SCHEDULER="crawler.scheduler.ArchiveScheduler")
    scheduler = ArchiveScheduler.from_crawler(crawler)
    try:
        assert not stale.exists() and other_archive.exists()
        assert scheduler.private_dir.parent == tmp_path and Path(scheduler.dqdir).is_dir()
        assert scheduler.private_dir.name.startswith(queue_dir_prefix(str(archive)))
    finally:
        scheduler.df.close("finished")
        ArchiveSession.of(crawler).spider_closed(SPIDER, "finished")


def test_requests_beyond_the_memory_queue_wait_on_disk_and_all_come_back(tmp_path):
    crawler = crawler_for(tmp_path / "archive.db", SCHEDULER="crawler.scheduler.ArchiveScheduler",
                          REVISIT_POLICY="crawler.revisit.RevisitPolicy", NEWSARCHIVE_MEMORY_QUEUE=10,
                          SCHEDULER_PRIORITY_QUEUE="scrapy.pqueues.ScrapyPriorityQueue")  # no engine here
    spider = ScfrSpider.from_crawler(crawler, base_url="https://www.scfr.ir")
    crawler.spider = spider
    scheduler = ArchiveScheduler.from_crawler(crawler)
    session = ArchiveSession.of(crawler)
    session.spider_opened(spider)
    scheduler.open(spider)
    try:
        urls = {f"https://www.scfr.ir/en/politics/{n}/x-{n}/" for n in range(30)}
        for url in urls:
            assert scheduler.enqueue_request(spider.follow(url))
        assert crawler.stats.get_value("scheduler/enqueued/memory") == 10
        assert crawler.stats.get_value("scheduler/enqueued/disk") == 20
        assert len(list(Path(scheduler.dqdir).rglob("*"))) > 0
        assert {request.url for request in iter(scheduler.next_request, None)} == urls
    finally:
        scheduler.close("finished")
        session.spider_closed(spider, "finished")


def test_jobdir_keeps_scrapys_own_queue(tmp_path):
    crawler = crawler_for(tmp_path / "archive.db", JOBDIR=str(tmp_path / "job"))
    scheduler = ArchiveScheduler.from_crawler(crawler)
    try:
        assert scheduler.private_dir is None and Path(scheduler.dqdir) == tmp_path / "job" / "requests.queue"
    finally:
        scheduler.df.close("finished")
        ArchiveSession.of(crawler).spider_closed(SPIDER, "finished")


def test_a_spider_that_writes_no_archive_keeps_scrapys_queue_and_opens_no_archive(tmp_path):
    """benchmarks/bare_spider.py runs with the project's settings but Scrapy's dupefilter."""
    crawler = get_crawler(settings_dict={"ARCHIVE_DB": str(tmp_path / "archive.db"),
                                         "SCHEDULER": "crawler.scheduler.ArchiveScheduler"})
    scheduler = ArchiveScheduler.from_crawler(crawler)
    assert scheduler.dqdir is None and scheduler.private_dir is None
    assert list(tmp_path.iterdir()) == []


def test_a_link_the_spider_forgot_is_still_requested_once(tmp_path):
    """The spider keeps only recent links in memory; the frontier answers for older ones."""
    crawler = crawler_for(tmp_path / "archive.db", REVISIT_POLICY="crawler.revisit.RevisitPolicy")
    spider = ScfrSpider.from_crawler(crawler, base_url="https://www.scfr.ir")
    crawler.spider = spider
    dupefilter = ArchiveDupeFilter.from_crawler(crawler)
    session = ArchiveSession.of(crawler)
    session.spider_opened(spider)
    try:
        spider.requested = RecentSet(1)
        request = spider.follow(URL)
        assert request is not None and not dupefilter.request_seen(request)  # scheduled: in the frontier
        for n in range(3):  # other links push URL out of the spider's memory
            assert not dupefilter.request_seen(spider.follow(f"https://www.scfr.ir/en/politics/{n}/x-{n}/"))
        assert URL not in spider.requested
        assert spider.follow(URL) is None and URL in spider.requested
        assert spider.follow(URL, force=True) is not None  # force still asks again (the dupefilter decides)
    finally:
        session.spider_closed(spider, "finished")
