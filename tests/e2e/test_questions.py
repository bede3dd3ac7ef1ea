"""General questions end to end: HR edits the FAQ, an employee finds an answer there or asks
HR, HR answers within the response-time target, and overdue questions are shown."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.harness import BotHarness
from bot.texts import t
from storage.models import AuditEntry, Employee, FaqEntry, GeneralQuestion
from tests.conftest import HR_ID
from tests.e2e.test_followup import EMP_TG, said
from tests.e2e.test_plans_steps import _refused_after_revoke as refused_after_revoke
from tests.factories import add_employee


async def add_faq(harness: BotHarness) -> None:
    """HR adds an entry in Indonesian only (English skipped with -)."""
    hr = harness.user(HR_ID)
    assert said(await hr.ask("/faq"), "faq.admin_empty")
    await hr.press("➕ Tambah entri")
    assert said(await hr.reply(), "faq.ask_q_id")
    assert said(await hr.ask("Kapan periode aspirasi dibuka?"), "faq.ask_a_id")
    assert said(await hr.ask("-"), "faq.answer_required")
    assert said(await hr.ask("Setiap Januari dan Juli."), "faq.ask_q_en")
    added, card = await hr.ask("-"), await hr.reply()
    assert said(added, "faq.added") and said(card, "faq.entry_card")
    assert "Setiap Januari dan Juli." in card.text


async def test_faq_answers_without_asking_hr(harness: BotHarness) -> None:
    """The employee finds the answer in the FAQ (in English too, falling back to Indonesian)."""
    await add_faq(harness)
    await add_employee(harness.services.db, telegram_id=EMP_TG)
    user = harness.user(EMP_TG)
    menu = await user.ask("/tanya_bkpsdm")
    assert said(menu, "questions.faq_title")
    assert menu.button_labels == ["Kapan periode aspirasi dibuka?", "✍️ Pertanyaan saya tidak ada"]
    await user.press("Kapan periode aspirasi dibuka?")
    answer = await user.wait_edit(menu.message_id)
    assert said(answer, "questions.faq_answer") and "Setiap Januari dan Juli." in answer.text
    async with harness.services.db.transaction() as session:
        assert (await session.execute(select(GeneralQuestion))).first() is None

    hr = harness.user(HR_ID)
    await hr.ask("/faq")
    await hr.press("#1 Kapan periode aspirasi dibuka?")
    await hr.reply()
    await hr.press("✏️ Pertanyaan (EN)")
    assert said(await hr.reply(), "faq.ask_edit")
    assert said(await hr.ask("When do aspiration windows open?"), "faq.edited")
    await hr.reply()  # the card
    await hr.press("✏️ Jawaban (ID)")
    await hr.reply()
    assert said(await hr.ask("-"), "faq.incomplete")  # it would leave no complete language
    async with harness.services.db.transaction() as session:
        entry = (await session.execute(select(FaqEntry))).scalar_one()
        assert entry.answer_id == "Setiap Januari dan Juli."
        assert entry.question_en == "When do aspiration windows open?"


async def test_question_answered_by_hr_reaches_the_employee(harness: BotHarness) -> None:
    """Not in the FAQ: typed question → HR told → /pertanyaan → answer → employee gets it."""
    await add_employee(harness.services.db, name="Dewi Lestari", telegram_id=EMP_TG)
    await harness.client.register_chats([EMP_TG, HR_ID])
    user, hr = harness.user(EMP_TG), harness.user(HR_ID)
    menu = await user.ask("/tanya_bkpsdm")
    assert said(menu, "questions.faq_empty")
    await user.press("✍️ Tulis pertanyaan")
    assert said(await user.reply(), "questions.ask")
    sent = await user.ask("Bagaimana cara mengurus cuti besar?")
    assert said(sent, "questions.sent")
    assert said(await hr.reply(), "questions.hr_notice")

    queue = await hr.ask("/pertanyaan")
    days = harness.settings.question_target_working_days
    title = t("id", "questions.queue_title", count=1, overdue=0, page=1, pages=1, days=days)
    assert title in (queue.source_text or "")
    assert "Dewi Lestari" in queue.text and "cuti besar" in queue.text
    await hr.press("✍️ Jawab #1")
    assert said(await hr.reply(), "questions.ask_answer")
    assert said(await hr.ask("Ajukan lewat atasan langsung."), "questions.answered")
    received = await user.reply()
    assert said(received, "questions.answer_to_employee")
    assert "cuti besar" in received.text and "Ajukan lewat atasan langsung." in received.text
    assert said(await hr.ask("/pertanyaan"), "questions.queue_none")
    await hr.press(data="general-question-answer:1")
    assert said(await hr.reply(), "questions.already")
    async with harness.services.db.transaction() as session:
        actions = set((await session.execute(select(AuditEntry.action))).scalars())
    assert {"question.asked", "question.answered"} <= actions


async def test_overdue_questions_are_shown_first(harness: BotHarness) -> None:
    """Past the target (working days), a question is counted and listed first as overdue."""
    db = harness.services.db
    clock = harness.services.clock
    emp = await add_employee(db, telegram_id=EMP_TG)
    await harness.client.register_chats([HR_ID])
    user, hr = harness.user(EMP_TG), harness.user(HR_ID)
    await user.ask("/tanya_bkpsdm")
    await user.press("✍️ Tulis pertanyaan")
    await user.reply()
    await user.ask("Pertanyaan lama")
    clock.set(clock.now() + timedelta(days=10))
    await user.ask("/tanya_bkpsdm")
    await user.press("✍️ Tulis pertanyaan")
    await user.reply()
    await user.ask("Pertanyaan baru")
    await hr.replies(2)  # the two notices
    queue = await hr.ask("/pertanyaan")
    days = harness.settings.question_target_working_days
    title = t("id", "questions.queue_title", count=2, overdue=1, page=1, pages=1, days=days)
    assert title in (queue.source_text or "")
    assert queue.text.index("Pertanyaan lama") < queue.text.index("Pertanyaan baru")
    assert "⚠️ #1" in queue.text and "• #2" in queue.text

    async with db.transaction() as session:  # an inactive employee cannot ask any more
        employee = await session.get(Employee, emp)
        assert employee is not None
        employee.active = False
    assert said(await user.ask("/tanya_bkpsdm"), "common.inactive")


async def test_answer_step_needs_hr(harness: BotHarness) -> None:
    """HR starts answering, loses the role, types the answer: refused, still unanswered."""
    await add_employee(harness.services.db, telegram_id=EMP_TG)
    user, hr = harness.user(EMP_TG), harness.user(HR_ID)
    await user.ask("/tanya_bkpsdm")
    await user.press("✍️ Tulis pertanyaan")
    await user.reply()
    await harness.client.register_chats([HR_ID])
    await user.ask("Apakah ada pelatihan?")
    assert said(await hr.reply(), "questions.hr_notice")
    await hr.ask("/pertanyaan")
    await hr.press("✍️ Jawab #1")
    await hr.reply()
    await refused_after_revoke(harness, hr, "hr", "Ada, bulan depan")
    async with harness.services.db.transaction() as session:
        question = (await session.execute(select(GeneralQuestion))).scalar_one()
        assert question.answered_at is None and question.answer == ""
