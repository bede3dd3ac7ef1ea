"""Post-mutation survey end to end: decree -> TMT+30 invitation -> answers -> reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from bot.emulator.client import BotMessage, EmulatedUser
from bot.events import MOVE_CANCELLED, MOVE_DECREED, MOVE_TMT_CHANGED, MoveEvent
from bot.harness import BotHarness
from bot.surveys.buttons import AnswerQuestion
from bot.surveys.invitations import PARTICIPATION_KINDS, due_time
from bot.texts import t
from storage.models import Employee
from storage.models.delivery import OutboxMessage, ScheduledItem
from storage.models.surveys import SurveyParticipation, SurveyResponse, SurveyWaitingAnswer
from tests.conftest import HR_ID
from tests.factories import add_employee
from tests.texts import shows

TMT = date(2030, 1, 2)
SURVEY_KINDS = (*PARTICIPATION_KINDS, "survey_round")


async def decree(
    harness: BotHarness, move_id: int, employee_id: int, event: str = MOVE_DECREED
) -> None:
    """Emit a move event in one transaction, as the plans feature does."""
    services = harness.services
    async with services.db.transaction() as session:
        employee = await session.get(Employee, employee_id)
        unit_id = employee.unit_id if employee else None
        move = MoveEvent(move_id, employee_id, TMT, plan_id=1, to_unit_id=unit_id)
        await services.events.emit(event, session, move)


async def fire_surveys(harness: BotHarness, now: datetime) -> list[str]:
    """Fire the survey items due at ``now`` (other features' items are left alone)."""
    services = harness.services
    async with services.db.transaction() as session:
        stmt = select(ScheduledItem.id).where(
            ScheduledItem.kind.in_(SURVEY_KINDS),
            ScheduledItem.status == "pending",
            ScheduledItem.run_at <= now,
        )
        ids = list((await session.execute(stmt.order_by(ScheduledItem.run_at))).scalars())
    outcomes = [await services.scheduler.fire_item(i, now) for i in ids]
    return [o.outcome for o in outcomes if o is not None]


async def participation(harness: BotHarness, employee_id: int) -> SurveyParticipation:
    """The TMT+30 participation of an employee."""
    async with harness.services.db.transaction() as session:
        rows = (
            await session.execute(
                select(SurveyParticipation)
                .where(SurveyParticipation.employee_id == employee_id)
                .order_by(SurveyParticipation.due_at)
            )
        ).scalars()
        return next(iter(rows))


async def press(user: EmulatedUser, label: str) -> str:
    """Press a button of the latest keyboard and return the next bot message text."""
    await user.press(label)
    return (await user.reply()).text


async def test_post_move_survey_end_to_end(harness: BotHarness) -> None:
    """Invitation at TMT+30, back/skip, restart mid-survey, summary, one answer only."""
    db = harness.services.db
    ani = await add_employee(db, nip="199001012015031001", name="Ani", telegram_id=7101)
    budi = await add_employee(db, nip="199001012015031002", name="Budi", telegram_id=7102)
    await harness.client.register_chats([7101, 7102])
    await decree(harness, 501, ani)
    await decree(harness, 502, budi)
    due = due_time(TMT, 30, harness.settings.tz)
    assert await fire_surveys(harness, due - timedelta(minutes=1)) == []
    assert await fire_surveys(harness, due + timedelta(seconds=30)) == ["fired", "fired"]

    user = harness.user(7101)
    invite = await user.reply()
    assert "Survei Kepuasan Pasca Mutasi" in invite.text and "anonim" in invite.text
    await user.press("▶️ Mulai survei")
    intro, first = await user.replies(2)
    assert "tanpa nama" in intro.text
    assert "Pertanyaan 1/10" in first.text
    assert "Pertanyaan 2/10" in await press(user, "4 · Setuju")
    back = await press(user, "⬅️ Kembali")
    assert "Pertanyaan 1/10" in back
    assert "Pertanyaan 2/10" in await press(user, "✅ 4 · Setuju")
    assert "angka 1–5" in (await user.ask("cukup baik")).text
    assert "antara 1 dan 5" in (await user.ask("7")).text
    assert "Pertanyaan 3/10" in (await user.ask("5")).text
    assert "Pertanyaan 4/10" in await press(user, "3 · Netral")
    assert "Pertanyaan 5/10" in await press(user, "4 · Setuju")
    assert "☑️ Manajerial" in str((await press_get(user, "⬜ Manajerial")).buttons)
    assert "Pertanyaan 6/10" in await press(user, "✅ Selesai memilih")
    assert "Pertanyaan 7/10" in await press(user, "⏭ Lewati")

    await harness.restart_bot()
    await user.send("/isi_survei")
    resumed, current = await user.replies(2)
    assert "Melanjutkan" in resumed.text and "Pertanyaan 7/10" in current.text
    assert "Pertanyaan 8/10" in await press(user, "4 · Setuju")
    assert "Pertanyaan 9/10" in await press(user, "2 · Tidak Setuju")
    assert "antara 0 dan 10" in (await user.ask("11")).text
    assert "Pertanyaan 10/10" in await press(user, "8")
    summary = await user.ask("Perlu pelatihan tata naskah")
    assert "Ringkasan" in summary.text and "Manajerial" in summary.text
    assert "(dilewati)" in summary.text and "tata naskah" in summary.text
    assert "Terima kasih" in await press(user, "📨 Kirim")
    contact = await user.reply()  # anonymous: the separate "may BKPSDM contact you?"
    assert shows(contact.source_text or contact.text, "followup.ask_contact")

    await user.press("▶️ Mulai survei", message_id=invite.message_id)
    assert "sudah mengisi" in (await user.reply()).text
    async with db.transaction() as session:
        published = list((await session.execute(select(SurveyResponse))).scalars())
        responses = list((await session.execute(select(SurveyWaitingAnswer))).scalars())
    assert published == [] and len(responses) == 1  # waits for a batch of 5 (anonymous)
    assert responses[0].answers["kepuasan"] == 2 and responses[0].answers["pelatihan"] == [
        "manajerial"
    ]
    assert "pelatihan_lain" not in responses[0].answers

    # Budi starts, then a forged button for another question and for Ani's survey.
    other = harness.user(7102)
    await other.reply()
    await other.press("▶️ Mulai survei")
    await other.replies(2)
    ani_part = await participation(harness, ani)
    budi_part = await participation(harness, budi)
    await other.press(data=AnswerQuestion(budi_part.id, 4, "5").pack())
    await other.press(data=AnswerQuestion(ani_part.id, 0, "5").pack())
    await other.press(data=AnswerQuestion(budi_part.id, 0, "9").pack())
    answers = await other.callback_answers(min_count=4)
    texts = [a["text"] for a in answers[-3:]]
    assert "pertanyaan lain" in texts[0] and "bukan untuk Anda" in texts[1]
    assert "antara 1 dan 5" in texts[2]
    assert (await participation(harness, budi)).draft["idx"] == 0

    # Reminders (+3 days) only to Budi, who has not finished.
    assert "fired" in await fire_surveys(harness, due + timedelta(days=3, seconds=30))
    reminder = await other.reply()
    assert "Pengingat" in reminder.text
    async with db.transaction() as session:
        chats = (
            await session.execute(
                select(OutboxMessage.chat_id).where(OutboxMessage.dedup_key.like("svrem%"))
            )
        ).scalars()
        assert set(chats) == {7102}

    # Closing: Budi's late answer is refused politely and nothing is stored.
    await fire_surveys(harness, due + timedelta(days=14, seconds=30))
    assert "ditutup" in (await other.reply()).text
    await other.press(data=AnswerQuestion(budi_part.id, 0, "4").pack())
    assert "sudah ditutup" in (await other.callback_answers(min_count=5))[-1]["text"]
    assert "Tidak ada survei" in (await other.ask("/isi_survei")).text
    async with db.transaction() as session:
        assert len(list((await session.execute(select(SurveyWaitingAnswer))).scalars())) == 1

    hr = harness.user(HR_ID)
    result = await hr.ask("/hasil_survei")
    assert "Diundang: 2" in result.text and "Selesai: 1" in result.text
    assert "minimal 5" in result.text
    assert t("id", "survey.res_waiting", count=1, min=5) in result.text


async def press_get(user: EmulatedUser, label: str) -> BotMessage:
    """Press a button and return the next bot message."""
    await user.press(label)
    return await user.reply()


async def test_cancelled_move_cancels_invitations(harness: BotHarness) -> None:
    """MOVE_CANCELLED cancels the scheduled invitations; nothing is sent at TMT+30."""
    emp = await add_employee(harness.services.db, telegram_id=7201)
    await harness.client.register_chats([7201])
    await decree(harness, 601, emp)
    await decree(harness, 601, emp, MOVE_CANCELLED)
    due = due_time(TMT, 30, harness.settings.tz)
    assert await fire_surveys(harness, due + timedelta(seconds=30)) == []
    assert (await participation(harness, emp)).status == "cancelled"


async def emit_move(
    harness: BotHarness, event: str, move_id: int, employee_id: int, tmt: date
) -> None:
    """Emit a move event with a given TMT in one transaction (as the plans feature does)."""
    async with harness.services.db.transaction() as session:
        move = MoveEvent(move_id, employee_id, tmt, plan_id=1, to_unit_id=None)
        await harness.services.events.emit(event, session, move)


async def test_tmt_change_moves_unsent_invitations_and_cancel_stops_the_rest(
    harness: BotHarness,
) -> None:
    """A new TMT moves only not-yet-sent invitations; a later cancel stops reminders too."""
    emp = await add_employee(harness.services.db, telegram_id=7301)
    await harness.client.register_chats([7301])
    await emit_move(harness, MOVE_DECREED, 701, emp, TMT)
    tz = harness.settings.tz
    due30 = due_time(TMT, 30, tz)
    assert await fire_surveys(harness, due30 + timedelta(seconds=30)) == ["fired"]
    assert "Survei Kepuasan" in (await harness.user(7301).reply()).text

    new_tmt = TMT + timedelta(days=20)
    await emit_move(harness, MOVE_TMT_CHANGED, 701, emp, new_tmt)
    async with harness.services.db.transaction() as session:
        parts = list(
            (
                await session.execute(
                    select(SurveyParticipation).order_by(SurveyParticipation.due_at)
                )
            ).scalars()
        )
    assert [p.status for p in parts] == ["invited", "scheduled"]
    assert parts[0].due_at == due30  # already sent: untouched
    assert parts[1].due_at == due_time(new_tmt, 90, tz)
    old90, new90 = due_time(TMT, 90, tz), due_time(new_tmt, 90, tz)
    async with harness.services.db.transaction() as session:
        invite = (
            await session.execute(
                select(ScheduledItem).where(
                    ScheduledItem.kind == "survey_invite", ScheduledItem.ref_id == parts[1].id
                )
            )
        ).scalar_one()
        assert invite.status == "pending" and invite.run_at == new90 != old90
        reminders = await session.execute(
            select(ScheduledItem.id).where(
                ScheduledItem.kind.in_(("survey_remind", "survey_close")),
                ScheduledItem.ref_id == parts[0].id,
                ScheduledItem.status == "pending",
            )
        )
        assert len(reminders.all()) == 3  # +3, +7 days and the closing, still pending

    await emit_move(harness, MOVE_CANCELLED, 701, emp, new_tmt)
    assert await fire_surveys(harness, old90 + timedelta(seconds=30)) == []
    assert await fire_surveys(harness, new90 + timedelta(days=30)) == []
    async with harness.services.db.transaction() as session:
        statuses = (await session.execute(select(SurveyParticipation.status))).scalars()
        assert set(statuses) == {"cancelled"}
        pending = await session.execute(
            select(ScheduledItem.id).where(
                ScheduledItem.kind.in_(SURVEY_KINDS), ScheduledItem.status == "pending"
            )
        )
        assert pending.first() is None
