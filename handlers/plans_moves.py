"""Moves of a plan: add (chat, /kandidat, file), the move card, revise, keep, decree, cancel."""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram.ext import Application

from bot import callback_data as cb
from bot.plans import status as st
from bot.plans.rules import MoveWarning
from bot.plans.service import (
    Destination,
    add_move,
    destination_of,
    resolve_destination,
    warnings_for,
)
from handlers import plans_revise
from handlers.flows import expect_text
from handlers.plans_common import (
    clock_of,
    esc,
    wake_outbox,
)
from handlers.request import Request, keyboard
from storage.models import ConversationState, Employee, Position
from storage.queries import audit
from storage.queries import plans as q

FLOW = "plan"
TEXT_MAX = 500
PAGE = 8


def _actor(request: Request) -> str:
    """The audit actor of the request's user."""
    return audit.actor_of(request.telegram_id)


def _today(request: Request) -> date:
    """Today's local date by the services' clock."""
    return clock_of(request.services).now().astimezone(request.settings.tz).date()


def _wake(request: Request) -> None:
    """Wake the outbox worker after commit."""
    services = request.services

    async def run() -> None:
        wake_outbox(services)

    request.later(run)


def warning_lines(request: Request, warnings: list[MoveWarning]) -> str:
    """Warnings as bullet lines."""
    return "\n".join("• " + request.t("plans.warn", warning=w.code, **w.params) for w in warnings)


# -- adding a move in the chat ----------------------------------------------------------


async def emp_step(request: Request, state: ConversationState) -> None:
    """Find the employee by NIP or name."""
    text = expect_text(request, max_len=100)
    if text is None:
        return
    found = await q.find_employees(request.session, text)
    if not found:
        request.reply_key("plans.emp_not_found")
    elif len(found) == 1:
        await _ask_dest(request, state.data, found[0])
    else:
        rows = [
            [(f"{e.name} · {e.position_title[:25]}", cb.build("rcn", "emp", e.id))] for e in found
        ]
        request.reply(request.t("plans.emp_pick"), keyboard(rows))


async def _ask_dest(request: Request, data: dict[str, Any], employee: Employee) -> None:
    """Remember the employee and ask where they go."""
    await request.set_state(FLOW, "dest", {**data, "employee_id": employee.id})
    request.reply_key("plans.ask_dest", name=esc(employee.name))


async def dest_step(request: Request, state: ConversationState) -> None:
    """Resolve the destination (open position code, or Unit / Jabatan)."""
    text = expect_text(request, max_len=300)
    if text is None:
        return
    dest = await resolve_destination(request.session, text)
    if dest is None:
        request.reply_key("plans.dest_unknown")
        return
    await request.set_state(FLOW, "tmt", {**state.data, "dest": _dest_dict(dest)})
    request.reply_key("plans.ask_tmt", unit=esc(dest.unit_name), position=esc(dest.position))


def _dest_dict(dest: Destination) -> dict[str, Any]:
    """A destination as JSON-friendly draft data."""
    return {"unit_id": dest.unit_id, "unit_name": dest.unit_name, "position": dest.position,
            "position_ref": dest.position_ref}  # fmt: skip


async def tmt_step(request: Request, state: ConversationState) -> None:
    """Take the proposed TMT (local date)."""
    text = expect_text(request, max_len=20)
    if text is None:
        return
    tmt = q.parse_local_date(text)
    if tmt is None:
        request.reply_key("plans.bad_date")
        return
    await request.set_state(FLOW, "why", {**state.data, "tmt": tmt.isoformat()})
    request.reply_key("plans.ask_why")


async def why_step(request: Request, state: ConversationState) -> None:
    """Take the rationale; warn about broken rules or save."""
    text = expect_text(request, max_len=TEXT_MAX)
    if text is None:
        return
    data = {**state.data, "why": text}
    employee = await request.session.get(Employee, int(data["employee_id"]))
    assert employee is not None
    warnings = await warnings_for(
        request.session, request.settings, employee, Destination(**data["dest"]), _today(request),
        exclude_move=data.get("revise"),
    )  # fmt: skip
    if warnings:
        await request.set_state(FLOW, "override", data)
        request.reply_key("plans.warnings", lines=warning_lines(request, warnings))
        return
    await _save(request, data, [], "")


async def override_step(request: Request, state: ConversationState) -> None:
    """HR goes ahead despite the warnings, with a written reason."""
    reason = expect_text(request, max_len=TEXT_MAX)
    if reason is None:
        return
    employee = await request.session.get(Employee, int(state.data["employee_id"]))
    assert employee is not None
    warnings = await warnings_for(
        request.session, request.settings, employee, Destination(**state.data["dest"]),
        _today(request), exclude_move=state.data.get("revise"),
    )  # fmt: skip
    await _save(request, state.data, warnings, reason)


async def _save(
    request: Request, data: dict[str, Any], warnings: list[MoveWarning], reason: str
) -> None:
    """Store the new move, or the revision of an objected one."""
    dest = Destination(**data["dest"])
    tmt = date.fromisoformat(str(data["tmt"]))
    await request.clear_state()
    if data.get("revise"):
        await plans_revise.revise(
            request, int(data["revise"]), dest, tmt, str(data["why"]), warnings, reason
        )
        return
    plan = await q.get_plan(request.session, int(data["plan_id"]))
    employee = await request.session.get(Employee, int(data["employee_id"]))
    assert employee is not None
    if plan is None or plan.status != st.PLAN_DRAFT:
        request.reply_key("plans.not_draft")
        return
    if await q.live_move_of_employee(request.session, plan.id, employee.id):
        request.reply_key("plans.already_in_plan", name=esc(employee.name))
        return
    move = await add_move(
        request.session, plan_id=plan.id, employee=employee, dest=dest, tmt=tmt,
        rationale=str(data["why"]), warnings=warnings, override_reason=reason,
        actor=_actor(request),
    )  # fmt: skip
    request.reply_key("plans.move_added", id=move.id, name=esc(employee.name))
    from handlers.plans import show_plan

    await show_plan(request, plan.id)


# -- the /kandidat entry point ------------------------------------------------------------


async def propose_move_from_candidate(request: Request, position_id: int, employee_id: int) -> None:
    """From /kandidat ("usulkan"): propose moving an employee to an open position.

    Adds to HR's latest draft plan after asking TMT and rationale; the button payload is
    ``rcn:usul:<position pk>:<employee id>``.
    """
    position = await request.session.get(Position, position_id)
    employee = await request.session.get(Employee, employee_id)
    drafts = await q.list_plans(request.session, [st.PLAN_DRAFT], limit=1)
    if position is None or employee is None:
        raise cb.CallbackDataError("unknown position or employee")
    if not drafts:
        request.reply_key("plans.no_draft_plan")
        return
    data = {
        "plan_id": drafts[0].id,
        "employee_id": employee.id,
        "dest": _dest_dict(destination_of(position)),
    }
    await request.set_state(FLOW, "tmt", data)
    request.reply_key(
        "plans.usul_intro", name=esc(employee.name), position=esc(position.title),
        unit=esc(position.unit_name), plan=esc(drafts[0].name),
    )  # fmt: skip
    request.reply_key("plans.ask_tmt", unit=esc(position.unit_name), position=esc(position.title))


# -- buttons ------------------------------------------------------------------------------


async def move_action(request: Request, data: cb.CallbackData) -> None:
    """Move-level buttons of /rencana (the plan-level ones are in handlers.plans)."""
    from handlers import plans_decree

    action = data.action
    if action == "add":
        plan = await q.get_plan(request.session, data.int_arg(0))
        if plan is None or plan.status != st.PLAN_DRAFT:
            request.reply_key("plans.not_draft")
            return
        await request.set_state(FLOW, "emp", {"plan_id": plan.id})
        request.reply_key("plans.ask_emp")
    elif action == "emp":
        state_data = await _state_data(request, "emp")
        employee = await request.session.get(Employee, data.int_arg(0))
        if state_data is None or employee is None:
            request.reply_key("common.stale_button")
            return
        await _ask_dest(request, state_data, employee)
    elif action == "usul":
        await propose_move_from_candidate(request, data.int_arg(0), data.int_arg(1))
    elif action == "moves":
        await _moves_page(request, data.int_arg(0), data.int_arg(1))
    elif action == "rev":
        await plans_revise.start_revision(request, data.int_arg(0))
    else:
        await plans_decree.decree_action(request, data)


async def _state_data(request: Request, step: str) -> dict[str, Any] | None:
    """The draft of the user's plan flow when at ``step``."""
    from storage.queries.conversation import get_state

    state = await get_state(request.session, request.telegram_id)
    if state is None or state.flow != FLOW or state.step != step:
        return None
    return dict(state.data)


async def _moves_page(request: Request, plan_id: int, page: int) -> None:
    """One page of move buttons of a plan."""
    rows = await q.move_rows(request.session, plan_id)
    chunk = rows[page * PAGE : (page + 1) * PAGE]
    buttons = [
        [(f"#{r.move.id} {r.employee.name[:30]} · "
          f"{request.t('plans.status', status=r.move.status)}",
          cb.build("rcn", "move", r.move.id))]
        for r in chunk
    ]  # fmt: skip
    nav = []
    if page > 0:
        nav.append((request.t("common.btn_prev"), cb.build("rcn", "moves", plan_id, page - 1)))
    if (page + 1) * PAGE < len(rows):
        nav.append((request.t("common.btn_next"), cb.build("rcn", "moves", plan_id, page + 1)))
    if nav:
        buttons.append(nav)
    buttons.append([(request.t("common.btn_back"), cb.build("rcn", "open", plan_id))])
    request.edit_or_reply(request.t("plans.moves_title", id=plan_id), keyboard(buttons))


def register_steps(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the steps of adding and revising a move."""
    from handlers import plans_decree

    flows = app.bot_data["services"].flows
    for step, fn in (
        ("emp", emp_step), ("dest", dest_step), ("tmt", tmt_step), ("why", why_step),
        ("override", override_step),
    ):  # fmt: skip
        flows.on(FLOW, step, fn)
    plans_decree.register_steps(app)
