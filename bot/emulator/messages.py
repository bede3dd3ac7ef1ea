"""Bot API methods that create or change messages: send*, edit*, delete, callbacks, actions."""

from __future__ import annotations

import copy
import struct
import time
from typing import Any

from bot.emulator.params import Params, Upload
from bot.emulator.state import JSON, ApiError, BotRecord, ChatState, EmulatorState, StoredFile
from bot.telegram_markup import MarkupError, visible_text

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


def _parse(text: str, parse_mode: str | None) -> str:
    """Visible text for ``parse_mode`` or 400 can't parse entities."""
    try:
        return visible_text(text, parse_mode)
    except MarkupError as exc:
        raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None


def _inline_keyboard(markup: Any) -> JSON | None:
    """Validate an InlineKeyboardMarkup and return it (None if ``markup`` is not one)."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    rows = markup["inline_keyboard"]
    for row in rows:
        for button in row:
            if not button.get("text"):
                raise ApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if data is None and not any(k in button for k in ("url", "login_url", "web_app")):
                raise ApiError(400, "Bad Request: can't parse inline keyboard button")
    return {"inline_keyboard": rows}


def _apply_markup(message: JSON, record: BotRecord, markup: Any) -> None:
    """Attach an inline keyboard to the message, or remember a reply keyboard / removal."""
    inline = _inline_keyboard(markup)
    if inline is not None:
        message["reply_markup"] = inline
    elif isinstance(markup, dict) and "keyboard" in markup:
        record.reply_keyboard = [
            [b if isinstance(b, dict) else {"text": str(b)} for b in row]
            for row in markup["keyboard"]
        ]
    elif isinstance(markup, dict) and markup.get("remove_keyboard"):
        record.remove_keyboard = True


def _apply_reply(message: JSON, chat: ChatState, p: Params) -> None:
    """Handle reply_parameters / reply_to_message_id."""
    reply = p.json("reply_parameters") or {}
    target = reply.get("message_id") or p.integer("reply_to_message_id")
    if not target:
        return
    allow = bool(reply.get("allow_sending_without_reply")) or p.flag("allow_sending_without_reply")
    original = chat.messages.get(int(target))
    if original is None:
        if allow:
            return
        raise ApiError(400, "Bad Request: message to be replied not found")
    message["reply_to_message"] = {k: v for k, v in original.items() if k != "reply_to_message"}


def _new_message(st: EmulatorState, chat: ChatState) -> JSON:
    """Skeleton of a Message sent by the bot."""
    return {
        "message_id": chat.new_message_id(),
        "from": st.bot_user,
        "chat": chat.chat,
        "date": int(time.time()),
    }


def _send(st: EmulatorState, chat: ChatState, p: Params, method: str, msg: JSON) -> JSON:
    """Finish and record an outgoing message built by a send* method."""
    record = BotRecord(message=msg, method=method, parse_mode=p.text("parse_mode"))
    record.source_text = p.text("text") if "text" in msg else p.text("caption")
    _apply_markup(msg, record, p.json("reply_markup"))
    _apply_reply(msg, chat, p)
    st.record_bot_message(chat, record)
    return msg


async def send_message(st: EmulatorState, p: Params) -> JSON:
    """sendMessage."""
    chat = st.chat_or_error(p.require("chat_id"))
    text = p.text("text") or ""
    if not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    visible = _parse(text, p.text("parse_mode"))
    if len(visible) > 4096:
        raise ApiError(400, "Bad Request: message is too long")
    if not visible.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    msg = _new_message(st, chat)
    msg["text"] = visible
    return _send(st, chat, p, "sendMessage", msg)


def _caption(msg: JSON, p: Params) -> None:
    """Add a validated caption to a media message."""
    caption = p.text("caption")
    if caption:
        visible = _parse(caption, p.text("parse_mode"))
        if len(visible) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        msg["caption"] = visible


def _resolve_file(st: EmulatorState, value: Any, kind: str) -> StoredFile:
    """An uploaded file (stored now) or an existing file_id."""
    if isinstance(value, Upload):
        return st.store_file(value.data, kind, value.filename, value.content_type)
    stored = st.files.get(str(value)) if value else None
    if stored is None:
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
    return stored


def document_json(stored: StoredFile) -> JSON:
    """Document object of a stored file."""
    doc: JSON = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }
    if stored.file_name:
        doc["file_name"] = stored.file_name
    if stored.mime_type:
        doc["mime_type"] = stored.mime_type
    return doc


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG, or (100, 100) when unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    i = 2
    while data[:2] == b"\xff\xd8" and i + 9 < len(data):
        if data[i] != 0xFF:
            break
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return int(width), int(height)
        i += 2 + length
    return 100, 100


def photo_json(stored: StoredFile) -> list[JSON]:
    """PhotoSize list (a single size) of a stored image."""
    width, height = image_size(stored.data)
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "width": width,
            "height": height,
        }
    ]


async def send_document(st: EmulatorState, p: Params) -> JSON:
    """sendDocument (multipart upload or file_id)."""
    chat = st.chat_or_error(p.require("chat_id"))
    stored = _resolve_file(st, p.require("document"), "documents")
    msg = _new_message(st, chat)
    msg["document"] = document_json(stored)
    _caption(msg, p)
    return _send(st, chat, p, "sendDocument", msg)


async def send_photo(st: EmulatorState, p: Params) -> JSON:
    """sendPhoto (multipart upload or file_id)."""
    chat = st.chat_or_error(p.require("chat_id"))
    stored = _resolve_file(st, p.require("photo"), "photos")
    msg = _new_message(st, chat)
    msg["photo"] = photo_json(stored)
    _caption(msg, p)
    return _send(st, chat, p, "sendPhoto", msg)


def _editable(st: EmulatorState, p: Params) -> tuple[ChatState, BotRecord]:
    """The bot message addressed by chat_id + message_id, or the matching 400."""
    if p.has("inline_message_id"):
        raise ApiError(400, "Bad Request: inline messages are not supported by the emulator")
    chat = st.chat_or_error(p.require("chat_id"))
    message_id = p.integer("message_id")
    if message_id is None:
        raise ApiError(400, "Bad Request: message identifier is not specified")
    record = chat.by_id.get(message_id)
    if record is None or record.deleted:
        if message_id in chat.messages:
            raise ApiError(400, "Bad Request: message can't be edited")
        raise ApiError(400, "Bad Request: message to edit not found")
    return chat, record


def _commit_edit(chat: ChatState, record: BotRecord, new: JSON, changed: bool = False) -> JSON:
    """Replace the record's message with ``new`` (or 400 not modified) and wake readers."""
    old = {k: v for k, v in record.message.items() if k != "edit_date"}
    if old == new and not changed:
        raise ApiError(400, NOT_MODIFIED)
    new["edit_date"] = int(time.time())
    record.message = new
    record.edit_count += 1
    chat.messages[new["message_id"]] = new
    chat.changed.fire()
    return new


async def edit_message_text(st: EmulatorState, p: Params) -> JSON:
    """editMessageText (a missing reply_markup removes the inline keyboard, as Telegram does)."""
    chat, record = _editable(st, p)
    if "text" not in record.message:
        raise ApiError(400, "Bad Request: there is no text in the message to edit")
    text = p.text("text") or ""
    visible = _parse(text, p.text("parse_mode"))
    if not visible.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(visible) > 4096:
        raise ApiError(400, "Bad Request: message is too long")
    new = {k: v for k, v in record.message.items() if k not in ("edit_date", "reply_markup")}
    new["text"] = visible
    inline = _inline_keyboard(p.json("reply_markup"))
    if inline is not None:
        new["reply_markup"] = inline
    # a change of formatting alone is a modification too
    restyled = (record.source_text, record.parse_mode) != (text, p.text("parse_mode"))
    result = _commit_edit(chat, record, new, changed=restyled)
    record.source_text, record.parse_mode = text, p.text("parse_mode")
    return result


async def edit_message_caption(st: EmulatorState, p: Params) -> JSON:
    """editMessageCaption."""
    chat, record = _editable(st, p)
    new = {
        k: v for k, v in record.message.items() if k not in ("edit_date", "reply_markup", "caption")
    }
    _caption(new, p)
    inline = _inline_keyboard(p.json("reply_markup"))
    if inline is not None:
        new["reply_markup"] = inline
    return _commit_edit(chat, record, new)


async def edit_message_reply_markup(st: EmulatorState, p: Params) -> JSON:
    """editMessageReplyMarkup (no reply_markup removes the keyboard)."""
    chat, record = _editable(st, p)
    new = {k: v for k, v in record.message.items() if k not in ("edit_date", "reply_markup")}
    inline = _inline_keyboard(p.json("reply_markup"))
    if inline is not None:
        new["reply_markup"] = inline
    return _commit_edit(chat, record, new)


async def delete_message(st: EmulatorState, p: Params) -> bool:
    """deleteMessage (bot messages stay in the log flagged ``deleted``)."""
    chat = st.chat_or_error(p.require("chat_id"))
    message_id = p.integer("message_id")
    if message_id is None or message_id not in chat.messages:
        raise ApiError(400, "Bad Request: message to delete not found")
    del chat.messages[message_id]
    record = chat.by_id.get(message_id)
    if record is not None:
        record.deleted = True
    chat.changed.fire()
    return True


async def answer_callback_query(st: EmulatorState, p: Params) -> bool:
    """answerCallbackQuery (each query can be answered once)."""
    query_id = str(p.require("callback_query_id"))
    query = st.callback_queries.get(query_id)
    if query is None or query["answered"]:
        raise ApiError(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        )
    query["answered"] = True
    answer = {
        "callback_query_id": query_id,
        "user_id": query["user_id"],
        "chat_id": query["chat_id"],
        "message_id": query["message_id"],
        "text": p.text("text"),
        "show_alert": p.flag("show_alert"),
        "url": p.text("url"),
        "cache_time": p.integer("cache_time", 0),
        "ts": time.time(),
    }
    st.callback_answers.append(answer)
    st.answers_signal.fire()
    chat = st.chats.get(query["chat_id"])
    if chat is not None:
        chat.changed.fire()
    return True


async def send_chat_action(st: EmulatorState, p: Params) -> bool:
    """sendChatAction."""
    chat = st.chat_or_error(p.require("chat_id"))
    action = p.text("action")
    if action not in CHAT_ACTIONS:
        raise ApiError(400, "Bad Request: wrong parameter action in request")
    chat.actions.append({"action": action, "ts": time.time()})
    chat.changed.fire()
    return True


def snapshot(record: BotRecord) -> JSON:
    """A deep copy of a record for the control API (safe against later edits)."""
    return copy.deepcopy(record.to_json())
