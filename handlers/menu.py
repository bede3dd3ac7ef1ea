"""Main menu, /help, /menu, /cancel and /bahasa (language)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.texts import LOCALES
from handlers.base import handler
from handlers.commands import CommandRegistry, add_command, sync_user_menu
from handlers.request import Request, keyboard

MENU_COLUMNS = 2


def _registry(request: Request) -> CommandRegistry:
    """The application's command registry."""
    registry: CommandRegistry = request.services.commands
    return registry


def show_main_menu(request: Request) -> None:
    """Send the main menu: one button per command the user may run."""
    specs = [
        s
        for s in _registry(request).visible(request.roles, request.employee is not None)
        if s.in_menu
    ]
    rows: list[list[tuple[str, str]]] = []
    for i in range(0, len(specs), MENU_COLUMNS):
        rows.append(
            [
                (request.t(s.menu_key or s.description_key), cb.build("menu", "cmd", s.name))
                for s in specs[i : i + MENU_COLUMNS]
            ]
        )
    request.reply(request.t("menu.title"), keyboard(rows) if rows else None)


async def menu_cmd(request: Request) -> None:
    """Show the main menu."""
    show_main_menu(request)


async def menu_callback(request: Request) -> None:
    """Run the command behind a main-menu button, re-checking its roles now."""
    data = request.button()
    spec = _registry(request).specs.get(data.arg(0))
    if spec is None or not spec.visible_to(request.roles, request.employee is not None):
        request.answer(request.t("common.not_allowed"), alert=True)
        return
    request.answer()
    await spec.fn(request)


async def help_cmd(request: Request) -> None:
    """List what the user can do in their role."""
    specs = _registry(request).visible(request.roles, request.employee is not None)
    lines = [request.t("help.title")]
    lines += [f"/{s.name} — {request.t(s.description_key)}" for s in specs]
    if request.employee is None and not request.roles:
        lines.append(request.t("help.not_registered"))
    sync_user_menu(request)
    request.reply("\n".join(lines))


async def cancel_cmd(request: Request) -> None:
    """Leave whatever conversation the user is in."""
    if not await request.services.flows.cancel(request):
        request.reply_key("common.nothing_to_cancel")


async def language_cmd(request: Request) -> None:
    """Offer the available languages."""
    rows = [[(request.t("lang.name", locale=loc), cb.build("lang", "set", loc))] for loc in LOCALES]
    request.reply(request.t("lang.choose"), keyboard(rows))


async def language_callback(request: Request) -> None:
    """Switch the user's language; later replies use it."""
    data = request.button()
    locale = data.arg(0)
    if locale not in LOCALES:
        raise cb.CallbackDataError("unknown locale")
    request.user.locale = locale
    request.locale = locale
    request.answer()
    request.edit_or_reply(request.t("lang.changed"))
    sync_user_menu(request, force=bool(request.roles))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the general commands."""
    add_command(app, "menu", menu_cmd, description_key="cmd.menu", linked=False)
    add_command(app, "help", help_cmd, description_key="cmd.help", linked=False)
    add_command(app, "cancel", cancel_cmd, description_key="cmd.cancel", linked=False)
    add_command(app, "bahasa", language_cmd, description_key="cmd.bahasa", linked=False)
    app.add_handler(CallbackQueryHandler(handler()(menu_callback), pattern=cb.pattern("menu")))
    app.add_handler(CallbackQueryHandler(handler()(language_callback), pattern=cb.pattern("lang")))
