"""WARC/1.1 from the raw captures (warcio): warcinfo, then for each capture a
request and a response record — a revisit record when the payload was already
written — and for each exported article a metadata record with its extracted
JSON, pointing at the response it came from (WARC-Refers-To).

Bodies are written exactly as received (still content-encoded when the server
compressed them), so payload digests match the ones taken at crawl time.
Record ids are derived from the archive's ids, so the same archive and
options give the same bytes except for the declared timestamps of warcinfo.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from io import BytesIO
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive.archive import Archive

NAMESPACE = uuid.UUID("8f1c0d1e-1f2a-4c3b-9d4e-5f6a7b8c9d0e")
DROPPED_HEADERS = {"transfer-encoding"}  # the stored body is already de-chunked
REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 404: "Not Found",
           410: "Gone", 500: "Internal Server Error", 503: "Service Unavailable"}


def record_id(*parts: object) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, ':'.join(map(str, parts)))}>"


def warc_date(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _http_headers(raw: str, first_line: str, body_length: int | None, request: bool) -> StatusAndHeaders:
    headers = [(k, v) for k, v in json.loads(raw or "{}").items() if k.lower() not in DROPPED_HEADERS]
    if body_length is not None:
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + [("Content-Length", str(body_length))]
    return StatusAndHeaders(first_line, headers, protocol="HTTP/1.1", is_http_request=request)


def captures_for(archive: Archive, capture_ids: set[int] | None, cutoff: str | None, crawl: int | None):
    """Captures in fetch order: those listed, or all within the time/crawl bounds."""
    where, params = [], []
    if cutoff:
        where.append("fetched_at < ?")
        params.append(cutoff)
    if crawl is not None:
        where.append("crawl_id <= ?")
        params.append(crawl)
    sql = "SELECT id, url, method, status, request_headers, response_headers, payload_digest, fetched_at FROM captures"
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    for row in archive.db.execute(sql, params):
        if capture_ids is None or row[0] in capture_ids:
            yield row


def write_warc(archive: Archive, out: BinaryIO, articles: Iterable[dict[str, Any]], *, filename: str,
               captures: Iterable[tuple], info: dict[str, str]) -> dict[str, int]:
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = "".join(f"{k}: {v}\r\n" for k, v in info.items() if v).encode("utf-8")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=BytesIO(fields), length=len(fields), warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": record_id("warcinfo", filename), "WARC-Date": now,
                           "WARC-Filename": filename}))
    written: dict[str, tuple[str, str]] = {}  # payload digest -> (uri, date) of its first response
    responses: dict[int, str] = {}
    counts = {"request": 0, "response": 0, "revisit": 0, "metadata": 0}
    for capture_id, url, method, status, request_headers, response_headers, digest, fetched_at in captures:
        date = warc_date(fetched_at)
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        writer.write_record(writer.create_warc_record(
            url, "request", http_headers=_http_headers(request_headers, f"{method} {target} HTTP/1.1", None, True),
            warc_headers_dict={"WARC-Record-ID": record_id("request", capture_id), "WARC-Date": date}))
        counts["request"] += 1
        status_line = f"{status} {REASONS.get(status, 'Status')}"
        warc_headers = {"WARC-Record-ID": record_id("response", capture_id), "WARC-Date": date,
                        "WARC-Concurrent-To": record_id("request", capture_id)}
        if digest and digest in written:
            refers_to_uri, refers_to_date = written[digest]
            record = writer.create_revisit_record(
                url, digest, refers_to_uri, refers_to_date,
                http_headers=_http_headers(response_headers, status_line, 0, False), warc_headers_dict=warc_headers)
            counts["revisit"] += 1
        else:
            body = archive.payload(digest) if digest else b""
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), length=len(body),
                http_headers=_http_headers(response_headers, status_line, len(body), False),
                warc_headers_dict=warc_headers)
            if digest:
                written[digest] = (url, date)
            counts["response"] += 1
        writer.write_record(record)
        responses[capture_id] = warc_headers["WARC-Record-ID"]
    for article in articles:
        payload = json.dumps(article, ensure_ascii=False, sort_keys=True).encode("utf-8")
        headers = {"WARC-Record-ID": record_id("metadata", article["revision_id"]),
                   "WARC-Date": warc_date(article["revision_fetched_at"])}
        if article.get("capture_id") in responses:
            headers["WARC-Refers-To"] = responses[article["capture_id"]]
        writer.write_record(writer.create_warc_record(
            article["url"], "metadata", payload=BytesIO(payload), length=len(payload),
            warc_content_type="application/json", warc_headers_dict=headers))
        counts["metadata"] += 1
    return counts
