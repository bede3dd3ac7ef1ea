"""The command registry: one place that knows every command, its roles and its menu entry.

Features call :func:`add_command`; from the registry come the CommandHandlers, the
main-menu buttons, the /help text and the per-role command menus (``setMyCommands``
with command scopes, so employees never see HR commands). :func:`register` installs the
answer to a mistyped command ("Maksud Anda /aspirasi?"); it must come after every command.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from telegram import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat, Message
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.callback_data import CallbackData
from bot.messages import Button, OutgoingMessage
from bot.texts import LOCALES, t
from handlers.base import Feature, handler
from handlers.context import services_of
from handlers.request import Request, escape_html

log = logging.getLogger(__name__)
SUGGEST_CUTOFF = 70.0  # rapidfuzz ratio: "aspirsi" ~ "aspirasi" (93), "persetujaun" (91)


@dataclass(frozen=True)
class OpenCommand(CallbackData, prefix="menu-open"):
    """A button that runs the command ``name`` (main menu, suggestions)."""

    name: str


@dataclass(frozen=True)
class ButtonSpec:
    """One typed button class and who may press it."""

    data_cls: type[CallbackData]
    roles: frozenset[str]
    linked: bool


@dataclass(frozen=True)
class CommandSpec:
    """One slash command."""

    name: str
    fn: Feature
    roles: frozenset[str]
    linked: bool
    description_key: str  # the one-line description in /help and Telegram's command menu
    menu_key: str | None  # the main-menu button; None: not in the main menu

    @property
    def in_menu(self) -> bool:
        """True when the command has a main-menu button."""
        return self.menu_key is not None

    def visible_to(self, roles: frozenset[str], linked: bool) -> bool:
        """True when a user with ``roles`` (and linked or not) may use the command."""
        if self.roles:
            return bool(self.roles & roles)
        return linked or not self.linked


class CommandRegistry:
    """All commands in registration order, and every typed button class."""

    def __init__(self) -> None:
        self.specs: dict[str, CommandSpec] = {}
        self.buttons: dict[str, ButtonSpec] = {}

    def visible(self, roles: frozenset[str], linked: bool) -> list[CommandSpec]:
        """Commands the user may run, in registration order."""
        return [s for s in self.specs.values() if s.visible_to(roles, linked)]


def add_command(
    app: Application[Any, Any, Any, Any, Any, Any],
    name: str,
    fn: Feature,
    *,
    description_key: str,
    menu_key: str | None = None,
    roles: Collection[str] = (),
    linked: bool = True,
) -> None:
    """Register ``/name`` with its checks and texts, and remember it for menus and help."""
    registry = services_of(app).commands
    spec = CommandSpec(name, fn, frozenset(roles), linked, description_key, menu_key)
    registry.specs[name] = spec
    # New messages only: an edited message must not run a command (PTB's default takes both).
    command = CommandHandler(
        name, handler(roles=roles, linked=linked)(fn), filters=filters.UpdateType.MESSAGE
    )
    app.add_handler(command)


def bot_commands(specs: list[CommandSpec], locale: str) -> list[BotCommand]:
    """Telegram BotCommand objects for ``specs`` in ``locale``."""
    return [BotCommand(s.name, t(locale, s.description_key)[:256]) for s in specs]


async def publish_default_commands(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Set the employee command menu for all private chats, per language."""
    registry = services_of(app).commands
    specs = registry.visible(frozenset(), linked=True)
    scope = BotCommandScopeAllPrivateChats()
    default = services_of(app).settings.default_locale
    await app.bot.set_my_commands(bot_commands(specs, default), scope=scope)
    for locale in LOCALES:
        await app.bot.set_my_commands(
            bot_commands(specs, locale), scope=scope, language_code=locale
        )


def sync_user_menu(request: Any, *, force: bool = False) -> None:
    """Publish the user's per-role command menu (after commit) when their roles changed."""
    current = ",".join(sorted(request.roles))
    if not force and (request.user.menu_roles or "") == current:
        return
    request.user.menu_roles = current
    app, chat_id = request.context.application, request.chat_id
    roles, locale = request.roles, request.locale

    async def publish() -> None:
        await publish_user_commands(app, chat_id, roles, locale)

    request.later(publish)


async def publish_user_commands(
    app: Application[Any, Any, Any, Any, Any, Any], chat_id: int, roles: frozenset[str], locale: str
) -> None:
    """Give a privileged user (per-chat scope) the commands of their roles."""
    registry = services_of(app).commands
    scope = BotCommandScopeChat(chat_id)
    try:
        if roles:
            specs = registry.visible(roles, linked=True)
            await app.bot.set_my_commands(bot_commands(specs, locale), scope=scope)
        else:
            await app.bot.delete_my_commands(scope=scope)
    except TelegramError as exc:  # e.g. the admin never opened a chat with the bot
        log.warning("could not set commands for a privileged chat: %s", type(exc).__name__)


def suggest(name: str, names: Sequence[str]) -> str | None:
    """The command among ``names`` closest to the mistyped ``name``, if one is close enough."""
    found = process.extractOne(name.lower(), names, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF)
    return str(found[0]) if found else None


def typed_command(request: Request) -> str:
    """The command name of the incoming message, without the slash and ``@botname``."""
    message = request.update.effective_message
    text = message.text if isinstance(message, Message) and message.text else ""
    return text.split(maxsplit=1)[0].lstrip("/").split("@", 1)[0] if text else ""


async def unknown_command(request: Request) -> None:
    """Answer a command nobody registered with the closest one the user may run, or /help."""
    registry: CommandRegistry = request.services.commands
    names = [s.name for s in registry.visible(request.roles, request.employee is not None)]
    best = suggest(typed_command(request), names)
    menu = Button(request.t("common.btn_main_menu"), OpenCommand("menu"))
    if best is None:
        typed = escape_html(typed_command(request)[:40])
        text = request.t("common.unknown_command", command=typed)
        request.send(OutgoingMessage(text, ((menu,),)))
        return
    run = Button(f"/{best}", OpenCommand(best))
    text = request.t("common.unknown_command_suggest", command=best)
    request.send(OutgoingMessage(text, ((run, menu),)))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Answer unknown commands in private chats (added after every feature's commands)."""
    unknown = MessageHandler(
        filters.COMMAND & filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE,
        handler()(unknown_command),
    )
    app.add_handler(unknown)
