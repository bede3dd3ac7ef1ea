"""/audit_rencana: HR and approvers read and export a plan's audit trail (read-only).

Also HR's XLSX export of a plan (moves, answers and the trail). There is no edit path:
the trail is only ever appended to by the plan services.
"""

from __future__ import annotations

import functools
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.paging import paginate
from bot.plans import buttons as b
from bot.plans import views
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.dates import shown_time
from handlers.paging import show_page
from handlers.plans_common import HR, esc
from handlers.request import Request

ROLES = ("hr", "approver")


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
    """The plan's trail in chat, latest page first, and the full trail as XLSX."""
    request.answer()
    trail = await _trail_page(request, data.plan_id, -1, edit=False)
    request.send_document(trail, f"audit-rencana-{data.plan_id}.xlsx")


async def audit_page_pressed(request: Request, data: b.AuditPage) -> None:
    """Another page of the plan's trail."""
    request.answer()
    await _trail_page(request, data.plan_id, data.page, edit=True)


async def _trail_page(request: Request, plan_id: int, page: int, *, edit: bool) -> bytes:
    """Show one page of the trail (oldest entry first); return the XLSX copy (first view only)."""
    trail = await views.audit_trail(
        request.session, request.telegram_id, plan_id, request.locale, with_file=not edit
    )
    if trail is None:
        raise CallbackDataError("unknown plan")
    title = request.t("plans.audit_title", id=plan_id, count=len(trail.entries))
    lines = []
    for e in trail.entries:
        why = views.audit_reason(request.locale, e)
        actor, action, entity = views.audit_words(request.locale, e, trail.actors)
        line = request.t(
            "plans.audit_line", at=shown_time(request, e.at), actor=esc(actor),
            action=esc(action), entity=esc(entity),
        )  # fmt: skip
        lines.append(line + (f" — {esc(why)}" if why else ""))
    pages = paginate(title, [OutgoingMessage(line) for line in lines], separator="\n")
    show_page(request, pages, page, functools.partial(b.AuditPage, plan_id), edit=edit)
    return trail.xlsx


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
    add_button(app, b.AuditPage, audit_page_pressed, roles=ROLES)
    add_button(app, b.ExportPlan, export_pressed, roles=HR)
