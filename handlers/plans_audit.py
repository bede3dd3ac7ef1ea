"""/audit_rencana: HR and approvers read and export a plan's audit trail (read-only).

Also HR's XLSX export of a plan (moves, answers and the trail).

There is no edit path: the trail is only ever appended to by the plan handlers.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.plans.export import workbook
from handlers.base import handler
from handlers.commands import add_command
from handlers.plans_common import esc, fmt_date
from handlers.request import Request, keyboard
from storage.models import AuditEntry
from storage.queries import audit
from storage.queries import plans as q

ROLES = ("hr", "approver")
AUDIT_SHOWN = 25
EXPORT_COLUMNS = (
    "id", "nip", "name", "from_unit", "from_position", "to_unit", "to_position", "tmt",
    "rationale", "warnings", "override", "status", "version", "decision_note", "answer",
    "category", "answer_text", "kept", "overdue", "questions", "sk", "sk_tmt",
)  # fmt: skip


def audit_sheet(request: Request, entries: list[AuditEntry]) -> tuple[str, list[str], list[Any]]:
    """The audit trail as a sheet: when, who, what, on what, details."""
    header = [
        request.t("plans.audit_col", column=c)
        for c in ("at", "actor", "action", "entity", "details")
    ]
    rows = [
        [e.at.isoformat(), e.actor, e.action, f"{e.entity}#{e.entity_id}", str(e.details)]
        for e in entries
    ]
    return request.t("plans.sheet_audit"), header, rows


async def send_audit(request: Request, plan_id: int) -> None:
    """The latest audit entries of the plan in chat, the full trail as XLSX."""
    if await q.get_plan(request.session, plan_id) is None:
        raise cb.CallbackDataError("unknown plan")
    entries = await q.plan_audit(request.session, plan_id)
    lines = [request.t("plans.audit_title", id=plan_id, count=len(entries))]
    tz = request.settings.tz
    for e in entries[-AUDIT_SHOWN:]:
        why = e.details.get("reason") or e.details.get("note") or ""
        lines.append(
            f"{e.at.astimezone(tz).strftime('%d-%m %H:%M')} {esc(e.actor)} "
            f"{esc(e.action)} {e.entity}#{e.entity_id}" + (f" — {esc(why)}" if why else "")
        )
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "plan.audit_read", "plan", plan_id
    )
    request.reply("\n".join(lines))
    request.send_document(
        workbook([audit_sheet(request, entries)]), f"audit-rencana-{plan_id}.xlsx"
    )


def export_row(request: Request, r: q.MoveRow) -> list[object]:
    """One XLSX row of a move."""
    m = r.move
    return [
        m.id, r.employee.nip, r.employee.name, r.from_unit, m.from_position, r.to_unit,
        m.to_position, fmt_date(m.proposed_tmt), m.rationale, ", ".join(m.warnings or []),
        m.override_reason, request.t("plans.status", status=m.status), m.version, m.decision_note,
        request.t("plans.answer", answer=m.answer) if m.answer else "",
        request.t("plans.cat", category=m.answer_category) if m.answer_category else "",
        m.answer_text, m.kept_reason, "✓" if m.overdue else "", r.open_questions,
        m.decree_number, fmt_date(m.decree_tmt) if m.decree_tmt else "",
    ]  # fmt: skip


async def export_plan(request: Request, plan_id: int) -> None:
    """The plan's moves and answers as an XLSX document."""
    plan = await q.get_plan(request.session, plan_id)
    if plan is None:
        raise cb.CallbackDataError("unknown plan")
    rows = await q.move_rows(request.session, plan_id)
    header = [request.t("plans.col", column=c) for c in EXPORT_COLUMNS]
    data = [export_row(request, r) for r in rows]
    entries = await q.plan_audit(request.session, plan_id)
    trail = audit_sheet(request, entries)
    payload = workbook([(request.t("plans.sheet_moves"), header, data), trail])
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "plan.exported", "plan", plan_id
    )
    request.send_document(payload, f"rencana-{plan_id}.xlsx", request.t("plans.export_caption"))


def audit_button(request: Request, plan_id: int) -> tuple[str, str]:
    """The button that opens a plan's trail (for HR's and approvers' cards)."""
    return request.t("plans.btn_audit"), cb.build("aud", "show", plan_id)


async def audit_rencana_cmd(request: Request) -> None:
    """Recent plans, one button each, to read their trail."""
    plans = await q.list_plans(request.session)
    if not plans:
        request.reply_key("plans.aud_none")
        return
    rows = [[(f"#{p.id} {p.name[:45]}", cb.build("aud", "show", p.id))] for p in plans]
    request.reply(request.t("plans.aud_pick"), keyboard(rows))


async def aud_callback(request: Request) -> None:
    """Show one plan's trail (HR and approvers)."""
    data = request.button()
    if data.action != "show":
        raise cb.CallbackDataError("unknown action")
    request.answer()
    await send_audit(request, data.int_arg(0))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /audit_rencana and its buttons."""
    add_command(
        app,
        "audit_rencana",
        audit_rencana_cmd,
        description_key="cmd.audit_rencana",
        menu_key="menu.audit_rencana",
        roles=ROLES,
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=ROLES)(aud_callback), pattern=cb.pattern("aud"))
    )
