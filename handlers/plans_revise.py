"""Revising a move after an objection (or no answer): a new version, consulted again.

Earlier consultation buttons carry the old version and say they are out of date.
"""

from __future__ import annotations

from datetime import date

from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.rules import MoveWarning
from bot.plans.service import Destination
from handlers.plans_common import send_consultation, wake_outbox
from handlers.request import Request
from storage.queries import audit
from storage.queries import plans as q

FLOW = "plan"


async def start_revision(request: Request, move_id: int) -> None:
    """Revise an objected (or overdue) move: ask the new destination again."""
    move = await q.get_move(request.session, move_id)
    if move is None or move.status != st.CONSULTATION:
        request.reply_key("common.stale_button")
        return
    data = {"plan_id": move.plan_id, "employee_id": move.employee_id, "revise": move.id}
    await request.set_state(FLOW, "dest", data)
    request.reply_key("plans.ask_dest_revise", id=move.id)


async def revise(
    request: Request, move_id: int, dest: Destination, tmt: date, why: str,
    warnings: list[MoveWarning], reason: str,
) -> None:  # fmt: skip
    """Change an objected move and consult the employee again (a new version)."""
    move = await q.get_move(request.session, move_id, lock=True)
    if move is None or move.status != st.CONSULTATION:
        request.reply_key("common.stale_button")
        return
    before = {"to_position": move.to_position, "tmt": move.proposed_tmt.isoformat()}
    move.to_unit_id, move.to_position, move.position_ref = (
        dest.unit_id,
        dest.position,
        dest.position_ref,
    )
    move.proposed_tmt, move.version = tmt, move.version + 1
    move.answer, move.answer_category, move.answer_text, move.answered_at = None, "", "", None
    move.overdue, move.kept_reason = False, ""
    move.warnings = [w.code for w in warnings]
    move.override_reason = reason
    now = request.services.clock.now()
    move.consulted_at, move.deadline = now, kc.deadline_from(now)
    actor = audit.actor_of(request.telegram_id)
    await audit.record(
        request.session, actor, "move.revised", "move", move.id, version=move.version,
        before=before, to_position=dest.position, tmt=tmt.isoformat(), reason=why,
        warnings=move.warnings, override=reason,
    )  # fmt: skip
    await send_consultation(request.session, request.services, move.id)
    services = request.services

    async def wake() -> None:
        wake_outbox(services)

    request.later(wake)
    request.reply_key("plans.revised", id=move.id, version=move.version)
