"""Starts the delivery engine with the bot: the outbox worker, the scheduler and progress.

``register(app)`` creates the services at once (so later feature modules can register
scheduled kinds and audience resolvers) and starts them in the application's lifecycle:

* ``services.extras["clock"]`` — the :class:`~bot.services.clock.Clock` both use;
* ``services.extras["outbox"]`` — the :class:`~bot.services.outbox_worker.OutboxWorker`
  (its own ``telegram.Bot`` on the aiohttp transport, no rate limiter: the worker paces);
* ``services.extras["scheduler"]`` — the :class:`~bot.services.scheduler.Scheduler`, with
  kind ``broadcast``; on start it fires overdue items (late within grace, else missed),
  arms the rest and polls for items created by the CLI.

Late and missed items are reported to every HR user.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import Application

from bot.runtime import add_lifecycle
from bot.services.clock import Clock
from bot.services.outbox_worker import OutboxWorker
from bot.services.progress import ProgressTracker
from bot.services.scheduler import FireOutcome, Scheduler, broadcast_kind
from bot.texts import t
from bot.transport import AiohttpRequest
from storage.queries import users

log = logging.getLogger(__name__)
SCHEDULER_POLL_SECONDS = 30.0
WORKER_POLL_SECONDS = 2.0


def max_in_flight(rate: float) -> int:
    """Concurrent sends needed to keep ``rate`` msg/s with up to ~0.4 s per request."""
    return max(8, min(128, int(rate * 0.4) + 4))


def _worker_bot(app: Application[Any, Any, Any, Any, Any, Any], width: int) -> Bot:
    """A Bot for the worker: same API endpoint, an HTTP pool as wide as the worker."""
    settings = app.bot_data["services"].settings
    request = AiohttpRequest(connection_pool_size=width + 4, read_timeout=30.0)
    return Bot(
        settings.telegram_bot_token,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_file_base_url,
        request=request,
    )


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Create the clock, worker, scheduler and progress tracker; start them with the app."""
    services = app.bot_data["services"]
    settings = services.settings
    clock: Clock = services.extras.setdefault("clock", Clock())
    width = max_in_flight(settings.broadcast_rate_per_second)
    bot = _worker_bot(app, width)
    # the worker's own Bot: it is shut down after the worker, so final edits still work
    tracker = ProgressTracker(services.db, bot, settings.default_locale)
    worker = OutboxWorker(
        services.db,
        bot,
        settings.broadcast_rate_per_second,
        worker_id=f"bot-{os.uname().nodename}"[:60],
        max_in_flight=width,
        poll_interval=WORKER_POLL_SECONDS,
        clock=clock,
        on_progress=tracker.on_progress,
        on_done=tracker.on_done,
    )

    async def report(outcome: FireOutcome) -> None:
        """Tell HR about a late, missed or failed scheduled item."""
        await report_to_hr(app, outcome)

    scheduler = Scheduler(
        services.db,
        clock,
        grace_minutes=settings.schedule_grace_minutes,
        poll_seconds=SCHEDULER_POLL_SECONDS,
        on_report=report,
    )
    broadcast_kind(scheduler, worker.wake)
    services.extras.update(outbox=worker, scheduler=scheduler, progress=tracker)

    async def start(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Start sending, then restore the schedule (which may queue overdue broadcasts)."""
        await bot.initialize()
        await worker.start()
        await scheduler.restore(application)

    async def stop(_application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Finish the sends in flight and close the worker's HTTP pool."""
        await worker.stop()
        await tracker.close()
        await bot.shutdown()

    add_lifecycle(app, start, stop)


async def report_to_hr(
    app: Application[Any, Any, Any, Any, Any, Any], outcome: FireOutcome
) -> None:
    """Send the late/missed notice of a scheduled item to every HR user."""
    services = app.bot_data["services"]
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
