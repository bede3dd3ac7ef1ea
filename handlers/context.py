"""The typed service container and the PTB context type that hands it to every callback.

``bot.app`` (the composition root) builds one :class:`Services` per Application with
``handlers.wiring.build_services`` and stores it in ``bot_data``; handlers reach it as
``context.services`` (the custom :class:`BotContext`) or ``request.services``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.events import EventBus
    from bot.matching.service import MatchingService
    from bot.services.campaigns import CampaignService
    from bot.services.clock import Clock
    from bot.services.outbox_worker import OutboxWorker
    from bot.services.progress import ProgressTracker
    from bot.services.scheduler import Scheduler
    from bot.surveys.invitations import SurveyJobs
    from handlers.commands import CommandRegistry
    from handlers.flows import FlowRouter
    from storage.db import Database

SERVICES_KEY = "services"
Lifecycle = Callable[["BotApp"], Awaitable[None]]


@dataclass
class Services:
    """Everything handlers and jobs share, built once per Application."""

    settings: Settings
    db: Database
    clock: Clock
    events: EventBus
    outbox: OutboxWorker
    scheduler: Scheduler
    progress: ProgressTracker
    campaigns: CampaignService
    survey_jobs: SurveyJobs
    flows: FlowRouter
    commands: CommandRegistry
    matching: MatchingService
    on_start: list[Lifecycle] = field(default_factory=list)
    on_stop: list[Lifecycle] = field(default_factory=list)
    migrate: bool = True


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context of this bot: ``context.services`` is typed."""

    @property
    def services(self) -> Services:
        """The application's service container."""
        return cast(Services, self.application.bot_data[SERVICES_KEY])


BotApp = Application[
    ExtBot[Any],
    BotContext,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[Any],
]


def context_types() -> ContextTypes[BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any]]:
    """The ContextTypes to build the Application with."""
    return ContextTypes(context=BotContext)


def services_of(app: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The service container of ``app``."""
    return cast(Services, app.bot_data[SERVICES_KEY])


def add_lifecycle(
    app: Application[Any, Any, Any, Any, Any, Any],
    on_start: Lifecycle | None = None,
    on_stop: Lifecycle | None = None,
) -> None:
    """Let a feature start and stop a long-lived service with the application."""
    services = services_of(app)
    if on_start is not None:
        services.on_start.append(on_start)
    if on_stop is not None:
        services.on_stop.append(on_stop)
