"""HR survey results in chat: list, results text, charts (PNG), XLSX and the follow-up list."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from bot.harness import BotHarness
from bot.surveys.buttons import ExportResults, ShowFollowUp
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from bot.texts import t
from storage.queries import surveys as q
from tests.conftest import HR_ID
from tests.factories import add_employee
from tests.test_surveys_storage import _answer, _invite_all, _jobs, _people, _publish

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


async def test_hr_results_charts_and_xlsx(harness: BotHarness) -> None:
    """Five published answers of one unit are shown; four of another unit still wait."""
    db = harness.services.db
    people = await _people(db)
    await _invite_all(db, _jobs([]), people)
    await _answer(db, [*people["kes"], *people["pend"]])
    assert await _publish(db) == 5
    hr = harness.user(HR_ID)
    listing = await hr.ask("/survei")
    assert "Survei Kepuasan Pasca Mutasi" in listing.text and "9 jawaban" in listing.text
    await hr.press("📊 Hasil #1")
    result = await hr.reply()
    assert "Diundang: 9" in result.text and "Selesai: 9" in result.text
    assert "Dinas Pendidikan: n=5" in result.text and "Dinas Kesehatan" not in result.text
    assert t("id", "survey.res_waiting", count=4, min=5) in result.text
    assert "eNPS +100" in result.text
    await hr.press("🖼 Grafik")
    charts = await hr.replies(2)
    for chart in charts:
        assert chart.photo
        assert (await hr.download(chart)).startswith(PNG_MAGIC)
    await hr.press("📥 XLSX", message_id=result.message_id)
    doc = await hr.reply()
    wb = load_workbook(io.BytesIO(await hr.download(doc)))
    assert "Jawaban" not in wb.sheetnames and "Per unit" in wb.sheetnames


async def test_employee_cannot_see_results(harness: BotHarness) -> None:
    """/hasil_survei and forged results buttons are refused for employees."""
    db = harness.services.db
    people = await _people(db)
    user = harness.user(8100)
    assert "hanya untuk petugas" in (await user.ask("/hasil_survei")).text
    await user.ask("/menu")
    await user.press(data=ExportResults(1).pack())
    answers = await user.callback_answers(min_count=1)
    assert "hanya untuk petugas" in answers[-1]["text"]
    assert people["kes"]


NAMED = {
    "slug": "iklim",
    "anonymous": False,
    "title": "Iklim kerja",
    "questions": [{"key": "puas", "kind": "likert", "text": "Saya puas"}],
}


async def test_named_survey_follow_up_list(harness: BotHarness) -> None:
    """Named survey: HR gets the employees with low satisfaction, lowest first, NIP masked."""
    db = harness.services.db
    scores = {"Rina": 1, "Sari": 5, "Tono": 2}
    ids = {
        name: await add_employee(db, nip=f"19900101201503150{n}", name=name)
        for n, name in enumerate(scores)
    }
    async with db.transaction() as session:
        survey, _ = await upsert_survey(session, parse_definition(NAMED), "test")
        now = datetime.now(UTC)
        rnd = await q.add_round(session, survey.id, "Mei", {"kind": "all"}, now, now, "test")
        for name, score in scores.items():
            part = await q.add_participation(session, rnd.id, ids[name], 0, None, now)
            assert part is not None
            await q.submit(session, part, rnd, survey, {"puas": score}, date(2030, 5, 1))
    hr = harness.user(HR_ID)
    result = await hr.ask(f"/hasil_survei {survey.id}")
    assert "Diundang: 3" in result.text
    await hr.press("📋 Tindak lanjut")
    follow = await hr.reply()
    assert "kepuasan rendah" in follow.text
    assert follow.text.index("Rina") < follow.text.index("Tono") and "Sari" not in follow.text
    assert "199001012015031500" not in follow.text  # NIP masked
    anonymous = (await hr.ask("/survei")).text
    assert "#1" in anonymous
    await hr.press(data=ShowFollowUp(1).pack())
    assert "anonim" in (await hr.reply()).text
