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

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import Application

from bot.delivery.notices import schedule_notices
from bot.services.scheduler import FireOutcome
from handlers.context import add_lifecycle, services_of

log = logging.getLogger(__name__)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Start the worker and scheduler with the application; stop them with it."""
    services = services_of(app)
    worker, scheduler, tracker = services.outbox, services.scheduler, services.progress

    async def start(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Open the sender's HTTP pool, start sending, then restore the schedule."""
        if isinstance(worker.sender, Bot):  # production: the worker's own Bot and pool
            await worker.sender.initialize()
        await worker.start()
        await scheduler.restore(application)

    async def stop(_application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Finish the sends in flight and close the worker's HTTP pool."""
        await worker.stop()
        await tracker.close()
        if isinstance(worker.sender, Bot):
            await worker.sender.shutdown()

    add_lifecycle(app, start, stop)


async def report_to_hr(
    app: Application[Any, Any, Any, Any, Any, Any], outcome: FireOutcome
) -> None:
    """Send the late/missed notice of a scheduled item to every HR user."""
    services = services_of(app)
    settings = services.settings
    async with services.db.transaction() as session:
        notices = await schedule_notices(
            session, outcome, settings.tz, settings.schedule_grace_minutes, settings.default_locale
        )
    for notice in notices:
        try:
            await app.bot.send_message(notice.chat_id, notice.text)
        except TelegramError as exc:
            log.warning("could not report a scheduled item to HR: %s", type(exc).__name__)
