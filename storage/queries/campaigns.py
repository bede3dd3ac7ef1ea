"""Queries of socialization campaigns. Never commits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.campaigns.defaults import DEFAULT_STEPS, DEFAULT_TEMPLATE_NAME
from storage.models.campaigns import (
    CampaignEnrollment,
    CampaignStep,
    CampaignStepInstance,
    CampaignTemplate,
)
from storage.models.people import BotUser, Employee, Unit

TextOf = Callable[[str, str], str]  # (locale, key) -> text


async def default_template(session: AsyncSession, text_of: TextOf) -> CampaignTemplate:
    """The default template, created from the shipped steps on first use."""
    found = (
        await session.execute(
            select(CampaignTemplate).where(CampaignTemplate.is_default.is_(True)).limit(1)
        )
    ).scalar_one_or_none()
    if found is not None:
        return found
    template = CampaignTemplate(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    session.add(template)
    await session.flush()
    for position, step in enumerate(DEFAULT_STEPS, start=1):
        session.add(
            CampaignStep(
                template_id=template.id,
                position=position,
                offset_days=step.offset_days,
                send_time=step.send_time,
                text_id=text_of("id", step.text_key),
                text_en=text_of("en", step.text_key),
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


async def get_step(session: AsyncSession, step_id: int) -> CampaignStep | None:
    """One template step, or None."""
    return await session.get(CampaignStep, step_id)
