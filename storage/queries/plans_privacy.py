"""Personal data of mutation consultations: export and erase (see storage.queries.privacy)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser, MoveQuestion, MoveRuleOverride, PlanMove, Unit

ERASED = "[dihapus atas permintaan pegawai]"


def _iso(value: Any) -> Any:
    """Dates as ISO text for a JSON export."""
    return value.isoformat() if value is not None else None


async def _unit(session: AsyncSession, unit_id: int | None) -> str | None:
    """The name of a unit, or None."""
    unit = await session.get(Unit, unit_id) if unit_id is not None else None
    return unit.name if unit is not None else None


async def _overrides(session: AsyncSession, move_id: int) -> list[dict[str, Any]]:
    """The rules a move went ahead despite, with the reasons (the official is not named)."""
    rows = await session.execute(
        select(MoveRuleOverride)
        .where(MoveRuleOverride.move_id == move_id)
        .order_by(MoveRuleOverride.id)
    )
    return [
        {"version": o.move_version, "rule": o.rule, "point": o.point,
         "judged_on": _iso(o.judged_on), "reason": o.reason, "at": _iso(o.created_at)}
        for o in rows.scalars()
    ]  # fmt: skip


async def export_for_user(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The user's consultation answers and questions about proposed moves (UU PDP export)."""
    if user.employee_id is None:
        return {}
    moves = (
        await session.execute(
            select(PlanMove)
            .where(PlanMove.employee_id == user.employee_id, PlanMove.consulted_at.is_not(None))
            .order_by(PlanMove.id)
        )
    ).scalars()
    items = []
    for move in list(moves):
        questions = (
            await session.execute(
                select(MoveQuestion)
                .where(MoveQuestion.move_id == move.id)
                .order_by(MoveQuestion.id)
            )
        ).scalars()
        items.append(
            {
                "move_id": move.id, "version": move.version,
                "from_unit": await _unit(session, move.from_unit_id),
                "from_position": move.from_position,
                "to_unit": await _unit(session, move.to_unit_id), "to_position": move.to_position,
                "proposed_tmt": _iso(move.proposed_tmt), "rationale": move.rationale,
                "warnings": list(move.warnings or []), "override_reason": move.override_reason,
                "status": move.status, "decision_note": move.decision_note,
                "decided_at": _iso(move.decided_at), "consulted_at": _iso(move.consulted_at),
                "deadline": _iso(move.deadline), "overdue": move.overdue,
                "answer": move.answer, "answer_category": move.answer_category,
                "answer_text": move.answer_text, "answered_at": _iso(move.answered_at),
                "kept_reason": move.kept_reason, "decree_number": move.decree_number,
                "decree_tmt": _iso(move.decree_tmt), "to_agency": move.to_agency,
                "freeze_approval_number": move.freeze_approval_number,
                "freeze_approval_date": _iso(move.freeze_approval_date),
                "aspiration_choice": move.aspiration_choice,
                "resume_status": move.resume_status, "change_summary": move.change_summary,
                "rule_overrides": await _overrides(session, move.id),
                "questions": [
                    {"text": qn.text, "asked_at": _iso(qn.asked_at), "answer": qn.answer,
                     "answered_at": _iso(qn.answered_at)}
                    for qn in questions
                ],
            }
        )  # fmt: skip
    return {"mutation_consultations": items} if items else {}


async def erase_for_user(session: AsyncSession, user: BotUser) -> None:
    """Erase the free text the employee wrote (answer notes, questions); keep HR's records.

    The move, the kind of answer (agree / object), HR's answers and the audit trail stay:
    they are BKPSDM's record of the mutation process.
    """
    if user.employee_id is None:
        return
    move_ids = select(PlanMove.id).where(PlanMove.employee_id == user.employee_id)
    await session.execute(
        update(PlanMove)
        .where(PlanMove.employee_id == user.employee_id, PlanMove.answer_text != "")
        .values(answer_text=ERASED)
    )
    await session.execute(
        update(MoveQuestion).where(MoveQuestion.move_id.in_(move_ids)).values(text=ERASED)
    )
