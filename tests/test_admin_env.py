"""ADMIN_TELEGRAM_IDS is the truth for the HR roles it grants; revoking a role ends flows."""

from __future__ import annotations

from bot.admin.service import grant_role, revoke_role, sync_env_admins
from storage.db import Database
from storage.queries import conversation, users


async def test_removed_env_admin_loses_the_role(db: Database) -> None:
    """An id dropped from the variable loses HR; grants made by others are kept."""
    async with db.transaction() as session:
        assert await sync_env_admins(session, [111, 222]) == []
        await grant_role(session, 999, 333, "hr")  # granted in chat by another officer
    async with db.transaction() as session:
        assert await sync_env_admins(session, [111]) == [222]
    async with db.transaction() as session:
        assert await users.roles_of(session, 111) == frozenset({"hr"})
        assert await users.roles_of(session, 222) == frozenset()
        assert await users.roles_of(session, 333) == frozenset({"hr"})
        assert await sync_env_admins(session, []) == [111]


async def test_revoking_a_role_ends_the_users_conversation(db: Database) -> None:
    """A step begun with a role cannot be finished after the role is gone."""
    async with db.transaction() as session:
        await grant_role(session, None, 444, "hr")
        await conversation.set_state(session, 444, "broadcast", "text", {})
    async with db.transaction() as session:
        assert await revoke_role(session, None, 444, "hr") == 1
    async with db.transaction() as session:
        assert await conversation.get_state(session, 444) is None
