"""Pure rules of follow-up cases: who owns a new case, when it is due, when it is late."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def next_owner(officers: Iterable[int], last_owner: int | None) -> int | None:
    """Round-robin: the HR officer after the owner of the last case (by Telegram id)."""
    ordered = sorted(set(officers))
    if not ordered:
        return None
    if last_owner is None:
        return ordered[0]
    later = [officer for officer in ordered if officer > last_owner]
    return later[0] if later else ordered[0]


def due_date(opened_on: date, days: int) -> date:
    """The day a case opened on ``opened_on`` should be acted on."""
    return opened_on + timedelta(days=days)


def is_overdue(due_on: date, today: date) -> bool:
    """True once the due day has passed without the case (or question) being done."""
    return today > due_on


def page_bounds(total: int, page: int, size: int) -> tuple[int, int]:
    """(the page actually shown, the number of pages) of a list of ``total`` items."""
    pages = max(1, -(-total // size))
    return min(max(page, 0), pages - 1), pages
