"""A shared contact of a foreign number is refused with its own text, never linked."""

from __future__ import annotations

import re

from bot.harness import BotHarness
from bot.texts import t
from tests.factories import add_employee
from tests.texts import shows


async def test_korean_contact_does_not_link_an_indonesian_roster_row(harness: BotHarness) -> None:
    """+82 10… used to be read as 0821 0…: it must not link that employee."""
    await add_employee(harness.services.db, phone="62821012345678", name="Dewi Lestari")
    user = harness.user(5031)
    await user.send("/start")
    await user.replies(2)
    await user.press("✅ Saya setuju")
    await user.reply()
    await user.share_contact("+82 10-1234-5678")
    refused = await user.reply()
    assert shows(refused.text, "reg.foreign_phone")
    assert "Dewi Lestari" not in refused.text
    assert shows((await user.ask("/profil")).text, "common.register_first")
    await user.share_contact("+62 821-0123-45678")
    linked, _menu = await user.replies(2)
    assert linked.text == re.sub(r"<[^>]+>", "", t("id", "reg.linked", name="Dewi Lestari"))
