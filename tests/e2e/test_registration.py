"""Registration end to end: consent, own contact, refusals, invite codes, groups."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from bot.emulator.client import DEFAULT_GROUP_ID
from bot.harness import BotHarness
from bot.registration.invites import create_invite
from bot.texts import t
from storage.models import Employee, utcnow
from tests.factories import add_employee
from tests.texts import shows


def _plain(key: str, **params: object) -> str:
    """The Indonesian text of ``key`` as the chat shows it (HTML tags rendered away)."""
    return re.sub(r"<[^>]+>", "", t("id", key, **params))


async def _consent(user) -> None:  # type: ignore[no-untyped-def]
    """Send /start and accept the consent question."""
    await user.send("/start")
    replies = await user.replies(2)
    assert "UU PDP" in replies[1].text
    await user.press("✅ Saya setuju")
    ask = await user.reply()
    assert "Bagikan nomor telepon saya" in ask.text


async def test_register_with_own_contact(harness: BotHarness) -> None:
    """A user sharing their own contact whose phone is in the roster gets linked."""
    await add_employee(harness.services.db, phone="6281234567890", name="Andi Saputra")
    user = harness.user(5001)
    await _consent(user)
    await user.share_contact("+62 812-3456-7890")
    linked, menu = await user.replies(2)
    assert "Andi Saputra" in linked.text
    assert "Menu utama" in menu.text
    profile = await user.ask("/profil")
    assert "••••••••••••••1001" in profile.text
    assert "199003152015031001" not in profile.text


async def test_someone_elses_contact_refused(harness: BotHarness) -> None:
    """A contact whose user_id is not the sender's is refused."""
    await add_employee(harness.services.db)
    user = harness.user(5002)
    await _consent(user)
    await user.share_contact("081234567890", user_id=7777)
    refused = await user.reply()
    assert "bukan milik akun Telegram Anda" in refused.text
    assert "Akun terhubung" not in (await user.ask("/profil")).text


async def test_unknown_phone_refused_and_lockout(harness: BotHarness) -> None:
    """An unknown phone is refused with what to do next; repeated failures lock the user."""
    user = harness.user(5003)
    await _consent(user)
    for _ in range(harness.settings.max_failed_link_attempts - 1):
        await user.share_contact("081299999999")
        assert "Hubungi BKPSDM" in (await user.reply()).text
    await user.share_contact("081299999999")
    _, locked = await user.replies(2)
    assert "Terlalu banyak percobaan" in locked.text


async def test_invite_code_links_and_is_single_use(harness: BotHarness) -> None:
    """A deep-link invite links the account once; reuse and expiry are refused."""
    db = harness.services.db
    emp_id = await add_employee(db, phone="6285555555555")
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        code = await create_invite(session, employee, timedelta(hours=1), now=utcnow())
        expired = await create_invite(session, employee, timedelta(hours=-1), now=utcnow())
    late = harness.user(5010)
    await late.send(f"/start {expired}")
    await late.replies(2)
    await late.press("✅ Saya setuju")
    answer = await late.reply()
    assert "kedaluwarsa" in answer.text

    user = harness.user(5004)
    await user.send(f"/start {code}")
    await user.replies(2)
    await user.press("✅ Saya setuju")
    linked, _menu = await user.replies(2)
    assert "Akun terhubung" in linked.text

    other = harness.user(5005)
    await other.send(f"/start {code}")
    await other.replies(2)
    await other.press("✅ Saya setuju")
    reused = await other.reply()
    assert "sudah pernah dipakai" in reused.text


async def test_group_chat_points_to_private(harness: BotHarness) -> None:
    """In a group the bot only points people to the private chat."""
    user = harness.user(5006)
    await user.send("/start", chat_type="group")
    for _ in range(100):
        messages = await harness.client.messages(DEFAULT_GROUP_ID)
        if messages:
            break
        await asyncio.sleep(0.05)
    reply = messages[-1]
    assert "chat pribadi" in reply.text
    assert harness.app is not None
    assert f"@{harness.app.bot.username}" in reply.text


async def test_declared_steps_answer_what_they_expect(harness: BotHarness) -> None:
    """Consent waits for its buttons; the contact step asks for the contact button."""
    await add_employee(harness.services.db, phone="6281234567890")
    user = harness.user(5020)
    await user.send("/start")
    await user.replies(2)
    hint = await user.ask("ya setuju")
    assert hint.text == t("id", "common.expect_button") and "✖️ Batal" in hint.button_labels
    again = await user.reply()  # the consent question again, with its buttons
    assert shows(again.source_text or again.text, "reg.consent")
    await user.press("✅ Saya setuju")
    await user.reply()
    assert (await user.ask("081234567890")).text == _plain("reg.press_contact_button")
    await user.send_photo()
    assert (await user.reply()).text == t("id", "common.expect_contact")
    await user.share_contact("081234567890")
    linked, _menu = await user.replies(2)
    assert linked.text == _plain("reg.linked", name="Andi Saputra")


async def test_locked_user_refused_at_start_and_contact(harness: BotHarness) -> None:
    """A locked-out user is told how long the lock lasts, whatever they send."""
    user = harness.user(5021)
    await _consent(user)
    for _ in range(harness.settings.max_failed_link_attempts):
        await user.share_contact("081299999999")
    await user.replies(harness.settings.max_failed_link_attempts + 1)
    minutes = harness.settings.link_lockout_minutes
    locked = {t("id", "reg.locked", minutes=m) for m in (minutes, minutes + 1)}
    assert (await user.ask("/start")).text in locked
