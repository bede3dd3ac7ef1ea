"""Shared helpers of the control API handlers: state lookup, JSON replies, errors."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from bot.emulator.state import ChatState, EmulatorState

DEFAULT_GROUP_ID = -1001000000001
STATE_KEY = web.AppKey("emulator_state", EmulatorState)


class ControlError(web.HTTPBadRequest):
    """A control request that cannot be satisfied (400 with a JSON ``error``)."""

    def __init__(self, message: str) -> None:
        super().__init__(
            text=json.dumps({"error": message}), content_type="application/json", reason="Bad"
        )


def app_state(request: web.Request) -> EmulatorState:
    """The emulator state of this app."""
    return request.app[STATE_KEY]


def ok(data: Any = None) -> web.Response:
    """JSON 200 reply."""
    return web.json_response({"ok": True, "result": data})


def int_query(request: web.Request, name: str, default: int | None = None) -> int | None:
    """An integer query parameter."""
    value = request.query.get(name)
    return default if value in (None, "") else int(value)


def known_chat(st: EmulatorState, chat_id: Any) -> ChatState:
    """A known chat or a control error."""
    chat = st.chats.get(int(chat_id))
    if chat is None:
        raise ControlError(f"unknown chat {chat_id}")
    return chat
