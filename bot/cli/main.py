"""``asn-bot`` entry point: the argparse tree, built without importing any subcommand's code.

The tree lives in ``bot.cli.parsers`` and ``bot.cli.parsers_hr`` (standard library only);
each parser points at its implementation as ``"bot.cli.<module>:<function>"``, which is
imported only when that subcommand runs. Adding a subcommand: write the function in its
``bot/cli/<group>.py`` module, then add its parser (with ``runs(parser, "module:function")``)
to one of the two parser modules and, for a new group, its ``add_*`` function below.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable, Sequence
from typing import Any

from bot.cli import parsers, parsers_hr

# In the order ``asn-bot --help`` lists them.
SUBCOMMANDS: tuple[Callable[[Any], None], ...] = (
    parsers.add_run,
    parsers.add_status,
    parsers.add_secret,
    parsers.add_db,
    parsers.add_backup,
    parsers.add_import,
    parsers.add_demo_data,
    parsers.add_invite,
    parsers.add_admin,
    parsers.add_unlink,
    parsers.add_demo,
    parsers.add_emulator,
    parsers_hr.add_matching,
    parsers_hr.add_aspirations,
    parsers_hr.add_broadcast,
    parsers_hr.add_plans,
    parsers_hr.add_rules,
    parsers_hr.add_surveys,
)


def build_parser() -> argparse.ArgumentParser:
    """Create the parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="asn-bot", description="ASN mutation consultation bot")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
