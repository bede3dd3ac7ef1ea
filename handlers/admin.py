"""HR tools in chat: /undangan NIP creates a one-time registration link."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.admin import service as admin
from bot.registration.invites import invite_link
from handlers.commands import add_command
from handlers.request import Request

HR = ("hr",)
# The codes parse_nip raises, and their texts.
NIP_ERROR_KEYS = {
    "nip_empty": "roster.err.nip_empty",
    "nip_digits": "roster.err.nip_digits",
    "nip_length": "roster.err.nip_length",
    "nip_birth_date": "roster.err.nip_birth_date",
    "nip_tmt_date": "roster.err.nip_tmt_date",
    "nip_tmt_future": "roster.err.nip_tmt_future",
    "nip_tmt_too_early": "roster.err.nip_tmt_too_early",
    "nip_sex": "roster.err.nip_sex",
}


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
        key = NIP_ERROR_KEYS.get(result.error.code, "roster.err.nip_digits")
        request.reply_key("admin.invite_bad_nip", reason=request.t(key, **result.error.params))
        return
    if isinstance(result, admin.UnknownNip):
        request.reply_key("admin.invite_not_found")
        return
    username = request.settings.bot_username or request.context.bot.username
    link = invite_link(username, result.code) or result.code
    expires = result.expires_at.astimezone(request.settings.tz).strftime("%d-%m-%Y %H:%M %Z")
    request.reply_key("admin.invite_created", name=result.name, link=link, expires=expires)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the HR admin commands."""
    add_command(app, "undangan", invite_cmd, roles=HR)
