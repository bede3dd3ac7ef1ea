"""Run the real bot Application against the local Bot API emulator, in-process.

Used by the end-to-end tests, the offline demo and the benchmarks: the bot talks HTTP
to the emulator exactly as it would to Telegram (long polling, real requests).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.app import Services, build_application, services_of
from bot.config import Settings, load_settings
from bot.emulator.client import EmulatedUser, EmulatorClient
from bot.emulator.server import EmulatorServer
from bot.logging_setup import install_log_redaction
from bot.services.scheduler import FireOutcome
from storage.queries.outbox_rows import open_due_count

TEST_TOKEN = "123456:TEST-TOKEN"
BOT_USERNAME = "asn_mutasi_bot"


class BotHarness:
    """An emulator plus a polling bot; users are driven through the emulator's control API."""

    def __init__(
        self,
        server: EmulatorServer,
        client: EmulatorClient,
        settings: Settings,
        *,
        migrate: bool = True,
    ) -> None:
        self.migrate = migrate
        self.server = server
        self.client = client
        self.settings = settings
        self.app: Application[Any, Any, Any, Any, Any, Any] | None = None

    def user(self, user_id: int, **kwargs: Any) -> EmulatedUser:
        """A Telegram user chatting privately with the bot."""
        return self.client.user(user_id, **kwargs)

    async def start_bot(self) -> None:
        """Build the Application and start polling the emulator."""
        install_log_redaction()
        app = build_application(self.settings, migrate=self.migrate)
        await app.initialize()
        if app.post_init is not None:  # run_polling() would call it; we start by hand
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0.0, timeout=10, allowed_updates=Update.ALL_TYPES
        )
        self.app = app

    async def stop_bot(self) -> None:
        """Stop polling and shut the Application down (as a process exit would)."""
        app, self.app = self.app, None
        if app is None:
            return
        assert app.updater is not None
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)

    async def restart_bot(self) -> None:
        """Stop and start a fresh Application on the same database and emulator."""
        await self.stop_bot()
        await self.start_bot()

    async def settle(self, timeout: float = 15.0, poll: float = 0.005) -> bool:  # noqa: ASYNC109
        """Wait until every injected update is handled and the outbox has nothing due.

        True when the bot went quiet (twice in a row, ``poll`` apart) within ``timeout``.
        """
        loop = asyncio.get_running_loop()
        deadline, calm = loop.time() + timeout, 0
        while calm < 2:
            if loop.time() > deadline:
                return False
            await asyncio.sleep(poll)
            calm = 0 if await self._busy() else calm + 1
        return True

    async def _busy(self) -> bool:
        """True while an update waits or runs, or an outbox row is due or in flight."""
        app = self.app
        assert app is not None
        if self.server.state.updates or not app.update_queue.empty():
            return True
        if app.update_processor.current_concurrent_updates > 0:
            return True
        services = self.services
        async with services.db.transaction() as session:
            due = await open_due_count(session, services.clock.now())
        if due:
            services.outbox.wake()  # rows queued by a clock jump are sent now, not at the next poll
        return due > 0

    async def advance(self, delta: timedelta) -> list[FireOutcome]:
        """Jump the shared clock forward, firing what became due on the way (demo, tests)."""
        outcomes = await self.services.scheduler.advance(delta)
        self.services.outbox.wake()
        return outcomes

    @property
    def services(self) -> Services:
        """The running Application's services."""
        assert self.app is not None
        return services_of(self.app)


def harness_settings(server: EmulatorServer, **overrides: Any) -> Settings:
    """Settings that point the bot at ``server`` (no .env file is read)."""
    values: dict[str, Any] = {
        "telegram_bot_token": server.token,
        "telegram_api_base_url": server.base_url,
        "telegram_file_base_url": server.base_file_url,
        "bot_username": BOT_USERNAME,
        "dashboard_enabled": False,  # tests and the demo that want it pass True (and port 0)
        "_env_file": None,
    }
    values.update(overrides)
    return load_settings(**values)


@asynccontextmanager
async def running_bot(*, migrate: bool = True, **overrides: Any) -> AsyncIterator[BotHarness]:
    """Start emulator and bot with ``overrides`` applied to the settings; stop both after."""
    server = EmulatorServer(token=TEST_TOKEN)
    await server.start()
    client = EmulatorClient(server.control_url)
    harness = BotHarness(server, client, harness_settings(server, **overrides), migrate=migrate)
    try:
        await harness.start_bot()
        yield harness
    finally:
        await harness.stop_bot()
        await client.close()
        await server.stop()
