"""The whole mutation process as one chain, end to end through the emulator (issue 12).

An employee sends an aspiration in an open window; HR accepts it; it is marked in
/kandidat; one tap turns it into a move of a new draft plan (destination prefilled); the
PPK approves; the employee objects in the consultation; HR keeps the move with a reason
(the employee reads it); the PPK sees the objection and HR's reason and approves again;
HR records the SK (the employee's decree message names unit, position, TMT and SK; the
aspiration is decreed); at the TMT "Dilaksanakan" changes the roster and writes the
position history /profil shows; at TMT + 30 days the anonymous survey arrives; the
employee answers and says BKPSDM may contact them; HR notes an action on the named
follow-up case and closes it. Time moves only with ``harness.advance``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from bot.emulator.client import BotMessage, EmulatedUser
from bot.harness import BotHarness
from bot.surveys import INVITE_LOCAL_HOUR
from bot.texts import t
from storage.models import (
    Aspiration,
    Employee,
    FollowupCase,
    PlanMove,
    PositionHistory,
    Unit,
)
from storage.models.surveys import SurveyWaitingAnswer
from storage.queries.users import grant_role
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_matching import _employee, _positions, _window
from tests.factories import UNITS
from tests.texts import shows

EMP_TG = 7501
NAME = "Rina Wulandari"
POST = "Pranata Komputer Ahli Pertama"
TO_UNIT = "Dinas Komunikasi dan Informatika"
SK = "800/7501/BKPSDM/2027"
TMT_DAYS = 45  # the proposed and decreed TMT, days after the test starts
SURVEY_DAYS = 30  # the default survey's round: TMT + 30 days


def said(message: BotMessage, key: str) -> bool:
    """True when the message (its HTML source) is the text of ``key``."""
    return shows(message.source_text or message.text, key)


async def until(user: EmulatedUser, key: str, most: int = 8) -> BotMessage:
    """The next message showing ``key``, reading past others (notices, rule warnings)."""
    seen = []
    for _ in range(most):
        message = await user.reply()
        if said(message, key):
            return message
        seen.append(message.text[:60])
    raise AssertionError(f"no message {key} among {seen}")


async def _world(harness: BotHarness) -> None:
    """Open posts, a linked IT employee in Dinas Kesehatan, an approver, an open window."""
    await _positions(harness)
    await _employee(
        harness, "jaringan komputer, teknologi informasi", nip="199105052015032001",
        name=NAME, phone="6281277775001", rank="III/b", telegram_id=EMP_TG, unit=UNITS[0],
    )  # fmt: skip
    await _window(harness)  # open from yesterday for ten days
    async with harness.services.db.transaction() as session:
        await grant_role(session, APPROVER_ID, "approver", granted_by="test")
    await harness.client.register_chats([APPROVER_ID, EMP_TG])


async def _aspiration(harness: BotHarness) -> Aspiration:
    """The one aspiration."""
    async with harness.services.db.transaction() as session:
        return (await session.execute(select(Aspiration))).scalar_one()


async def _move(harness: BotHarness) -> PlanMove:
    """The one move."""
    async with harness.services.db.transaction() as session:
        return (await session.execute(select(PlanMove))).scalar_one()


async def submit_aspiration(emp: EmulatedUser) -> None:
    """The employee asks for the open post at Diskominfo, first choice, for their career."""
    await emp.ask("/aspirasi")
    await emp.press(t("id", "asp.btn_continue"))
    await emp.reply()
    await emp.press(t("id", "asp.kind.other_unit"))
    await emp.reply()
    await emp.ask("kominfo")
    await emp.press(TO_UNIT)
    await emp.reply()
    await emp.ask("pranata komp")
    await emp.press(t("id", "asp.open_position", title=POST))
    await emp.reply()
    await emp.press(t("id", "asp.btn_enough"))
    await emp.reply()
    await emp.press(t("id", "asp.reason.career"))
    await emp.reply()
    await emp.ask("Ingin mengembangkan aplikasi layanan publik")
    await emp.press(t("id", "asp.yes"))
    await emp.reply()
    await emp.press(t("id", "asp.btn_skip"))
    assert said(await emp.reply(), "asp.summary")
    await emp.press(t("id", "asp.btn_send"))
    assert said(await emp.reply(), "asp.sent")


async def accept_aspiration(harness: BotHarness, hr: EmulatedUser, emp: EmulatedUser) -> None:
    """HR accepts it from the list; the employee is told once the undo time has passed."""
    await hr.ask("/rekap_aspirasi")
    await hr.press(t("id", "aspr.btn_list"))
    listing = await hr.reply()
    await hr.press(listing.button_labels[0], message_id=listing.message_id)
    await hr.reply()
    await hr.press(t("id", "aspr.btn_accept"))
    assert said(await hr.reply(), "aspr.confirm_accept")
    await hr.press(t("id", "aspr.btn_accept_yes"))
    assert said(await hr.reply(), "aspr.done_undo")
    await harness.advance(timedelta(minutes=3))
    notice = await until(emp, "asp.notify")
    assert t("id", "asp.status.accepted") in notice.text
    assert (await _aspiration(harness)).status == "accepted"


async def plan_from_candidates(harness: BotHarness, hr: EmulatedUser, tmt: date) -> None:
    """/kandidat marks the employee (🙋 choice 1); one tap proposes them for the post in a
    new draft plan, destination prefilled; TMT and rationale; the move carries the link."""
    await hr.ask("/kandidat pranata")
    await hr.press(f"P-TI1 · {POST}")
    table = await hr.reply()
    [line] = [line for line in table.text.splitlines() if NAME in line]
    assert said(table, "aspp.asked_flag") and "🙋 pilihan 1" in line
    n = line.split(".")[0]
    await hr.press(t("id", "plans.btn_usul", n=n), message_id=table.message_id)
    assert said(await hr.reply(), "plans.no_draft_plan")
    await hr.press(t("id", "plans.btn_new_for_proposal"))
    assert said(await hr.reply(), "plans.ask_name")
    await hr.send("Mutasi dari aspirasi")
    intro = await until(hr, "plans.usul_intro")
    assert POST in intro.text and TO_UNIT in intro.text
    await until(hr, "plans.ask_tmt")  # the destination was not asked: it is the post
    assert said(await hr.ask(tmt.strftime("%d-%m-%Y")), "plans.ask_why")
    added = await hr.ask("Sesuai aspirasi dan kebutuhan formasi")
    assert said(added, "plans.move_added") and said(added, "plans.asked_linked")
    move = await _move(harness)
    asp = await _aspiration(harness)
    assert (move.aspiration_id, move.aspiration_choice) == (asp.id, 1)
    assert asp.status == "planned"


async def open_move(hr: EmulatedUser, move_id: int) -> BotMessage:
    """HR opens the move card by chat: /rencana → the plan → moves → the move."""
    listing = await hr.ask("/rencana")
    await hr.press(listing.button_labels[0], message_id=listing.message_id)
    await hr.wait_edit(listing.message_id)
    await hr.press(t("id", "plans.btn_moves"), message_id=listing.message_id)
    page = await hr.wait_edit(listing.message_id)
    [label] = [b for b in page.button_labels if b.startswith(f"#{move_id} ")]
    await hr.press(label, message_id=listing.message_id)
    return await until(hr, "plans.move_card")


async def approver_page(approver: EmulatedUser) -> tuple[BotMessage, int]:
    """The PPK opens the plan waiting in /persetujuan; the page and its message id."""
    listing = await approver.ask("/persetujuan")
    await approver.press(listing.button_labels[0], message_id=listing.message_id)
    return await approver.wait_edit(listing.message_id), listing.message_id


async def approve(approver: EmulatedUser, move_id: int, page_id: int) -> None:
    """Approve one move of the page and confirm."""
    await approver.press(t("id", "plans.apv_btn_ok", id=move_id), message_id=page_id)
    assert said(await approver.wait_edit(page_id), "plans.apv_confirm")
    await approver.press(t("id", "plans.apv_btn_yes", id=move_id), message_id=page_id)
    assert said(await until(approver, "plans.apv_done_approve"), "plans.apv_done_approve")


def at_local(harness: BotHarness, day: date, hour: int) -> datetime:
    """``day`` at ``hour`` local time, in UTC."""
    return datetime.combine(day, time(hour), harness.settings.tz).astimezone(UTC)


async def answer_default_survey(emp: EmulatedUser) -> BotMessage:
    """Answer every question of the default survey with its buttons, send; the thanks and
    then the separate contact question."""
    first = await until(emp, "survey.progress")
    buttons, last = first.button_labels, first
    for _ in range(30):
        agree = [b for b in buttons if b.startswith("4 · ")]
        if t("id", "survey.btn_send") in buttons:
            await emp.press(t("id", "survey.btn_send"))
            break
        if agree:
            await emp.press(agree[0])
        elif "8" in buttons:
            await emp.press("8")
        elif t("id", "survey.btn_skip") in buttons:
            await emp.press(t("id", "survey.btn_skip"))
        elif t("id", "survey.btn_done") in buttons:
            await emp.press(t("id", "survey.btn_done"))
        else:
            raise AssertionError(f"unexpected survey buttons {buttons} {last.text!r}")
        last = await emp.reply()
        buttons = last.button_labels
    else:
        raise AssertionError("the survey did not end")
    thanks, question = await emp.replies(2)
    assert said(thanks, "survey.thanks") and said(question, "followup.ask_contact")
    return question


async def test_aspiration_to_closed_followup_case(harness: BotHarness) -> None:
    """Aspiration → accepted → marked in /kandidat → one tap into a plan → approved →
    objection → kept with a reason → approved again → SK → at the TMT the roster and the
    position history change → survey at TMT + 30 → "contact me" → case noted and closed."""
    await _world(harness)
    hr, approver, emp = harness.user(HR_ID), harness.user(APPROVER_ID), harness.user(EMP_TG)
    today = harness.services.clock.now().astimezone(harness.settings.tz).date()
    tmt = today + timedelta(days=TMT_DAYS)
    tmt_text = tmt.strftime("%d-%m-%Y")

    await submit_aspiration(emp)
    await accept_aspiration(harness, hr, emp)
    await plan_from_candidates(harness, hr, tmt)
    included = await until(emp, "aspp.notice_include")
    assert POST in included.text
    move_id = (await _move(harness)).id

    # Submitted; the PPK sees the employee asked for it and approves.
    await until(hr, "plans.card")
    await hr.press(t("id", "plans.btn_submit"))
    confirm = await hr.reply()
    await hr.press(t("id", "plans.btn_submit_yes"), message_id=confirm.message_id)
    assert said(await hr.wait_edit(confirm.message_id), "plans.submitted")
    await until(approver, "plans.approver_notice")
    page, page_id = await approver_page(approver)
    assert said(page, "plans.asked_by_employee") and "pilihan 1" in page.text
    await approve(approver, move_id, page_id)
    await until(hr, "plans.decided_notice")

    # Consultation: the employee objects; HR keeps the move with a reason they read.
    listing = await hr.ask("/rencana")
    await hr.press(listing.button_labels[0], message_id=listing.message_id)
    await hr.wait_edit(listing.message_id)
    await hr.press(t("id", "plans.btn_consult"), message_id=listing.message_id)
    assert said(await until(hr, "plans.consult_started"), "plans.consult_started")
    offer = await until(emp, "plans.kons_message")
    assert TO_UNIT in offer.text and tmt_text in offer.text
    await emp.press(t("id", "plans.kons_btn_obj"), message_id=offer.message_id)
    await emp.reply()
    await emp.press(t("id", "plans.cat_family"))
    await emp.reply()
    objected = await emp.ask("Anak saya bersekolah dekat kantor sekarang")
    assert said(objected, "plans.kons_thanks_object")
    await until(hr, "plans.objection_notice")
    await open_move(hr, move_id)
    assert said(await _press(hr, "plans.btn_keep"), "plans.ask_keep")
    reason = "Formasi TI di Diskominfo kosong; sekolah anak tetap terjangkau"
    assert said(await hr.ask(reason), "plans.kept")
    kept = await until(emp, "plans.kept_notice")
    assert "Formasi TI di Diskominfo kosong" in kept.text

    # Back to the PPK, who sees the objection and HR's reason, and approves again.
    await until(approver, "plans.change_notice")
    page, page_id = await approver_page(approver)
    source = page.source_text or page.text
    assert shows(source, "plans.apv_objection") and shows(source, "plans.apv_change")
    assert "Anak saya bersekolah" in page.text and "Formasi TI di Diskominfo" in page.text
    await approve(approver, move_id, page_id)
    await until(hr, "plans.change_decided_notice")

    # The decree: SK and TMT; the employee's message names unit, position, TMT and SK.
    await open_move(hr, move_id)
    assert said(await _press(hr, "plans.btn_decree"), "plans.ask_sk")
    await hr.ask(SK)
    assert said(await hr.ask(tmt_text), "plans.decreed")
    decree = await until(emp, "plans.decree_notice")
    for part in (TO_UNIT, POST, tmt_text, SK):
        assert part in decree.text, part
    assert said(await until(emp, "aspp.notice_decree"), "aspp.notice_decree")
    assert (await _aspiration(harness)).status == "decreed"

    # At the TMT: "Dilaksanakan"; the roster row and the position history follow.
    clock = harness.services.clock
    await harness.advance(at_local(harness, tmt, 9) - clock.now())
    assert await harness.settle()
    await open_move(hr, move_id)
    assert said(await _press(hr, "plans.btn_done"), "plans.done")
    async with harness.services.db.transaction() as session:
        employee = (
            await session.execute(select(Employee).where(Employee.nip == "199105052015032001"))
        ).scalar_one()
        unit = await session.get(Unit, employee.unit_id)
        [history] = (await session.execute(select(PositionHistory))).scalars().all()
    assert unit is not None and unit.name == TO_UNIT
    assert (employee.position_title, employee.position_tmt) == (POST, tmt)
    assert (history.previous_unit_name, history.unit_name, history.position) == (
        UNITS[0], TO_UNIT, POST,
    )  # fmt: skip
    assert (history.move_id, history.decree_number, history.tmt) == (move_id, SK, tmt)
    await emp.send("/profil")
    profile = await until(emp, "profile.history_header")  # after the socialization messages
    assert SK in profile.text
    assert TO_UNIT in profile.text and tmt_text in profile.text

    # TMT + 30 days: the anonymous default survey; the employee answers, then says yes.
    # (Day by day as it would happen: the welcome message of TMT + 1 goes out first.)
    await harness.advance(at_local(harness, tmt + timedelta(days=2), 9) - clock.now())
    assert await harness.settle()
    due = at_local(harness, tmt + timedelta(days=SURVEY_DAYS), INVITE_LOCAL_HOUR)
    await harness.advance(due + timedelta(minutes=1) - clock.now())
    invite = await until(emp, "survey.invite")
    assert said(invite, "survey.anon_yes")
    await emp.press(t("id", "survey.btn_start"), message_id=invite.message_id)
    assert said(await emp.reply(), "survey.anon_yes")  # the introduction
    question = await answer_default_survey(emp)
    await emp.press(t("id", "followup.btn_yes"), message_id=question.message_id)
    assert said(await emp.wait_edit(question.message_id), "followup.contact_opened")
    async with harness.services.db.transaction() as session:
        case = (await session.execute(select(FollowupCase))).scalar_one()
        [waiting] = (await session.execute(select(SurveyWaitingAnswer))).scalars().all()
    assert (case.employee_id, case.status, case.owner_telegram_id) == (
        employee.id, "open", HR_ID,
    )  # fmt: skip
    # Named, and apart from the answers: neither row points at the other or at a person.
    assert waiting.answers and not {"employee_id", "participation_id"} & set(
        SurveyWaitingAnswer.__table__.c.keys()
    )
    assert not {"answers", "response_id", "participation_id"} & set(FollowupCase.__table__.c.keys())

    # HR sees the case in /tindak_lanjut, notes an action and closes it.
    await until(hr, "followup.assigned_notice")
    listing = await hr.ask("/tindak_lanjut")
    assert said(listing, "followup.list_title") and NAME in listing.text
    await hr.press(f"#{case.id} {NAME}", message_id=listing.message_id)
    await hr.reply()
    assert said(await _press(hr, "followup.btn_note"), "followup.ask_note")
    assert said(await hr.ask("Ditelepon; antar-jemput sekolah diatur"), "followup.noted")
    card = await hr.reply()
    await hr.press(t("id", "followup.btn_close"), message_id=card.message_id)
    assert said(await hr.reply(), "followup.ask_close")
    assert said(await hr.ask("Pegawai puas dengan penyesuaian"), "followup.closed")
    assert said(await hr.ask("/tindak_lanjut"), "followup.none")
    async with harness.services.db.transaction() as session:
        closed = await session.get(FollowupCase, case.id)
    assert closed is not None and closed.status == "closed"
    # The employee heard every step, in the order the process took.
    keys = [
        "asp.sent", "asp.notify", "aspp.notice_include", "plans.kons_message",
        "plans.kept_notice", "plans.decree_notice", "aspp.notice_decree",
        "profile.history_header", "survey.invite", "survey.thanks",
    ]  # fmt: skip
    chat = await harness.client.messages(EMP_TG)
    first = [next((i for i, m in enumerate(chat) if said(m, key)), -1) for key in keys]
    assert -1 not in first and first == sorted(first), str(list(zip(keys, first, strict=True)))


async def _press(user: EmulatedUser, key: str) -> BotMessage:
    """Press the button labelled with the text of ``key``; the next message."""
    await user.press(t("id", key))
    return await user.reply()
