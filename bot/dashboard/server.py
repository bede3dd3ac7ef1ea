"""The dashboard's own listener in polling mode (``DASHBOARD_LISTEN``:``DASHBOARD_PORT``).

Started and stopped with the bot (the Application's lifecycle hooks), on the bot's event
loop. In webhook mode the webhook server mounts the routes instead (``mount_dashboard``).
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from bot.dashboard.access import DashboardServices
from bot.dashboard.routes import PREFIX, mount_dashboard

log = logging.getLogger(__name__)


class DashboardServer:
    """An aiohttp site serving only the dashboard."""

    def __init__(self, services: DashboardServices) -> None:
        self.services = services
        self.runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        """``http://host:port/dasbor/`` of the running listener."""
        host = self.services.settings.dashboard_listen
        return f"http://{host}:{self.port}{PREFIX}/"

    async def start(self, _app: Any = None) -> None:
        """Listen on the configured address (port 0: a free one, kept in ``port``)."""
        settings = self.services.settings
        web_app = web.Application()
        mount_dashboard(web_app, self.services)
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, settings.dashboard_listen, settings.dashboard_port)
        await site.start()
        self.runner = runner
        self.port = int(runner.addresses[0][1]) if runner.addresses else settings.dashboard_port
        log.info("dashboard listening on %s:%s", settings.dashboard_listen, self.port)

    async def stop(self, _app: Any = None) -> None:
        """Close the listener."""
        runner, self.runner = self.runner, None
        if runner is not None:
            await runner.cleanup()
