"""Typed dates end to end: one reader and one shown format in windows, plan TMT and decrees.

Broadcast scheduling and survey sending are covered in ``test_broadcasts.py`` and
``test_surveys_send.py`` (need a time, refuse the past, month names and ``jam 8``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.i18n.dates import format_date
from bot.texts import t
from storage.models import AspirationWindow, PlanMove, utcnow
from tests.conftest import HR_ID
from tests.e2e.test_plans import EMPLOYEES, setup_plan_world
from tests.texts import shows


def _today(harness: BotHarness) -> date:
    """Today in the bot's zone."""
    return utcnow().astimezone(harness.settings.tz).date()


def _short(day: date) -> str:
    """A date as the bot shows and accepts it: 31-12-2026."""
    return format_date(day, "id", "short")


async def _press(user: EmulatedUser, key: str) -> str:
    """Press the button labelled by text ``key``; the bot's next message."""
    await user.press(t("id", key))
    return (await user.reply()).text


async def test_window_dates_refuse_the_past_and_read_words(harness: BotHarness) -> None:
    """A window starting yesterday is refused; "besok" and a month name are read and shown."""
    hr = harness.user(HR_ID)
    await hr.ask("/periode")
    assert "Nama periode" in await _press(hr, "aper.btn_new")
    ask_start = await hr.ask("Penjaringan Aspirasi 2027")
    assert shows(ask_start.text, "dates.hint_date")  # the format and an example
    today = _today(harness)
    assert shows((await hr.ask(_short(today - timedelta(days=1)))).text, "dates.past")
    assert shows((await hr.ask("31-02-2027")).text, "dates.no_such_day")
    assert shows((await hr.ask("besok")).text, "aper.ask_end")
    last = date(today.year + 1, 1, 31)
    assert shows((await hr.ask(_short(today - timedelta(days=3)))).text, "dates.past")
    units = await hr.ask(f"31 Januari {last.year}")
    assert shows(units.text, "aper.ask_units")
    await hr.press(t("id", "aper.btn_all_units"))
    confirm = (await hr.reply()).text
    tomorrow = today + timedelta(days=1)
    assert f"{_short(tomorrow)} 00.00 WIB" in confirm and f"{_short(last)} 23.59 WIB" in confirm
    await _press(hr, "aper.btn_create")
    async with harness.services.db.transaction() as session:
        window = (await session.execute(select(AspirationWindow))).scalar_one()
    zone = harness.settings.tz
    assert window.starts_at == datetime.combine(tomorrow, time(0), tzinfo=zone)
    assert window.ends_at == datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)


async def test_window_extension_reads_lusa_and_refuses_the_past(harness: BotHarness) -> None:
    """Extending a window: a past last day is refused, "lusa" is the day after tomorrow."""
    hr = harness.user(HR_ID)
    await hr.ask("/periode")
    await _press(hr, "aper.btn_new")
    await hr.ask("Penjaringan singkat")
    await hr.press(t("id", "aper.btn_now"))
    await hr.reply()
    await hr.ask("hari ini")
    await hr.press(t("id", "aper.btn_all_units"))
    await hr.reply()
    await _press(hr, "aper.btn_create")
    await hr.ask("/periode")
    assert shows(await _press(hr, "aper.btn_extend"), "dates.hint_date")
    today = _today(harness)
    assert shows((await hr.ask(_short(today - timedelta(days=1)))).text, "dates.past")
    extended = await hr.ask("lusa")
    assert f"{_short(today + timedelta(days=2))} 23.59 WIB" in extended.text


async def _to_tmt_step(harness: BotHarness, hr: EmulatedUser, nip: str) -> None:
    """HR creates a plan and types a move up to the TMT question."""
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    await hr.reply()
    await hr.send("Mutasi 2027")
    await hr.replies(2)
    await hr.press("➕ Tambah usulan")
    await hr.reply()
    await hr.ask(nip)
    assert shows((await hr.ask("F-001")).text, "dates.hint_date")


async def test_past_tmt_of_a_new_move_needs_confirmation(harness: BotHarness) -> None:
    """A past TMT is kept only when HR types it again; a month name is read as well."""
    await setup_plan_world(harness)
    hr = harness.user(HR_ID)
    await _to_tmt_step(harness, hr, EMPLOYEES[0][1])
    assert shows((await hr.ask("besok jam 8")).text, "dates.no_time")
    past = _today(harness) - timedelta(days=10)
    assert shows((await hr.ask(_short(past))).text, "plans.tmt_past_confirm")
    later = _today(harness) + timedelta(days=40)
    by_name = await hr.ask(format_date(later, "id", "long"))  # e.g. "6 Januari 2027"
    assert shows(by_name.text, "plans.ask_why")
    await hr.send("Penguatan layanan TI")
    await hr.replies(2)
    await hr.press("➕ Tambah usulan")
    await hr.reply()
    await hr.ask(EMPLOYEES[1][1])
    await hr.ask("F-001")
    assert shows((await hr.ask(_short(past))).text, "plans.tmt_past_confirm")
    assert shows((await hr.ask(past.strftime("%Y-%m-%d"))).text, "plans.ask_why")  # same day
    await hr.send("Pengisian jabatan lowong")
    await hr.replies(2)
    async with harness.services.db.transaction() as session:
        tmts = sorted((await session.execute(select(PlanMove.proposed_tmt))).scalars())
    assert tmts == [past, later]
