"""Classify a failed send into what to do next (retry, give up, mark unreachable, uncertain).

This is the one module that knows Telegram's exception classes: :func:`failure_of`
turns a PTB exception into a plain :class:`Failure` (kind, description, retry-after),
and :func:`classify` decides from those plain values, so the rules are testable without
Telegram objects. The delivery engine (``bot.services``) catches :data:`SEND_ERRORS`.

A send whose request may have reached Telegram but whose answer never came back (a read
timeout, a connection dropped after the request was written) is ``lost``: it ends
``uncertain`` and is never sent again, because sendMessage is not idempotent and a second
copy is worse than asking HR to check. Only failures where the request surely did not
arrive (no connection, a full connection pool) or where Telegram answered are retried.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

Action = Literal["retry", "rate_limited", "unreachable", "failed", "uncertain"]
ErrorKind = Literal[
    "retry_after", "forbidden", "bad_request", "network", "timeout", "lost", "other"
]
# Transport exceptions (httpx under PTB's HTTPXRequest, aiohttp under bot.transport) that
# mean the request never reached the server; any other transport failure may have.
NOT_SENT_CAUSES = frozenset({
    "ConnectError", "ConnectTimeout", "PoolTimeout",  # httpx
    "ClientConnectorError", "ClientConnectorDNSError", "ClientConnectorCertificateError",
    "ClientConnectorSSLError", "ConnectionTimeoutError",  # aiohttp
})  # fmt: skip

UNREACHABLE_BAD_REQUESTS = (
    "chat not found",
    "user not found",
    "peer_id_invalid",
    "bot was blocked",
    "user is deactivated",
    "bot can't initiate conversation",
)
MAX_REASON_CHARS = 200
SEND_ERRORS: tuple[type[Exception], ...] = (TelegramError,)  # what a Bot API call raises


@dataclass(frozen=True)
class Failure:
    """A failed Bot API call in plain values."""

    kind: ErrorKind
    description: str
    retry_after: float | None = None

    @property
    def not_modified(self) -> bool:
        """An edit that changed nothing (Telegram refuses it; the text is already shown)."""
        return self.kind == "bad_request" and "not modified" in self.description.lower()


def failure_of(exc: Exception) -> Failure:
    """What a Bot API exception (one of :data:`SEND_ERRORS`) means."""
    description = exc.message if isinstance(exc, TelegramError) else str(exc)
    if isinstance(exc, RetryAfter):
        return Failure("retry_after", description, _retry_after_seconds(exc))
    if isinstance(exc, Forbidden):
        return Failure("forbidden", description)
    if isinstance(exc, BadRequest):
        return Failure("bad_request", description)
    if isinstance(exc, NetworkError) and _maybe_delivered(exc):
        return Failure("lost", description)
    if isinstance(exc, TimedOut):
        return Failure("timeout", description)
    if isinstance(exc, NetworkError):
        return Failure("network", description)
    return Failure("other", description)


def _maybe_delivered(exc: NetworkError) -> bool:
    """True when a transport failure came after the request may have reached Telegram.

    PTB raises ``TimedOut``/``NetworkError`` *from* the transport's exception; one raised
    for an HTTP status (Telegram answered, e.g. 502) has no such cause.
    """
    cause = exc.__cause__
    return cause is not None and type(cause).__name__ not in NOT_SENT_CAUSES


def _retry_after_seconds(exc: RetryAfter) -> float:
    """``retry_after`` in seconds whether PTB gives an int or a timedelta."""
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(exc.retry_after if isinstance(exc.retry_after, int) else 1)


@dataclass(frozen=True)
class Decision:
    """What to do with a row after a failed attempt."""

    action: Action
    reason: str
    delay: float = 0.0


def backoff_delay(attempts: int, base: float = 2.0, cap: float = 300.0) -> float:
    """Exponential backoff: ``base * 2**(attempts-1)`` seconds, at most ``cap``."""
    return min(cap, base * (2 ** max(0, attempts - 1)))


def reason_code(kind: ErrorKind, description: str) -> str:
    """A short, stable failure reason used for reports (no message text, no ids)."""
    desc = " ".join(description.lower().split())
    if kind == "forbidden":
        if "deactivated" in desc:
            return "deactivated"
        if "blocked" in desc:
            return "blocked"
        return _clip("forbidden: " + desc)
    if kind == "bad_request":
        if "chat not found" in desc or "user not found" in desc or "peer_id_invalid" in desc:
            return "chat_not_found"
        return _clip("bad_request: " + desc.removeprefix("bad request: "))
    if kind in ("network", "timeout", "lost"):
        return _clip(f"{kind}: {desc}" if desc else kind)
    return _clip(f"{kind}: {desc}")


def classify(
    kind: ErrorKind,
    description: str,
    attempts: int,
    max_attempts: int,
    retry_after: float | None = None,
) -> Decision:
    """Decide the next step for a row whose ``attempts``-th send failed."""
    reason = reason_code(kind, description)
    if kind == "retry_after":
        return Decision("rate_limited", "flood_wait", float(retry_after or 1.0))
    if kind == "forbidden":
        return Decision("unreachable", reason)
    if kind == "lost":
        return Decision("uncertain", reason)
    if kind == "bad_request":
        desc = description.lower()
        if any(marker in desc for marker in UNREACHABLE_BAD_REQUESTS):
            return Decision("unreachable", reason)
        return Decision("failed", reason)
    if kind in ("network", "timeout", "other"):
        if attempts >= max_attempts:
            return Decision("failed", reason)
        return Decision("retry", reason, backoff_delay(attempts))
    return Decision("failed", reason)


def _clip(text: str) -> str:
    """Cut a reason to the column size."""
    return text[:MAX_REASON_CHARS]
