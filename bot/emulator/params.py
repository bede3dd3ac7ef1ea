"""Bot API request parameters as PTB sends them: form fields, multipart files or a JSON body."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.emulator.state import ApiError


@dataclass
class Upload:
    """A file uploaded in a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes


class Params:
    """Typed access to request parameters (strings, JSON-encoded values or uploads)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def get(self, name: str) -> Any:
        """The raw value or None."""
        return self.raw.get(name)

    def has(self, name: str) -> bool:
        """Whether the parameter was sent."""
        return self.raw.get(name) not in (None, "")

    def text(self, name: str) -> str | None:
        """The value as a string (None when absent)."""
        value = self.raw.get(name)
        if value is None or isinstance(value, Upload):
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        """The value as an int (``default`` when absent; 400 when not numeric)."""
        value = self.raw.get(name)
        if value in (None, ""):
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        """The value as a bool ("true"/"1" are true)."""
        value = self.raw.get(name)
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1")

    def json(self, name: str) -> Any:
        """A JSON-serialised complex value (reply_markup, scope, ...) decoded, or None."""
        value = self.raw.get(name)
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise ApiError(400, f"Bad Request: can't parse {name} JSON object") from None

    def require(self, name: str) -> Any:
        """The value, or 400 "<name> is empty"."""
        if not self.has(name):
            raise ApiError(400, f"Bad Request: {name} is empty")
        return self.raw[name]


async def read_params(request: web.Request) -> Params:
    """Collect query, form, multipart and JSON parameters of a Bot API request."""
    raw: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                raw.update(body)
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    raw[key] = Upload(value.filename, value.content_type, value.file.read())
                else:
                    raw[key] = value
    return Params(raw)
