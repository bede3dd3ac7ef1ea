"""The scripted walk-through printed by ``asn-bot demo --script``: the whole process.

Registration, an aspiration, HR's review, the aspiration marked in /kandidat and put into
a plan with one tap, approval, consultation with a question and an objection, the decree,
socialization around the TMT, the roster changed when the move is carried out, the survey
at TMT+30 with its "contact me" follow-up case, the results, and an announcement with its
delivery report — with the demo clock jumping ahead where the process waits.

Each step checks what the bot answers by text key (``expect``), so the script doubles as
a smoke test: an answer that is missing stops the demo with a non-zero exit code. Buttons
are pressed by their text key too (``label``), so copy edits do not break the script.
"""

from __future__ import annotations

from datetime import timedelta

from bot.demo import script_process as process
from bot.demo.data import positions_csv, window_name
from bot.demo.expect import ScriptError, expect, label
from bot.demo.session import DemoWorld
from bot.roster.demo_data import generate_rows, to_csv
from bot.texts import DEFAULT_LOCALE, t

__all__ = ["STEPS", "ScriptError", "run_script"]


async def registration_and_profile(world: DemoWorld) -> None:
    """An employee registers with their phone, adds skills and switches language."""
    me = world.employee
    await expect(await me.say("/start"), "reg.consent")
    await expect(await me.tap(label("reg.consent_yes")), "reg.ask_contact")
    await expect(await me.tap(label("reg.share_contact_button")), "reg.linked")
    await expect(await me.say("/profil"), "profile.card")
    await expect(await me.tap(label("profile.btn_add_skill")), "profile.ask_text")
    await expect(await me.say("jarkom & bikin aplikasi web"), "profile.saved")
    await me.say("/bahasa")
    await me.tap(label("lang.name_en"))
    await expect(await me.say("/help"), "help.title")
    await me.say("/bahasa")
    await me.tap(label("lang.name_id"))


async def hr_tools(world: DemoWorld) -> None:
    """HR invites an employee who is not linked yet and imports a roster file."""
    hr, other = world.hr, world.employee_chat(2)
    answer = await hr.say(f"/undangan {world.nip(2)}")
    await expect(answer, "admin.invite_created")
    link = next(w for m in answer for w in m.text.split() if "?start=" in w)
    await expect(await other.say("/start " + link.split("?start=", 1)[1]), "reg.consent")
    await expect(await other.tap(label("reg.consent_yes")), "reg.linked")
    rows = generate_rows(5, 99)
    rows[2]["nip"] = "12345678901234"
    await expect(await hr.upload(to_csv(rows), "roster-baru.csv"), "import.choose_kind")
    await expect(await hr.tap(label("import.kind_roster")), "roster.report.not_applied")
    await expect(await hr.tap(label("import.btn_partial")), "roster.report.applied")


async def positions_and_window(world: DemoWorld) -> None:
    """HR imports open positions by sending a file and opens an aspiration window."""
    hr = world.hr
    await expect(await hr.upload(positions_csv(), "jabatan-lowong.csv"), "import.choose_kind")
    await expect(await hr.tap(label("import.kind_positions")), "match.report.applied")
    await hr.say("/periode")
    await expect(await hr.tap(label("aper.btn_new")), "aper.ask_name")
    await hr.say(window_name(world.today()))
    await hr.tap(label("aper.btn_now"))
    await hr.say((world.today() + timedelta(days=14)).strftime("%d-%m-%Y"))
    await hr.tap(label("aper.btn_all_units"))
    await expect(await hr.tap(label("aper.btn_create")), "aper.created")


async def recommendation_and_aspiration(world: DemoWorld) -> None:
    """The employee sees recommended positions and sends a transfer wish."""
    me = world.employee
    await expect(await me.say("/rekomendasi"), "match.rec.title")
    await me.say("/aspirasi")
    await me.tap(label("asp.btn_continue"))
    await me.tap(label("asp.kind.other_unit"))
    await expect(await me.say("kominfo"), "asp.pick_unit")
    await me.tap("Dinas Komunikasi dan Informatika")
    await me.say("prakom")
    await me.tap(label("asp.open_position", title="Pranata Komputer Ahli Pertama"))
    await me.tap(label("asp.btn_enough"))
    await me.tap(label("asp.reason.career"))
    await me.say("Ingin mengembangkan aplikasi layanan publik di Diskominfo.")
    await me.tap(label("asp.yes"))
    await expect(await me.tap(label("asp.btn_skip")), "asp.summary")
    await expect(await me.tap(label("asp.btn_send")), "asp.sent")


STEPS = (
    registration_and_profile,
    hr_tools,
    positions_and_window,
    recommendation_and_aspiration,
    *process.STEPS,
)


STEP_TITLES = {  # step function -> the text key of its title
    "registration_and_profile": "cli.demo.step.registration_and_profile",
    "hr_tools": "cli.demo.step.hr_tools",
    "positions_and_window": "cli.demo.step.positions_and_window",
    "recommendation_and_aspiration": "cli.demo.step.recommendation_and_aspiration",
    "hr_review": "cli.demo.step.hr_review",
    "plan_with_moves": "cli.demo.step.plan_with_moves",
    "approval": "cli.demo.step.approval",
    "consultation": "cli.demo.step.consultation",
    "decree": "cli.demo.step.decree",
    "socialization": "cli.demo.step.socialization",
    "carried_out": "cli.demo.step.carried_out",
    "survey": "cli.demo.step.survey",
    "followup": "cli.demo.step.followup",
    "results": "cli.demo.step.results",
    "announcement": "cli.demo.step.announcement",
}


async def run_script(world: DemoWorld) -> None:
    """Play every step in order."""
    for step in STEPS:
        world.out(f"\n═══ {t(DEFAULT_LOCALE, STEP_TITLES[step.__name__])} ═══")
        await step(world)
