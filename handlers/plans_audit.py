"""/audit_rencana: HR and approvers read and export a plan's audit trail (read-only).

Also HR's XLSX export of a plan (moves, answers and the trail). There is no edit path:
the trail is only ever appended to by the plan services.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import views
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.plans_common import HR, esc
from handlers.request import Request

ROLES = ("hr", "approver")
AUDIT_SHOWN = 25


def audit_button(request: Request, plan_id: int) -> Button:
    """The button that opens a plan's trail (for HR's and approvers' cards)."""
    return Button(request.t("plans.btn_audit"), b.ShowAudit(plan_id))


async def audit_rencana_cmd(request: Request) -> None:
    """Recent plans, one button each, to read their trail."""
    plans = await views.recent_plans(request.session)
    if not plans:
        request.reply_key("plans.aud_none")
        return
    rows = tuple((Button(f"#{p.id} {p.name[:45]}", b.ShowAudit(p.id)),) for p in plans)
    request.send(OutgoingMessage(request.t("plans.aud_pick"), rows))


async def audit_pressed(request: Request, data: b.ShowAudit) -> None:
    """The latest audit entries of the plan in chat, the full trail as XLSX."""
    request.answer()
    trail = await views.audit_trail(
        request.session, request.telegram_id, data.plan_id, request.locale
    )
    if trail is None:
        raise CallbackDataError("unknown plan")
    lines = [request.t("plans.audit_title", id=data.plan_id, count=len(trail.entries))]
    tz = request.settings.tz
    for e in trail.entries[-AUDIT_SHOWN:]:
        why = views.audit_reason(request.locale, e)
        actor, action, entity = views.audit_words(request.locale, e, trail.actors)
        at = e.at.astimezone(tz).strftime("%d-%m %H:%M")
        line = request.t("plans.audit_line", at=at, actor=esc(actor), action=esc(action),
                         entity=esc(entity))  # fmt: skip
        lines.append(line + (f" — {esc(why)}" if why else ""))
    request.reply("\n".join(lines))
    request.send_document(trail.xlsx, f"audit-rencana-{data.plan_id}.xlsx")


async def export_pressed(request: Request, data: b.ExportPlan) -> None:
    """The plan's moves and answers as an XLSX document (HR)."""
    request.answer()
    payload = await views.export_plan(
        request.session, request.telegram_id, data.plan_id, request.locale
    )
    if payload is None:
        raise CallbackDataError("unknown plan")
    request.send_document(
        payload, f"rencana-{data.plan_id}.xlsx", request.t("plans.export_caption")
    )


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /audit_rencana, the trail button (HR, approvers) and the export (HR)."""
    add_command(
        app,
        "audit_rencana",
        audit_rencana_cmd,
        roles=ROLES,
        description_key="cmd.audit_rencana",
        menu_key="menu.audit_rencana",
    )
    add_button(app, b.ShowAudit, audit_pressed, roles=ROLES)
    add_button(app, b.ExportPlan, export_pressed, roles=HR)
