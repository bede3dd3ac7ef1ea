"""Survey storage: anonymity of answer rows, thresholds from the database, audiences, CLI."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

from bot.cli.main import main
from bot.delivery import recipients
from bot.events import MoveEvent
from bot.surveys.aggregate import aggregate
from bot.surveys.catalog import SurveyChangeError, upsert_survey
from bot.surveys.definition import default_survey_path, load_file
from bot.surveys.invitations import KIND_INVITE, KIND_ROUND, SurveyJobs
from bot.surveys.publishing import publish_waiting
from storage.db import Database
from storage.models import Employee
from storage.models.delivery import OutboxMessage, ScheduledItem
from storage.models.surveys import SurveyParticipation, SurveyResponse, SurveyWaitingAnswer
from storage.queries import scheduling as sq
from storage.queries import survey_results as sr
from storage.queries import survey_waiting as sw
from storage.queries import surveys as q
from tests.factories import add_employee
from tests.texts import shows

ANSWERS = {
    "adaptasi": 4,
    "kompetensi": 4,
    "beban": 3,
    "dukungan": 4,
    "rekan": 5,
    "kepuasan": 4,
    "rekomendasi": 9,
    "komentar": "cukup",
}


def _jobs(scheduled: list[tuple[str, int, datetime]]) -> SurveyJobs:
    """Survey jobs that write scheduled items and remember them."""

    async def schedule(session: Any, kind: str, ref: int, run_at: datetime) -> None:
        """Store the item like the CLI does."""
        await sq.add_item(session, kind, ref, run_at)
        scheduled.append((kind, ref, run_at))

    async def cancel(session: Any, kind: str, ref: int) -> int:
        """Cancel pending items of one ref."""
        return await sq.cancel_pending(session, kind, ref, "cancelled")

    from zoneinfo import ZoneInfo

    return SurveyJobs(schedule, ZoneInfo("Asia/Jakarta"), "id", cancel=cancel)


async def _people(db: Database) -> dict[str, list[int]]:
    """Four linked employees in one unit, five in another."""
    ids: dict[str, list[int]] = {"kes": [], "pend": []}
    for i in range(9):
        unit = "Dinas Kesehatan" if i < 4 else "Dinas Pendidikan"
        emp = await add_employee(
            db,
            nip=f"19900101201503{1000 + i}",
            name=f"Pegawai {i}",
            telegram_id=8100 + i,
            unit=unit,
        )
        ids["kes" if i < 4 else "pend"].append(emp)
    return ids


async def _invite_all(db: Database, jobs: SurveyJobs, people: dict[str, list[int]]) -> None:
    """Decree a move for everyone and fire the 30-day invitations."""
    async with db.transaction() as session:
        await upsert_survey(session, load_file(default_survey_path()), "test")
        for n, emp in enumerate([*people["kes"], *people["pend"]]):
            unit_id = (await session.get(Employee, emp)).unit_id  # type: ignore[union-attr]
            await jobs.on_move_decreed(
                session, MoveEvent(100 + n, emp, date(2030, 1, 2), 1, unit_id)
            )
    async with db.transaction() as session:
        items = [i for i in await sq.pending_items(session) if i.kind == KIND_INVITE]
        for item in items:
            part = await session.get(SurveyParticipation, item.ref_id)
            assert part is not None
            rnd = await q.load_participation(session, part.id)
            assert rnd is not None
            if rnd[1].label == "30":
                await jobs.fire_invite(session, part.id, item.run_at)


async def _answer(db: Database, employee_ids: list[int]) -> None:
    """Submit the same answers for these employees' 30-day participation."""
    async with db.transaction() as session:
        for emp in employee_ids:
            parts = await q.open_for_employee(session, emp)
            part, rnd, survey = parts[0]
            await q.submit(session, part, rnd, survey, dict(ANSWERS), date(2030, 2, 5))


async def _publish(db: Database, min_group: int = 5) -> int:
    """Run the publishing job once, as the bot's repeating job does."""
    return await publish_waiting(db, datetime(2030, 3, 1, tzinfo=UTC), min_group)


async def test_anonymous_answers_do_not_join_back(db: Database) -> None:
    """Answer rows hold no person, no timestamp; 5 published, 4 of a small unit wait."""
    people = await _people(db)
    await _invite_all(db, _jobs([]), people)
    await _answer(db, [*people["kes"], *people["pend"]])
    assert await _publish(db) == 5
    async with db.transaction() as session:
        rows = list((await session.execute(select(SurveyResponse))).scalars())
        employees = list((await session.execute(select(Employee))).scalars())
        responses, parts = await sr.result_rows(session, rows[0].survey_id)
        waiting = await sw.waiting_count(session, rows[0].survey_id)
    for model in (SurveyResponse, SurveyWaitingAnswer):
        columns = {c.name: c for c in inspect(model).columns}
        assert set(columns) <= {"id", "survey_id", "round_id", "unit_id", "employee_id", "answers"}
        assert not any(c.type.python_type in (datetime, date) for c in columns.values())
    personal = {e.nip for e in employees} | {e.name for e in employees}
    personal |= {str(8100 + i) for i in range(9)}
    assert (len(rows), waiting) == (5, 4)
    for row in rows:
        assert row.employee_id is None
        assert len(row.id) == 32 and not row.id.isdigit() and row.id not in personal
        assert not personal & {str(v) for v in row.answers.values()}
    async with db.transaction() as session:
        for row in rows:  # the only link to participations is the whole unit group
            same = await session.execute(
                select(SurveyParticipation.id).where(
                    SurveyParticipation.round_id == row.round_id,
                    SurveyParticipation.unit_id == row.unit_id,
                )
            )
            assert len(same.all()) >= 5
    results = aggregate(load_file(default_survey_path()), responses, parts, min_group=5)
    assert [g.name for g in results.by_unit] == ["Dinas Pendidikan"]
    assert results.hidden_units == 0 and results.overall is not None
    assert results.overall.n == 5 and results.comments["komentar"] == ["cukup"] * 5
    assert (results.rate.invited, results.rate.finished) == (9, 9)


async def test_pending_audience_and_upsert_rules(db: Database) -> None:
    """``survey_pending`` lists only unfinished invitees; anonymity cannot change."""
    people = await _people(db)
    await _invite_all(db, _jobs([]), people)
    await _answer(db, people["kes"])
    recipients.register_audience_resolver("survey_pending", q.pending_chat_ids)
    async with db.transaction() as session:
        survey_id = (await q.list_surveys(session))[0].id
        chats = await recipients.resolve_audience(
            session, {"kind": "survey_pending", "survey_id": survey_id}
        )
        assert chats == [8104, 8105, 8106, 8107, 8108]
        definition = load_file(default_survey_path())
        assert (await upsert_survey(session, definition, "t"))[1] == "unchanged"
        named = definition.to_dict() | {"anonymous": False}
        from bot.surveys.definition import parse_definition

        with pytest.raises(SurveyChangeError):
            await upsert_survey(session, parse_definition(named), "t")
        rows = await session.execute(select(OutboxMessage.chat_id, OutboxMessage.dedup_key))
        keys = {k for _c, k in rows.tuples().all()}
        assert len([k for k in keys if k and k.startswith("svinv")]) == 9


def test_cli_import_list_send(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import (bad and good), list and send a named survey to a unit."""
    monkeypatch.chdir(tmp_path)
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    bad = tmp_path / "bad.yaml"
    bad.write_text("slug: x\nanonymous: maybe\nquestions: []\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["survey", "import", str(bad)])
    assert info.value.code == 2 and "anonymous" in capsys.readouterr().err
    good = tmp_path / "named.json"
    good.write_text(
        '{"slug": "iklim", "anonymous": false, "title": "Iklim kerja", "questions": '
        '[{"key": "puas", "kind": "likert", "text": "Saya puas"}]}',
        encoding="utf-8",
    )
    assert main(["survey", "import", str(good)]) == 0
    assert "dibuat" in capsys.readouterr().out
    assert main(["survey", "import", str(good)]) == 0
    assert "tidak berubah" in capsys.readouterr().out
    assert main(["survey", "list"]) == 0
    assert "iklim" in capsys.readouterr().out
    db = Database(url)
    asyncio.run(_cli_send(db, capsys))


async def _cli_send(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """Send to a unit from the CLI, then fire the round as the bot would."""
    await add_employee(db, nip="199001012015031111", telegram_id=8201, unit="Dinas Sosial")
    await add_employee(db, nip="199001012015031112", telegram_id=8202, unit="Dinas Lain")
    code = await asyncio.to_thread(
        main, ["survey", "send", "1", "--audience", "unit:Dinas Sosial", "--days", "7"]
    )
    assert code == 0 and "1 penerima" in capsys.readouterr().out
    past = ["survey", "send", "1", "--audience", "all", "--at", "2020-01-01 08:00"]
    with pytest.raises(SystemExit) as stopped:  # refused before the database is opened
        await asyncio.to_thread(main, past)
    assert stopped.value.code == 2 and shows(capsys.readouterr().err, "dates.past")
    async with db.transaction() as session:
        item = (
            await session.execute(select(ScheduledItem).where(ScheduledItem.kind == KIND_ROUND))
        ).scalar_one()
        count = await _jobs([]).fire_round(session, item.ref_id, datetime.now(UTC))
        assert count == 1
        chats = list((await session.execute(select(OutboxMessage.chat_id))).scalars())
        assert chats == [8201]
    await db.dispose()
