"""HR tools in chat: /undangan NIP creates a one-time registration link."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.registration.invites import create_invite, invite_link
from bot.roster.validation import RosterError, parse_nip
from handlers.commands import add_command
from handlers.request import Request
from storage.models import utcnow
from storage.queries import audit
from storage.queries.employees import get_employee_by_nip


async def invite_cmd(request: Request) -> None:
    """Create an invite link for the employee with the given NIP."""
    args = request.context.args or []
    if len(args) != 1:
        request.reply_key("admin.invite_usage")
        return
    try:
        nip = parse_nip(args[0]).nip
    except RosterError as exc:
        request.reply_key(
            "admin.invite_bad_nip", reason=request.t("roster.err", error=exc.code, **exc.params)
        )
        return
    employee = await get_employee_by_nip(request.session, nip)
    if employee is None:
        request.reply_key("admin.invite_not_found")
        return
    ttl = timedelta(hours=request.settings.invite_ttl_hours)
    now = utcnow()
    code = await create_invite(request.session, employee, ttl, now=now)
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "invite.create",
        "employee",
        employee.id,
    )
    username = request.settings.bot_username or request.context.bot.username
    link = invite_link(username, code) or code
    expires = (now + ttl).astimezone(request.settings.tz).strftime("%d-%m-%Y %H:%M %Z")
    request.reply_key("admin.invite_created", name=employee.name, link=link, expires=expires)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the HR admin commands."""
    add_command(
        app,
        "undangan",
        invite_cmd,
        description_key="cmd.undangan",
        menu_key="menu.undangan",
        roles=("hr",),
    )
