"""Webhook delivery: while a webhook is set, the emulator POSTs each new update to it.

Like Telegram, it sends the update as JSON with the ``X-Telegram-Bot-Api-Secret-Token``
header (when a secret was set), keeps one chat's updates in order (the next update of a
chat waits until the previous one was answered with a 2xx), runs at most
``max_connections`` requests at once, and retries a refused or failed delivery with a
growing pause. ``getWebhookInfo`` reports what is pending and the last error.

The balancer view: with ``state.webhook_backends`` set (``http://host:port`` base URLs,
from ``asn-bot emulator --webhook-backends`` or ``POST /_emu/webhook``), each attempt goes
to the next backend in turn, with the path and query of the webhook URL; a retry therefore
goes to another backend, as a round-robin balancer with health checks would send it.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from urllib.parse import urlsplit

import aiohttp

from bot.emulator.state import JSON, EmulatorState, update_kind

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_MAX_CONNECTIONS = 40
REQUEST_TIMEOUT = 60.0


def update_chat_key(update: JSON) -> int | None:
    """The chat (else the user) whose updates must arrive in order; None for neither."""
    payload = update[update_kind(update)]
    if not isinstance(payload, dict):
        return None
    message = payload.get("message") if "data" in payload else payload
    chat = (message or {}).get("chat") if isinstance(message, dict) else None
    if isinstance(chat, dict) and "id" in chat:
        return int(chat["id"])
    sender = payload.get("from") or payload.get("user")
    return int(sender["id"]) if isinstance(sender, dict) and "id" in sender else None


def target_url(webhook_url: str, backend: str | None) -> str:
    """Where one attempt goes: the webhook URL, or its path and query on ``backend``."""
    if not backend:
        return webhook_url
    parts = urlsplit(webhook_url)
    path = parts.path or "/"
    return backend.rstrip("/") + path + (f"?{parts.query}" if parts.query else "")


class WebhookDelivery:
    """The task that delivers ``state.updates`` to the webhook while one is set."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self._task: asyncio.Task[None] | None = None
        self._inflight: dict[int, asyncio.Task[None]] = {}  # id(update) -> its delivery
        self._busy_keys: set[int | None] = set()
        self._turn = itertools.count()
        self._http: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        """Begin watching for updates to deliver."""
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT))
        self._task = asyncio.create_task(self._run(), name="emulator-webhook")

    async def stop(self) -> None:
        """Stop delivering; updates not yet answered stay pending."""
        tasks = [t for t in (self._task, *self._inflight.values()) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._task = None
        self._inflight.clear()
        self._busy_keys.clear()
        if self._http is not None:
            await self._http.close()
            self._http = None

    # --- dispatch --------------------------------------------------------------------------
    async def _run(self) -> None:
        """Start deliveries whenever an update can go; sleep on the updates signal."""
        st = self.state
        while not st.closed:
            self._dispatch()
            await st.updates_signal.wait_for(lambda: st.closed or self._can_start(), 1.0)

    def _limit(self) -> int:
        """Requests allowed at once (the webhook's ``max_connections``)."""
        return int(self.state.webhook.get("max_connections") or DEFAULT_MAX_CONNECTIONS)

    def _candidates(self) -> list[JSON]:
        """Pending updates that may start now: first of their chat, not already on the way."""
        st = self.state
        if not st.webhook.get("url"):
            return []
        allowed = st.webhook.get("allowed_updates") or None
        if allowed:
            st.updates = type(st.updates)(u for u in st.updates if update_kind(u) in allowed)
        room = self._limit() - len(self._inflight)
        blocked = set(self._busy_keys)
        out: list[JSON] = []
        for update in st.updates:
            if room <= len(out):
                break
            if id(update) in self._inflight:
                continue
            key = update_chat_key(update)
            if key in blocked and key is not None:
                continue
            blocked.add(key)
            out.append(update)
        return out

    def _can_start(self) -> bool:
        """True when at least one delivery could start."""
        return bool(self._candidates())

    def _dispatch(self) -> None:
        """Start a delivery task for every update that may go now."""
        for update in self._candidates():
            key = update_chat_key(update)
            if key is not None:
                self._busy_keys.add(key)
            task = asyncio.create_task(self._deliver(update, key))
            self._inflight[id(update)] = task

    # --- one update ------------------------------------------------------------------------
    async def _deliver(self, update: JSON, key: int | None) -> None:
        """POST one update until a backend answers 2xx (or the webhook goes away)."""
        st = self.state
        attempt = 0
        try:
            while not st.closed and st.webhook.get("url"):
                if await self._attempt(update):
                    _remove(st, update)
                    return
                attempt += 1
                await asyncio.sleep(min(st.webhook_retry_max, st.webhook_retry_base * 2**attempt))
        finally:
            self._inflight.pop(id(update), None)
            self._busy_keys.discard(key)
            st.updates_signal.fire()

    async def _attempt(self, update: JSON) -> bool:
        """One POST to the next backend; True on a 2xx answer."""
        st, http = self.state, self._http
        assert http is not None
        backends = st.webhook_backends
        backend = backends[next(self._turn) % len(backends)] if backends else None
        url = target_url(str(st.webhook["url"]), backend)
        headers = {}
        if st.webhook.get("secret_token"):
            headers[SECRET_HEADER] = str(st.webhook["secret_token"])
        error = ""
        try:
            async with http.post(url, json=update, headers=headers) as response:
                await response.read()
                status = response.status
                if not 200 <= status < 300:
                    error = f"Wrong response from the webhook: {status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            status, error = 0, f"Connection failed: {type(exc).__name__}"
        st.webhook_log.append(
            {"update_id": update["update_id"], "backend": backend or url, "status": status}
        )
        if error:
            st.webhook["last_error_date"] = int(time.time())
            st.webhook["last_error_message"] = error
            return False
        return True


def _remove(st: EmulatorState, update: JSON) -> None:
    """Drop a delivered update from the pending queue (by identity)."""
    for index, pending in enumerate(st.updates):
        if pending is update:
            del st.updates[index]
            return
