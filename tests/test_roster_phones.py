"""Phone numbers: roster cells and shared contacts normalise alike; only +62 mobiles link."""

from __future__ import annotations

import pytest

from bot.roster.phones import PhoneError, parse_indonesian_mobile

SAME = "628123456789"


@pytest.mark.parametrize(
    "raw",
    ["0812-3456-789", "08123456789", "628123456789", "+62 812-3456-789", "+62 0812 3456 789",
     "0062 812 3456 789", "812 3456 789", "(0812) 3456.789"],
)  # fmt: skip
def test_roster_forms_normalise_to_one_e164(raw: str) -> None:
    """Every way HR writes one number gives the same stored E.164 digits."""
    assert parse_indonesian_mobile(raw) == SAME


@pytest.mark.parametrize(
    "raw", ["+62 812-3456-789", "628123456789", "+628123456789", "0812-3456-789"]
)
def test_contact_forms_normalise_to_the_roster_form(raw: str) -> None:
    """A shared contact of the same number matches the roster row exactly."""
    assert parse_indonesian_mobile(raw, shared_contact=True) == SAME


@pytest.mark.parametrize(
    ("raw", "shared_contact", "problem"),
    [
        ("+8210 1234 5678", False, "foreign"),  # Korea: was read as 0821-0123-45678
        ("+8210 1234 5678", True, "foreign"),
        ("821012345678", True, "foreign"),  # a contact always carries its country code
        ("+1 415 555 0100", False, "foreign"),
        ("+60 12-345 6789", True, "foreign"),  # Malaysia
        ("0082 10 1234 5678", False, "foreign"),
        ("021-555-1234", False, "invalid"),  # Jakarta landline
        ("+62 21 555 1234", True, "invalid"),
        ("081234567", False, "invalid"),  # too short
        ("081234567890123", False, "invalid"),  # too long
        ("0812abc45678", False, "invalid"),
        ("bukan nomor", True, "invalid"),
        ("", False, "invalid"),
        (None, True, "invalid"),
    ],
)
def test_refused_numbers(raw: str | None, shared_contact: bool, problem: str) -> None:
    """Foreign numbers are refused as foreign, anything else not mobile as invalid."""
    with pytest.raises(PhoneError) as info:
        parse_indonesian_mobile(raw, shared_contact=shared_contact)
    assert info.value.problem == problem


def test_korean_number_no_longer_matches_an_indonesian_one() -> None:
    """``+82 10…`` and ``0821 0…`` were both stored as ``62821 0…``; now only the latter is."""
    assert parse_indonesian_mobile("0821 0123 45678") == "62821012345678"
    for shared_contact in (False, True):
        with pytest.raises(PhoneError):
            parse_indonesian_mobile("+82 10 1234 5678", shared_contact=shared_contact)
