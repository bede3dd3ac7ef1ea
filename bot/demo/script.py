"""The scripted walk-through printed by ``asn-bot demo --script``.

Each step asserts what the bot must answer, so the script doubles as a smoke test: a
step whose expected words do not appear stops the demo with a non-zero exit code.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.demo.console import ConsoleChat
from bot.demo.data import positions_csv
from bot.demo.session import DemoWorld
from bot.emulator.client import BotMessage
from bot.roster.demo_data import generate_rows, to_csv


class ScriptError(AssertionError):
    """The bot did not answer as the walk-through expects."""


def expect(messages: list[BotMessage], *words: str) -> None:
    """Fail unless every word appears in the printed answers."""
    text = "\n".join((m.text or "") + " " + " ".join(m.button_labels) for m in messages)
    missing = [w for w in words if w not in text]
    if missing:
        raise ScriptError(f"expected {missing} in the bot's answer, got: {text[:300]!r}")


async def registration_and_profile(world: DemoWorld) -> None:
    """An employee registers with their phone, edits the profile and switches language."""
    me: ConsoleChat = world.employee
    expect(await me.say("/start"), "UU PDP")
    expect(await me.tap("✅ Saya setuju"), "Bagikan nomor telepon saya")
    expect(await me.tap("📱 Bagikan nomor telepon saya"), "Akun terhubung", "Menu utama")
    expect(await me.say("/profil"), "NIP")
    expect(await me.tap("➕ Keahlian"), "Ketik keahlian")
    expect(await me.say("TI, jarkom & bikin aplikasi"), "Tersimpan", "bikin aplikasi")
    await me.tap("✏️ Ubah / hapus")
    expect(await me.tap("✏️ 1"), "Ketik keahlian")
    expect(await me.say("jaringan komputer, pengembangan aplikasi"), "pengembangan aplikasi")
    await me.say("/bahasa")
    await me.tap("🇬🇧 English")
    expect(await me.say("/help"), "What you can do")
    await me.say("/bahasa")
    await me.tap("🇮🇩 Bahasa Indonesia")


async def hr_tools(world: DemoWorld) -> None:
    """HR creates an invite link and imports a roster file with one bad row."""
    hr: ConsoleChat = world.hr
    expect(await hr.say("/help"), "/undangan")
    expect(await hr.say(f"/undangan {world.employee_nip}"), "https://t.me/")
    rows = generate_rows(5, 99)
    rows[2]["nip"] = "12345678901234"
    expect(await hr.upload(to_csv(rows), "roster-baru.csv"), "Data apa")
    expect(await hr.tap("👥 Data pegawai (roster)"), "Baris 4")
    expect(await hr.tap("Impor baris yang valid saja"), "4")


async def positions_and_window(world: DemoWorld) -> None:
    """HR imports open positions by sending a file and opens an aspiration window."""
    hr: ConsoleChat = world.hr
    expect(await hr.upload(positions_csv(), "formasi-2026.csv"), "Data apa")
    expect(await hr.tap("📋 Jabatan lowong"), "3")
    await hr.say("/periode")
    expect(await hr.tap("➕ Buka periode baru"), "Nama periode")
    await hr.say("Penjaringan Aspirasi Mutasi 2027")
    await hr.tap("Mulai sekarang")
    await hr.say((date.today() + timedelta(days=30)).strftime("%d-%m-%Y"))  # the shown format
    await hr.tap("Semua unit")
    expect(await hr.tap("✅ Buka periode"), "Periode dibuka")


async def recommendation_and_aspiration(world: DemoWorld) -> None:
    """The employee sees recommended positions and sends a transfer wish."""
    me: ConsoleChat = world.employee
    expect(await me.say("/rekomendasi"), "Pranata Komputer")
    await me.say("/aspirasi")
    await me.tap("Lanjut ➡️")
    await me.tap("Pindah ke OPD/unit lain")
    expect(await me.say("kominfo"), "Dinas Komunikasi dan Informatika")
    await me.tap("Dinas Komunikasi dan Informatika")
    await me.tap("Jabatan apa saja")
    await me.tap("✅ Cukup, lanjut")
    await me.tap("Pengembangan karier")
    await me.say("Ingin mengembangkan aplikasi layanan publik di Diskominfo.")
    await me.tap("Ya")
    expect(await me.tap("Lewati"), "Ringkasan")
    expect(await me.tap("✅ Kirim"), "ASP-", "Diajukan")
    expect(await world.hr.say("/rekap_aspirasi"), "Diajukan")


STEPS = (registration_and_profile, hr_tools, positions_and_window, recommendation_and_aspiration)


async def run_script(world: DemoWorld) -> None:
    """Play every step in order."""
    for step in STEPS:
        world.employee.out(f"\n═══ {step.__doc__} ═══")
        await step(world)
