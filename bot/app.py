"""Builds the python-telegram-bot Application and its long-lived services."""

from __future__ import annotations

import logging
from typing import Any

from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.admin.service import sync_env_admins
from bot.config import Settings
from bot.dashboard.server import DashboardServer
from bot.services.clock import Clock
from bot.transport import AiohttpRequest
from bot.update_processor import PerUserUpdateProcessor
from handlers.base import too_many_messages_notice
from handlers.commands import publish_default_commands, publish_user_commands
from handlers.context import SERVICES_KEY, BotApp, Services, context_types, services_of
from handlers.registry import register_all
from handlers.wiring import build_services
from storage.migrate import upgrade_async
from storage.queries import users

log = logging.getLogger(__name__)
__all__ = [
    "BotApp", "Services", "build_application", "dashboard_of", "release_claims", "services_of",
]  # fmt: skip
DASHBOARD_KEY = "dashboard"


def build_application(
    settings: Settings, *, migrate: bool = True, clock: Clock | None = None, updater: bool = True
) -> BotApp:
    """Create the Application: HTTP to Telegram (or the emulator), handlers, services.

    ``updater=False`` builds it without PTB's Updater: the webhook arrives through the
    project's own listener (``bot.web.server``).
    """
    settings.require_token()
    processor = PerUserUpdateProcessor(
        settings.max_concurrent_updates, settings.max_queued_updates_per_user
    )
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .context_types(context_types())
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_file_base_url)
        .concurrent_updates(processor)
        .request(AiohttpRequest(connection_pool_size=settings.max_concurrent_updates))
        .get_updates_request(AiohttpRequest(connection_pool_size=1, read_timeout=40))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if not updater:
        builder = builder.updater(None)
    app: BotApp = builder.build()
    app.bot_data[SERVICES_KEY] = build_services(app, settings, clock=clock, migrate=migrate)
    register_all(app)
    _dashboard_listener(app)
    processor.on_overflow = too_many_messages_notice(app)
    return app


def _dashboard_listener(app: BotApp) -> None:
    """Polling mode: the dashboard on its own port, started and stopped with the bot."""
    services = services_of(app)
    settings = services.settings
    if not settings.dashboard_enabled or settings.update_mode != "polling":
        return  # webhook mode: the webhook server mounts bot.dashboard.routes.mount_dashboard
    server = DashboardServer(services)
    app.bot_data[DASHBOARD_KEY] = server
    services.on_start.append(server.start)
    services.on_stop.append(server.stop)


def dashboard_of(app: Application[Any, Any, Any, Any, Any, Any]) -> DashboardServer | None:
    """The running dashboard listener of ``app`` (polling mode), if any."""
    server = app.bot_data.get(DASHBOARD_KEY)
    return server if isinstance(server, DashboardServer) else None


async def _post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Migrate, seed admins from the environment, publish command menus, start services."""
    services = services_of(app)
    if services.migrate:
        await upgrade_async(services.settings.database_url)
    async with services.db.transaction() as session:
        await sync_env_admins(session, services.settings.admin_telegram_ids)
        menus = await users.sync_menu_roles(session)
    await publish_default_commands(app)
    for telegram_id, (roles, locale) in menus.items():
        await publish_user_commands(
            app, telegram_id, roles, locale or services.settings.default_locale
        )
    for start in services.on_start:
        await start(app)


async def _post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stop services and close the database."""
    services = services_of(app)
    for stop in services.on_stop:
        await stop(app)
    await services.db.dispose()


async def release_claims(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Graceful shutdown (the webhook server calls it before stopping the application):
    finish the outbox sends in flight, give back every unsent claim, end this instance's
    lease and the sender lock so another instance sends at once. Idempotent; the
    application's own shutdown calls it again."""
    await services_of(app).outbox.stop()
