"""Dates and times typed by users: the one reader behind every date input (chat and CLI).

Reads ``31-12-2026``, ``31/12/2026``, ``31.12.2026``, ``2026-12-31``, month names in
Indonesian and English (``31 Desember 2026``, ``31 Des 2026``, ``31 December 2026``; without
a year the next such day), ``hari ini``, ``besok``, ``lusa`` (``today``, ``tomorrow``) and
weekday names (``Senin``: the next Monday after today), each optionally followed by a time
(``08.00``, ``08:00``, ``jam 8``, ``pukul 14.30``, ``jam 7 malam``) and a zone (``WIB``,
``WITA``, ``WIT``). Everything else is read in the configured zone. The result is a
:class:`TypedDate`, or a :class:`DateProblem` naming the text that says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from bot.i18n.dates import format_date, format_datetime, format_weekday_date

TimeRule = Literal["none", "optional", "required"]
MAX_YEARS_AWAY = 100
EXAMPLE_TIME = time(8, 0)

MONTHS = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "pebruari", "february", "feb", "peb"), 2),
    **dict.fromkeys(("maret", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("agustus", "august", "agu", "agt", "ags", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "december", "des", "dec"), 12),
}
WEEKDAYS = {
    **dict.fromkeys(("senin", "monday", "mon"), 0),
    **dict.fromkeys(("selasa", "tuesday", "tue"), 1),
    **dict.fromkeys(("rabu", "wednesday", "wed"), 2),
    **dict.fromkeys(("kamis", "thursday", "thu"), 3),
    **dict.fromkeys(("jumat", "jum'at", "friday", "fri"), 4),
    **dict.fromkeys(("sabtu", "saturday", "sat"), 5),
    **dict.fromkeys(("minggu", "ahad", "sunday", "sun"), 6),
}
RELATIVE_DAYS = {"hari ini": 0, "today": 0, "besok": 1, "tomorrow": 1, "lusa": 2}
ZONES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}
# Hours after "jam 7 …": afternoon and evening words move a morning hour by 12.
PERIOD_SHIFT = {"pagi": 0, "am": 0, "siang": 12, "sore": 12, "malam": 12, "pm": 12}

_ZONE_RE = re.compile(r"\s*\b(wita|wib|wit)$")
_TIME_RE = re.compile(
    r"(?:^|\s)(?:(?:jam|pukul|pkl\.?|at)\s*(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})[.:](\d{2}))"
    r"(?:\s*(pagi|siang|sore|malam|am|pm))?$"
)
_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_D_MONTH_RE = re.compile(r"^(\d{1,2})\s*[-/ ]\s*([a-z]+)\.?(?:\s*[-/ ]\s*(\d{4}))?$")
_MONTH_D_RE = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:\s+(\d{4}))?$")
_WEEKDAY_RE = re.compile(r"^(?:next\s+)?([a-z']+)(?:\s+(?:depan|ini))?$")


@dataclass(frozen=True)
class TypedDate:
    """A date typed by a user, with the time of day when one was typed, in ``zone``."""

    day: date
    clock: time | None
    zone: tzinfo

    def at(self, default: time = time(0)) -> datetime:
        """The typed moment (or ``default`` on that day) as an aware UTC datetime."""
        local = datetime.combine(self.day, self.clock or default, tzinfo=self.zone)
        return local.astimezone(UTC)

    def end(self) -> datetime:
        """The typed moment, or for a bare date the end of that day (next midnight), in UTC."""
        if self.clock is not None:
            return self.at()
        following = datetime.combine(self.day + timedelta(days=1), time(0), tzinfo=self.zone)
        return following.astimezone(UTC)


@dataclass(frozen=True)
class DateProblem:
    """Why a typed date is refused: a text key (``dates.*``) and its parameters."""

    key: str
    params: dict[str, str] = field(default_factory=dict)


class _Unreadable(ValueError):
    """The text is not a date this module reads."""


def _normalise(text: str) -> str:
    """Lower case, single spaces, no commas or trailing dots, ISO ``T`` as a space."""
    value = " ".join(text.lower().replace(",", " ").split()).rstrip(".")
    return re.sub(r"(\d)t(\d)", r"\1 \2", value)


def _split_zone(text: str, zone: tzinfo) -> tuple[str, tzinfo]:
    """Strip a trailing WIB/WITA/WIT; the zone it names, else the configured one."""
    match = _ZONE_RE.search(text)
    if match is None:
        return text, zone
    named = ZoneInfo(ZONES[match.group(1)])
    same = isinstance(zone, ZoneInfo) and zone.key == named.key
    return text[: match.start()].strip(), zone if same else named


def _split_time(text: str) -> tuple[str, tuple[int, int, str] | None]:
    """Strip a trailing time; its hour, minute and period word (hour not yet checked)."""
    match = _TIME_RE.search(text)
    if match is None:
        return text, None
    hour, minute = match.group(1) or match.group(3), match.group(2) or match.group(4)
    return text[: match.start()].strip(), (int(hour), int(minute or 0), match.group(5) or "")


def _clock(hour: int, minute: int, period: str) -> time | None:
    """The time of day, or None when there is no such time (25.00, jam 14 pagi, jam 12 malam)."""
    if (period and not 1 <= hour <= 12) or (period == "malam" and hour == 12):
        return None
    if period == "am" and hour == 12:
        hour = 0
    elif hour < 12 and not (period == "siang" and hour >= 10):
        hour += PERIOD_SHIFT.get(period, 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _next_weekday(today: date, weekday: int) -> date:
    """The next day after ``today`` that falls on ``weekday`` (Monday 0)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _dated(today: date, day: int, month: int, year: str | None) -> date:
    """A day of a month; without a year the next such day from today on."""
    if year is not None:
        return date(int(year), month, day)
    candidate = date(today.year, month, day) if _exists(today.year, month, day) else None
    if candidate is not None and candidate >= today:
        return candidate
    return date(today.year + 1, month, day)


def _exists(year: int, month: int, day: int) -> bool:
    """True when the calendar has this day."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _day_of(text: str, today: date, relative: bool) -> date:
    """The calendar day of the date part; ValueError when no such day, _Unreadable else."""
    if relative and text in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[text])
    match = _WEEKDAY_RE.match(text)
    if relative and match and match.group(1) in WEEKDAYS:
        return _next_weekday(today, WEEKDAYS[match.group(1)])
    if match := _DMY_RE.match(text):
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if match := _YMD_RE.match(text):
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if (match := _D_MONTH_RE.match(text)) and match.group(2) in MONTHS:
        return _dated(today, int(match.group(1)), MONTHS[match.group(2)], match.group(3))
    if (match := _MONTH_D_RE.match(text)) and match.group(1) in MONTHS:
        return _dated(today, int(match.group(2)), MONTHS[match.group(1)], match.group(3))
    first, _, rest = text.partition(" ")
    if rest and first in WEEKDAYS:  # "Jumat, 27 November 2026": the weekday must agree
        day = _day_of(rest, today, relative=False)
        if day.weekday() != WEEKDAYS[first]:
            raise _WeekdayMismatch(day)
        return day
    raise _Unreadable(text)


class _WeekdayMismatch(ValueError):
    """A weekday name that does not fall on the typed date."""

    def __init__(self, day: date) -> None:
        super().__init__(day.isoformat())
        self.day = day


def example_of(now: datetime, zone: tzinfo, locale: str | None, *, with_time: bool) -> str:
    """An example to show in prompts: the 1st of next month, or tomorrow 08.00, as shown."""
    today = now.astimezone(zone).date()
    if with_time:
        tomorrow = datetime.combine(today + timedelta(days=1), EXAMPLE_TIME, tzinfo=zone)
        return format_datetime(tomorrow, locale, zone, "short")
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return format_date(first, locale, "short")


def read_date(
    text: str,
    *,
    now: datetime,
    zone: tzinfo,
    locale: str | None = None,
    time_rule: TimeRule = "optional",
    not_past: bool = False,
    relative: bool = True,
) -> TypedDate | DateProblem:
    """Read a typed date (and time) in ``zone``; a DateProblem when it cannot be used.

    ``time_rule`` says whether a time of day is refused, optional or required;
    ``not_past`` refuses a day before today (or, with a time, a moment not after ``now``);
    ``relative`` False refuses words such as ``besok`` (settings read at start).
    """
    example = example_of(now, zone, locale, with_time=time_rule == "required")
    value = " ".join(text.split())
    rest, typed_zone = _split_zone(_normalise(text), zone)
    rest, typed_time = _split_time(rest)
    today = now.astimezone(typed_zone).date()
    try:
        day = _day_of(rest, today, relative) if rest or typed_time is None else today
    except _WeekdayMismatch as exc:
        return DateProblem(
            "dates.weekday_mismatch", {"value": value, "date": format_weekday_date(exc.day, locale)}
        )
    except _Unreadable:
        return DateProblem("dates.unreadable", {"value": value, "example": example})
    except ValueError:
        return DateProblem("dates.no_such_day", {"value": value, "example": example})
    if abs(day.year - today.year) > MAX_YEARS_AWAY:
        return DateProblem("dates.out_of_range", {"value": value, "example": example})
    clock = _clock(*typed_time) if typed_time is not None else None
    if typed_time is not None and clock is None:
        return DateProblem("dates.no_such_time", {"value": value, "example": example})
    return _checked(TypedDate(day, clock, typed_zone), now, locale, time_rule, not_past, example)


def _checked(
    typed: TypedDate, now: datetime, locale: str | None, rule: TimeRule, not_past: bool, ex: str
) -> TypedDate | DateProblem:
    """Apply the time rule and the no-past rule to a readable date."""
    if rule == "none" and typed.clock is not None:
        return DateProblem("dates.no_time", {"example": ex})
    if rule == "required" and typed.clock is None:
        return DateProblem("dates.need_time", {"date": format_date(typed.day, locale, "short"),
                                               "example": ex})  # fmt: skip
    if not not_past:
        return typed
    if typed.clock is not None and typed.at() <= now:
        shown = format_datetime(typed.at(), locale, typed.zone, "short")
        current = format_datetime(now, locale, typed.zone, "short")
        return DateProblem("dates.past", {"value": shown, "now": current, "example": ex})
    if typed.clock is None and typed.day < now.astimezone(typed.zone).date():
        shown = format_date(typed.day, locale, "short")
        today = format_date(now.astimezone(typed.zone).date(), locale, "short")
        return DateProblem("dates.past", {"value": shown, "now": today, "example": ex})
    return typed
