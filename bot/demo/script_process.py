"""The second half of the walk-through: from HR's review to the follow-up case and the
survey results.

Employees 3–5 of the cast already use the bot; what they do (agree, answer the survey)
runs quietly and is summed up in one line, so the transcript follows employee 1, the
employee who objects (employee 2), HR and the approver.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.demo.console import Answers, ConsoleChat
from bot.demo.data import POSITIONS, moves_csv
from bot.demo.expect import ScriptError, expect, label
from bot.demo.session import DemoWorld
from bot.i18n.dates import format_datetime
from bot.plans.buttons import OpenMove
from bot.surveys.publishing import publish_waiting
from bot.texts import DEFAULT_LOCALE, t

QUIET_CAST = (3, 4, 5)
TMT_DAYS_AHEAD = 21  # the decree's TMT, days after the demo's first day


def tmt_of(world: DemoWorld) -> date:
    """The TMT the demo proposes and decrees: three weeks after the demo started."""
    return world.start + timedelta(days=TMT_DAYS_AHEAD)


def _dmy(day: date) -> str:
    """A date as HR types it (31-12-2026)."""
    return day.strftime("%d-%m-%Y")


def button(chat: ConsoleChat, part: str) -> str:
    """The newest button the chat has seen whose label contains ``part``."""
    found = chat.find_button(part)
    if found is None:
        raise ScriptError(f"no button with {part!r} among {chat.buttons()}")
    return found


UNDO_JUMP = timedelta(minutes=3)  # past the 2 minutes HR has to undo an acceptance


async def hr_review(world: DemoWorld) -> None:
    """HR reviews the aspiration: summary, list, and accepts it for follow-up; once the undo
    time has passed, the employee is told."""
    hr = world.hr
    await expect(await hr.say("/rekap_aspirasi"), "aspr.summary_head")
    await expect(await hr.tap(label("aspr.btn_list")), "aspr.list_head")
    await hr.tap(hr.buttons()[0])
    await expect(await hr.tap(label("aspr.btn_accept")), "aspr.confirm_accept")
    await expect(await hr.tap(label("aspr.btn_accept_yes")), "aspr.done_undo")
    await jump(world, UNDO_JUMP)
    await expect(await world.employee.show_unseen(), "asp.notify")


async def plan_with_moves(world: DemoWorld) -> None:
    """HR drafts a plan: the employee who asked for the post is marked in /kandidat and
    goes into the plan with one tap (the aspiration follows); four more moves from a file."""
    hr = world.hr
    await hr.say("/rencana")
    await expect(await hr.tap(label("plans.btn_new")), "plans.ask_name")
    await expect(
        await hr.say(f"Mutasi {world.start.year} tahap {world.start.month}"), "plans.created"
    )
    await hr.say("/kandidat prakom")
    await expect(await hr.tap(hr.buttons()[0]), "aspp.asked_flag")
    await expect(await hr.tap(label("plans.btn_usul", n=1)), "aspp.asked", "plans.ask_tmt")
    await expect(await hr.say(_dmy(tmt_of(world))), "plans.ask_why")
    await expect(
        await hr.say("Sesuai aspirasi dan kompetensi pengembangan aplikasi"),
        "plans.move_added", "plans.asked_linked",
    )  # fmt: skip
    await expect(await world.employee.show_unseen(), "aspp.notice_include")
    others = [world.nip(n) for n in range(2, 6)]
    reasons = ["Penataan arsip Setda", "Penguatan analisis kepegawaian BKPSDM",
               "Kebutuhan perencana Bappeda", "Kebutuhan nutrisionis RSUD"]  # fmt: skip
    data = moves_csv(others, POSITIONS[1:], tmt_of(world), reasons)
    await expect(await hr.upload(data, "usulan-mutasi.csv"), "import.choose_kind")
    await expect(await hr.tap(label("import.kind_moves")), "plans.imp_applied")


async def approval(world: DemoWorld) -> None:
    """HR submits the plan; the approver (PPK) approves every move."""
    hr, ppk = world.hr, world.approver
    await hr.say("/rencana")
    await hr.tap(hr.buttons()[0])
    await expect(await hr.tap(label("plans.btn_submit")), "plans.submit_confirm")
    await expect(await hr.tap(label("plans.btn_submit_yes")), "plans.submitted")
    await expect(await ppk.show_unseen(), "plans.approver_notice")
    await ppk.say("/persetujuan")
    await ppk.tap(ppk.buttons()[0])
    await expect(await ppk.tap(label("plans.apv_btn_ok", id=1)), "plans.apv_confirm")
    await expect(await ppk.tap(label("plans.apv_btn_yes", id=1)), "plans.apv_done_approve")
    with ppk.quiet():
        for move_id in range(2, 6):
            await ppk.tap(label("plans.apv_btn_ok", id=move_id))
            await ppk.tap(label("plans.apv_btn_yes", id=move_id))
    world.out("\n" + t(DEFAULT_LOCALE, "cli.demo.also_approved"))
    await expect(await hr.show_unseen(), "plans.decided_notice")


async def consultation(world: DemoWorld) -> None:
    """Consultation: employee 1 asks a question, employee 2 objects, the rest agree."""
    hr, me, other = world.hr, world.employee, world.employee_chat(2)
    await hr.say("/rencana")
    await hr.tap(hr.buttons()[0])
    await expect(await hr.tap(label("plans.btn_consult")), "plans.consult_started")
    await expect(await me.show_unseen(), "plans.kons_message")
    await expect(await me.tap(label("plans.kons_btn_ask")), "plans.kons_ask_question")
    await expect(
        await me.say("Apakah ada pelatihan untuk aplikasi di Diskominfo?"),
        "plans.kons_question_sent",
    )
    await expect(await hr.show_unseen(), "plans.question_notice")
    await hr.say("/tanya")
    await hr.tap(hr.buttons()[0])
    await expect(await hr.say("Ya, ada pelatihan dua minggu pertama."), "plans.tanya_answered")
    await expect(await me.show_unseen(), "plans.answer_to_employee")
    await me.tap(label("plans.kons_btn_ok"))
    await expect(await other.show_unseen(), "plans.kons_message")
    await other.tap(label("plans.kons_btn_obj"))
    await other.tap(label("plans.cat_family"))
    await other.say("Orang tua saya sakit dan tinggal dekat kantor sekarang.")
    await expect(await hr.show_unseen(), "plans.objection_notice")
    for n in QUIET_CAST:
        chat = world.employee_chat(n)
        with chat.quiet():
            await chat.show_unseen()
            await chat.tap(label("plans.kons_btn_ok"))
    world.out("\n" + t(DEFAULT_LOCALE, "cli.demo.also_agreed", who=", ".join(map(str, QUIET_CAST))))


async def decree(world: DemoWorld) -> None:
    """HR keeps the objected move with a reason (back to the PPK, who approves it again) and
    records the decrees (SK, TMT)."""
    hr = world.hr
    await hr.say("/rencana")
    await hr.tap(hr.buttons()[0])
    await hr.tap(label("plans.btn_moves"))
    await hr.tap(button(hr, "#2 "))
    await expect(await hr.tap(label("plans.btn_keep")), "plans.ask_keep")
    await expect(
        await hr.say("Kebutuhan Diskominfo mendesak; kantor baru 2 km dari kantor lama."),
        "plans.kept",
    )
    await _ppk_approves_change(world, 2)
    tmt = _dmy(tmt_of(world))
    await hr.tap(button(hr, "#1 "))
    await _decree_move(world, 1, tmt)
    with hr.quiet():
        for move_id in range(2, 6):
            await _decree_move(world, move_id, tmt)
    world.out("\n" + t(DEFAULT_LOCALE, "cli.demo.also_decreed"))
    await expect(await world.employee.show_unseen(), "plans.decree_notice", "aspp.notice_decree")


async def _ppk_approves_change(world: DemoWorld, move_id: int) -> None:
    """The kept move is back with the PPK, who sees the objection and approves it again."""
    hr, ppk = world.hr, world.approver
    await expect(await ppk.show_unseen(), "plans.change_notice")
    await ppk.say("/persetujuan")
    await expect(await ppk.tap(ppk.buttons()[0]), "plans.apv_objection")
    await ppk.tap(label("plans.apv_btn_ok", id=move_id))
    await expect(await ppk.tap(label("plans.apv_btn_yes", id=move_id)), "plans.apv_done_approve")
    await expect(await hr.show_unseen(), "plans.change_decided_notice")


async def _decree_move(world: DemoWorld, move_id: int, tmt: str) -> None:
    """HR records the SK of one move from its card: SK number, then TMT."""
    hr = world.hr
    if move_id != 1:  # the others quietly, straight from their cards
        await hr.press_data(OpenMove(move_id).pack())
    await expect(await hr.tap(label("plans.btn_decree")), "plans.ask_sk")
    await hr.say(f"800/{100 + move_id}/BKPSDM/{tmt_of(world).year}")
    await expect(await hr.say(tmt), "plans.decreed")


async def socialization(world: DemoWorld) -> None:
    """The demo clock jumps: socialization messages arrive before and after the TMT."""
    me = world.employee
    await expect(await hr_show(world, "/sosialisasi"), "campaigns.title")
    for days in (8, 7, 6, 2):
        await jump(world, timedelta(days=days))
        await me.show_unseen()


async def carried_out(world: DemoWorld) -> None:
    """The TMT has passed: HR marks the moves carried out; the roster follows (employee 1's
    /profil shows the new unit, position and the position history)."""
    hr, me = world.hr, world.employee
    await hr.press_data(OpenMove(1).pack())
    await expect(await hr.tap(label("plans.btn_done")), "plans.done")
    with hr.quiet():
        for move_id in range(2, 6):
            await hr.press_data(OpenMove(move_id).pack())
            await hr.tap(label("plans.btn_done"))
    await expect(await me.say("/profil"), "profile.history_header")


async def hr_show(world: DemoWorld, command: str) -> Answers:
    """HR types a command."""
    return await world.hr.say(command)


async def jump(world: DemoWorld, delta: timedelta) -> None:
    """Move the demo clock and say so, as ``:maju`` does in the interactive demo."""
    outcomes = await world.advance(delta)
    when = format_datetime(world.now(), DEFAULT_LOCALE, world.harness.settings.tz)
    world.out("\n" + t(DEFAULT_LOCALE, "cli.demo.jumped", when=when, count=len(outcomes)))


SURVEY_DAYS = 30  # the default survey's first round: TMT + 30 days
ANSWERS = {1: (4, 9), 2: (3, 6), 3: (5, 10), 4: (4, 8), 5: (4, 7)}  # (likert, 0–10) per person


async def answer_survey(chat: ConsoleChat, likert: int, nps: int) -> None:
    """Answer the open survey question by question with the buttons the bot shows."""
    skip, done, send = label("survey.btn_skip"), label("survey.btn_done"), label("survey.btn_send")
    agree = label("survey.likert", value=likert)
    for _ in range(30):
        buttons = chat.buttons()
        likert_button = next((b for b in buttons if b.split(" · ") == [str(likert), agree]), None)
        if send in buttons:
            await expect(await chat.tap(send), "survey.thanks", "followup.ask_contact")
            return
        if likert_button is not None:
            await chat.tap(likert_button)
        elif done in buttons:
            await chat.tap(buttons[0])
            await chat.tap(done)
        elif str(nps) in buttons:
            await chat.tap(str(nps))
        elif skip in buttons:
            await chat.tap(skip)
        else:
            raise ScriptError(f"unexpected survey buttons {buttons}")
    raise ScriptError("the survey did not end")


async def survey(world: DemoWorld) -> None:
    """TMT + 30 days: the anonymous satisfaction survey arrives; the five moved employees
    answer it; employee 1 says BKPSDM may contact them (asked apart from the answers)."""
    me = world.employee
    until = tmt_of(world) + timedelta(days=SURVEY_DAYS + 1)
    await jump(world, timedelta(days=(until - world.today()).days))
    await expect(await me.show_unseen(), "survey.invite")
    await me.tap(label("survey.btn_start"))
    await answer_survey(me, *ANSWERS[1])
    await expect(await me.tap(label("followup.btn_yes")), "followup.contact_opened")
    for n in range(2, 6):
        chat = world.employee_chat(n)
        with chat.quiet():
            await chat.show_unseen()
            await chat.tap(label("survey.btn_start"))
            await answer_survey(chat, *ANSWERS[n])
    world.out("\n" + t(DEFAULT_LOCALE, "cli.demo.also_answered"))


async def followup(world: DemoWorld) -> None:
    """The "contact me" answer is a named case for an HR officer, who notes a call and
    closes it; nothing of the survey answers is in it."""
    hr, name = world.hr, world.rows[0]["nama"]
    await expect(await hr.show_unseen(), "followup.assigned_notice")
    await expect(await hr.say("/tindak_lanjut"), "followup.list_title")
    await expect(await hr.tap(button(hr, name)), "followup.no_notes")
    await expect(await hr.tap(label("followup.btn_note")), "followup.ask_note")
    await expect(
        await hr.say("Ditelepon: ingin pendampingan aplikasi; mentor dari Diskominfo ditunjuk."),
        "followup.noted",
    )
    await expect(await hr.tap(label("followup.btn_close")), "followup.ask_close")
    await expect(await hr.say("Pendampingan berjalan, pegawai puas."), "followup.closed")


async def results(world: DemoWorld) -> None:
    """HR reads the survey results and its chart (saved as a PNG file)."""
    hr = world.hr
    services = world.harness.services
    min_group = services.settings.survey_min_group
    await publish_waiting(services.db, services.clock.now(), min_group)
    world.out("\n" + t(DEFAULT_LOCALE, "cli.demo.published", min=min_group))
    await expect(await hr.say("/hasil_survei"), "survey.res_title")
    answer = await expect(await hr.tap(label("survey.btn_charts")), "survey.chart_caption")
    if not any(m.photo for m in answer):
        raise ScriptError("the survey chart was not sent as a picture")


async def announcement(world: DemoWorld) -> None:
    """HR sends an announcement to every employee and reads the delivery report."""
    hr = world.hr
    await expect(await hr.say("/umumkan"), "bc.ask_text")
    await expect(
        await hr.say("Rapat koordinasi mutasi: Senin 08.00 WIB di aula BKPSDM."), "bc.preview_title"
    )
    await expect(await hr.tap(label("bc.btn_skip")), "bc.choose_audience")
    await expect(await hr.tap(label("bc.aud_all")), "bc.confirm")
    await expect(await hr.tap(label("bc.btn_send")), "delivery.done")
    await world.employee.show_unseen()
    await expect(await hr.say("/laporan_kirim"), "bc.report_title")


STEPS = (
    hr_review, plan_with_moves, approval, consultation, decree, socialization, carried_out,
    survey, followup, results, announcement,
)  # fmt: skip
