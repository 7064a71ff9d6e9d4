"""The replica site written to disk as static files and served by Debian's nginx.

Why: the Python ``ReplicaServer`` renders pages under the GIL (listings, feed and
sitemaps on every request, articles once into a bounded cache), so at benchmark
rates the server, not the crawler, can set the pace. nginx serving pre-rendered
files — and pre-compressed ``.gz`` copies, the very bytes the Python server sends
(``gzip_static``) — costs next to nothing per request.

    port = free_port()
    static = write_static_site(generated_site(1000), Path("/tmp/replica"), port)
    with NginxReplica(static.directory) as nginx:      # nginx.base_url == static.base_url
        crawl(nginx.base_url)

    python -m benchmarks.static_site 1000 /tmp/replica [--seed 21] [--port 8080] [--serve]

The pages are rendered by ``ReplicaServer.respond`` (no HTTP) for the nginx origin,
so every absolute link points at nginx. Which paths: a breadth-first walk from
robots.txt, ``/``, ``/en/`` and the feed, following every link, sitemap ``<loc>``,
feed URL and redirect that stays on the origin. Redirects the walk meets
(shortlinks ``/en/?p=ID``, ``/en/page/1/``, alias paths without the trailing
slash, the replica's redirect loop) become an nginx ``map`` on ``$request_uri``.
A URL with a query string that answers 200 is served from its path's file (nginx
ignores the query, as the replica does for tracking parameters); its links are
not followed (search, calendar months: out of the crawl's scope and endless).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from w3lib.url import safe_url_string

from tests.replica import ReplicaServer, Site, generated_site
from tests.replica.server import COMPRESSIBLE, Response

START_PATHS = ("/robots.txt", "/", "/en/", "/en/feed/")
REDIRECTS = (301, 302, 303, 307, 308)
# Extensions nginx maps to a type (``types``); the charset module adds "; charset=utf-8" to CHARSET_TYPES.
TYPES = {"html": "text/html", "rss": "application/rss+xml", "xml": "application/xml", "txt": "text/plain",
         "css": "text/css", "js": "application/javascript", "jpg": "image/jpeg", "jpeg": "image/jpeg",
         "png": "image/png", "gif": "image/gif", "pdf": "application/pdf", "json": "application/json"}
CHARSET_TYPES = ("text/html", "text/plain", "application/xml", "application/rss+xml")
INDEX_EXTENSIONS = ("html", "rss", "xml", "txt")  # index.EXT of a path that ends in "/" (by its type)
NOT_FOUND_FILE = "/_replica/404.html"
ABSOLUTE = r"[^\s\"'<>\\]*"  # the rest of an absolute URL found in any text
# href/src values that are not absolute (those are found as absolute URLs): resolved against the page.
RELATIVE = re.compile(r"""\b(?:href|src)\s*=\s*["'](?![a-z][a-z0-9+.-]*:|//)([^"'<>]*)["']""", re.I)
UNSAFE_IN_CONFIG = re.compile(r"[\s\"'\\${};]")
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")
INSTALL_HINT = ("install Debian's nginx: `apt-get install -y nginx` (.ci/run does it), "
                "or set NGINX=/path/to/nginx")


class NginxNotFound(RuntimeError):
    """nginx is not installed: the crawl benchmark serves its replica with it."""


@dataclass
class StaticSite:
    """What write_static_site wrote: a document root plus nginx include files, for one origin."""

    directory: Path
    host: str
    port: int
    files: int = 0
    redirects: int = 0
    bytes: int = 0  # uncompressed bodies
    gzip_bytes: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # status (or reason) -> URLs not written
    seconds: float = 0.0

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @classmethod
    def load(cls, directory: Path) -> "StaticSite":
        meta = json.loads((Path(directory) / "site.json").read_text())
        meta["directory"] = Path(directory)
        meta.pop("base_url", None)
        return cls(**meta)


def free_port(host: str = "127.0.0.1") -> int:
    """A port free right now on host (the site is rendered for it before nginx binds it)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _content_type(response: Response) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"; charset None when absent."""
    mime, _, params = (response.content_type or "application/octet-stream").partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset":
            charset = value.strip().strip('"').lower()
    return mime.strip().lower(), charset


def _nginx_content_type(extension: str) -> tuple[str, str | None]:
    """What the generated config makes nginx send for a file with this extension."""
    mime = TYPES.get(extension.lower(), "application/octet-stream")
    return mime, "utf-8" if mime in CHARSET_TYPES else None


def _links(text: str, page_url: str, origin: str) -> Iterator[str]:
    """Every URL on origin that a page names: absolute ones anywhere (sitemap <loc>, feed <link>,
    robots Sitemap: lines, JSON-LD) and relative href/src values, resolved against the page."""
    for match in re.finditer(re.escape(origin) + ABSOLUTE, text):
        yield match.group(0)
    for match in RELATIVE.finditer(text):
        yield urljoin(page_url, match.group(1))


def _target(url: str, origin: str) -> str | None:
    """path?query of a URL on origin (no fragment), in the form Scrapy sends; None off the origin."""
    url = urldefrag(url)[0]
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}".lower() != origin.lower():
        return None
    safe = urlsplit(safe_url_string(url))
    return (safe.path or "/") + (f"?{safe.query}" if safe.query else "")


def walk(server: ReplicaServer, start: tuple[str, ...] = START_PATHS,
         limit: int | None = None) -> Iterator[tuple[str, Response]]:
    """(path?query, response) of every URL reachable on the server's origin, breadth first,
    answered by ``server.respond`` without HTTP (it clears the server's request log as it goes).
    Raises when more than ``limit`` URLs are reached (a trap); the default is 20 per article + 5 000."""
    origin = server.base_url
    if limit is None:
        limit = 20 * len(server.site.articles()) + 5000
    queue: deque[str] = deque(start)
    seen: set[str] = set(start)
    named: set[str] = set()  # links as written: pages repeat the same menus, sidebars and footers

    def push(url: str) -> None:
        if url in named:
            return
        named.add(url)
        target = _target(html.unescape(url), origin)
        if target is not None and target not in seen:
            seen.add(target)
            queue.append(target)

    answered = 0
    while queue:
        target = queue.popleft()
        answered += 1
        if answered > limit:
            raise RuntimeError(f"the walk of {origin} reached more than {limit} URLs: a trap? last: {target}")
        if answered % 5000 == 0:
            server.reset_log()  # respond() logs every request; nobody reads this log
        response = server.respond("GET", target, {})
        if response.status in REDIRECTS and "Location" in response.headers:
            push(urljoin(origin + target, response.headers["Location"]))
        elif response.status == 200 and "?" in target:
            push(origin + target.partition("?")[0])  # served from its path's file: make sure it exists
        elif response.status == 200:
            mime, charset = _content_type(response)
            if mime.startswith("text/") or "xml" in mime:
                text = response.body.decode(charset or "utf-8", errors="replace")
                for url in _links(text, origin + target, origin):
                    push(url)
        yield target, response


def _config_string(value: str) -> str:
    return '"' + value + '"'


def write_static_site(site: Site | ReplicaServer, directory: Path, port: int | None = None,
                      host: str = "127.0.0.1") -> StaticSite:
    """Render every reachable page of a replica for http://host:port into directory (emptied first).

    ``site`` is a Site (rendered by a fresh ReplicaServer without flaky or slow URLs) or a
    ReplicaServer that is not serving (its host and port name the origin; port must be set).
    Writes ``root/`` (the pages; ``.gz`` beside every compressible one, the bytes the Python
    server sends; file times = Last-Modified), ``http.conf`` and ``server.conf`` (nginx
    includes: types, redirect maps, try_files) and ``site.json``.
    """
    started = time.perf_counter()
    if isinstance(site, ReplicaServer):
        server = site
    else:
        if port is None:
            raise ValueError("port is required to render a Site")
        server = ReplicaServer(site, host=host, port=port, flaky_paths=(), slow_paths=())
    if server.port == 0:
        raise ValueError("the origin's port must be known before rendering (every page links to it)")
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        if not (directory / "site.json").exists():
            raise ValueError(f"refusing to empty {directory}: it holds no static site written here")
        shutil.rmtree(directory)
    root = directory / "root"
    root.mkdir(parents=True)
    result = StaticSite(directory=directory, host=server.host, port=server.port)
    skipped: Counter[str] = Counter()
    redirects: dict[int, dict[str, str]] = {}
    overrides: list[str] = []  # exact locations for files whose type the extension does not give
    index_extensions: set[str] = set()
    written: set[Path] = set()
    directories: set[Path] = set()
    lock = threading.Lock()
    in_flight = threading.BoundedSemaphore(64)  # bodies waiting for gzip + write: bounded memory

    def store(file: Path, body: bytes, compress: bool, modified: float | None) -> None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(body)
            packed = 0
            if compress:
                gz = file.with_name(file.name + ".gz")
                data = gzip.compress(body, mtime=0)  # as ReplicaServer._finish: the same bytes on the wire
                gz.write_bytes(data)
                packed = len(data)
            if modified is not None:
                os.utime(file, (modified, modified))
                if compress:
                    os.utime(gz, (modified, modified))
            with lock:
                result.gzip_bytes += packed
        finally:
            in_flight.release()

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:  # zlib runs without the GIL
        futures = []
        for target, response in walk(server):
            if response.status in REDIRECTS and "Location" in response.headers:
                location = urljoin(server.base_url + target, response.headers["Location"])
                if UNSAFE_IN_CONFIG.search(target) or UNSAFE_IN_CONFIG.search(location):
                    skipped["redirect not expressible in nginx config"] += 1
                else:
                    redirects.setdefault(response.status, {})[target] = location
                continue
            if response.status != 200 or "?" in target:
                if response.status != 200:
                    skipped[str(response.status)] += 1
                continue
            path = unquote(target)
            if any(segment in (".", "..") for segment in path.split("/")):
                skipped["path with dot segments"] += 1  # nginx normalises them; never a file outside root
                continue
            mime, charset = _content_type(response)
            if path.endswith("/"):
                extension = next((e for e in INDEX_EXTENSIONS if TYPES[e] == mime), "html")
                index_extensions.add(extension)
                file = root / path.lstrip("/") / f"index.{extension}"
            else:
                extension = path.rsplit("/", 1)[-1].rpartition(".")[2] if "." in path.rsplit("/", 1)[-1] else ""
                file = root / path.lstrip("/")
            if file in written:  # the same path spelled differently (e.g. %d8 / %D8): one file serves both
                skipped["same file as another URL"] += 1
                continue
            if file in directories or any(parent in written for parent in file.parents):
                skipped["path clashes with another file"] += 1
                continue
            if (mime, charset) != _nginx_content_type(extension):
                if UNSAFE_IN_CONFIG.search(path):
                    skipped["content type not expressible in nginx config"] += 1
                    continue
                overrides.append(
                    f"location = {_config_string(path)} {{ types {{ }} default_type {_config_string(mime)}; "
                    f"charset {charset or 'off'}; try_files $uri $uri/index.{extension} =404; }}")
            written.add(file)
            directories.update(file.parents)
            modified = response.headers.get("Last-Modified")
            mtime = parsedate_to_datetime(modified).timestamp() if modified else None
            compress = bool(response.body) and (response.content_type or "").startswith(COMPRESSIBLE)
            result.files += 1
            result.bytes += len(response.body)
            in_flight.acquire()
            futures.append(pool.submit(store, file, response.body, compress, mtime))
        missing = server.respond("GET", "/_replica/no-such-page/", {})
        in_flight.acquire()
        futures.append(pool.submit(store, root / NOT_FOUND_FILE.lstrip("/"), missing.body, True, None))
        for future in futures:
            future.result()  # re-raise any write error

    result.redirects = sum(len(entries) for entries in redirects.values())
    result.skipped = dict(skipped)
    longest = max((len(k) + len(v) for entries in redirects.values() for k, v in entries.items()), default=0)
    http_conf = [
        "# Written by benchmarks/static_site.py: types, charsets and redirect maps of the replica.",
        "types {", *(f"    {mime} {ext};" for ext, mime in TYPES.items()), "}",
        "default_type application/octet-stream;",
        "charset utf-8;",
        f"charset_types {' '.join(t for t in CHARSET_TYPES if t != 'text/html')};",  # text/html: always
        f"map_hash_bucket_size {max(128, 1 << (longest + 64).bit_length())};",
        f"map_hash_max_size {max(2048, 1 << (4 * result.redirects).bit_length())};",
    ]
    server_conf = ["# Written by benchmarks/static_site.py: redirects, then the files."]
    for status, entries in sorted(redirects.items()):
        http_conf += [f"map $request_uri $replica_redirect_{status} {{", '    default "";',
                      *(f"    {_config_string(k)} {_config_string(v)};" for k, v in entries.items()), "}"]
        server_conf.append(f"if ($replica_redirect_{status}) {{ return {status} $replica_redirect_{status}; }}")
    tries = " ".join(f"$uri/index.{e}" for e in INDEX_EXTENSIONS if e in index_extensions)
    server_conf += [
        f"error_page 404 {NOT_FOUND_FILE};",
        f"location = {NOT_FOUND_FILE} {{ internal; }}",
        *overrides,
        f"location / {{ try_files $uri {tries} =404; }}",
    ]
    (directory / "http.conf").write_text("\n".join(http_conf) + "\n")
    (directory / "server.conf").write_text("\n".join(server_conf) + "\n")
    result.seconds = time.perf_counter() - started
    (directory / "site.json").write_text(json.dumps(
        {**{k: v for k, v in asdict(result).items() if k != "directory"}, "base_url": result.base_url}, indent=2))
    return result


def find_nginx() -> str:
    """Path of the nginx binary ($NGINX, nginx on PATH, Debian's /usr/sbin/nginx), or NginxNotFound."""
    candidates = [os.environ.get("NGINX"), shutil.which("nginx"), *NGINX_CANDIDATES]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise NginxNotFound(f"nginx not found (looked at $NGINX, PATH, {', '.join(NGINX_CANDIDATES)}): {INSTALL_HINT}")


def _stop_with_parent() -> None:
    """In the child before exec: SIGTERM (nginx's fast shutdown) when the benchmark dies, even by
    SIGKILL, so no nginx outlives it holding the port (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class NginxReplica:
    """nginx serving a directory written by write_static_site, on that site's host:port.

    Started as a non-daemon child (master + one worker) with a private config; pid, logs
    and temp paths live in a temporary directory; stopped (SIGQUIT, then SIGKILL) on exit.
    """

    def __init__(self, directory: Path, *, workers: int = 1, keepalive: bool = True,
                 start_timeout: float = 10.0) -> None:
        self.site = StaticSite.load(directory)
        self.directory = Path(directory).resolve()
        self.workers = workers
        self.keepalive = keepalive
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None

    @property
    def base_url(self) -> str:
        return self.site.base_url

    def url(self, path: str) -> str:
        """Absolute URL of a root-relative path."""
        return self.base_url + path

    def config(self, tmp: Path) -> str:
        """The whole nginx.conf: everything private to tmp, nothing from /etc/nginx."""
        user = "user root;" if os.geteuid() == 0 else ""  # workers must read a 0700 temp directory
        temp_paths = "\n".join(f"    {name}_temp_path {tmp / name};"
                               for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        return f"""# Written by benchmarks/static_site.py (NginxReplica).
{user}
worker_processes {self.workers};
daemon off;
pid {tmp / 'nginx.pid'};
error_log {tmp / 'error.log'} warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    server_tokens off;
{temp_paths}
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout {65 if self.keepalive else 0};
    keepalive_requests 100000;
    open_file_cache max=1000 inactive=20s;  # far below the open-files limit (nginx fails with 500s past it)
    gzip_static on;
    gzip on;
    gzip_vary on;
    gzip_min_length 1;
    gzip_types text/plain text/css application/xml application/rss+xml application/javascript;
    include {self.directory / 'http.conf'};
    server {{
        listen {self.site.host}:{self.site.port};
        server_name _;
        root {self.directory / 'root'};
        include {self.directory / 'server.conf'};
    }}
}}
"""

    def start(self) -> "NginxReplica":
        binary = find_nginx()
        self._tmp = tempfile.TemporaryDirectory(prefix="nginx-replica-")
        tmp = Path(self._tmp.name)
        (tmp / "nginx.conf").write_text(self.config(tmp))
        self.process = subprocess.Popen(
            [binary, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            preexec_fn=_stop_with_parent)
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self.process.poll() is not None:
                self._fail(f"nginx exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url("/robots.txt"), timeout=1) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                self._fail(f"nginx did not answer on {self.base_url} within {self.start_timeout:.0f} s")
            time.sleep(0.05)

    def _fail(self, what: str) -> None:
        log = self.error_log()
        stderr = b""
        if self.process is not None and self.process.poll() is not None and self.process.stderr:
            stderr = self.process.stderr.read()
        self.stop()
        raise RuntimeError(f"{what}\n{stderr.decode(errors='replace')}{log[-3000:]}")

    def error_log(self) -> str:
        """nginx's error log so far ('' when none)."""
        if self._tmp is None:
            return ""
        log = Path(self._tmp.name) / "error.log"
        return log.read_text(errors="replace") if log.exists() else ""

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the master and its workers (Linux /proc)."""
        if self.process is None:
            return 0.0
        pids = [self.process.pid]
        try:
            pids += [int(p) for p in Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
                     .read_text().split()]
        except OSError:
            pass
        ticks = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGQUIT)  # graceful: the master stops its workers
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None and process.stderr:
            process.stderr.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "NginxReplica":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    """Write a generated replica for a port and, with --serve, serve it until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.static_site", description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--port", type=int, default=0, help="port nginx will listen on (default: a free one)")
    parser.add_argument("--serve", action="store_true", help="then serve it with nginx until Ctrl-C")
    args = parser.parse_args()
    static = write_static_site(generated_site(args.articles, seed=args.seed), args.directory,
                               args.port or free_port())
    print(json.dumps({**asdict(static), "directory": str(static.directory), "base_url": static.base_url}, indent=2))
    if args.serve:
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # kill PID stops nginx as Ctrl-C does
        with NginxReplica(args.directory) as nginx:
            print(f"serving {nginx.base_url}/en/ (Ctrl-C stops)", flush=True)
            try:
                nginx.process.wait()  # type: ignore[union-attr]
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
