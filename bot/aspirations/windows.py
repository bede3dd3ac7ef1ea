"""Aspiration windows (periode penjaringan): telling open from closed, showing local times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.i18n.dates import format_datetime

OPEN, UPCOMING, ENDED, CLOSED = "open", "upcoming", "ended", "closed"
NAME_MAX_LEN = 120


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


def format_local(
    when: datetime, tz: ZoneInfo, locale: str | None = None, *, end: bool = False
) -> str:
    """A UTC time shown in local time, e.g. ``31-01-2026 23.59 WIB`` (id) or ``23:59`` (en).

    An ``end`` at midnight (exclusive) is shown as 23.59 of the day before, its last day.
    """
    local = when.astimezone(tz)
    if end and local.hour == 0 and local.minute == 0 and local.second == 0:
        local -= timedelta(minutes=1)  # an exclusive midnight end reads as 23:59 of the day
    return format_datetime(local, locale, tz, "short")


def validate_new_window(starts_at: datetime, ends_at: datetime, now: datetime) -> str | None:
    """None when the times make a usable window, else an error code."""
    if ends_at <= starts_at:
        return "end_before_start"
    if ends_at <= now:
        return "end_in_past"
    return None
