"""An edited message never answers the current step, not even when edited into a command."""

from __future__ import annotations

import time

from bot.harness import BotHarness
from bot.texts import t
from tests.factories import add_employee
from tests.texts import shows

USER = 7501


async def _edit(harness: BotHarness, text: str) -> None:
    """Inject an ``edited_message`` update of the user's earlier message, now saying ``text``."""
    payload = {
        "from": {"id": USER, "is_bot": False, "first_name": "Andi"},
        "chat": {"id": USER, "type": "private", "first_name": "Andi"},
        "text": text,
        "date": int(time.time()) - 60,
        "edit_date": int(time.time()),
    }
    if text.startswith("/"):
        payload["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    await harness.client.inject_update("edited_message", payload)


async def test_edited_message_during_a_step_changes_nothing(harness: BotHarness) -> None:
    """Edits (plain text and an edited /cancel) are ignored; the step still waits for text."""
    await add_employee(harness.services.db, telegram_id=USER)
    user = harness.user(USER)
    await user.ask("/profil")
    await user.press(t("id", "profile.btn_add_skill"))
    await user.reply()  # profile.ask_text
    await _edit(harness, "teks yang diedit")
    await _edit(harness, "/cancel")
    await user.send("jaringan komputer")
    saved, card = await user.replies(2)
    assert shows(saved.text, "profile.saved")
    assert "jaringan komputer" in card.text
    assert "teks yang diedit" not in card.text
