"""Ways in: forged private chats, inactive employees, edited messages."""

from __future__ import annotations

import asyncio

from bot.harness import BotHarness
from tests.factories import add_employee
from tests.texts import shows


async def test_private_update_with_foreign_chat_is_ignored(harness: BotHarness) -> None:
    """A private-chat update whose chat differs from its sender gets no answer anywhere."""
    await add_employee(harness.services.db, telegram_id=7301)
    victim = harness.user(7302)
    await harness.client.register_chat(victim.chat_id)
    sender = {"id": 7301, "is_bot": False, "first_name": "Forger"}
    chat = {"id": victim.chat_id, "type": "private", "first_name": "Victim"}
    await harness.client.inject_update(
        "message", {"from": sender, "chat": chat, "text": "/profil",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 7}]},
    )  # fmt: skip
    await asyncio.sleep(1.0)
    assert await harness.client.messages(victim.chat_id) == []
    assert await harness.client.messages(7301) == []


async def test_inactive_employee_gets_only_a_notice(harness: BotHarness) -> None:
    """An employee marked inactive sees no data, only the polite notice, for any command."""
    await add_employee(harness.services.db, telegram_id=7303, active=False)
    user = harness.user(7303)
    for command in ("/profil", "/aspirasi", "/menu"):
        reply = await user.ask(command)
        assert shows(reply.text, "common.inactive"), command
