"""The bot's HTTP listener and the run loop around it.

``build_web_app(application, settings, gate, webhook_path=..., mounts=...)`` assembles the
aiohttp app: the webhook route on the path of ``WEBHOOK_URL`` (webhook mode only),
``/healthz``, ``/readyz``, ``/metrics``, then each mount (a function that adds its own
routes or sub-apps, e.g. ``app.add_subapp("/dasbor/", dashboard)``). Any other path is 404.

``BotRunner`` runs an Application built with ``updater=False`` (webhook) or with one
(polling): start = initialize, post_init, start, listen, ready, ``setWebhook``; stop =
not ready (readyz 503, webhook POSTs 503 so the balancer retries elsewhere), wait for the
updates in flight, stop the Application (its jobs finish), shut it down and run
``post_shutdown``, whose stop hooks (``Services.on_stop``) stop the outbox worker, which
releases the rows it claimed. Then the listener closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.config import Settings
from bot.web.gate import Gate
from bot.web.health import healthz, readyz
from bot.web.keys import BOT_APP, DATABASE, GATE, SETTINGS
from bot.web.metrics_route import metrics_handler
from bot.web.webhook import webhook_handler
from storage.db import Database

log = logging.getLogger(__name__)
Mount = Callable[[web.Application], None]
MAX_UPDATE_BYTES = 1024 * 1024
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


def webhook_path(webhook_url: str) -> str:
    """The path the bot listens on: that of ``WEBHOOK_URL`` (``/`` when it has none)."""
    return urlsplit(webhook_url).path or "/"


def build_web_app(
    application: AnyApplication,
    settings: Settings,
    database: Database,
    gate: Gate,
    *,
    webhook_path: str | None = None,
    mounts: Sequence[Mount] = (),
) -> web.Application:
    """The aiohttp app: webhook (when ``webhook_path``), health, readiness, metrics, mounts."""
    app = web.Application(client_max_size=MAX_UPDATE_BYTES)
    app[BOT_APP] = application
    app[DATABASE] = database
    app[SETTINGS] = settings
    app[GATE] = gate
    if webhook_path is not None:
        handler = webhook_handler(application, settings.webhook_secret, gate)
        app.router.add_post(webhook_path, handler)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_handler)
    for mount in mounts:
        mount(app)
    return app


class BotRunner:
    """Runs the Application with the listener; ``port`` overrides the configured one.

    ``listens`` is True in webhook mode, with ``METRICS_PORT`` set, or with ``port`` given.
    """

    def __init__(
        self,
        application: AnyApplication,
        settings: Settings,
        database: Database,
        *,
        mounts: Sequence[Mount] = (),
        port: int | None = None,
    ) -> None:
        self.application = application
        self.settings = settings
        self.webhook = settings.update_mode == "webhook"
        self.gate = Gate()
        default = settings.webhook_port if self.webhook else settings.metrics_port
        self.port = default if port is None else port
        self.listens = self.webhook or port is not None or settings.metrics_port != 0
        path = webhook_path(settings.webhook_url) if self.webhook else None
        self.web_app = build_web_app(
            application, settings, database, self.gate, webhook_path=path, mounts=mounts
        )
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """``http://host:port`` of the listener."""
        return f"http://{self.settings.webhook_listen}:{self.port}"

    async def start(self) -> None:
        """Start the Application, listen, take updates; in webhook mode, ``setWebhook``."""
        app = self.application
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        if self.listens:
            await self._listen()
        if self.webhook:
            self.gate.phase = "ready"
            await app.bot.set_webhook(
                self.settings.webhook_url,
                secret_token=self.settings.webhook_secret,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            assert app.updater is not None, "polling needs the Application's Updater"
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            self.gate.phase = "ready"
        log.info("taking updates (%s)", "webhook" if self.webhook else "polling")

    async def _listen(self) -> None:
        """Bind the listener (port 0 picks a free one, kept in ``self.port``)."""
        runner = web.AppRunner(self.web_app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.webhook_listen, self.port, backlog=1024)
        await site.start()
        self._runner = runner
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        if self.port == 0 and sockets:
            self.port = sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Graceful stop: not ready, in-flight updates finished, Application stopped, closed."""
        app = self.application
        self.gate.phase = "stopping"
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        await self.gate.drain()
        try:
            if app.running:
                await app.stop()
            await app.shutdown()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)  # Services.on_stop: the outbox releases its rows
        finally:
            if self._runner is not None:
                await self._runner.cleanup()
                self._runner = None
        log.info("stopped")

    async def serve(self, stop: asyncio.Event | None = None) -> None:
        """Start, run until SIGTERM/SIGINT (or ``stop`` is set), then stop gracefully."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        try:
            await self.start()
            await stop.wait()
        finally:
            await self.stop()
