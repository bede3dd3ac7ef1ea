"""The one reader of typed dates: formats, month names, relative words, times, zones, refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.i18n.date_input import DateProblem, TimeRule, TypedDate, example_of, read_date

JAKARTA = ZoneInfo("Asia/Jakarta")
MAKASSAR = ZoneInfo("Asia/Makassar")
JAYAPURA = ZoneInfo("Asia/Jayapura")
# Wednesday 16 December 2026, 10.00 WIB.
NOW = datetime(2026, 12, 16, 3, 0, tzinfo=UTC)


def _read(text: str, now: datetime = NOW, zone: ZoneInfo = JAKARTA, **rules: object) -> object:
    """read_date with the test clock and zone."""
    return read_date(text, now=now, zone=zone, locale="id", **rules)  # type: ignore[arg-type]


def _day(text: str, now: datetime = NOW, zone: ZoneInfo = JAKARTA) -> date:
    """The calendar day of a readable text."""
    result = _read(text, now, zone)
    assert isinstance(result, TypedDate), (text, result)
    return result.day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31-12-2026", date(2026, 12, 31)),
        ("31/12/2026", date(2026, 12, 31)),
        ("31.12.2026", date(2026, 12, 31)),
        ("2026-12-31", date(2026, 12, 31)),
        ("2026/12/31", date(2026, 12, 31)),
        ("1-2-2027", date(2027, 2, 1)),
        ("01-02-2027", date(2027, 2, 1)),
        ("31 Desember 2026", date(2026, 12, 31)),
        ("31 Des 2026", date(2026, 12, 31)),
        ("31 des. 2026", date(2026, 12, 31)),
        ("31-Des-2026", date(2026, 12, 31)),
        ("31 December 2026", date(2026, 12, 31)),
        ("December 31, 2026", date(2026, 12, 31)),
        ("17 Agustus 2027", date(2027, 8, 17)),
        ("17 Agt 2027", date(2027, 8, 17)),
        ("1 Mei 2027", date(2027, 5, 1)),
        ("1 Pebruari 2027", date(2027, 2, 1)),
        ("  31   DESEMBER   2026 ", date(2026, 12, 31)),
        ("20 Desember", date(2026, 12, 20)),  # no year: the next such day
        ("1 Januari", date(2027, 1, 1)),
        ("10 Desember", date(2027, 12, 10)),  # already past this year
        ("Kamis, 31 Desember 2026", date(2026, 12, 31)),  # the long form the bot shows
    ],
)
def test_calendar_formats(text: str, expected: date) -> None:
    """Numeric dates (day first or ISO) and month names in Indonesian and English."""
    assert _day(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hari ini", date(2026, 12, 16)),
        ("Hari Ini", date(2026, 12, 16)),
        ("today", date(2026, 12, 16)),
        ("besok", date(2026, 12, 17)),
        ("tomorrow", date(2026, 12, 17)),
        ("lusa", date(2026, 12, 18)),
        ("Kamis", date(2026, 12, 17)),
        ("Senin", date(2026, 12, 21)),
        ("senin depan", date(2026, 12, 21)),
        ("Rabu", date(2026, 12, 23)),  # today is Wednesday: the next one
        ("Jumat", date(2026, 12, 18)),
        ("jum'at", date(2026, 12, 18)),
        ("Minggu", date(2026, 12, 20)),
        ("Monday", date(2026, 12, 21)),
    ],
)
def test_relative_words(text: str, expected: date) -> None:
    """hari ini, besok, lusa and weekday names count from today in the local zone."""
    assert _day(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("besok jam 8", (date(2026, 12, 17), time(8, 0))),
        ("besok pukul 14.30", (date(2026, 12, 17), time(14, 30))),
        ("besok pkl 07.15", (date(2026, 12, 17), time(7, 15))),
        ("31-12-2026 08.00", (date(2026, 12, 31), time(8, 0))),
        ("31-12-2026 08:00", (date(2026, 12, 31), time(8, 0))),
        ("2026-12-31T08:00", (date(2026, 12, 31), time(8, 0))),
        ("31 Desember 2026 pukul 8.05", (date(2026, 12, 31), time(8, 5))),
        ("Senin jam 7 malam", (date(2026, 12, 21), time(19, 0))),
        ("besok jam 1 siang", (date(2026, 12, 17), time(13, 0))),
        ("besok jam 11 siang", (date(2026, 12, 17), time(11, 0))),
        ("besok jam 4 sore", (date(2026, 12, 17), time(16, 0))),
        ("tomorrow at 8 pm", (date(2026, 12, 17), time(20, 0))),
        ("jam 15", (date(2026, 12, 16), time(15, 0))),  # a time alone: today
        ("31-12-2026 08.00 WIB", (date(2026, 12, 31), time(8, 0))),
        ("Kamis, 31 Desember 2026 08.00 WIB", (date(2026, 12, 31), time(8, 0))),
    ],
)
def test_times(text: str, expected: tuple[date, time]) -> None:
    """Times as 08.00, 08:00, jam 8, pukul 14.30, with pagi/siang/sore/malam."""
    result = _read(text)
    assert isinstance(result, TypedDate)
    assert (result.day, result.clock) == expected


@pytest.mark.parametrize(
    ("text", "zone", "expected_utc"),
    [
        ("31-12-2026 08.00", JAKARTA, datetime(2026, 12, 31, 1, 0, tzinfo=UTC)),
        ("31-12-2026 08.00", MAKASSAR, datetime(2026, 12, 31, 0, 0, tzinfo=UTC)),
        ("31-12-2026 08.00", JAYAPURA, datetime(2026, 12, 30, 23, 0, tzinfo=UTC)),
        ("31-12-2026 08.00 WITA", JAKARTA, datetime(2026, 12, 31, 0, 0, tzinfo=UTC)),
        ("31-12-2026 08.00 WIT", JAKARTA, datetime(2026, 12, 30, 23, 0, tzinfo=UTC)),
        ("31-12-2026 08.00 WIB", JAYAPURA, datetime(2026, 12, 31, 1, 0, tzinfo=UTC)),
        ("2026-03-01", JAKARTA, datetime(2026, 2, 28, 17, 0, tzinfo=UTC)),
        ("01-03-2026 08:30", JAKARTA, datetime(2026, 3, 1, 1, 30, tzinfo=UTC)),
    ],
)
def test_zones(text: str, zone: ZoneInfo, expected_utc: datetime) -> None:
    """Times are read in the configured zone unless WIB/WITA/WIT is typed; results are UTC."""
    result = _read(text, zone=zone)
    assert isinstance(result, TypedDate)
    assert result.at() == expected_utc


@pytest.mark.parametrize(
    ("text", "end_utc"),
    [
        ("2026-03-01", datetime(2026, 3, 1, 17, 0, tzinfo=UTC)),  # through the whole day
        ("28-02-2028", datetime(2028, 2, 28, 17, 0, tzinfo=UTC)),
        ("31-12-2026 12.00", datetime(2026, 12, 31, 5, 0, tzinfo=UTC)),  # the typed time
    ],
)
def test_end_of_a_bare_date_is_next_midnight(text: str, end_utc: datetime) -> None:
    """A window's last day stays open until midnight local time."""
    result = _read(text)
    assert isinstance(result, TypedDate)
    assert result.end() == end_utc


@pytest.mark.parametrize(
    ("text", "now", "zone", "expected"),
    [
        # 23.59 local on 31 December: tomorrow is the next year.
        ("besok", datetime(2026, 12, 31, 16, 59, tzinfo=UTC), JAKARTA, date(2027, 1, 1)),
        ("besok", datetime(2026, 12, 31, 14, 59, tzinfo=UTC), JAYAPURA, date(2027, 1, 1)),
        ("besok", datetime(2026, 12, 31, 15, 59, tzinfo=UTC), MAKASSAR, date(2027, 1, 1)),
        # 00.30 WIT is still 22.30 WIB: the zone decides which day "tomorrow" is.
        ("besok", datetime(2026, 12, 31, 15, 30, tzinfo=UTC), JAYAPURA, date(2027, 1, 2)),
        ("besok", datetime(2026, 12, 31, 15, 30, tzinfo=UTC), JAKARTA, date(2027, 1, 1)),
        ("hari ini", datetime(2026, 12, 31, 17, 0, tzinfo=UTC), JAKARTA, date(2027, 1, 1)),
        # Month ends and leap days.
        ("besok", datetime(2028, 2, 28, 5, 0, tzinfo=UTC), JAKARTA, date(2028, 2, 29)),
        ("besok", datetime(2027, 2, 28, 5, 0, tzinfo=UTC), JAKARTA, date(2027, 3, 1)),
        ("lusa", datetime(2026, 4, 29, 5, 0, tzinfo=UTC), JAKARTA, date(2026, 5, 1)),
        ("Senin", datetime(2026, 12, 31, 5, 0, tzinfo=UTC), JAKARTA, date(2027, 1, 4)),
        ("29 Februari", datetime(2027, 3, 1, 5, 0, tzinfo=UTC), JAKARTA, date(2028, 2, 29)),
        ("29 Feb 2028", NOW, JAKARTA, date(2028, 2, 29)),
        ("31-01-2027", NOW, JAKARTA, date(2027, 1, 31)),
    ],
)
def test_month_ends_leap_days_and_midnight(
    text: str, now: datetime, zone: ZoneInfo, expected: date
) -> None:
    """Relative words around midnight, month ends and leap days, in each Indonesian zone."""
    assert _day(text, now, zone) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "dates.unreadable"),
        ("kemarin lusa", "dates.unreadable"),
        ("31-12-26", "dates.unreadable"),  # a two-digit year is ambiguous
        ("besok 8", "dates.unreadable"),  # a bare number is not a time
        ("31 Desemberr 2026", "dates.unreadable"),
        ("2026-13-01", "dates.no_such_day"),
        ("31/02/2026", "dates.no_such_day"),
        ("29-02-2027", "dates.no_such_day"),
        ("31 April 2027", "dates.no_such_day"),
        ("32-01-2027", "dates.no_such_day"),
        ("besok jam 25", "dates.no_such_time"),
        ("besok 08.75", "dates.no_such_time"),
        ("besok jam 14 pagi", "dates.no_such_time"),
        ("01-01-3026", "dates.out_of_range"),
        ("Senin, 31 Desember 2026", "dates.weekday_mismatch"),
    ],
)
def test_unreadable_dates_name_their_problem(text: str, key: str) -> None:
    """Each refusal is a text key (its message shows the format and an example)."""
    result = _read(text)
    assert isinstance(result, DateProblem) and result.key == key
    if key != "dates.weekday_mismatch":
        assert result.params["example"] == "01-01-2027"
    else:
        assert result.params["date"] == "Kamis, 31 Desember 2026"


@pytest.mark.parametrize(
    ("text", "rule", "not_past", "key"),
    [
        ("15-12-2026", "none", True, "dates.past"),
        ("kemarin", "none", True, "dates.unreadable"),
        ("hari ini", "none", True, None),  # today is not past for a date
        ("16-12-2026", "optional", True, None),
        ("hari ini jam 9", "optional", True, "dates.past"),  # 09.00 < 10.00
        ("hari ini jam 11", "optional", True, None),
        ("jam 10", "required", True, "dates.past"),  # the very moment is not after now
        ("15-12-2026", "none", False, None),  # a decree may carry a past TMT
        ("besok jam 8", "none", False, "dates.no_time"),
        ("besok", "required", True, "dates.need_time"),
        ("besok jam 8", "required", True, None),
    ],
)
def test_time_rule_and_past(text: str, rule: TimeRule, not_past: bool, key: str | None) -> None:
    """Windows and schedules refuse the past; a date-only input refuses a time, and so on."""
    result = _read(text, time_rule=rule, not_past=not_past)
    if key is None:
        assert isinstance(result, TypedDate), result
    else:
        assert isinstance(result, DateProblem) and result.key == key, result


def test_past_says_when_now_is() -> None:
    """The refusal shows the typed moment and now, both in the shown format with the zone."""
    result = _read("hari ini jam 9", time_rule="required", not_past=True)
    assert isinstance(result, DateProblem)
    assert result.params == {
        "value": "16-12-2026 09.00 WIB",
        "now": "16-12-2026 10.00 WIB",
        "example": "17-12-2026 08.00 WIB",
    }


def test_relative_words_can_be_refused() -> None:
    """Settings read once at start take calendar dates only."""
    assert isinstance(_read("besok", relative=False), DateProblem)
    assert isinstance(_read("Senin", relative=False), DateProblem)
    assert _read("31-12-2026", relative=False) == TypedDate(date(2026, 12, 31), None, JAKARTA)


@pytest.mark.parametrize(
    ("locale", "with_time", "expected"),
    [
        ("id", False, "01-01-2027"),
        ("id", True, "17-12-2026 08.00 WIB"),
        ("en", True, "17-12-2026 08:00 WIB"),
    ],
)
def test_examples_follow_the_shown_format(locale: str, with_time: bool, expected: str) -> None:
    """Prompts show an example near today in the one shown format."""
    assert example_of(NOW, JAKARTA, locale, with_time=with_time) == expected
