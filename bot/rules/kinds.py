"""What a position kind demands, and the dates that follow from a NIP.

Defaults, changed here: administrator posts need golongan III/c, S1/D4 and an SKP rating of
at least "baik" in each of the last two years; pengawas posts III/b, D3 and the same SKP;
JPT posts S1/D4 (PP 11/2017 as amended by PP 17/2020; the golongan minima follow the old
eselon table of PP 100/2000). An open position's own golongan range and education replace
the kind's defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bot.aspirations.eligibility import add_months
from bot.roster.validation import RANKS, RosterError, education_index, normalize_rank


@dataclass(frozen=True)
class KindRequirement:
    """The defaults of one position kind."""

    min_rank: str = ""
    min_education: str = ""
    skp: bool = False


KIND_REQUIREMENTS: Mapping[str, KindRequirement] = {
    "JPT": KindRequirement(min_education="S1"),
    "administrator": KindRequirement(min_rank="III/c", min_education="S1", skp=True),
    "pengawas": KindRequirement(min_rank="III/b", min_education="D3", skp=True),
}
SKP_GOOD = frozenset({"sangat baik", "baik"})


def rank_index(rank: str) -> int | None:
    """Index of a golongan in RANKS, or None when it is empty or unknown."""
    try:
        return RANKS.index(normalize_rank(rank))
    except RosterError:
        return None


def rank_in_range(rank: str, min_rank: str, max_rank: str) -> bool:
    """True when ``rank`` lies within [min_rank, max_rank] (open ends allowed)."""
    index = rank_index(rank)
    if index is None:
        return not (min_rank or max_rank)
    low, high = rank_index(min_rank), rank_index(max_rank)
    return (low is None or index >= low) and (high is None or index <= high)


def education_rank(level: str) -> int | None:
    """Comparable rank of an education level; D4 counts as S1 (``sarjana atau D-IV``)."""
    try:
        return education_index("S1" if level.upper() == "D4" else level)
    except (RosterError, ValueError):
        return None


def education_meets(level: str, required: str) -> bool | None:
    """Whether ``level`` reaches ``required``; None when the employee's level is unknown."""
    have, need = education_rank(level), education_rank(required)
    if need is None:
        return True
    return None if have is None else have >= need


def retirement_age(ages: Mapping[str, int], kind: str, title: str) -> int:
    """Batas usia pensiun of a position: by kind, functional posts by their level."""
    lowered = title.lower()
    if kind == "fungsional" and "ahli utama" in lowered and "ahli_utama" in ages:
        return ages["ahli_utama"]
    if kind == "fungsional" and "ahli madya" in lowered and "ahli_madya" in ages:
        return ages["ahli_madya"]
    return ages.get(kind, ages.get("default", 58))


def retirement_date(birth: date, age: int) -> date:
    """The pension's TMT: the first day of the month after the birthday at ``age``."""
    return add_months(date(birth.year + age, birth.month, 1), 1)


def years_after(start: date, years: float) -> date:
    """``start`` plus ``years`` (whole calendar months)."""
    return add_months(start, round(years * 12))
