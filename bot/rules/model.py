"""Plain values the rule set reads and returns: facts of a move, results, configuration."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from bot.config import RETIREMENT_DEFAULTS

Outcome = Literal["ok", "warning", "blocking"]
OK: Outcome = "ok"
WARNING: Outcome = "warning"
BLOCKING: Outcome = "blocking"
Point = Literal["add", "submit", "approve", "decree"]
POINTS: tuple[Point, ...] = ("add", "submit", "approve", "decree")
Param = str | int | float | date


@dataclass(frozen=True)
class RuleResult:
    """One rule judged on one date; ``code`` selects the text, ``params`` fill it."""

    rule: str
    outcome: Outcome
    judged_on: date
    code: str
    params: dict[str, Param] = field(default_factory=dict)


@dataclass(frozen=True)
class FreezePeriod:
    """An election freeze period (UU 10/2016 pasal 71 and 162), both days included."""

    starts_on: date
    ends_on: date
    name: str = ""


@dataclass(frozen=True)
class MinisterApproval:
    """The Minister of Home Affairs' written approval of one move: number and date."""

    number: str
    issued_on: date


@dataclass(frozen=True)
class EmployeeFacts:
    """What the roster says about the employee (empty / None when unknown)."""

    nip: str
    position_kind: str = ""
    position_title: str = ""
    rank: str = ""
    education_level: str = ""
    position_tmt: date | None = None
    sanction: bool = False
    sanction_level: str = ""
    sanction_until: date | None = None
    under_examination: bool = False
    study_leave: bool = False
    study_leave_until: date | None = None
    service_bond_until: date | None = None
    skp_last_year: str = ""
    skp_year_before: str = ""


@dataclass(frozen=True)
class TargetFacts:
    """Where the move goes: an agency outside (``leaves_agency``) or a position inside."""

    leaves_agency: bool = False
    position_kind: str = ""
    position_title: str = ""
    min_rank: str = ""
    max_rank: str = ""
    education_level: str = ""
    quota: int | None = None
    taken: int = 0  # other live moves already counted against the quota


@dataclass(frozen=True)
class MoveFacts:
    """Everything the rules read about one move."""

    employee: EmployeeFacts
    target: TargetFacts = TargetFacts()
    freezes: tuple[FreezePeriod, ...] = ()
    approval: MinisterApproval | None = None


@dataclass(frozen=True)
class RuleConfig:
    """The configurable numbers of the rules (``bot.config.Settings`` supplies them)."""

    min_years_in_position: float = 2.0
    rotation_due_years: float = 5.0
    out_min_service_years: float = 10.0
    out_years_before_retirement: float = 5.0
    retirement_ages: Mapping[str, int] = field(default_factory=lambda: dict(RETIREMENT_DEFAULTS))
