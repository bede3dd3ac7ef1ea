"""HR aspiration flows end to end: a role lost mid-conversation, and notices that cannot land."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select, update

from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.texts import t
from storage.models import (
    AspirationHistory,
    AspirationWindow,
    ConversationState,
    OutboxMessage,
    utcnow,
)
from storage.queries.users import revoke_role
from tests.conftest import HR_ID
from tests.e2e.outbox import settled_status
from tests.e2e.test_aspirations import EMP_ID, _aspirations, _fill_to_summary, _press, _setup
from tests.texts import shows

REFUSED = t("id", "common.step_not_allowed")
ERROR = t("id", "common.error")


async def _submitted(harness: BotHarness) -> EmulatedUser:
    """The employee sends one aspiration; returns the employee (to read later replies)."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await _fill_to_summary(user)
    await _press(user, "✅ Kirim")
    return user


async def _open_first(hr: EmulatedUser, reference: str) -> None:
    """HR opens the first aspiration of the list."""
    await hr.ask("/rekap_aspirasi")
    await _press(hr, "📋 Daftar aspirasi")
    await _press(hr, f"1. {reference}")


async def _revoke_hr(harness: BotHarness) -> None:
    """Take the HR role away (as ``asn-bot admin remove`` does)."""
    async with harness.services.db.transaction() as session:
        assert await revoke_role(session, HR_ID, "hr") == 1


async def _state_of(harness: BotHarness, telegram_id: int) -> ConversationState | None:
    """The stored conversation state of a user."""
    async with harness.services.db.transaction() as session:
        return await session.get(ConversationState, telegram_id)


async def test_decision_note_refused_after_role_removed(harness: BotHarness) -> None:
    """HR asked for a return note loses the role: the typed note is refused, nothing changes."""
    await _submitted(harness)
    [asp] = await _aspirations(harness)
    hr = harness.user(HR_ID)
    await _open_first(hr, str(asp.reference))
    ask = await _press(hr, "↩️ Kembalikan untuk perbaikan")
    assert "catatan" in ask.text.lower()
    await _revoke_hr(harness)
    refused = await hr.ask("Mohon lengkapi jabatan.")
    assert refused.text == REFUSED
    [after] = await _aspirations(harness)
    assert after.status == "submitted" and after.hr_note == ""
    async with harness.services.db.transaction() as session:
        actions = (await session.execute(select(AspirationHistory.action))).scalars().all()
    assert list(actions) == ["submit"]
    assert await _state_of(harness, HR_ID) is None


async def test_window_creation_refused_after_role_removed(harness: BotHarness) -> None:
    """HR naming a new window loses the role: the next typed step is refused, no window."""
    await _setup(harness, open_window=False)
    hr = harness.user(HR_ID)
    await hr.ask("/periode")
    await _press(hr, "➕ Buka periode baru")
    await hr.ask("Penjaringan Semester II")
    await _revoke_hr(harness)
    refused = await hr.ask((date.today() + timedelta(days=1)).isoformat())
    assert refused.text == REFUSED
    async with harness.services.db.transaction() as session:
        windows = await session.scalar(select(func.count()).select_from(AspirationWindow))
    assert windows == 0
    assert await _state_of(harness, HR_ID) is None


async def _outbox_status(harness: BotHarness, chat_id: int) -> str | None:
    """The status of the (single) outbox row for ``chat_id`` once it is settled."""
    return await settled_status(harness, OutboxMessage.chat_id == chat_id)


async def _undo_time_passes(harness: BotHarness) -> None:
    """The acceptance's undo time is over: its waiting notice is due now."""
    async with harness.services.db.transaction() as session:
        await session.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
    harness.services.outbox.wake()


async def test_blocked_employee_does_not_fail_the_decision(harness: BotHarness) -> None:
    """The employee blocked the bot: HR's acceptance still succeeds without an error message."""
    await _submitted(harness)
    [asp] = await _aspirations(harness)
    await harness.client.block_chat(EMP_ID)
    hr = harness.user(HR_ID)
    await _open_first(hr, str(asp.reference))
    confirm = await _press(hr, t("id", "aspr.btn_accept"))
    assert shows(confirm.source_text or confirm.text, "aspr.confirm_accept")
    done = await _press(hr, t("id", "aspr.btn_accept_yes"))
    assert t("id", "asp.status.accepted") in done.text and "↩️ Urungkan" in done.button_labels
    await _undo_time_passes(harness)
    assert await _outbox_status(harness, EMP_ID) == "unreachable"
    later = await hr.client.messages(HR_ID, after=done.message_id)
    assert all(ERROR not in m.text for m in later)
    [after] = await _aspirations(harness)
    assert after.status == "accepted"


async def test_employee_notice_goes_through_the_outbox(harness: BotHarness) -> None:
    """A verification reaches the employee from the outbox row queued with the decision."""
    user = await _submitted(harness)
    [asp] = await _aspirations(harness)
    hr = harness.user(HR_ID)
    await _open_first(hr, str(asp.reference))
    done = await _press(hr, "☑️ Verifikasi")
    assert "Diverifikasi" in done.text
    notice = await user.reply()
    assert str(asp.reference) in notice.text and "Diverifikasi" in notice.text
    assert await _outbox_status(harness, EMP_ID) == "sent"
