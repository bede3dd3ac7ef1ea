"""Control API: inject updates from emulated users (messages, files, button presses)."""

from __future__ import annotations

import base64
import copy
import time
from typing import Any

from aiohttp import web

from bot.emulator.messages import document_json, photo_json
from bot.emulator.state import JSON, BotRecord, ChatState, EmulatorState, command_entities
from bot.emulator.webutil import DEFAULT_GROUP_ID, ControlError, app_state, known_chat, ok


def _file_part(st: EmulatorState, spec: JSON, kind: str) -> Any:
    """Store an injected document/photo and return its Bot API object."""
    data = base64.b64decode(spec["data_b64"])
    stored = st.store_file(data, kind, spec.get("filename"), spec.get("mime_type"))
    return document_json(stored) if kind == "documents" else photo_json(stored)


async def inject_message(request: web.Request) -> web.Response:
    """Inject a message update from a user (text, contact, document or photo)."""
    st, body = app_state(request), await request.json()
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
    return ok({"update": update, "last_bot_message_id": baseline})


def _labels(record: BotRecord) -> list[str]:
    """The labels of a bot message's inline buttons."""
    rows = (record.message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["text"] for row in rows for b in row]


def _keyboard_target(chat: ChatState, message_id: int | None, label: str | None) -> BotRecord:
    """The pressed message: by id, else the newest with a ``label`` button, else the newest."""
    if message_id is not None:
        record = chat.by_id.get(int(message_id))
        if record is None or record.deleted:
            raise ControlError(f"bot message {message_id} not found")
        return record
    keyboards = [r for r in reversed(chat.bot_messages) if not r.deleted and _labels(r)]
    for record in keyboards:
        if label is None or label in _labels(record):
            return record
    if keyboards:
        return keyboards[0]
    raise ControlError("no bot message with an inline keyboard in this chat")


async def inject_callback(request: web.Request) -> web.Response:
    """Press an inline button (by label) or send forged callback_data."""
    st, body = app_state(request), await request.json()
    user = st.remember_user(body["user"])
    chat = known_chat(st, body.get("chat_id", user["id"]))
    record = _keyboard_target(chat, body.get("message_id"), body.get("label"))
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
    return ok({"update": update, "callback_query_id": query_id})


async def inject_update(request: web.Request) -> web.Response:
    """Queue a raw update (``kind`` + payload) as a client could forge it: no checks."""
    st, body = app_state(request), await request.json()
    kind = str(body["kind"])
    payload = dict(body["payload"])
    if kind in ("message", "edited_message"):
        chat = st.ensure_chat(payload["chat"])
        payload.setdefault("message_id", chat.new_message_id())
        payload.setdefault("date", int(time.time()))
    return ok({"update": st.push_update(kind, payload)})
