"""The one source of "now" (UTC, tz-aware), shared by handlers, jobs and services.

Production runs on the wall clock. Tests and the offline demo move time on the same
object (``set``/``advance``), so every part of the bot — handlers, the scheduler, the
outbox worker — sees the same jump.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """The wall clock, optionally frozen at a moment or shifted by an offset."""

    def __init__(self, frozen: datetime | None = None) -> None:
        self._frozen: datetime | None = None
        self._offset = timedelta(0)
        if frozen is not None:
            self.set(frozen)

    def now(self) -> datetime:
        """Current UTC time (frozen or shifted when a test or the demo moved it)."""
        if self._frozen is not None:
            return self._frozen
        return datetime.now(UTC) + self._offset

    def set(self, when: datetime) -> None:
        """Freeze time at ``when`` (must be tz-aware)."""
        if when.tzinfo is None:
            raise ValueError("naive datetime")
        self._frozen = when.astimezone(UTC)

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move forward by ``seconds`` (or any ``timedelta`` keywords); return the new now."""
        step = timedelta(seconds=seconds, **delta)
        if self._frozen is not None:
            self._frozen += step
        else:
            self._offset += step
        return self.now()


class FakeClock(Clock):
    """A clock that only moves when told to (unit tests)."""

    def __init__(self, start: datetime | None = None) -> None:
        super().__init__(start or datetime(2026, 1, 5, 1, 0, tzinfo=UTC))
