"""Exports of an archive made by real crawls of a changing replica, each read
back with its own ecosystem tool and compared with the archive."""

from __future__ import annotations

import csv
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from newsarchive.cli import main
from tests.conftest import REPO, scrapy_crawl
from tests.replica import ReplicaServer, default_site

EDITED = 101850
ADDED = "A closing paragraph added after the first crawl."


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Crawled, then the seed article edited, then crawled again; returns (path, first crawl's end)."""
    path = tmp_path_factory.mktemp("exports") / "archive.db"
    with ReplicaServer(default_site(), flaky_paths=[], slow_paths=[]) as server:
        assert scrapy_crawl(server.base_url, path).returncode == 0
        first_end = sqlite3.connect(path).execute("SELECT finished_at FROM crawls WHERE id = 1").fetchone()[0]
        seed = server.site.by_id(EDITED)
        server.site.edit(EDITED, blocks=[*seed.blocks, ("p", ADDED)])
        assert scrapy_crawl(server.base_url, path).returncode == 0
    return path, first_end


def export(archive, fmt, output, *options):
    return CliRunner().invoke(main, ["export", fmt, "--archive", str(archive[0]), "-o", str(output), *options])


def stored(archive) -> dict[str, dict]:
    db = sqlite3.connect(archive[0])
    db.row_factory = sqlite3.Row
    return {r["url"]: dict(r) for r in db.execute("SELECT * FROM articles")}


def edited_url(archive) -> str:
    return next(url for url in stored(archive) if f"/{EDITED}/" in url)


def test_jsonl_holds_every_article_as_archived(archive, tmp_path):
    assert export(archive, "jsonl", tmp_path / "a.jsonl").exit_code == 0
    records = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = stored(archive)
    assert sorted(r["url"] for r in records) == sorted(rows)
    assert all(r["body"] == rows[r["url"]]["body"] and r["categories"] == json.loads(rows[r["url"]]["categories"])
               for r in records)


def test_csv_reads_back_with_the_csv_module(archive, tmp_path):
    assert export(archive, "csv", tmp_path / "a.csv").exit_code == 0
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    archived = stored(archive)
    assert len(rows) == len(archived) and all(r["body"] == archived[r["url"]]["body"] for r in rows)


def test_parquet_reads_back_with_pyarrow(archive, tmp_path):
    assert export(archive, "parquet", tmp_path / "a.parquet").exit_code == 0
    table = pq.read_table(tmp_path / "a.parquet")
    rows = {r["url"]: r for r in table.to_pylist()}
    assert rows.keys() == stored(archive).keys()
    assert all(isinstance(r["categories"], list) and r["categories"] for r in rows.values())


def test_as_of_before_the_edit_exports_the_old_text(archive, tmp_path):
    assert export(archive, "jsonl", tmp_path / "old.jsonl", "--as-of", archive[1]).exit_code == 0
    old = {r["url"]: r for r in map(json.loads, (tmp_path / "old.jsonl").read_text(encoding="utf-8").splitlines())}
    assert ADDED not in old[edited_url(archive)]["body"]
    assert ADDED in stored(archive)[edited_url(archive)]["body"]


def test_crawl_selection_is_the_archive_after_that_crawl(archive, tmp_path):
    assert export(archive, "jsonl", tmp_path / "c1.jsonl", "--crawl", "1").exit_code == 0
    first = {r["url"]: r for r in map(json.loads, (tmp_path / "c1.jsonl").read_text(encoding="utf-8").splitlines())}
    assert ADDED not in first[edited_url(archive)]["body"] and len(first) == len(stored(archive))


def test_filters_select_articles(archive, tmp_path):
    assert export(archive, "jsonl", tmp_path / "i.jsonl", "--category", "Interview", "--since", "2020-01-01").exit_code == 0
    records = [json.loads(line) for line in (tmp_path / "i.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = {a.post_id for a in default_site().articles() if "Interview" in a.categories and a.published >= "2020"}
    assert {r["post_id"] for r in records} == expected


def test_warc_is_accepted_by_warcio(archive, tmp_path):
    assert export(archive, "warc", tmp_path / "a.warc.gz").exit_code == 0
    check = subprocess.run([shutil.which("warcio"), "check", "-v", str(tmp_path / "a.warc.gz")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:]
    index = subprocess.run([shutil.which("warcio"), "index", str(tmp_path / "a.warc.gz")], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    assert json.loads(index[0])["warc-type"] == "warcinfo"


def test_warc_has_request_response_revisit_and_metadata_records(archive, tmp_path):
    export(archive, "warc", tmp_path / "a.warc.gz")
    with (tmp_path / "a.warc.gz").open("rb") as handle:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Record-ID"), r.rec_headers.get_header("WARC-Refers-To"),
                    r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(handle)]
    kinds = [r[0] for r in records]
    captures = sqlite3.connect(archive[0]).execute("SELECT count(*) FROM captures").fetchone()[0]
    assert kinds.count("request") == captures == kinds.count("response") + kinds.count("revisit")
    assert kinds.count("revisit") > 0  # the second crawl refetched unchanged payloads
    responses = {r[1] for r in records if r[0] == "response"}
    metadata = [r for r in records if r[0] == "metadata"]
    assert len(metadata) == len(stored(archive)) and all(r[2] in responses for r in metadata)


def test_warc_response_holds_the_page_as_received(archive, tmp_path):
    export(archive, "warc", tmp_path / "a.warc.gz")
    url = edited_url(archive)
    with (tmp_path / "a.warc.gz").open("rb") as handle:
        pages = [r.content_stream().read() for r in ArchiveIterator(handle)
                 if r.rec_type == "response" and r.rec_headers.get_header("WARC-Target-URI") == url]
    assert any(ADDED.encode() in page for page in pages) and any(ADDED.encode() not in page for page in pages)


def test_wacz_is_valid_and_lists_the_article_pages(archive, tmp_path):
    assert export(archive, "wacz", tmp_path / "a.wacz").exit_code == 0
    validate = subprocess.run([sys.executable, "-m", "wacz", "validate", "-f", str(tmp_path / "a.wacz")],
                              capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    with zipfile.ZipFile(tmp_path / "a.wacz") as package:
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").decode().splitlines()[1:]]
        assert "datapackage.json" in package.namelist() and any(n.startswith("indexes/") for n in package.namelist())
    assert sorted(p["url"] for p in pages) == sorted(stored(archive))


@pytest.fixture
def bag(archive, tmp_path) -> Path:
    result = export(archive, "bagit", tmp_path / "bag")
    assert result.exit_code == 0, result.output
    return tmp_path / "bag"


def test_bag_verifies(bag):
    result = CliRunner().invoke(main, ["verify", str(bag)])
    assert result.exit_code == 0 and "valid" in result.output


def test_bag_carries_provenance(bag):
    manifest = json.loads((bag / "data" / "provenance.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in manifest["crawls"]] == [1, 2]
    assert manifest["robots_txt"]["content"].startswith("User-agent: *")
    assert {"newsarchive", "scrapy", "warcio"} <= set(manifest["software"])
    assert manifest["crawls"][0]["urls"]["failed"] == 2 and manifest["time_span"]["first_fetch"]


def test_a_tampered_bag_fails_verify_naming_the_file(bag):
    with (bag / "data" / "articles.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{}\n")
    result = CliRunner().invoke(main, ["verify", str(bag)])
    assert result.exit_code == 1 and "changed: data/articles.jsonl" in result.output


def test_sqlite_copy_is_a_consistent_archive(archive, tmp_path):
    assert export(archive, "sqlite", tmp_path / "copy.db").exit_code == 0
    checker = REPO.parent / "shared" / "check_archive.py"
    assert subprocess.run([sys.executable, str(checker), str(tmp_path / "copy.db")]).returncode == 0


def test_sqlite_copy_taken_while_a_crawl_writes(tmp_path):
    archive = tmp_path / "live.db"
    with ReplicaServer(default_site(), delay=0.05, flaky_paths=[], slow_paths=[]) as server:
        process = subprocess.Popen([sys.executable, "-m", "scrapy", "crawl", "scfr", "-a", f"base_url={server.base_url}",
                                    "-s", f"ARCHIVE_DB={archive}", "-s", "LOG_LEVEL=WARNING", "-s", "DOWNLOAD_DELAY=0",
                                    "-s", "AUTOTHROTTLE_ENABLED=0"], cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not archive.exists() or sqlite3.connect(archive).execute(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0] == 0 or \
                    sqlite3.connect(archive).execute("SELECT count(*) FROM articles").fetchone()[0] < 2:
                assert process.poll() is None
                time.sleep(0.05)
            result = export((archive, None), "sqlite", tmp_path / "copy.db")
        finally:
            server.delay = 0
            process.wait(timeout=120)
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert result.exit_code == 0 and copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] >= 2


def test_exports_are_deterministic(archive, tmp_path):
    for name in ("a", "b"):
        export(archive, "jsonl", tmp_path / f"{name}.jsonl")
        export(archive, "warc", tmp_path / f"{name}.warc.gz")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()

    def records(path):
        with path.open("rb") as handle:
            return [(r.rec_headers.get_header("WARC-Record-ID"), r.content_stream().read()) for r in
                    ArchiveIterator(handle) if r.rec_type != "warcinfo"]

    assert records(tmp_path / "a.warc.gz") == records(tmp_path / "b.warc.gz")


@pytest.mark.parametrize("fmt", ["jsonl", "warc", "bagit"])
def test_existing_output_is_not_overwritten_without_force(archive, tmp_path, fmt):
    target = tmp_path / "existing"
    target.write_text("keep me")
    result = export(archive, fmt, target)
    assert result.exit_code == 1 and "--force" in result.output and target.read_text() == "keep me"
    assert export(archive, fmt, target, "--force").exit_code == 0


@pytest.mark.parametrize(("options", "message"), [
    (["--category", "No Such Category"], "holds no article"),
    (["--crawl", "99"], "there is no crawl 99"),
    (["--as-of", "yesterday"], "--as-of must be"),
])
def test_bad_selections_are_clear_errors_and_write_nothing(archive, tmp_path, options, message):
    result = export(archive, "jsonl", tmp_path / "out.jsonl", *options)
    assert result.exit_code == 1 and message in result.output and not (tmp_path / "out.jsonl").exists()


def test_a_path_in_a_missing_folder_is_a_clear_error(archive, tmp_path):
    result = export(archive, "csv", tmp_path / "nowhere" / "out.csv")
    assert result.exit_code == 1 and "does not exist" in result.output


def test_edited_article_really_changed_between_the_crawls(archive):
    revisions = sqlite3.connect(archive[0]).execute(
        "SELECT count(*) FROM revisions WHERE url = ?", [edited_url(archive)]).fetchone()[0]
    assert revisions == 2


def test_pywb_replays_an_archived_article_from_the_wacz(archive, tmp_path):
    assert export(archive, "wacz", tmp_path / "a.wacz").exit_code == 0
    collection = tmp_path / "replay"
    collection.mkdir()
    for command in (["init", "archive"], ["add", "--unpack-wacz", "archive", str(tmp_path / "a.wacz")]):
        subprocess.run([shutil.which("wb-manager"), *command], cwd=collection, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([shutil.which("wayback"), "-p", str(port), "-b", "127.0.0.1"], cwd=collection,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = edited_url(archive)
        page = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive/2030id_/{url}", timeout=10) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert page is not None and ADDED in page  # the newest capture of the article, replayed
    finally:
        server.terminate()
        server.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
