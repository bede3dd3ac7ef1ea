"""HR tools in chat: /undangan NIP creates a one-time registration link (NIP asked if missing)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.admin import service as admin
from bot.messages import Button, OutgoingMessage
from bot.registration.invites import invite_link
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, CancelFlow, expect_text
from handlers.request import Request
from storage.models import ConversationState

HR = ("hr",)
FLOW, NIP_STEP = "invite", "nip"


async def invite_cmd(request: Request) -> None:
    """Create an invite link for the employee with the given NIP (asked when not given)."""
    args = request.context.args or []
    if not args:  # the menu button, or /undangan alone: ask for the NIP
        await request.set_state(FLOW, NIP_STEP)
        cancel = Button(request.t("common.btn_cancel"), CancelFlow(FLOW))
        request.send(OutgoingMessage(request.t("admin.invite_ask_nip"), ((cancel,),)))
        return
    await _invite(request, " ".join(args))


async def nip_step(request: Request, state: ConversationState) -> None:
    """The typed NIP of the employee to invite (a wrong one is asked again)."""
    text = expect_text(request, max_len=40)
    if text is not None:
        await _invite(request, text)


async def _invite(request: Request, nip_text: str) -> None:
    """Create the invite link, or say what is wrong with the NIP (the step stays)."""
    ttl = timedelta(hours=request.settings.invite_ttl_hours)
    result = await admin.invite_employee(
        request.session,
        request.now(),
        request.telegram_id,
        nip_text,
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
    state = await request.get_state()
    if state is not None and state.flow == FLOW:
        await request.clear_state()
    username = request.settings.bot_username or request.context.bot.username
    link = invite_link(username, result.code) or result.code
    expires = result.expires_at.astimezone(request.settings.tz).strftime("%d-%m-%Y %H:%M %Z")
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
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on(NIP_STEP, nip_step, accepts=Accepts.TEXT)
