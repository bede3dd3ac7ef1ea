"""UU PDP: every personal column is in the person's export and, when declared so, erased on unlink.

The static tests walk ``Base.metadata``: each column of each table must be classified in
``storage.personal_data`` and each table with personal columns covered by one part of
``storage.queries.privacy.PARTS`` (with an eraser when a column is to be erased). The
database test proves the claims: one person with a unique marker in every personal text
column, exported (every marker found), unlinked (erased markers gone from every table, kept
ones still there), next to another person whose data is neither exported nor touched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import JSON, String, Text, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.models import (
    Aspiration,
    AspirationHistory,
    AspirationWindow,
    AuditEntry,
    Base,
    BotUser,
    CampaignEnrollment,
    CampaignStep,
    CampaignStepInstance,
    CampaignTemplate,
    ConversationState,
    Employee,
    EmployeeSkill,
    FollowupCase,
    FollowupNote,
    GeneralQuestion,
    InviteCode,
    MoveQuestion,
    MoveRuleOverride,
    MutationPlan,
    OutboxMessage,
    PlanMove,
    PositionHistory,
    RoleGrant,
    Survey,
    SurveyParticipation,
    SurveyResponse,
    SurveyRound,
    Unit,
)
from storage.personal_data import COLUMNS, ERASE, KEEP, columns, erased_tables, personal_tables
from storage.queries.plans_privacy import ERASED
from storage.queries.privacy import PARTS, export_user_data, unlink_user
from tests.db_scan import tables_holding

NOW = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
TG, OTHER_TG, HR_TG = 8101, 8102, 900001
# Text columns that find the person's rows or are codes unlink itself audits (the role
# removed), so hold no marker; what unlink does with them is asserted separately.
LOCATORS = {
    "role_grants.role",
    "audit_log.actor",
    "audit_log.entity",
    "audit_log.entity_id",
    "outbox_messages.status",
    "survey_participations.status",
}


def test_every_column_of_every_table_is_classified() -> None:
    """A new table or column fails here until it is declared personal or not."""
    tables = {table.name: table for table in Base.metadata.sorted_tables}
    assert set(COLUMNS) == set(tables), "classify the table in storage/personal_data.py"
    for name, table in tables.items():
        declared = [c for names in COLUMNS[name].values() for c in names.split()]
        assert len(declared) == len(set(declared)), f"{name}: a column is classified twice"
        assert set(declared) == {c.name for c in table.columns}, f"classify the columns of {name}"


def test_every_personal_table_has_an_exporter_and_an_eraser() -> None:
    """Each table with personal columns is in one part; erased columns need its eraser."""
    covered = [table for part in PARTS for table in part.tables]
    assert len(covered) == len(set(covered))
    assert set(covered) == personal_tables()
    for part in PARTS:
        if erased_tables() & set(part.tables):
            assert part.erase is not None, part.tables


class Markers:
    """Hands out unique short markers and remembers which column each went to."""

    def __init__(self) -> None:
        self.by_column: dict[str, str] = {}
        self.count = 0

    def __call__(self, column: str) -> str:
        """A new marker (4 characters: fits every column) stored under ``column``."""
        self.count += 1
        marker = f"§{self.count:02d}§"
        self.by_column.setdefault(column, marker)
        return marker


async def _seed_person(db: Database, m: Callable[[str], str]) -> None:
    """One linked employee with a marker in every personal text column."""
    async with db.transaction() as s:
        unit = Unit(name="Dinas Uji")
        s.add(unit)
        await s.flush()
        emp = Employee(
            nip=m("employees.nip"), name=m("employees.name"), phone=m("employees.phone"),
            unit_id=unit.id, position_title=m("employees.position_title"),
            position_kind=m("employees.position_kind"), rank=m("employees.rank"),
            education_level=m("employees.education_level"),
            education_major=m("employees.education_major"), position_tmt=date(2019, 1, 1),
            roster_skills=m("employees.roster_skills"),
            sanction_level=m("employees.sanction_level"),
            skp_last_year=m("employees.skp_last_year"),
            skp_year_before=m("employees.skp_year_before"),
        )  # fmt: skip
        s.add(emp)
        await s.flush()
        s.add_all([
            BotUser(telegram_id=TG, employee_id=emp.id, locale=m("bot_users.locale"),
                    consent_at=NOW, linked_at=NOW, menu_roles=m("bot_users.menu_roles")),
            RoleGrant(telegram_id=TG, role="approver", granted_by="env"),
            ConversationState(telegram_id=TG, flow=m("conversation_states.flow"),
                              step=m("conversation_states.step"),
                              data={"text": m("conversation_states.data")}),
            InviteCode(code_hash="0" * 64, employee_id=emp.id, expires_at=NOW, used_at=NOW,
                       used_by=TG),
            EmployeeSkill(employee_id=emp.id, kind=m("employee_skills.kind"),
                          text=m("employee_skills.text")),
        ])  # fmt: skip
        await _seed_aspiration(s, emp.id, m)
        move_id = await _seed_move(s, emp.id, unit.id, m)
        await _seed_survey(s, emp.id, m)
        await _seed_followup(s, emp.id, m)
        s.add_all([
            AuditEntry(actor=f"tg:{TG}", action=m("audit_log.action"), entity="move",
                       entity_id=str(move_id), details={"answer": "object",
                                                        "reason": m("audit_log.details")}),
            OutboxMessage(chat_id=TG, text=m("outbox_messages.text"), status="sent",
                          reply_markup={"inline_keyboard": m("outbox_messages.reply_markup")},
                          attachment_file_id=m("outbox_messages.attachment_file_id")),
            OutboxMessage(chat_id=TG, text="queued", status="pending"),
        ])  # fmt: skip


async def _seed_aspiration(s: AsyncSession, employee_id: int, m: Callable[[str], str]) -> None:
    """A submitted aspiration with one history entry."""
    window = AspirationWindow(name="Periode uji", starts_at=NOW, ends_at=NOW + timedelta(days=9))
    s.add(window)
    await s.flush()
    wish = Aspiration(
        reference=m("aspirations.reference"), window_id=window.id, employee_id=employee_id,
        status=m("aspirations.status"), kind=m("aspirations.kind"),
        preferences=[{"unit": m("aspirations.preferences")}],
        reason_category=m("aspirations.reason_category"),
        reason_text=m("aspirations.reason_text"), relocate_note=m("aspirations.relocate_note"),
        eligibility_problems=[m("aspirations.eligibility_problems")],
        hr_note=m("aspirations.hr_note"), submitted_at=NOW,
    )  # fmt: skip
    s.add(wish)
    await s.flush()
    s.add(
        AspirationHistory(
            aspiration_id=wish.id, actor=f"tg:{TG}", actor_telegram_id=TG,
            action=m("aspiration_history.action"),
            from_status=m("aspiration_history.from_status"),
            to_status=m("aspiration_history.to_status"), note=m("aspiration_history.note"),
            snapshot={"reason_text": m("aspiration_history.snapshot")},
        )
    )  # fmt: skip


async def _seed_move(
    s: AsyncSession, employee_id: int, unit_id: int, m: Callable[[str], str]
) -> int:
    """A consulted, answered move with a question and a campaign; returns the move id."""
    plan = MutationPlan(name="Rencana uji")
    template = CampaignTemplate(name="Sosialisasi uji")
    s.add_all([plan, template])
    await s.flush()
    move = PlanMove(
        plan_id=plan.id, employee_id=employee_id, from_unit_id=unit_id,
        from_position=m("plan_moves.from_position"), to_unit_id=unit_id,
        to_position=m("plan_moves.to_position"), proposed_tmt=date(2027, 2, 1),
        rationale=m("plan_moves.rationale"), warnings=[m("plan_moves.warnings")],
        override_reason=m("plan_moves.override_reason"), status=m("plan_moves.status"),
        decision_note=m("plan_moves.decision_note"), consulted_at=NOW,
        answer=m("plan_moves.answer"), answer_category=m("plan_moves.answer_category"),
        answer_text=m("plan_moves.answer_text"), answered_at=NOW,
        kept_reason=m("plan_moves.kept_reason"), decree_number=m("plan_moves.decree_number"),
        to_agency=m("plan_moves.to_agency"),
        freeze_approval_number=m("plan_moves.freeze_approval_number"),
        resume_status=m("plan_moves.resume_status"),
        change_summary={"reason": m("plan_moves.change_summary")},
    )  # fmt: skip
    step = CampaignStep(template_id=template.id, position=1, offset_days=-7, text_id="x",
                        text_en="x")  # fmt: skip
    s.add_all([move, step])
    await s.flush()
    enrollment = CampaignEnrollment(
        move_id=move.id, plan_id=plan.id, employee_id=employee_id, template_id=template.id,
        effective_date=date(2027, 2, 1), status=m("campaign_enrollments.status"),
    )  # fmt: skip
    s.add_all([
        MoveRuleOverride(move_id=move.id, rule=m("move_rule_overrides.rule"),
                         point=m("move_rule_overrides.point"), judged_on=date(2027, 2, 1),
                         reason=m("move_rule_overrides.reason"), actor=f"tg:{HR_TG}"),
        MoveQuestion(move_id=move.id, text=m("move_questions.text"),
                     answer=m("move_questions.answer"), answered_by=HR_TG, answered_at=NOW),
        AuditEntry(actor=f"tg:{HR_TG}", action="move.kept", entity="move",
                   entity_id=str(move.id), details={"reason": m("hr.about_person")}),
        enrollment,
        PositionHistory(employee_id=employee_id, move_id=move.id,
                        unit_name=m("position_history.unit_name"),
                        position=m("position_history.position"),
                        position_kind=m("position_history.position_kind"), tmt=date(2027, 2, 1),
                        previous_unit_name=m("position_history.previous_unit_name"),
                        previous_position=m("position_history.previous_position"),
                        decree_number=m("position_history.decree_number")),
    ])  # fmt: skip
    await s.flush()
    s.add(
        CampaignStepInstance(
            enrollment_id=enrollment.id, step_id=step.id, run_at=NOW,
            status=m("campaign_step_instances.status"),
            reason=m("campaign_step_instances.reason"),
        )
    )  # fmt: skip
    return move.id


async def _seed_survey(s: AsyncSession, employee_id: int, m: Callable[[str], str]) -> None:
    """A named survey: one submitted answer and an unfinished draft in another round."""
    survey = Survey(slug="uji", title="Survei uji", anonymous=False, definition={})
    s.add(survey)
    await s.flush()
    first = SurveyRound(survey_id=survey.id, kind="manual", label="1")
    second = SurveyRound(survey_id=survey.id, kind="manual", label="2")
    s.add_all([first, second])
    await s.flush()
    s.add_all([
        SurveyResponse(id="a" * 32, survey_id=survey.id, round_id=first.id,
                       employee_id=employee_id, answers={"q": m("survey_responses.answers")}),
        SurveyParticipation(round_id=second.id, employee_id=employee_id, status="started",
                            due_at=NOW, draft={"answers": {"q": m("survey_participations.draft")}}),
    ])  # fmt: skip


async def _seed_followup(s: AsyncSession, employee_id: int, m: Callable[[str], str]) -> None:
    """A closed follow-up case with a note, and an answered general question."""
    case = FollowupCase(
        employee_id=employee_id, created_on=date(2027, 1, 4), due_on=date(2027, 1, 18),
        status=m("followup_cases.status"), closing_note=m("followup_cases.closing_note"),
        closed_at=NOW, closed_by=HR_TG, owner_telegram_id=HR_TG,
    )  # fmt: skip
    s.add(case)
    await s.flush()
    s.add_all([
        FollowupNote(case_id=case.id, author=HR_TG, text=m("followup_notes.text")),
        GeneralQuestion(employee_id=employee_id, text=m("general_questions.text"),
                        due_on=date(2027, 1, 7), answer=m("general_questions.answer"),
                        answered_by=HR_TG, answered_at=NOW),
    ])  # fmt: skip


async def _seed_other(db: Database, m: Callable[[str], str]) -> None:
    """Another linked person with a draft, a message and an audit entry of their own."""
    async with db.transaction() as s:
        emp = Employee(nip="199001012015031009", name=m("other.name"), phone="6281100000009")
        s.add(emp)
        await s.flush()
        s.add_all([
            BotUser(telegram_id=OTHER_TG, employee_id=emp.id, consent_at=NOW, linked_at=NOW),
            ConversationState(telegram_id=OTHER_TG, flow="x", step="y",
                              data={"text": m("other.draft")}),
            OutboxMessage(chat_id=OTHER_TG, text=m("other.message"), status="pending"),
            AuditEntry(actor=f"tg:{OTHER_TG}", action="x", entity="user",
                       entity_id=str(OTHER_TG), details={"note": m("other.audit")}),
        ])  # fmt: skip


def _text_columns(*rules: str) -> set[str]:
    """Personal columns under ``rules`` whose type can hold a marker (text or JSON)."""
    tables = {table.name: table for table in Base.metadata.sorted_tables}
    found = set()
    for name in columns(*rules):  # type: ignore[arg-type]
        table, column = name.split(".")
        if isinstance(tables[table].c[column].type, String | Text | JSON):
            found.add(name)
    return found - LOCATORS


async def test_export_finds_and_unlink_erases_every_personal_column(db: Database) -> None:
    """Every marker is exported; unlink removes the ERASE ones and keeps the KEEP ones."""
    m = Markers()
    await _seed_person(db, m)
    await _seed_other(db, m)
    seeded = m.by_column
    assert _text_columns(ERASE, KEEP) <= set(seeded), "seed a marker in the new column"
    mine = {c: v for c, v in seeded.items() if not c.startswith("other.")}
    others = {c: v for c, v in seeded.items() if c.startswith("other.")}
    async with db.transaction() as session:
        user = await session.get(BotUser, TG)
        assert user is not None
        exported = json.dumps(await export_user_data(session, user), default=str,
                              ensure_ascii=False)  # fmt: skip
        assert [c for c, v in mine.items() if v not in exported] == []
        assert [c for c, v in others.items() if v in exported] == []
        await unlink_user(session, user)
    left = await tables_holding(db, *seeded.values())
    erased = _text_columns(ERASE)
    assert [c for c in erased if seeded[c] in left] == []
    kept = [c for c in mine if c not in erased]
    assert [c for c in kept if seeded[c] not in left] == []
    assert [c for c, v in others.items() if v not in left] == []
    async with db.transaction() as session:
        rows = [(m.text, m.status) for m in await _messages(session)]
        grants = await session.execute(select(RoleGrant).where(RoleGrant.telegram_id == TG))
        assert grants.scalars().all() == []
        revoked = await session.execute(
            select(AuditEntry).where(AuditEntry.action == "role.revoked")
        )
        assert [e.details["role"] for e in revoked.scalars()] == ["approver"]
    assert sorted(status for _, status in rows) == ["cancelled", "sent"]
    assert {text for text, _ in rows} == {ERASED}


async def _messages(session: AsyncSession) -> list[OutboxMessage]:
    """Every outbox row of the unlinked person."""
    rows = await session.execute(select(OutboxMessage).where(OutboxMessage.chat_id == TG))
    return list(rows.scalars())
