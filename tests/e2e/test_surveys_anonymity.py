"""HR's chat results and XLSX of an anonymous survey: nothing is derivable by subtraction."""

from __future__ import annotations

import io
from collections import defaultdict

from openpyxl import load_workbook

from bot.harness import BotHarness
from bot.surveys.publishing import publish_waiting
from bot.texts import t
from storage.queries import surveys as q
from tests.conftest import HR_ID
from tests.test_surveys_anonymity import MIN, NOW, SURVEY, _answer, _answers, _invite


def _xlsx_leaks(content: bytes) -> list[str]:
    """Per question: the overall n minus the n of every shown group, per cut sheet."""
    wb = load_workbook(io.BytesIO(content))
    overall = {row[1]: row[3] for row in wb["Pertanyaan"].iter_rows(min_row=2, values_only=True)}
    assert overall, "the overall figures are shown"
    leaks = []
    for sheet in ("Per unit", "Per putaran"):
        shown: dict[str, int] = defaultdict(int)
        for row in wb[sheet].iter_rows(min_row=2, values_only=True):
            shown[str(row[1])] += int(row[3])
        leaks += [f"{sheet}:{k}" for k, n in overall.items() if 0 < n - shown[k] < MIN]
    return leaks


async def test_chat_and_xlsx_hide_what_subtraction_would_reveal(harness: BotHarness) -> None:
    """Units of 5, 5 and 2 answers (published under an older threshold of 2)."""
    db = harness.services.db
    invited = await _invite(db, {"Dinas A": 5, "Dinas B": 5, "Dinas C": 2})
    for unit, people in invited.items():
        for who in people:
            await _answer(db, who, _answers(who[0], puas=1 if unit == "Dinas C" else 5))
    assert await publish_waiting(db, NOW, 2) == 12
    async with db.transaction() as session:
        survey = await q.survey_by_slug(session, SURVEY["slug"])
    assert survey is not None
    hr = harness.user(HR_ID)
    result = await hr.ask(f"/hasil_survei {survey.id}")
    secrets = [f"rahasia-{emp}" for emp, _ in invited["Dinas C"]]
    assert "Dinas C" not in result.text and not any(x in result.text for x in secrets)
    assert "Dinas B: n=5" in result.text and "Dinas A: n=5" not in result.text
    assert t("id", "survey.group_other") in result.text
    assert t("id", "survey.res_hidden_units", count=2, min=MIN) in result.text
    await hr.press("📥 XLSX", message_id=result.message_id)
    doc = await hr.reply()
    content = await hr.download(doc)
    assert _xlsx_leaks(content) == []
    comments = load_workbook(io.BytesIO(content))["Komentar"].iter_rows(values_only=True)
    assert not {str(c) for row in comments for c in row} & set(secrets)
