"""Helpers shared by CLI subcommands: settings, database, async runner, output."""

from __future__ import annotations

import asyncio
import html
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import ConfigError, Settings, load_settings
from bot.i18n.date_input import DateProblem, TimeRule, TypedDate, read_date
from bot.telegram_markup import visible_text
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


def typed_or_exit(
    value: str, settings: Settings, *, time_rule: TimeRule = "optional", not_past: bool = True
) -> TypedDate:
    """A date typed on the command line (the chat's formats), or exit 2 saying what is wrong."""
    loc = settings.default_locale
    result = read_date(
        value, now=utcnow(), zone=settings.tz, locale=loc, time_rule=time_rule, not_past=not_past
    )
    if isinstance(result, DateProblem):
        params = {k: html.escape(v, quote=False) for k, v in result.params.items()}
        fail(visible_text(t(loc, result.key, **params), "HTML"), 2)
        raise AssertionError("unreachable")  # fail() exits
    return result
