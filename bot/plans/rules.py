"""Warnings about a proposed move: eligibility, the position's quota, the golongan range.

A warning never blocks HR: it is shown, and going ahead anyway needs a written reason that
is kept in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.aspirations.eligibility import Eligibility
from bot.roster.validation import RANKS, RosterError, normalize_rank


@dataclass(frozen=True)
class MoveWarning:
    """One broken rule; ``code`` selects the variant of the ``plans.warn`` text."""

    code: str
    params: dict[str, str | int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    """What the move's destination position demands (all optional)."""

    quota: int | None = None
    taken: int = 0  # other live moves and staff already counted against the quota
    min_rank: str = ""
    max_rank: str = ""


def _rank_index(rank: str) -> int | None:
    """Index of a golongan in RANKS, or None when it is empty or unknown."""
    try:
        return RANKS.index(normalize_rank(rank))
    except RosterError:
        return None


def rank_in_range(rank: str, min_rank: str, max_rank: str) -> bool:
    """True when ``rank`` lies within [min_rank, max_rank] (open ends allowed)."""
    index = _rank_index(rank)
    if index is None:
        return not (min_rank or max_rank)
    low, high = _rank_index(min_rank), _rank_index(max_rank)
    return (low is None or index >= low) and (high is None or index <= high)


def check_move(eligibility: Eligibility, rank: str, target: Target) -> list[MoveWarning]:
    """Every warning that applies to moving an employee of ``rank`` to ``target``."""
    warnings = [MoveWarning(f"elig_{p.code}", dict(p.params)) for p in eligibility.problems]
    if target.quota is not None and target.taken >= target.quota:
        warnings.append(
            MoveWarning("quota_full", {"quota": str(target.quota), "taken": str(target.taken)})
        )
    if (target.min_rank or target.max_rank) and not rank_in_range(
        rank, target.min_rank, target.max_rank
    ):
        warnings.append(
            MoveWarning(
                "rank_range",
                {"rank": rank or "-", "min": target.min_rank or "-", "max": target.max_rank or "-"},
            )
        )
    return warnings
