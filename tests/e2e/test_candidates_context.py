"""Candidates and moves with their context (issue 13, defect 11): /kandidat as a compact
table with details on a button, golongan far above the post flagged, rule warnings before
HR types TMT and reason, a typed move matched to the open position (proper case)."""

from __future__ import annotations

from sqlalchemy import select

from bot.harness import BotHarness
from bot.texts import shows_text
from storage.models import PlanMove
from tests.conftest import HR_ID
from tests.e2e.test_matching import HEADER, _employee, _it_staff, _positions
from tests.e2e.test_plans_import import new_plan
from tests.factories import UNITS

NO_TOP = HEADER + (
    "P-NT,Pranata Komputer Ahli Pertama,Dinas Komunikasi dan Informatika,"
    "jaringan komputer; teknologi informasi,S1,,,,3\n"
)


async def test_candidates_table_with_details_and_rank_flag(harness: BotHarness) -> None:
    """One line per candidate; the IV/b candidate of an Ahli Pertama post is flagged."""
    await _positions(harness, NO_TOP)
    await _it_staff(harness, 2)
    await _employee(
        harness, "jaringan komputer, teknologi informasi", nip="198001012005011001",
        name="Senior TI", phone="6281200009999", rank="IV/b",
    )  # fmt: skip
    hr = harness.user(HR_ID)
    await hr.ask("/kandidat pranata")
    await hr.press("P-NT · Pranata Komputer Ahli Pertama")
    table = await hr.reply()
    lines = [line for line in table.text.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert len(lines) == 3 and not shows_text(table.text, "match.explain.matched")
    flagged = [line for line in lines if shows_text(line, "match.cand.flag_rank_high")]
    assert len(flagged) == 1 and "Senior TI" in flagged[0]
    senior = lines.index(flagged[0]) + 1
    await hr.press(f"🔎 {senior}")
    detail = await hr.reply()
    assert shows_text(detail.text, "match.explain.matched")
    assert shows_text(detail.text, "match.cand.rank_high_detail")


async def test_warnings_before_tmt_and_typed_move_matched(harness: BotHarness) -> None:
    """Typed "unit / jabatan" becomes the open position; its rule warnings come first."""
    await _positions(harness)  # P-TI1: Pranata Komputer Ahli Pertama, III/a–III/d
    await _employee(
        harness, "jaringan komputer", nip="198001012005011001", name="Senior TI",
        phone="6281200009999", rank="IV/b", unit=UNITS[0],
    )  # fmt: skip
    hr = harness.user(HR_ID)
    await new_plan(hr)
    await hr.press("➕ Tambah usulan")
    await hr.reply()
    await hr.ask("198001012005011001")
    await hr.send("kominfo / pranata komputer ahli pertama")
    warned, ask_tmt = await hr.replies(2)
    assert shows_text(warned.text, "plans.warnings_ahead") and "IV/b" in warned.text
    assert shows_text(ask_tmt.text, "plans.ask_tmt")
    assert "Pranata Komputer Ahli Pertama" in ask_tmt.text
    await hr.ask("01-02-2027")
    await hr.ask("Penguatan layanan TI")
    await hr.send("Dibutuhkan segera")
    await hr.replies(2)
    async with harness.services.db.transaction() as session:
        move = (await session.execute(select(PlanMove))).scalar_one()
    assert move.to_position == "Pranata Komputer Ahli Pertama" and move.position_ref is not None
