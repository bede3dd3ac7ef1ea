"""``asn-bot admin add|list|remove``: manage HR and approver roles from the shell."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.common import open_database, run_async, settings_or_exit
from storage.queries import audit, users


def register(sub: Any) -> None:
    """Add the ``admin`` subcommands."""
    parser = sub.add_parser("admin", help="HR and approver roles")
    admin_sub = parser.add_subparsers(dest="admin_command", required=True)
    add = admin_sub.add_parser("add", help="grant a role to a Telegram user id")
    add.add_argument("telegram_id", type=int)
    add.add_argument("--role", choices=users.ROLES, default="hr")
    add.set_defaults(func=admin_add)
    lst = admin_sub.add_parser("list", help="list role holders")
    lst.set_defaults(func=admin_list)
    rm = admin_sub.add_parser("remove", help="remove a role (all roles without --role)")
    rm.add_argument("telegram_id", type=int)
    rm.add_argument("--role", choices=users.ROLES, default=None)
    rm.set_defaults(func=admin_remove)


def admin_add(args: argparse.Namespace) -> int:
    """Grant a role."""

    async def go() -> bool:
        db = await open_database(settings_or_exit())
        try:
            async with db.transaction() as session:
                added = await users.grant_role(session, args.telegram_id, args.role, "cli")
                if added:
                    await audit.record(
                        session, "cli", "role.granted", "user", args.telegram_id, role=args.role
                    )
                return added
        finally:
            await db.dispose()

    added = run_async(go)
    print(f"{args.telegram_id}: {args.role} " + ("granted" if added else "already granted"))
    print("The running bot updates this user's command menu at their next /start or /help.")
    return 0


def admin_list(args: argparse.Namespace) -> int:
    """Print every role holder."""

    async def go() -> list[tuple[int, str, str]]:
        db = await open_database(settings_or_exit())
        try:
            async with db.transaction() as session:
                grants = await users.list_role_grants(session)
                return [(g.telegram_id, g.role, g.granted_by) for g in grants]
        finally:
            await db.dispose()

    rows = run_async(go)
    if not rows:
        print("no role holders (ADMIN_TELEGRAM_IDS are added when the bot starts)")
    for telegram_id, role, by in rows:
        print(f"{telegram_id}\t{role}\t(granted by {by})")
    return 0


def admin_remove(args: argparse.Namespace) -> int:
    """Remove a role."""

    async def go() -> int:
        db = await open_database(settings_or_exit())
        try:
            async with db.transaction() as session:
                removed = await users.revoke_role(session, args.telegram_id, args.role)
                if removed:
                    await audit.record(
                        session,
                        "cli",
                        "role.revoked",
                        "user",
                        args.telegram_id,
                        role=args.role or "all",
                    )
                return removed
        finally:
            await db.dispose()

    removed = run_async(go)
    print(f"removed {removed} role(s) from {args.telegram_id}")
    return 0 if removed else 1
