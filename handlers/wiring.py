"""Builds the service container: database, clock, events, delivery engine, feature services.

Called once by the composition root (``bot.app.build_application``) before any feature
registers, so every field of :class:`~handlers.context.Services` exists and is typed.
"""

from __future__ import annotations

from typing import Any

from telegram import Bot
from telegram.ext import Application

from bot.campaigns.service import text_of
from bot.config import Settings
from bot.events import EventBus
from bot.matching.service import MatchingService
from bot.services.campaigns import CampaignService
from bot.services.clock import Clock
from bot.services.instance_lease import default_instance_id
from bot.services.outbox_worker import OutboxWorker
from bot.services.progress import ProgressTracker
from bot.services.scheduler import FireOutcome, Scheduler, broadcast_kind
from bot.surveys.invitations import attach_jobs
from bot.transport import AiohttpRequest
from handlers.commands import CommandRegistry
from handlers.context import Services
from handlers.flows import FlowRouter
from storage.db import Database

WORKER_POLL_SECONDS = 2.0


def max_in_flight(rate: float) -> int:
    """Concurrent sends needed to keep ``rate`` msg/s with up to ~0.4 s per request."""
    return max(8, min(128, int(rate * 0.4) + 4))


def worker_bot(settings: Settings, width: int) -> Bot:
    """A Bot for the outbox worker: same API endpoint, an HTTP pool as wide as the worker."""
    request = AiohttpRequest(connection_pool_size=width + 4, read_timeout=30.0)
    return Bot(
        settings.telegram_bot_token,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_file_base_url,
        request=request,
    )


def _outbox(settings: Settings, db: Database, clock: Clock) -> tuple[OutboxWorker, ProgressTracker]:
    """The outbox worker (its own Bot, as wide as its pace needs) and its progress tracker."""
    width = max_in_flight(settings.broadcast_rate_per_second)
    bot = worker_bot(settings, width)
    tracker = ProgressTracker(db, bot, settings.default_locale)
    worker = OutboxWorker(
        db,
        bot,
        settings.broadcast_rate_per_second,
        worker_id=settings.instance_id or default_instance_id(),
        lease_seconds=settings.instance_lease_seconds,
        max_in_flight=width,
        poll_interval=WORKER_POLL_SECONDS,
        clock=clock,
        on_progress=tracker.on_progress,
        on_done=tracker.on_done,
    )
    return worker, tracker


def build_services(
    app: Application[Any, Any, Any, Any, Any, Any],
    settings: Settings,
    *,
    clock: Clock | None = None,
    migrate: bool = True,
) -> Services:
    """Create every long-lived service of ``app`` (started later by ``delivery_services``)."""
    from handlers.delivery_services import report_to_hr  # the HR notice is Telegram-facing

    db = Database(settings.database_url)
    clock = clock or Clock()
    events = EventBus()
    worker, tracker = _outbox(settings, db, clock)

    async def report(outcome: FireOutcome) -> None:
        """Tell HR about a late, missed or failed scheduled item."""
        await report_to_hr(app, outcome)

    scheduler = Scheduler(
        db, clock, grace_minutes=settings.schedule_grace_minutes,
        poll_seconds=settings.scheduler_poll_seconds, on_report=report,
    )  # fmt: skip
    broadcast_kind(scheduler, worker.wake)
    campaigns = CampaignService(
        scheduler, settings.tz, text_of, settings.default_locale, wake=worker.wake
    )
    campaigns.attach(events)
    return Services(
        settings=settings, db=db, clock=clock, events=events, outbox=worker,
        scheduler=scheduler, progress=tracker, campaigns=campaigns,
        survey_jobs=attach_jobs(settings, scheduler, events, worker.wake),
        flows=FlowRouter(), commands=CommandRegistry(), matching=MatchingService(),
        migrate=migrate,
    )  # fmt: skip
