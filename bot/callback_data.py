"""Typed button payloads: ``prefix:field:field``, built and parsed in one place.

A feature declares one frozen dataclass per button action::

    @dataclass(frozen=True)
    class DecideAspiration(CallbackData, prefix="aspiration-decide"):
        aspiration_id: int
        decision: Literal["verify", "return", "accept", "reject"]

``DecideAspiration(7, "accept").pack()`` gives ``"aspiration-decide:7:accept"``;
``DecideAspiration.unpack(data)`` checks the prefix, the number of fields and each
field's type (``int``, ``str``, ``bool``, ``Literal[...]``, ``X | None``), raising
:class:`CallbackDataError` for anything else. Callback data can be forged by a client,
so handlers still re-check the role and the ownership of what an id refers to.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import fields
from typing import Any, ClassVar, Literal, Self, Union, get_args, get_origin

SEPARATOR = ":"
MAX_BYTES = 64  # Telegram's limit for callback_data
_PREFIX = re.compile(r"^[a-z][a-z0-9-]{1,40}$")
_INT = re.compile(r"^-?\d{1,19}$")


class CallbackDataError(ValueError):
    """Raised for callback data that does not have the expected shape."""


class CallbackData:
    """Base class of typed button payloads (subclass as a frozen dataclass with a prefix)."""

    prefix: ClassVar[str] = ""
    registry: ClassVar[dict[str, type[CallbackData]]] = {}

    def __init_subclass__(cls, prefix: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not prefix:
            return
        if not _PREFIX.match(prefix):
            raise ValueError(f"callback prefix {prefix!r}: lowercase words joined by '-'")
        known = CallbackData.registry.get(prefix)
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise ValueError(f"callback prefix {prefix!r} used twice")
        cls.prefix = prefix
        CallbackData.registry[prefix] = cls

    def pack(self) -> str:
        """Encode the payload; raises when it would exceed Telegram's 64-byte limit."""
        parts = [self.prefix, *(_encode(getattr(self, f.name)) for f in fields(self))]  # type: ignore[arg-type]
        if any(SEPARATOR in p for p in parts):
            raise CallbackDataError("callback fields must not contain ':'")
        data = SEPARATOR.join(parts)
        if len(data.encode()) > MAX_BYTES:
            raise CallbackDataError("callback data longer than 64 bytes")
        return data

    @classmethod
    def unpack(cls, data: str | None) -> Self:
        """Decode a payload of this class, checking every field."""
        if not data:
            raise CallbackDataError("empty callback data")
        prefix, *values = data.split(SEPARATOR)
        if prefix != cls.prefix:
            raise CallbackDataError("callback data of another button")
        specs = _field_types(cls)
        if len(values) != len(specs):
            raise CallbackDataError("wrong number of callback fields")
        kwargs = {name: _decode(raw, hint) for (name, hint), raw in zip(specs, values, strict=True)}
        return cls(**kwargs)

    @classmethod
    def pattern(cls) -> str:
        """Regex for CallbackQueryHandler matching every payload of this class."""
        return rf"^{re.escape(cls.prefix)}(?:{SEPARATOR}|$)"


_FIELD_TYPES: dict[type[CallbackData], tuple[tuple[str, Any], ...]] = {}


def _field_types(cls: type[CallbackData]) -> tuple[tuple[str, Any], ...]:
    """(name, resolved type hint) of each dataclass field, in order (cached per class)."""
    known = _FIELD_TYPES.get(cls)
    if known is None:
        hints = typing.get_type_hints(cls)
        known = tuple((f.name, hints[f.name]) for f in fields(cls))  # type: ignore[arg-type]
        _FIELD_TYPES[cls] = known
    return known


def _encode(value: object) -> str:
    """One field as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _decode(raw: str, hint: Any) -> Any:
    """One field from text, checked against its type hint."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if raw == "" and len(options) < len(get_args(hint)):
            return None
        if len(options) != 1:
            raise TypeError(f"unsupported callback field type {hint!r}")
        return _decode(raw, options[0])
    if origin is Literal:
        allowed = {str(a): a for a in get_args(hint)}
        if raw not in allowed:
            raise CallbackDataError("unexpected callback value")
        return allowed[raw]
    if hint is bool:
        if raw not in ("0", "1"):
            raise CallbackDataError("callback flag is not 0 or 1")
        return raw == "1"
    if hint is int:
        if not _INT.match(raw):
            raise CallbackDataError("callback field is not a number")
        return int(raw)
    if hint is str:
        return raw
    raise TypeError(f"unsupported callback field type {hint!r}")
