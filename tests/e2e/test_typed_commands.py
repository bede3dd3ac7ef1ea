"""Mistyped commands and typed words (issue 13, defect 5), end to end.

A mistyped command gets "Maksud Anda /aspirasi?" over the user's own commands; "menu",
"bantuan" and "batal" typed as words act like the commands; free text while a step waits
for buttons gets the hint with a Batal button and the step's buttons again.
"""

from __future__ import annotations

from bot.harness import BotHarness
from storage.models import ConversationState
from storage.queries.users import grant_role
from tests.e2e.test_aspirations import EMP_ID, _press, _setup
from tests.factories import add_employee
from tests.texts import shows, source

APPROVER = 7711


async def test_mistyped_command_suggests_the_closest_own_command(harness: BotHarness) -> None:
    """/aspirsi → "Maksud Anda /aspirasi?" (+ button); role commands only to their holders."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    reply = await user.ask("/aspirsi")
    assert shows(reply.text, "common.unknown_command_suggest") and "/aspirasi" in reply.text
    assert "/aspirasi" in reply.button_labels
    await user.press("/aspirasi")
    assert shows(source(await user.reply()), "asp.elig_ok")
    other = await user.ask("/persetujaun")  # the approver's command: not the employee's
    assert shows(other.text, "common.unknown_command") and "/persetujuan" not in other.text
    async with harness.services.db.transaction() as session:
        await grant_role(session, APPROVER, "approver", granted_by="test")
    approver = harness.user(APPROVER)
    suggested = await approver.ask("/persetujaun")
    assert shows(suggested.text, "common.unknown_command_suggest")
    assert "/persetujuan" in suggested.text


async def test_words_act_like_commands(harness: BotHarness) -> None:
    """ "menu" shows the menu, "bantuan" the help, "batal" leaves the conversation."""
    await add_employee(harness.services.db, telegram_id=7712)
    user = harness.user(7712)
    assert shows(source(await user.ask("menu")), "menu.title")
    assert shows(source(await user.ask("Bantuan")), "help.title")
    assert shows((await user.ask("batal")).text, "common.nothing_to_cancel")
    await user.ask("/profil")
    await user.press("➕ Keahlian")
    await user.reply()
    cancelled = await user.ask("batal")  # the whole message: a cancel, not a skill named "batal"
    assert shows(cancelled.text, "common.cancelled")
    async with harness.services.db.transaction() as session:
        assert await session.get(ConversationState, 7712) is None


async def test_text_at_a_button_step_reshows_buttons_with_batal(harness: BotHarness) -> None:
    """Typing at a button step: hint + Batal, the buttons again; Batal keeps the draft."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await user.ask("/aspirasi")
    kind = await _press(user, "Lanjut ➡️")
    await user.send("saya mau pindah")
    hint, again = await user.replies(2)
    assert shows(hint.text, "common.expect_button") and "✖️ Batal" in hint.button_labels
    assert again.button_labels == kind.button_labels
    await user.send("ok menu")  # a short message naming a word command at a button step
    assert shows(source(await user.reply()), "menu.title")
    await user.press("✖️ Batal")
    assert shows((await user.reply()).text, "common.cancelled_draft_kept")
    await user.press("✖️ Batal")  # the old Batal button again: nothing left to cancel
    assert shows((await user.reply()).text, "common.nothing_to_cancel")
