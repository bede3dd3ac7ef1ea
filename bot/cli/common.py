"""Helpers shared by CLI subcommands: settings, database, async runner, output."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.config import ConfigError, Settings, load_settings
from storage.db import Database
from storage.migrate import upgrade_async

T = TypeVar("T")


def run_async(coro_factory: Callable[[], Awaitable[T]]) -> T:
    """Run an async CLI action to completion in a fresh event loop."""

    async def _main() -> T:
        return await coro_factory()

    return asyncio.run(_main())


def settings_or_exit() -> Settings:
    """Load settings or print the configuration error and exit with status 2."""
    try:
        return load_settings()
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        raise SystemExit(2) from exc


async def open_database(settings: Settings) -> Database:
    """Migrate the schema to head and return a connected Database."""
    await upgrade_async(settings.database_url)
    return Database(settings.database_url)


def fail(message: str, code: int = 1) -> None:
    """Print ``message`` to stderr and exit with ``code``."""
    print(message, file=sys.stderr)
    raise SystemExit(code)
