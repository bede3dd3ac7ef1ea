"""In-memory state of the Telegram Bot API emulator: chats, messages, updates, files, faults."""

from __future__ import annotations

import asyncio
import itertools
import math
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]
SEND_METHODS = frozenset(
    {"sendmessage", "senddocument", "sendphoto", "sendlocation", "sendcontact", "copymessage"}
)
_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]+)?")


class ApiError(Exception):
    """A Bot API error reply: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JSON:
        """The JSON body Telegram would return."""
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class Signal:
    """Edge-triggered wake-up for long-poll waiters (no busy loops)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake every current waiter."""
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_for(self, predicate: Callable[[], bool], within: float) -> bool:
        """Wait until ``predicate()`` is true or ``within`` seconds pass; return its value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(within, 0.0)
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            event = self._event
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                return predicate()
        return True


@dataclass
class BotRecord:
    """A message sent by the bot, in its latest state, with emulator-only metadata."""

    message: JSON
    method: str
    edit_count: int = 0
    deleted: bool = False
    reply_keyboard: list[list[JSON]] | None = None
    remove_keyboard: bool = False
    parse_mode: str | None = None
    source_text: str | None = None

    def to_json(self) -> JSON:
        """Serialise for the control API."""
        return {
            "message": self.message,
            "method": self.method,
            "edit_count": self.edit_count,
            "deleted": self.deleted,
            "reply_keyboard": self.reply_keyboard,
            "remove_keyboard": self.remove_keyboard,
            "parse_mode": self.parse_mode,
            "source_text": self.source_text,
        }


@dataclass
class ChatState:
    """One chat: its messages (user and bot), the bot's log, chat actions and a wake-up."""

    chat: JSON
    next_message_id: int = 1
    messages: dict[int, JSON] = field(default_factory=dict)
    bot_messages: list[BotRecord] = field(default_factory=list)
    by_id: dict[int, BotRecord] = field(default_factory=dict)
    actions: list[JSON] = field(default_factory=list)
    changed: Signal = field(default_factory=Signal)

    def new_message_id(self) -> int:
        """Allocate the next message id of this chat."""
        mid = self.next_message_id
        self.next_message_id += 1
        return mid

    def last_bot_message_id(self) -> int:
        """Id of the newest bot message (0 if none)."""
        return self.bot_messages[-1].message["message_id"] if self.bot_messages else 0


@dataclass
class StoredFile:
    """A file kept in memory, addressable by ``file_id`` and ``file_path``."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None


@dataclass
class Fault:
    """Make the next ``count`` calls of ``method`` (optionally for one chat) fail, or, with
    ``answer_delay``, succeed but answer that many seconds late (a lost answer)."""

    method: str
    error_code: int
    description: str
    retry_after: int | None = None
    chat_id: int | None = None
    count: int = 1
    answer_delay: float = 0.0


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (Telegram entity offsets)."""
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[JSON]:
    """``bot_command`` entities for every /command in ``text``."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: m.start()]),
            "length": utf16_len(m.group(0)),
        }
        for m in _COMMAND_RE.finditer(text)
    ]


class EmulatorState:
    """Everything the emulator remembers; reset() returns it to a fresh bot."""

    def __init__(self, token: str) -> None:
        self.token = token
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "Emulator Bot",
            "username": "emulator_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.closed = False
        self.webhook_backends: list[str] = []  # balancer view: base URLs replacing the host
        self.webhook_retry_base = 0.05  # seconds before the first retry, doubled each time
        self.webhook_retry_max = 2.0
        self.updates_signal = Signal()
        self.answers_signal = Signal()
        self.sent_signal = Signal()
        self.reset()

    def reset(self) -> None:
        """Forget all chats, updates, files, faults and settings."""
        self.users: dict[int, JSON] = {}
        self.chats: dict[int, ChatState] = {}
        self.updates: deque[JSON] = deque()
        self.update_ids = itertools.count(100_001)
        self.allowed_updates: list[str] | None = None
        self.webhook: JSON = {"url": ""}
        self.webhook_log: list[JSON] = []  # every delivery attempt: update_id, backend, status
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.file_ids = itertools.count(1)
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.faults: list[Fault] = []
        self.blocked: set[int] = set()
        self.flood_limit: float | None = None
        self.flood_window: deque[float] = deque()
        self.flood_refused = 0  # send* calls answered 429 by the flood limit
        self.latency_ms = 0.0
        self.sent_log: list[JSON] = []
        self.callback_queries: dict[str, JSON] = {}
        self.callback_answers: list[JSON] = []
        self.callback_ids = itertools.count(1)
        self.api_calls: dict[str, int] = {}
        self.updates_signal.fire()

    def shutdown(self) -> None:
        """Wake every long-poll so the server can stop promptly."""
        self.closed = True
        self.updates_signal.fire()
        self.answers_signal.fire()
        self.sent_signal.fire()
        for chat in self.chats.values():
            chat.changed.fire()

    # --- users and chats -------------------------------------------------------------------
    def remember_user(self, user: JSON) -> JSON:
        """Store (or refresh) a user and return its User object."""
        obj: JSON = {"id": int(user["id"]), "is_bot": False, "first_name": user["first_name"]}
        for key in ("last_name", "username", "language_code"):
            if user.get(key):
                obj[key] = user[key]
        self.users[obj["id"]] = obj
        return obj

    def ensure_chat(self, chat: JSON) -> ChatState:
        """Return the chat state, creating it from a Chat object if new."""
        chat_id = int(chat["id"])
        state = self.chats.get(chat_id)
        if state is None:
            state = ChatState(chat=dict(chat, id=chat_id))
            self.chats[chat_id] = state
        return state

    def private_chat(self, user: JSON) -> JSON:
        """The Chat object of a user's private chat with the bot."""
        chat: JSON = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if user.get("username"):
            chat["username"] = user["username"]
        return chat

    def chat_or_error(self, chat_id: Any) -> ChatState:
        """Resolve a ``chat_id`` parameter or raise 400 chat not found."""
        try:
            key = int(chat_id)
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None
        state = self.chats.get(key)
        if state is None:
            raise ApiError(400, "Bad Request: chat not found")
        return state

    # --- updates ---------------------------------------------------------------------------
    def push_update(self, kind: str, payload: JSON) -> JSON:
        """Queue a new update for getUpdates and wake the poller."""
        update = {"update_id": next(self.update_ids), kind: payload}
        self.updates.append(update)
        self.updates_signal.fire()
        return update

    def take_updates(self, offset: int | None, limit: int) -> list[JSON]:
        """Confirm updates below ``offset`` and return up to ``limit`` pending ones."""
        if offset is not None and offset < 0:
            while len(self.updates) > -offset:
                self.updates.popleft()
        elif offset is not None:
            while self.updates and self.updates[0]["update_id"] < offset:
                self.updates.popleft()
        if self.allowed_updates:
            allowed = set(self.allowed_updates)
            kept = [u for u in self.updates if update_kind(u) in allowed]
            self.updates = deque(kept)
        return list(itertools.islice(self.updates, 0, limit))

    # --- bot messages ----------------------------------------------------------------------
    def record_bot_message(self, chat: ChatState, record: BotRecord) -> None:
        """Store a message the bot sent and count it in the sent log."""
        mid = record.message["message_id"]
        chat.messages[mid] = record.message
        chat.bot_messages.append(record)
        chat.by_id[mid] = record
        self.sent_log.append(
            {
                "chat_id": chat.chat["id"],
                "message_id": mid,
                "method": record.method,
                "ts": time.time(),
                "text": record.message.get("text", record.message.get("caption")),
            }
        )
        chat.changed.fire()
        self.sent_signal.fire()

    def store_file(
        self, data: bytes, kind: str, file_name: str | None, mime_type: str | None
    ) -> StoredFile:
        """Keep bytes in memory and return the new file record."""
        n = next(self.file_ids)
        ext = ""
        if file_name and "." in file_name:
            ext = file_name.rsplit(".", 1)[1]
        elif kind == "photos":
            ext = "jpg"
        path = f"{kind}/file_{n}" + (f".{ext}" if ext else "")
        stored = StoredFile(
            file_id=f"EMU{kind[:3].upper()}{n:06d}{self.token[-4:]}",
            file_unique_id=f"U{n:08d}",
            data=data,
            file_path=path,
            file_name=file_name,
            mime_type=mime_type,
        )
        self.files[stored.file_id] = stored
        self.files_by_path[path] = stored
        return stored

    # --- faults, blocking, flood -----------------------------------------------------------
    def check_faults(self, method: str, chat_id: Any) -> float:
        """Raise the first matching injected fault, blocked-chat 403 or flood 429; return
        the seconds to hold the answer back (a matching ``answer_delay`` fault) or 0."""
        key = method.lower()
        target = _as_int(chat_id)
        delay = 0.0
        for fault in self.faults:
            if fault.method == key and fault.chat_id in (None, target):
                fault.count -= 1
                if fault.count <= 0:
                    self.faults.remove(fault)
                if fault.answer_delay <= 0:
                    raise ApiError(fault.error_code, fault.description, fault.retry_after)
                delay = fault.answer_delay
                break
        is_send = key in SEND_METHODS or key.startswith(("send", "edit", "copy", "forward"))
        if is_send and target is not None and target in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if key in SEND_METHODS and self.flood_limit:
            self._check_flood()
        return delay

    def _check_flood(self) -> None:
        """Sliding one-second window over all accepted send* calls."""
        now = time.monotonic()
        window = self.flood_window
        while window and now - window[0] >= 1.0:
            window.popleft()
        assert self.flood_limit is not None
        if len(window) >= self.flood_limit:
            wait = max(1, math.ceil(1.0 - (now - window[0])))
            self.flood_refused += 1
            raise ApiError(429, f"Too Many Requests: retry after {wait}", wait)
        window.append(now)


def _as_int(value: Any) -> int | None:
    """``int(value)`` or None when it is absent or not numeric."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def update_kind(update: JSON) -> str:
    """The payload key of an update (``message``, ``callback_query``, ...)."""
    return next(k for k in update if k != "update_id")
