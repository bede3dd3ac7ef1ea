"""Departed employees in chat: a confirmed full roster deactivates them; HR unlinks (/putus)."""

from __future__ import annotations

import re

from bot.harness import BotHarness
from bot.roster.demo_data import generate_rows, to_csv
from bot.texts import t
from handlers.imports import ConfirmFullRoster
from tests.conftest import HR_ID
from tests.factories import add_employee
from tests.texts import shows

LEFT_TG = 7601
LEFT_NIP = "199104202015032002"


def _plain(key: str, **params: object) -> str:
    """The Indonesian text of ``key`` as the chat shows it (HTML tags rendered away)."""
    return re.sub(r"<[^>]+>", "", t("id", key, **params))


async def test_full_roster_in_chat_asks_then_deactivates(harness: BotHarness) -> None:
    """The full-roster button counts who goes, applies only on confirmation, and they go."""
    await add_employee(harness.services.db, nip=LEFT_NIP, name="Sari", telegram_id=LEFT_TG)
    leaver = harness.user(LEFT_TG)
    assert not shows((await leaver.ask("/profil")).text, "common.inactive")
    hr = harness.user(HR_ID)
    await hr.upload(to_csv(generate_rows(3, seed=31)), filename="roster.csv")
    await hr.reply()
    await hr.press(data=ConfirmFullRoster().pack())  # out of turn: nothing is applied
    assert shows((await hr.reply()).text, "common.stale_button")
    await hr.press(t("id", "import.kind_roster_full"))
    confirm = await hr.reply()
    assert confirm.text == _plain("import.full.confirm", read=3, count=1)
    assert not shows((await leaver.ask("/profil")).text, "common.inactive")
    await hr.press(t("id", "import.full.btn_confirm"))
    report = (await hr.reply()).text
    assert t("id", "import.report.deactivated", count=1) in report
    assert shows((await leaver.ask("/profil")).text, "common.inactive")


async def test_putus_unlinks_after_confirmation(harness: BotHarness) -> None:
    """/putus NIP names the employee (NIP masked), unlinks on the button, tells the user."""
    await add_employee(harness.services.db, nip=LEFT_NIP, name="Sari", telegram_id=LEFT_TG)
    employee = harness.user(LEFT_TG)
    assert shows((await employee.ask(f"/putus {LEFT_NIP}")).text, "common.not_allowed")
    hr = harness.user(HR_ID)
    shown = await hr.ask(f"/putus {LEFT_NIP}")
    assert "Sari" in shown.text and "••••••••••••••2002" in shown.text
    assert LEFT_NIP not in shown.text and "Dinas Kesehatan" in shown.text
    assert shown.button_labels[0] == t("id", "admin.btn_unlink")
    await hr.press(t("id", "admin.btn_unlink"))
    assert (await hr.wait_edit(shown.message_id)).text == _plain("admin.unlinked")
    notice = await employee.reply()
    assert shows(notice.text, "admin.unlinked_notice")
    assert shows((await employee.ask("/profil")).text, "common.register_first")
    assert shows((await hr.ask(f"/putus {LEFT_NIP}")).text, "admin.unlink_not_linked")
