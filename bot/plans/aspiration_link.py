"""A move and the employee's aspiration behind it: the link, and the status that follows.

A move added from an accepted aspiration (or for an employee whose accepted aspiration
asks for that destination) keeps ``aspiration_id`` and the choice's rank; the aspiration
becomes "in a plan", then "decreed" with the decree, or "not taken" when the move is
rejected or cancelled (``bot.aspirations.planning.follow_move``; the employee is told).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import planning
from bot.aspirations.planning import Asked, Place
from bot.aspirations.rules import can
from storage.models import PlanMove
from storage.queries import aspirations_changes as qc
from storage.queries import plans as q


async def _place(session: AsyncSession, move: PlanMove) -> Place:
    """The move's destination and TMT as the employee's notice names them."""
    unit = await qc.unit_name(session, move.to_unit_id) or move.to_agency or "-"
    return Place(unit, move.to_position or "-", move.decree_tmt or move.proposed_tmt)


async def asked(
    session: AsyncSession, aspiration_id: int | None, employee_id: int, choice: int
) -> Asked | None:
    """The aspiration HR started the move from, if it is the employee's and may be planned."""
    aspiration = await qc.get_aspiration(session, aspiration_id) if aspiration_id else None
    if aspiration is None or aspiration.employee_id != employee_id:
        return None
    if not can("include", aspiration.status):
        return None
    reason, ref = aspiration.reason_category, aspiration.reference or "-"
    return Asked(aspiration.id, ref, choice, reason, aspiration.status)


async def link(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    move: PlanMove,
    default_locale: str,
    aspiration_id: int | None = None,
    choice: int = 0,
) -> Asked | None:
    """Tie a new move to the aspiration it fulfils and mark that aspiration "in a plan".

    The aspiration HR started from (``aspiration_id``, ``choice``) when given, else the
    employee's accepted aspiration whose choices name the move's destination.
    """
    if aspiration_id:
        found = await asked(session, aspiration_id, move.employee_id, choice)
    else:
        unit = await qc.unit_name(session, move.to_unit_id) or move.to_agency
        found = await planning.linkable(
            session, move.employee_id, move.to_unit_id, unit or "", move.to_position
        )
    if found is None:
        return None
    values = {"aspiration_id": found.aspiration_id, "aspiration_choice": found.choice}
    await q.update_move(session, move.id, {}, values)
    place = await _place(session, move)
    await planning.follow_move(
        session, now, actor_id, found.aspiration_id, "include", place, default_locale
    )
    return found


async def follow(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    move: PlanMove,
    action: str,
    default_locale: str,
) -> bool:
    """The aspiration behind ``move`` (if any) follows it: include, decree or not_take."""
    if move.aspiration_id is None:
        return False
    place = await _place(session, move)
    return await planning.follow_move(
        session, now, actor_id, move.aspiration_id, action, place, default_locale
    )
