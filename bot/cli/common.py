"""Helpers shared by CLI subcommands: settings, database, async runner, output."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import ConfigError, Settings, load_settings
from bot.texts import t
from storage.db import Database
from storage.migrate import upgrade_async
from storage.models.base import utcnow

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


async def in_transaction(settings: Settings, action: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Open the (migrated) database, run ``action(session)`` in one transaction, close it."""
    db = await open_database(settings)
    try:
        async with db.transaction() as session:
            return await action(session)
    finally:
        await db.dispose()


def run_in_transaction(settings: Settings, action: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``action(session)`` in one transaction from synchronous CLI code."""
    return run_async(lambda: in_transaction(settings, action))


def run_printing(
    settings: Settings, action: Callable[[AsyncSession], Awaitable[tuple[int, list[str]]]]
) -> int:
    """Run ``action(session)`` in one transaction; print its lines and return its code."""
    code, lines = run_in_transaction(settings, action)
    for line in lines:
        print(line)
    return code


def parse_local_time(value: str, settings: Settings) -> datetime:
    """``YYYY-MM-DD HH:MM`` in the configured zone, as an aware UTC datetime; else exit."""
    try:
        naive = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        fail(t(settings.default_locale, "delivery.cli.bad_time", value=value, tz=settings.timezone))
        raise
    return naive.replace(tzinfo=settings.tz).astimezone(utcnow().tzinfo)
