"""Export throughput: jsonl and warc against simply reading the same rows.

    python -m benchmarks.exports [--articles 10000] [--json results.json]

Builds an archive of generated articles, each with a raw capture of its page
(stored through the real ``Archive`` API), then times the plain read of the
article rows from SQLite (the baseline), the JSONL export and the WARC export,
and prints articles/s for each and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.archives import generated_archive
from exports import Selection, export


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def run(n_articles: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        archive = generated_archive(Path(tmp) / "archive.db", n_articles, seed=13, distinct=2000, captures=True)
        read = timed(lambda: archive.db.execute("SELECT * FROM articles").fetchall())
        jsonl = timed(lambda: export(archive, "jsonl", Path(tmp) / "a.jsonl", Selection(), progress=False))
        warc = timed(lambda: export(archive, "warc", Path(tmp) / "a.warc.gz", Selection(), progress=False))
        archive.close()
    return {"articles": n_articles, "read_rows_s": read, "jsonl_s": jsonl, "warc_s": warc}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = run(args.articles)
    n = result["articles"]
    print(f"Export throughput, {n} articles with one capture each")
    print(f"{'':34} {'seconds':>8} {'articles/s':>11} {'vs read':>8}")
    for label, key in (("read the rows (baseline)", "read_rows_s"), ("export jsonl", "jsonl_s"),
                       ("export warc (captures + metadata)", "warc_s")):
        print(f"{label:34} {result[key]:>8.2f} {n / result[key]:>11.0f} {result[key] / result['read_rows_s']:>7.1f}x")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
