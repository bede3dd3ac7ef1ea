"""HR tools in chat: /undangan [NIP] creates a registration link (NIP asked if missing), /putus NIP
unlinks an account."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.admin import service as admin
from bot.callback_data import CallbackData
from bot.messages import Button, OutgoingMessage
from bot.registration.invites import invite_link
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.dates import shown_time
from handlers.flows import Accepts, CancelFlow, expect_text
from handlers.request import Request
from storage.models import ConversationState

HR = ("hr",)
FLOW, NIP_STEP = "invite", "nip"


@dataclass(frozen=True)
class UnlinkAccount(CallbackData, prefix="admin-unlink"):
    """Unlink the Telegram account of this employee (after HR saw who it is)."""

    employee_id: int


@dataclass(frozen=True)
class KeepAccount(CallbackData, prefix="admin-unlink-keep"):
    """Do not unlink after all."""


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
        request.session, request.now(), request.telegram_id, nip_text, ttl, request.today()
    )
    if isinstance(result, admin.BadNip):
        key = result.error.key
        request.reply_key("admin.invite_bad_nip", reason=request.t(key, **result.error.params))
        return
    if isinstance(result, admin.UnknownNip):
        request.reply_key("admin.invite_not_found")
        return
    if isinstance(result, admin.InactiveNip):
        request.reply_key("admin.invite_inactive")
        return
    state = await request.get_state()
    if state is not None and state.flow == FLOW:
        await request.clear_state()
    username = request.settings.bot_username or request.context.bot.username
    link = invite_link(username, result.code) or result.code
    expires = shown_time(request, result.expires_at)
    request.reply_key("admin.invite_created", name=result.name, link=link, expires=expires)


async def unlink_cmd(request: Request) -> None:
    """Show whose account /putus NIP would unlink and ask HR to confirm with a button."""
    args = request.context.args or []
    if len(args) != 1:
        request.reply_key("admin.unlink_usage")
        return
    found = await admin.linked_account(request.session, args[0], request.today())
    if isinstance(found, admin.BadNip):
        reason = request.t(found.error.key, **found.error.params)
        request.reply_key("admin.invite_bad_nip", reason=reason)
    elif isinstance(found, admin.UnknownNip):
        request.reply_key("admin.invite_not_found")
    elif isinstance(found, admin.NotLinked):
        request.reply_key("admin.unlink_not_linked")
    else:
        name, unit = html.escape(found.name), html.escape(found.unit or "-")
        text = request.t("admin.unlink_confirm", name=name, nip=found.masked_nip, unit=unit)
        buttons = (
            (Button(request.t("admin.btn_unlink"), UnlinkAccount(found.employee_id)),),
            (Button(request.t("common.btn_cancel"), KeepAccount()),),
        )
        request.send(OutgoingMessage(text, buttons))


async def unlink_pressed(request: Request, data: UnlinkAccount) -> None:
    """HR confirmed: unlink the account (once; a second press finds nothing to unlink)."""
    request.answer()
    done = await admin.unlink_account(
        request.session, request.now(), request.telegram_id, data.employee_id
    )
    request.edit_or_reply(request.t("admin.unlinked" if done else "admin.unlink_not_linked"))


async def keep_pressed(request: Request, _data: KeepAccount) -> None:
    """HR changed their mind: nothing is unlinked."""
    request.answer()
    request.edit_or_reply(request.t("common.cancelled"))


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
    add_command(
        app, "putus", unlink_cmd, roles=HR, description_key="cmd.putus", menu_key="menu.putus"
    )
    add_button(app, UnlinkAccount, unlink_pressed, roles=HR)
    add_button(app, KeepAccount, keep_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on(NIP_STEP, nip_step, accepts=Accepts.TEXT)
