"""HR administration without Telegram: invites by NIP, role grants and revocations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.admin import service as admin
from bot.registration.invites import hash_code
from storage.db import Database
from storage.models import AuditEntry, InviteCode
from storage.queries.users import roles_of
from tests.factories import add_employee

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TODAY = date(2026, 3, 2)
HR = 900001


async def _audit(db: Database) -> list[tuple[str, str, str]]:
    """(actor, action, entity_id) of every audit entry."""
    async with db.transaction() as session:
        rows = await session.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.entity_id)
        )
        return [tuple(r) for r in rows.all()]


@pytest.mark.parametrize(
    ("nip", "expected", "code"),
    [
        ("199003152015031001", admin.InviteCreated, None),
        (" 19900315 201503 1 001 ", admin.InviteCreated, None),
        ("199104202015032002", admin.UnknownNip, None),
        ("123", admin.BadNip, "nip_length"),
        ("abc", admin.BadNip, "nip_digits"),
        ("199003152015033001", admin.BadNip, "nip_sex"),
    ],
)
async def test_invite_employee(db: Database, nip: str, expected: type, code: str | None) -> None:
    """A valid, known NIP gets a stored, audited one-time code; others say why not."""
    emp_id = await add_employee(db)
    async with db.transaction() as session:
        result = await admin.invite_employee(session, NOW, HR, nip, timedelta(hours=2), TODAY)
    assert isinstance(result, expected)
    async with db.transaction() as session:
        invites = list((await session.execute(select(InviteCode))).scalars())
    if isinstance(result, admin.InviteCreated):
        assert result.name == "Andi Saputra" and result.expires_at == NOW + timedelta(hours=2)
        assert [i.code_hash for i in invites] == [hash_code(result.code)]
        assert await _audit(db) == [(f"tg:{HR}", "invite.create", str(emp_id))]
    else:
        assert invites == [] and await _audit(db) == []
    if isinstance(result, admin.BadNip):
        assert result.error.code == code


@pytest.mark.parametrize(("actor", "audited_as"), [(None, "cli"), (HR, f"tg:{HR}")])
async def test_grant_and_revoke(db: Database, actor: int | None, audited_as: str) -> None:
    """Granting twice adds once; revoking one role or all is counted and audited."""
    async with db.transaction() as session:
        assert await admin.grant_role(session, actor, 42, "hr") is True
        assert await admin.grant_role(session, actor, 42, "hr") is False
        assert await admin.grant_role(session, actor, 42, "approver") is True
        assert await roles_of(session, 42) == {"hr", "approver"}
        assert await admin.revoke_role(session, actor, 42, "hr") == 1
        assert await admin.revoke_role(session, actor, 42, "hr") == 0
        assert await admin.revoke_role(session, actor, 42) == 1
        assert await roles_of(session, 42) == frozenset()
    actions = [(a, act) for a, act, _ in await _audit(db)]
    assert actions == [
        (audited_as, "role.granted"),
        (audited_as, "role.granted"),
        (audited_as, "role.revoked"),
        (audited_as, "role.revoked"),
    ]
