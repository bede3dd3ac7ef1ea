"""Role checks, /bahasa, /cancel and command menus, end to end."""

from __future__ import annotations

import pytest

from bot.harness import BotHarness
from bot.texts import t
from handlers.matching_hr import (
    ExportCandidates,
    PickPosition,
    TurnCandidatesPage,
    TurnPositionsPage,
)
from handlers.menu import ChooseLanguage, OpenCommand
from handlers.profile import ConfirmUnlink, ExportData
from tests.conftest import HR_ID
from tests.factories import add_employee

HR_COMMANDS = ["/undangan 199003152015031001"]
FORGED_HR_BUTTONS = [
    "import-kind:roster",
    "import-partial",
    PickPosition(1).pack(),
    TurnCandidatesPage(1, 0).pack(),
    ExportCandidates(1).pack(),
    TurnPositionsPage(0).pack(),
    OpenCommand("kandidat").pack(),
]


@pytest.mark.parametrize("command", HR_COMMANDS)
async def test_employee_refused_hr_command(harness: BotHarness, command: str) -> None:
    """An employee calling an HR command is refused."""
    await add_employee(harness.services.db, telegram_id=6001)
    user = harness.user(6001)
    reply = await user.ask(command)
    assert "hanya untuk petugas" in reply.text


async def test_every_hr_command_refused_for_employee(harness: BotHarness) -> None:
    """Every command registered with a role refuses a plain employee."""
    await add_employee(harness.services.db, telegram_id=6002)
    user = harness.user(6002)
    privileged = [s.name for s in harness.services.commands.specs.values() if s.roles]
    assert privileged, "no privileged commands registered"
    for name in privileged:
        reply = await user.ask(f"/{name}")
        assert "hanya untuk petugas" in reply.text, name


@pytest.mark.parametrize("data", FORGED_HR_BUTTONS)
async def test_forged_hr_button_refused(harness: BotHarness, data: str) -> None:
    """A forged HR callback is answered with an alert and changes nothing."""
    await add_employee(harness.services.db, telegram_id=6003)
    user = harness.user(6003)
    await user.ask("/menu")
    await user.press(data=data)
    answers = await user.callback_answers(min_count=1)
    assert answers and "hanya untuk petugas" in answers[-1]["text"]
    assert answers[-1]["show_alert"] is True


async def test_hr_creates_invite(harness: BotHarness) -> None:
    """HR gets a deep link for an employee's NIP."""
    await add_employee(harness.services.db)
    hr = harness.user(HR_ID)
    reply = await hr.ask("/undangan 199003152015031001")
    assert "https://t.me/" in reply.text and "?start=" in reply.text
    bad = await hr.ask("/undangan 123")
    assert "NIP tidak valid" in bad.text


async def test_language_switch(harness: BotHarness) -> None:
    """/bahasa switches the language of later replies."""
    await add_employee(harness.services.db, telegram_id=6004)
    user = harness.user(6004)
    chooser = await user.ask("/bahasa")
    await user.press("🇬🇧 English")
    changed = await user.wait_edit(chooser.message_id)
    assert "English" in changed.text
    reply = await user.ask("/help")
    assert "What you can do" in reply.text
    await user.ask("/bahasa")
    await user.press("🇮🇩 Bahasa Indonesia")
    assert "Yang dapat Anda lakukan" in (await user.ask("/help")).text


async def test_cancel_leaves_conversation(harness: BotHarness) -> None:
    """/cancel leaves a conversation; the next text is not taken as an answer."""
    await add_employee(harness.services.db, telegram_id=6005)
    user = harness.user(6005)
    await user.ask("/profil")
    await user.press("➕ Keahlian")
    assert "Ketik keahlian" in (await user.reply()).text
    assert "Dibatalkan" in (await user.ask("/cancel")).text
    assert "tidak sedang menunggu" in (await user.ask("jaringan komputer")).text
    assert "Tidak ada percakapan" in (await user.ask("/cancel")).text


async def test_command_menus_per_role(harness: BotHarness) -> None:
    """Employees' default menu has no HR command; the HR chat scope has them."""
    default = await harness.client.commands({"type": "all_private_chats"})
    names = {c["command"] for c in default}
    assert "profil" in names and "undangan" not in names
    await harness.user(HR_ID).ask("/help")
    hr_scope = await harness.client.commands({"type": "chat", "chat_id": HR_ID})
    assert "undangan" in {c["command"] for c in hr_scope}


async def test_profile_skill_edit_and_export(harness: BotHarness) -> None:
    """An employee adds, edits and exports self-declared skills."""
    await add_employee(harness.services.db, telegram_id=6006)
    user = harness.user(6006)
    await user.ask("/profil")
    await user.press("➕ Keahlian")
    await user.reply()
    too_long = await user.ask("x" * 301)
    assert "terlalu panjang" in too_long.text
    await user.send_photo()
    assert "mengetik teks" in (await user.reply()).text
    await user.send("analisis data, SIG")
    saved, card = await user.replies(2)
    assert "Tersimpan" in saved.text and "analisis data, SIG" in card.text
    await user.press("📥 Unduh data saya")
    doc = await user.reply()
    data = await user.download(doc)
    assert b"analisis data, SIG" in data and b"199003152015031001" in data


async def test_unlink_erases_given_data_keeps_roster(harness: BotHarness) -> None:
    """Unlinking asks for confirmation, erases self-given data, keeps HR's roster row."""
    from sqlalchemy import func, select

    from storage.models import Employee, EmployeeSkill

    await add_employee(harness.services.db, telegram_id=6007)
    user = harness.user(6007)
    await user.ask("/profil")
    await user.press("➕ Keahlian")
    await user.reply()
    await user.send("kearsipan")
    await user.replies(2)
    await user.press(t("id", "profile.btn_unlink"))
    confirm = await user.reply()
    assert "tetap disimpan BKPSDM" in confirm.text
    await user.press(t("id", "profile.btn_unlink_yes"))
    done = await user.wait_edit(confirm.message_id)
    assert done.text == t("id", "profile.unlinked")
    assert "belum terhubung" in (await user.ask("/profil")).text
    async with harness.services.db.transaction() as session:
        skills = await session.scalar(select(func.count()).select_from(EmployeeSkill))
        employees = await session.scalar(select(func.count()).select_from(Employee))
    assert skills == 0 and employees == 1


@pytest.mark.parametrize("data", [ExportData().pack(), ConfirmUnlink().pack()])
async def test_forged_profile_button_needs_a_linked_account(harness: BotHarness, data: str) -> None:
    """Profile buttons of a user who is not linked change nothing and say how to register."""
    user = harness.user(6008)
    await user.ask("/bahasa")  # any message with buttons
    await user.press(data=data)
    assert (await user.reply()).text == t("id", "common.register_first")


async def test_forged_language_refused(harness: BotHarness) -> None:
    """An unknown locale in a language button is a stale button; the language stays."""
    user = harness.user(6009)
    await user.ask("/bahasa")  # any message with buttons
    await user.press(data=ChooseLanguage("fr").pack())
    answers = await user.callback_answers(min_count=1)
    assert answers[-1]["text"] == t("id", "common.stale_button")
    assert "Yang dapat Anda lakukan" in (await user.ask("/help")).text
