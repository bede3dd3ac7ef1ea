"""Aspiration windows (periode) as workflows: open, extend, close, list; chat and CLI alike.

Every change is audited with the actor (``tg:<id>`` or ``cli``); closing is a
compare-and-set on ``closed_at`` so a double press records one closing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.render import window_times
from bot.aspirations.windows import CLOSED, ENDED, state_of, validate_new_window
from bot.unit_search import NameIndex
from storage.models import AspirationWindow
from storage.queries import aspirations as q
from storage.queries import aspirations_changes as qc
from storage.queries import audit

UNIT_MATCH = 85.0


@dataclass(frozen=True)
class WindowsView:
    """Recent windows, newest first, and which one HR may extend or close now."""

    windows: list[AspirationWindow]
    extendable: AspirationWindow | None
    closable: AspirationWindow | None


async def overview(session: AsyncSession, now: datetime, limit: int = 5) -> WindowsView:
    """The recent windows; only the newest can be extended (not closed) or closed (not ended)."""
    windows = await q.list_windows(session, limit)
    newest = windows[0] if windows else None
    state = state_of(window_times(newest), now) if newest else CLOSED
    extendable = newest if state != CLOSED else None
    closable = newest if state not in (CLOSED, ENDED) else None
    return WindowsView(windows, extendable, closable)


async def pending(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """A window open now or still to come, if any (only one may exist at a time)."""
    windows = await q.pending_windows(session, now)
    return windows[0] if windows else None


@dataclass(frozen=True)
class UnitMatch:
    """Units found for typed names (ids and names in order) and the names not found."""

    ids: list[int]
    names: list[str]
    unknown: list[str]


async def resolve_units(session: AsyncSession, typed: list[str]) -> UnitMatch:
    """Find each typed unit name or abbreviation (strict fuzzy match)."""
    units = await q.unit_choices(session)
    index = NameIndex([name for _id, name in units])
    match = UnitMatch([], [], [])
    for part in (p.strip() for p in typed):
        if not part:
            continue
        found = index.search(part, limit=1, cutoff=UNIT_MATCH)
        if found:
            match.ids.append(units[found[0].index][0])
            match.names.append(units[found[0].index][1])
        else:
            match.unknown.append(part)
    return match


@dataclass(frozen=True)
class Invalid:
    """The times do not make a usable window; ``error`` is a code of ``validate_new_window``."""

    error: str


@dataclass(frozen=True)
class PendingExists:
    """Another window is open or scheduled."""

    window: AspirationWindow


@dataclass(frozen=True)
class Opened:
    """The new window."""

    window: AspirationWindow


async def open_window(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    name: str,
    start: datetime,
    end: datetime,
    unit_ids: list[int],
) -> Opened | PendingExists | Invalid:
    """Open a window (for ``unit_ids`` only, when given) unless another one is pending."""
    error = validate_new_window(start, end, now)
    if error:
        return Invalid(error)
    existing = await pending(session, now)
    if existing is not None:
        return PendingExists(existing)
    actor = audit.actor_of(actor_id)
    window = await q.create_window(session, name, start, end, unit_ids, actor)
    await audit.record(session, actor, "aspiration_window.opened", "aspiration_window", window.id)
    return Opened(window)


@dataclass(frozen=True)
class Missing:
    """No such window."""


@dataclass(frozen=True)
class Extended:
    """The window with its new end."""

    window: AspirationWindow


async def extend(
    session: AsyncSession, now: datetime, actor_id: int | None, window_id: int | None, end: datetime
) -> Extended | Invalid | Missing:
    """Move a window's end (the latest window when ``window_id`` is None); reopens it."""
    window = await (qc.get_window(session, window_id) if window_id else q.latest_window(session))
    if window is None:
        return Missing()
    error = validate_new_window(window.starts_at, end, now)
    if error:
        return Invalid(error)
    old = window.ends_at
    await qc.set_window_end(session, window.id, end)
    await audit.record(
        session,
        audit.actor_of(actor_id),
        "aspiration_window.extended",
        "aspiration_window",
        window.id,
        old_end=old.isoformat(),
        new_end=end.isoformat(),
    )
    return Extended(window)


@dataclass(frozen=True)
class Closed:
    """The window is closed (``changed``: by this call, not before)."""

    window: AspirationWindow
    changed: bool


async def close(
    session: AsyncSession, now: datetime, actor_id: int | None, window_id: int
) -> Closed | Missing:
    """Close a window now (employees can no longer send or change aspirations)."""
    window = await qc.get_window(session, window_id)
    if window is None:
        return Missing()
    changed = await qc.close_window(session, window.id, now)
    if changed:
        await audit.record(
            session, audit.actor_of(actor_id), "aspiration_window.closed", "aspiration_window",
            window.id,
        )  # fmt: skip
    return Closed(window, changed)


async def close_pending(
    session: AsyncSession, now: datetime, actor_id: int | None
) -> list[AspirationWindow]:
    """Close every open or scheduled window; return those closed."""
    closed = []
    for window in await q.pending_windows(session, now):
        result = await close(session, now, actor_id, window.id)
        if isinstance(result, Closed) and result.changed:
            closed.append(result.window)
    return closed


async def listing(session: AsyncSession, limit: int) -> list[tuple[AspirationWindow, int]]:
    """Recent windows with their number of aspirations."""
    windows = await q.list_windows(session, limit)
    return [(w, sum((await q.status_counts(session, w.id)).values())) for w in windows]


async def window_or_latest(session: AsyncSession, window_id: int | None) -> AspirationWindow | None:
    """The window ``window_id``, or the latest one when None."""
    if window_id:
        return await window(session, window_id)
    return await q.latest_window(session)


async def window(session: AsyncSession, window_id: int) -> AspirationWindow | None:
    """One window by id."""
    return await qc.get_window(session, window_id)
