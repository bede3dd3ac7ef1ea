"""Data rights (UU PDP): everything the bot holds about a user, and erasing what they gave.

Each feature that stores personal data adds a :class:`Part` to ``PARTS`` at the bottom: the
tables it covers, its exporter and its eraser, so the export and the unlink stay complete
in one visible place. Which columns are personal, and whether unlink erases or keeps them,
is declared in ``storage.personal_data``; ``tests/test_personal_data.py`` checks that every
personal column is covered by a part (exported, and erased when declared so). Exporters
hold no user-facing text: a note is a :class:`storage.types.TextKey`, rendered in the
user's language by ``bot.privacy.export_user_data``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser, Employee, EmployeeSkill, PositionHistory, Unit
from storage.queries import account_privacy as account_queries
from storage.queries import aspirations_privacy as aspiration_queries
from storage.queries import campaigns_privacy as campaign_queries
from storage.queries import followup_privacy as followup_queries
from storage.queries import plans_privacy as plan_queries
from storage.queries import survey_privacy as survey_queries

Exporter = Callable[[AsyncSession, BotUser], Awaitable[dict[str, Any]]]
Eraser = Callable[[AsyncSession, BotUser], Awaitable[None]]


@dataclass(frozen=True)
class Part:
    """One feature's share: the tables it covers, how it exports them and erases them.

    ``erase`` is None when every personal column of the tables is kept on unlink.
    """

    tables: tuple[str, ...]
    export: Exporter
    erase: Eraser | None


def _plain(value: Any) -> Any:
    """JSON-friendly value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


async def export_employee(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """HR's roster row of the linked employee, the self-declared skills and the position
    history (riwayat jabatan)."""
    if user.employee_id is None:
        return {}
    employee = await session.get(Employee, user.employee_id)
    if employee is None:
        return {}
    unit = await session.get(Unit, employee.unit_id) if employee.unit_id else None
    skills = await session.execute(
        select(EmployeeSkill).where(EmployeeSkill.employee_id == employee.id)
    )
    history = await session.execute(
        select(PositionHistory)
        .where(PositionHistory.employee_id == employee.id)
        .order_by(PositionHistory.id)
    )
    return {
        "roster": {
            "nip": employee.nip,
            "name": employee.name,
            "phone": employee.phone,
            "unit": unit.name if unit else None,
            "position": employee.position_title,
            "position_kind": employee.position_kind,
            "golongan": employee.rank,
            "education_level": employee.education_level,
            "education_major": employee.education_major,
            "tmt_jabatan": _plain(employee.position_tmt),
            "disciplinary_sanction": employee.disciplinary_sanction,
            "study_leave": employee.study_leave,
            "sanction_level": employee.sanction_level,
            "sanction_until": _plain(employee.sanction_until),
            "under_examination": employee.under_examination,
            "study_leave_until": _plain(employee.study_leave_until),
            "service_bond_until": _plain(employee.service_bond_until),
            "skp_last_year": employee.skp_last_year,
            "skp_year_before": employee.skp_year_before,
            "skills_in_roster": employee.roster_skills,
            "active": employee.active,
        },
        "self_declared": [
            {"kind": s.kind, "text": s.text, "created_at": _plain(s.created_at)}
            for s in skills.scalars()
        ],
        "position_history": [
            {"unit": h.unit_name, "position": h.position, "position_kind": h.position_kind,
             "tmt": _plain(h.tmt), "previous_unit": h.previous_unit_name,
             "previous_position": h.previous_position, "previous_tmt": _plain(h.previous_tmt),
             "decree_number": h.decree_number, "recorded_at": _plain(h.created_at)}
            for h in history.scalars()
        ],
    }  # fmt: skip


async def erase_self_declared(session: AsyncSession, user: BotUser) -> None:
    """Delete what the user declared about themselves: skills and certifications."""
    if user.employee_id is not None:
        await session.execute(
            delete(EmployeeSkill).where(EmployeeSkill.employee_id == user.employee_id)
        )


PARTS: tuple[Part, ...] = (
    Part(
        ("bot_users", "role_grants", "conversation_states", "invite_codes"),
        account_queries.export_account,
        account_queries.erase_account,  # the bot_users columns: unlink_user below
    ),
    Part(
        ("employees", "employee_skills", "position_history"), export_employee, erase_self_declared
    ),
    Part(
        ("aspirations", "aspiration_history"),
        aspiration_queries.export_for_user,
        aspiration_queries.erase_for_user,
    ),
    Part(
        ("plan_moves", "move_questions", "move_rule_overrides"),
        plan_queries.export_for_user,
        plan_queries.erase_for_user,
    ),
    Part(
        ("campaign_enrollments", "campaign_step_instances"), campaign_queries.export_for_user, None
    ),
    Part(
        ("survey_participations", "survey_responses"),
        survey_queries.export_for_user,
        survey_queries.erase_for_user,  # drafts only; submitted named answers are HR records
    ),
    Part(("followup_cases", "followup_notes"), followup_queries.export_cases, None),
    Part(
        ("general_questions",),
        followup_queries.export_questions,
        followup_queries.erase_questions,  # the employee's text; HR's answers stay
    ),
    Part(("audit_log",), account_queries.export_audit, account_queries.erase_audit),
    Part(("outbox_messages",), account_queries.export_messages, account_queries.erase_messages),
)
EXPORTERS: tuple[Exporter, ...] = tuple(part.export for part in PARTS)
ERASERS: tuple[Eraser, ...] = tuple(part.erase for part in PARTS if part.erase is not None)


async def export_user_data(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """Everything the bot holds about ``user``, merged from every feature (notes as TextKey)."""
    result: dict[str, Any] = {}
    for exporter in EXPORTERS:
        result.update(await exporter(session, user))
    return result


async def unlink_user(session: AsyncSession, user: BotUser) -> None:
    """Erase what the user gave the bot and unlink the Telegram account."""
    for eraser in ERASERS:
        await eraser(session, user)
    user.employee_id = None
    user.linked_at = None
    user.consent_at = None
    await session.flush()
