"""``asn-bot admin add|list|remove``: manage HR and approver roles from the shell."""

from __future__ import annotations

import argparse

from bot.admin import service as admin
from bot.cli.common import open_database, run_async, settings_or_exit
from bot.texts import t
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
