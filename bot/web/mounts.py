"""The route sets mounted on the bot's listener besides the webhook, health and metrics.

Each entry is a ``Mount``: a function that receives the aiohttp app and adds its routes or
a sub-app (``app.add_subapp("/dasbor/", sub)``); its handlers reach the bot through the
keys of :mod:`bot.web.keys` (``request.config_dict[BOT_APP]``, ``[DATABASE]``,
``[SETTINGS]``). ``asn-bot run`` mounts what :func:`mounts` returns.
"""

from __future__ import annotations

from bot.config import Settings
from bot.web.server import Mount


def mounts(settings: Settings) -> list[Mount]:
    """The mounts of ``asn-bot run`` (none yet; the HR dashboard adds itself here)."""
    return []
