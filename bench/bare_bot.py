"""A bare python-telegram-bot bot answering /help, /profil and /menu with fixed text.

The baseline of ``bench.bench_updates``: the same library and transport as the real bot,
without database, roles, texts or conversation state.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.transport import AiohttpRequest


async def answer_cmd(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the command's name."""
    assert update.effective_message is not None and update.effective_message.text
    await update.effective_message.reply_text(f"ok {update.effective_message.text}")


def main() -> None:
    """Poll the Bot API at TELEGRAM_API_BASE_URL until terminated."""
    builder = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .base_file_url(os.environ["TELEGRAM_FILE_BASE_URL"])
        .concurrent_updates(int(os.environ.get("MAX_CONCURRENT_UPDATES", "64")))
    )
    if os.environ.get("BARE_TRANSPORT") == "aiohttp":  # same transport as asn-bot
        builder = builder.request(AiohttpRequest(connection_pool_size=64)).get_updates_request(
            AiohttpRequest(connection_pool_size=1, read_timeout=40)
        )
    else:  # PTB's default HTTPX transport
        builder = builder.connection_pool_size(32)
    app = builder.build()
    app.add_handler(CommandHandler(["help", "profil", "menu"], answer_cmd))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
