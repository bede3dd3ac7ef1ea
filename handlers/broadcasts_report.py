"""/terjadwal (list and cancel scheduled announcements) and /laporan_kirim (figures, XLSX)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.delivery.report_xlsx import build_report
from handlers.base import handler
from handlers.commands import add_command
from handlers.request import Request, escape_html, keyboard
from storage.models import Broadcast
from storage.queries import delivery as dq

PREFIX = "bcr"
HR = ("hr",)
REPORT_LIMIT = 10
FMT = "%Y-%m-%d %H:%M"


def _local(request: Request, broadcast: Broadcast, scheduled: bool = False) -> str:
    """Creation (or scheduled) time in the configured zone."""
    when = broadcast.scheduled_at if scheduled and broadcast.scheduled_at else broadcast.created_at
    return when.astimezone(request.settings.tz).strftime(FMT)


async def scheduled_cmd(request: Request) -> None:
    """List scheduled announcements with a cancel button each."""
    rows = await dq.list_broadcasts(request.session, ("scheduled",), limit=30)
    if not rows:
        request.reply_key("bc.scheduled_none")
        return
    lines = [request.t("bc.scheduled_title")]
    buttons = []
    for b in sorted(rows, key=lambda b: (b.scheduled_at or b.created_at, b.id)):
        preview = escape_html(b.text[:60].replace("\n", " "))
        lines.append(
            request.t("bc.scheduled_line", id=b.id, at=_local(request, b, True), text=preview)
        )
        buttons.append(
            [(request.t("bc.btn_cancel_item", id=b.id), cb.build(PREFIX, "cancel", b.id))]
        )
    request.reply("\n".join(lines), keyboard(buttons))


async def report_cmd(request: Request) -> None:
    """Figures of the latest announcements, or of one (``/laporan_kirim ID``)."""
    args = request.context.args or []
    if args and args[0].isdigit():
        await _detail(request, int(args[0]))
        return
    rows = await dq.list_broadcasts(request.session, limit=REPORT_LIMIT)
    if not rows:
        request.reply_key("bc.report_none")
        return
    lines = [request.t("bc.report_title")]
    buttons = []
    for b in rows:
        stats = await dq.broadcast_stats(request.session, b.id)
        lines.append(
            request.t(
                "bc.report_line",
                id=b.id,
                status=b.status,
                created=_local(request, b),
                sent=stats.sent,
                total=stats.total,
                failed=stats.failed,
                unreachable=stats.unreachable,
                pending=stats.pending,
            )
        )
        buttons.append([(request.t("bc.btn_detail", id=b.id), cb.build(PREFIX, "rep", b.id))])
    request.reply("\n".join(lines), keyboard(buttons))


async def _detail(request: Request, broadcast_id: int) -> None:
    """All figures of one announcement, its failure reasons and the XLSX button."""
    broadcast = await dq.get_broadcast(request.session, broadcast_id)
    if broadcast is None:
        request.reply_key("bc.not_found", id=broadcast_id)
        return
    stats = await dq.broadcast_stats(request.session, broadcast_id)
    text = request.t(
        "bc.report_detail", id=broadcast_id, status=broadcast.status,
        created=_local(request, broadcast), total=stats.total, sent=stats.sent,
        failed=stats.failed, unreachable=stats.unreachable, uncertain=stats.uncertain,
        pending=stats.pending, cancelled=stats.cancelled,
    )  # fmt: skip
    if stats.failures_by_reason:
        reasons = sorted(stats.failures_by_reason.items(), key=lambda i: -i[1])
        text += "\n\n" + request.t("bc.report_reasons") + "\n"
        text += "\n".join(f"• {escape_html(r)}: {c}" for r, c in reasons)
    button = [[(request.t("bc.btn_xlsx", id=broadcast_id), cb.build(PREFIX, "xlsx", broadcast_id))]]
    request.reply(text, keyboard(button))


async def _export(request: Request, broadcast_id: int) -> None:
    """Send the XLSX of one announcement's figures and failures."""
    if await dq.get_broadcast(request.session, broadcast_id) is None:
        request.reply_key("bc.not_found", id=broadcast_id)
        return
    stats = await dq.broadcast_stats(request.session, broadcast_id)
    figures: list[tuple[str, object]] = [
        ("total", stats.total), ("sent", stats.sent), ("failed", stats.failed),
        ("unreachable", stats.unreachable), ("uncertain", stats.uncertain),
        ("pending", stats.pending), ("cancelled", stats.cancelled),
    ]  # fmt: skip
    figures += [(f"reason: {r}", c) for r, c in sorted(stats.failures_by_reason.items())]
    failures = await dq.failed_rows(request.session, broadcast_id)
    data = build_report(request.t, figures, failures)
    request.send_document(
        data,
        f"laporan-pengumuman-{broadcast_id}.xlsx",
        request.t("bc.xlsx_caption", id=broadcast_id),
    )


async def report_callback(request: Request) -> None:
    """Buttons: cancel a scheduled announcement, show a report, export it."""
    data = request.button()
    broadcast_id = data.int_arg(0)
    request.answer()
    if data.action == "cancel":
        clock = request.services.extras["clock"]
        broadcast = await dq.get_broadcast(request.session, broadcast_id)
        if broadcast is None or broadcast.status != "scheduled":
            request.reply_key("bc.not_cancellable", id=broadcast_id)
            return
        await dq.cancel_broadcast(request.session, broadcast_id, clock.now())
        request.edit_or_reply(request.t("bc.cancelled", id=broadcast_id))
    elif data.action == "rep":
        await _detail(request, broadcast_id)
    elif data.action == "xlsx":
        await _export(request, broadcast_id)
    else:
        raise cb.CallbackDataError("unknown action")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /terjadwal, /laporan_kirim and their buttons."""
    add_command(
        app,
        "terjadwal",
        scheduled_cmd,
        description_key="cmd.terjadwal",
        menu_key="menu.terjadwal",
        roles=HR,
    )
    add_command(
        app,
        "laporan_kirim",
        report_cmd,
        description_key="cmd.laporan_kirim",
        menu_key="menu.laporan_kirim",
        roles=HR,
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(report_callback), pattern=cb.pattern(PREFIX))
    )
