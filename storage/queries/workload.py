"""Queries of workload (ABK) figures and of a plan's unit-to-unit moves. Never commits."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.models import PlanMove, Unit, WorkloadFigure
from storage.types import MOVE_DONE, MOVE_NOT_COUNTED, Figure


async def upsert_figures(session: AsyncSession, figures: Sequence[Figure]) -> tuple[int, int]:
    """Insert or update figures by (unit, position); return (added, updated)."""
    existing = {
        (w.unit_name.lower(), w.position.lower()): w
        for w in (await session.execute(select(WorkloadFigure))).scalars()
    }
    units = {n.lower(): i for i, n in (await session.execute(select(Unit.id, Unit.name))).all()}
    added = updated = 0
    for f in figures:
        row = existing.get((f.unit.lower(), f.position.lower()))
        if row is None:
            session.add(
                WorkloadFigure(
                    unit_id=units.get(f.unit.lower()),
                    unit_name=f.unit,
                    position=f.position,
                    need=f.need,
                    staffed=f.staffed,
                )
            )
            added += 1
        elif (row.need, row.staffed) != (f.need, f.staffed):
            row.need, row.staffed = f.need, f.staffed
            updated += 1
    await session.flush()
    return added, updated


async def all_figures(session: AsyncSession) -> list[Figure]:
    """Every stored figure as a domain Figure."""
    result = await session.execute(select(WorkloadFigure).order_by(WorkloadFigure.unit_name))
    return [Figure(w.unit_name, w.position, w.need, w.staffed) for w in result.scalars()]


async def plan_unit_moves(
    session: AsyncSession, plan_id: int
) -> list[tuple[str | None, str | None]]:
    """(from unit, to unit) names of a plan's live moves (not yet carried out: those are in
    the staffed figures already)."""
    src, dst = aliased(Unit), aliased(Unit)
    result = await session.execute(
        select(src.name, dst.name)
        .select_from(PlanMove)
        .outerjoin(src, src.id == PlanMove.from_unit_id)
        .outerjoin(dst, dst.id == PlanMove.to_unit_id)
        .where(PlanMove.plan_id == plan_id, PlanMove.status.not_in((*MOVE_NOT_COUNTED, MOVE_DONE)))
    )
    return [(f, t) for f, t in result.all()]
