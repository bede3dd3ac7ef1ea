"""Foreign numbers cannot link: roster import and shared-contact linking (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import load_settings
from bot.registration import service as registration
from bot.registration.service import Linked, Refused
from bot.roster.demo_data import generate_rows, to_csv
from storage.db import Database
from storage.models import BotUser
from storage.queries.employees import get_employee_by_nip
from storage.queries.users import get_or_create_user
from tests.factories import add_employee
from tests.imports_support import keys, run_import

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
USER_ID = 5150
INDONESIAN_0821 = "62821012345678"  # "0821 0123 45678", stored form


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("+82 10-1234-5678", "foreign_phone"),  # Korea: used to match 0821 0123 45678
        ("821012345678", "foreign_phone"),  # Telegram sends digits with the country code
        ("+1 415 555 0100", "foreign_phone"),
        ("+62 821-0123-45678", None),
        ("62821012345678", None),
        ("0821 0123 45678", None),
    ],
)
async def test_contact_links_only_indonesian_numbers(
    db: Database, contact: str, expected: str | None
) -> None:
    """A +82 contact never links the roster row of 0821…; the same number with +62 does."""
    emp_id = await add_employee(db, phone=INDONESIAN_0821)
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER_ID)
        result = await registration.link_by_contact(
            session, NOW, load_settings(_env_file=None), user, USER_ID, contact
        )
    async with db.transaction() as session:
        stored = await session.get(BotUser, USER_ID)
    assert stored is not None
    if expected is None:
        assert isinstance(result, Linked) and stored.employee_id == emp_id
    else:
        assert result == Refused(expected)  # type: ignore[arg-type]
        assert stored.employee_id is None


@pytest.mark.parametrize(
    ("phone", "stored", "error"),
    [
        ("0812-3456-789", "628123456789", None),
        ("62812345678 9", "628123456789", None),
        ("+62 812-3456-789", "628123456789", None),
        ("+8210 1234 5678", None, "roster.err.phone_foreign"),
        ("021 555 1234", None, "roster.err.phone"),
    ],
)
async def test_roster_phone_is_parsed_for_indonesia(
    db: Database, phone: str, stored: str | None, error: str | None
) -> None:
    """Roster phones normalise to one E.164 form; a foreign number is a rejected line."""
    row = generate_rows(1, seed=11)[0]
    row["telepon"] = phone
    report = await run_import(db, "roster", to_csv([row]))
    if error is not None:
        assert keys(report) == [(2, error)] and not report.applied
        return
    assert report.applied
    async with db.transaction() as session:
        employee = await get_employee_by_nip(session, row["nip"])
    assert employee is not None and employee.phone == stored
