"""Smooth pacing of sends: a capacity-1 token bucket with adaptive rate, and per-chat spacing.

Everything here is pure: callers pass the current monotonic time and sleep themselves,
so the logic is tested with a fake clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Pacer:
    """Hands out send slots at most ``rate`` per second, evenly spaced (no bursts).

    ``reserve(now)`` returns how long the caller must wait before sending. After a 429,
    ``penalize`` pauses everyone for ``retry_after`` and lowers the rate once per pause
    (several 429s answered during one pause do not compound); every ``recover_after``
    seconds without a 429 the rate grows back by ``recover_factor``. ``epoch`` counts
    penalties so that a caller holding a slot reserved before a pause can reserve again.
    """

    rate: float
    min_rate: float = 0.5
    slowdown: float = 0.8
    recover_factor: float = 1.1
    recover_after: float = 1.0
    current: float = field(init=False)
    epoch: int = field(init=False, default=0)
    _next_slot: float = field(init=False, default=0.0)
    _last_penalty: float = field(init=False, default=float("-inf"))
    _last_recover: float = field(init=False, default=float("-inf"))

    def __post_init__(self) -> None:
        """Start at the configured rate."""
        if self.rate <= 0:
            raise ValueError("rate must be positive")
        self.current = self.rate

    @property
    def interval(self) -> float:
        """Seconds between two consecutive slots at the current rate."""
        return 1.0 / self.current

    def reserve(self, now: float) -> float:
        """Reserve the next slot; return the delay (seconds, >= 0) until it starts."""
        self._maybe_recover(now)
        slot = max(now, self._next_slot)
        self._next_slot = slot + self.interval
        return slot - now

    def penalize(self, now: float, retry_after: float) -> None:
        """React to a 429: nobody sends before ``now + retry_after``; slow down."""
        in_pause = now < self._next_slot and now - self._last_penalty < max(retry_after, 0.0)
        self._next_slot = max(self._next_slot, now + max(0.0, retry_after))
        self.epoch += 1
        if not in_pause:
            self.current = max(self.min_rate, self.current * self.slowdown)
        self._last_penalty = now
        self._last_recover = now

    def _maybe_recover(self, now: float) -> None:
        """Grow the rate back towards the configured one after a quiet period."""
        if self.current >= self.rate:
            return
        quiet = now - max(self._last_penalty, self._last_recover)
        if quiet >= self.recover_after:
            self.current = min(self.rate, self.current * self.recover_factor)
            self._last_recover = now


@dataclass
class ChatSpacing:
    """Keeps at least ``min_gap`` seconds between two sends to the same chat."""

    min_gap: float = 1.0
    _busy: set[int] = field(default_factory=set)
    _last_start: dict[int, float] = field(default_factory=dict)

    def ready_at(self, chat_id: int, now: float) -> float | None:
        """Earliest time a send to ``chat_id`` may start; None while one is in flight."""
        if chat_id in self._busy:
            return None
        last = self._last_start.get(chat_id)
        if last is None:
            return now
        return max(now, last + self.min_gap)

    def begin(self, chat_id: int) -> None:
        """A row for ``chat_id`` was dispatched (it is in flight until ``end``)."""
        self._busy.add(chat_id)

    def started(self, chat_id: int, now: float) -> None:
        """The HTTP request for ``chat_id`` starts now."""
        self._last_start[chat_id] = now

    def end(self, chat_id: int) -> None:
        """The send to ``chat_id`` finished (any outcome)."""
        self._busy.discard(chat_id)

    def prune(self, now: float) -> None:
        """Forget chats whose last send is older than the gap (keeps memory bounded)."""
        stale = [c for c, t in self._last_start.items() if now - t > self.min_gap]
        for chat_id in stale:
            del self._last_start[chat_id]
