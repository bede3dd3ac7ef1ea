"""Data-rights export of an employee's socialization campaigns (see storage.queries.privacy).

Enrolments follow a decreed move and hold no text of the person: they are kept on unlink
as part of BKPSDM's record of the move (steps of an unlinked employee are not sent).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser, CampaignEnrollment, CampaignStepInstance, CampaignTemplate


async def export_for_user(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The employee's campaign enrolments with the planned steps and what became of them."""
    if user.employee_id is None:
        return {}
    rows = await session.execute(
        select(CampaignEnrollment, CampaignTemplate.name)
        .join(CampaignTemplate, CampaignTemplate.id == CampaignEnrollment.template_id)
        .where(CampaignEnrollment.employee_id == user.employee_id)
        .order_by(CampaignEnrollment.id)
    )
    items = []
    for enrollment, template in rows.tuples():
        steps = await session.execute(
            select(CampaignStepInstance)
            .where(CampaignStepInstance.enrollment_id == enrollment.id)
            .order_by(CampaignStepInstance.run_at)
        )
        items.append(
            {
                "move_id": enrollment.move_id, "campaign": template,
                "effective_date": enrollment.effective_date.isoformat(),
                "status": enrollment.status, "created_at": enrollment.created_at.isoformat(),
                "steps": [
                    {"run_at": s.run_at.isoformat(), "status": s.status, "reason": s.reason}
                    for s in steps.scalars()
                ],
            }
        )  # fmt: skip
    return {"campaigns": items} if items else {}
