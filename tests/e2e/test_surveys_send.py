"""HR sends a survey in chat: audience buttons, fuzzy unit pick, count, now or a local time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.harness import BotHarness
from bot.surveys.buttons import PickSurveyToSend, SendSurveyNow
from bot.texts import t
from storage.models.delivery import ScheduledItem
from storage.models.surveys import SurveyParticipation, SurveyRound
from storage.queries import conversation, users
from tests.conftest import HR_ID
from tests.factories import UNITS, add_employee
from tests.texts import shows


async def test_hr_sends_survey_to_fuzzy_picked_unit_now(harness: BotHarness) -> None:
    """/survei → Kirim → unit typed "dinkes" → 2 recipients → sent now → only they are invited."""
    db = harness.services.db
    for n, (tg, unit) in enumerate([(7401, UNITS[0]), (7402, UNITS[0]), (7403, UNITS[1])]):
        await add_employee(db, nip=f"19900101201503140{n}", name=f"P{n}", telegram_id=tg, unit=unit)
    await harness.client.register_chats([7401, 7402, 7403])
    hr = harness.user(HR_ID)
    listing = await hr.ask("/survei")
    assert "📤 Kirim #1" in str(listing.buttons)
    await hr.press("📤 Kirim #1")
    assert "kepada siapa" in (await hr.reply()).text
    assert "Gunakan tombol" in (await hr.ask("ini teks")).text
    await hr.press("Unit kerja tertentu")
    assert "Ketik beberapa huruf" in (await hr.reply()).text
    assert "Tidak ada unit" in (await hr.ask("zzzzqqq")).text
    matches = await hr.ask("dinkes")
    assert "Dinas Kesehatan" in str(matches.buttons)
    await hr.press("Dinas Kesehatan")
    assert "terpilih: Dinas Kesehatan" in (await hr.reply()).text
    await hr.press("✅ Selesai memilih unit")
    confirm = await hr.reply()
    assert "penerima: 2 pegawai yang sudah terhubung" in confirm.text
    assert "Dinas Kesehatan" in confirm.text
    await hr.press("📨 Kirim sekarang")
    done = await hr.reply()
    assert "Putaran #" in done.text and "dikirim sekarang kepada 2 penerima" in done.text
    for tg in (7401, 7402):
        invite = await harness.user(tg).reply(timeout=15)
        assert "Survei Kepuasan Pasca Mutasi" in invite.text
    async with db.transaction() as session:
        rnd = (await session.execute(select(SurveyRound))).scalar_one()
        parts = list((await session.execute(select(SurveyParticipation))).scalars())
    assert f"Putaran #{rnd.id}" in done.text
    assert rnd.kind == "manual" and rnd.audience and rnd.audience["kind"] == "units"
    assert len(parts) == 2 and all(p.status == "invited" for p in parts)


async def test_hr_schedules_survey_for_a_role_later(harness: BotHarness) -> None:
    """Malformed and past times are refused; a future local time schedules the round."""
    db = harness.services.db
    await add_employee(db, telegram_id=7411)
    await harness.client.register_chats([7411])
    hr = harness.user(HR_ID)
    await hr.ask("/survei")
    await hr.press("📤 Kirim #1")
    await hr.reply()
    assert "Gunakan tombol" in (await hr.ask("semua")).text
    await hr.press("Menurut peran")
    await hr.reply()
    await hr.press("Semua pegawai terdaftar")
    confirm = (await hr.reply()).text
    assert "penerima: 1 pegawai yang sudah terhubung ke bot (Semua pegawai terdaftar)" in confirm
    await hr.press("🗓 Jadwalkan")
    assert shows((await hr.reply()).text, "dates.hint_datetime")  # format and example
    assert shows((await hr.ask("besok pagi")).text, "dates.unreadable")
    assert shows((await hr.ask("2020-01-01 08:00")).text, "dates.past")
    done = await hr.ask("1 Maret 2099 jam 8")
    assert "dijadwalkan 01-03-2099 08.00 WIB" in done.text and "untuk 1 penerima" in done.text
    async with db.transaction() as session:
        rnd = (await session.execute(select(SurveyRound))).scalar_one()
        item = (
            await session.execute(select(ScheduledItem).where(ScheduledItem.kind == "survey_round"))
        ).scalar_one()
    assert f"Putaran #{rnd.id}" in done.text
    assert rnd.audience == {"kind": "role", "role": "employee"} and rnd.status == "scheduled"
    local = datetime(2099, 3, 1, 8, 0, tzinfo=harness.settings.tz)
    assert item.ref_id == rnd.id and item.run_at == local and item.status == "pending"


async def test_send_buttons_are_hr_only_and_draft_bound(harness: BotHarness) -> None:
    """An employee's forged sending button is refused; HR's stale button stores nothing."""
    await add_employee(harness.services.db, telegram_id=7421)
    await harness.client.register_chats([7421])
    user = harness.user(7421)
    await user.ask("/menu")
    await user.press(data=PickSurveyToSend(1).pack())
    assert "hanya untuk petugas" in (await user.callback_answers(min_count=1))[-1]["text"]
    hr = harness.user(HR_ID)
    await hr.ask("/menu")
    await hr.press(data=SendSurveyNow().pack())
    assert "tidak berlaku" in (await hr.callback_answers(min_count=1))[-1]["text"]
    await hr.press(data=PickSurveyToSend(999).pack())
    assert "tidak ditemukan" in (await hr.callback_answers(min_count=2))[-1]["text"]
    async with harness.services.db.transaction() as session:
        assert (await session.execute(select(SurveyRound))).first() is None


async def test_role_removed_mid_sending_refuses_the_time(harness: BotHarness) -> None:
    """HR loses the role before typing the opening time: refused, no round is created."""
    await add_employee(harness.services.db, telegram_id=7431)
    await harness.client.register_chats([7431])
    hr = harness.user(HR_ID)
    await hr.ask("/survei")
    await hr.press("📤 Kirim #1")
    await hr.reply()
    await hr.press("👥 Semua pegawai")
    assert "penerima: 1 pegawai yang sudah terhubung" in (await hr.reply()).text
    await hr.press("🗓 Jadwalkan")
    await hr.reply()
    async with harness.services.db.transaction() as session:
        assert await users.revoke_role(session, HR_ID, "hr") == 1
    refused = await hr.ask("2099-03-01 08:00")
    assert refused.text == t("id", "common.step_not_allowed")
    async with harness.services.db.transaction() as session:
        assert (await session.execute(select(SurveyRound))).first() is None
        assert await conversation.get_state(session, HR_ID) is None
