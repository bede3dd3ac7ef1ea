"""Bot API endpoint ``/bot<token>/<method>``: dispatch, faults, latency, and non-message methods."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.emulator import messages
from bot.emulator.params import Params, read_params
from bot.emulator.state import JSON, ApiError, EmulatorState

Handler = Callable[[EmulatorState, Params], Awaitable[Any]]
SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SECRET_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


async def get_me(st: EmulatorState, p: Params) -> JSON:
    """getMe."""
    return st.bot_user


async def get_updates(st: EmulatorState, p: Params) -> list[JSON]:
    """getUpdates with offset confirmation and an event-driven long poll."""
    if st.webhook.get("url"):
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    offset = p.integer("offset")
    limit = min(max(p.integer("limit", 100) or 100, 1), 100)
    timeout = max(p.integer("timeout", 0) or 0, 0)
    if p.has("allowed_updates"):
        st.allowed_updates = p.json("allowed_updates") or None
    updates = st.take_updates(offset, limit)
    if not updates and timeout > 0:
        await st.updates_signal.wait_for(lambda: st.closed or bool(st.updates), timeout)
        updates = st.take_updates(offset, limit)
    return updates


async def set_webhook(st: EmulatorState, p: Params) -> bool:
    """setWebhook (HTTPS, or plain HTTP to a loopback address for local tests)."""
    url = p.text("url") or ""
    if url:
        parts = urlsplit(url)
        if parts.scheme != "https" and not (
            parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
        ):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
    secret = p.text("secret_token") or None
    if secret is not None and not SECRET_TOKEN_RE.fullmatch(secret):
        raise ApiError(400, "Bad Request: secret token contains unallowed characters")
    if p.flag("drop_pending_updates"):
        st.updates.clear()
    st.webhook = {"url": url, "secret_token": secret}
    if p.has("max_connections"):
        st.webhook["max_connections"] = p.integer("max_connections")
    if p.has("allowed_updates"):
        st.webhook["allowed_updates"] = p.json("allowed_updates")
    st.updates_signal.fire()  # the delivery task starts sending what is pending
    return True


async def delete_webhook(st: EmulatorState, p: Params) -> bool:
    """deleteWebhook: updates wait for getUpdates again."""
    if p.flag("drop_pending_updates"):
        st.updates.clear()
    st.webhook = {"url": ""}
    st.updates_signal.fire()
    return True


async def get_webhook_info(st: EmulatorState, p: Params) -> JSON:
    """getWebhookInfo: URL, pending updates and the last delivery error."""
    info: JSON = {
        "url": st.webhook.get("url", ""),
        "has_custom_certificate": False,
        "pending_update_count": len(st.updates),
    }
    for key in ("max_connections", "allowed_updates", "last_error_date", "last_error_message"):
        if st.webhook.get(key) is not None:
            info[key] = st.webhook[key]
    return info


def scope_key(st: EmulatorState, scope: Any) -> str:
    """Canonical key of a BotCommandScope (chat scopes need a known chat)."""
    scope = scope or {"type": "default"}
    kind = scope.get("type") if isinstance(scope, dict) else None
    if kind not in SCOPE_TYPES:
        raise ApiError(400, "Bad Request: wrong scope type specified")
    parts = [kind]
    if kind in ("chat", "chat_administrators", "chat_member"):
        parts.append(str(st.chat_or_error(scope.get("chat_id")).chat["id"]))
    if kind == "chat_member":
        parts.append(str(int(scope.get("user_id", 0))))
    return ":".join(parts)


async def set_my_commands(st: EmulatorState, p: Params) -> bool:
    """setMyCommands with scope and language_code."""
    commands = p.json("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise ApiError(400, "Bad Request: commands must be a list of at most 100 commands")
    for cmd in commands:
        name = str(cmd.get("command", ""))
        ok = 1 <= len(name) <= 32 and all(c.islower() or c.isdigit() or c == "_" for c in name)
        if not ok:
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        if not 1 <= len(str(cmd.get("description", ""))) <= 256:
            raise ApiError(400, "Bad Request: command description is invalid")
    key = (scope_key(st, p.json("scope")), p.text("language_code") or "")
    cleaned = [{"command": c["command"], "description": c["description"]} for c in commands]
    if cleaned:
        st.commands[key] = cleaned
    else:
        st.commands.pop(key, None)
    return True


async def delete_my_commands(st: EmulatorState, p: Params) -> bool:
    """deleteMyCommands."""
    st.commands.pop((scope_key(st, p.json("scope")), p.text("language_code") or ""), None)
    return True


async def get_my_commands(st: EmulatorState, p: Params) -> list[JSON]:
    """getMyCommands (exact scope and language match)."""
    key = (scope_key(st, p.json("scope")), p.text("language_code") or "")
    return st.commands.get(key, [])


async def get_file(st: EmulatorState, p: Params) -> JSON:
    """getFile."""
    stored = st.files.get(str(p.require("file_id")))
    if stored is None:
        raise ApiError(400, "Bad Request: invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "file_path": stored.file_path,
    }


async def get_chat(st: EmulatorState, p: Params) -> JSON:
    """getChat (ChatFullInfo with the fields PTB requires)."""
    chat = st.chat_or_error(p.require("chat_id")).chat
    return dict(chat, accent_color_id=0, max_reaction_count=11)


def _constant(value: Any) -> Handler:
    """A handler that accepts anything and returns ``value``."""

    async def handler(st: EmulatorState, p: Params) -> Any:
        """Trivial method."""
        return value

    return handler


METHODS: dict[str, Handler] = {
    "getme": get_me,
    "getupdates": get_updates,
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
    "getwebhookinfo": get_webhook_info,
    "setmycommands": set_my_commands,
    "deletemycommands": delete_my_commands,
    "getmycommands": get_my_commands,
    "getfile": get_file,
    "getchat": get_chat,
    "sendmessage": messages.send_message,
    "senddocument": messages.send_document,
    "sendphoto": messages.send_photo,
    "editmessagetext": messages.edit_message_text,
    "editmessagecaption": messages.edit_message_caption,
    "editmessagereplymarkup": messages.edit_message_reply_markup,
    "deletemessage": messages.delete_message,
    "answercallbackquery": messages.answer_callback_query,
    "sendchataction": messages.send_chat_action,
    "logout": _constant(True),
    "close": _constant(True),
    "setmydescription": _constant(True),
    "setmyshortdescription": _constant(True),
    "setmyname": _constant(True),
    "setchatmenubutton": _constant(True),
    "setmydefaultadministratorrights": _constant(True),
    "getchatmenubutton": _constant({"type": "default"}),
    "getmydescription": _constant({"description": ""}),
    "getmyshortdescription": _constant({"short_description": ""}),
}


def _reply(body: JSON, status: int = 200) -> web.Response:
    """JSON response in Bot API form."""
    return web.Response(
        text=json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
    )


def make_api_handler(st: EmulatorState) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The aiohttp handler for ``/bot{token}/{method}`` bound to ``st``."""

    async def handle(request: web.Request) -> web.Response:
        """Authenticate, delay, inject faults and dispatch one Bot API call."""
        if request.match_info["token"] != st.token:
            return _reply({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        if st.latency_ms > 0:
            await asyncio.sleep(st.latency_ms / 1000.0)
        method = request.match_info["method"]
        handler = METHODS.get(method.lower())
        if handler is None:
            body = {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
            return _reply(body, 404)
        st.api_calls[method] = st.api_calls.get(method, 0) + 1
        try:
            params = await read_params(request)
            answer_delay = st.check_faults(method, params.get("chat_id"))
            result = await handler(st, params)
        except ApiError as exc:
            return _reply(exc.payload(), exc.code)
        if answer_delay:
            await asyncio.sleep(answer_delay)  # done, but the answer comes late (or never)
        return _reply({"ok": True, "result": result})

    return handle


def make_file_handler(st: EmulatorState) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The aiohttp handler for ``/file/bot{token}/{path}`` downloads."""

    async def handle(request: web.Request) -> web.Response:
        """Serve a stored file's bytes."""
        if request.match_info["token"] != st.token:
            return _reply({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        stored = st.files_by_path.get(request.match_info["path"])
        if stored is None:
            return _reply({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        ctype = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.data, content_type=ctype)

    return handle
