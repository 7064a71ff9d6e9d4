"""The operating system's equivalent of a schedule: crontab lines or systemd timers."""

from __future__ import annotations

import shlex
from pathlib import Path

from newsarchive.schedules import Schedule, ScheduleError, every_seconds

DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def cron_of(schedule: Schedule) -> str:
    seconds = every_seconds(schedule.cron)
    if seconds is None:
        return schedule.cron
    if seconds % 60 == 0 and 60 % (seconds // 60 or 61) == 0 and seconds < 3600:
        return f"*/{seconds // 60} * * * *"
    if seconds % 3600 == 0 and 24 % (seconds // 3600) == 0 and seconds < 86400:
        return f"0 */{seconds // 3600} * * *"
    if seconds == 86400:
        return "0 0 * * *"
    raise ScheduleError(f"{schedule.name}: {schedule.cron!r} has no crontab equivalent; use --systemd")


def crontab(schedules: list[Schedule], archive: str | Path, log_dir: Path) -> str:
    lines = ["# newsarchive schedules (crontab -e, then paste); a crawl that finds another one running exits 1"]
    for schedule in schedules:
        command = shlex.join(schedule.crawl_command(archive))
        log = shlex.quote(str(log_dir / f"{schedule.name}.log"))
        lines.append(f"{cron_of(schedule)} {command} >> {log} 2>&1")
    return "\n".join(lines) + "\n"


def _calendar_field(value: str, start: int) -> str:
    if value == "*":
        return "*"
    parts = []
    for part in value.split(","):
        if part.startswith("*/"):
            parts.append(f"{start}/{part[2:]}")
        else:
            parts.append(part.replace("-", ".."))
    return ",".join(parts)


def on_calendar(cron: str) -> str:
    """A five-field cron expression as systemd's OnCalendar."""
    minute, hour, day, month, weekday = cron.split()
    calendar = (f"*-{_calendar_field(month, 1)}-{_calendar_field(day, 1)} "
                f"{_calendar_field(hour, 0)}:{_calendar_field(minute, 0)}:00")
    if weekday != "*":
        names = []
        for part in weekday.split(","):
            bounds = [DAYS[int(b)] if b.isdigit() else b.capitalize() for b in part.split("-")]
            names.append("..".join(bounds))
        calendar = f"{','.join(names)} {calendar}"
    return calendar


def systemd(schedules: list[Schedule], archive: str | Path) -> dict[str, str]:
    """Unit files by name: a oneshot service and a timer per schedule."""
    units = {}
    for schedule in schedules:
        unit = f"newsarchive-{schedule.name}"
        seconds = every_seconds(schedule.cron)
        when = f"OnUnitActiveSec={seconds}s\nOnBootSec={seconds}s" if seconds else \
            f"OnCalendar={on_calendar(schedule.cron)}"
        units[f"{unit}.service"] = (
            f"[Unit]\nDescription=newsarchive crawl '{schedule.name}' into {archive}\n\n"
            f"[Service]\nType=oneshot\nExecStart={shlex.join(schedule.crawl_command(archive))}\n")
        units[f"{unit}.timer"] = (
            f"[Unit]\nDescription=newsarchive schedule '{schedule.name}' ({schedule.cron})\n\n"
            f"[Timer]\n{when}\nPersistent=true\n"
            + (f"RandomizedDelaySec={schedule.jitter}\n" if schedule.jitter else "")
            + "\n[Install]\nWantedBy=timers.target\n")
    return units
