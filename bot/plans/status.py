"""Status machine of plans and of the moves in them.

A move goes Draf → Diajukan → Disetujui / Ditolak → Konsultasi → Ditetapkan → Dilaksanakan,
or Dibatalkan from any status that is not final. A change after approval sends a consulted
or decreed move back to Diajukan (``send_back``; see ``bot.plans.service_return``). A plan
follows its moves: draft while HR edits it, submitted while approvers decide, active once
every move is decided.
"""

from __future__ import annotations

from storage.types import (
    MOVE_APPROVED,
    MOVE_CANCELLED,
    MOVE_CONSULTATION,
    MOVE_DECREED,
    MOVE_DONE,
    MOVE_DRAFT,
    MOVE_REJECTED,
    MOVE_STATUSES,
    MOVE_SUBMITTED,
    PLAN_ACTIVE,
    PLAN_SUBMITTED,
)
from storage.types import PLAN_CANCELLED as PLAN_CANCELLED  # re-exported
from storage.types import PLAN_DRAFT as PLAN_DRAFT  # re-exported
from storage.types import PLAN_STATUSES as PLAN_STATUSES  # re-exported

# The status codes are stored values and live in storage.types (queries filter on them).
DRAFT = MOVE_DRAFT
SUBMITTED = MOVE_SUBMITTED
APPROVED = MOVE_APPROVED
REJECTED = MOVE_REJECTED
CONSULTATION = MOVE_CONSULTATION
DECREED = MOVE_DECREED
DONE = MOVE_DONE
CANCELLED = MOVE_CANCELLED
FINAL = frozenset({REJECTED, DONE, CANCELLED})

# action -> (statuses it may start from, resulting status)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({DRAFT}), SUBMITTED),
    "approve": (frozenset({SUBMITTED}), APPROVED),
    "reject": (frozenset({SUBMITTED}), REJECTED),
    "consult": (frozenset({APPROVED, CONSULTATION}), CONSULTATION),
    "decree": (frozenset({CONSULTATION}), DECREED),
    "change_tmt": (frozenset({DECREED}), DECREED),
    # a change after approval (revision, keep despite objection, new TMT) awaits approval
    "send_back": (frozenset({CONSULTATION, DECREED}), SUBMITTED),
    "carry_out": (frozenset({DECREED}), DONE),
    "cancel": (frozenset(set(MOVE_STATUSES) - FINAL), CANCELLED),
}


class TransitionError(ValueError):
    """Raised when an action is not allowed from a move's current status."""

    def __init__(self, action: str, status: str) -> None:
        super().__init__(f"{action} not allowed from {status}")
        self.action = action
        self.status = status


def can(action: str, status: str) -> bool:
    """True when ``action`` may be applied to a move in ``status``."""
    rule = TRANSITIONS.get(action)
    return rule is not None and status in rule[0]


def transition(action: str, status: str) -> str:
    """The status after ``action``; TransitionError when not allowed."""
    if not can(action, status):
        raise TransitionError(action, status)
    return TRANSITIONS[action][1]


def plan_status_after_decisions(move_statuses: list[str]) -> str:
    """A submitted plan becomes active once no move waits for an approver."""
    return PLAN_SUBMITTED if SUBMITTED in move_statuses else PLAN_ACTIVE
