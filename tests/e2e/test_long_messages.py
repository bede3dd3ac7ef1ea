"""Texts longer than one Telegram message: paged with ‹ › buttons, or a first page and a file.

The emulator refuses a text over 4,096 characters and broken HTML, as Telegram does, so
every page seen here was accepted.
"""

from __future__ import annotations

import re
from datetime import date

from bot.emulator.botmessage import BotMessage
from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.imports.registry import get_kind
from bot.plans import status as st
from bot.roster.demo_data import generate_rows, to_csv
from bot.texts import t
from storage.models import EmployeeSkill, PlanMove
from storage.queries import plans as q
from tests.conftest import HR_ID
from tests.factories import add_employee
from tests.texts import shows

NEXT = t("id", "common.btn_next")
PREV = t("id", "common.btn_prev")


async def _pages(user: EmulatedUser, first: BotMessage) -> list[BotMessage]:
    """Every page of a paged message, turned with the ‹ › buttons (edited in place)."""
    pages = [first]
    while NEXT in pages[-1].button_labels:
        await user.press(NEXT, message_id=first.message_id)
        pages.append(await user.wait_edit(first.message_id))
    return pages


async def _questions(harness: BotHarness, count: int, length: int) -> list[int]:
    """``count`` open questions of ``length`` characters, each on its own move."""
    db = harness.services.db
    ids = [
        await add_employee(
            db, nip=f"1990010120150310{n:02d}", name=f"Pegawai {n}", phone=f"62812{n:08d}"
        )
        for n in range(count)
    ]
    async with db.transaction() as session:
        plan = await q.create_plan(session, "Mutasi besar", HR_ID)
        questions = []
        for n, employee_id in enumerate(ids):
            move = PlanMove(
                plan_id=plan.id, employee_id=employee_id, to_position="Analis",
                status=st.CONSULTATION, proposed_tmt=date(2027, 1, 1), version=1,
            )  # fmt: skip
            session.add(move)
            await session.flush()
            text = f"Q{n} " + "apakah & <rumah> dinas tersedia? " * (length // 33)
            questions.append((await q.add_question(session, move, text[:length])).id)
    return questions


async def test_tanya_with_twenty_long_questions_is_paged(harness: BotHarness) -> None:
    """20 questions of 500 characters: pages within the limit, each with its answer buttons."""
    question_ids = await _questions(harness, 20, 500)
    hr = harness.user(HR_ID)
    first = await hr.ask("/tanya")
    assert shows(first.text, "plans.tanya_title") and NEXT in first.button_labels
    pages = await _pages(hr, first)
    assert len(pages) > 1
    seen: list[int] = []
    for page in pages:
        assert len(page.text) <= 4096 and shows(page.text, "plans.tanya_title")
        shown = [int(n) for n in re.findall(r"\bP(\d+)\b", page.text)]
        answers = [int(b.rsplit("P", 1)[1]) for b in page.button_labels if "P" in b]
        assert answers == sorted(set(shown)), "a page carries the buttons of its own questions"
        seen += answers
    assert seen == question_ids
    await hr.press(PREV, message_id=first.message_id)
    back = await hr.wait_edit(first.message_id)
    assert back.text == pages[-2].text
    await hr.press(back.button_labels[0], message_id=first.message_id)
    assert shows((await hr.reply()).text, "plans.tanya_ask_answer")


async def test_big_import_report_comes_as_first_page_and_file(harness: BotHarness) -> None:
    """300 rejected lines with long values: the first page in chat, every line in the file."""
    rows = generate_rows(300, seed=9)
    for row in rows:
        row["golongan"] = "golongan-tidak-dikenal-" + "x" * 150
    hr = harness.user(HR_ID)
    await hr.upload(to_csv(rows), filename="pegawai.csv")
    chooser = await hr.reply()
    await hr.press(t("id", get_kind("roster").label), message_id=chooser.message_id)
    first, document = await hr.replies(2)
    assert len(first.text) <= 4096 and shows(first.text, "paging.in_document")
    assert "Baris 2:" in first.text
    report = (await hr.download(document)).decode("utf-8")
    assert all(f"Baris {line}:" in report for line in range(2, 302))


async def test_profile_with_many_long_items_is_paged(harness: BotHarness) -> None:
    """30 declared items of 300 characters: the card and the item list are paged."""
    db = harness.services.db
    employee_id = await add_employee(db, telegram_id=5101)
    async with db.transaction() as session:
        for n in range(30):
            text = f"Item{n} " + "keahlian <khusus> & sertifikasi " * 9
            session.add(EmployeeSkill(employee_id=employee_id, kind="skill", text=text[:300]))
    user = harness.user(5101)
    card = await user.ask("/profil")
    pages = await _pages(user, card)
    assert len(pages) > 1
    assert all(len(p.text) <= 4096 for p in pages)
    assert all(t("id", "profile.btn_manage") in p.button_labels for p in pages)
    shown = [int(n) for p in pages for n in re.findall(r"Item(\d+)", p.text)]
    assert shown == list(range(30))
    await user.press(t("id", "profile.btn_manage"), message_id=card.message_id)
    listing = await user.reply()
    items = await _pages(user, listing)
    assert len(items) > 1
    numbers = [n for p in items for n in re.findall(r"Item(\d+)", p.text)]
    assert numbers == [str(n) for n in range(30)]
    assert [b for p in items for b in p.button_labels if b.startswith("🗑")] == [
        f"🗑 {n}" for n in range(1, 31)
    ]
