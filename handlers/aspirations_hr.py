"""HR review of aspirations: /rekap_aspirasi summary, filtered list, open, decide, export.

Every button is HR-only (checked when pressed); decisions go through
``bot.aspirations.review.decide``, which queues the employee's notice in the outbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from telegram.ext import Application

from bot.aspirations import buttons as b
from bot.aspirations import review
from bot.aspirations.labels import (
    ACTION_KEYS,
    DECISION_BUTTON_KEYS,
    KIND_KEYS,
    REASON_KEYS,
    STATUS_KEYS,
)
from bot.aspirations.rules import can
from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage, rows
from handlers import aspirations_decide as decide
from handlers.aspirations_common import (
    escape,
    status_label,
    window_line,
)
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.dates import shown_time
from handlers.request import Request
from storage.models import Aspiration

PAGE = 8
TOP = 10
HR = ("hr",)


async def rekap_cmd(request: Request) -> None:
    """Counts of the window's aspirations by status, kind, reason and unit."""
    view = await review.summary(request.session, request.now())
    if view is None:
        request.reply_key("aspr.no_window")
        return
    s = view.summary

    def block(title_key: str, items: list[tuple[str, int]], labels: Mapping[str, str]) -> str:
        """One titled list of counts."""
        lines = [request.t(title_key)]
        for value, count in items[:TOP]:
            label = request.t(labels[value]) if value in labels else escape(value)
            lines.append(f"• {label}: {count}")
        return "\n".join(lines)

    head = request.t(
        "aspr.summary_head",
        window=window_line(request, view.window, request.now()),
        total=s.total,
        not_eligible=s.not_eligible,
    )
    parts = [
        head,
        block("aspr.by_status", s.by_status, STATUS_KEYS),
        block("aspr.by_kind", s.by_kind, KIND_KEYS),
        block("aspr.by_reason", s.by_reason, REASON_KEYS),
        block("aspr.by_unit", s.by_unit, {}),
        block("aspr.by_target", s.by_target, {}),
    ]
    buttons = rows(
        [Button(request.t("aspr.btn_list"), b.ListAspirations(b.ALL_STATUSES, 0, 0))],
        [
            Button(request.t("aspr.btn_xlsx"), b.ExportAspirations("xlsx")),
            Button(request.t("aspr.btn_csv"), b.ExportAspirations("csv")),
        ],
    )
    request.send(OutgoingMessage("\n\n".join(parts), buttons))


async def list_pressed(request: Request, data: b.ListAspirations) -> None:
    """One page of aspirations with filter and paging buttons."""
    request.answer()
    view = await review.page(
        request.session, request.now(), data.status, data.unit_id, data.page, PAGE
    )
    if view is None:
        request.reply_key("aspr.no_window")
        return
    head = request.t("aspr.list_head", total=view.total, page=view.page + 1, pages=view.pages)
    lines, buttons = [head], []
    for n, (asp, emp) in enumerate(view.items, start=view.page * PAGE + 1):
        flag = " ⚠️" if not asp.eligible else ""
        status = status_label(request, asp.status)
        lines.append(f"{n}. {asp.reference} — {escape(emp.name)} — {status}{flag}")
        buttons.append([Button(f"{n}. {asp.reference}", b.OpenAspiration(asp.id))])
    if not view.items:
        lines.append(request.t("aspr.list_empty"))
    nav = []
    if view.page > 0:
        previous = b.ListAspirations(data.status, data.unit_id, view.page - 1)
        nav.append(Button(request.t("common.btn_prev"), previous))
    if (view.page + 1) * PAGE < view.total:
        following = b.ListAspirations(data.status, data.unit_id, view.page + 1)
        nav.append(Button(request.t("common.btn_next"), following))
    filters = [
        Button(request.t("aspr.btn_filter_status"), b.FilterStatus(data.unit_id)),
        Button(request.t("aspr.btn_filter_unit"), b.FilterUnit(data.status)),
    ]
    request.send(OutgoingMessage("\n".join(lines), rows(*buttons, nav, filters)))


async def filter_status_pressed(request: Request, data: b.FilterStatus) -> None:
    """Choose the status to list (the unit filter is kept)."""
    request.answer()
    if await review.current_window(request.session, request.now()) is None:
        request.reply_key("aspr.no_window")
        return
    unit = data.unit_id
    choices = [[Button(request.t("aspr.all_statuses"), b.ListAspirations(b.ALL_STATUSES, unit, 0))]]
    choices += [
        [Button(status_label(request, s), b.ListAspirations(s, unit, 0))] for s in b.STATUS_VALUES
    ]
    request.send(OutgoingMessage(request.t("aspr.choose_status"), rows(*choices)))


async def filter_unit_pressed(request: Request, data: b.FilterUnit) -> None:
    """Choose the current unit to list (the status filter is kept)."""
    request.answer()
    units = await review.units(request.session, request.now())
    if units is None:
        request.reply_key("aspr.no_window")
        return
    status = data.status
    choices = [[Button(request.t("aspr.all_units"), b.ListAspirations(status, 0, 0))]]
    choices += [
        [Button(f"{name[:40]} ({count})", b.ListAspirations(status, uid, 0))]
        for uid, name, count in units
    ]
    request.send(OutgoingMessage(request.t("aspr.choose_unit"), rows(*choices)))


async def open_pressed(request: Request, data: b.OpenAspiration) -> None:
    """One aspiration in full, with its history and the decisions HR may take."""
    view = await review.detail(request.session, data.aspiration_id, request.locale)
    if view is None:
        raise CallbackDataError("no such aspiration")
    request.answer()
    lines = [*decide.summary_lines(request, view), request.t("asp.history_head")]
    for h in view.history:
        note = f" — {escape(h.note)}" if h.note else ""
        line = request.t(
            "aspr.history_line",
            at=shown_time(request, h.at),
            actor=escape(view.actors.get(h.actor, h.actor)),
            action=request.t(ACTION_KEYS[h.action]),
            status=status_label(request, h.to_status),
        )
        lines.append(line + note)
    aspiration_id = view.aspiration.id
    choices = [
        [Button(request.t(DECISION_BUTTON_KEYS[a]), b.DecideAspiration(aspiration_id, a))]
        for a in b.DECISION_VALUES
        if a in view.decisions
    ]
    choices += _to_plan(request, view.aspiration)
    back = Button(request.t("aspr.btn_back_list"), b.ListAspirations(b.ALL_STATUSES, 0, 0))
    request.send(OutgoingMessage("\n".join(lines), rows(*choices, [back])))


def _to_plan(request: Request, aspiration: Aspiration) -> list[list[Button]]:
    """One "into a plan" button per choice of an accepted (or not taken) aspiration."""
    if not can("include", aspiration.status):
        return []
    return [
        [Button(request.t("aspp.btn_plan", n=n, unit=str(p.get("unit") or "-")[:25],
                          position=str(p.get("position") or "…")[:25]),
                b.PlanAspiration(aspiration.id, n))]
        for n, p in enumerate(aspiration.preferences or [], start=1)
    ]  # fmt: skip


async def export_pressed(request: Request, data: b.ExportAspirations) -> None:
    """Send the window's aspirations as an XLSX or CSV document."""
    request.answer()
    window = await review.current_window(request.session, request.now())
    if window is None:
        request.reply_key("aspr.no_window")
        return
    exported = await review.export(
        request.session, request.telegram_id, window, data.fmt, request.settings.tz
    )
    caption = request.t(
        "aspr.export_caption", name=escape(exported.window_name), rows=exported.rows
    )
    request.send_document(exported.data, exported.filename, caption)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /rekap_aspirasi, the review buttons and the note step."""
    add_command(
        app,
        "rekap_aspirasi",
        rekap_cmd,
        roles=HR,
        description_key="cmd.rekap_aspirasi",
        menu_key="menu.rekap_aspirasi",
    )
    add_button(app, b.ListAspirations, list_pressed, roles=HR)
    add_button(app, b.FilterStatus, filter_status_pressed, roles=HR)
    add_button(app, b.FilterUnit, filter_unit_pressed, roles=HR)
    add_button(app, b.OpenAspiration, open_pressed, roles=HR)
    add_button(app, b.ExportAspirations, export_pressed, roles=HR)
    decide.register(app)
