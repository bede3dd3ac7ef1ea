"""``asn-bot run`` start-up checks: the database opens and migrates, the Bot API answers.

Each problem stops the start with one line naming the variable to fix (exit code 2, no
traceback): the database through :class:`storage.db.DatabaseUnavailable`, the Bot API
after ``STARTUP_ATTEMPTS`` tries with a growing pause, one line per failed try.
"""

from __future__ import annotations

import asyncio
import sys

from telegram import Bot, User
from telegram.error import InvalidToken, NetworkError, TimedOut

from bot.config import ConfigError, Settings
from bot.transport import AiohttpRequest
from storage.db import os_reason
from storage.migrate import upgrade_async

MAX_PAUSE = 30.0


def pause_before(attempt: int) -> float:
    """Seconds to wait after failed try ``attempt`` (1, 2, 4 ... at most 30)."""
    return min(MAX_PAUSE, 2.0 ** (attempt - 1))


def network_reason(exc: NetworkError) -> str:
    """Why the Bot API could not be reached, in a few words and without the token."""
    if isinstance(exc, TimedOut):
        return "timed out"
    cause = exc.__cause__
    os_error = getattr(cause, "os_error", cause)
    if isinstance(os_error, OSError):
        return os_reason(os_error)
    return type(cause or exc).__name__


async def bot_user(settings: Settings) -> User:
    """The bot's own account (getMe), retried with a growing pause; ConfigError when it fails."""
    attempts, base = settings.startup_attempts, settings.telegram_api_base_url
    for attempt in range(1, attempts + 1):
        bot = Bot(
            settings.telegram_bot_token, base_url=base, request=AiohttpRequest(1),
            get_updates_request=AiohttpRequest(1),
        )  # fmt: skip
        try:
            async with bot:
                return bot.bot
        except InvalidToken as exc:
            raise ConfigError(f"TELEGRAM_BOT_TOKEN: refused by the Bot API at {base}") from exc
        except NetworkError as exc:
            line = f"TELEGRAM_API_BASE_URL: cannot reach {base} ({network_reason(exc)}), "
            if attempt == attempts:
                raise ConfigError(line + f"attempt {attempt} of {attempts}; giving up") from exc
            pause = pause_before(attempt)
            print(line + f"attempt {attempt} of {attempts}; next in {pause:g} s", file=sys.stderr)
            await asyncio.sleep(pause)
    raise AssertionError("unreachable")  # the loop returns or raises


async def prepare(settings: Settings) -> User:
    """Migrate the database (DatabaseUnavailable when it cannot), then reach the Bot API."""
    await upgrade_async(settings.database_url)
    return await bot_user(settings)


def started_line(settings: Settings, me: User) -> str:
    """The one start-up log line: bot username, update mode, database kind (no secrets)."""
    database = "SQLite" if settings.is_sqlite else "PostgreSQL"
    return f"asn-bot starting: @{me.username}, {settings.update_mode}, {database}"
