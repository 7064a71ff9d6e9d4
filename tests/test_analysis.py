"""Analysts' tools over an archive filled by a real crawl of the replica:
search and stats on the command line, Datasette, the HTML report — the last
two also loaded in headless Chromium, with screenshots kept in test-artifacts/."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import sqlite3
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive.cli import main
from newsarchive.output import spreadsheet_safe
from tests.conftest import REPO
from tests.replica import default_site

SITE = default_site()
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def archive(first_crawl, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("analysis") / "archive.db"
    shutil.copy(first_crawl.archive, copy)
    return copy


def run(archive, *args):
    return CliRunner().invoke(main, [args[0], "--archive", str(archive), *args[1:]])


def urls_of(result) -> set[str]:
    return {hit["url"].split("/", 3)[3] for hit in json.loads(result.output)}


def paths(predicate) -> set[str]:
    return {a.url("http://x").split("/", 3)[3] for a in SITE.articles() if predicate(a)}


# -- search -----------------------------------------------------------------
def test_search_ranks_the_best_match_first(archive):
    hits = json.loads(run(archive, "search", "Baluchistan", "--format", "json").output)
    assert hits[0]["title"] == "Securing Iran-Pakistan Border" and "[Baluchistan]" in hits[0]["snippet"]


@pytest.mark.parametrize(("options", "expected"), [
    (["--category", "Interview"], paths(lambda a: "Interview" in a.categories)),
    (["--type", "Opinion"], paths(lambda a: a.type == "Opinion")),
    (["--author", "Hamid Khoshayand"], paths(lambda a: a.author == "Hamid Khoshayand")),
    (["--since", "2023-01-01"], paths(lambda a: a.published >= "2023-01-01")),
    (["--until", "2019-12-31", "--lang", "en"], paths(lambda a: a.published <= "2019-12-31")),
], ids=["category", "type", "author", "since", "until-lang"])
def test_search_filters(archive, options, expected):
    result = run(archive, "search", "Strategic OR Council", "--limit", "100", "--format", "json", *options)
    assert urls_of(result) == expected


def test_search_table_shows_titles_and_a_count(archive):
    output = run(archive, "search", "Pakistan", "--limit", "2").output
    assert "Securing Iran-Pakistan" in output.replace("\n", " ") or "Iran and Pakistan" in output
    assert output.rstrip().endswith("2 results")


def test_search_csv_has_a_header_and_one_row_per_hit(archive):
    rows = list(csv.DictReader(io.StringIO(run(archive, "search", "Pakistan", "--format", "csv").output)))
    assert rows and {"url", "title", "published", "snippet"} <= set(rows[0])


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "title:", "NEAR("])
def test_a_malformed_query_gets_one_line_not_a_traceback(archive, query):
    result = run(archive, "search", query)
    assert result.exit_code == 1 and result.output.startswith("Error: cannot search for")
    assert len(result.output.strip().splitlines()) == 1


def test_a_bad_date_is_a_clear_error(archive):
    result = run(archive, "search", "Pakistan", "--since", "last week")
    assert result.exit_code == 2 and "expected YYYY-MM-DD" in result.output


@pytest.mark.parametrize(("value", "safe"), [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"),
                                             ("-2", "'-2"), ("@cmd", "'@cmd"), ("Plain", "Plain"), (3, 3)])
def test_csv_cells_that_would_be_formulas_are_neutralised(value, safe):
    assert spreadsheet_safe(value) == safe


# -- stats ------------------------------------------------------------------
def test_stats_json_counts_the_archive(archive):
    facts = json.loads(run(archive, "stats", "--format", "json").output)
    assert facts["archive"]["articles"] == len(SITE.articles())
    assert {r["type"]: r["articles"] for r in facts["by_type"]} == \
        {t: sum(1 for a in SITE.articles() if a.type == t) for t in {a.type for a in SITE.articles()}}
    assert facts["crawls"][0]["health"] == "ok"


def test_stats_table_has_every_section(archive):
    output = run(archive, "stats").output
    for heading in ("Articles by month", "By category", "By type", "By language", "By author", "Last crawls"):
        assert heading in output


def test_views_give_one_row_per_article_and_category(archive):
    db = sqlite3.connect(archive)
    assert db.execute("SELECT count(*) FROM article_categories").fetchone()[0] == \
        sum(len(a.categories) for a in SITE.articles())
    assert db.execute("SELECT count(*) FROM current_articles WHERE revisions = 1").fetchone()[0] == len(SITE.articles())


# -- Datasette ---------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def chromium(url: str, screenshot: Path) -> str:
    """Load a page in headless Chromium: keep a screenshot, return the rendered DOM."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "Chromium is needed (.ci/run installs Debian's chromium)"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([binary, *flags, f"--user-data-dir={profile}", f"--screenshot={screenshot}",
                        "--window-size=1280,1600", url], capture_output=True, timeout=60, check=True)
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([binary, *flags, f"--user-data-dir={profile}", "--dump-dom", url],
                             capture_output=True, text=True, timeout=60, check=True).stdout
    assert screenshot.stat().st_size > 10_000
    return dom


def start_browse(archive) -> tuple[subprocess.Popen, str]:
    """``newsarchive browse`` on a free port, once Datasette answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsarchive", "browse", "--archive", str(archive),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            get(base + "/-/versions.json")
            return process, base
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "Datasette did not start"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def datasette(archive):
    process, base = start_browse(archive)
    yield f"{base}/{archive.stem}"
    process.terminate()
    process.wait(timeout=10)


def test_stopping_browse_stops_datasette(archive):
    process, base = start_browse(archive)
    process.terminate()  # SIGTERM, as a supervisor stops it
    process.wait(timeout=15)
    with pytest.raises(OSError):
        get(base + "/-/versions.json")


def test_datasette_full_text_search_on_articles(datasette):
    rows = json.loads(get(f"{datasette}/articles.json?_search=Baluchistan&_shape=array&_col=title"))
    assert [r["title"] for r in rows] == ["Securing Iran-Pakistan Border"]


def test_datasette_canned_search_with_snippets(datasette):
    rows = json.loads(get(f"{datasette}/search.json?q=Baluchistan&_shape=array"))
    assert rows[0]["title"] == "Securing Iran-Pakistan Border" and "[Baluchistan]" in rows[0]["snippet"]


def test_datasette_coverage_per_month_per_category(datasette):
    rows = json.loads(get(f"{datasette}/coverage.json?q=Pakistan&category=News&_shape=array"))
    expected = sorted({a.published[:7] for a in SITE.articles() if "News" in a.categories and "Pakistan" in
                       a.expected("http://x")["title"] + a.expected("http://x")["body"]})
    assert [r["month"] for r in rows] == expected


def test_datasette_revision_history_lists_each_version(datasette, archive):
    (url,) = sqlite3.connect(archive).execute("SELECT url FROM articles WHERE post_id = 101850").fetchone()
    rows = json.loads(get(f"{datasette}/revision_history.json?url={urllib.parse.quote(url)}&_shape=array"))
    assert [(r["title"], r["body_diff"]) for r in rows] == [("Securing Iran-Pakistan Border", "")]


def test_revision_diffs_show_what_changed():
    from newsarchive.datasette_plugin import unified_diff

    assert unified_diff("Lead.\nOld paragraph.", "Lead.\nNew paragraph.") == \
        "@@ -2 +2 @@\n-Old paragraph.\n+New paragraph."


def test_datasette_facets_by_month_type_and_lang(datasette):
    data = json.loads(get(f"{datasette}/current_articles.json?_facet=month&_facet=type&_facet=lang"))
    assert {"month", "type", "lang"} <= set(data["facet_results"])


def test_datasette_pages_describe_the_tables(datasette):
    page = get(f"{datasette}/articles")
    assert "One row per distinct article" in page and "Canonical URL" in page
    assert "payloads" not in get(datasette)  # internal tables are hidden


def test_datasette_pages_render_in_a_browser(datasette):
    dom = chromium(f"{datasette}/articles?_search=Pakistan", ARTIFACTS / "datasette-articles-search.png")
    assert "Securing Iran-Pakistan Border" in dom
    dom = chromium(f"{datasette}/search?q=Baluchistan", ARTIFACTS / "datasette-canned-search.png")
    assert "[Baluchistan]" in dom


# -- report -----------------------------------------------------------------
@pytest.fixture(scope="module")
def report(archive, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("report") / "report.html"
    result = run(archive, "report", "-o", str(output))
    assert result.exit_code == 0, result.output
    return output


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert page.count("<svg") == 3
    assert "<script" not in page and 'src="http' not in page and "<link" not in page


def test_report_escapes_archived_text(report):
    page = report.read_text(encoding="utf-8")
    assert "<td>Central Asia &amp; Caucasus</td>" in page and "Central Asia & Caucasus<" not in page


def test_report_refuses_to_overwrite(archive, report):
    result = run(archive, "report", "-o", str(report))
    assert result.exit_code == 1 and "--force" in result.output


def test_report_opens_in_a_browser(report):
    dom = chromium(report.as_uri(), ARTIFACTS / "report.png")
    for heading in ("Articles per month", "Top authors", "Crawl history"):
        assert heading in dom


def test_search_counts_articles_mentioning_a_word_in_a_category_per_month(archive):
    rows = json.loads(run(archive, "search", "Pakistan", "--category", "News", "--count-by", "month",
                          "--format", "json").output)
    expected = {}
    for article in SITE.articles():
        text = article.expected("http://x")
        if "News" in article.categories and "pakistan" in (text["title"] + text["body"]).lower():
            expected[article.published[:7]] = expected.get(article.published[:7], 0) + 1
    assert {r["month"]: r["articles"] for r in rows} == expected
