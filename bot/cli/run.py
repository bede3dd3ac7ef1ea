"""``asn-bot run``: start the bot with polling or a webhook, per configuration."""

from __future__ import annotations

import argparse
import logging

from telegram import Update

from bot.app import build_application
from bot.cli.common import settings_or_exit
from bot.config import ConfigError


def run(args: argparse.Namespace) -> int:
    """Run until interrupted; the schema is migrated to head at start."""
    settings = settings_or_exit()
    logging.getLogger().setLevel(settings.log_level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its lines contain the token
    try:
        app = build_application(settings)
    except ConfigError as exc:
        print(str(exc))
        return 2
    if settings.update_mode == "webhook":
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,  # required and checked by the settings
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
