"""What the test client returns: ``BotMessage`` (a bot message as the user sees it), test images."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A valid grey PNG of the given size (default test photo)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        """One PNG chunk with CRC."""
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@dataclass
class BotMessage:
    """A message the bot sent, in its latest state as the emulator saw it."""

    message_id: int
    chat_id: int
    text: str
    buttons: list[list[str]]
    callback_data: list[list[str]]
    reply_keyboard: list[list[JSON]] | None
    document: JSON | None
    photo: list[JSON] | None
    edit_count: int
    raw: JSON
    deleted: bool = False
    remove_keyboard: bool = False
    parse_mode: str | None = None
    source_text: str | None = field(default=None, repr=False)

    @classmethod
    def from_record(cls, record: JSON) -> BotMessage:
        """Build from a control-API record."""
        msg = record["message"]
        rows = (msg.get("reply_markup") or {}).get("inline_keyboard", [])
        return cls(
            message_id=msg["message_id"],
            chat_id=msg["chat"]["id"],
            text=msg.get("text", msg.get("caption", "")),
            buttons=[[b["text"] for b in row] for row in rows],
            callback_data=[[b.get("callback_data", b.get("url", "")) for b in row] for row in rows],
            reply_keyboard=record.get("reply_keyboard"),
            document=msg.get("document"),
            photo=msg.get("photo"),
            edit_count=record["edit_count"],
            raw=msg,
            deleted=record.get("deleted", False),
            remove_keyboard=record.get("remove_keyboard", False),
            parse_mode=record.get("parse_mode"),
            source_text=record.get("source_text"),
        )

    @property
    def button_labels(self) -> list[str]:
        """All inline button labels, flattened."""
        return [label for row in self.buttons for label in row]
