"""The webhook route: secret checked in constant time, then the update is handled.

The update goes through the Application's update processor (per-user order, fair slots)
exactly as in polling mode. The answer waits until the update is handled, at most
``ANSWER_WITHIN`` seconds: Telegram (and the emulator) send a chat's next update only
after the previous one was answered, so with several instances behind a balancer one
user's updates still arrive, and run, in order; a slow update is answered 200 at the
bound and keeps running, so Telegram never times out and sends it twice.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot import metrics
from bot.web.gate import Gate

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ANSWER_WITHIN = 10.0
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def secret_matches(given: str | None, secret: str) -> bool:
    """Constant-time comparison of the header with the configured secret."""
    return given is not None and hmac.compare_digest(given.encode(), secret.encode())


def webhook_handler(
    application: Application[Any, Any, Any, Any, Any, Any], secret: str, gate: Gate
) -> Handler:
    """The aiohttp handler that takes Telegram's POSTs for ``application``."""

    async def handle(request: web.Request) -> web.Response:
        """503 unless ready, 403 without the secret, 400 for a malformed body, else 200."""
        if not gate.ready:
            metrics.WEBHOOK_REQUESTS.inc(result="unavailable")
            return web.Response(status=503, text="not ready")
        if not secret_matches(request.headers.get(SECRET_HEADER), secret):
            metrics.WEBHOOK_REQUESTS.inc(result="forbidden")
            return web.Response(status=403, text="forbidden")
        try:
            body = await request.json()
            if not isinstance(body, dict):
                raise TypeError("an update is a JSON object")
            update = Update.de_json(body, application.bot)
        except (ValueError, TypeError, KeyError) as exc:
            metrics.WEBHOOK_REQUESTS.inc(result="bad_request")
            log.warning("webhook body refused: %s", type(exc).__name__)
            return web.Response(status=400, text="bad update")
        processor = application.update_processor
        task = gate.run(processor.process_update(update, application.process_update(update)))
        metrics.WEBHOOK_REQUESTS.inc(result="accepted")
        await asyncio.wait({task}, timeout=ANSWER_WITHIN)
        return web.Response(status=200)

    return handle
