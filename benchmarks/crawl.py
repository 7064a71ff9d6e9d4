"""Crawl throughput and memory: the full newsarchive crawl against a bare
Scrapy spider fetching the same URLs, on a generated replica served on 127.0.0.1;
and which server is the bottleneck.

The replica is written to disk as static files (``static_site.py``) and served by
Debian's nginx, so the server costs next to nothing and needs no warm-up: both
crawlers run as separate processes with the same fast local settings; pages/s is
responses over wall time; peak memory is the crawl process's maximum RSS.

Server comparison: the bare spider fetches the same URL list (same paths, same
bytes) once from nginx and once from the Python ``ReplicaServer`` with a warm page
cache (every URL answered once in-process first, no HTTP). If the Python server
were not the bottleneck both runs would go at the same pace. CPU seconds of the
server and of the spider during each run (share of one core) say who was busy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from benchmarks.static_site import (NginxNotFound, NginxReplica, StaticSite, find_nginx, free_port,
                                    write_static_site)
from tests.conftest import FAST, REPO
from tests.replica import ReplicaServer, Site, generated_site

MEASURE = ("import resource, subprocess, sys; status = subprocess.call(sys.argv[1:]); "
           "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(usage.ru_utime + usage.ru_stime); print(usage.ru_maxrss); sys.exit(status)")
SEED = 21


def measured(command: list[str]) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in MB, CPU seconds) of a command run as a child of a fresh process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    cpu, mb = _measure_output(result.stdout)
    return elapsed, mb, cpu


def _measure_output(stdout: str) -> tuple[float, int]:
    """(CPU seconds, peak RSS in MB of the largest process) as the MEASURE wrapper prints them."""
    cpu, rss = stdout.strip().splitlines()[-2:]
    return float(cpu), int(rss) // 1024


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [pid] + [p for child in children for p in process_tree(int(child))]


def cpu_and_rss(pid: int) -> tuple[float, int]:
    """(CPU seconds, resident kB) of one running process, (0, 0) once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError):
        return 0.0, 0
    return (int(stat[11]) + int(stat[12])) / CLOCK_TICKS, rss


def sampled_crawl(command: list[str], archive: Path, every: float = 0.25) -> dict:
    """Run the full crawl as ``measured`` does, and sample every ``every`` seconds the CPU of its
    own process (the one thread that downloads, schedules and stores), the CPU and resident
    memory of all its processes (with the page reader), and how many responses it has captured."""
    samples = []
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        wrapper = subprocess.Popen([sys.executable, "-c", MEASURE, *command], cwd=REPO, stdout=subprocess.PIPE,
                                   stderr=errors, text=True)
        while wrapper.poll() is None:
            time.sleep(every)
            tree = process_tree(wrapper.pid)[1:]  # the crawl, then its page reader(s)
            usage = [cpu_and_rss(pid) for pid in tree]
            if usage and usage[0][0]:
                samples.append({"seconds": time.perf_counter() - started, "responses": _captured(archive),
                                "crawl_cpu_s": usage[0][0], "all_cpu_s": sum(c for c, _ in usage),
                                "rss_mb": sum(r for _, r in usage) / 1024, "processes": len(tree)})
        elapsed = time.perf_counter() - started
        if wrapper.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{errors.read()[-3000:]}")
    cpu, largest_mb = _measure_output(wrapper.stdout.read())
    db = sqlite3.connect(archive)
    own_cpu = json.loads(db.execute("SELECT stats FROM crawls ORDER BY id DESC").fetchone()[0])[
        "newsarchive/crawl_process_cpu_s"]
    db.close()
    return {"seconds": elapsed, "cpu_s": cpu, "crawl_process_cpu_s": own_cpu,
            "largest_process_rss_mb": largest_mb, "samples": samples}


def _captured(archive: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT coalesce(max(id), 0) FROM captures").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:  # not created yet, or busy
        return 0


def growth(samples: list[dict], parts: int = 5) -> list[dict]:
    """CPU per page of the crawl's own process in each fifth of the crawl (by responses):
    flat when the cost per page does not grow with the archive."""
    rows, last = [], {"responses": 0, "crawl_cpu_s": 0.0, "all_cpu_s": 0.0}
    total = samples[-1]["responses"] if samples else 0
    for part in range(1, parts + 1):
        sample = next((s for s in samples if s["responses"] >= total * part / parts), None)
        if sample is None or sample["responses"] == last["responses"]:
            continue
        pages = sample["responses"] - last["responses"]
        rows.append({"up_to_responses": sample["responses"],
                     "crawl_cpu_ms_per_page": 1000 * (sample["crawl_cpu_s"] - last["crawl_cpu_s"]) / pages,
                     "all_cpu_ms_per_page": 1000 * (sample["all_cpu_s"] - last["all_cpu_s"]) / pages})
        last = sample
    return rows


def settings_args() -> list[str]:
    return [arg for name, value in {**FAST, "LOG_LEVEL": "WARNING"}.items() for arg in ("-s", f"{name}={value}")]


def own_cpu_seconds() -> float:
    """CPU seconds of this process: the Python replica's threads while a child crawls."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bare_run(urls: Path, server_cpu: Callable[[], float]) -> dict:
    """The bare spider over a URL file, with the CPU the server (``server_cpu()``) spent meanwhile."""
    before = server_cpu()
    seconds, mb, cpu = measured([sys.executable, "-m", "scrapy", "runspider", "benchmarks/bare_spider.py",
                                 "-a", f"urls={urls}", *settings_args()])
    fetched = len(urls.read_text().split())
    server = server_cpu() - before
    return {"seconds": seconds, "responses": fetched, "pages_per_s": fetched / seconds, "peak_rss_mb": mb,
            "spider_cpu_share": cpu / seconds, "cpu_ms_per_page": 1000 * cpu / max(fetched, 1), "server_cpu_s": server, "server_cpu_share": server / seconds,
            "server_cpu_ms_per_page": 1000 * server / max(fetched, 1)}


SERVER_COMPARISON_MAX = 5000  # the Python server keeps every rendered page in memory


def run(n_articles: int, site_dir: Path | None = None) -> dict:
    """Figures of one replica size: full crawl and bare spider on nginx, and (up to
    ``SERVER_COMPARISON_MAX`` articles) the bare spider on the Python server.
    With ``site_dir``, the static site is written there once and kept, and a later
    run with the same folder serves it again (writing 50 000 articles takes ~15 min)."""
    try:
        find_nginx()  # before minutes of rendering
    except NginxNotFound as error:
        raise SystemExit(f"crawl benchmark: {error}") from None
    site = generated_site(n_articles, seed=SEED)
    with tempfile.TemporaryDirectory() as tmp:
        if site_dir is not None and (site_dir / "site.json").is_file():
            static = StaticSite.load(site_dir)
        else:
            static = write_static_site(site, site_dir or Path(tmp) / "site", free_port())
        with NginxReplica(static.directory) as nginx:
            crawl = [sys.executable, "-m", "scrapy", "crawl", "scfr", "-a", f"base_url={nginx.base_url}",
                     *settings_args()]
            archive = Path(tmp) / "archive.db"
            sampled = sampled_crawl([*crawl, "-s", f"ARCHIVE_DB={archive}"], archive)
            db = sqlite3.connect(archive)
            responses = db.execute("SELECT count(*) FROM captures").fetchone()[0]
            stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            paths = [r[0][len(nginx.base_url):] for r in db.execute(
                "SELECT url FROM captures WHERE status = 200 AND url NOT LIKE '%robots.txt'")]
            db.close()
            if stored != len(site.articles()):  # the one check: the static copy holds the whole site
                raise SystemExit(f"the crawl of the nginx replica stored {stored} of {len(site.articles())} "
                                 f"articles: the static site misses pages ({nginx.error_log()[-1000:]})")
            urls = Path(tmp) / "urls.txt"
            urls.write_text("\n".join(nginx.base_url + p for p in paths))
            bare = bare_run(urls, nginx.cpu_seconds)
        if n_articles > SERVER_COMPARISON_MAX:
            bare_python = None
        else:
            bare_python = python_server_run(site, paths, Path(tmp))
    return {"articles": n_articles, "stored": stored, "server": "nginx", "cores": len(os.sched_getaffinity(0)),
            "full": _summary(sampled, responses),
            "bare": bare, **({"bare_python_server": bare_python} if bare_python else {}),
            "static_site": {"seconds": static.seconds, "files": static.files, "redirects": static.redirects,
                            "megabytes": static.bytes / 1e6, "gzip_megabytes": static.gzip_bytes / 1e6}}


def _summary(sampled: dict, responses: int) -> dict:
    """The full crawl: pages/s, CPU per page of all its processes and of its own process
    alone (the figure to set beside the bare spider's, which does everything on that one
    thread), peak memory of all its processes together, and CPU per page through the crawl."""
    samples = sampled["samples"]
    return {"seconds": sampled["seconds"], "responses": responses, "pages_per_s": responses / sampled["seconds"],
            "cpu_share": sampled["cpu_s"] / sampled["seconds"], "cpu_ms_per_page": 1000 * sampled["cpu_s"] / max(responses, 1),
            "crawl_process_cpu_ms_per_page": 1000 * sampled["crawl_process_cpu_s"] / max(responses, 1),
            "peak_rss_mb": max(round(max((s["rss_mb"] for s in samples), default=0)), sampled["largest_process_rss_mb"]),
            "largest_process_rss_mb": sampled["largest_process_rss_mb"],
            "processes": max((s["processes"] for s in samples), default=0), "growth": growth(samples),
            "samples": samples[:: max(1, len(samples) // 200)]}


def python_server_run(site: Site, paths: list[str], tmp: Path) -> dict:
    """The bare spider over the same paths, served by the Python replica server with a warm page cache."""
    with ReplicaServer(site, flaky_paths=[], slow_paths=[]) as python:
        for path in paths:  # warm the page cache in-process, as the old warm-up crawl did
            python.respond("GET", path, {"Accept-Encoding": "gzip"})
        python.reset_log()
        python_urls = tmp / "python-urls.txt"
        python_urls.write_text("\n".join(python.base_url + p for p in paths))
        return bare_run(python_urls, own_cpu_seconds)

if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crawl", description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=500)
    parser.add_argument("--site", type=Path, help="write the static site here and keep it; serve it again if it is there")
    args = parser.parse_args()
    print(json.dumps(run(args.articles, args.site), indent=2))
