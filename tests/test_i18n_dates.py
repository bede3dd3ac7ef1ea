"""Dates and times per locale with the zone abbreviation (WIB, WITA, WIT, else the offset)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.i18n.dates import Style, format_date, format_datetime, zone_abbreviation

FRIDAY_2UTC = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "locale", "style", "expected"),
    [
        (date(2026, 11, 27), "id", "long", "27 November 2026"),
        (date(2026, 11, 27), "en", "long", "27 November 2026"),
        (date(2027, 1, 1), "id", "long", "1 Januari 2027"),
        (date(2027, 8, 17), "en", "long", "17 August 2027"),
        (date(2026, 12, 31), "id", "short", "31-12-2026"),
        (date(2026, 1, 5), "en", "short", "05-01-2026"),
        (date(2026, 12, 31), None, "long", "31 Desember 2026"),
    ],
)
def test_format_date(day: date, locale: str | None, style: Style, expected: str) -> None:
    """Long dates spell the month in the locale; short ones are dd-mm-yyyy everywhere."""
    assert format_date(day, locale, style) == expected


@pytest.mark.parametrize(
    ("moment", "locale", "tz", "style", "expected"),
    [
        (FRIDAY_2UTC, "id", "Asia/Jakarta", "long", "Jumat, 27 November 2026 09.00 WIB"),
        (FRIDAY_2UTC, "en", "Asia/Jakarta", "long", "Friday, 27 November 2026 09:00 WIB"),
        (FRIDAY_2UTC, "id", "Asia/Makassar", "long", "Jumat, 27 November 2026 10.00 WITA"),
        (FRIDAY_2UTC, "id", "Asia/Jayapura", "short", "27-11-2026 11.00 WIT"),
        (datetime(2026, 12, 31, 1, 0, tzinfo=UTC), "id", "Asia/Jakarta", "short",
         "31-12-2026 08.00 WIB"),
        (datetime(2026, 12, 31, 1, 0, tzinfo=UTC), "en", "Asia/Jakarta", "short",
         "31-12-2026 08:00 WIB"),
        (datetime(2026, 12, 31, 1, 0), "id", "Asia/Jakarta", "short", "31-12-2026 08.00 WIB"),
        (FRIDAY_2UTC, "en", "UTC", "short", "27-11-2026 02:00 UTC"),
        (FRIDAY_2UTC, "en", "America/Sao_Paulo", "long", "Thursday, 26 November 2026 23:00 UTC-3"),
        (FRIDAY_2UTC, "id", ZoneInfo("Asia/Kolkata"), "short", "27-11-2026 07.30 UTC+5:30"),
    ],
)  # fmt: skip
def test_format_datetime(
    moment: datetime, locale: str, tz: str | ZoneInfo, style: Style, expected: str
) -> None:
    """Local time of the zone, weekday in long style, naive datetimes taken as UTC."""
    assert format_datetime(moment, locale, tz, style) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("Asia/Jakarta", "WIB"), ("Asia/Pontianak", "WIB"), ("Asia/Makassar", "WITA"),
     ("Asia/Jayapura", "WIT"), ("Europe/London", "UTC"), ("Asia/Tokyo", "UTC+9")],
)  # fmt: skip
def test_zone_abbreviation(zone: str, expected: str) -> None:
    """Indonesian zones by name, any other by its offset at that moment (London in winter)."""
    assert zone_abbreviation(ZoneInfo(zone), FRIDAY_2UTC) == expected


@pytest.mark.parametrize(
    ("locale", "tz", "expected"),
    [("id", "Asia/Jakarta", "08.00 WIB"), ("en", "Asia/Makassar", "08:00 WITA")],
)
def test_format_clock(locale: str, tz: str, expected: str) -> None:
    """A time of day (campaign steps) in the shown format with its zone."""
    from datetime import time

    from bot.i18n.dates import format_clock

    assert format_clock(time(8, 0), locale, tz, date(2026, 12, 31)) == expected


def test_format_weekday_date() -> None:
    """A long date with its weekday (which day a typed date really is)."""
    from bot.i18n.dates import format_weekday_date

    assert format_weekday_date(date(2026, 12, 31), "id") == "Kamis, 31 Desember 2026"
