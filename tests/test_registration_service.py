"""Registration workflows without Telegram: consent, contact and invite linking, lockout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings, load_settings
from bot.registration import service as registration
from bot.registration.invites import create_invite
from bot.registration.service import Linked, Refused
from storage.db import Database
from storage.models import AuditEntry, BotUser, Employee
from storage.queries.users import get_or_create_user
from tests.factories import add_employee

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
USER_ID = 5100
PHONE = "6281234567890"


def _settings(attempts: int = 3, minutes: int = 30) -> Settings:
    """Settings with the given lockout policy (no .env read)."""
    return load_settings(
        _env_file=None, max_failed_link_attempts=attempts, link_lockout_minutes=minutes
    )


async def _audit_actions(db: Database) -> list[str]:
    """Every audited action, oldest first."""
    async with db.transaction() as session:
        return list((await session.execute(select(AuditEntry.action))).scalars())


@pytest.mark.parametrize(
    ("contact_user_id", "phone", "second_holder", "expected"),
    [
        (USER_ID, "+62 812-3456-7890", False, None),
        (USER_ID, "081234567890", False, None),
        (7777, "081234567890", False, "not_own_contact"),
        (None, "081234567890", False, "not_own_contact"),
        (USER_ID, "081299999999", False, "unknown_phone"),
        (USER_ID, "bukan nomor", False, "unknown_phone"),
        (USER_ID, "081234567890", True, "ambiguous_phone"),
    ],
)
async def test_link_by_contact(
    db: Database,
    contact_user_id: int | None,
    phone: str,
    second_holder: bool,
    expected: str | None,
) -> None:
    """Only the user's own contact with exactly one unlinked roster phone links."""
    emp_id = await add_employee(db, phone=PHONE)
    if second_holder:
        await add_employee(db, nip="199104202015032002", name="Sari", phone=PHONE)
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER_ID)
        result = await registration.link_by_contact(
            session, NOW, _settings(), user, contact_user_id, phone
        )
    async with db.transaction() as session:
        stored = await session.get(BotUser, USER_ID)
    assert stored is not None
    if expected is None:
        assert isinstance(result, Linked) and result.employee.id == emp_id
        assert stored.employee_id == emp_id and stored.linked_at is not None
        assert await _audit_actions(db) == ["account.linked"]
    else:
        assert result == Refused(expected)  # type: ignore[arg-type]
        assert stored.employee_id is None and stored.failed_link_attempts == 1
        assert await _audit_actions(db) == ["account.link_failed"]


@pytest.mark.parametrize("attempts", [1, 2, 4])
async def test_lockout_after_too_many_failures(db: Database, attempts: int) -> None:
    """The last allowed failure locks the account and resets the count."""
    settings = _settings(attempts=attempts, minutes=15)
    results = []
    for _ in range(attempts):
        async with db.transaction() as session:
            user = await get_or_create_user(session, USER_ID)
            results.append(
                await registration.link_by_contact(
                    session, NOW, settings, user, USER_ID, "081299999999"
                )
            )
    locks = [r.locked_minutes for r in results if isinstance(r, Refused)]
    assert locks == [None] * (attempts - 1) + [15]
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER_ID)
        assert user.locked_until == NOW + timedelta(minutes=15)
        assert user.failed_link_attempts == 0
        assert registration.lock_minutes_left(user, NOW) == 16
        assert registration.lock_minutes_left(user, NOW + timedelta(minutes=15)) is None


@pytest.mark.parametrize(
    ("locked_for", "expected"),
    [(None, None), (timedelta(seconds=-1), None), (timedelta(seconds=30), 1),
     (timedelta(minutes=29, seconds=59), 30), (timedelta(minutes=30), 31)],
)  # fmt: skip
def test_lock_minutes_left(locked_for: timedelta | None, expected: int | None) -> None:
    """Whole minutes left, rounded up, at least one; None when not locked."""
    user = BotUser(telegram_id=1, locked_until=NOW + locked_for if locked_for else None)
    assert registration.lock_minutes_left(user, NOW) == expected


@pytest.mark.parametrize(
    ("ttl", "redeem_twice", "expected"),
    [
        (timedelta(hours=1), False, None),
        (timedelta(hours=-1), False, "invite_expired"),
        (timedelta(hours=1), True, "invite_used"),
    ],
)
async def test_link_by_invite(
    db: Database, ttl: timedelta, redeem_twice: bool, expected: str | None
) -> None:
    """A valid code links; expired and used codes are refused with their reason."""
    emp_id = await add_employee(db)
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        code = await create_invite(session, employee, ttl, now=NOW)
    if redeem_twice:
        async with db.transaction() as session:
            first = await get_or_create_user(session, USER_ID + 1)
            await registration.link_by_invite(session, NOW, _settings(), first, code)
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER_ID)
        result = await registration.link_by_invite(session, NOW, _settings(), user, code)
    if expected is None:
        assert isinstance(result, Linked) and result.employee.id == emp_id
    else:
        assert result == Refused(expected)  # type: ignore[arg-type]


async def test_link_by_unknown_invite(db: Database) -> None:
    """A malformed or unknown code is refused as unknown and counted."""
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER_ID)
        result = await registration.link_by_invite(session, NOW, _settings(), user, "bad code!")
        assert result == Refused("invite_unknown") and user.failed_link_attempts == 1


async def test_record_consent(db: Database) -> None:
    """Consent is stored with its time and audited."""
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER_ID)
        await registration.record_consent(session, NOW, user)
    async with db.transaction() as session:
        stored = await session.get(BotUser, USER_ID)
        assert stored is not None and stored.consent_at is not None
    assert await _audit_actions(db) == ["consent.given"]
