"""An injectable source of "now" so tests can move time (all times UTC, tz-aware)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """The real wall clock."""

    def now(self) -> datetime:
        """Current UTC time."""
        return datetime.now(UTC)


class FakeClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 1, 5, 1, 0, tzinfo=UTC)

    def now(self) -> datetime:
        """The frozen current time."""
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (must be tz-aware)."""
        if when.tzinfo is None:
            raise ValueError("naive datetime")
        self._now = when

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move forward by ``seconds`` (or any ``timedelta`` keywords); return the new now."""
        self._now += timedelta(seconds=seconds, **delta)
        return self._now
