"""Moves of a plan in the chat: add (typed, or from /kandidat), list, and revise.

Adding and revising share the steps destination → TMT → rationale (→ override reason
when a rule is broken); a revision keeps ``revise`` in the draft.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import labels, service, service_moves, views
from bot.plans.service import Destination
from bot.plans.service_return import NoApprover
from bot.rules.service import Judgement
from handlers import plans_people
from handlers.buttons import add_button
from handlers.dates import typed_date
from handlers.flows import Accepts, expect_text
from handlers.plans_common import (
    DEST,
    EMPLOYEE,
    FLOW,
    HR,
    TEXT_MAX,
    TMT,
    ask_override,
    ask_tmt,
    dest_dict,
    esc,
    fmt_date,
    plan_flow,
    reason_step,
    show_plan,
    wake_outbox,
    with_rules,
)
from handlers.request import Request, inline_markup
from storage.models import ConversationState, Employee

PAGE = 8
WHY, OVERRIDE = "why", "override"


# -- buttons -------------------------------------------------------------------------------


async def add_pressed(request: Request, data: b.AddMove) -> None:
    """Start adding a move to a draft plan: ask the employee."""
    request.answer()
    if await service_moves.draft_plan(request.session, data.plan_id) is None:
        request.reply_key("plans.not_draft")
        return
    await request.set_state(FLOW, EMPLOYEE, {"plan_id": data.plan_id})
    request.reply_key("plans.ask_emp")


async def employee_pressed(request: Request, data: b.PickEmployee) -> None:
    """One of several matching employees was picked."""
    request.answer()
    state = await request.get_state()
    employee = await service_moves.employee(request.session, data.employee_id)
    at_step = state is not None and (state.flow, state.step) == (FLOW, EMPLOYEE)
    if state is None or not at_step or not plans_people.offered(state.data, data.employee_id):
        request.reply_key("plans.emp_list_stale")
        return
    if employee is None or not employee.active:
        request.reply_key("common.stale_button")
        return
    await _ask_dest(request, dict(state.data), employee)


async def propose_pressed(request: Request, data: b.ProposeMove) -> None:
    """From /kandidat ("Usulkan"): propose the employee for the open position."""
    request.answer()
    found = await service_moves.proposal(request.session, data.position_id, data.employee_id)
    if found == "unknown":
        raise CallbackDataError("unknown position or employee")
    if found == "no_draft":
        create = b.NewPlanForProposal(data.position_id, data.employee_id)
        buttons = ((Button(request.t("plans.btn_new_for_proposal"), create),),)
        request.send(OutgoingMessage(request.t("plans.no_draft_plan"), buttons))
        return
    dest = found.dest
    draft = {"plan_id": found.plan.id, "employee_id": found.employee.id, "dest": dest_dict(dest)}
    await request.set_state(FLOW, TMT, draft)
    request.reply_key(
        "plans.usul_intro", name=esc(found.employee.name), position=esc(dest.position),
        unit=esc(dest.unit_name), plan=esc(found.plan.name),
    )  # fmt: skip
    await ask_tmt(request, draft, dest)


async def moves_pressed(request: Request, data: b.MovesPage) -> None:
    """One page of move buttons of a plan."""
    request.answer()
    rows = await views.move_rows(request.session, data.plan_id)
    plan_id, page = data.plan_id, data.page
    buttons: list[tuple[Button, ...]] = [
        (Button(f"#{r.move.id} {r.employee.name[:30]} · "
                f"{request.t(labels.MOVE_STATUS[r.move.status])}", b.OpenMove(r.move.id)),)
        for r in rows[page * PAGE : (page + 1) * PAGE]
    ]  # fmt: skip
    nav = []
    if page > 0:
        nav.append(Button(request.t("common.btn_prev"), b.MovesPage(plan_id, page - 1)))
    if (page + 1) * PAGE < len(rows):
        nav.append(Button(request.t("common.btn_next"), b.MovesPage(plan_id, page + 1)))
    if nav:
        buttons.append(tuple(nav))
    buttons.append((Button(request.t("common.btn_back"), b.OpenPlan(plan_id)),))
    message = OutgoingMessage(request.t("plans.moves_title", id=plan_id), tuple(buttons))
    request.edit_or_reply(message.text, inline_markup(message))


async def revise_pressed(request: Request, data: b.ReviseMove) -> None:
    """Revise an objected (or overdue) move: ask the new destination again."""
    request.answer()
    move = await service_moves.revisable_move(request.session, data.move_id, request.telegram_id)
    if move is None:
        request.reply_key("common.stale_button")
        return
    if isinstance(move, NoApprover):
        request.reply_key("plans.no_approver")
        return
    draft = {"plan_id": move.plan_id, "employee_id": move.employee_id, "revise": move.id}
    await request.set_state(FLOW, DEST, draft)
    current = await service_moves.current_destination(request.session, move)
    request.reply_key("common.current_value", value=esc(current))
    request.reply_key("plans.ask_dest_revise", id=move.id)


# -- steps ---------------------------------------------------------------------------------


async def employee_step(request: Request, state: ConversationState) -> None:
    """Find the employee: an exact NIP picks at once, anything else offers a list."""
    text = expect_text(request, max_len=100)
    if text is None:
        return
    found = await service_moves.find_employees(request.session, text)
    if found.exact is not None:
        await _ask_dest(request, state.data, found.exact)
    elif not found.choices:
        plans_people.not_found(request, text)
    else:
        await plans_people.offer(request, state.data, text, found.choices)


async def _ask_dest(request: Request, data: dict[str, Any], employee: Employee) -> None:
    """Remember the employee and ask where they go."""
    draft = {k: v for k, v in data.items() if k not in ("choices", "emp_query")}
    await request.set_state(FLOW, DEST, {**draft, "employee_id": employee.id})
    request.reply_key("plans.ask_dest", name=esc(employee.name))


async def dest_step(request: Request, state: ConversationState) -> None:
    """Resolve the destination (open position code, or Unit / Jabatan)."""
    text = expect_text(request, max_len=300)
    if text is None:
        return
    dest = await service.resolve_destination(request.session, text)
    if dest is None:
        request.reply_key("plans.dest_unknown")
        return
    data = {**state.data, "dest": dest_dict(dest)}
    await request.set_state(FLOW, TMT, data)
    await ask_tmt(request, data, dest)


async def tmt_step(request: Request, state: ConversationState) -> None:
    """Take the proposed TMT (local date); a past one only when HR types it twice."""
    typed = typed_date(request)
    if typed is None:
        return
    tmt, today = typed.day, request.today()
    if tmt < today and state.data.get("past_tmt") != tmt.isoformat():
        await request.set_state(FLOW, TMT, {**state.data, "past_tmt": tmt.isoformat()})
        request.reply_key("plans.tmt_past_confirm", tmt=fmt_date(tmt), today=fmt_date(today))
        return
    data = {k: v for k, v in state.data.items() if k != "past_tmt"}
    await request.set_state(FLOW, WHY, {**data, "tmt": tmt.isoformat()})
    request.reply_key("plans.ask_why")


async def _judgement(request: Request, data: dict[str, Any]) -> Judgement:
    """The rules of the drafted move, judged on its proposed TMT."""
    return await service_moves.check_move(
        request.session, request.settings, int(data["employee_id"]),
        Destination(**data["dest"]), date.fromisoformat(str(data["tmt"])), data.get("revise"),
    )  # fmt: skip


async def _needs_reason(request: Request, data: dict[str, Any], judgement: Judgement) -> None:
    """Show the rules not met and wait for HR's written reason."""
    await request.set_state(FLOW, OVERRIDE, data)
    ask_override(request, judgement)


async def why_step(request: Request, state: ConversationState) -> None:
    """Take the rationale; ask a reason for the blocking rules, or save."""
    text = expect_text(request, max_len=TEXT_MAX)
    if text is None:
        return
    data = {**state.data, "why": text}
    judgement = await _judgement(request, data)
    if judgement.uncovered:
        await _needs_reason(request, data, judgement)
        return
    await _save(request, data, "")


async def _save(request: Request, data: dict[str, Any], reason: str) -> None:
    """Store the new move, or the revision of a consulted one."""
    dest, tmt, why = (
        Destination(**data["dest"]),
        date.fromisoformat(str(data["tmt"])),
        str(data["why"]),
    )
    if data.get("revise"):
        await _save_revision(request, data, dest, tmt, why, reason)
        return
    saved = await service_moves.save_move(
        request.session, request.settings, request.telegram_id, int(data["plan_id"]),
        int(data["employee_id"]), dest, tmt, why, reason, now=request.now(),
        aspiration=_aspiration(data),
    )  # fmt: skip
    if saved.outcome == "needs_reason" and saved.judgement is not None:
        await _needs_reason(request, data, saved.judgement)
        return
    await request.clear_state()
    if saved.outcome == "not_draft":
        request.reply_key("plans.not_draft")
    elif saved.outcome == "already" and saved.busy is not None:
        busy = saved.busy
        request.reply_key("plans.already_in_plan", name=esc(busy.employee_name), move=busy.move_id,
                          plan=busy.plan_id, plan_name=esc(busy.plan_name))  # fmt: skip
    else:
        added = request.t("plans.move_added", id=saved.move_id, name=esc(saved.employee_name))
        if saved.asked is not None:
            added += "\n" + request.t("plans.asked_linked", ref=saved.asked.reference,
                                      choice=saved.asked.choice)  # fmt: skip
            wake_outbox(request)
        request.reply(with_rules(request, added, saved.judgement))
        await show_plan(request, int(data["plan_id"]))


def _aspiration(data: dict[str, Any]) -> tuple[int, int] | None:
    """The aspiration (id, choice) HR started the move from, if any."""
    found = data.get("aspiration")
    return (int(found["id"]), int(found["choice"])) if isinstance(found, dict) else None


async def _save_revision(
    request: Request, data: dict[str, Any], dest: Destination, tmt: date, why: str, reason: str
) -> None:
    """Store the revision of a consulted move (a blocking rule needs HR's reason)."""
    revised = await service_moves.revise_move(
        request.session, request.now(), request.telegram_id, int(data["revise"]), dest, tmt,
        why, reason, settings=request.settings,
    )  # fmt: skip
    if revised.version is None and revised.judgement is not None:
        await _needs_reason(request, data, revised.judgement)
        return
    await request.clear_state()
    if revised.no_approver:
        request.reply_key("plans.no_approver")
        return
    if revised.version is None:
        request.reply_key("common.stale_button")
        return
    wake_outbox(request)
    text = request.t("plans.revised", id=int(data["revise"]), version=revised.version)
    request.reply(with_rules(request, text, revised.judgement))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the buttons and steps of adding, listing and revising moves (HR only)."""
    add_button(app, b.AddMove, add_pressed, roles=HR)
    add_button(app, b.PickEmployee, employee_pressed, roles=HR)
    add_button(app, b.ProposeMove, propose_pressed, roles=HR)
    add_button(app, b.MovesPage, moves_pressed, roles=HR)
    add_button(app, b.ReviseMove, revise_pressed, roles=HR)
    plans_people.register(app)
    flow = plan_flow(app)
    for step, fn in (
        (EMPLOYEE, employee_step), (DEST, dest_step), (TMT, tmt_step), (WHY, why_step),
        (OVERRIDE, reason_step(_save)),
    ):  # fmt: skip
        flow.on(step, fn, accepts=Accepts.TEXT, roles=HR)
