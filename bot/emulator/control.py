"""Control API under ``/_emu/``: inject updates, read what the bot sent, faults, limits, reset."""

from __future__ import annotations

import base64
import copy
import json
import time
from typing import Any

from aiohttp import web

from bot.emulator.botapi import scope_key
from bot.emulator.messages import document_json, photo_json, snapshot
from bot.emulator.state import (
    JSON,
    ApiError,
    BotRecord,
    ChatState,
    EmulatorState,
    Fault,
    command_entities,
)

DEFAULT_GROUP_ID = -1001000000001
STATE_KEY = web.AppKey("emulator_state", EmulatorState)


class ControlError(web.HTTPBadRequest):
    """A control request that cannot be satisfied (400 with a JSON ``error``)."""

    def __init__(self, message: str) -> None:
        super().__init__(
            text=json.dumps({"error": message}), content_type="application/json", reason="Bad"
        )


def _st(request: web.Request) -> EmulatorState:
    """The emulator state of this app."""
    return request.app[STATE_KEY]


def _ok(data: Any = None) -> web.Response:
    """JSON 200 reply."""
    return web.json_response({"ok": True, "result": data})


def _int_query(request: web.Request, name: str, default: int | None = None) -> int | None:
    """An integer query parameter."""
    value = request.query.get(name)
    return default if value in (None, "") else int(value)


def _chat(st: EmulatorState, chat_id: Any) -> ChatState:
    """A known chat or a control error."""
    chat = st.chats.get(int(chat_id))
    if chat is None:
        raise ControlError(f"unknown chat {chat_id}")
    return chat


async def reset(request: web.Request) -> web.Response:
    """Forget everything."""
    _st(request).reset()
    return _ok()


async def settings(request: web.Request) -> web.Response:
    """Set latency (ms) and/or the global flood limit (messages per second, null = off)."""
    st, body = _st(request), await request.json()
    if "latency_ms" in body:
        st.latency_ms = float(body["latency_ms"] or 0)
    if "flood_limit" in body:
        st.flood_limit = float(body["flood_limit"]) if body["flood_limit"] else None
        st.flood_window.clear()
    return _ok({"latency_ms": st.latency_ms, "flood_limit": st.flood_limit})


async def add_fault(request: web.Request) -> web.Response:
    """Make the next ``count`` calls of a method fail."""
    body = await request.json()
    chat_id = body.get("chat_id")
    fault = Fault(
        method=str(body["method"]).lower(),
        error_code=int(body["error_code"]),
        description=str(body["description"]),
        retry_after=body.get("retry_after"),
        chat_id=None if chat_id is None else int(chat_id),
        count=int(body.get("count", 1)),
    )
    _st(request).faults.append(fault)
    return _ok()


async def block(request: web.Request) -> web.Response:
    """Mark a chat as having blocked the bot (or unblock it)."""
    body = await request.json()
    blocked = _st(request).blocked
    if body.get("blocked", True):
        blocked.add(int(body["chat_id"]))
    else:
        blocked.discard(int(body["chat_id"]))
    return _ok()


async def register_chat(request: web.Request) -> web.Response:
    """Make a chat known to the bot without a message (e.g. a user who never wrote)."""
    body = await request.json()
    chat = _st(request).ensure_chat(body["chat"])
    return _ok(chat.chat)


def _file_part(st: EmulatorState, spec: JSON, kind: str) -> Any:
    """Store an injected document/photo and return its Bot API object."""
    data = base64.b64decode(spec["data_b64"])
    stored = st.store_file(data, kind, spec.get("filename"), spec.get("mime_type"))
    return document_json(stored) if kind == "documents" else photo_json(stored)


async def inject_message(request: web.Request) -> web.Response:
    """Inject a message update from a user (text, contact, document or photo)."""
    st, body = _st(request), await request.json()
    user = st.remember_user(body["user"])
    chat_type = body.get("chat_type", "private")
    if chat_type == "private":
        chat = st.ensure_chat(st.private_chat(user))
    else:
        chat_id = int(body.get("chat_id") or DEFAULT_GROUP_ID)
        title = body.get("chat_title") or "Test Group"
        chat = st.ensure_chat({"id": chat_id, "type": chat_type, "title": title})
    baseline = chat.last_bot_message_id()
    msg: JSON = {
        "message_id": chat.new_message_id(),
        "from": user,
        "chat": chat.chat,
        "date": int(time.time()),
    }
    if body.get("text") is not None:
        msg["text"] = body["text"]
        entities = command_entities(body["text"])
        if entities:
            msg["entities"] = entities
    if body.get("contact"):
        contact = dict(body["contact"])
        if contact.get("user_id") is None:
            contact["user_id"] = user["id"]
        elif not contact["user_id"]:
            del contact["user_id"]
        msg["contact"] = contact
    if body.get("document"):
        msg["document"] = _file_part(st, body["document"], "documents")
    if body.get("photo"):
        msg["photo"] = _file_part(st, body["photo"], "photos")
    if body.get("caption"):
        msg["caption"] = body["caption"]
    reply_to = body.get("reply_to_message_id")
    if reply_to and int(reply_to) in chat.messages:
        msg["reply_to_message"] = copy.deepcopy(chat.messages[int(reply_to)])
    chat.messages[msg["message_id"]] = msg
    update = st.push_update("message", msg)
    return _ok({"update": update, "last_bot_message_id": baseline})


def _keyboard_target(chat: ChatState, message_id: int | None) -> BotRecord:
    """The bot message whose inline keyboard is pressed."""
    if message_id is not None:
        record = chat.by_id.get(int(message_id))
        if record is None or record.deleted:
            raise ControlError(f"bot message {message_id} not found")
        return record
    for record in reversed(chat.bot_messages):
        if not record.deleted and record.message.get("reply_markup"):
            return record
    raise ControlError("no bot message with an inline keyboard in this chat")


async def inject_callback(request: web.Request) -> web.Response:
    """Press an inline button (by label) or send forged callback_data."""
    st, body = _st(request), await request.json()
    user = st.remember_user(body["user"])
    chat = _chat(st, body.get("chat_id", user["id"]))
    record = _keyboard_target(chat, body.get("message_id"))
    data = body.get("data")
    if data is None:
        rows = (record.message.get("reply_markup") or {}).get("inline_keyboard", [])
        buttons = [b for row in rows for b in row]
        label = body.get("label")
        matches = [b for b in buttons if label is None or b["text"] == label]
        if not matches:
            labels = [b["text"] for b in buttons]
            raise ControlError(f"no button {label!r}; buttons: {labels}")
        if "callback_data" not in matches[0]:
            raise ControlError(f"button {matches[0]['text']!r} has no callback_data")
        data = matches[0]["callback_data"]
    query_id = f"{next(st.callback_ids)}{abs(user['id']) % 100000:05d}"
    st.callback_queries[query_id] = {
        "user_id": user["id"],
        "chat_id": chat.chat["id"],
        "message_id": record.message["message_id"],
        "answered": False,
    }
    query = {
        "id": query_id,
        "from": user,
        "message": copy.deepcopy(record.message),
        "chat_instance": str(abs(chat.chat["id"]) * 31 + 7),
        "data": data,
    }
    update = st.push_update("callback_query", query)
    return _ok({"update": update, "callback_query_id": query_id})


async def read_messages(request: web.Request) -> web.Response:
    """Bot messages in a chat with id > ``after``; waits for ``min_count`` up to ``timeout``."""
    st = _st(request)
    chat_id = _int_query(request, "chat_id")
    after = _int_query(request, "after", 0) or 0
    min_count = _int_query(request, "min_count", 0) or 0
    timeout = float(request.query.get("timeout", 0))
    chat = st.chats.get(int(chat_id or 0))
    if chat is None:
        return _ok([])

    def fresh() -> list[BotRecord]:
        """Records newer than ``after`` (ids increase, so scan from the end)."""
        out: list[BotRecord] = []
        for record in reversed(chat.bot_messages):
            if record.message["message_id"] <= after:
                break
            out.append(record)
        out.reverse()
        return out

    if min_count > 0:
        await chat.changed.wait_for(lambda: st.closed or len(fresh()) >= min_count, timeout)
    return _ok([snapshot(r) for r in fresh()])


async def read_message(request: web.Request) -> web.Response:
    """One bot message; waits until its edit_count reaches ``min_edit_count``."""
    st = _st(request)
    chat = _chat(st, _int_query(request, "chat_id"))
    message_id = int(request.query["message_id"])
    record = chat.by_id.get(message_id)
    if record is None:
        raise ControlError(f"bot message {message_id} not found")
    wanted = _int_query(request, "min_edit_count", 0) or 0
    timeout = float(request.query.get("timeout", 0))
    await chat.changed.wait_for(lambda: st.closed or record.edit_count >= wanted, timeout)
    return _ok(snapshot(record))


async def latest(request: web.Request) -> web.Response:
    """Latest (non-deleted) bot message of a chat, or null."""
    chat = _st(request).chats.get(int(request.query["chat_id"]))
    alive = [r for r in (chat.bot_messages if chat else []) if not r.deleted]
    return _ok(snapshot(alive[-1]) if alive else None)


async def actions(request: web.Request) -> web.Response:
    """Chat actions sent to a chat."""
    chat = _st(request).chats.get(int(request.query["chat_id"]))
    return _ok(list(chat.actions) if chat else [])


async def callback_answers(request: web.Request) -> web.Response:
    """answerCallbackQuery calls filtered by user_id/chat_id; waits for ``min_count``."""
    st = _st(request)
    user_id, chat_id = _int_query(request, "user_id"), _int_query(request, "chat_id")
    min_count = _int_query(request, "min_count", 0) or 0
    timeout = float(request.query.get("timeout", 0))

    def matching() -> list[JSON]:
        """Answers passing the filters."""
        return [
            a
            for a in st.callback_answers
            if user_id in (None, a["user_id"]) and chat_id in (None, a["chat_id"])
        ]

    if min_count > 0:
        await st.answers_signal.wait_for(lambda: st.closed or len(matching()) >= min_count, timeout)
    return _ok(matching())


async def sent_log(request: web.Request) -> web.Response:
    """Accepted outgoing messages with timestamps (optionally one chat)."""
    chat_id = _int_query(request, "chat_id")
    log = [e for e in _st(request).sent_log if chat_id in (None, e["chat_id"])]
    return _ok(log)


async def commands(request: web.Request) -> web.Response:
    """Commands set for a scope (JSON in ``scope``) and language."""
    st = _st(request)
    scope = json.loads(request.query["scope"]) if request.query.get("scope") else None
    try:
        key = scope_key(st, scope)
    except ApiError as exc:
        raise ControlError(exc.description) from None
    return _ok(st.commands.get((key, request.query.get("language_code", "")), []))


async def file_bytes(request: web.Request) -> web.Response:
    """Raw bytes of a stored file by file_id."""
    stored = _st(request).files.get(request.match_info["file_id"])
    if stored is None:
        raise web.HTTPNotFound(text="unknown file_id")
    ctype = stored.mime_type or "application/octet-stream"
    return web.Response(body=stored.data, content_type=ctype)


async def status(request: web.Request) -> web.Response:
    """Pending updates, webhook, settings and per-method call counts."""
    st = _st(request)
    return _ok(
        {
            "pending_updates": len(st.updates),
            "webhook_url": st.webhook.get("url", ""),
            "latency_ms": st.latency_ms,
            "flood_limit": st.flood_limit,
            "faults": len(st.faults),
            "api_calls": dict(st.api_calls),
        }
    )


def add_routes(app: web.Application) -> None:
    """Register every control endpoint on ``app``."""
    app.router.add_post("/_emu/reset", reset)
    app.router.add_post("/_emu/settings", settings)
    app.router.add_post("/_emu/faults", add_fault)
    app.router.add_post("/_emu/block", block)
    app.router.add_post("/_emu/chats", register_chat)
    app.router.add_post("/_emu/inject/message", inject_message)
    app.router.add_post("/_emu/inject/callback", inject_callback)
    app.router.add_get("/_emu/messages", read_messages)
    app.router.add_get("/_emu/message", read_message)
    app.router.add_get("/_emu/latest", latest)
    app.router.add_get("/_emu/actions", actions)
    app.router.add_get("/_emu/callback_answers", callback_answers)
    app.router.add_get("/_emu/sent_log", sent_log)
    app.router.add_get("/_emu/commands", commands)
    app.router.add_get("/_emu/files/{file_id}", file_bytes)
    app.router.add_get("/_emu/status", status)
