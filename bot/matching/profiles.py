"""Plain data the matcher works on: open positions, employee profiles, education and rank."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.roster.validation import (
    EDUCATION_LEVELS,
    RANKS,
    RosterError,
    normalize_education,
    normalize_rank,
)

__all__ = [
    "EDUCATION_LEVELS",
    "RANKS",
    "EmployeeProfile",
    "PositionSpec",
    "education_rank",
    "major_key",
    "rank_position",
]

_SPACE_RE = re.compile(r"[\s.,\-_/]+")


@dataclass(frozen=True)
class PositionSpec:
    """An open position (formasi): requirements as HR wrote them, limits and quota."""

    position_id: str
    title: str
    unit: str
    required_skills: str
    education_level: str = ""
    education_fields: tuple[str, ...] = ()
    min_golongan: str = ""
    max_golongan: str = ""
    quota: int = 1


@dataclass(frozen=True)
class EmployeeProfile:
    """What the matcher knows about one civil servant."""

    nip: str
    name: str
    unit: str
    position: str
    golongan: str
    education_level: str
    education_field: str
    skills_text: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def education_rank(level: str) -> int:
    """Index in SD < SMP < SMA(=SMK) < D1 < D2 < D3 < D4 < S1 < S2 < S3; -1 if unknown."""
    try:
        norm = normalize_education(level)
    except RosterError:
        return -1
    return EDUCATION_LEVELS.index(norm) if norm else -1


def rank_position(golongan: str) -> int:
    """Index of a golongan in I/a … IV/e; -1 if empty or unknown."""
    try:
        return RANKS.index(normalize_rank(golongan))
    except RosterError:
        return -1


def major_key(major: str) -> str:
    """Comparison key of a major: case-insensitive, spacing and punctuation ignored."""
    return _SPACE_RE.sub(" ", major.casefold()).strip()
