"""Control API under ``/_emu/``: read what the bot sent, faults, limits, reset."""

from __future__ import annotations

import json

from aiohttp import web

from bot.emulator.botapi import scope_key
from bot.emulator.inject import inject_callback, inject_message, inject_update, inject_updates
from bot.emulator.messages import snapshot
from bot.emulator.state import JSON, ApiError, BotRecord, Fault
from bot.emulator.webutil import STATE_KEY, ControlError, app_state, int_query, known_chat, ok

__all__ = ["STATE_KEY", "add_routes"]


async def reset(request: web.Request) -> web.Response:
    """Forget everything."""
    app_state(request).reset()
    return ok()


async def settings(request: web.Request) -> web.Response:
    """Set latency (ms) and/or the global flood limit (messages per second, null = off)."""
    st, body = app_state(request), await request.json()
    if "latency_ms" in body:
        st.latency_ms = float(body["latency_ms"] or 0)
    if "flood_limit" in body:
        st.flood_limit = float(body["flood_limit"]) if body["flood_limit"] else None
        st.flood_window.clear()
    return ok({"latency_ms": st.latency_ms, "flood_limit": st.flood_limit})


async def webhook_settings(request: web.Request) -> web.Response:
    """Balancer view: backend base URLs (``backends``) and the retry pauses (seconds)."""
    st, body = app_state(request), await request.json()
    if "backends" in body:
        st.webhook_backends = [str(b) for b in body["backends"] or []]
    if "retry_base" in body:
        st.webhook_retry_base = float(body["retry_base"])
    if "retry_max" in body:
        st.webhook_retry_max = float(body["retry_max"])
    st.updates_signal.fire()
    return await webhook_report(request)


async def webhook_report(request: web.Request) -> web.Response:
    """The webhook, its backends, deliveries per backend and every attempt."""
    st = app_state(request)
    delivered: dict[str, int] = {}
    for entry in st.webhook_log:
        if 200 <= entry["status"] < 300:
            delivered[entry["backend"]] = delivered.get(entry["backend"], 0) + 1
    public = {k: v for k, v in st.webhook.items() if k != "secret_token"}
    return ok(
        {
            "webhook": public,
            "pending_update_count": len(st.updates),
            "backends": list(st.webhook_backends),
            "retry_base": st.webhook_retry_base,
            "retry_max": st.webhook_retry_max,
            "delivered": delivered,
            "attempts": list(st.webhook_log),
        }
    )


async def add_fault(request: web.Request) -> web.Response:
    """Make the next ``count`` calls of a method fail (or answer ``answer_delay`` s late)."""
    body = await request.json()
    chat_id = body.get("chat_id")
    fault = Fault(
        method=str(body["method"]).lower(),
        error_code=int(body["error_code"]),
        description=str(body["description"]),
        retry_after=body.get("retry_after"),
        chat_id=None if chat_id is None else int(chat_id),
        count=int(body.get("count", 1)),
        answer_delay=float(body.get("answer_delay") or 0),
    )
    app_state(request).faults.append(fault)
    return ok()


async def block(request: web.Request) -> web.Response:
    """Mark a chat as having blocked the bot (or unblock it)."""
    body = await request.json()
    blocked = app_state(request).blocked
    if body.get("blocked", True):
        blocked.add(int(body["chat_id"]))
    else:
        blocked.discard(int(body["chat_id"]))
    return ok()


async def register_chat(request: web.Request) -> web.Response:
    """Make chats known to the bot without a message (``chat`` or a list in ``chats``)."""
    body, st = await request.json(), app_state(request)
    chats = [st.ensure_chat(c).chat for c in body.get("chats", [])]
    if body.get("chat"):
        chats.append(st.ensure_chat(body["chat"]).chat)
    return ok(chats)


async def read_messages(request: web.Request) -> web.Response:
    """Bot messages in a chat with id > ``after``; waits for ``min_count`` up to ``timeout``."""
    st = app_state(request)
    chat_id = int_query(request, "chat_id")
    after = int_query(request, "after", 0) or 0
    min_count = int_query(request, "min_count", 0) or 0
    timeout = float(request.query.get("timeout", 0))
    chat = st.chats.get(int(chat_id or 0))
    if chat is None:
        return ok([])

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
    return ok([snapshot(r) for r in fresh()])


async def read_message(request: web.Request) -> web.Response:
    """One bot message; waits until its edit_count reaches ``min_edit_count``."""
    st = app_state(request)
    chat = known_chat(st, int_query(request, "chat_id"))
    message_id = int(request.query["message_id"])
    record = chat.by_id.get(message_id)
    if record is None:
        raise ControlError(f"bot message {message_id} not found")
    wanted = int_query(request, "min_edit_count", 0) or 0
    timeout = float(request.query.get("timeout", 0))
    await chat.changed.wait_for(lambda: st.closed or record.edit_count >= wanted, timeout)
    return ok(snapshot(record))


async def latest(request: web.Request) -> web.Response:
    """Latest (non-deleted) bot message of a chat, or null."""
    chat = app_state(request).chats.get(int(request.query["chat_id"]))
    alive = [r for r in (chat.bot_messages if chat else []) if not r.deleted]
    return ok(snapshot(alive[-1]) if alive else None)


async def actions(request: web.Request) -> web.Response:
    """Chat actions sent to a chat."""
    chat = app_state(request).chats.get(int(request.query["chat_id"]))
    return ok(list(chat.actions) if chat else [])


async def callback_answers(request: web.Request) -> web.Response:
    """answerCallbackQuery calls filtered by user_id/chat_id; waits for ``min_count``."""
    st = app_state(request)
    user_id, chat_id = int_query(request, "user_id"), int_query(request, "chat_id")
    min_count = int_query(request, "min_count", 0) or 0
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
    return ok(matching())


async def sent_log(request: web.Request) -> web.Response:
    """Accepted outgoing messages with timestamps (optionally one chat); waits for min_count."""
    st = app_state(request)
    chat_id = int_query(request, "chat_id")
    min_count = int_query(request, "min_count", 0) or 0
    timeout = float(request.query.get("timeout", 0))

    def matching() -> list[JSON]:
        """Log entries of the requested chat (or all)."""
        return [e for e in st.sent_log if chat_id in (None, e["chat_id"])]

    if min_count > 0:
        await st.sent_signal.wait_for(lambda: st.closed or len(matching()) >= min_count, timeout)
    return ok(matching())


async def commands(request: web.Request) -> web.Response:
    """Commands set for a scope (JSON in ``scope``) and language."""
    st = app_state(request)
    scope = json.loads(request.query["scope"]) if request.query.get("scope") else None
    try:
        key = scope_key(st, scope)
    except ApiError as exc:
        raise ControlError(exc.description) from None
    return ok(st.commands.get((key, request.query.get("language_code", "")), []))


async def file_bytes(request: web.Request) -> web.Response:
    """Raw bytes of a stored file by file_id."""
    stored = app_state(request).files.get(request.match_info["file_id"])
    if stored is None:
        raise web.HTTPNotFound(text="unknown file_id")
    ctype = stored.mime_type or "application/octet-stream"
    return web.Response(body=stored.data, content_type=ctype)


async def status(request: web.Request) -> web.Response:
    """Pending updates, webhook, settings and per-method call counts."""
    st = app_state(request)
    return ok(
        {
            "pending_updates": len(st.updates),
            "webhook_url": st.webhook.get("url", ""),
            "webhook_backends": list(st.webhook_backends),
            "latency_ms": st.latency_ms,
            "flood_limit": st.flood_limit,
            "flood_refused": st.flood_refused,
            "faults": len(st.faults),
            "api_calls": dict(st.api_calls),
        }
    )


def add_routes(app: web.Application) -> None:
    """Register every control endpoint on ``app``."""
    app.router.add_post("/_emu/reset", reset)
    app.router.add_post("/_emu/settings", settings)
    app.router.add_post("/_emu/faults", add_fault)
    app.router.add_post("/_emu/webhook", webhook_settings)
    app.router.add_get("/_emu/webhook", webhook_report)
    app.router.add_post("/_emu/block", block)
    app.router.add_post("/_emu/chats", register_chat)
    app.router.add_post("/_emu/inject/message", inject_message)
    app.router.add_post("/_emu/inject/callback", inject_callback)
    app.router.add_post("/_emu/inject/update", inject_update)
    app.router.add_post("/_emu/inject/updates", inject_updates)
    app.router.add_get("/_emu/messages", read_messages)
    app.router.add_get("/_emu/message", read_message)
    app.router.add_get("/_emu/latest", latest)
    app.router.add_get("/_emu/actions", actions)
    app.router.add_get("/_emu/callback_answers", callback_answers)
    app.router.add_get("/_emu/sent_log", sent_log)
    app.router.add_get("/_emu/commands", commands)
    app.router.add_get("/_emu/files/{file_id}", file_bytes)
    app.router.add_get("/_emu/status", status)
