"""Follow-up with anonymity, end to end: survey → "contact me" → case → note → close.

The contact question comes after the answers were stored as waiting answers, in its own
update; the case names the employee and the round and holds nothing of the answers. HR
sees open cases overdue first, notes actions, closes them, and starts a corrective move.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from bot.emulator.botmessage import BotMessage
from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from bot.texts import t
from storage.models import AuditEntry, FollowupCase, FollowupNote, PlanMove
from storage.models.surveys import SurveyWaitingAnswer
from storage.queries import surveys as sq
from tests.conftest import HR_ID
from tests.e2e.test_plans_steps import _refused_after_revoke as refused_after_revoke
from tests.factories import add_employee
from tests.texts import shows

EMP_TG = 7401


def said(message: BotMessage, key: str) -> bool:
    """True when the message (its HTML source) is the text of ``key``."""
    return shows(message.source_text or message.text, key)


SURVEY = {
    "slug": "iklim-kerja",
    "anonymous": True,
    "title": "Iklim kerja",
    "questions": [{"key": "puas", "kind": "likert", "text": "Saya puas dengan penempatan saya"}],
}


async def anonymous_invitation(harness: BotHarness, employee_id: int) -> int:
    """An open HR round of a one-question anonymous survey for one employee; its round id."""
    now = harness.services.clock.now()
    async with harness.services.db.transaction() as session:
        row, _ = await upsert_survey(session, parse_definition(SURVEY), "test")
        rnd = await sq.add_round(
            session, row.id, "Mei", {"kind": "all"}, now, now + timedelta(days=14), "test"
        )
        part = await sq.add_participation(session, rnd.id, employee_id, 0, None, now)
        assert part is not None
        part.status, part.closes_at = "invited", now + timedelta(days=14)
        return rnd.id


async def answer_survey(user: EmulatedUser) -> BotMessage:
    """Answer the survey in chat and send it; the contact question follows the thanks."""
    await user.send("/isi_survei")
    await user.replies(2)  # introduction, the question
    await user.press("2 · Tidak Setuju")
    assert "Ringkasan" in (await user.reply()).text
    await user.press("📨 Kirim")
    thanks, question = await user.replies(2)
    assert said(thanks, "survey.thanks")
    assert said(question, "followup.ask_contact")
    return question


async def open_case(harness: BotHarness, **fields: object) -> int:
    """A case stored directly (for the HR-side tests); its id."""
    emp = await add_employee(harness.services.db, telegram_id=EMP_TG, **fields)
    today = harness.services.clock.now().astimezone(harness.settings.tz).date()
    async with harness.services.db.transaction() as session:
        case = FollowupCase(employee_id=emp, created_on=today, due_on=today + timedelta(days=14))
        session.add(case)
        await session.flush()
        return case.id


async def test_contact_me_opens_a_case_that_hr_notes_and_closes(harness: BotHarness) -> None:
    """Anonymous survey → yes → named case (no answers) → owner told → note → close."""
    db = harness.services.db
    emp = await add_employee(db, name="Sari Wulandari", telegram_id=EMP_TG)
    await harness.client.register_chats([EMP_TG, HR_ID])
    round_id = await anonymous_invitation(harness, emp)
    user, hr = harness.user(EMP_TG), harness.user(HR_ID)
    question = await answer_survey(user)
    async with db.transaction() as session:
        waiting = list((await session.execute(select(SurveyWaitingAnswer))).scalars())
        assert [w.answers for w in waiting] == [{"puas": 2}]
        assert (await session.execute(select(FollowupCase))).first() is None
    await user.press("✅ Ya, silakan hubungi saya")
    done = await user.wait_edit(question.message_id)
    assert said(done, "followup.contact_opened") and done.buttons == []
    await user.press(data=question.callback_data[0][0], message_id=question.message_id)
    assert said(await user.wait_edit(question.message_id), "followup.contact_already")

    async with db.transaction() as session:
        case = (await session.execute(select(FollowupCase))).scalar_one()
        assert (case.employee_id, case.round_id, case.status) == (emp, round_id, "open")
        assert case.owner_telegram_id == HR_ID  # the only HR officer (round-robin)
        assert (case.due_on - case.created_on).days == harness.settings.followup_due_days
    assert said(await hr.reply(), "followup.assigned_notice")

    listing = await hr.ask("/tindak_lanjut")
    assert said(listing, "followup.list_title") and "Sari Wulandari" in listing.text
    assert "199003152015031001" not in listing.text and "Dinas Kesehatan" in listing.text
    await hr.press(f"#{case.id} Sari Wulandari")
    card = await hr.reply()
    assert "Iklim kerja" in card.text and said(card, "followup.no_notes")
    assert "puas" not in card.text
    await hr.press("📝 Catat tindakan")
    assert said(await hr.reply(), "followup.ask_note")
    noted, card = await hr.ask("Ditelepon; minta dekat rumah"), await hr.reply()
    assert said(noted, "followup.noted") and "minta dekat rumah" in card.text
    await hr.press("✅ Tutup", message_id=card.message_id)
    assert said(await hr.reply(), "followup.ask_close")
    assert said(await hr.ask("Tugas disesuaikan, pegawai puas"), "followup.closed")
    assert said(await hr.ask("/tindak_lanjut"), "followup.none")

    async with db.transaction() as session:
        closed = (await session.execute(select(FollowupCase))).scalar_one()
        notes = list((await session.execute(select(FollowupNote))).scalars())
        actions = list((await session.execute(select(AuditEntry.action))).scalars())
    assert closed.status == "closed" and closed.closing_note == "Tugas disesuaikan, pegawai puas"
    assert [n.text for n in notes] == ["Ditelepon; minta dekat rumah"]
    assert {"followup.opened", "followup.noted", "followup.closed"} <= set(actions)


async def test_declining_stores_nothing(harness: BotHarness) -> None:
    """No: no case, nothing but the waiting answer."""
    emp = await add_employee(harness.services.db, telegram_id=EMP_TG)
    await anonymous_invitation(harness, emp)
    user = harness.user(EMP_TG)
    question = await answer_survey(user)
    await user.press("Tidak, terima kasih")
    assert said(await user.wait_edit(question.message_id), "followup.contact_declined")
    async with harness.services.db.transaction() as session:
        assert (await session.execute(select(FollowupCase))).first() is None


async def test_corrective_move_from_a_case(harness: BotHarness) -> None:
    """From the case card into a new Draf plan with the employee prefilled."""
    case_id = await open_case(harness, name="Budi Santoso")
    hr = harness.user(HR_ID)
    await hr.ask("/tindak_lanjut")
    await hr.press(f"#{case_id} Budi Santoso")
    await hr.reply()
    await hr.press("🔁 Usulkan mutasi korektif")
    intro, ask_dest = await hr.replies(2)
    assert said(intro, "followup.move_intro") and said(ask_dest, "plans.ask_dest")
    assert "Budi Santoso" in ask_dest.text
    dest = await hr.ask("Dinas Komunikasi dan Informatika / Analis Data")
    assert said(dest, "plans.ask_tmt")
    tmt = (date.today() + timedelta(days=60)).strftime("%d-%m-%Y")
    assert said(await hr.ask(tmt), "plans.ask_why")
    saved = await hr.ask("Koreksi penempatan dari tindak lanjut")
    if said(saved, "rules.ask_reason"):  # a rule HR overrides with a reason
        saved = await hr.ask("Hasil tindak lanjut")
    assert said(saved, "plans.move_added")
    async with harness.services.db.transaction() as session:
        move = (await session.execute(select(PlanMove))).scalar_one()
        audit = (
            await session.execute(
                select(AuditEntry).where(AuditEntry.action == "followup.move_started")
            )
        ).scalar_one()
    assert move.to_position == "Analis Data" and move.status == "draft"
    assert audit.details["plan_id"] == move.plan_id


async def test_overdue_cases_come_first(harness: BotHarness) -> None:
    """An overdue case is listed first, marked, and counted."""
    db = harness.services.db
    today = harness.services.clock.now().astimezone(harness.settings.tz).date()
    ids = []
    for n, due in enumerate((today + timedelta(days=3), today - timedelta(days=1))):
        emp = await add_employee(db, nip=f"19900101201503100{n}", name=f"Pegawai {n}")
        async with db.transaction() as session:
            case = FollowupCase(employee_id=emp, created_on=today - timedelta(days=20), due_on=due)
            session.add(case)
            await session.flush()
            ids.append(case.id)
    listing = await harness.user(HR_ID).ask("/tindak_lanjut")
    title = t("id", "followup.list_title", count=2, overdue=1, page=1, pages=1)
    assert title in (listing.source_text or "")
    assert listing.text.index("Pegawai 1") < listing.text.index("Pegawai 0")
    assert "⚠️ #" + str(ids[1]) in listing.text and "• #" + str(ids[0]) in listing.text


async def test_note_step_needs_hr(harness: BotHarness) -> None:
    """HR starts a note, loses the role, types it: refused and nothing is saved."""
    case_id = await open_case(harness)
    hr = harness.user(HR_ID)
    await hr.ask("/tindak_lanjut")
    await hr.press(f"#{case_id} Andi Saputra")
    await hr.reply()
    await hr.press("📝 Catat tindakan")
    await hr.reply()
    await refused_after_revoke(harness, hr, "hr", "Ditelepon")
    async with harness.services.db.transaction() as session:
        assert (await session.execute(select(FollowupNote))).first() is None
