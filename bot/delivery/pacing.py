"""Smooth pacing of sends: a sliding one-second window with even spacing, and per-chat gaps.

Everything here is pure: callers pass the current monotonic time and sleep themselves,
so the logic is tested with a fake clock.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

UNLIMITED = 100_000.0  # a rate at or above this is not tracked per window
IN_FLIGHT_POLL = 0.002  # re-check this often while the window is full of sends in flight
MIN_RTT_DRIFT = 1e-5  # the fastest round trip seen creeps up so it follows the network


@dataclass
class Pacer:
    """Lets at most ``current`` sends be counted by the server in any sliding window.

    Telegram (and the emulator) count *accepted* sends per sliding second, at the moment
    the server handles them, so the window is kept exactly rather than approximated by a
    token bucket whose timing jitter lets one send too many into some second. A send is
    counted from its start until it has surely left the server's window: ``window`` after
    the latest moment the server can have counted it, estimated as the answer's arrival
    minus the fastest round trip seen (a slow answer was counted late), plus ``margin``.
    A send still in flight always counts. Sends are also spaced evenly at ``spread`` x the
    rate (no bursts); the extra ``spread`` lets sends the server refuses (403 blocked,
    429), which give their place back via ``refuse``, not leave the window idle.

    ``penalize`` reacts to a 429: nobody starts before ``retry_after`` has passed. A
    one-off 429 keeps the rate; a 429 to a send started after an earlier pause, within
    ``repeat_window`` seconds of it, lowers the rate by ``slowdown`` (429s answered to
    sends already in flight when the pause began do not compound). Every ``recover_after``
    quiet seconds the rate grows back by ``recover_factor``.
    """

    rate: float
    window: float = 1.0
    margin: float = 0.005
    spread: float = 1.1
    min_rate: float = 0.5
    slowdown: float = 0.8
    recover_factor: float = 1.1
    recover_after: float = 1.0
    repeat_window: float = 10.0
    current: float = field(init=False)
    penalties: int = field(init=False, default=0)
    _next_slot: float = field(init=False, default=float("-inf"))
    _pause_from: float = field(init=False, default=float("-inf"))
    _pause_until: float = field(init=False, default=float("-inf"))
    _last_recover: float = field(init=False, default=float("-inf"))
    min_rtt: float = field(init=False, default=float("inf"))
    _order: deque[int] = field(init=False, default_factory=deque)
    _counted: dict[int, tuple[float, float | None]] = field(init=False, default_factory=dict)
    _seq: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        """Start at the configured rate."""
        if self.rate <= 0:
            raise ValueError("rate must be positive")
        self.current = self.rate

    @property
    def capacity(self) -> int:
        """Sends allowed in one window at the current rate."""
        return max(1, math.floor(self.current * self.window + 1e-9))

    @property
    def interval(self) -> float:
        """Seconds between two consecutive sends at the spacing rate."""
        return 1.0 / (self.current * self.spread)

    def delay(self, now: float) -> float:
        """Seconds (>= 0) to wait before a send may start at ``now``."""
        self._maybe_recover(now)
        wait = max(self._pause_until, self._next_slot) - now
        if self.current < UNLIMITED:
            self._expire(now)
            if len(self._counted) >= self.capacity:
                until = self._counted[self._order[0]][1]
                wait = max(wait, IN_FLIGHT_POLL if until is None else until - now)
        return max(0.0, wait)

    def take(self, now: float) -> int:
        """Record a send starting at ``now`` (call when ``delay(now)`` is 0); return its token."""
        interval = self.interval
        if now - self._next_slot >= interval:  # idle or held by the window: no burst
            self._next_slot = now + interval
        else:  # a wake-up late by less than one interval keeps the schedule
            self._next_slot += interval
        self._seq += 1
        if self.current < UNLIMITED:
            self._order.append(self._seq)
            self._counted[self._seq] = (now, None)
        return self._seq

    def accepted(self, token: int, now: float) -> None:
        """The server accepted this send; its answer arrived at ``now``."""
        entry = self._counted.get(token)
        if entry is None:
            return
        start = entry[0]
        self.min_rtt = min(self.min_rtt + MIN_RTT_DRIFT, now - start)
        latest_count = max(start, now - self.min_rtt)
        self._counted[token] = (start, latest_count + self.window + self.margin)

    def refuse(self, token: int) -> None:
        """The server refused this send (403, 429): it does not count in the window."""
        self._counted.pop(token, None)

    def penalize(self, now: float, retry_after: float, started: float | None = None) -> None:
        """React to a 429 for a send started at ``started``: pause, maybe slow down."""
        started = now if started is None else started
        if started >= self._pause_from:  # not an echo of a pause already taken
            if now - self._pause_until < self.repeat_window:
                self.current = max(self.min_rate, self.current * self.slowdown)
            self.penalties += 1
            self._pause_from = now
        self._pause_until = max(self._pause_until, now + max(0.0, retry_after))
        self._last_recover = self._pause_until

    def _expire(self, now: float) -> None:
        """Drop the sends at the front that the server no longer counts."""
        order, counted = self._order, self._counted
        while order:
            entry = counted.get(order[0])
            if entry is not None:
                if entry[1] is None or entry[1] > now:
                    return
                del counted[order[0]]
            order.popleft()

    def _maybe_recover(self, now: float) -> None:
        """Grow the rate back towards the configured one after a quiet period."""
        if self.current >= self.rate:
            return
        if now - max(self._pause_until, self._last_recover) >= self.recover_after:
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
