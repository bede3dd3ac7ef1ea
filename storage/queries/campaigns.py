"""Queries of socialization campaigns. Never commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.campaigns import (
    CampaignEnrollment,
    CampaignStep,
    CampaignStepInstance,
    CampaignTemplate,
)
from storage.models.people import BotUser, Employee, Unit
from storage.models.plans import PlanMove

StepValues = tuple[int, str, str, str]  # offset_days, send_time (HH:MM), text_id, text_en


async def find_default_template(session: AsyncSession) -> CampaignTemplate | None:
    """The default template, or None before it is first created."""
    stmt = select(CampaignTemplate).where(CampaignTemplate.is_default.is_(True)).limit(1)
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_template(
    session: AsyncSession, name: str, steps: Iterable[StepValues], *, is_default: bool = False
) -> CampaignTemplate:
    """Store a template and its steps, numbered in the given order."""
    template = CampaignTemplate(name=name, is_default=is_default)
    session.add(template)
    await session.flush()
    for position, (offset_days, send_time, text_id, text_en) in enumerate(steps, start=1):
        session.add(
            CampaignStep(
                template_id=template.id,
                position=position,
                offset_days=offset_days,
                send_time=send_time,
                text_id=text_id,
                text_en=text_en,
            )
        )
    await session.flush()
    return template


async def steps_of(session: AsyncSession, template_id: int) -> list[CampaignStep]:
    """The steps of a template in sending order."""
    result = await session.execute(
        select(CampaignStep)
        .where(CampaignStep.template_id == template_id)
        .order_by(CampaignStep.offset_days, CampaignStep.position, CampaignStep.id)
    )
    return list(result.scalars())


async def enrollment_of_move(session: AsyncSession, move_id: int) -> CampaignEnrollment | None:
    """The campaign of one move, if any."""
    result = await session.execute(
        select(CampaignEnrollment).where(CampaignEnrollment.move_id == move_id)
    )
    return result.scalar_one_or_none()


async def add_enrollment(
    session: AsyncSession,
    *,
    move_id: int,
    plan_id: int,
    employee_id: int,
    template_id: int,
    effective_date: date,
) -> CampaignEnrollment:
    """Create the enrollment of a decreed move."""
    enrollment = CampaignEnrollment(
        move_id=move_id,
        plan_id=plan_id,
        employee_id=employee_id,
        template_id=template_id,
        effective_date=effective_date,
        status="active",
    )
    session.add(enrollment)
    await session.flush()
    return enrollment


async def instances_of(session: AsyncSession, enrollment_id: int) -> list[CampaignStepInstance]:
    """Every step instance of an enrollment, earliest first."""
    result = await session.execute(
        select(CampaignStepInstance)
        .where(CampaignStepInstance.enrollment_id == enrollment_id)
        .order_by(CampaignStepInstance.run_at, CampaignStepInstance.id)
    )
    return list(result.scalars())


async def recipient_of(
    session: AsyncSession, employee_id: int
) -> tuple[Employee, str | None, BotUser | None]:
    """The employee, their unit name and their reachable linked bot user (or None)."""
    employee = await session.get(Employee, employee_id)
    if employee is None:
        raise LookupError(f"employee {employee_id} not found")
    unit = await session.get(Unit, employee.unit_id) if employee.unit_id else None
    user = (
        await session.execute(
            select(BotUser).where(
                BotUser.employee_id == employee_id, BotUser.unreachable_at.is_(None)
            )
        )
    ).scalar_one_or_none()
    return employee, (unit.name if unit else None), user


async def destination_of(session: AsyncSession, move_id: int) -> tuple[str | None, str | None]:
    """The new unit's name and the new position of a move (None for what is unknown)."""
    move = await session.get(PlanMove, move_id)
    if move is None:
        return None, None
    unit = await session.get(Unit, move.to_unit_id) if move.to_unit_id else None
    return (unit.name if unit else None), (move.to_position or None)


async def get_step(session: AsyncSession, step_id: int) -> CampaignStep | None:
    """One template step, or None."""
    return await session.get(CampaignStep, step_id)


async def latest_move_sample(session: AsyncSession) -> tuple[str, str, str, date | None] | None:
    """Name, new unit, new position and TMT of the latest proposed move (a preview's sample)."""
    stmt = (
        select(Employee.name, Unit.name, PlanMove.to_position, PlanMove.proposed_tmt)
        .join(Employee, Employee.id == PlanMove.employee_id)
        .outerjoin(Unit, Unit.id == PlanMove.to_unit_id)
        .order_by(PlanMove.id.desc())
        .limit(1)
    )
    row = (await session.execute(stmt)).first()
    if row is None:
        return None
    name, unit, position, tmt = row
    return str(name), str(unit or ""), str(position or ""), tmt
