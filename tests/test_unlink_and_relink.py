"""HR unlinks an account (one service for /putus and ``asn-bot unlink``); inactive never relinks."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.admin import service as admin
from bot.cli.main import main
from bot.config import load_settings
from bot.delivery.outbox import queue_message
from bot.messages import OutgoingMessage
from bot.registration import service as registration
from bot.registration.invites import create_invite
from bot.registration.service import Refused
from storage.db import Database
from storage.models import AuditEntry, BotUser, ConversationState, Employee, OutboxMessage
from storage.queries import conversation, users
from storage.queries.employees import deactivate_employees
from storage.queries.users import get_or_create_user
from tests.factories import add_employee

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TODAY = date(2026, 3, 2)
HR, USER = 900001, 7401
NIP = "199003152015031001"


@pytest.mark.parametrize(
    ("nip", "linked", "expected"),
    [(NIP, True, admin.LinkedAccount), (NIP, False, admin.NotLinked),
     ("199104202015032002", True, admin.UnknownNip), ("123", True, admin.BadNip)],
)  # fmt: skip
async def test_linked_account_shows_who_before_unlinking(
    db: Database, nip: str, linked: bool, expected: type
) -> None:
    """/putus first names the employee (NIP masked) and changes nothing."""
    await add_employee(db, telegram_id=USER if linked else None)
    async with db.transaction() as session:
        found = await admin.linked_account(session, nip, TODAY)
    assert isinstance(found, expected)
    if isinstance(found, admin.LinkedAccount):
        assert (found.name, found.masked_nip, found.unit) == (
            "Andi Saputra", "••••••••••••••1001", "Dinas Kesehatan"
        )  # fmt: skip
    async with db.transaction() as session:
        assert (await session.get(BotUser, USER) is not None) is linked


async def test_unlink_detaches_clears_cancels_audits_and_tells(db: Database) -> None:
    """The account loses the link and its conversation; unsent messages are cancelled."""
    emp_id = await add_employee(db, telegram_id=USER)
    async with db.transaction() as session:
        await conversation.set_state(session, USER, "aspiration", "reason", {"x": 1})
        await queue_message(session, USER, OutgoingMessage("konsultasi"), "kons1v1")
    async with db.transaction() as session:
        first = await admin.unlink_account(session, NOW, HR, emp_id)
        again = await admin.unlink_account(session, NOW, HR, emp_id)
    assert (first, again) == (True, False)
    async with db.transaction() as session:
        user = await session.get(BotUser, USER)
        states = (await session.execute(select(ConversationState))).scalars().all()
        rows = (await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars()
        outbox = [(r.dedup_key, r.status) for r in rows]
        audit = (await session.execute(select(AuditEntry.actor, AuditEntry.action))).all()
        employee = await session.get(Employee, emp_id)
    assert user is not None and user.employee_id is None and user.linked_at is None
    assert states == [] and employee is not None and employee.active
    assert outbox[0] == (f"kons1v1:{USER}", "cancelled") and outbox[1][1] == "pending"
    assert [tuple(a) for a in audit] == [(f"tg:{HR}", "account.unlinked_by_hr")]


async def _seek_link(db: Database, how: str, employee_id: int) -> object:
    """Try to link a fresh Telegram user to ``employee_id`` by contact or invite."""
    async with db.transaction() as session:
        user = await get_or_create_user(session, USER + 1)
        settings = load_settings(_env_file=None)
        if how == "contact":
            return await registration.link_by_contact(
                session, NOW, settings, user, USER + 1, "+62 812-3456-7890"
            )
        employee = await session.get(Employee, employee_id)
        assert employee is not None
        code = await create_invite(session, employee, timedelta(hours=1), now=NOW)
        return await registration.link_by_invite(session, NOW, settings, user, code)


@pytest.mark.parametrize(
    ("how", "refusal"), [("contact", "unknown_phone"), ("invite", "invite_unknown")]
)
async def test_inactive_employee_cannot_be_linked_again(
    db: Database, how: str, refusal: str
) -> None:
    """After an unlink, an inactive employee links neither by contact nor by invite."""
    emp_id = await add_employee(db, telegram_id=USER)
    async with db.transaction() as session:
        assert await admin.unlink_account(session, NOW, HR, emp_id)
        await deactivate_employees(session, [emp_id])
        refused_invite = await admin.invite_employee(
            session, NOW, HR, NIP, timedelta(hours=1), TODAY
        )
    assert isinstance(refused_invite, admin.InactiveNip)
    assert await _seek_link(db, how, emp_id) == Refused(refusal)  # type: ignore[arg-type]


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the CLI at a fresh SQLite file; returns its URL."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DEFAULT_LOCALE", "id")
    return url


def test_cli_unlink(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``asn-bot unlink NIP`` unlinks once and prints the masked NIP; then says not linked."""
    assert main(["unlink", NIP]) == 1  # migrates the new database; nobody there yet
    capsys.readouterr()

    async def seed() -> None:
        db = Database(cli_env)
        try:
            await add_employee(db, telegram_id=USER)
        finally:
            await db.dispose()

    asyncio.run(seed())
    assert main(["unlink", NIP]) == 0
    out = capsys.readouterr().out
    assert "••••••••••••••1001" in out and NIP not in out
    assert main(["unlink", NIP]) == 1
    assert main(["unlink", "123"]) == 1


async def test_unlinking_a_departed_officer_revokes_their_roles(db: Database) -> None:
    """An HR officer's account unlinked by HR keeps no role (roles belong to the Telegram id)."""
    emp_id = await add_employee(db, telegram_id=USER)
    async with db.transaction() as session:
        await users.grant_role(session, USER, "hr", granted_by="test")
    async with db.transaction() as session:
        assert await admin.unlink_account(session, NOW, HR, emp_id)
    async with db.transaction() as session:
        assert await users.roles_of(session, USER) == frozenset()
