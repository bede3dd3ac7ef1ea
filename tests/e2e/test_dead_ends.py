"""Every end offers the next step (issue 13, defect 6), end to end.

"Usulkan" without a draft plan, the 🔗 Undangan menu button, /formasi, /menu before
registration and a decided aspiration all used to stop; now each offers the way on.
(A deleted skill keeps its list open: ``test_confirmations``.)
"""

from __future__ import annotations

from sqlalchemy import select

from bot.harness import BotHarness
from storage.models import MutationPlan, PlanMove
from tests.conftest import HR_ID
from tests.e2e.test_aspirations import EMP_ID, _fill_to_summary, _press, _setup
from tests.e2e.test_matching import _it_staff, _positions
from tests.factories import UNITS, add_employee
from tests.texts import shows, source


async def test_menu_before_registration_offers_start(harness: BotHarness) -> None:
    """An unregistered user's /menu offers registration and help; the button starts it."""
    user = harness.user(7730)
    menu = await user.ask("/menu")
    assert shows(source(menu), "menu.not_registered")
    assert {"▶️ Daftar (/start)", "❓ Bantuan"} <= set(menu.button_labels)
    await user.press("▶️ Daftar (/start)")
    _welcome, consent = await user.replies(2)
    assert shows(source(consent), "reg.consent")


async def test_usulkan_without_a_draft_plan_creates_one(harness: BotHarness) -> None:
    """No Draf plan: "Usulkan" offers a new plan, named in the chat, and the proposal goes on."""
    await _positions(harness)
    await _it_staff(harness, 2)
    hr = harness.user(HR_ID)
    picks = await hr.ask("/kandidat P-TI1")
    await hr.press(picks.button_labels[0])
    page = await hr.reply()
    await hr.press("📝 Usulkan 1", message_id=page.message_id)
    offer = await hr.reply()
    assert shows(offer.text, "plans.no_draft_plan")
    await hr.press("➕ Buat rencana baru untuk usulan ini")
    assert shows(source(await hr.reply()), "plans.ask_name")
    await hr.send("Mutasi TI 2027")
    created, intro, ask_tmt = await hr.replies(3)
    assert shows(created.text, "plans.created") and "Mutasi TI 2027" in intro.text
    assert shows(source(ask_tmt), "plans.ask_tmt")
    await hr.ask("01-02-2027")
    await hr.send("Kompetensi jaringan sesuai formasi")
    added, _card = await hr.replies(2)
    assert shows(added.text, "plans.move_added")
    async with harness.services.db.transaction() as session:
        plan = (await session.execute(select(MutationPlan))).scalar_one()
        move = (await session.execute(select(PlanMove))).scalar_one()
    assert plan.name == "Mutasi TI 2027" and move.plan_id == plan.id


async def test_undangan_button_asks_for_the_nip(harness: BotHarness) -> None:
    """The 🔗 Undangan menu button asks for the NIP instead of printing how to type it."""
    await add_employee(harness.services.db, nip="199003152015031001", name="Andi Saputra")
    hr = harness.user(HR_ID)
    await hr.ask("/menu")
    await hr.press("🔗 Undangan")
    ask = await hr.reply()
    assert shows(ask.text, "admin.invite_ask_nip") and "✖️ Batal" in ask.button_labels
    wrong = await hr.ask("12345")  # a wrong NIP is explained and asked again
    assert shows(wrong.text, "admin.invite_bad_nip")
    link = await hr.ask("19900315 201503 1 001")
    assert shows(source(link), "admin.invite_created") and "Andi Saputra" in link.text


async def test_formasi_offers_candidates_per_position(harness: BotHarness) -> None:
    """Each open position of /formasi has a button to its candidates."""
    await _positions(harness)
    await _it_staff(harness, 2)
    hr = harness.user(HR_ID)
    listing = await hr.ask("/formasi")
    assert "👥 Kandidat P-TI1" in listing.button_labels
    await hr.press("👥 Kandidat P-TI1")
    candidates = await hr.reply()
    assert shows(source(candidates), "match.cand.title") and "Pegawai TI 1" in candidates.text


async def test_a_decided_aspiration_leads_to_the_next(harness: BotHarness) -> None:
    """After a decision: the next aspiration waiting, the list and the menu."""
    await _setup(harness)
    second = 7551  # a second linked employee of Bappeda: both may move to Kominfo and Dinkes
    await add_employee(
        harness.services.db, nip="199202022016032002", name="Citra", phone="6281100000077",
        unit=UNITS[2], telegram_id=second,
    )  # fmt: skip
    for telegram_id in (EMP_ID, second):
        await _fill_to_summary(harness.user(telegram_id))
        await _press(harness.user(telegram_id), "✅ Kirim")
    hr = harness.user(HR_ID)
    await hr.ask("/rekap_aspirasi")
    listing = await _press(hr, "📋 Daftar aspirasi")
    await _press(hr, listing.button_labels[0])
    done = await _press(hr, "☑️ Verifikasi")
    assert shows(source(done), "aspr.done")
    assert {"➡️ Aspirasi berikutnya", "⬅️ Kembali ke daftar", "🏠 Menu Utama"} <= set(
        done.button_labels
    )
    second = await _press(hr, "➡️ Aspirasi berikutnya")
    assert "Citra" in second.text and "☑️ Verifikasi" in second.button_labels
    last = await _press(hr, "☑️ Verifikasi")  # the first is verified, still to be decided
    assert "➡️ Aspirasi berikutnya" in last.button_labels
