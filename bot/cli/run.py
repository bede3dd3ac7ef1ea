"""``asn-bot run``: start the bot with polling or a webhook, per configuration.

Before the Application starts, :mod:`bot.cli.startup` migrates the database and reaches
the Bot API; a problem with either stops with one line naming the variable (exit code 2).
Then :class:`bot.web.server.BotRunner` runs it: in webhook mode behind the project's own
listener (the path of ``WEBHOOK_URL``, ``/healthz``, ``/readyz``, ``/metrics``), in
polling mode with that listener only when ``METRICS_PORT`` is set. SIGTERM stops it
gracefully.
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from bot.app import build_application, services_of
from bot.cli.common import run_async, settings_or_exit
from bot.cli.startup import prepare, started_line
from bot.config import Settings
from bot.logging_setup import configure_logging
from bot.web.mounts import mounts
from bot.web.server import BotRunner

log = logging.getLogger("bot.run")
QUIET_LOGGERS = ("httpx", "alembic", "apscheduler", "telegram.ext.Application")  # httpx: token


def _configure_logging(settings: Settings) -> None:
    """The configured level, records cleaned of personal data; chatty libraries only warn."""
    configure_logging(settings.log_level)  # no NIP, phone, text or code in any record
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))


def run(args: argparse.Namespace) -> int:
    """Run until interrupted; the schema is migrated to head at start."""
    settings = settings_or_exit()
    _configure_logging(settings)
    settings.require_token()
    me = run_async(lambda: prepare(settings))
    app = build_application(settings, migrate=False, updater=settings.update_mode == "polling")
    log.info(started_line(settings, me))
    services = services_of(app)
    runner = BotRunner(app, settings, services.db, mounts=mounts(settings, services))
    asyncio.run(runner.serve())
    return 0
