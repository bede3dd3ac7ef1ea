"""The delivery report of announcements (/laporan_kirim): figures, failure reasons, XLSX."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.compose import ANNOUNCEMENT_KIND
from bot.delivery.report_xlsx import build_report
from storage.models.delivery import Broadcast
from storage.queries import audit
from storage.queries import delivery as dq
from storage.queries.delivery import BroadcastStats

REPORT_LIMIT = 10
Label = Callable[[str], str]


@dataclass(frozen=True)
class Figures:
    """One announcement with its delivery figures."""

    broadcast: Broadcast
    stats: BroadcastStats

    def reasons(self) -> list[tuple[str, int]]:
        """Failure reasons, most frequent first."""
        return sorted(self.stats.failures_by_reason.items(), key=lambda item: -item[1])


async def recent(session: AsyncSession, limit: int = REPORT_LIMIT) -> list[Figures]:
    """The latest announcements (not campaign steps) with their figures, newest first."""
    rows = await dq.list_broadcasts(session, limit=limit, kinds=(ANNOUNCEMENT_KIND,))
    return [Figures(b, await dq.broadcast_stats(session, b.id)) for b in rows]


async def figures(session: AsyncSession, broadcast_id: int) -> Figures | None:
    """The figures of one announcement, or None when it does not exist."""
    broadcast = await dq.get_broadcast(session, broadcast_id)
    if broadcast is None:
        return None
    return Figures(broadcast, await dq.broadcast_stats(session, broadcast_id))


async def export(
    session: AsyncSession, actor: int, broadcast_id: int, label: Label
) -> bytes | None:
    """The XLSX of one announcement's figures and failures (None when it does not exist)."""
    found = await figures(session, broadcast_id)
    if found is None:
        return None
    stats = found.stats
    rows: list[tuple[str, object]] = [
        ("total", stats.total), ("sent", stats.sent), ("failed", stats.failed),
        ("unreachable", stats.unreachable), ("uncertain", stats.uncertain),
        ("pending", stats.pending), ("cancelled", stats.cancelled),
    ]  # fmt: skip
    rows += [(f"reason: {r}", c) for r, c in sorted(stats.failures_by_reason.items())]
    failures = await dq.failed_rows(session, broadcast_id)
    await audit.record(
        session, audit.actor_of(actor), "broadcast.exported", "broadcast", broadcast_id
    )
    return build_report(label, rows, failures)
