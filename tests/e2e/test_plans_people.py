"""Picking the employee of a move (issue 13, defect 1), end to end.

Only an exact NIP picks at once; a name (or a NIP's first digits) lists the matches with
name, masked NIP and unit as buttons, paged; nobody found says so and waits for a retype.
"""

from __future__ import annotations

from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.plans.buttons import PickEmployee
from storage.models import ConversationState
from tests.conftest import HR_ID
from tests.e2e.test_plans import EMPLOYEES, person, setup_plan_world
from tests.e2e.test_plans_import import new_plan
from tests.factories import UNITS, add_employee
from tests.texts import shows, source

TUTI_NIP = "198805052012122005"
DEWIS = ["Dewi Sartika", "Dewi Lestari", "Dewi Anggraini", "Dewi Kusuma", "Dewi Puspita",
         "Dewi Rahayu"]  # fmt: skip


async def _adding(harness: BotHarness) -> EmulatedUser:
    """The plan world plus Tuti and six Dewis; HR is at "type the NIP or name"."""
    await setup_plan_world(harness)
    db = harness.services.db
    await add_employee(db, nip=TUTI_NIP, name="Tuti Handayani", phone="6281200000099",
                       unit=UNITS[1])  # fmt: skip
    for n, name in enumerate(DEWIS):
        await add_employee(db, nip=f"19950101202001200{n}", name=name, phone=f"62813000000{n}")
    hr = person(harness, HR_ID)
    await new_plan(hr, "Mutasi Uji")
    await hr.press("➕ Tambah usulan")
    assert shows((await hr.reply()).text, "plans.ask_emp")
    return hr


async def _step(harness: BotHarness) -> str | None:
    """HR's current conversation step."""
    async with harness.services.db.transaction() as session:
        state = await session.get(ConversationState, HR_ID)
        return state.step if state else None


async def test_a_name_is_never_picked_silently(harness: BotHarness) -> None:
    """ "uji ganda" used to go straight to Tuti Handayani; now it offers her to choose."""
    hr = await _adding(harness)
    offer = await hr.ask("uji ganda")
    assert shows(source(offer), "plans.emp_pick") and not shows(source(offer), "plans.ask_dest")
    assert "Tuti Handayani" in offer.text and "2005" in offer.text  # name, masked NIP
    assert TUTI_NIP not in offer.text and UNITS[1] in offer.text  # the NIP masked, the unit
    assert await _step(harness) == "emp"
    await hr.press("1. Tuti Handayani")
    assert shows(source(await hr.reply()), "plans.ask_dest")
    assert await _step(harness) == "dest"
    await hr.press("1. Tuti Handayani", message_id=offer.message_id)  # the old list
    assert shows((await hr.reply()).text, "plans.emp_list_stale")


async def test_many_matches_are_paged_and_nobody_found_asks_again(harness: BotHarness) -> None:
    """Eight Dewis come on two pages; a name nobody has asks again; an exact NIP picks."""
    hr = await _adding(harness)
    offer = await hr.ask("Dewi")
    assert shows(source(offer), "plans.emp_pick") and "1/2" in offer.text
    assert len([label for label in offer.button_labels if ". " in label]) == 5
    await hr.press("Berikutnya ➡️", message_id=offer.message_id)
    second = await hr.wait_edit(offer.message_id)
    assert "2/2" in second.text and "6. " in second.text
    assert "⬅️ Sebelumnya" in second.button_labels and "✖️ Batal" in second.button_labels
    nobody = await hr.ask("Zzyzx Qwerty")
    assert shows(nobody.text, "plans.emp_not_found") and "✖️ Batal" in nobody.button_labels
    assert await _step(harness) == "emp"
    prefix = await hr.ask("19950101")  # the first digits of a NIP: a list, not a pick
    assert shows(source(prefix), "plans.emp_pick") and "Dewi Sartika" in prefix.text
    picked = await hr.ask(EMPLOYEES[0][1])  # an exact NIP: picked at once
    assert shows(source(picked), "plans.ask_dest") and EMPLOYEES[0][2] in picked.text


async def test_forged_pick_outside_the_list_is_refused(harness: BotHarness) -> None:
    """A pick of someone never offered (old or forged button) does not choose them."""
    hr = await _adding(harness)
    await hr.ask("uji ganda")
    await hr.press(data=PickEmployee(1).pack())  # Ani: never offered in this list
    assert shows((await hr.reply()).text, "plans.emp_list_stale")
    assert await _step(harness) == "emp"
