"""/terjadwal (list and cancel scheduled announcements) and /laporan_kirim (figures, XLSX)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.delivery import service as broadcasts
from bot.delivery import service_report as report
from bot.delivery.buttons import CancelBroadcast, ExportBroadcastReport, ShowBroadcastReport
from bot.delivery.compose import shown_text
from bot.messages import Button, OutgoingMessage, rows
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.dates import shown_time
from handlers.request import Request, escape_html
from storage.models.delivery import Broadcast

HR = ("hr",)
STATUS_KEYS = {
    "draft": "bc.status_draft",
    "scheduled": "bc.status_scheduled",
    "queued": "bc.status_queued",
    "sending": "bc.status_sending",
    "done": "bc.status_done",
    "cancelled": "bc.status_cancelled",
    "missed": "bc.status_missed",
}


def _local(request: Request, broadcast: Broadcast, scheduled: bool = False) -> str:
    """Creation (or scheduled) time in the configured zone."""
    when = broadcast.scheduled_at if scheduled and broadcast.scheduled_at else broadcast.created_at
    return shown_time(request, when)


async def scheduled_cmd(request: Request) -> None:
    """List scheduled announcements with a cancel button each."""
    waiting = await broadcasts.scheduled_broadcasts(request.session)
    if not waiting:
        request.reply_key("bc.scheduled_none")
        return
    lines = [request.t("bc.scheduled_title")]
    buttons = []
    for b in waiting:
        preview = escape_html(shown_text(b.text)[:60].replace("\n", " "))
        lines.append(
            request.t("bc.scheduled_line", id=b.id, at=_local(request, b, True), text=preview)
        )
        label = request.t("bc.btn_cancel_item", id=b.id)
        buttons.append((Button(label, CancelBroadcast(b.id)),))
    request.send(OutgoingMessage("\n".join(lines), tuple(buttons)))


async def report_cmd(request: Request) -> None:
    """Figures of the latest announcements, or of one (``/laporan_kirim ID``)."""
    args = request.context.args or []
    if args and args[0].isdigit():
        await _detail(request, int(args[0]))
        return
    latest = await report.recent(request.session)
    if not latest:
        request.reply_key("bc.report_none")
        return
    lines = [request.t("bc.report_title")]
    buttons = []
    for found in latest:
        b, stats = found.broadcast, found.stats
        lines.append(
            request.t(
                "bc.report_line",
                id=b.id,
                status=request.t(STATUS_KEYS.get(b.status, "bc.status_other")),
                created=_local(request, b),
                sent=stats.sent,
                total=stats.total,
                failed=stats.failed,
                unreachable=stats.unreachable,
                pending=stats.pending,
            )
        )
        buttons.append((Button(request.t("bc.btn_detail", id=b.id), ShowBroadcastReport(b.id)),))
    request.send(OutgoingMessage("\n".join(lines), tuple(buttons)))


async def _detail(request: Request, broadcast_id: int) -> None:
    """All figures of one announcement, its failure reasons and the XLSX button."""
    found = await report.figures(request.session, broadcast_id)
    if found is None:
        request.reply_key("bc.not_found", id=broadcast_id)
        return
    stats = found.stats
    text = request.t(
        "bc.report_detail", id=broadcast_id,
        status=request.t(STATUS_KEYS.get(found.broadcast.status, "bc.status_other")),
        created=_local(request, found.broadcast), total=stats.total, sent=stats.sent,
        failed=stats.failed, unreachable=stats.unreachable, uncertain=stats.uncertain,
        pending=stats.pending, cancelled=stats.cancelled,
    )  # fmt: skip
    if found.reasons():
        text += "\n\n" + request.t("bc.report_reasons") + "\n"
        text += "\n".join(f"• {escape_html(r)}: {c}" for r, c in found.reasons())
    export = Button(request.t("bc.btn_xlsx", id=broadcast_id), ExportBroadcastReport(broadcast_id))
    request.send(OutgoingMessage(text, rows([export])))


async def cancel_pressed(request: Request, data: CancelBroadcast) -> None:
    """Cancel a scheduled announcement (only while it is still waiting)."""
    request.answer()
    result = await broadcasts.cancel_scheduled(
        request.session, request.now(), request.telegram_id, data.broadcast_id
    )
    if not result.ok:
        request.reply_key("bc.not_cancellable", id=data.broadcast_id)
        return
    request.edit_or_reply(request.t("bc.cancelled", id=data.broadcast_id))


async def report_pressed(request: Request, data: ShowBroadcastReport) -> None:
    """Show one announcement's figures."""
    request.answer()
    await _detail(request, data.broadcast_id)


async def export_pressed(request: Request, data: ExportBroadcastReport) -> None:
    """Send the XLSX of one announcement's figures and failures."""
    request.answer()
    content = await report.export(
        request.session, request.telegram_id, data.broadcast_id, request.t
    )
    if content is None:
        request.reply_key("bc.not_found", id=data.broadcast_id)
        return
    caption = request.t("bc.xlsx_caption", id=data.broadcast_id)
    request.send_document(content, f"laporan-pengumuman-{data.broadcast_id}.xlsx", caption)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /terjadwal, /laporan_kirim and their buttons."""
    add_command(
        app,
        "terjadwal",
        scheduled_cmd,
        roles=HR,
        description_key="cmd.terjadwal",
        menu_key="menu.terjadwal",
    )
    add_command(
        app,
        "laporan_kirim",
        report_cmd,
        roles=HR,
        description_key="cmd.laporan_kirim",
        menu_key="menu.laporan_kirim",
    )
    add_button(app, CancelBroadcast, cancel_pressed, roles=HR)
    add_button(app, ShowBroadcastReport, report_pressed, roles=HR)
    add_button(app, ExportBroadcastReport, export_pressed, roles=HR)
