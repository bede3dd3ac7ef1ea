"""Domain events that connect features without importing each other.

The mutation-plan feature emits ``move.decreed`` when HR records the decree (SK, TMT),
``move.tmt_changed`` when the TMT of a decreed move changes and ``move.cancelled`` when a
move is cancelled. Socialization campaigns and post-move surveys subscribe at start-up.
Subscribers run inside the emitter's transaction, so what they schedule is committed
atomically with the decree (and rolled back with it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

MOVE_DECREED = "move.decreed"
MOVE_TMT_CHANGED = "move.tmt_changed"
MOVE_CANCELLED = "move.cancelled"


@dataclass(frozen=True)
class MoveEvent:
    """What subscribers need to know about a move."""

    move_id: int
    employee_id: int
    effective_date: date  # TMT
    plan_id: int
    to_unit_id: int | None = None


Subscriber = Callable[[AsyncSession, MoveEvent], Awaitable[None]]


@dataclass
class EventBus:
    """Subscribers per event name, called in subscription order."""

    subscribers: dict[str, list[Subscriber]] = field(default_factory=dict)

    def subscribe(self, name: str, fn: Subscriber) -> None:
        """Call ``fn`` whenever ``name`` is emitted."""
        self.subscribers.setdefault(name, []).append(fn)

    async def emit(self, name: str, session: AsyncSession, event: MoveEvent) -> None:
        """Run every subscriber of ``name`` in the caller's transaction."""
        for fn in self.subscribers.get(name, []):
            await fn(session, event)
