"""``asn-bot invite NIP``: create a one-time registration link for one employee."""

from __future__ import annotations

import argparse
from datetime import timedelta

from bot.admin import service as admin
from bot.cli.common import open_database, run_async, settings_or_exit
from bot.i18n.dates import format_datetime
from bot.registration.invites import invite_link
from bot.roster.validation import RosterError, parse_nip
from bot.texts import t
from storage.models import utcnow


def cmd_invite(args: argparse.Namespace) -> int:
    """Create the invite and print the link (or the bare code) with its local expiry."""
    settings = settings_or_exit()
    locale = settings.default_locale
    try:
        nip = parse_nip(args.nip).nip
    except RosterError as exc:
        reason = t(locale, exc.key, **exc.params)
        print(t(locale, "roster.invite.bad_nip", reason=reason))
        return 1
    hours = args.hours if args.hours is not None else settings.invite_ttl_hours
    ttl = timedelta(hours=max(1, hours))
    now = utcnow()

    async def _create() -> admin.InviteResult:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                today = now.astimezone(settings.tz).date()
                return await admin.invite_employee(session, now, None, nip, ttl, today)
        finally:
            await db.dispose()

    created = run_async(_create)
    if isinstance(created, admin.InactiveNip):
        print(t(locale, "admin.invite_inactive"))
        return 1
    if not isinstance(created, admin.InviteCreated):
        print(t(locale, "roster.invite.not_found"))
        return 1
    name, code = created.name, created.code
    expires = format_datetime(created.expires_at, locale, settings.tz, "short")
    link = invite_link(settings.bot_username, code)
    if link is None:
        print(t(locale, "roster.invite.code", name=name, code=code, expires=expires))
    else:
        print(t(locale, "roster.invite.link", name=name, link=link, expires=expires))
    return 0
