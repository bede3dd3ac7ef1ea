"""Changing an aspiration's choices (issue 13, defect 2), end to end.

Ubah → Pilihan unit/jabatan used to restart at choice 1 and throw the choices away (also on
Kembali), and Kirim said only "Isian belum lengkap". Now the current choices are listed
with replace/remove for each and "add"; Back keeps them; Kirim names what is missing.
"""

from __future__ import annotations

from bot.emulator.client import BotMessage, EmulatedUser
from bot.harness import BotHarness
from bot.texts import t
from tests.e2e.test_aspirations import EMP_ID, _fill_to_summary, _press, _setup
from tests.texts import shows, source

KOMINFO, DINKES, BAPPEDA = (
    "Dinas Komunikasi dan Informatika",
    "Dinas Kesehatan",
    "Badan Perencanaan Pembangunan Daerah",
)


async def _choices(user: EmulatedUser) -> BotMessage:
    """From the summary: Ubah → Pilihan unit/jabatan."""
    await _press(user, "✏️ Ubah")
    return await _press(user, "Pilihan unit/jabatan")


async def test_choices_are_listed_and_kept_on_back(harness: BotHarness) -> None:
    """The editor lists both choices; Kembali twice returns to a summary that still has them."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await _fill_to_summary(user)
    editor = await _choices(user)
    assert shows(source(editor), "asp.prefs_edit") and not shows(source(editor), "asp.ask_pref")
    assert KOMINFO in editor.text and DINKES in editor.text
    assert {"🔁 Ganti pilihan 1", "🗑 Hapus pilihan 2", "➕ Tambah pilihan"} <= set(
        editor.button_labels
    )
    await _press(user, "⬅️ Kembali")  # to "which part?"
    summary = await _press(user, "⬅️ Kembali")
    assert shows(source(summary), "asp.summary")
    assert f"Pilihan 1: {KOMINFO}" in summary.text and f"Pilihan 2: {DINKES}" in summary.text


async def test_replace_remove_and_add_in_place(harness: BotHarness) -> None:
    """Remove 1, a replacement abandoned with Back keeps it, add Kominfo again: Dinkes, Kominfo."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await _fill_to_summary(user)
    await _choices(user)
    editor = await _press(user, "🗑 Hapus pilihan 1")
    assert KOMINFO not in editor.text and DINKES in editor.text
    ask = await _press(user, "🔁 Ganti pilihan 1")
    assert shows(source(ask), "asp.ask_pref") and "Pilihan ke-1" in ask.text
    editor = await _press(user, "⬅️ Kembali")  # the replacement abandoned: Dinkes stays
    assert shows(source(editor), "asp.prefs_edit") and DINKES in editor.text
    ask = await _press(user, "➕ Tambah pilihan")
    assert "Pilihan ke-2" in ask.text
    await user.ask("kominfo")  # the removed choice comes back as choice 2 (Bappeda is the own unit)
    await _press(user, KOMINFO)
    editor = await _press(user, "Jabatan apa saja")
    assert DINKES in editor.text and KOMINFO in editor.text
    summary = await _press(user, "✅ Selesai")
    assert f"Pilihan 1: {DINKES}" in summary.text and f"Pilihan 2: {KOMINFO}" in summary.text
    sent = await _press(user, "✅ Kirim")
    assert shows(source(sent), "asp.sent")


async def test_kirim_says_exactly_what_is_missing(harness: BotHarness) -> None:
    """With every choice removed, the summary and Kirim name the missing choices."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await _fill_to_summary(user)
    await _choices(user)
    await _press(user, "🗑 Hapus pilihan 1")
    editor = await _press(user, "🗑 Hapus pilihan 1")
    assert "✅ Selesai" not in editor.button_labels and "➕ Tambah pilihan" in editor.button_labels
    await _press(user, "⬅️ Kembali")
    summary = await _press(user, "⬅️ Kembali")
    assert shows(source(summary), "asp.sum_missing")
    await user.press("✅ Kirim")
    refused, sections = await user.replies(2)
    assert shows(source(refused), "asp.incomplete_fields")
    assert t("id", "asp.missing.prefs") in refused.text
    assert t("id", "asp.missing.reason") not in refused.text
    assert shows(source(sections), "asp.ask_edit_section")  # the way on: which part to complete
