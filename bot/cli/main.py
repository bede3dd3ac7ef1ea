"""``asn-bot`` entry point: builds the argparse tree from every subcommand module."""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Sequence

# Each module exposes ``register(subparsers)`` and sets ``func`` on its parsers; the
# function receives the parsed ``argparse.Namespace`` and returns an exit code.
SUBCOMMAND_MODULES = (
    "bot.cli.run",
    "bot.cli.db",
    "bot.cli.roster",
    "bot.cli.demo_data",
    "bot.cli.invite",
    "bot.cli.admin",
    "bot.cli.demo",
    "bot.cli.emulator",
    "bot.cli.matching",
    "bot.cli.aspirations",
    "bot.cli.broadcast",
    "bot.cli.plans",
    "bot.cli.surveys",
)


def build_parser() -> argparse.ArgumentParser:
    """Create the parser with all subcommands that are installed."""
    parser = argparse.ArgumentParser(prog="asn-bot", description="ASN mutation consultation bot")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # feature not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
