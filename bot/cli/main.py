"""``asn-bot`` entry point: builds the argparse tree from every subcommand module."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from types import ModuleType

from bot.cli import (
    admin,
    aspirations,
    broadcast,
    db,
    demo,
    demo_data,
    emulator,
    imports,
    invite,
    matching,
    plans,
    run,
    surveys,
)

# Each module exposes ``register(subparsers)`` and sets ``func`` on its parsers; the
# function receives the parsed ``argparse.Namespace`` and returns an exit code.
SUBCOMMAND_MODULES: tuple[ModuleType, ...] = (
    run,
    db,
    imports,
    demo_data,
    invite,
    admin,
    demo,
    emulator,
    matching,
    aspirations,
    broadcast,
    plans,
    surveys,
)


def build_parser() -> argparse.ArgumentParser:
    """Create the parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="asn-bot", description="ASN mutation consultation bot")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
