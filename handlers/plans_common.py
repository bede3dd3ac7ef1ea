"""Shared pieces of the plan handlers: the HR conversation, the plan card, small renderers.

Every module of the plans family imports this one (never each other sideways), so the
plan card shown after adding a move and the one opened from /rencana are the same code.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram.ext import Application

from bot.aspirations.planning import asked_text
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import labels, service_moves, views
from bot.plans import status as st
from bot.plans.dates import fmt_date
from bot.plans.service import Blocked, Destination
from bot.plans.service_moves import Proposal
from bot.rules.render import problem_lines, unmet_text
from bot.rules.service import Judgement
from bot.workload.buttons import ShowWorkload
from handlers.context import services_of
from handlers.dates import date_example
from handlers.flows import FlowSpec, expect_text
from handlers.request import Request, inline_markup
from handlers.request import escape_html as esc
from storage.models import ConversationState, PlanMove

FLOW = "plan"
HR = ("hr",)
TEXT_MAX = 500
EMPLOYEE, DEST, TMT = "emp", "dest", "tmt"  # steps of adding a move
BLOCKED_SHOWN = 6  # moves listed when rules block a submission (a message holds 4096 chars)

__all__ = ["FLOW", "HR", "TEXT_MAX", "esc", "fmt_date", "plan_flow", "show_plan"]


def plan_flow(app: Application[Any, Any, Any, Any, Any, Any]) -> FlowSpec:
    """HR's conversation of plans and moves (every step is for HR)."""
    return services_of(app).flows.flow(FLOW, roles=HR)


def wake_outbox(request: Request) -> None:
    """Wake the outbox worker once the transaction has committed."""
    outbox = request.services.outbox

    async def wake() -> None:
        """Tell the worker new rows are committed."""
        outbox.wake()

    request.later(wake)


async def continue_proposal(request: Request, found: Proposal) -> None:
    """A /kandidat proposal in a draft plan: say what is proposed and ask its TMT."""
    dest = found.dest
    draft = {"plan_id": found.plan.id, "employee_id": found.employee.id, "dest": dest_dict(dest)}
    await request.set_state(FLOW, TMT, draft)
    request.reply_key(
        "plans.usul_intro", name=esc(found.employee.name), position=esc(dest.position),
        unit=esc(dest.unit_name), plan=esc(found.plan.name),
    )  # fmt: skip
    request.reply_key(
        "plans.ask_tmt", unit=esc(dest.unit_name), position=esc(dest.position),
        example=date_example(request),
    )  # fmt: skip


async def ask_tmt(request: Request, data: dict[str, Any], dest: Destination) -> None:
    """Say which rules the move would break today (before TMT and reason are typed) and
    whether the employee asked for this destination; ask the TMT (the rules are judged
    again on it)."""
    employee_id = int(data["employee_id"])
    ahead = await service_moves.check_move(
        request.session, request.settings, employee_id, dest, request.today(),
        data.get("revise"),
    )  # fmt: skip
    if ahead.problems:
        request.reply_key("plans.warnings_ahead", lines=problem_lines(request.locale, ahead))
    asked = await service_moves.asked(request.session, employee_id, dest)
    if asked is not None and "aspiration" not in data:  # (started from it: already said)
        request.reply(asked_text(request.locale, asked))
    request.reply_key(
        "plans.ask_tmt", unit=esc(dest.unit_name), position=esc(dest.position),
        example=date_example(request),
    )  # fmt: skip


def asked_line(request: Request, move: PlanMove) -> str:
    """ "Requested by the employee (choice N)" on a line of its own, for a move made of the
    employee's aspiration; "" otherwise."""
    if move.aspiration_id is None:
        return ""
    return "\n" + request.t("plans.asked_by_employee", choice=move.aspiration_choice or 1)


ReasonThen = Callable[[Request, dict[str, Any], str], Awaitable[None]]


def reason_step(then: ReasonThen) -> Callable[[Request, ConversationState], Awaitable[None]]:
    """A step that takes the written reason for going ahead despite the rules shown, then
    calls ``then(request, draft, reason)``."""

    async def step(request: Request, state: ConversationState) -> None:
        """Take the reason (at most TEXT_MAX characters) and go ahead with it."""
        reason = expect_text(request, max_len=TEXT_MAX)
        if reason is not None:
            await then(request, state.data, reason)

    return step


def ask_override(request: Request, judgement: Judgement) -> None:
    """Show the rules not met (each with the date judged on) and ask the written reason."""
    request.reply(unmet_text(request.locale, judgement) + "\n\n" + request.t("rules.ask_reason"))


def ask_blocked_moves(request: Request, blocked: tuple[Blocked, ...]) -> None:
    """Each move whose rules block the submission, then ask HR's written reason."""
    parts = [
        request.t("rules.move_title", id=item.move_id, name=esc(item.employee_name))
        + "\n" + unmet_text(request.locale, item.judgement)
        for item in blocked[:BLOCKED_SHOWN]
    ]  # fmt: skip
    if len(blocked) > BLOCKED_SHOWN:
        parts.append(request.t("rules.more_moves", count=len(blocked) - BLOCKED_SHOWN))
    request.reply("\n\n".join([*parts, request.t("rules.ask_reason")]))


def with_rules(request: Request, text: str, judgement: Judgement | None) -> str:
    """``text`` followed by the warnings and overridden rules of the decision, if any."""
    if judgement is None or not judgement.problems:
        return text
    return text + "\n\n" + problem_lines(request.locale, judgement)


def dest_dict(dest: Destination) -> dict[str, Any]:
    """A destination as JSON-friendly draft data."""
    return {"unit_id": dest.unit_id, "unit_name": dest.unit_name, "position": dest.position,
            "position_ref": dest.position_ref, "leaves_agency": dest.leaves_agency}  # fmt: skip


def move_line(request: Request, row: views.MoveRow) -> str:
    """One move of the plan card."""
    move = row.move
    answer = f" · {request.t(labels.ANSWER[move.answer])}" if move.answer else ""
    flag = " ⚠️" if move.warnings else ""
    return request.t(
        "plans.move_line", id=move.id, name=esc(row.employee.name), src=esc(row.from_unit),
        dst=esc(row.to_unit), status=request.t(labels.MOVE_STATUS[move.status]),
    ) + answer + flag  # fmt: skip


def card_buttons(request: Request, card: views.PlanCard) -> list[list[Button]]:
    """The actions the plan's status allows."""
    plan, rows, t = card.plan, card.rows, request.t
    buttons: list[list[Button]] = []
    if plan.status == st.PLAN_DRAFT:
        buttons.append([Button(t("plans.btn_add"), b.AddMove(plan.id))])
        if rows:
            buttons.append([Button(t("plans.btn_submit"), b.SubmitPlan(plan.id))])
    if plan.status == st.PLAN_ACTIVE and any(r.move.status == st.APPROVED for r in rows):
        buttons.append([Button(t("plans.btn_consult"), b.StartConsultation(plan.id))])
    if rows:
        buttons += [
            [Button(t("plans.btn_moves"), b.MovesPage(plan.id, 0))],
            [Button(t("plans.btn_summary"), b.PlanSummary(plan.id)),
             Button(t("plans.btn_xlsx"), b.ExportPlan(plan.id))],
            [Button(t("plans.btn_audit"), b.ShowAudit(plan.id)),
             Button(t("plans.btn_workload"), ShowWorkload(plan.id))],
        ]  # fmt: skip
    if plan.status != st.PLAN_CANCELLED:
        buttons.append([Button(t("plans.btn_cancel_plan"), b.CancelPlan(plan.id))])
    return buttons


async def show_plan(request: Request, plan_id: int, *, edit: bool = False) -> None:
    """The plan card: status, moves, and the actions its status allows."""
    card = await views.plan_card(request.session, plan_id)
    if card is None:
        request.reply_key("common.stale_button")
        return
    plan = card.plan
    status = request.t(labels.PLAN_STATUS[plan.status])
    lines = [request.t("plans.card", id=plan.id, name=esc(plan.name), status=status)]
    lines += [move_line(request, r) for r in card.rows] or [request.t("plans.no_moves")]
    message = OutgoingMessage("\n".join(lines), tuple(map(tuple, card_buttons(request, card))))
    if edit:
        request.edit_or_reply(message.text, inline_markup(message))
    else:
        request.send(message)
