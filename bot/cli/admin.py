"""``asn-bot admin add|list|remove`` (HR and approver roles) and ``asn-bot unlink NIP``."""

from __future__ import annotations

import argparse

from bot.admin import service as admin
from bot.cli.common import open_database, run_async, run_in_transaction, settings_or_exit
from bot.texts import t
from storage.models import utcnow
from storage.queries import users


def admin_add(args: argparse.Namespace) -> int:
    """Grant a role."""
    settings = settings_or_exit()

    async def go() -> bool:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                return await admin.grant_role(session, None, args.telegram_id, args.role)
        finally:
            await db.dispose()

    added = run_async(go)
    key = "cli.admin.granted" if added else "cli.admin.already"
    print(t(settings.default_locale, key, telegram_id=args.telegram_id, role=args.role))
    print(t(settings.default_locale, "cli.admin.menu_note"))
    return 0


def admin_list(args: argparse.Namespace) -> int:
    """Print every role holder."""
    settings = settings_or_exit()

    async def go() -> list[tuple[int, str, str]]:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                grants = await users.list_role_grants(session)
                return [(g.telegram_id, g.role, g.granted_by) for g in grants]
        finally:
            await db.dispose()

    rows = run_async(go)
    if not rows:
        print(t(settings.default_locale, "cli.admin.none"))
    for telegram_id, role, by in rows:
        print(
            t(settings.default_locale, "cli.admin.row", telegram_id=telegram_id, role=role, by=by)
        )
    return 0


def admin_remove(args: argparse.Namespace) -> int:
    """Remove a role."""
    settings = settings_or_exit()

    async def go() -> int:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                return await admin.revoke_role(session, None, args.telegram_id, args.role)
        finally:
            await db.dispose()

    removed = run_async(go)
    print(
        t(settings.default_locale, "cli.admin.removed", count=removed, telegram_id=args.telegram_id)
    )
    return 0 if removed else 1


def cmd_unlink(args: argparse.Namespace) -> int:
    """Unlink the Telegram account of the employee with this NIP (``asn-bot unlink NIP``)."""
    settings = settings_or_exit()
    locale = settings.default_locale
    now = utcnow()

    today = now.astimezone(settings.tz).date()
    found = run_in_transaction(
        settings, lambda session: admin.unlink_by_nip(session, now, None, args.nip, today)
    )
    if isinstance(found, admin.LinkedAccount):
        unit = found.unit or "-"
        print(t(locale, "cli.unlink.done", name=found.name, nip=found.masked_nip, unit=unit))
        return 0
    if isinstance(found, admin.BadNip):
        reason = t(locale, found.error.key, **found.error.params)
        print(t(locale, "roster.invite.bad_nip", reason=reason))
    elif isinstance(found, admin.UnknownNip):
        print(t(locale, "admin.invite_not_found"))
    else:
        print(t(locale, "admin.unlink_not_linked"))
    return 1
