"""HR tools in chat: /undangan NIP creates a one-time registration link."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.admin import service as admin
from bot.registration.invites import invite_link
from handlers.commands import add_command
from handlers.dates import shown_time
from handlers.request import Request

HR = ("hr",)


async def invite_cmd(request: Request) -> None:
    """Create an invite link for the employee with the given NIP."""
    args = request.context.args or []
    if len(args) != 1:
        request.reply_key("admin.invite_usage")
        return
    ttl = timedelta(hours=request.settings.invite_ttl_hours)
    result = await admin.invite_employee(
        request.session,
        request.now(),
        request.telegram_id,
        args[0],
        ttl,
        request.today(),
    )
    if isinstance(result, admin.BadNip):
        key = result.error.key
        request.reply_key("admin.invite_bad_nip", reason=request.t(key, **result.error.params))
        return
    if isinstance(result, admin.UnknownNip):
        request.reply_key("admin.invite_not_found")
        return
    username = request.settings.bot_username or request.context.bot.username
    link = invite_link(username, result.code) or result.code
    expires = shown_time(request, result.expires_at)
    request.reply_key("admin.invite_created", name=result.name, link=link, expires=expires)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the HR admin commands."""
    add_command(
        app,
        "undangan",
        invite_cmd,
        roles=HR,
        description_key="cmd.undangan",
        menu_key="menu.undangan",
    )
