"""/sosialisasi end to end: HR edits a step, a decreed move's campaign follows a TMT change."""

from __future__ import annotations

from datetime import date, timedelta

from bot.campaigns.service import template_view
from bot.events import MOVE_DECREED, MOVE_TMT_CHANGED, MoveEvent
from bot.harness import BotHarness
from bot.i18n.dates import format_date
from bot.services.campaigns import KIND
from bot.texts import t
from storage.models import utcnow
from storage.queries import conversation, users
from storage.queries import scheduling as sq
from tests.conftest import HR_ID
from tests.factories import add_employee

EMPLOYEE_TID = 7101


async def _edit_first_step(harness: BotHarness) -> None:
    """HR gives step 1 a new text and moves it to D-20 09:00."""
    hr = harness.user(HR_ID)
    listing = await hr.ask("/sosialisasi")
    assert "H-14" in listing.text and "D-14" not in listing.text  # Indonesian H-14
    await hr.press("✏️ Teks 1")
    assert "Ketik teks baru" in (await hr.reply()).text
    assert "HTML tidak sah" in (await hr.ask("<b>rusak")).text
    await hr.send("Persiapan mutasi {name}, TMT {tmt}")
    saved, _title, preview, listing = await hr.replies(4)  # with a preview for a sample
    assert "disimpan" in saved.text and "Persiapan mutasi" in listing.text
    assert preview.text.startswith("Persiapan mutasi ") and "{name}" not in preview.text
    await hr.press("⏱ Waktu 1")
    await hr.reply()
    assert "tidak dikenali" in (await hr.ask("kemarin")).text
    await hr.send("D-20 09:00")
    saved, listing = await hr.replies(2)
    assert "disimpan" in saved.text
    assert "1. H-20 pukul 09.00 WIB — Persiapan mutasi" in listing.text


async def test_edited_step_follows_tmt_change(harness: BotHarness) -> None:
    """The edited step is scheduled at the new TMT's D-20 09:00, sent then and not before."""
    employee_id = await add_employee(
        harness.services.db, nip="199003152015031001", phone="628120000001",
        telegram_id=EMPLOYEE_TID,
    )  # fmt: skip
    await harness.client.register_chat(EMPLOYEE_TID)
    await _edit_first_step(harness)
    events = harness.services.events
    today = utcnow().astimezone(harness.settings.tz).date()
    old_tmt, new_tmt = today + timedelta(days=40), today + timedelta(days=70)
    async with harness.services.db.transaction() as session:
        await events.emit(MOVE_DECREED, session, MoveEvent(9001, employee_id, old_tmt, 1))
    async with harness.services.db.transaction() as session:
        await events.emit(MOVE_TMT_CHANGED, session, MoveEvent(9001, employee_id, new_tmt, 1))
    async with harness.services.db.transaction() as session:
        pending = sorted(
            (i for i in await sq.pending_items(session) if i.kind == KIND), key=lambda i: i.run_at
        )
    first = pending[0].run_at.astimezone(harness.settings.tz)
    assert (first.date(), first.strftime("%H:%M")) == (new_tmt - timedelta(days=20), "09:00")
    scheduler = harness.services.scheduler
    old_time = first - (new_tmt - old_tmt) + timedelta(minutes=1)
    assert await scheduler.fire_due(old_time) == []
    assert await harness.client.sent_log(EMPLOYEE_TID) == []
    outcomes = await scheduler.fire_due(first + timedelta(minutes=1))
    assert [o.outcome for o in outcomes] == ["fired"]
    employee = harness.user(EMPLOYEE_TID)
    message = await employee.reply(timeout=15)
    assert message.text.startswith("Persiapan mutasi")
    assert format_date(new_tmt, "id", "long") in message.text  # announcements: long date
    assert _d(new_tmt) != _d(old_tmt)


def _d(day: date) -> str:
    """A TMT as the messages print it."""
    return day.strftime("%d-%m-%Y")


async def test_role_removed_mid_edit_refuses_the_text(harness: BotHarness) -> None:
    """HR loses the role after pressing an edit button: the typed text is refused, not saved."""
    hr = harness.user(HR_ID)
    await hr.ask("/sosialisasi")
    await hr.press("✏️ Teks 1")
    await hr.reply()
    async with harness.services.db.transaction() as session:
        assert await users.revoke_role(session, HR_ID, "hr") == 1
    refused = await hr.ask("Teks yang tidak boleh tersimpan")
    assert refused.text == t("id", "common.step_not_allowed")
    async with harness.services.db.transaction() as session:
        view = await template_view(session, "id")
        assert all("tidak boleh" not in step.text for step in view.steps)
        assert await conversation.get_state(session, HR_ID) is None
