"""The ``asn-bot`` argument tree (operations half), built without importing any subcommand.

Each parser names its implementation as ``Command("bot.cli.<module>:<function>")``; the
module is imported only when that subcommand runs, so ``asn-bot --help`` loads argparse
alone and ``asn-bot match`` never loads Telegram, the handlers or the emulator. This module
must import nothing but the standard library (``tests/test_cli_imports.py`` checks it).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROLES = ("hr", "approver")  # storage.queries.users.ROLES (a test keeps them equal)


@dataclass(frozen=True)
class Command:
    """A subcommand implementation, ``"module:function"``, imported only when it runs."""

    target: str

    def __call__(self, args: argparse.Namespace) -> int:
        """Import the implementing module and run the function on the parsed arguments.

        A configuration problem stops with its one line on stderr and exit code 2.
        """
        module, _, name = self.target.partition(":")
        function = getattr(importlib.import_module(module), name)
        try:
            return int(function(args) or 0)
        except Exception as exc:
            line = configuration_problem(exc)
            if line is None:
                raise
            print(line, file=sys.stderr)
            return 2


def configuration_problem(exc: Exception) -> str | None:
    """The line of a bad setting or an unusable DATABASE_URL, else None.

    The classes are looked up among the loaded modules (the one that raised is loaded), so
    that this module stays free of the libraries they import.
    """
    config, db = sys.modules.get("bot.config"), sys.modules.get("storage.db")
    if config is not None and isinstance(exc, config.ConfigError):
        return str(exc)
    if db is not None and isinstance(exc, db.DatabaseUnavailable):
        return f"DATABASE_URL: {exc}"
    return None


def runs(parser: argparse.ArgumentParser, target: str) -> argparse.ArgumentParser:
    """Make ``parser`` run the function ``target`` (``"module:function"``); returns it."""
    parser.set_defaults(func=Command(target))
    return parser


def add_run(sub: Any) -> None:
    """Add ``run``."""
    p = sub.add_parser("run", help="start the bot (polling or webhook, see UPDATE_MODE)")
    runs(p, "bot.cli.run:run")


def add_status(sub: Any) -> None:
    """Add ``status``."""
    p = sub.add_parser(
        "status", help="instances, outbox, next scheduled items and last error of the bot"
    )
    runs(p, "bot.cli.status:status")
    p.add_argument("--json", action="store_true", help="print JSON for scripts and monitoring")


def add_secret(sub: Any) -> None:
    """Add ``secret``."""
    p = sub.add_parser("secret", help="print a new random WEBHOOK_SECRET")
    runs(p, "bot.cli.secret:secret")


def add_db(sub: Any) -> None:
    """Add ``db upgrade``."""
    parser = sub.add_parser("db", help="database schema")
    db_sub = parser.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser("upgrade", help="migrate the schema to head")
    runs(up, "bot.cli.db:db_upgrade").add_argument("--revision", default="head")


def add_backup(sub: Any) -> None:
    """Add ``backup FILE``."""
    p = sub.add_parser("backup", help="online copy of the SQLite database (PostgreSQL: pg_dump)")
    runs(p, "bot.cli.backup:cmd_backup").add_argument("file", type=Path, help="the new file")


def add_import(sub: Any) -> None:
    """Add ``import KIND FILE`` (every kind of ``bot.imports.registry``)."""
    from bot.imports.registry import ALIASES, KIND_NAMES  # names only: no kind is loaded

    p = sub.add_parser("import", help="import a data file (CSV or XLSX)")
    runs(p, "bot.cli.imports:cmd_import")
    p.add_argument("kind", choices=[*KIND_NAMES, *ALIASES], help="what the file holds")
    p.add_argument("file", type=Path, help="the file, .csv or .xlsx")
    p.add_argument(
        "--partial", action="store_true", help="import the valid lines even if some are rejected"
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="employees: the file is the whole roster; deactivate active employees it lacks",
    )
    p.add_argument("--dry-run", action="store_true", help="report only; save nothing")
    p.add_argument("--plan", type=int, default=None, help="moves: Draf plan id (default: latest)")
    p.add_argument("--locale", default=None, help="report language (id or en)")


def add_demo_data(sub: Any) -> None:
    """Add ``demo-data``."""
    p = sub.add_parser("demo-data", help="generate a demo roster (fictional Kabupaten Sukamaju)")
    runs(p, "bot.cli.demo_data:cmd_demo_data")
    p.add_argument("--employees", type=int, required=True, help="number of employees")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same roster)")
    p.add_argument("--linked", action="store_true", help="link a synthetic Telegram user to each")
    p.add_argument("--out", type=Path, default=None, help="write a CSV file instead of the DB")


def add_invite(sub: Any) -> None:
    """Add ``invite``."""
    p = sub.add_parser("invite", help="create a one-time registration link for an employee")
    runs(p, "bot.cli.invite:cmd_invite")
    p.add_argument("nip", help="the employee's 18-digit NIP")
    p.add_argument("--hours", type=int, default=None, help="validity (default INVITE_TTL_HOURS)")


def add_unlink(sub: Any) -> None:
    """Add ``unlink``."""
    p = sub.add_parser("unlink", help="unlink the Telegram account of an employee (by NIP)")
    runs(p, "bot.cli.admin:cmd_unlink")
    p.add_argument("nip", help="the employee's 18-digit NIP")


def add_admin(sub: Any) -> None:
    """Add ``admin add|list|remove``."""
    parser = sub.add_parser("admin", help="HR and approver roles")
    admin_sub = parser.add_subparsers(dest="admin_command", required=True)
    add = admin_sub.add_parser("add", help="grant a role to a Telegram user id")
    runs(add, "bot.cli.admin:admin_add")
    add.add_argument("telegram_id", type=int)
    add.add_argument("--role", choices=ROLES, default="hr")
    runs(admin_sub.add_parser("list", help="list role holders"), "bot.cli.admin:admin_list")
    rm = admin_sub.add_parser("remove", help="remove a role (all roles without --role)")
    runs(rm, "bot.cli.admin:admin_remove")
    rm.add_argument("telegram_id", type=int)
    rm.add_argument("--role", choices=ROLES, default=None)


def add_demo(sub: Any) -> None:
    """Add ``demo``."""
    p = sub.add_parser("demo", help="offline demo against the local Bot API emulator")
    runs(p, "bot.cli.demo:cmd_demo")
    p.add_argument("--script", action="store_true", help="play the scripted walk-through")
    p.add_argument("--db", type=Path, default=Path("data/demo.sqlite3"), help="demo database file")
    p.add_argument("--employees", type=int, default=300, help="size of the generated roster")


def add_emulator(sub: Any) -> None:
    """Add ``emulator``."""
    parser = sub.add_parser("emulator", help="run the local Telegram Bot API emulator")
    runs(parser, "bot.cli.emulator:run")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8081, help="port (0 = any free port)")
    parser.add_argument(
        "--token", default=None, help="bot token the emulator accepts (default: its test token)"
    )
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay per Bot API call")
    parser.add_argument(
        "--flood-limit", type=float, default=None, help="global send* limit per second"
    )
    parser.add_argument(
        "--webhook-backends",
        default="",
        metavar="URL[,URL...]",
        help="deliver webhooks round-robin to these base URLs (a balancer's view)",
    )
