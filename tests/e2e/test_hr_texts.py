"""HR's own texts (issue 13, defects 4 and 12): placeholders checked and previewed for a
sample employee, current values shown when editing, announcements with a header and
recipients counted as linked employees, emoji-only reasons refused."""

from __future__ import annotations

from bot.campaigns.service import template_view
from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.services.outbox_worker import wait_until_settled
from bot.texts import shows_text
from storage.queries import delivery as dq
from tests.conftest import HR_ID
from tests.factories import UNITS, add_employee

LINKED = (7301, 7302)
SAMPLE = "Budi Santoso"  # the fictional sample employee before there is any move


async def _step_1_text(harness: BotHarness) -> str:
    """The stored Indonesian text of socialization step 1."""
    async with harness.services.db.transaction() as session:
        return (await template_view(session, "id")).steps[0].text


async def _edit_step_1(hr: EmulatedUser) -> None:
    """HR opens /sosialisasi and asks to edit step 1's text."""
    await hr.ask("/sosialisasi")
    await hr.press("✏️ Teks 1")


async def test_campaign_placeholders_checked_and_previewed(harness: BotHarness) -> None:
    """A mistyped placeholder is refused; a good text is saved and shown filled in."""
    hr = harness.user(HR_ID)
    before = await _step_1_text(harness)
    await _edit_step_1(hr)
    prompt = await hr.reply()
    assert shows_text(prompt.text, "campaigns.ask_text")
    assert before.split("{")[0].strip() in prompt.text  # the current text, to copy
    refused = await hr.ask("Yth. {nma}, TMT Anda {tmt}.")
    assert shows_text(refused.text, "campaigns.bad_placeholder") and "{nma}" in refused.text
    assert await _step_1_text(harness) == before
    await hr.send("Yth. {nama}, Anda pindah ke {unit_baru} sebagai {jabatan_baru} mulai {tmt}.")
    saved, title, preview, _listing = await hr.replies(4)
    assert shows_text(saved.text, "campaigns.saved")
    assert shows_text(title.text, "campaigns.preview_title") and SAMPLE in title.text
    assert preview.text.startswith(f"Yth. {SAMPLE}, Anda pindah ke ")
    assert "{" not in preview.text
    assert (await _step_1_text(harness)).startswith("Yth. {nama}")


async def test_campaign_offset_prompt_shows_the_current_time(harness: BotHarness) -> None:
    """Editing a step's timing shows the timing it has now."""
    hr = harness.user(HR_ID)
    await hr.ask("/sosialisasi")
    await hr.press("⏱ Waktu 1")
    prompt = await hr.reply()
    assert shows_text(prompt.text, "campaigns.ask_offset") and "-14 08:00" in prompt.text


async def _linked_and_unlinked(harness: BotHarness) -> None:
    """Two linked employees and one who never opened the bot."""
    db = harness.services.db
    for n, tid in enumerate(LINKED):
        await add_employee(
            db, nip=f"19900315201503100{n}", name=f"Pegawai {n}", phone=f"62812000000{n}",
            telegram_id=tid, unit=UNITS[0],
        )  # fmt: skip
        await harness.client.register_chat(tid)
    await add_employee(db, nip="199003152015031009", name="Belum Terhubung", phone="628120009")


async def test_announcement_header_preview_and_linked_count(harness: BotHarness) -> None:
    """The preview fills {nama}; recipients are the linked employees; each gets the header."""
    await _linked_and_unlinked(harness)
    hr = harness.user(HR_ID)
    await hr.ask("/umumkan")
    refused = await hr.ask("Yth. {nma}, rapat besok.")
    assert shows_text(refused.text, "bc.bad_placeholder")
    await hr.send("Yth. {nama}, rapat koordinasi besok pukul 08.00.")
    title, preview, _ask = await hr.replies(3)
    assert shows_text(title.text, "bc.preview_for") and SAMPLE in title.text
    assert shows_text(preview.text, "bc.header") and f"Yth. {SAMPLE}, rapat" in preview.text
    await hr.press("⏭ Lewati")
    await hr.reply()
    await hr.press("Semua pegawai")
    confirm = await hr.reply()
    assert shows_text(confirm.text, "bc.confirm") and "Penerima: 2" in confirm.text
    await hr.press("📤 Kirim sekarang")
    await hr.reply()
    async with harness.services.db.transaction() as session:
        broadcast_id = (await dq.list_broadcasts(session, limit=1))[0].id
    await wait_until_settled(harness.services.db, broadcast_id)
    for n, tid in enumerate(LINKED):
        message = await harness.user(tid).reply()
        assert shows_text(message.text, "bc.header")
        assert message.text.endswith(f"Yth. Pegawai {n}, rapat koordinasi besok pukul 08.00.")


async def test_emoji_only_reason_is_refused(harness: BotHarness) -> None:
    """A reason made only of emoji is not a reason: asked again, nothing saved."""
    hr = harness.user(HR_ID)
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    await hr.reply()
    assert shows_text((await hr.ask("👍🙏")).text, "common.text_no_words")
    assert shows_text((await hr.ask("Mutasi Januari 2027")).text, "plans.created")
