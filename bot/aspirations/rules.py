"""Codes, limits, the status state machine and reference numbers of aspirations."""

from __future__ import annotations

from datetime import timedelta

from storage.types import (
    ASPIRATION_ACCEPTED,
    ASPIRATION_DECREED,
    ASPIRATION_NOT_TAKEN,
    ASPIRATION_PLANNED,
    ASPIRATION_REJECTED,
    ASPIRATION_RETURNED,
    ASPIRATION_STORED_STATUSES,
    ASPIRATION_SUBMITTED,
    ASPIRATION_VERIFIED,
    ASPIRATION_WITHDRAWN,
)

KINDS = ("rotation", "other_unit", "out", "other")
REASONS = ("family", "health", "career", "competence", "workload", "other")
MAX_PREFERENCES = 3
REASON_MAX_LEN = 500
NOTE_MAX_LEN = 300
HR_NOTE_MAX_LEN = 500
QUERY_MAX_LEN = 100

# The stored status codes live in storage.types (queries filter on them); drafts are not stored.
DRAFT = "draft"
SUBMITTED = ASPIRATION_SUBMITTED
VERIFIED = ASPIRATION_VERIFIED
RETURNED = ASPIRATION_RETURNED
ACCEPTED = ASPIRATION_ACCEPTED
REJECTED = ASPIRATION_REJECTED
WITHDRAWN = ASPIRATION_WITHDRAWN
PLANNED = ASPIRATION_PLANNED
DECREED = ASPIRATION_DECREED
NOT_TAKEN = ASPIRATION_NOT_TAKEN
STORED_STATUSES = ASPIRATION_STORED_STATUSES
STATUSES = (DRAFT, *STORED_STATUSES)
FINAL_STATUSES = frozenset({ACCEPTED, REJECTED, PLANNED, DECREED, NOT_TAKEN})

# action -> (statuses it may start from, resulting status); None means "no aspiration yet".
TRANSITIONS: dict[str, tuple[frozenset[str | None], str]] = {
    "submit": (frozenset({None, SUBMITTED, VERIFIED, RETURNED, WITHDRAWN}), SUBMITTED),
    "withdraw": (frozenset({SUBMITTED, VERIFIED, RETURNED}), WITHDRAWN),
    "verify": (frozenset({SUBMITTED}), VERIFIED),
    "return": (frozenset({SUBMITTED, VERIFIED}), RETURNED),
    "accept": (frozenset({SUBMITTED, VERIFIED}), ACCEPTED),
    "reject": (frozenset({SUBMITTED, VERIFIED, RETURNED}), REJECTED),
    # An accepted aspiration follows the move made of it (bot.aspirations.planning).
    "include": (frozenset({ACCEPTED, NOT_TAKEN}), PLANNED),
    "decree": (frozenset({PLANNED}), DECREED),
    "not_take": (frozenset({PLANNED, DECREED}), NOT_TAKEN),
}
PLANNING_ACTIONS = ("include", "decree", "not_take")
HR_ACTIONS = ("verify", "return", "accept", "reject")
EMPLOYEE_ACTIONS = ("submit", "withdraw")
NOTE_REQUIRED = frozenset({"return", "reject"})
CONFIRM_FIRST = frozenset({"accept"})  # decisions HR confirms after seeing the summary
# An accepted aspiration's notice waits this long, so HR can take the decision back.
UNDO_WINDOW = {"accept": timedelta(minutes=2)}


class TransitionError(ValueError):
    """Raised when an action is not allowed from the aspiration's current status."""

    def __init__(self, action: str, status: str | None) -> None:
        super().__init__(f"{action} not allowed from {status}")
        self.action = action
        self.status = status


def can(action: str, status: str | None) -> bool:
    """True when ``action`` may be applied to an aspiration in ``status``."""
    rule = TRANSITIONS.get(action)
    return rule is not None and status in rule[0]


def transition(action: str, status: str | None) -> str:
    """The status after ``action``; raises TransitionError when not allowed."""
    if not can(action, status):
        raise TransitionError(action, status)
    return TRANSITIONS[action][1]


def hr_actions_for(status: str) -> list[str]:
    """The HR actions available for an aspiration in ``status``, in button order."""
    return [a for a in HR_ACTIONS if can(a, status)]


def employee_may_edit(status: str | None, window_open: bool) -> bool:
    """Employees change their aspiration while the window is open, or when HR returned it."""
    if status in FINAL_STATUSES:
        return False
    return window_open or status == RETURNED


def employee_may_withdraw(status: str | None, window_open: bool) -> bool:
    """Employees withdraw until the window closes (final decisions stay)."""
    return window_open and can("withdraw", status)


def reference_number(year: int, seq: int) -> str:
    """The public reference of an aspiration, e.g. ``ASP-2026-000123``."""
    if seq < 0:
        raise ValueError("sequence must not be negative")
    return f"ASP-{year:04d}-{seq:06d}"
