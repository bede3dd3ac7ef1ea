"""Read-only delivery figures for the HR dashboard: announcements and campaign steps."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.compose import ANNOUNCEMENT_KIND
from bot.delivery.service_report import Figures
from bot.services.campaigns import KIND as CAMPAIGN_STEP_KIND
from storage.queries import delivery as dq

KINDS = (ANNOUNCEMENT_KIND, CAMPAIGN_STEP_KIND)


async def latest(session: AsyncSession, limit: int = 30) -> list[Figures]:
    """The latest announcements and campaign steps with their live counts, newest first."""
    rows = await dq.list_broadcasts(session, limit=limit, kinds=KINDS)
    return [Figures(b, await dq.broadcast_stats(session, b.id)) for b in rows]
