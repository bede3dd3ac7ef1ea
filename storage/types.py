"""Plain values shared by storage and the domain: stored status codes and row types.

``storage`` never imports ``bot`` (the layer contract in ``pyproject.toml``), so the codes a
query filters on and the value types a query returns live here, and the domain modules in
``bot/`` import them from here. Pure Python (no SQLAlchemy): importing it loads no database
code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# ``Aspiration.status``; the state machine is ``bot.aspirations.rules`` (drafts are not stored).
ASPIRATION_SUBMITTED = "submitted"
ASPIRATION_VERIFIED = "verified"
ASPIRATION_RETURNED = "returned"
ASPIRATION_ACCEPTED = "accepted"
ASPIRATION_REJECTED = "rejected"
ASPIRATION_WITHDRAWN = "withdrawn"
# An accepted aspiration follows the move made of it (``bot.aspirations.planning``).
ASPIRATION_PLANNED = "planned"  # a move in a plan carries it
ASPIRATION_DECREED = "decreed"  # that move was decreed (or carried out)
ASPIRATION_NOT_TAKEN = "not_taken"  # that move was rejected or cancelled
ASPIRATION_STORED_STATUSES = (
    ASPIRATION_SUBMITTED,
    ASPIRATION_VERIFIED,
    ASPIRATION_RETURNED,
    ASPIRATION_ACCEPTED,
    ASPIRATION_REJECTED,
    ASPIRATION_WITHDRAWN,
    ASPIRATION_PLANNED,
    ASPIRATION_DECREED,
    ASPIRATION_NOT_TAKEN,
)

# ``PlanMove.status`` and ``MutationPlan.status``; the state machine is ``bot.plans.status``.
MOVE_DRAFT = "draft"
MOVE_SUBMITTED = "submitted"
MOVE_APPROVED = "approved"
MOVE_REJECTED = "rejected"
MOVE_CONSULTATION = "consultation"
MOVE_DECREED = "decreed"
MOVE_DONE = "done"
MOVE_CANCELLED = "cancelled"
MOVE_STATUSES = (
    MOVE_DRAFT,
    MOVE_SUBMITTED,
    MOVE_APPROVED,
    MOVE_REJECTED,
    MOVE_CONSULTATION,
    MOVE_DECREED,
    MOVE_DONE,
    MOVE_CANCELLED,
)
MOVE_NOT_COUNTED = (MOVE_REJECTED, MOVE_CANCELLED)  # moves that hold no position or unit slot
PLAN_DRAFT = "draft"
PLAN_SUBMITTED = "submitted"
PLAN_ACTIVE = "active"
PLAN_CANCELLED = "cancelled"
PLAN_STATUSES = (PLAN_DRAFT, PLAN_SUBMITTED, PLAN_ACTIVE, PLAN_CANCELLED)


@dataclass(frozen=True)
class TextKey:
    """A user-facing text by its locale key, rendered by the caller in the reader's language."""

    key: str


@dataclass
class ExportRecord:
    """One aspiration with the employee fields HR needs, as plain values."""

    reference: str
    window: str
    nip: str
    name: str
    unit: str
    position: str
    rank: str
    kind: str
    prefs: list[dict[str, Any]]
    reason_cat: str
    reason_text: str
    relocate: bool
    relocate_note: str
    eligible: bool
    problems: list[str]
    status: str
    hr_note: str
    submitted_at: datetime | None
    updated_at: datetime | None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResponseRow:
    """One submitted questionnaire, as far as aggregation needs it."""

    round_label: str
    group: str
    answers: dict[str, Any]


@dataclass(frozen=True)
class ParticipationRow:
    """One invitation: its round, group, status and whether it was ever started."""

    round_label: str
    group: str
    status: str
    started: bool


@dataclass(frozen=True)
class Figure:
    """One workload (ABK) row: a position's need and staff in post in a unit."""

    unit: str
    position: str
    need: int
    staffed: int
