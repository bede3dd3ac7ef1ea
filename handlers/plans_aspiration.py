"""An accepted aspiration into a plan with one tap (HR): the destination comes from the
employee's choice; pick or create the draft plan; then the usual TMT, rationale and rule
steps of adding a move (``handlers.plans_moves``), and the move carries the aspiration.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.aspirations.buttons import PlanAspiration, PlanAspirationInto
from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import from_aspiration, service, service_moves
from bot.plans.from_aspiration import NotPlannable, Start
from handlers.aspirations_common import status_label
from handlers.buttons import add_button
from handlers.flows import Accepts, expect_text
from handlers.plans_common import DEST, FLOW, HR, TMT, ask_tmt, dest_dict, esc, plan_flow
from handlers.request import Request
from storage.models import ConversationState

NAME_STEP = "asp_name"
NAME_MAX_LEN = 200


async def _start(request: Request, aspiration_id: int, choice: int) -> Start | None:
    """The move to draft, or None after saying why the aspiration cannot be planned now."""
    found = await from_aspiration.start(request.session, aspiration_id, choice)
    if found is None:
        raise CallbackDataError("no such aspiration or choice")
    if isinstance(found, NotPlannable):
        status = status_label(request, found.status)
        request.reply_key("aspp.not_plannable", ref=found.reference, status=status)
        return None
    return found


async def plan_pressed(request: Request, data: PlanAspiration) -> None:
    """Into the only draft plan at once; else choose one of the drafts or a new plan."""
    request.answer()
    found = await _start(request, data.aspiration_id, data.choice)
    if found is None:
        return
    if len(found.drafts) == 1:
        await _continue(request, found, found.drafts[0].id, found.drafts[0].name)
        return
    if not found.drafts:
        await _ask_name(request, found)
        return
    asp, choice = found.aspiration_id, found.choice
    rows: list[tuple[Button, ...]] = [
        (Button(f"#{p.id} {p.name[:40]}", PlanAspirationInto(asp, choice, p.id)),)
        for p in found.drafts
    ]
    new = PlanAspirationInto(asp, choice, 0)
    rows.append((Button(request.t("aspp.btn_new_plan"), new),))
    text = request.t("aspp.pick_plan", ref=found.reference, choice=found.choice)
    request.send(OutgoingMessage(text, tuple(rows)))


async def into_pressed(request: Request, data: PlanAspirationInto) -> None:
    """The chosen draft plan (or a new one: its name is asked first)."""
    request.answer()
    found = await _start(request, data.aspiration_id, data.choice)
    if found is None:
        return
    if data.plan_id == 0:
        await _ask_name(request, found)
        return
    plan = await service_moves.draft_plan(request.session, data.plan_id)
    if plan is None:
        request.reply_key("plans.not_draft")
        return
    await _continue(request, found, plan.id, plan.name)


async def _ask_name(request: Request, found: Start) -> None:
    """Ask the new plan's name; the aspiration waits in the draft."""
    link = {"id": found.aspiration_id, "choice": found.choice}
    await request.set_state(FLOW, NAME_STEP, {"aspiration": link})
    request.reply_key("plans.ask_name")


async def name_step(request: Request, state: ConversationState) -> None:
    """Create the plan with the typed name and go on with the aspiration's move."""
    name = expect_text(request, max_len=NAME_MAX_LEN)
    if name is None:
        return
    link = state.data.get("aspiration") or {}
    found = await _start(request, int(link.get("id", 0)), int(link.get("choice", 0)))
    if found is None:
        await request.clear_state()
        return
    plan = await service.create_plan(request.session, request.telegram_id, name)
    request.reply_key("plans.created", id=plan.id)
    await _continue(request, found, plan.id, plan.name)


async def _continue(request: Request, found: Start, plan_id: int, plan_name: str) -> None:
    """Say what is drafted; ask the TMT (or the post first, for "any post in the unit")."""
    draft: dict[str, Any] = {
        "plan_id": plan_id, "employee_id": found.employee.id,
        "aspiration": {"id": found.aspiration_id, "choice": found.choice},
    }  # fmt: skip
    request.reply_key(
        "aspp.intro", name=esc(found.employee.name), ref=found.reference, choice=found.choice,
        unit=esc(found.unit_name), position=esc(found.position or request.t("asp.any_position")),
        plan=esc(plan_name),
    )  # fmt: skip
    if found.dest is None:
        await request.set_state(FLOW, DEST, draft)
        request.reply_key("plans.ask_dest", name=esc(found.employee.name))
        return
    draft["dest"] = dest_dict(found.dest)
    await request.set_state(FLOW, TMT, draft)
    await ask_tmt(request, draft, found.dest)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the aspiration-to-plan buttons and the new plan's name step (HR only)."""
    add_button(app, PlanAspiration, plan_pressed, roles=HR)
    add_button(app, PlanAspirationInto, into_pressed, roles=HR)
    plan_flow(app).on(NAME_STEP, name_step, accepts=Accepts.TEXT, roles=HR)
