"""/umumkan end to end: compose, audience, send now with progress, schedule and cancel."""

from __future__ import annotations

from datetime import timedelta

from bot.delivery.buttons import SendBroadcast
from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.services.outbox_worker import wait_until_settled
from bot.texts import t
from storage.models import utcnow
from storage.models.people import BotUser
from storage.queries import conversation, users
from storage.queries import delivery as dq
from tests.conftest import HR_ID
from tests.factories import UNITS, add_employee
from tests.texts import shows

EMPLOYEES = [(7001, UNITS[0]), (7002, UNITS[0]), (7003, UNITS[1])]


async def _roster(harness: BotHarness) -> None:
    """Three linked employees in two units."""
    for n, (tid, unit) in enumerate(EMPLOYEES):
        await add_employee(
            harness.services.db, nip=f"19900315201503100{n}", phone=f"62812000000{n}",
            telegram_id=tid, unit=unit,
        )  # fmt: skip
        await harness.client.register_chat(tid)


async def _compose(harness: BotHarness, text: str) -> EmulatedUser:
    """HR writes ``text``, skips the attachment and picks the unit Dinas Kesehatan."""
    hr = harness.user(HR_ID)
    assert "Tulis teks" in (await hr.ask("/umumkan")).text
    bad = await hr.ask("<b>tebal")
    assert "HTML tidak sah" in bad.text
    await hr.send(text)
    _title, preview, _ask = await hr.replies(3)
    assert "Rapat" in preview.text
    await hr.press("⏭ Lewati")
    assert "Pilih penerima" in (await hr.reply()).text
    await hr.press("Unit kerja (OPD)")
    await hr.reply()
    matches = await hr.ask("dinkes")
    assert "Dinas Kesehatan" in str(matches.buttons)
    await hr.press("Dinas Kesehatan")
    await hr.reply()
    await hr.press("✅ Selesai memilih unit")
    confirm = await hr.reply()
    assert "Penerima: 2" in confirm.text
    return hr


async def test_send_now_to_unit_with_progress(harness: BotHarness) -> None:
    """Two employees of the unit get the announcement once; the third does not."""
    await _roster(harness)
    hr = await _compose(harness, "<b>Rapat</b> sosialisasi mutasi besok")
    await hr.press("📤 Kirim sekarang")
    progress = await hr.reply()
    assert "diantrekan" in progress.text
    done = await hr.wait_edit(progress.message_id, timeout=20)
    while "selesai" not in done.text:
        done = await hr.wait_edit(progress.message_id, timeout=20)
    assert "2/2 terkirim" in done.text
    for tid in (7001, 7002):
        log = await harness.client.sent_log(tid)
        texts = [e["text"] for e in log]  # under the "📢 Pengumuman BKPSDM" header
        assert [x.endswith("\n\nRapat sosialisasi mutasi besok") for x in texts] == [True]
    assert await harness.client.sent_log(7003) == []
    report = await hr.ask("/laporan_kirim")
    assert "2/2 terkirim" in report.text


async def test_schedule_list_cancel_sends_nothing(harness: BotHarness) -> None:
    """A scheduled announcement can be listed and cancelled; nothing is sent."""
    await _roster(harness)
    hr = await _compose(harness, "<b>Rapat</b> nanti")
    await hr.press("🗓 Jadwalkan")
    await hr.reply()
    assert shows((await hr.ask("besok pagi")).text, "dates.unreadable")
    assert shows((await hr.ask("lusa")).text, "dates.need_time")
    assert shows((await hr.ask("2020-01-01 08:00")).text, "dates.past")
    when = (utcnow() + timedelta(days=2)).astimezone(harness.settings.tz)
    scheduled = await hr.ask(when.strftime("%d-%m-%Y %H.%M"))
    assert shows(scheduled.text, "bc.scheduled")
    assert when.strftime("%d-%m-%Y %H.%M WIB") in scheduled.text
    listing = await hr.ask("/terjadwal")
    assert "Rapat" in listing.text
    await hr.press(listing.buttons[0][0])
    assert "dibatalkan" in (await hr.wait_edit(listing.message_id)).text
    scheduler = harness.services.scheduler
    await scheduler.fire_due(utcnow() + timedelta(days=3))
    assert await harness.client.sent_log(7001) == []


async def test_forged_send_button_from_employee(harness: BotHarness) -> None:
    """An employee's forged send button is refused and creates nothing."""
    await _roster(harness)
    user = harness.user(7001)
    await user.ask("/menu")
    await user.press(data=SendBroadcast().pack())
    answers = await user.callback_answers(min_count=1)
    assert "hanya untuk petugas" in answers[-1]["text"]
    async with harness.services.db.transaction() as session:
        assert await dq.list_broadcasts(session) == []


async def test_restart_within_grace_sends_once_beyond_is_missed(harness: BotHarness) -> None:
    """Scheduled while the bot is down: late within grace (once), missed beyond it."""
    await _roster(harness)
    await harness.client.register_chat(HR_ID)
    await harness.stop_bot()
    db = harness.settings.database_url
    from storage.db import Database
    from storage.queries import scheduling as sq

    database = Database(db)
    async with database.transaction() as session:
        late = await dq.create_broadcast(
            session, text="telat", audience={"kind": "all"}, scheduled_at=utcnow()
        )
        await sq.add_item(session, "broadcast", late.id, utcnow() - timedelta(minutes=30))
        gone = await dq.create_broadcast(
            session, text="lewat", audience={"kind": "all"}, scheduled_at=utcnow()
        )
        await sq.add_item(session, "broadcast", gone.id, utcnow() - timedelta(hours=7))
    await database.dispose()
    await harness.start_bot()
    await harness.restart_bot()  # a second restart must not send again
    stats = await wait_until_settled(harness.services.db, late.id, 20)
    assert stats.sent == 3
    for tid, _ in EMPLOYEES:
        texts = [e["text"] for e in await harness.client.sent_log(tid)]
        assert [x.endswith("\n\ntelat") for x in texts] == [True]  # under the header
    async with harness.services.db.transaction() as session:
        assert (await dq.get_broadcast(session, gone.id)).status == "missed"  # type: ignore[union-attr]
    hr_texts = [m.text for m in await harness.client.messages(HR_ID)]
    assert any("terlewat" in t for t in hr_texts) and any("terlambat" in t for t in hr_texts)


async def test_announcement_with_document_reaches_recipients(harness: BotHarness) -> None:
    """A document attached in /umumkan is delivered, with the text as caption, to each one."""
    await _roster(harness)
    hr = harness.user(HR_ID)
    await hr.ask("/umumkan")
    await hr.send("<b>Jadwal</b> mutasi terlampir")
    await hr.replies(3)
    await hr.upload(b"%PDF-1.4 jadwal", filename="jadwal.pdf", mime_type="application/pdf")
    texts = [m.text for m in await hr.replies(3)]
    assert any("Lampiran tersimpan" in (t or "") for t in texts)
    assert any("Pilih penerima" in (t or "") for t in texts)
    await hr.press("Semua pegawai")
    confirm = await hr.reply()
    assert "Penerima: 3" in confirm.text
    await hr.press("📤 Kirim sekarang")
    progress = await hr.reply()
    done = await hr.wait_edit(progress.message_id, timeout=20)
    while "selesai" not in done.text:
        done = await hr.wait_edit(progress.message_id, timeout=20)
    for tid, _ in EMPLOYEES:
        log = await harness.client.sent_log(tid)
        assert [(e["method"], e["text"].split("\n\n")[-1]) for e in log] == [
            ("sendDocument", "Jadwal mutasi terlampir")
        ]


async def test_progress_message_in_hr_language(harness: BotHarness) -> None:
    """An HR user who chose English sees the progress and totals in English."""
    await _roster(harness)
    await harness.user(HR_ID).ask("/menu")
    async with harness.services.db.transaction() as session:
        user = await session.get(BotUser, HR_ID)
        assert user is not None
        user.locale = "en"
    hr = await _compose_en(harness)
    await hr.press("📤 Send now")
    progress = await hr.reply()
    done = await hr.wait_edit(progress.message_id, timeout=20)
    while "finished" not in done.text:
        done = await hr.wait_edit(progress.message_id, timeout=20)
    assert "2/2 sent" in done.text


async def _compose_en(harness: BotHarness) -> EmulatedUser:
    """HR (English) writes a text, skips the attachment and picks Dinas Kesehatan."""
    hr = harness.user(HR_ID)
    await hr.ask("/umumkan")
    await hr.send("<b>Rapat</b> besok")
    await hr.replies(3)
    await hr.press("⏭ Skip")
    await hr.reply()
    await hr.press("Units (OPD)")
    await hr.reply()
    await hr.ask("dinkes")
    await hr.press("Dinas Kesehatan")
    await hr.reply()
    await hr.press("✅ Done choosing units")
    confirm = await hr.reply()
    assert "Recipients: 2" in confirm.text
    return hr


async def test_role_removed_mid_flow_refuses_the_next_step(harness: BotHarness) -> None:
    """HR loses the role while composing: the typed send time is refused, nothing is created."""
    await _roster(harness)
    hr = await _compose(harness, "<b>Rapat</b> nanti")
    await hr.press("🗓 Jadwalkan")
    await hr.reply()
    async with harness.services.db.transaction() as session:
        assert await users.revoke_role(session, HR_ID, "hr") == 1
    when = (utcnow() + timedelta(days=2)).astimezone(harness.settings.tz)
    refused = await hr.ask(when.strftime("%Y-%m-%d %H:%M"))
    assert refused.text == t("id", "common.step_not_allowed")
    async with harness.services.db.transaction() as session:
        assert await dq.list_broadcasts(session) == []
        assert await conversation.get_state(session, HR_ID) is None
