"""Invite codes: create, redeem once, expiry and already-linked accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.registration.invites import (
    InviteError,
    create_invite,
    hash_code,
    invite_link,
    redeem_invite,
)
from storage.db import Database
from storage.models import BotUser, Employee, InviteCode, Unit, utcnow


async def make_employee(db: Database, nip: str = "198501012009011001") -> int:
    """Insert a unit and one employee; return the employee id."""
    async with db.transaction() as session:
        unit = (await session.execute(select(Unit))).scalar_one_or_none()
        if unit is None:
            unit = Unit(name="Dinas Kesehatan")
            session.add(unit)
            await session.flush()
        employee = Employee(nip=nip, name="Budi Santoso", phone="6281234567890", unit_id=unit.id)
        session.add(employee)
        await session.flush()
        return employee.id


async def new_code(db: Database, employee_id: int, ttl: timedelta = timedelta(hours=72)) -> str:
    """Create an invite for the employee."""
    async with db.transaction() as session:
        employee = await session.get(Employee, employee_id)
        assert employee is not None
        return await create_invite(session, employee, ttl, now=utcnow())


async def test_redeem_links_once(db: Database) -> None:
    employee_id = await make_employee(db)
    code = await new_code(db, employee_id)
    async with db.transaction() as session:
        stored = (await session.execute(select(InviteCode))).scalar_one()
        assert stored.code_hash == hash_code(code) and code not in stored.code_hash
    now = utcnow()
    async with db.transaction() as session:
        employee = await redeem_invite(session, code, 4242, now)
        assert employee.id == employee_id
    async with db.transaction() as session:
        user = await session.get(BotUser, 4242)
        assert user is not None and user.employee_id == employee_id and user.linked_at is not None
    async with db.transaction() as session:
        with pytest.raises(InviteError) as info:
            await redeem_invite(session, code, 4343, now)
    assert info.value.reason == "used"


async def test_unknown_and_expired(db: Database) -> None:
    employee_id = await make_employee(db)
    code = await new_code(db, employee_id, ttl=timedelta(hours=1))
    async with db.transaction() as session:
        for bad in ("nope", "x" * 80, "bad code!"):
            with pytest.raises(InviteError) as info:
                await redeem_invite(session, bad, 1, utcnow())
            assert info.value.reason == "unknown"
        with pytest.raises(InviteError) as info:
            await redeem_invite(session, code, 1, utcnow() + timedelta(hours=2))
        assert info.value.reason == "expired"


async def test_already_linked(db: Database) -> None:
    first = await make_employee(db)
    second = await make_employee(db, nip="199001012015012001")
    code_first = await new_code(db, first)
    second_code_a = await new_code(db, second)
    second_code_b = await new_code(db, second)
    async with db.transaction() as session:
        await redeem_invite(session, code_first, 77, utcnow())
        await redeem_invite(session, second_code_a, 78, utcnow())
    async with db.transaction() as session:
        with pytest.raises(InviteError) as info:  # this Telegram account is linked already
            await redeem_invite(session, second_code_b, 77, utcnow())
        assert info.value.reason == "already_linked"
        with pytest.raises(InviteError) as info:  # the employee is linked to someone else
            await redeem_invite(session, second_code_b, 79, utcnow())
        assert info.value.reason == "already_linked"


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("SukamajuBot", "https://t.me/SukamajuBot?start=abc"),
        ("@SukamajuBot", "https://t.me/SukamajuBot?start=abc"),
        ("", None),
    ],
)
def test_invite_link(username: str, expected: str | None) -> None:
    assert invite_link(username, "abc") == expected
