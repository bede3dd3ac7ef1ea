"""The per-application service container and the hook for long-lived services.

Kept apart from ``bot.app`` so that feature modules can use it while ``bot.app`` imports
the feature modules to register them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application

from bot.config import Settings
from bot.events import EventBus
from handlers.commands import CommandRegistry
from handlers.flows import FlowRouter
from storage.db import Database


@dataclass
class Services:
    """Everything handlers and jobs share, stored in ``application.bot_data['services']``."""

    settings: Settings
    db: Database
    flows: FlowRouter = field(default_factory=FlowRouter)
    commands: CommandRegistry = field(default_factory=CommandRegistry)
    events: EventBus = field(default_factory=EventBus)
    extras: dict[str, Any] = field(default_factory=dict)


def add_lifecycle(
    app: Application[Any, Any, Any, Any, Any, Any], on_start: Any = None, on_stop: Any = None
) -> None:
    """Let a feature start and stop a long-lived service with the application."""
    extras = app.bot_data["services"].extras
    if on_start is not None:
        extras.setdefault("on_start", []).append(on_start)
    if on_stop is not None:
        extras.setdefault("on_stop", []).append(on_stop)
