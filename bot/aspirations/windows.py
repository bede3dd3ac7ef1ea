"""Aspiration windows (periode penjaringan): parsing local dates and telling open from closed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.i18n.dates import format_datetime

OPEN, UPCOMING, ENDED, CLOSED = "open", "upcoming", "ended", "closed"
NAME_MAX_LEN = 120
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2}))?$")
_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2})[:.](\d{2}))?$")


class DateInputError(ValueError):
    """Raised for a date the user typed that cannot be read."""


@dataclass(frozen=True)
class WindowTimes:
    """The times of one window (UTC, tz-aware) and whether HR closed it by hand."""

    starts_at: datetime
    ends_at: datetime
    closed_at: datetime | None = None


def state_of(window: WindowTimes, now: datetime) -> str:
    """``open``, ``upcoming``, ``ended`` (its end passed) or ``closed`` (closed by HR)."""
    if window.closed_at is not None and window.closed_at <= now:
        return CLOSED
    if now < window.starts_at:
        return UPCOMING
    if now >= window.ends_at:
        return ENDED
    return OPEN


def is_open(window: WindowTimes, now: datetime) -> bool:
    """True while employees may submit."""
    return state_of(window, now) == OPEN


def parse_local(text: str, tz: ZoneInfo, *, end_of_day: bool) -> datetime:
    """Read ``YYYY-MM-DD[ HH:MM]`` or ``DD-MM-YYYY[ HH:MM]`` in local time; return UTC.

    A bare date means the start of that day, or with ``end_of_day`` the end of it
    (i.e. the window stays open through the whole day).
    """
    raw = text.strip()
    m = _DATE_RE.match(raw)
    if m:
        year, month, day, hh, mm = m.groups()
    else:
        m = _DMY_RE.match(raw)
        if not m:
            raise DateInputError(raw)
        day, month, year, hh, mm = m.groups()
    try:
        when_date = date(int(year), int(month), int(day))
        clock = time(int(hh), int(mm)) if hh is not None else time(0, 0)
    except ValueError as exc:
        raise DateInputError(raw) from exc
    local = datetime.combine(when_date, clock, tzinfo=tz)
    if hh is None and end_of_day:
        local += timedelta(days=1)
    return local.astimezone(UTC)


def format_local(when: datetime, tz: ZoneInfo, locale: str | None = None) -> str:
    """A UTC time shown in local time, e.g. ``31-01-2026 23.59 WIB`` (id) or ``23:59`` (en)."""
    local = when.astimezone(tz)
    if local.hour == 0 and local.minute == 0 and local.second == 0:
        local -= timedelta(minutes=1)  # an exclusive midnight end reads as 23:59 of the day
    return format_datetime(local, locale, tz, "short")


def validate_new_window(starts_at: datetime, ends_at: datetime, now: datetime) -> str | None:
    """None when the times make a usable window, else an error code."""
    if ends_at <= starts_at:
        return "end_before_start"
    if ends_at <= now:
        return "end_in_past"
    return None
