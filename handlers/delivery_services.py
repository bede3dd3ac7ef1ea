"""Starts and stops the delivery engine with the bot, and reports scheduling trouble to HR.

The engine itself (outbox worker, scheduler, progress tracker) is built with the other
services by ``handlers.wiring.build_services``; ``register(app)`` only ties it to the
application's lifecycle: on start the worker begins sending and the scheduler fires
overdue items (late within grace, else missed), arms the rest and polls for items
created by the CLI. Late and missed items are reported to every HR user.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.error import TelegramError
from telegram.ext import Application

from bot.services.scheduler import FireOutcome
from bot.texts import t
from handlers.context import add_lifecycle, services_of
from storage.queries import users

log = logging.getLogger(__name__)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Start the worker and scheduler with the application; stop them with it."""
    services = services_of(app)
    worker, scheduler, tracker = services.outbox, services.scheduler, services.progress

    async def start(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Start sending, then restore the schedule (which may queue overdue broadcasts)."""
        await worker.bot.initialize()
        await worker.start()
        await scheduler.restore(application)

    async def stop(_application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Finish the sends in flight and close the worker's HTTP pool."""
        await worker.stop()
        await tracker.close()
        await worker.bot.shutdown()

    add_lifecycle(app, start, stop)


async def report_to_hr(
    app: Application[Any, Any, Any, Any, Any, Any], outcome: FireOutcome
) -> None:
    """Send the late/missed notice of a scheduled item to every HR user."""
    services = services_of(app)
    settings = services.settings
    if outcome.outcome not in ("late", "missed", "failed"):
        return
    async with services.db.transaction() as session:
        hr_ids = await users.users_with_role(session, "hr")
        locales = {}
        for telegram_id in hr_ids:
            user = await users.get_user(session, telegram_id)
            locales[telegram_id] = (user.locale if user else None) or settings.default_locale
    fmt = "%Y-%m-%d %H:%M"
    params = {
        "id": outcome.item_id,
        "kind": outcome.kind,
        "run_at": outcome.run_at.astimezone(settings.tz).strftime(fmt),
        "fired_at": outcome.at.astimezone(settings.tz).strftime(fmt),
        "grace": settings.schedule_grace_minutes,
    }
    key = "delivery.late" if outcome.outcome == "late" else "delivery.missed"
    for telegram_id in hr_ids:
        try:
            await app.bot.send_message(telegram_id, t(locales[telegram_id], key, **params))
        except TelegramError as exc:
            log.warning("could not report a scheduled item to HR: %s", type(exc).__name__)
