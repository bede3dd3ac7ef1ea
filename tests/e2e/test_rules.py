"""The move rules end to end: a freeze period kept by HR, a sanction overridden when adding,
the freeze stopping the submission until HR gives a reason, the approver seeing both rules
with HR's reasons and the date judged on, and /rotasi."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import update

from bot.harness import BotHarness
from bot.rules import periods
from bot.texts import t
from storage.models import Employee, MoveRuleOverride
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_plans import (
    EMPLOYEES,
    add_move,
    moves_by_employee,
    person,
    setup_plan_world,
    submit_plan,
)
from tests.e2e.test_plans_import import new_plan

HOLE = "\x00"


def says(text: str, key: str, *params: str) -> bool:
    """``text`` contains the Indonesian text of ``key`` (its ``params`` left open, tags off)."""
    template = re.sub(r"<[^>]+>", "", t("id", key, **dict.fromkeys(params, HOLE)))
    position = 0
    for part in filter(None, (p.strip() for p in template.split(HOLE))):
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


async def test_rules_from_adding_to_approval(harness: BotHarness) -> None:
    """Sanction at adding, freeze at submitting, both shown to the approver, then approved."""
    await setup_plan_world(harness)
    ani_nip = EMPLOYEES[0][1]
    async with harness.services.db.transaction() as session:
        await session.execute(
            update(Employee).where(Employee.nip == ani_nip).values(
                disciplinary_sanction=True, sanction_level="ringan",
                sanction_until=date(2027, 3, 31))
        )  # fmt: skip
    hr, approver = person(harness, HR_ID), person(harness, APPROVER_ID)
    await new_plan(hr, "Mutasi Februari 2027")
    await hr.press("➕ Tambah usulan")
    await hr.reply()
    await hr.ask(ani_nip)
    await hr.send("F-001")
    ahead, _ask_tmt = await hr.replies(2)  # the rules judged today, before the TMT is typed
    assert says(ahead.text, "plans.warnings_ahead", "lines") and "Hukuman disiplin" in ahead.text
    await hr.ask("01-02-2027")
    unmet = await hr.ask("Penguatan layanan TI")
    assert says(unmet.text, "rules.unmet", "lines") and says(unmet.text, "rules.ask_reason")
    assert "Hukuman disiplin" in unmet.text and "31-03-2027" in unmet.text
    assert "dinilai per 01-02-2027" in unmet.text
    await hr.send("Dibutuhkan segera di Diskominfo")
    added, _card = await hr.replies(2)
    assert says(added.text, "plans.move_added", "id", "name")
    assert says(added.text, "rules.overridden", "point", "date", "reason")

    listing = await hr.ask("/periode_larangan")
    assert says(listing.text, "rules.freeze_none")
    await hr.press("➕ Tambah periode", message_id=listing.message_id)
    assert says((await hr.reply()).text, "rules.ask_freeze_start", "example")
    assert says((await hr.ask("01-01-2027")).text, "rules.ask_freeze_end", "example")
    assert says((await hr.ask("30-06-2027")).text, "rules.ask_freeze_name")
    assert "Pilkada 2027" in (await hr.ask("Pilkada 2027")).text
    assert "#1 Pilkada 2027: 01-01-2027 s.d. 30-06-2027" in (
        await hr.ask("/periode_larangan")).text  # fmt: skip

    plans = await hr.ask("/rencana")
    await hr.press(plans.button_labels[0])
    await hr.wait_edit(plans.message_id)
    await hr.press("📤 Ajukan ke PPK", message_id=plans.message_id)
    confirm = await hr.reply()
    assert "📤 Ya, ajukan ke PPK" in confirm.button_labels
    await hr.press("📤 Ya, ajukan ke PPK", message_id=confirm.message_id)
    blocked = await hr.reply()  # the rules judged again on confirming
    assert (
        says(blocked.text, "rules.move_title", "id", "name")
        and "Larangan mutasi pilkada" in blocked.text
    )
    assert "Dibutuhkan segera" in blocked.text  # the sanction shows its override, not asked again
    submitted = await hr.ask("Pelantikan pejabat sebelum penetapan calon")
    assert says(submitted.text, "plans.submitted", "id", "count")

    assert says((await approver.reply()).text, "plans.approver_notice", "id", "name", "count")
    waiting = await approver.ask("/persetujuan")
    await approver.press(waiting.button_labels[0])
    page = await approver.wait_edit(waiting.message_id)
    for text in ("Hukuman disiplin", "Larangan mutasi pilkada", "Dibutuhkan segera",
                 "Pelantikan pejabat", "dinilai per 01-02-2027"):  # fmt: skip
        assert text in page.text, text
    move = (await moves_by_employee(harness))[ani_nip]
    await approver.press(f"✅ Setujui #{move.id}", message_id=waiting.message_id)
    confirm = await approver.wait_edit(waiting.message_id)
    assert says(confirm.text, "plans.apv_confirm", "id") and "Dibutuhkan segera" in confirm.text
    await approver.press(f"✅ Ya, setujui #{move.id}", message_id=waiting.message_id)
    assert says((await approver.reply()).text, "plans.apv_done_approve", "id")
    async with harness.services.db.transaction() as session:
        rows = (await session.execute(MoveRuleOverride.__table__.select())).all()
    assert sorted((r.rule, r.point) for r in rows) == [("freeze", "submit"), ("sanction", "add")]

    decided = await hr.reply()
    assert says(decided.text, "plans.decided_notice", "id", "approved", "rejected")
    rotation = await hr.ask("/rotasi")
    assert (
        says(rotation.text, "rules.rotation_title", "date", "years")
        and EMPLOYEES[1][2] in rotation.text
    )


async def test_approver_gives_a_reason_for_a_rule_nobody_overrode(harness: BotHarness) -> None:
    """A freeze stored after the submission: approving asks the approver's reason first."""
    await setup_plan_world(harness)
    hr, approver = person(harness, HR_ID), person(harness, APPROVER_ID)
    await new_plan(hr, "Mutasi Maret 2027")
    await add_move(hr, EMPLOYEES[1][1])
    await submit_plan(hr)
    async with harness.services.db.transaction() as session:
        await periods.add_period(session, HR_ID, "Pilkada 2027", date(2027, 1, 1),
                                 date(2027, 6, 30))  # fmt: skip
    await approver.reply()
    waiting = await approver.ask("/persetujuan")
    await approver.press(waiting.button_labels[0])
    page = await approver.wait_edit(waiting.message_id)
    assert "Larangan mutasi pilkada" in page.text
    move = (await moves_by_employee(harness))[EMPLOYEES[1][1]]
    await approver.press(f"✅ Setujui #{move.id}", message_id=waiting.message_id)
    await approver.wait_edit(waiting.message_id)
    await approver.press(f"✅ Ya, setujui #{move.id}", message_id=waiting.message_id)
    asked = await approver.reply()  # the rules judged again on confirming
    assert says(asked.text, "rules.unmet", "lines") and says(asked.text, "rules.ask_reason")
    assert (await moves_by_employee(harness))[EMPLOYEES[1][1]].status == "submitted"
    await approver.send("Persetujuan Mendagri 100/1/OTDA terlampir")
    done, _page = await approver.replies(2)
    assert says(done.text, "plans.apv_done_approve", "id")
    assert (await moves_by_employee(harness))[EMPLOYEES[1][1]].status == "approved"
