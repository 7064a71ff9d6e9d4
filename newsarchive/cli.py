"""The ``newsarchive`` command: a thin layer over the Python API."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from crawler.pages.leads import TYPES
from crawler.urls import DEFAULT_BASE_URL, LANGS, SiteUrls, parse_langs
from exports import FORMATS, Selection, SelectionError
from exports import export as export_archive
from exports import verify as verify_bag
from newsarchive.archive import Archive, ArchiveError
from newsarchive.lock import ArchiveBusy
from newsarchive import schedule_export as schedule_export_
from newsarchive import schedules
from newsarchive.crawl import CrawlError, is_loopback, run_crawl
from newsarchive.scheduler import Scheduler
from newsarchive import output
from newsarchive.history import diff, revisions
from newsarchive.files import OutputError
from newsarchive.report import write_report
from newsarchive.search import GROUPS, HIGHLIGHT, Filters, search
from newsarchive.search import count_by as count_by_
from newsarchive.coverage import audit
from newsarchive.stats import archive_stats, coverage_rows, health

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARCHIVE_OPTION = click.option("--archive", "-a", "archive", default="archive.db", show_default=True,
                              type=click.Path(dir_okay=False), help="The archive's SQLite file.")


@click.group()
@click.version_option(package_name="newsarchive")
def main() -> None:
    """Crawl Strategic Council Online into a deduplicated SQLite archive, and use the archive."""


@main.command()
@ARCHIVE_OPTION
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True, help="The site's origin.")
@click.option("--langs", default="en", show_default=True, help="Editions to crawl: en, fa, ar, a combination (en,fa,ar) or all.")
@click.option("--revisit", type=click.Choice(["all"]), help="Revisit every known article (conditionally).")
@click.option("--full", is_flag=True, help="Ignore what the archive knows and walk the whole site.")
@click.option("--fast", is_flag=True, help="No delays or throttling: only for a copy of the site on this machine.")
@click.option("--set", "-s", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
@click.option("--progress/--no-progress", default=None,
              help="Live progress display instead of the log [default: on when stderr is a terminal].")
def crawl(archive: str, base_url: str, langs: str, revisit: str | None, full: bool, fast: bool,
          overrides: tuple[str, ...], progress: bool | None) -> None:
    """Run one crawl (the same as `scrapy crawl scfr`). Exits 1 if it failed,
    2 if extraction drift was detected (see the crawl's `drift`).

    Into an archive that already knows the site, the crawl is incremental:
    new articles, and known ones when due (see README)."""
    settings = {}
    for override in overrides:
        name, sep, value = override.partition("=")
        if not sep:
            raise click.BadParameter(f"expected NAME=VALUE, got {override!r}", param_hint="--set")
        settings[name] = value
    if progress if progress is not None else sys.stderr.isatty():
        settings.setdefault("NEWSARCHIVE_PROGRESS", True)
        settings.setdefault("LOG_LEVEL", "WARNING")  # the display replaces the log lines
    try:
        row = run_crawl(archive, base_url=base_url, langs=langs, fast=fast, overrides=settings,
                        spider_args={"revisit": revisit, "full": "1" if full else None})
    except (CrawlError, ArchiveError, ArchiveBusy, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"crawl {row['id']} {row['status']} ({row['mode']}, {row['finish_reason']}): {row['requests']} requests; "
               f"{row['articles_new']} new, {row['articles_changed']} changed, {row['articles_unchanged']} unchanged, "
               f"{row['articles_gone']} gone, {row['items_dropped']} dropped, {row['failures']} failed; "
               f"coverage: {row['listed'] or 0} posts listed, {row['missing'] or 0} missing")
    if row["missing"]:
        click.echo(f"{row['missing']} listed posts are not in the archive, neither failed nor skipped: "
                   f"`newsarchive audit --archive {archive}` lists them", err=True)
    for alarm in json.loads(row["drift"] or "[]"):
        click.echo(f"extraction drift: {alarm}", err=True)
    if row["status"] != "finished":
        sys.exit(1)
    if json.loads(row["drift"] or "[]"):
        sys.exit(2)


@main.command()
@ARCHIVE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def crawls(archive: str, fmt: str) -> None:
    """List the crawls recorded in the archive, newest first."""
    try:
        with Archive.open_existing(archive) as store:
            rows = list(store.db.query("SELECT * FROM crawls ORDER BY id DESC"))
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for row in rows:
        row["health"] = health(row)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    columns = (("id", 4), ("started_at", 25), ("status", 11), ("mode", 11), ("requests", 8), ("articles_new", 5),
               ("articles_changed", 7), ("articles_gone", 4), ("items_dropped", 7), ("failures", 6), ("health", 11))
    titles = {"started_at": "started", "articles_new": "new", "articles_changed": "changed", "articles_gone": "gone",
              "items_dropped": "dropped", "failures": "failed"}
    click.echo("  ".join(f"{titles.get(name, name):>{width}}" for name, width in columns))
    for row in rows:
        click.echo("  ".join(f"{'' if row[name] is None else row[name]!s:>{width}}" for name, width in columns))


@main.command()
@ARCHIVE_OPTION
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.option("--output", "-o", required=True, type=click.Path(), help="File (a folder for bagit) to write.")
@click.option("--as-of", help="Each article as it stood then: YYYY-MM-DD or an ISO date-time.")
@click.option("--crawl", type=int, help="The archive as it stood after this crawl (see `newsarchive crawls`).")
@click.option("--lang", type=click.Choice(list(LANGS)), help="Only articles of this edition.")
@click.option("--category", help="Only articles in this category (name as shown).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this date.")
@click.option("--force", is_flag=True, help="Overwrite an existing file or folder.")
def export(archive: str, fmt: str, output: str, as_of: str | None, crawl: int | None, lang: str | None,
           category: str | None, since: str | None, until: str | None, force: bool) -> None:
    """Export a snapshot: jsonl, csv, parquet, warc, wacz, bagit or sqlite."""
    selection = Selection(as_of=as_of, crawl=crawl, lang=lang, category=category, since=since, until=until)
    try:
        with Archive.open_existing(archive) as store:
            counts = export_archive(store, fmt, output, selection, force=force)
    except (ArchiveError, OutputError, SelectionError) as exc:
        raise click.ClickException(str(exc)) from exc
    def described(part: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in part.items())

    nested = all(isinstance(v, dict) for v in counts.values())
    click.echo(f"wrote {output}: " + ("; ".join(f"{k}: {described(v)}" for k, v in counts.items()) if nested
                                        else described(counts)))


@main.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False))
def verify(path: str) -> None:
    """Check a bag's fixity and completeness; exits 1 and lists what is wrong."""
    problems = verify_bag(path)
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{path}: {len(problems)} problem{'s' if len(problems) > 1 else ''}")
    click.echo(f"{path}: valid (every file present, every checksum right)")


@main.command("diff")
@ARCHIVE_OPTION
@click.argument("url")
def diff_command(archive: str, url: str) -> None:
    """Show how an article changed: a unified diff of title and body between
    each of its versions, with the date each was fetched."""
    try:
        with Archive.open_existing(archive) as store:
            versions = revisions(store, url)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{versions[0]['url']}: {len(versions)} version{'s' if len(versions) > 1 else ''}")
    if len(versions) == 1:
        click.echo(f"only one version, fetched {versions[0]['fetched_at']}: nothing changed")
    for older, newer in zip(versions, versions[1:]):
        click.echo(diff(older, newer) or f"revision {newer['id']}: same text as revision {older['id']}")


@main.command("search")
@ARCHIVE_OPTION
@click.argument("query")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this date.")
@click.option("--category", help="Only articles in this category (name as shown).")
@click.option("--author", help="Only articles by this author.")
@click.option("--lang", type=click.Choice(list(LANGS)))
@click.option("--type", "type_", type=click.Choice(TYPES), help="Only articles of this kind (from the lead's prefix).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10000))
@click.option("--count-by", type=click.Choice(list(GROUPS)), help="Count matching articles per month, category…")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def search_command(archive: str, query: str, since: str | None, until: str | None, category: str | None,
                   author: str | None, lang: str | None, type_: str | None, limit: int, count_by: str | None,
                   fmt: str) -> None:
    """Full-text search, best match first (FTS5 syntax: words, "a phrase", OR, NOT, prefix*).

    With --count-by, how many articles match per month (year, category, author…)."""
    for name, value in (("--since", since), ("--until", until)):
        if value and not ISO_DATE.match(value):
            raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name)
    filters = Filters(since, until, category, author, lang, type_)
    try:
        with Archive.open_existing(archive) as store:
            if count_by:
                output.write_rows(count_by_(store, query, count_by, filters), fmt, columns=(count_by, "articles"))
                return
            hits = search(store, query, filters, limit)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    output.write_rows(hits, fmt, columns=("published", "title", "snippet", "url"),
                      json_fields=("categories", "authors"), highlight=HIGHLIGHT)


@main.command("audit")
@ARCHIVE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--langs", default=None, help="Only these editions (en, fa, ar, comma-separated) [default: all].")
def audit_command(archive: str, fmt: str, langs: str | None) -> None:
    """Account for every post the site listed: stored, failed, skipped or missing.

    Offline, from what the crawls fetched. Exits 0 when nothing is missing, 1 otherwise."""
    try:
        with Archive.open_existing(archive) as store:
            result = audit(store, parse_langs(langs) if langs else None).as_dict()
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        output.print_coverage(coverage_rows(result))
        for reason, count in {**result["failed_by_reason"], **result["skipped_by_reason"]}.items():
            click.echo(f"  {count} {reason}")
        for url in result["missing_urls"]:
            click.echo(f"missing: {url}")
    sys.exit(1 if result["missing"] else 0)


@main.command("stats")
@ARCHIVE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_command(archive: str, fmt: str) -> None:
    """Articles by month, category, type, language and author; archive size; recent crawls."""
    try:
        with Archive.open_existing(archive) as store:
            facts = archive_stats(store)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(facts, indent=2, ensure_ascii=False))
    else:
        output.print_stats(facts)


@main.command()
@ARCHIVE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
def browse(archive: str, host: str, port: int) -> None:
    """Explore the archive in Datasette (needs the 'browse' extra)."""
    try:
        import datasette  # noqa: F401
    except ImportError as exc:
        raise click.ClickException("Datasette is not installed: pip install 'newsarchive[browse]'") from exc
    try:
        Archive.open_existing(archive).close()  # brings the schema (views) up to date
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    from newsarchive.browse import serve

    sys.exit(serve(archive, host=host, port=port))


@main.command()
@ARCHIVE_OPTION
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def report(archive: str, output: str, force: bool) -> None:
    """Write a self-contained HTML report with charts (needs the 'report' extra)."""
    try:
        with Archive.open_existing(archive) as store:
            written = write_report(store, output, force=force)
    except (ArchiveError, OutputError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {written}")


@main.group()
def schedule() -> None:
    """Recurring crawls, kept in the archive; run them with `newsarchive scheduler`."""


@schedule.command("add")
@ARCHIVE_OPTION
@click.argument("name")
@click.option("--cron", required=True, help="Five-field cron expression ('0 */6 * * *') or '@every 6h'.")
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True)
@click.option("--langs", default="en", show_default=True)
@click.option("--revisit", type=click.Choice(["all"]))
@click.option("--full", is_flag=True)
@click.option("--fast", is_flag=True, help="Only for a copy of the site on this machine.")
@click.option("--set", "-s", "settings", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
@click.option("--jitter", default=0, show_default=True, type=click.IntRange(0), help="Delay each run by up to N s.")
def schedule_add(archive: str, name: str, cron: str, base_url: str, langs: str, revisit: str | None, full: bool,
                 fast: bool, settings: tuple[str, ...], jitter: int) -> None:
    """Add a schedule (its crawl options are checked now)."""
    try:
        SiteUrls(base_url, parse_langs(langs))
        if fast and not is_loopback(base_url):
            raise CrawlError(f"--fast is only for a local copy of the site, not {base_url}")
        options = {"base_url": base_url, "langs": langs, "revisit": revisit, "full": full, "fast": fast,
                   "settings": list(settings)}
        with Archive(archive) as store:
            schedules.add(store, schedules.Schedule(name, cron, options, jitter))
    except (ArchiveError, CrawlError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added schedule {name!r} ({cron}) to {archive}: run `newsarchive scheduler --archive {archive}`")


@schedule.command("list")
@ARCHIVE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def schedule_list(archive: str, fmt: str) -> None:
    """The archive's schedules, with their last run."""
    try:
        with Archive.open_existing(archive) as store:
            rows = [vars(s) for s in schedules.load(store)]
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    output.write_rows(rows, fmt, columns=("name", "cron", "jitter", "last_run_at", "last_exit", "last_log"))


@schedule.command("remove")
@ARCHIVE_OPTION
@click.argument("name")
def schedule_remove(archive: str, name: str) -> None:
    """Remove a schedule (its crawls stay in the archive)."""
    try:
        with Archive.open_existing(archive) as store:
            schedules.remove(store, name)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"removed schedule {name!r}")


@schedule.command("run-now")
@ARCHIVE_OPTION
@click.argument("name")
@click.option("--logs", type=click.Path(file_okay=False), help="Folder of run logs [default: ARCHIVE-logs].")
def schedule_run_now(archive: str, name: str, logs: str | None) -> None:
    """Run a schedule's crawl now, in the foreground; exits with the crawl's code."""
    try:
        with Archive.open_existing(archive) as store:
            (item,) = schedules.load(store, name)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    status, log = schedules.run(archive, item, Path(logs or f"{archive}-logs"))
    click.echo(f"{name}: exit {status}, log {log}")
    sys.exit(status)


@schedule.command("export")
@ARCHIVE_OPTION
@click.option("--crontab", "fmt", flag_value="crontab", help="crontab lines.")
@click.option("--systemd", "fmt", flag_value="systemd", help="a systemd service and timer per schedule.")
@click.option("--output", "-o", type=click.Path(file_okay=False), help="Folder for the systemd units.")
@click.option("--logs", type=click.Path(file_okay=False), help="Folder of run logs [default: ARCHIVE-logs].")
def schedule_export(archive: str, fmt: str | None, output: str | None, logs: str | None) -> None:
    """Write the schedules for the operating system's scheduler instead."""
    if fmt is None:
        raise click.UsageError("choose --crontab or --systemd")
    try:
        with Archive.open_existing(archive) as store:
            items = schedules.load(store)
        absolute = str(Path(archive).resolve())
        if fmt == "crontab":
            click.echo(schedule_export_.crontab(items, absolute, Path(logs or f"{absolute}-logs")), nl=False)
            return
        units = schedule_export_.systemd(items, absolute)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for name, text in units.items():
        if output:
            Path(output).mkdir(parents=True, exist_ok=True)
            (Path(output) / name).write_text(text, encoding="utf-8")
            click.echo(f"wrote {Path(output) / name}")
        else:
            click.echo(f"# {name}\n{text}")


@main.command()
@ARCHIVE_OPTION
@click.option("--logs", type=click.Path(file_okay=False), help="Folder of run logs [default: ARCHIVE-logs].")
def scheduler(archive: str, logs: str | None) -> None:
    """Run the archive's schedules in the foreground until SIGTERM or Ctrl-C."""
    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    try:
        Scheduler(archive, logs or f"{archive}-logs").run()
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
