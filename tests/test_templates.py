"""HR templates: placeholders checked on save, filled safely (escaped, unknown ones kept)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from bot.campaigns import service as campaigns
from bot.campaigns.defaults import default_text
from bot.delivery import service as broadcasts
from bot.delivery.template import (
    BROADCAST_PLACEHOLDERS,
    CAMPAIGN_PLACEHOLDERS,
    render,
    template_error,
    unknown_placeholders,
)
from bot.events import MOVE_DECREED, EventBus, MoveEvent
from bot.services.campaigns import CampaignService
from bot.services.clock import FakeClock
from bot.services.scheduler import Scheduler
from bot.telegram_markup import visible_text
from storage.db import Database
from storage.models import BotUser, CampaignStep, OutboxMessage, PlanMove, Unit
from storage.queries import plans as pq
from storage.queries.users import grant_role
from tests.factories import add_employee

JAKARTA = ZoneInfo("Asia/Jakarta")
VALUES = {"nama": "Budi <Admin> & Co", "unit_baru": "Dinas A&B", "jabatan_baru": "Analis",
          "tmt": "01-03-2027"}  # fmt: skip
BUDI = "Budi &lt;Admin&gt; &amp; Co"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yth. {nama}", f"Yth. {BUDI}"),
        ("{name}, ke {unit} ({unit_baru})", f"{BUDI}, ke Dinas A&amp;B (Dinas A&amp;B)"),
        ("<b>{jabatan_baru}</b> TMT {tmt}", "<b>Analis</b> TMT 01-03-2027"),
        ("{name.x} {nama.upper} {0} {} {unknown}", "{name.x} {nama.upper} {0} {} {unknown}"),
        ("{nama!r} {nama:>30} {NAMA}", "{nama!r} {nama:>30} {NAMA}"),
        ("harga { 10 } {", "harga { 10 } {"),
        ("}{nama}{", f"}}{BUDI}{{"),
        ("{{nama}} $nama ${nama}", f"{{{BUDI}}} $nama ${BUDI}"),
    ],
)  # fmt: skip
def test_render_fills_known_and_keeps_the_rest(text: str, expected: str) -> None:
    """Known placeholders are filled (escaped); anything else stays as typed; nothing raises."""
    assert render(text, VALUES) == expected


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("Yth. {nama}, TMT {tmt} di {unit_baru} sebagai {jabatan_baru}", []),
        ("{name} {unit}", []),
        ("{name.x} dan {0} dan {unknown} dan {unknown}", ["{name.x}", "{0}", "{unknown}"]),
        ("stray { brace and } another", []),
        ("{Nama}", ["{Nama}"]),
    ],
)
def test_unknown_placeholders(text: str, unknown: list[str]) -> None:
    """Every placeholder a campaign step would leave unfilled is named, once, in order."""
    assert unknown_placeholders(text, CAMPAIGN_PLACEHOLDERS) == unknown


def test_broadcasts_know_only_the_name() -> None:
    """An announcement goes to many people: only {nama} (and the old {name}) is filled."""
    assert unknown_placeholders("{nama} {name} {tmt}", BROADCAST_PLACEHOLDERS) == ["{tmt}"]
    error = template_error("<b>{nama}</i>", BROADCAST_PLACEHOLDERS)
    assert error is not None and error.kind == "html"


@pytest.mark.parametrize(
    ("text", "outcome", "detail"),
    [
        ("Persiapan {nama}, TMT {tmt}", "saved", ""),
        ("Persiapan {name} ke {unit}", "saved", ""),
        ("Yth. {name.x}", "bad_placeholder", "{name.x}"),
        ("Langkah {0} dari {jumlah}", "bad_placeholder", "{0}, {jumlah}"),
        ("<b>{nama}", "bad_html", ""),
        ("Harga naik { ya", "saved", ""),
    ],
)
async def test_step_text_checked_on_save(
    db: Database, text: str, outcome: str, detail: str
) -> None:
    """A step's text with an unknown placeholder is refused, naming it."""
    async with db.transaction() as session:
        step = (await campaigns.template_view(session, "id")).steps[0]
        result = await campaigns.save_text(session, 1, step.step_id, "id", text)
    assert result.outcome == outcome
    assert detail in result.error


async def _decreed_step(db: Database, text: str) -> tuple[Scheduler, int]:
    """A decreed move of a linked employee whose steps all read ``text``; the scheduler."""
    employee_id = await add_employee(db, name="Budi <Admin> & Co", telegram_id=8101)
    async with db.transaction() as session:
        unit = Unit(name="Dinas A&B")
        session.add(unit)
        plan = await pq.create_plan(session, "Mutasi", 1)
        await session.flush()
        move = PlanMove(
            plan_id=plan.id, employee_id=employee_id, to_unit_id=unit.id, to_position="Analis",
            status="decreed", proposed_tmt=date(2026, 3, 15), version=1,
        )  # fmt: skip
        session.add(move)
        await session.flush()
        move_id = move.id
    clock = FakeClock(datetime(2026, 3, 13, 0, 0, tzinfo=UTC))  # D-14 and D-7 passed
    scheduler, events = Scheduler(db, clock), EventBus()
    CampaignService(scheduler, JAKARTA, default_text).attach(events)
    async with db.transaction() as session:
        await events.emit(
            MOVE_DECREED, session, MoveEvent(move_id, employee_id, date(2026, 3, 15), 1)
        )
        await session.execute(
            update(CampaignStep).values(text_id=text, text_en=text)
        )  # an old text
    clock.set(datetime(2026, 3, 14, 1, 0, tzinfo=UTC))  # D-1 08:00 WIB
    return scheduler, move_id


async def test_scheduled_step_with_bad_placeholders_is_sent_as_typed(db: Database) -> None:
    """{name.x}, {0}, {unknown} and stray braces never stop a step: they are sent as written."""
    typed = "Yth. {nama} ({name.x}, {0}, {unknown}, {) ke <b>{unit_baru}</b> sebagai {jabatan_baru}"
    scheduler, _move = await _decreed_step(db, typed)
    outcomes = await scheduler.fire_due()
    assert [o.outcome for o in outcomes] == ["fired"]
    async with db.transaction() as session:
        row = (await session.execute(select(OutboxMessage))).scalar_one()
    assert row.parse_mode == "HTML"
    assert visible_text(row.text, "HTML") == (
        "Yth. Budi <Admin> & Co ({name.x}, {0}, {unknown}, {) ke Dinas A&B sebagai Analis"
    )


async def test_broadcast_fills_each_recipients_name(db: Database) -> None:
    """{nama} becomes each recipient's own name (escaped); an unlinked officer gets a greeting."""
    await add_employee(db, name="Ani <b>", telegram_id=8201)
    await add_employee(
        db, nip="199003152015031002", name="Budi & Co", phone="62812999", telegram_id=8202
    )
    async with db.transaction() as session:
        session.add(BotUser(telegram_id=8203))
        await grant_role(session, 8203, "hr", granted_by="test")
    texts: dict[int, str] = {}
    for audience in ({"kind": "all"}, {"kind": "role", "role": "hr"}):
        draft = broadcasts.BroadcastDraft.of({"text": "Yth. <b>{nama}</b>", "audience": audience})
        async with db.transaction() as session:
            await broadcasts.send_now(session, datetime(2030, 1, 1, tzinfo=UTC), 1, draft, 1)
        async with db.transaction() as session:
            rows = (await session.execute(select(OutboxMessage))).scalars()
            texts |= {r.chat_id: visible_text(r.text, "HTML") for r in rows}
    bodies = {chat: text.split("\n\n", 1)[-1] for chat, text in texts.items()}  # after the header
    assert bodies[8201] == "Yth. Ani <b>" and bodies[8202] == "Yth. Budi & Co"
    assert "{nama}" not in bodies[8203] and bodies[8203].startswith("Yth. ")
