"""HR review of aspirations: /rekap_aspirasi summary, filtered list, open, decide, export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.aspirations.export import summarize, to_csv, to_xlsx
from bot.aspirations.rules import (
    HR_NOTE_MAX_LEN,
    NOTE_REQUIRED,
    STORED_STATUSES,
    can,
    hr_actions_for,
)
from handlers.aspirations_common import (
    card,
    change_status,
    escape,
    now_of,
    status_label,
    window_line,
)
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import Aspiration, AspirationWindow, ConversationState, Employee
from storage.queries import aspirations as q
from storage.queries import audit

FLOW = "aspr"
PAGE = 8
TOP = 10
ALL = "all"


async def _window(request: Request) -> AspirationWindow | None:
    """The window HR works on: the open one, else the latest."""
    now = now_of(request)
    return await q.open_window(request.session, now) or await q.latest_window(request.session)


async def rekap_cmd(request: Request) -> None:
    """Counts of the window's aspirations by status, kind, reason and unit."""
    window = await _window(request)
    if window is None:
        request.reply_key("aspr.no_window")
        return
    s = summarize(await q.summary_items(request.session, window.id))
    loc = request.locale

    def block(
        title_key: str, items: list[tuple[str, int]], label: Callable[[str], str] = escape
    ) -> str:
        """One titled list of counts."""
        lines = [request.t(title_key)]
        for value, count in items[:TOP]:
            lines.append(f"• {label(value)}: {count}")
        return "\n".join(lines)

    parts = [
        request.t(
            "aspr.summary_head",
            window=window_line(request, window, now_of(request)),
            total=s.total,
            not_eligible=s.not_eligible,
        ),
        block("aspr.by_status", s.by_status, lambda v: request.t("asp.status", status=v)),
        block("aspr.by_kind", s.by_kind, lambda v: request.t("asp.kind", kind=v)),
        block("aspr.by_reason", s.by_reason, lambda v: request.t("asp.reason", reason=v)),
        block("aspr.by_unit", s.by_unit),
        block("aspr.by_target", s.by_target),
    ]
    del loc
    rows = [
        [(request.t("aspr.btn_list"), cb.build("aspr", "list", ALL, 0, 0))],
        [
            (request.t("aspr.btn_xlsx"), cb.build("aspr", "xlsx")),
            (request.t("aspr.btn_csv"), cb.build("aspr", "csv")),
        ],
    ]
    request.reply("\n\n".join(parts), keyboard(rows))


async def hr_callback(request: Request) -> None:
    """Every HR review button (the role was checked by the wrapper just now)."""
    data = request.button()
    request.answer()
    window = await _window(request)
    if window is None:
        request.reply_key("aspr.no_window")
        return
    if data.action == "list":
        status = data.arg(0)
        if status != ALL and status not in STORED_STATUSES:
            raise cb.CallbackDataError("unknown status")
        await _list(request, window, status, data.int_arg(1), data.int_arg(2))
    elif data.action == "filters":
        unit = data.int_arg(0)
        rows = [[(request.t("aspr.all_statuses"), cb.build("aspr", "list", ALL, unit, 0))]]
        rows += [
            [(status_label(request.locale, s), cb.build("aspr", "list", s, unit, 0))]
            for s in STORED_STATUSES
        ]
        request.reply(request.t("aspr.choose_status"), keyboard(rows))
    elif data.action == "units":
        status = data.arg(0)
        rows = [[(request.t("aspr.all_units"), cb.build("aspr", "list", status, 0, 0))]]
        rows += [
            [(f"{name[:40]} ({count})", cb.build("aspr", "list", status, uid, 0))]
            for uid, name, count in await q.units_with_aspirations(request.session, window.id)
        ]
        request.reply(request.t("aspr.choose_unit"), keyboard(rows))
    elif data.action == "open":
        await _open(request, data.int_arg(0))
    elif data.action == "act":
        await _act(request, data.int_arg(0), data.arg(1))
    elif data.action in ("xlsx", "csv"):
        await _export(request, window, data.action)
    else:
        raise cb.CallbackDataError("unknown action")


async def _list(
    request: Request, window: AspirationWindow, status: str, unit: int, page: int
) -> None:
    """One page of aspirations with filter and paging buttons."""
    page = max(0, page)
    items, total = await q.list_aspirations(
        request.session,
        window.id,
        status=None if status == ALL else status,
        unit_id=unit or None,
        offset=page * PAGE,
        limit=PAGE,
    )
    lines = [
        request.t("aspr.list_head", total=total, page=page + 1, pages=max(1, -(-total // PAGE)))
    ]
    rows: list[list[tuple[str, str]]] = []
    for n, (asp, emp) in enumerate(items, start=page * PAGE + 1):
        flag = " ⚠️" if not asp.eligible else ""
        lines.append(
            f"{n}. {asp.reference} — {escape(emp.name)} — "
            f"{status_label(request.locale, asp.status)}{flag}"
        )
        rows.append([(f"{n}. {asp.reference}", cb.build("aspr", "open", asp.id))])
    if not items:
        lines.append(request.t("aspr.list_empty"))
    nav = []
    if page > 0:
        nav.append((request.t("common.btn_prev"), cb.build("aspr", "list", status, unit, page - 1)))
    if (page + 1) * PAGE < total:
        nav.append((request.t("common.btn_next"), cb.build("aspr", "list", status, unit, page + 1)))
    if nav:
        rows.append(nav)
    rows.append(
        [
            (request.t("aspr.btn_filter_status"), cb.build("aspr", "filters", unit)),
            (request.t("aspr.btn_filter_unit"), cb.build("aspr", "units", status)),
        ]
    )
    request.reply("\n".join(lines), keyboard(rows))


async def _open(request: Request, aspiration_id: int) -> None:
    """One aspiration in full, with its history and the decisions HR may take."""
    aspiration = await request.session.get(Aspiration, aspiration_id)
    if aspiration is None:
        raise cb.CallbackDataError("no such aspiration")
    employee = await request.session.get(Employee, aspiration.employee_id)
    window = await request.session.get(AspirationWindow, aspiration.window_id)
    lines = [
        request.t(
            "aspr.employee_line",
            name=escape(employee.name if employee else "-"),
            nip=employee.nip if employee else "-",
            position=escape(employee.position_title if employee else "-"),
        ),
        card(request.locale, aspiration, window),
        request.t("asp.history_head"),
    ]
    for h in await q.history(request.session, aspiration.id):
        note = f" — {escape(h.note)}" if h.note else ""
        lines.append(
            request.t(
                "aspr.history_line",
                at=h.at.astimezone(request.settings.tz).strftime("%d-%m-%Y %H:%M"),
                actor=h.actor,
                action=request.t("asp.action", action=h.action),
                status=status_label(request.locale, h.to_status),
            )
            + note
        )
    rows = [
        [(request.t("aspr.btn", action=a), cb.build("aspr", "act", aspiration.id, a))]
        for a in hr_actions_for(aspiration.status)
    ]
    rows.append([(request.t("aspr.btn_back_list"), cb.build("aspr", "list", ALL, 0, 0))])
    request.reply("\n".join(lines), keyboard(rows))


async def _act(request: Request, aspiration_id: int, action: str) -> None:
    """Verify or accept now; return or reject after asking for the reason."""
    aspiration = await request.session.get(Aspiration, aspiration_id)
    if aspiration is None or action not in ("verify", "return", "accept", "reject"):
        raise cb.CallbackDataError("bad action")
    if not can(action, aspiration.status):
        request.reply_key(
            "aspr.not_now",
            ref=aspiration.reference or "-",
            status=status_label(request.locale, aspiration.status),
        )
        return
    if action in NOTE_REQUIRED:
        await request.set_state(FLOW, "note", {"id": aspiration.id, "action": action})
        request.reply_key(
            "aspr.ask_note", action=action, ref=aspiration.reference or "-", limit=HR_NOTE_MAX_LEN
        )
        return
    await _decide(request, aspiration, action, "")


async def _decide(request: Request, aspiration: Aspiration, action: str, note: str) -> None:
    """Apply the decision and confirm it to HR."""
    new_status = await change_status(request, aspiration, action, note)
    request.reply_key(
        "aspr.done",
        ref=aspiration.reference or "-",
        status=status_label(request.locale, new_status),
    )


async def note_step(request: Request, state: ConversationState) -> None:
    """The reason typed for returning or rejecting an aspiration."""
    if not request.has_role("hr"):
        await request.clear_state()
        request.reply_key("common.not_allowed")
        return
    note = expect_text(request, max_len=HR_NOTE_MAX_LEN)
    if note is None:
        return
    await request.clear_state()
    aspiration = await request.session.get(Aspiration, int(state.data.get("id", 0)))
    action = str(state.data.get("action", ""))
    if aspiration is None or not can(action, aspiration.status):
        request.reply_key("common.stale_button")
        return
    await _decide(request, aspiration, action, note)


async def _export(request: Request, window: AspirationWindow, fmt: str) -> None:
    """Send the window's aspirations as an XLSX or CSV document."""
    records = await q.export_records(request.session, window)
    tz = request.settings.tz
    data = to_xlsx(records, tz) if fmt == "xlsx" else to_csv(records, tz)
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "aspiration.exported",
        "aspiration_window",
        window.id,
        format=fmt,
        rows=len(records),
    )
    request.send_document(
        data,
        f"aspirasi-{window.id}.{fmt}",
        request.t("aspr.export_caption", name=escape(window.name), rows=len(records)),
    )


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /rekap_aspirasi, the review buttons and the note step."""
    add_command(
        app,
        "rekap_aspirasi",
        rekap_cmd,
        description_key="cmd.rekap_aspirasi",
        menu_key="menu.rekap_aspirasi",
        roles=("hr",),
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=("hr",))(hr_callback), pattern=cb.pattern("aspr"))
    )
    app.bot_data["services"].flows.on(FLOW, "note", note_step)
