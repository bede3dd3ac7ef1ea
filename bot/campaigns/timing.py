"""When a campaign step is due, and how HR writes offsets ("D-14", "+1 09:00").

All pure: the zone comes in as a ``tzinfo``; results are aware UTC datetimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

MAX_OFFSET_DAYS = 365
DEFAULT_SEND_TIME = "08:00"
_OFFSET = re.compile(r"^\s*(?:[dDhH]\s*)?([+-]?)\s*(\d{1,3})\s*(?:(\d{1,2})[:.](\d{2}))?\s*$")


class OffsetError(ValueError):
    """The typed offset cannot be understood."""


@dataclass(frozen=True)
class Offset:
    """Days from the TMT (negative = before) and the local send time ``HH:MM``."""

    days: int
    send_time: str = DEFAULT_SEND_TIME


def parse_offset(text: str, default_time: str = DEFAULT_SEND_TIME) -> Offset:
    """Parse ``D-14``, ``-14``, ``D+1 09:00``, ``0 07:30`` (H-7 in Indonesian works too)."""
    match = _OFFSET.match(text)
    if match is None:
        raise OffsetError(text)
    sign, days_text, hour, minute = match.groups()
    days = int(days_text) * (-1 if sign == "-" else 1)
    if abs(days) > MAX_OFFSET_DAYS:
        raise OffsetError(text)
    send_time = default_time
    if hour is not None:
        if int(hour) > 23 or int(minute) > 59:
            raise OffsetError(text)
        send_time = f"{int(hour):02d}:{minute}"
    return Offset(days, send_time)


def format_offset(days: int) -> str:
    """``D-14``, ``D+1`` or ``D`` (the TMT itself)."""
    if days == 0:
        return "D"
    return f"D{days:+d}"


def step_run_at(tmt: date, offset_days: int, send_time: str, zone: tzinfo) -> datetime:
    """The UTC moment of a step: ``send_time`` local on ``tmt + offset_days``."""
    hour, minute = (int(p) for p in send_time.split(":"))
    day = tmt + timedelta(days=offset_days)
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)
