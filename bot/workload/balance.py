"""Need, staffed and gap per unit, and how a plan's moves change them.

``gap = staffed - need``: negative is a shortage, positive a surplus. A plan is flagged for
a unit that was already short and whose shortage grows after the plan's moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.types import Figure


@dataclass(frozen=True)
class UnitBalance:
    """A unit's figures before and after a plan (equal when there is no plan)."""

    unit: str
    need: int
    staffed: int
    leaving: int = 0
    arriving: int = 0

    @property
    def gap(self) -> int:
        """Staffed minus need before the plan."""
        return self.staffed - self.need

    @property
    def staffed_after(self) -> int:
        """Staff in post after the plan's moves."""
        return self.staffed - self.leaving + self.arriving

    @property
    def gap_after(self) -> int:
        """Staffed minus need after the plan's moves."""
        return self.staffed_after - self.need

    @property
    def widened_shortage(self) -> bool:
        """True when a unit already short is left shorter by the plan."""
        return self.gap < 0 and self.gap_after < self.gap


def by_unit(figures: Iterable[Figure]) -> list[UnitBalance]:
    """Sum need and staffed per unit, ordered by unit name."""
    need: dict[str, int] = {}
    staffed: dict[str, int] = {}
    for f in figures:
        need[f.unit] = need.get(f.unit, 0) + f.need
        staffed[f.unit] = staffed.get(f.unit, 0) + f.staffed
    return [UnitBalance(u, need[u], staffed[u]) for u in sorted(need)]


def after_moves(
    balances: Iterable[UnitBalance], moves: Iterable[tuple[str | None, str | None]]
) -> list[UnitBalance]:
    """Apply (from unit, to unit) moves; units without figures are added with need 0."""
    table = {b.unit: b for b in balances}
    leaving: dict[str, int] = {}
    arriving: dict[str, int] = {}
    for src, dst in moves:
        if src == dst:
            continue
        if src:
            leaving[src] = leaving.get(src, 0) + 1
        if dst:
            arriving[dst] = arriving.get(dst, 0) + 1
    units = sorted(set(table) | set(leaving) | set(arriving))
    result = []
    for unit in units:
        base = table.get(unit, UnitBalance(unit, 0, 0))
        result.append(
            UnitBalance(unit, base.need, base.staffed, leaving.get(unit, 0), arriving.get(unit, 0))
        )
    return result


def flagged(balances: Iterable[UnitBalance]) -> list[str]:
    """Units whose existing shortage the plan widens."""
    return [b.unit for b in balances if b.widened_shortage]


def totals(balances: Iterable[UnitBalance]) -> UnitBalance:
    """One row summing every unit (unit name empty)."""
    rows = list(balances)
    return UnitBalance(
        "",
        sum(b.need for b in rows),
        sum(b.staffed for b in rows),
        sum(b.leaving for b in rows),
        sum(b.arriving for b in rows),
    )
