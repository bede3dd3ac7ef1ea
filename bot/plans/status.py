"""Status machine of plans and of the moves in them.

A move goes Draf → Diajukan → Disetujui / Ditolak → Konsultasi → Ditetapkan → Dilaksanakan,
or Dibatalkan from any status that is not final. A plan follows its moves: draft while HR
edits it, submitted while approvers decide, active once every move is decided.
"""

from __future__ import annotations

DRAFT = "draft"
SUBMITTED = "submitted"
APPROVED = "approved"
REJECTED = "rejected"
CONSULTATION = "consultation"
DECREED = "decreed"
DONE = "done"
CANCELLED = "cancelled"
MOVE_STATUSES = (DRAFT, SUBMITTED, APPROVED, REJECTED, CONSULTATION, DECREED, DONE, CANCELLED)
FINAL = frozenset({REJECTED, DONE, CANCELLED})

PLAN_DRAFT = "draft"
PLAN_SUBMITTED = "submitted"
PLAN_ACTIVE = "active"
PLAN_CANCELLED = "cancelled"
PLAN_STATUSES = (PLAN_DRAFT, PLAN_SUBMITTED, PLAN_ACTIVE, PLAN_CANCELLED)

# action -> (statuses it may start from, resulting status)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({DRAFT}), SUBMITTED),
    "approve": (frozenset({SUBMITTED}), APPROVED),
    "reject": (frozenset({SUBMITTED}), REJECTED),
    "consult": (frozenset({APPROVED, CONSULTATION}), CONSULTATION),
    "decree": (frozenset({CONSULTATION}), DECREED),
    "change_tmt": (frozenset({DECREED}), DECREED),
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
