"""Typed callback data ``feature:action[:arg…]``, built and parsed in one place.

Callback data can be forged by a client, so handlers treat every argument as untrusted
input: they re-check the role and ownership of what an id refers to when they run.
"""

from __future__ import annotations

from dataclasses import dataclass

SEPARATOR = ":"
MAX_BYTES = 64  # Telegram's limit for callback_data


class CallbackDataError(ValueError):
    """Raised for callback data that does not have the expected shape."""


@dataclass(frozen=True, slots=True)
class CallbackData:
    """A parsed button payload."""

    feature: str
    action: str
    args: tuple[str, ...] = ()

    def arg(self, index: int) -> str:
        """Return argument ``index`` or raise CallbackDataError."""
        try:
            return self.args[index]
        except IndexError as exc:
            raise CallbackDataError(f"missing argument {index}") from exc

    def int_arg(self, index: int) -> int:
        """Return argument ``index`` as an int or raise CallbackDataError."""
        value = self.arg(index)
        if not value.lstrip("-").isdigit():
            raise CallbackDataError(f"argument {index} is not a number")
        return int(value)


def build(feature: str, action: str, *args: object) -> str:
    """Encode a payload; raises when it would exceed Telegram's 64-byte limit."""
    parts = [feature, action, *(str(a) for a in args)]
    if any(SEPARATOR in p for p in parts):
        raise CallbackDataError("callback parts must not contain ':'")
    data = SEPARATOR.join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise CallbackDataError("callback data longer than 64 bytes")
    return data


def parse(data: str | None) -> CallbackData:
    """Decode a payload produced by :func:`build`."""
    if not data:
        raise CallbackDataError("empty callback data")
    parts = data.split(SEPARATOR)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise CallbackDataError("malformed callback data")
    return CallbackData(parts[0], parts[1], tuple(parts[2:]))


def pattern(feature: str) -> str:
    """Regex for CallbackQueryHandler matching every payload of ``feature``."""
    return rf"^{feature}{SEPARATOR}"
