"""No raw technical text (issue 13, defect 8): names and roles instead of ``tg:…``,
translated actions and statuses, no HTML tags in previews, HTML errors in Indonesian,
percentages instead of scores, one explanation per competence."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.harness import BotHarness
from bot.texts import shows_text
from storage.models import Aspiration, utcnow
from storage.queries import delivery as dq
from tests.conftest import HR_ID
from tests.e2e.test_aspirations_hr import _open_first, _submitted
from tests.e2e.test_matching import _declare, _positions, _window
from tests.e2e.test_plans_import import new_plan
from tests.factories import UNITS, add_employee

RAW = re.compile(r"tg:\d|\b(?:plan|move|aspiration)\.[a-z_]+|\[(?:done|queued|scheduled)\]")


async def test_plan_audit_in_words(harness: BotHarness) -> None:
    """/audit_rencana says who did what in words, never ``tg:100100 plan.created plan#1``."""
    hr = harness.user(HR_ID)
    await new_plan(hr, "Mutasi Januari 2027")
    await hr.ask("/audit_rencana")
    await hr.press("#1 Mutasi Januari 2027")
    trail, _xlsx = await hr.replies(2)
    assert shows_text(trail.text, "plans.act_plan_created")
    assert shows_text(trail.text, "actor.hr") and shows_text(trail.text, "plans.entity_plan")
    assert not RAW.search(trail.text), trail.text


async def test_aspiration_history_names_the_employee(harness: BotHarness) -> None:
    """The history line says the employee's name, not "Diajukan oleh tg:…"."""
    await _submitted(harness)
    hr = harness.user(HR_ID)
    async with harness.services.db.transaction() as session:
        aspiration = await session.get(Aspiration, 1)
        assert aspiration is not None and aspiration.reference
        reference = aspiration.reference
    await _open_first(hr, reference)
    card = await hr.latest()
    assert shows_text(card.text, "actor.employee") and not RAW.search(card.text), card.text


async def test_broadcast_lists_are_translated_and_plain(harness: BotHarness) -> None:
    """/terjadwal shows no HTML tags; /laporan_kirim shows statuses in words."""
    await add_employee(harness.services.db, telegram_id=7401)
    async with harness.services.db.transaction() as session:
        await dq.create_broadcast(
            session, text="<b>Rapat</b> <i>mutasi</i>", audience={"kind": "all"},
            scheduled_at=utcnow() + timedelta(days=2),
        )  # fmt: skip
    hr = harness.user(HR_ID)
    listing = await hr.ask("/terjadwal")
    assert "Rapat mutasi" in listing.text and "<b>" not in listing.text
    report = await hr.ask("/laporan_kirim")
    assert shows_text(report.text, "bc.status_scheduled") and not RAW.search(report.text)


async def test_html_error_explained_in_indonesian(harness: BotHarness) -> None:
    """A broken tag is explained in the user's language, not with the parser's English."""
    hr = harness.user(HR_ID)
    await hr.ask("/umumkan")
    refused = await hr.ask("<b>Rapat besok")
    assert shows_text(refused.text, "compose.err_not_closed")
    assert "Can't find" not in refused.text


async def test_recommendation_in_percent_and_one_word_per_competence(
    harness: BotHarness,
) -> None:
    """ "kecocokan 80%" instead of "skor 0.80"; the primary competence is marked in its list."""
    await _positions(harness)
    await _window(harness)
    emp = await add_employee(harness.services.db, telegram_id=7402, unit=UNITS[0])
    await _declare(harness, emp, "jaringan komputer, bikin aplikasi android")
    rec = await harness.user(7402).ask("/rekomendasi")
    assert re.search(r"\d+%", rec.text) and "skor 0." not in rec.text
    assert not shows_text(rec.text, "match.explain.missing") or "teknologi informasi" in rec.text
    assert "Kompetensi utama terpenuhi" not in rec.text
    assert shows_text(rec.text, "match.explain.primary_mark")
