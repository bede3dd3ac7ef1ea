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


MESSAGE_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post")


def _raw_message(st: EmulatorState, payload: JSON) -> JSON:
    """Complete a forged message: known chat and sender, ids, stored files (``data_b64``)."""
    chat = st.ensure_chat(payload["chat"])
    if isinstance(payload.get("from"), dict):
        payload["from"] = st.remember_user(payload["from"])
    payload.setdefault("message_id", chat.new_message_id())
    payload.setdefault("date", int(time.time()))
    if isinstance(payload.get("document"), dict) and "data_b64" in payload["document"]:
        payload["document"] = _file_part(st, payload["document"], "documents")
    if isinstance(payload.get("photo"), dict) and "data_b64" in payload["photo"]:
        payload["photo"] = _file_part(st, payload["photo"], "photos")
    sticker = payload.get("sticker")
    if isinstance(sticker, dict) and "data_b64" in sticker:
        stored = st.store_file(base64.b64decode(sticker["data_b64"]), "stickers", None, None)
        payload["sticker"] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": sticker.get("emoji", "🙂"),
        }
    chat.messages.setdefault(payload["message_id"], payload)
    return payload


def _raw_target(chat: ChatState | None, message_id: Any, with_keyboard: bool) -> BotRecord | None:
    """The bot message a forged press refers to: ``message_id``, else the newest one."""
    if chat is None:
        return None
    if message_id:
        return chat.by_id.get(int(message_id))
    for record in reversed(chat.bot_messages):
        if not record.deleted and (record.message.get("reply_markup") or not with_keyboard):
            return record
    return None


def _real_button(record: BotRecord | None, index: int) -> str:
    """The callback data of the ``index``-th button of ``record`` (wrapping); "" if none."""
    rows = ((record.message.get("reply_markup") or {}) if record else {}).get("inline_keyboard", [])
    datas = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
    return datas[index % len(datas)] if datas else ""


def _raw_callback(st: EmulatorState, payload: JSON) -> JSON:
    """Complete a forged callback query: an answerable id, and the pressed message.

    ``chat_id`` (removed from the payload) names the chat whose newest bot message (or
    ``message_id``) carries the forged ``data``; without any bot message there is no
    ``message``. ``press: n`` instead of ``data`` presses the n-th real button of the newest
    bot message with an inline keyboard.
    """
    user = payload["from"] = st.remember_user(payload["from"])
    chat_id = int(payload.pop("chat_id", user["id"]))
    press = payload.pop("press", None)
    record = _raw_target(st.chats.get(chat_id), payload.pop("message_id", None), press is not None)
    if press is not None:
        payload["data"] = _real_button(record, int(press))
    query_id = str(payload.get("id") or f"{next(st.callback_ids)}{abs(user['id']) % 100000:05d}")
    payload["id"] = query_id
    payload.setdefault("chat_instance", str(abs(chat_id) * 31 + 7))
    if record is not None:
        payload["message"] = copy.deepcopy(record.message)
    st.callback_queries[query_id] = {
        "user_id": user["id"],
        "chat_id": chat_id if record is not None else None,
        "message_id": record.message["message_id"] if record is not None else None,
        "answered": False,
    }
    return payload


def _raw_update(st: EmulatorState, kind: str, payload: JSON) -> JSON:
    """Queue one forged update; messages and callback queries are completed, never checked."""
    payload = copy.deepcopy(payload)
    if kind in MESSAGE_KINDS:
        payload = _raw_message(st, payload)
    elif kind == "callback_query":
        payload = _raw_callback(st, payload)
    return st.push_update(kind, payload)


async def inject_update(request: web.Request) -> web.Response:
    """Queue a raw update (``kind`` + payload) as a client could forge it: no checks."""
    st, body = app_state(request), await request.json()
    return ok({"update": _raw_update(st, str(body["kind"]), dict(body["payload"]))})


async def inject_updates(request: web.Request) -> web.Response:
    """Queue many raw updates at once (``{"updates": [{"kind", "payload"}, ...]}``), in order."""
    st, body = app_state(request), await request.json()
    queued = [_raw_update(st, str(u["kind"]), dict(u["payload"])) for u in body["updates"]]
    return ok({"update_ids": [u["update_id"] for u in queued]})
