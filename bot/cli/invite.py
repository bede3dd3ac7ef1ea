"""``asn-bot invite NIP``: create a one-time registration link for one employee."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.i18n.dates import format_datetime
from bot.registration.invites import create_invite, invite_link
from bot.roster.validation import RosterError, parse_nip
from bot.texts import t
from storage.models import utcnow
from storage.queries.audit import record
from storage.queries.employees import get_employee_by_nip


def register(sub: Any) -> None:
    """Add ``invite``."""
    p = sub.add_parser("invite", help="create a one-time registration link for an employee")
    p.add_argument("nip", help="the employee's 18-digit NIP")
    p.add_argument("--hours", type=int, default=None, help="validity (default INVITE_TTL_HOURS)")
    p.set_defaults(func=cmd_invite)


def cmd_invite(args: argparse.Namespace) -> int:
    """Create the invite and print the link (or the bare code) with its local expiry."""
    settings = settings_or_exit()
    locale = settings.default_locale
    try:
        nip = parse_nip(args.nip).nip
    except RosterError as exc:
        reason = t(locale, "roster.err", error=exc.code, **exc.params)
        print(t(locale, "roster.invite.bad_nip", reason=reason))
        return 1
    hours = args.hours if args.hours is not None else settings.invite_ttl_hours
    ttl = timedelta(hours=max(1, hours))
    now = utcnow()

    async def _create() -> tuple[str, str] | None:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                employee = await get_employee_by_nip(session, nip)
                if employee is None:
                    return None
                code = await create_invite(session, employee, ttl, now=now)
                await record(session, "cli", "invite.create", "employee", employee.id)
                return employee.name, code
        finally:
            await db.dispose()

    created = run_async(_create)
    if created is None:
        print(t(locale, "roster.invite.not_found"))
        return 1
    name, code = created
    expires = format_datetime(now + ttl, locale, settings.tz, "short")
    link = invite_link(settings.bot_username, code)
    if link is None:
        print(t(locale, "roster.invite.code", name=name, code=code, expires=expires))
    else:
        print(t(locale, "roster.invite.link", name=name, link=link, expires=expires))
    return 0
