"""Typed button routing: one callback per button class, with its roles checked when pressed.

``add_button(app, DecideAspiration, decide_pressed, roles=("hr",))`` installs a
CallbackQueryHandler matching the class's prefix; the callback runs through
``handlers.base.handler`` (transaction, identity, role check now — callback data can be
forged) and receives the unpacked, type-checked payload. A malformed payload is answered
as a stale button. Every registration is recorded in the command registry so menus,
help and the authorization tests know every entry point.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from typing import Any, TypeVar

from telegram.ext import Application, CallbackQueryHandler

from bot.callback_data import CallbackData
from handlers.base import handler
from handlers.commands import ButtonSpec
from handlers.context import services_of
from handlers.request import Request

D = TypeVar("D", bound=CallbackData)
ButtonFn = Callable[[Request, D], Awaitable[None]]


def record_button(
    app: Application[Any, Any, Any, Any, Any, Any],
    data_cls: type[CallbackData],
    *,
    roles: Collection[str] = (),
    linked: bool = False,
) -> None:
    """Record a button class and its roles (for menus, help and the authorization tests)."""
    services_of(app).commands.buttons[data_cls.prefix] = ButtonSpec(
        data_cls, frozenset(roles), linked
    )


def add_button(
    app: Application[Any, Any, Any, Any, Any, Any],
    data_cls: type[D],
    fn: ButtonFn[D],
    *,
    roles: Collection[str] = (),
    linked: bool = False,
    private_only: bool = True,
) -> None:
    """Route presses of ``data_cls`` buttons to ``fn(request, data)`` after the checks."""

    async def pressed(request: Request) -> None:
        query = request.update.callback_query
        data = data_cls.unpack(query.data if query else None)
        await fn(request, data)

    pressed.__name__ = pressed.__qualname__ = getattr(fn, "__name__", "button")
    pressed.__doc__ = fn.__doc__
    record_button(app, data_cls, roles=roles, linked=linked)
    callback = handler(roles=roles, linked=linked, private_only=private_only)(pressed)
    app.add_handler(CallbackQueryHandler(callback, pattern=data_cls.pattern()))
