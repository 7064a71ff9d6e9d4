"""Schedules: validation, export to cron/systemd, and the scheduler as a real
process running crawls of the replica — recorded, never overlapping, stopped
cleanly by SIGTERM."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from newsarchive.cli import main
from newsarchive.schedule_export import on_calendar
from newsarchive.schedules import trigger
from tests.conftest import REPO
from tests.replica import ReplicaServer, default_site

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS=4"]


def cli(*args):
    return CliRunner().invoke(main, list(args))


def crawls(archive) -> list[dict]:
    db = sqlite3.connect(archive)
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute("SELECT * FROM crawls ORDER BY id")]


@pytest.mark.parametrize("cron", ["0 */6 * *", "99 * * * *", "0 25 * * *", "every six hours", "@every 0s"])
def test_a_bad_schedule_is_a_clear_error(tmp_path, cron):
    result = cli("schedule", "add", "x", "--archive", str(tmp_path / "a.db"), "--cron", cron)
    assert result.exit_code == 1 and result.output.startswith("Error:") and "Traceback" not in result.output


def test_schedules_persist_in_the_archive(tmp_path):
    archive = str(tmp_path / "a.db")
    assert cli("schedule", "add", "six-hourly", "--archive", archive, "--cron", "0 */6 * * *").exit_code == 0
    listed = json.loads(cli("schedule", "list", "--archive", archive, "--format", "json").output)
    assert [(s["name"], s["cron"]) for s in listed] == [("six-hourly", "0 */6 * * *")]
    assert cli("schedule", "remove", "six-hourly", "--archive", archive).exit_code == 0
    assert json.loads(cli("schedule", "list", "--archive", archive, "--format", "json").output) == []


@pytest.mark.parametrize(("cron", "after", "expected"), [
    ("0 */6 * * *", "2026-11-29T07:00:00+00:00", "2026-11-29T12:00:00+00:00"),
    ("30 6 * * 1", "2026-11-29T12:00:00+00:00", "2026-11-30T06:30:00+00:00"),  # 1 = Monday, as in crontab
    ("0 0 * * 0", "2026-11-30T12:00:00+00:00", "2026-12-06T00:00:00+00:00"),   # 0 = Sunday
])
def test_cron_expressions_mean_what_crontab_means(cron, after, expected):
    due = trigger(cron).get_next_fire_time(None, datetime.fromisoformat(after))
    assert due.astimezone(timezone.utc).isoformat() == expected


@pytest.mark.parametrize(("cron", "calendar"), [("0 */6 * * *", "*-*-* 0/6:0:00"),
                                                 ("30 6 * * 1-5", "Mon..Fri *-*-* 6:30:00")])
def test_systemd_timers_say_the_same_as_cron(cron, calendar):
    assert on_calendar(cron) == calendar


def test_crontab_export_runs_the_same_crawl(tmp_path):
    archive = str(tmp_path / "a.db")
    cli("schedule", "add", "six-hourly", "--archive", archive, "--cron", "0 */6 * * *", "--langs", "en,fa")
    line = cli("schedule", "export", "--crontab", "--archive", archive).output.splitlines()[1]
    assert line.startswith("0 */6 * * * ") and "-m newsarchive crawl --archive" in line and "--langs en,fa" in line


def start_scheduler(archive, logs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsarchive", "scheduler", "--archive", str(archive),
                             "--logs", str(logs)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def scheduled(tmp_path_factory):
    """A scheduler running a crawl every 2 s (each crawl takes longer), stopped by SIGTERM mid-crawl."""
    tmp = tmp_path_factory.mktemp("scheduler")
    archive, logs = tmp / "archive.db", tmp / "logs"
    with ReplicaServer(default_site(), delay=0.12, flaky_paths=[], slow_paths=[]) as server:
        added = cli("schedule", "add", "often", "--archive", str(archive), "--cron", "@every 2s",
                    "--base-url", server.base_url, "--fast", *FAST)
        assert added.exit_code == 0, added.output
        process = start_scheduler(archive, logs)
        deadline = time.monotonic() + 90
        while len(crawls(archive)) < 3 or crawls(archive)[-1]["status"] != "running":
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
        yield archive, logs, process.returncode, output


def test_scheduled_runs_happen_and_are_recorded(scheduled):
    archive, _, _, _ = scheduled
    runs = crawls(archive)
    assert len(runs) >= 3 and all(r["status"] == "finished" for r in runs[:-1])


def test_scheduled_runs_never_overlap(scheduled):
    archive, _, _, output = scheduled
    runs = crawls(archive)
    for earlier, later in zip(runs, runs[1:]):
        assert earlier["finished_at"] <= later["started_at"]
    assert "skipped, a crawl of" in output  # runs came due while one was going


def test_each_run_has_its_own_log(scheduled):
    archive, logs, _, _ = scheduled
    files = sorted(logs.glob("often-*.log"))
    assert len(files) == len(crawls(archive)) and all("-m newsarchive crawl" in f.read_text() for f in files)


def test_sigterm_stops_the_scheduler_and_the_running_crawl_cleanly(scheduled):
    archive, _, returncode, output = scheduled
    last = crawls(archive)[-1]
    assert returncode == 0 and "scheduler stopped" in output
    assert last["status"] != "running" and last["finish_reason"] == "shutdown"


def test_missed_runs_coalesce_into_one_at_start(tmp_path):
    archive, logs = tmp_path / "archive.db", tmp_path / "logs"
    with ReplicaServer(default_site(), flaky_paths=[], slow_paths=[]) as server:
        cli("schedule", "add", "hourly", "--archive", str(archive), "--cron", "0 * * * *",
            "--base-url", server.base_url, "--fast", *FAST)
        db = sqlite3.connect(archive)
        with db:  # last ran two days ago: 48 runs were missed
            db.execute("UPDATE schedules SET last_run_at = '2026-01-01T00:00:00+00:00'")
        process = start_scheduler(archive, logs)
        deadline = time.monotonic() + 60
        while not crawls(archive) or crawls(archive)[0]["status"] == "running":
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.1)
        time.sleep(1.5)
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    assert len(crawls(archive)) == 1 and "missed a run" in output


def test_scrapyd_deploys_the_project_and_runs_the_spider_into_the_archive(tmp_path):
    """A real Scrapyd on 127.0.0.1: scrapyd-deploy (scrapyd-client), schedule.json, the job finishes."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (tmp_path / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {tmp_path}/eggs\n"
        f"logs_dir = {tmp_path}/logs\ndbs_dir = {tmp_path}/dbs\nitems_dir =\nmax_proc = 1\n")
    scrapyd = subprocess.Popen([shutil.which("scrapyd")], cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}"

    def call(endpoint: str, data: dict | None = None) -> dict:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        with urllib.request.urlopen(f"{api}/{endpoint}", data=body, timeout=30) as response:
            return json.loads(response.read())

    archive = tmp_path / "archive.db"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                call("daemonstatus.json")
                break
            except OSError:
                assert time.monotonic() < deadline and scrapyd.poll() is None, "Scrapyd did not start"
                time.sleep(0.2)
        deploy = subprocess.run([shutil.which("scrapyd-deploy")], cwd=REPO, capture_output=True, text=True,
                                env={**os.environ, "SCRAPYD_URL": f"{api}/"}, timeout=120)
        assert deploy.returncode == 0 and '"status": "ok"' in deploy.stdout, deploy.stdout + deploy.stderr
        with ReplicaServer(default_site(), flaky_paths=[], slow_paths=[]) as server:
            job = call("schedule.json", {"project": "newsarchive", "spider": "scfr", "base_url": server.base_url,
                                         "setting": [f"ARCHIVE_DB={archive}", "DOWNLOAD_DELAY=0",
                                                     "AUTOTHROTTLE_ENABLED=0"]})["jobid"]
            deadline = time.monotonic() + 120
            while job not in [j["id"] for j in call("listjobs.json?project=newsarchive")["finished"]]:
                assert time.monotonic() < deadline, "the Scrapyd job did not finish"
                time.sleep(0.5)
    finally:
        scrapyd.terminate()
        scrapyd.wait(timeout=30)
        (REPO / "setup.py").unlink(missing_ok=True)  # scrapyd-deploy leaves the one it generated
    assert len(crawls(archive)) == 1 and crawls(archive)[0]["status"] == "finished"
    assert sqlite3.connect(archive).execute("SELECT count(*) FROM articles").fetchone()[0] == len(default_site().articles())
