"""The route sets mounted on the bot's listener besides the webhook, health and metrics.

Each entry is a ``Mount``: a function that receives the aiohttp app and adds its routes or
a sub-app (``app.add_subapp("/dasbor/", sub)``); its handlers reach the bot through the
keys of :mod:`bot.web.keys` (``request.config_dict[BOT_APP]``, ``[DATABASE]``,
``[SETTINGS]``). ``asn-bot run`` mounts what :func:`mounts` returns.
"""

from __future__ import annotations

from aiohttp import web

from bot.config import Settings
from bot.dashboard.access import DashboardServices
from bot.dashboard.routes import mount_dashboard
from bot.web.server import Mount


def mounts(settings: Settings, services: DashboardServices) -> list[Mount]:
    """The mounts of ``asn-bot run`` in webhook mode: the HR dashboard under ``/dasbor/``."""
    if not settings.dashboard_enabled or settings.update_mode != "webhook":
        return []  # polling mode: the dashboard has its own listener (bot.app)

    def dashboard(web_app: web.Application) -> None:
        """The HR dashboard on the webhook listener."""
        mount_dashboard(web_app, services)

    return [dashboard]
