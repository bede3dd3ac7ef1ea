"""Main menu, /help, /menu, /cancel and /bahasa (language)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackData, CallbackDataError
from bot.messages import Button, OutgoingMessage, rows
from bot.profile import service as profile
from bot.texts import LOCALES
from handlers.buttons import add_button
from handlers.commands import CommandRegistry, OpenCommand, add_command, sync_user_menu
from handlers.context import services_of
from handlers.request import Request

MENU_COLUMNS = 2
LANGUAGE_KEYS = {"id": "lang.name_id", "en": "lang.name_en"}


@dataclass(frozen=True)
class ChooseLanguage(CallbackData, prefix="language-set"):
    """A /bahasa button: switch to ``locale``."""

    locale: str


def _registry(request: Request) -> CommandRegistry:
    """The application's command registry."""
    return request.services.commands


WORDS = {  # typed words that act like the command (whole message, see handlers.flow_words)
    "menu": ("menu", "menu utama", "main menu"),
    "help": ("bantuan", "help"),
    "cancel": ("batal", "cancel"),
}


def show_main_menu(request: Request) -> None:
    """Send the main menu: one button per command the user may run."""
    if request.employee is None and not request.roles:
        _show_unregistered_menu(request)
        return
    specs = _registry(request).visible(request.roles, request.employee is not None)
    buttons = [Button(request.t(s.menu_key), OpenCommand(s.name)) for s in specs if s.menu_key]
    grid = tuple(tuple(buttons[i : i + MENU_COLUMNS]) for i in range(0, len(buttons), MENU_COLUMNS))
    request.send(OutgoingMessage(request.t("menu.title"), grid))


def _show_unregistered_menu(request: Request) -> None:
    """Before registration the menu offers the way in: /start, help and the language."""
    buttons = rows(
        [Button(request.t("menu.btn_start"), OpenCommand("start"))],
        [
            Button(request.t("menu.btn_help"), OpenCommand("help")),
            Button(request.t("menu.btn_language"), OpenCommand("bahasa")),
        ],
    )
    request.send(OutgoingMessage(request.t("menu.not_registered"), buttons))


async def menu_cmd(request: Request) -> None:
    """Show the main menu."""
    show_main_menu(request)


async def menu_pressed(request: Request, data: OpenCommand) -> None:
    """Run the command behind a main-menu button, re-checking its roles now."""
    spec = _registry(request).specs.get(data.name)
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
    buttons = tuple(
        (Button(request.t(LANGUAGE_KEYS[loc]), ChooseLanguage(loc)),) for loc in LOCALES
    )
    request.send(OutgoingMessage(request.t("lang.choose"), buttons))


async def language_pressed(request: Request, data: ChooseLanguage) -> None:
    """Switch the user's language; later replies use it."""
    if not profile.set_language(request.user, data.locale):
        raise CallbackDataError("unknown locale")
    request.locale = data.locale
    request.answer()
    request.edit_or_reply(request.t("lang.changed"))
    sync_user_menu(request, force=bool(request.roles))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the general commands and their buttons."""
    add_command(app, "menu", menu_cmd, linked=False, description_key="cmd.menu")
    add_command(app, "help", help_cmd, linked=False, description_key="cmd.help")
    add_command(app, "cancel", cancel_cmd, linked=False, description_key="cmd.cancel")
    add_command(app, "bahasa", language_cmd, linked=False, description_key="cmd.bahasa")
    add_button(app, OpenCommand, menu_pressed)
    add_button(app, ChooseLanguage, language_pressed)
    words = services_of(app).flows.words
    words.add(WORDS["menu"], menu_cmd)
    words.add(WORDS["help"], help_cmd)
    words.add(WORDS["cancel"], cancel_cmd)
