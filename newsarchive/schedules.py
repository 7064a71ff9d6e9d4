"""Recurring crawls: schedules kept in the archive, and the runs they start.

A schedule is a name, when it runs — a cron expression (five fields, in the
scheduler's local time zone) or ``@every 6h`` (also ``s``, ``m``, ``d``) — and
the crawl's options. Each run is a separate
``newsarchive crawl`` process with its own log file, so a run that crashes
cannot take the scheduler down, and its outcome lands in the ``crawls`` table
like any other crawl. Exit codes: 0 finished, 1 failed, 2 drift alarm.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import re

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from newsarchive.archive import Archive, ArchiveError, utcnow

OPTION_FLAGS = {"base_url": "--base-url", "langs": "--langs", "revisit": "--revisit"}


class ScheduleError(ArchiveError):
    """A schedule cannot be added, found or run as asked; the message says why."""


@dataclass
class Schedule:
    name: str
    cron: str
    options: dict[str, Any] = field(default_factory=dict)
    jitter: int = 0
    last_run_at: str | None = None
    last_exit: int | None = None
    last_log: str | None = None

    def trigger(self) -> BaseTrigger:
        return trigger(self.cron, self.jitter)

    def crawl_command(self, archive: str | Path) -> list[str]:
        """The ``newsarchive crawl`` command line this schedule runs."""
        command = [sys.executable, "-m", "newsarchive", "crawl", "--archive", str(Path(archive).resolve())]
        for name, flag in OPTION_FLAGS.items():
            if self.options.get(name):
                command += [flag, str(self.options[name])]
        if self.options.get("full"):
            command.append("--full")
        if self.options.get("fast"):
            command.append("--fast")
        for setting in self.options.get("settings", []):
            command += ["-s", setting]
        return command


EVERY = re.compile(r"^@every\s+(\d+)\s*([smhd])$")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def every_seconds(cron: str) -> int | None:
    """The interval of an ``@every N[smhd]`` schedule, in seconds (None for a cron expression)."""
    match = EVERY.match(cron.strip())
    return int(match.group(1)) * SECONDS[match.group(2)] if match else None


def trigger(cron: str, jitter: int = 0) -> BaseTrigger:
    """The schedule's trigger, or a clear error for an expression that is not valid."""
    interval = every_seconds(cron)
    if interval is not None:
        if interval <= 0:
            raise ScheduleError(f"{cron!r}: the interval must be longer than zero")
        return IntervalTrigger(seconds=interval, jitter=jitter or None)
    if len(cron.split()) != 5:
        raise ScheduleError(f"cron expression {cron!r} must have five fields: minute hour day month weekday, "
                            "e.g. '0 */6 * * *' (every six hours), or be '@every 6h'")
    try:
        minute, hour, day, month, weekday = cron.split()
        cron_trigger = CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=weekday_names(weekday),
                                   timezone=datetime.now().astimezone().tzinfo, jitter=jitter or None)
    except ValueError as exc:
        raise ScheduleError(f"cron expression {cron!r} is not valid: {exc}") from exc
    return cron_trigger


WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_names(field: str) -> str:
    """Crontab weekdays (0 or 7 = Sunday) as names: APScheduler numbers them from Monday."""
    def convert(part: str) -> str:
        days, _, step = part.partition("/")
        days = re.sub(r"\d+", lambda m: WEEKDAYS[int(m.group(0)) % 8], days)
        return f"{days}/{step}" if step else days

    return ",".join(convert(part) for part in field.split(","))


def add(archive: Archive, schedule: Schedule) -> None:
    trigger(schedule.cron, schedule.jitter)
    if archive.db.execute("SELECT 1 FROM schedules WHERE name = ?", [schedule.name]).fetchone():
        raise ScheduleError(f"a schedule named {schedule.name!r} exists: remove it first")
    with archive.db.atomic():
        archive.db["schedules"].insert({"name": schedule.name, "cron": schedule.cron, "jitter": schedule.jitter,
                                        "options": json.dumps(schedule.options, sort_keys=True),
                                        "created_at": utcnow()})


def remove(archive: Archive, name: str) -> None:
    with archive.db.atomic():
        if archive.db.execute("DELETE FROM schedules WHERE name = ?", [name]).rowcount == 0:
            raise ScheduleError(f"there is no schedule named {name!r} (see: newsarchive schedule list)")


def load(archive: Archive, name: str | None = None) -> list[Schedule]:
    rows = archive.db.query("SELECT * FROM schedules" + (" WHERE name = ?" if name else "") + " ORDER BY name",
                            [name] if name else [])
    found = [Schedule(r["name"], r["cron"], json.loads(r["options"] or "{}"), r["jitter"] or 0, r["last_run_at"],
                      r["last_exit"], r["last_log"]) for r in rows]
    if name and not found:
        raise ScheduleError(f"there is no schedule named {name!r} (see: newsarchive schedule list)")
    return found


def run(archive_path: str | Path, schedule: Schedule, log_dir: Path,
        on_start: Callable[[subprocess.Popen], None] | None = None) -> tuple[int, Path]:
    """Run one crawl of the schedule now, its output in its own log file; returns (exit code, log)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    log = log_dir / f"{schedule.name}-{started:%Y%m%dT%H%M%S%f}.log"
    command = schedule.crawl_command(archive_path)
    with log.open("w", encoding="utf-8") as out:
        out.write(f"# {shlex.join(command)}\n")
        out.flush()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        if on_start:
            on_start(process)
        status = process.wait()
    record_run(archive_path, schedule.name, started.isoformat(timespec="seconds"), status, log)
    return status, log


def record_run(archive_path: str | Path, name: str, started: str, status: int, log: Path) -> None:
    with Archive(archive_path) as archive, archive.db.atomic():
        archive.db.execute("UPDATE schedules SET last_run_at = ?, last_exit = ?, last_log = ? WHERE name = ?",
                           [started, status, str(log), name])
