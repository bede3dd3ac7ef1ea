"""Dates and times for users, per locale, with Babel.

Two styles: ``long`` for messages (``27 November 2026``, ``Jumat, 27 November 2026 09.00
WIB``) and ``short`` for lists and tables (``31-12-2026``, ``31-12-2026 08.00 WIB``). Times
are shown in the bot's zone with its Indonesian abbreviation (WIB, WITA, WIT), else the UTC
offset. Naive datetimes are taken as UTC, as the database stores them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time

from bot.texts import BABEL_LOCALES, DEFAULT_LOCALE

Style = Literal["long", "short"]
DATE_PATTERNS = {"long": "d MMMM y", "short": "dd-MM-y"}
WEEKDAY_PATTERN = "EEEE, "
ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}


def _babel_locale(locale: str | None) -> str:
    """The Babel locale of a bot locale (Indonesian when unknown)."""
    return BABEL_LOCALES.get(locale or DEFAULT_LOCALE, BABEL_LOCALES[DEFAULT_LOCALE])


def format_date(d: date, locale: str | None, style: Style = "long") -> str:
    """``27 November 2026`` (long) or ``27-11-2026`` (short)."""
    return babel_date(d, DATE_PATTERNS[style], locale=_babel_locale(locale))


def format_weekday_date(d: date, locale: str | None) -> str:
    """``Jumat, 27 November 2026``: a long date with its weekday."""
    return babel_date(d, WEEKDAY_PATTERN + DATE_PATTERNS["long"], locale=_babel_locale(locale))


def format_clock(value: time, locale: str | None, tz: tzinfo | str, at: date) -> str:
    """A local time of day with its zone on day ``at``: ``08.00 WIB`` (id), ``08:00 WIB`` (en)."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    moment = datetime.combine(at, value, tzinfo=zone)
    shown = babel_time(value, "short", locale=_babel_locale(locale))
    return f"{shown} {zone_abbreviation(zone, moment)}"


def zone_abbreviation(zone: tzinfo, at: datetime) -> str:
    """WIB/WITA/WIT for the Indonesian zones, else ``UTC``, ``UTC+7`` or ``UTC-3:30``."""
    name = zone.key if isinstance(zone, ZoneInfo) else None
    if name in ZONE_NAMES:
        return ZONE_NAMES[name]
    offset = zone.utcoffset(at) or timedelta(0)
    if not offset:
        return "UTC"
    sign = "+" if offset > timedelta(0) else "-"
    hours, seconds = divmod(abs(int(offset.total_seconds())), 3600)
    return f"UTC{sign}{hours}" + (f":{seconds // 60:02d}" if seconds else "")


def format_datetime(
    dt: datetime, locale: str | None, tz: tzinfo | str, style: Style = "long"
) -> str:
    """``Jumat, 27 November 2026 09.00 WIB`` (long) or ``27-11-2026 09.00 WIB`` (short)."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    local = (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(zone)
    babel = _babel_locale(locale)
    pattern = (WEEKDAY_PATTERN if style == "long" else "") + DATE_PATTERNS[style]
    day = babel_date(local, pattern, locale=babel)
    return f"{day} {babel_time(local, 'short', locale=babel)} {zone_abbreviation(zone, local)}"
