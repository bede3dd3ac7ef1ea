"""``asn-bot run``: start the bot with polling or a webhook, per configuration."""

from __future__ import annotations

import argparse

from telegram import Update

from bot.app import build_application
from bot.cli.common import settings_or_exit
from bot.config import ConfigError
from bot.logging_setup import configure_logging


def run(args: argparse.Namespace) -> int:
    """Run until interrupted; the schema is migrated to head at start."""
    settings = settings_or_exit()
    configure_logging(settings.log_level)  # no NIP, phone, text or code in any record
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
