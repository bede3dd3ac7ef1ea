"""Local Telegram Bot API emulator: an aiohttp server PTB talks to, plus a test client.

Usage::

    server = EmulatorServer()
    await server.start()
    app = ApplicationBuilder().token(server.token).base_url(server.base_url)
        .base_file_url(server.base_file_url).build()
    client = EmulatorClient(server.control_url)
    user = client.user(1001)
    reply = await user.ask("/start")
"""

from bot.emulator.client import BotMessage, EmulatedUser, EmulatorClient
from bot.emulator.server import DEFAULT_TOKEN, EmulatorServer

__all__ = ["DEFAULT_TOKEN", "BotMessage", "EmulatedUser", "EmulatorClient", "EmulatorServer"]
