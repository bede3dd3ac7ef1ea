"""Async Python client of the emulator's control API: users that chat with the bot, and knobs."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from bot.emulator.botmessage import JSON, BotMessage, tiny_png
from bot.emulator.user import DEFAULT_GROUP_ID, EmulatedUser

__all__ = ["DEFAULT_GROUP_ID", "BotMessage", "EmulatedUser", "EmulatorClient", "tiny_png"]


class EmulatorClient:
    """Talks to the control API over HTTP (one pooled session, unlimited connections)."""

    def __init__(self, control_url: str) -> None:
        self.control_url = control_url.rstrip("/")
        self._session: aiohttp.ClientSession | None = None
        self.generation = 0  # bumped by reset() so users forget stale message ids

    def _http(self) -> aiohttp.ClientSession:
        """The shared HTTP session (created on first use inside the running loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=0),
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=10),
            )
        return self._session

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _call(self, verb: str, path: str, body: JSON | None = None, **query: Any) -> Any:
        """One control request; AssertionError with the emulator's message on failure."""
        params = {k: str(v) for k, v in query.items() if v is not None}
        async with self._http().request(
            verb, f"{self.control_url}{path}", json=body, params=params
        ) as resp:
            text = await resp.text()
            if resp.status != 200:
                try:
                    reason = json.loads(text).get("error", text)
                except ValueError:
                    reason = text
                raise AssertionError(f"emulator {path}: {reason}")
            return json.loads(text)["result"]

    async def get_bytes(self, path: str) -> bytes:
        """Raw bytes from a control endpoint."""
        async with self._http().get(f"{self.control_url}{path}") as resp:
            if resp.status != 200:
                raise AssertionError(f"emulator {path}: HTTP {resp.status}")
            return await resp.read()

    def user(
        self,
        user_id: int,
        *,
        first_name: str = "Test",
        username: str | None = None,
        language_code: str = "id",
    ) -> EmulatedUser:
        """A Telegram user who talks to the bot in a private chat (chat_id == user_id)."""
        return EmulatedUser(self, user_id, first_name, username, language_code)

    async def set_latency(self, ms: float) -> None:
        """Delay every Bot API call by ``ms`` milliseconds."""
        await self._call("POST", "/settings", {"latency_ms": ms})

    async def set_flood_limit(self, per_second: float | None) -> None:
        """Global limit of send* calls per second (429 beyond it); None switches it off."""
        await self._call("POST", "/settings", {"flood_limit": per_second})

    async def set_webhook_backends(
        self,
        backends: list[str],
        *,
        retry_base: float | None = None,
        retry_max: float | None = None,
    ) -> JSON:
        """Balancer view: deliver webhooks round-robin to these base URLs (``[]`` = the URL)."""
        body: JSON = {"backends": backends}
        if retry_base is not None:
            body["retry_base"] = retry_base
        if retry_max is not None:
            body["retry_max"] = retry_max
        result: JSON = await self._call("POST", "/webhook", body)
        return result

    async def webhook(self) -> JSON:
        """The webhook, its backends, deliveries per backend and every attempt."""
        result: JSON = await self._call("GET", "/webhook")
        return result

    async def add_fault(
        self,
        method: str,
        error_code: int,
        description: str,
        *,
        retry_after: int | None = None,
        chat_id: int | None = None,
        count: int = 1,
    ) -> None:
        """Make the next ``count`` calls of ``method`` (for ``chat_id`` if given) fail."""
        body = {
            "method": method,
            "error_code": error_code,
            "description": description,
            "retry_after": retry_after,
            "chat_id": chat_id,
            "count": count,
        }
        await self._call("POST", "/faults", body)

    async def delay_answers(
        self, method: str, seconds: float, *, chat_id: int | None = None, count: int = 1
    ) -> None:
        """Carry out the next ``count`` calls of ``method`` but answer ``seconds`` late."""
        body = {
            "method": method, "error_code": 0, "description": "", "chat_id": chat_id,
            "count": count, "answer_delay": seconds,
        }  # fmt: skip
        await self._call("POST", "/faults", body)

    async def inject_update(self, kind: str, payload: JSON) -> JSON:
        """Queue a raw (possibly forged) update of ``kind`` with ``payload``."""
        result: JSON = await self._call(
            "POST", "/inject/update", {"kind": kind, "payload": payload}
        )
        return result

    async def inject_updates(self, updates: list[tuple[str, JSON]]) -> list[int]:
        """Queue many raw updates (``(kind, payload)``) in one request; their update ids."""
        body = {"updates": [{"kind": kind, "payload": payload} for kind, payload in updates]}
        result: JSON = await self._call("POST", "/inject/updates", body)
        return list(result["update_ids"])

    async def block_chat(self, chat_id: int, blocked: bool = True) -> None:
        """403 "bot was blocked by the user" for every send to ``chat_id`` until unblocked."""
        await self._call("POST", "/block", {"chat_id": chat_id, "blocked": blocked})

    async def register_chat(
        self, chat_id: int, *, chat_type: str = "private", name: str = "Test"
    ) -> None:
        """Make a chat known to the bot although it never wrote (avoids "chat not found")."""
        chat: JSON = {"id": chat_id, "type": chat_type}
        chat["first_name" if chat_type == "private" else "title"] = name
        await self._call("POST", "/chats", {"chat": chat})

    async def register_chats(
        self, chat_ids: list[int], *, chat_type: str = "private", name: str = "Test"
    ) -> None:
        """Register many chats in one request."""
        key = "first_name" if chat_type == "private" else "title"
        chats = [{"id": c, "type": chat_type, key: name} for c in chat_ids]
        await self._call("POST", "/chats", {"chats": chats})

    async def wait_sent(
        self,
        count: int,
        timeout: float = 10.0,  # noqa: ASYNC109 - server-side long-poll duration
        *,
        chat_id: int | None = None,
    ) -> list[JSON]:
        """Wait until the sent log holds ``count`` entries (all chats or one); return the log."""
        log: list[JSON] = await self._call(
            "GET", "/sent_log", chat_id=chat_id, min_count=count, timeout=timeout
        )
        if len(log) < count:
            raise AssertionError(f"expected {count} sent messages in {timeout}s, got {len(log)}")
        return log

    async def sent_log(self, chat_id: int | None = None) -> list[JSON]:
        """Accepted outgoing messages: chat_id, message_id, method, ts (epoch s), text."""
        result: list[JSON] = await self._call("GET", "/sent_log", chat_id=chat_id)
        return result

    async def messages(self, chat_id: int, after: int = 0) -> list[BotMessage]:
        """All bot messages in a chat with message_id > ``after`` (no waiting)."""
        records = await self._call("GET", "/messages", chat_id=chat_id, after=after)
        return [BotMessage.from_record(r) for r in records]

    async def actions(self, chat_id: int) -> list[JSON]:
        """Chat actions (``{"action", "ts"}``) the bot sent to a chat."""
        result: list[JSON] = await self._call("GET", "/actions", chat_id=chat_id)
        return result

    async def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands the bot set for ``scope`` (default scope if None) and language."""
        scope_json = json.dumps(scope) if scope else None
        result: list[JSON] = await self._call(
            "GET", "/commands", scope=scope_json, language_code=language_code
        )
        return result

    async def status(self) -> JSON:
        """Pending update count, webhook URL, settings and per-method call counts."""
        result: JSON = await self._call("GET", "/status")
        return result

    async def reset(self) -> None:
        """Forget all chats, messages, updates, files, faults and limits."""
        await self._call("POST", "/reset")
        self.generation += 1
