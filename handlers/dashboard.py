"""/dasbor: the "📊 Dasbor" button that opens the HR dashboard (a Telegram Mini App).

Shown to HR and approvers only; the button opens ``DASHBOARD_PUBLIC_URL`` inside Telegram,
which signs the user's identity for the page (``bot.dashboard``). Without that setting the
bot says the dashboard is not set up.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from telegram.ext import Application

from handlers.commands import add_command
from handlers.request import Request

ROLES = ("hr", "approver")


async def dasbor_cmd(request: Request) -> None:
    """Offer the dashboard as a Mini App button (or say it is not set up)."""
    url = request.settings.dashboard_public_url
    if not (request.settings.dashboard_enabled and url):
        request.reply_key("dash.not_configured")
        return
    button = InlineKeyboardButton(request.t("dash.btn_open"), web_app=WebAppInfo(url))
    request.reply_key("dash.open", InlineKeyboardMarkup([[button]]))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /dasbor (HR and approvers)."""
    add_command(
        app, "dasbor", dasbor_cmd, roles=ROLES, description_key="cmd.dasbor",
        menu_key="menu.dasbor",
    )  # fmt: skip
