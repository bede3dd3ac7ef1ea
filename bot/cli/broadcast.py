"""``asn-bot broadcast send|status|list|cancel``: operate broadcasts from the shell.

The CLI only writes to the database: immediate broadcasts become a queued Broadcast and
its outbox rows (the running bot's worker polls the outbox), ``--at`` ones a scheduled
Broadcast and a ScheduledItem (the running bot's scheduler polls for new items).
"""

from __future__ import annotations

import argparse

from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import fail, run_in_transaction, settings_or_exit, typed_or_exit
from bot.delivery import recipients
from bot.delivery.audience import AudienceError, parse_audience
from bot.i18n.dates import format_datetime
from bot.texts import t
from storage.models.base import utcnow
from storage.queries import delivery as q
from storage.queries import scheduling as sq


def cmd_send(args: argparse.Namespace) -> int:
    """Queue (or schedule with ``--at``) a broadcast and print its id."""
    settings = settings_or_exit()
    loc = settings.default_locale
    try:
        spec = parse_audience(args.audience)
    except AudienceError as exc:
        fail(t(loc, exc.key, **exc.params))
    typed = typed_or_exit(args.at, settings, time_rule="required") if args.at else None
    run_at = typed.at() if typed is not None else None

    async def action(session: AsyncSession) -> str:
        """Write the broadcast (and its rows or its schedule entry)."""
        if spec["kind"] == "units":
            spec["unit_ids"] = [
                u for u, _ in await recipients.resolve_units(session, spec["names"])
            ]
        count = len(await recipients.resolve_audience(session, spec))
        broadcast = await q.create_broadcast(
            session,
            text=args.text,
            audience=spec,
            title=args.title,
            parse_mode=args.parse_mode,
            scheduled_at=run_at,
        )
        if run_at is None:
            count = await recipients.materialize_broadcast(session, broadcast.id, utcnow())
            return t(loc, "delivery.cli.queued", id=broadcast.id, count=count)
        await sq.add_item(session, "broadcast", broadcast.id, run_at)
        at = format_datetime(run_at, loc, settings.tz, "short")
        return t(loc, "delivery.cli.scheduled", id=broadcast.id, at=at, count=count)

    try:
        print(run_in_transaction(settings, action))
    except AudienceError as exc:
        fail(t(loc, exc.key, **exc.params))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print total, sent, failed, unreachable, pending of one broadcast."""
    settings = settings_or_exit()
    loc = settings.default_locale

    async def action(session: AsyncSession) -> str | None:
        """Read the broadcast and its figures."""
        broadcast = await q.get_broadcast(session, args.id)
        if broadcast is None:
            return None
        stats = await q.broadcast_stats(session, args.id)
        lines = [
            t(
                loc,
                "delivery.cli.status",
                id=args.id,
                status=broadcast.status,
                total=stats.total,
                sent=stats.sent,
                failed=stats.failed,
                unreachable=stats.unreachable,
                pending=stats.pending,
                uncertain=stats.uncertain,
            )
        ]
        lines += [
            t(loc, "delivery.reason_line", reason=r, count=c)
            for r, c in sorted(stats.failures_by_reason.items())
        ]
        return "\n".join(lines)

    text = run_in_transaction(settings, action)
    if text is None:
        fail(t(loc, "delivery.cli.not_found", id=args.id))
    print(text)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print the most recent broadcasts."""
    settings = settings_or_exit()
    loc = settings.default_locale

    async def action(session: AsyncSession) -> list[str]:
        """Read recent broadcasts."""
        rows = await q.list_broadcasts(session, limit=args.limit)
        return [
            t(
                loc,
                "delivery.cli.list_line",
                id=b.id,
                status=b.status,
                kind=b.kind,
                title=b.title or b.text[:40].replace("\n", " "),
                created=format_datetime(b.created_at, loc, settings.tz, "short"),
            )
            for b in rows
        ]

    lines = run_in_transaction(settings, action)
    print("\n".join(lines) if lines else t(loc, "delivery.cli.empty_list"))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    """Cancel a broadcast that has not finished."""
    settings = settings_or_exit()
    loc = settings.default_locale

    async def action(session: AsyncSession) -> bool:
        """Cancel the broadcast."""
        return await q.cancel_broadcast(session, args.id, utcnow())

    if not run_in_transaction(settings, action):
        fail(t(loc, "delivery.cli.not_cancellable", id=args.id))
    print(t(loc, "delivery.cli.cancelled", id=args.id))
    return 0
