"""Consistent aspiration states (issue 13, defect 9), end to end.

Opening /aspirasi on a sent aspiration made /status report an unsent draft; the summary of a
sent aspiration offered "Batal untuk membuang draf"; old buttons gave advice that no
longer applied. Each screen now says what is true.
"""

from __future__ import annotations

from sqlalchemy import update

from bot.aspirations.buttons import Send
from bot.harness import BotHarness
from storage.models import Aspiration, ConversationState
from tests.e2e.test_aspirations import EMP_ID, _aspirations, _press
from tests.e2e.test_aspirations_hr import _submitted
from tests.texts import shows, source


async def _state(harness: BotHarness) -> ConversationState | None:
    """The employee's stored conversation state."""
    async with harness.services.db.transaction() as session:
        return await session.get(ConversationState, EMP_ID)


async def test_opening_a_sent_aspiration_is_not_a_draft(harness: BotHarness) -> None:
    """/aspirasi shows the sent aspiration; /status never calls it an unsent draft."""
    user = await _submitted(harness)
    [asp] = await _aspirations(harness)
    shown = await user.ask("/aspirasi")
    assert str(asp.reference) in shown.text and "✏️ Ubah aspirasi" in shown.button_labels
    assert await _state(harness) is None
    status = await user.ask("/status")
    assert not shows(source(status), "asp.status_draft") and str(asp.reference) in status.text


async def test_changing_a_sent_aspiration_says_so(harness: BotHarness) -> None:
    """Changes are "changes to ASP-…", discarded as changes; the sent one stays valid."""
    user = await _submitted(harness)
    [asp] = await _aspirations(harness)
    await user.ask("/aspirasi")
    await user.press("✏️ Ubah aspirasi")
    _existing, summary = await user.replies(2)
    assert shows(source(summary), "asp.summary_editing") and not shows(
        source(summary), "asp.summary"
    )
    assert "✖️ Batalkan perubahan" in summary.button_labels
    changing, _card = await user.ask("/status"), await user.reply()
    assert shows(source(changing), "asp.status_changing") and str(asp.reference) in changing.text
    assert not shows(source(changing), "asp.status_draft")
    discarded = await _press(user, "✖️ Batalkan perubahan")
    assert shows(source(discarded), "asp.discarded_changes") and not shows(
        source(discarded), "asp.discarded"
    )
    assert (await _aspirations(harness))[0].status == "submitted"


async def test_old_buttons_tell_the_current_state(harness: BotHarness) -> None:
    """An old Kirim after sending names the sent aspiration; changes of a decided one drop."""
    user = await _submitted(harness)
    [asp] = await _aspirations(harness)
    before = len(await user.callback_answers())
    await user.press(data=Send().pack())  # the old summary's Kirim
    answers = await user.callback_answers(min_count=before + 1)
    assert shows(answers[-1].get("text") or "", "asp.stale_sent")
    assert str(asp.reference) in (answers[-1].get("text") or "")
    await user.ask("/aspirasi")
    await user.press("✏️ Ubah aspirasi")
    await user.replies(2)
    async with harness.services.db.transaction() as session:  # HR decides meanwhile
        await session.execute(update(Aspiration).values(status="accepted"))
    dropped = await user.ask("/status")
    assert shows(source(dropped), "asp.status_changes_dropped")
    assert await _state(harness) is None
