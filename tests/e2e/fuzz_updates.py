"""Random Telegram updates for the fuzz test, from a seeded ``random.Random``.

Each update is a ``(kind, payload)`` pair for the emulator's raw injection
(``EmulatorClient.inject_updates``): texts of every shape (unicode, right-to-left, emoji,
very long, HTML-like, formula-like), commands with random arguments, forged callback data
of every registered prefix with random fields, messages in groups and channels, edited
messages, contacts with random numbers, documents with random names and bytes, photos and
stickers, and private updates whose chat is not the sender's. Nothing generated contains a
seeded person's full name, NIP or phone, so any such string in a reply came from the bot.
"""

from __future__ import annotations

import base64
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.callback_data import CallbackData
from bot.emulator.botmessage import tiny_png
from bot.emulator.state import command_entities

JSON = dict[str, Any]
GROUPS = ((-1001000000101, "supergroup"), (-4000000102, "group"))
CHANNEL = -1001000000199
ALPHABETS = (
    (0x0041, 0x007A),  # Latin
    (0x00C0, 0x024F),  # Latin with accents
    (0x0590, 0x05FF),  # Hebrew (right to left)
    (0x0600, 0x06FF),  # Arabic (right to left)
    (0x0900, 0x097F),  # Devanagari
    (0x4E00, 0x4FFF),  # CJK
    (0x1F300, 0x1F64F),  # emoji
    (0x0300, 0x036F),  # combining marks
)
SPECIALS = ("\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\n", "\t", " ", "\r\n")
SHAPES = (
    "<b>tebal</b>", "<script>alert(1)</script>", "</i>", "<a href='javascript:x'>x</a>", "&amp;",
    "&", "<", ">>", "=HYPERLINK(\"http://x\";\"x\")", "+62", "-1", "@SUM(A1)", "%s %d {x}",
    "{name.x}", "${name}", "'; DROP TABLE employees;--", "ya", "tidak", "batal", "1", "2", "0",
    "99", "-5", "2026-01-31", "31/02/2026", "2027-12-01 08:00", "25:61", "Ratna", "Wirakusuma",
    "1985", "Dinas Kesehatan", "dinkes", "Pranata Komputer", "semua", "all", "skip", "lewati",
)  # fmt: skip
EXTENSIONS = (".csv", ".xlsx", ".xls", ".txt", ".exe", "", ".CSV", ".xlsx.exe", ".json")
MIME_TYPES = ("text/csv", "application/vnd.ms-excel", "application/octet-stream", "image/png")


@dataclass(frozen=True)
class Sender:
    """A fuzzing user."""

    id: int
    first_name: str

    def json(self) -> JSON:
        """The Telegram User object."""
        return {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": "id",
        }


class UpdateFuzzer:
    """Makes random updates; ``commands`` and ``prefixes`` come from the bot's registries."""

    def __init__(
        self, rng: random.Random, commands: Sequence[str], prefixes: Sequence[str], avoid: set[str]
    ) -> None:
        self.rng = rng
        self.commands = [*commands, "foo", "START", "start@asn_mutasi_bot", "help@other_bot"]
        self.prefixes = list(prefixes)
        self.avoid = avoid  # phone numbers that would link a real employee
        self.kinds: list[tuple[Callable[[Sender], tuple[str, JSON]], int]] = [
            (self.text, 24), (self.command, 14), (self.callback, 14), (self.press, 14),
            (self.edited, 4),
            (self.group_message, 5), (self.group_callback, 2), (self.channel_post, 2),
            (self.contact, 6), (self.document, 6), (self.photo, 3), (self.sticker, 3),
            (self.foreign_chat, 2), (self.dice, 2),
        ]  # fmt: skip

    def update(self, sender: Sender) -> tuple[str, JSON]:
        """One random update from ``sender``."""
        makers, weights = zip(*self.kinds, strict=True)
        return self.rng.choices(makers, weights)[0](sender)

    # --- pieces --------------------------------------------------------------------------------

    def random_text(self) -> str:
        """Text of any shape: short or up to 4,096 characters, any script, markup-like."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return rng.choice(SHAPES)
        if roll < 0.35:
            return rng.choice(SHAPES) * rng.randint(50, 400)
        length = rng.choice((1, 3, 10, 40, 200, 1000, 4096)) if roll < 0.9 else rng.randint(1, 30)
        chars = []
        for _ in range(length):
            if rng.random() < 0.1:
                chars.append(rng.choice(SPECIALS))
            else:
                low, high = rng.choice(ALPHABETS)
                chars.append(chr(rng.randint(low, high)))
        return "".join(chars)[:4096] or "x"

    def random_field(self) -> str:
        """One callback field value: mostly small ids, sometimes anything."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.6:
            return str(rng.randint(0, 12))
        if roll < 0.7:
            return rng.choice(("-1", "0", "1", "99999999999", "9" * 20, "", "1.5", "0x1"))
        if roll < 0.9:
            return rng.choice(("yes", "no", "all", "accept", "reject", "go", "xlsx", "skill", "1"))
        return self.random_text()[:12].replace(":", "")

    def callback_data(self) -> str:
        """Forged data: a registered prefix with random fields (or plain garbage), ≤ 64 bytes."""
        rng = self.rng
        if rng.random() < 0.08:
            data = rng.choice(("", ":", "::::", "x" * 64, "🙂", "survey", "\u202e")) or "-"
        else:
            prefix = rng.choice(self.prefixes)
            fields = CallbackData.registry[prefix].__dataclass_fields__
            count = len(fields) if rng.random() < 0.8 else rng.randint(0, 4)
            data = ":".join([prefix, *(self.random_field() for _ in range(count))])
        while len(data.encode()) > 64:
            data = data[:-1]
        return data

    def phone(self) -> str:
        """A random phone number in any format (never one of a seeded employee)."""
        rng = self.rng
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 12)))
        raw = rng.choice(("+62812", "0812", "62812", "+8210", "+1 555 ", "", "+", "00")) + digits
        if rng.random() < 0.05:
            raw = rng.choice(("abc", "", "+", "0" * 40, "+62 812-3456-7890", "٠٨١٢٣٤٥٦٧٨٩"))
        return raw if raw not in self.avoid else "+6281200000000"

    def message(self, sender: Sender, chat: JSON, **content: Any) -> JSON:
        """A message payload from ``sender`` in ``chat``."""
        return {"from": sender.json(), "chat": chat, "date": int(time.time()), **content}

    def private(self, sender: Sender) -> JSON:
        """The sender's private chat."""
        return {"id": sender.id, "type": "private", "first_name": sender.first_name}

    # --- kinds of updates ----------------------------------------------------------------------

    def text(self, sender: Sender) -> tuple[str, JSON]:
        """A text message in the private chat."""
        return "message", self.message(sender, self.private(sender), text=self.random_text())

    def command_text(self) -> str:
        """A command, with random arguments half of the time."""
        text = "/" + self.rng.choice(self.commands)
        if self.rng.random() < 0.5:
            text += " " + self.rng.choice(
                (self.random_text()[:200], str(self.rng.randint(0, 10**18)))
            )
        return text

    def command(self, sender: Sender) -> tuple[str, JSON]:
        """A command in the private chat."""
        text = self.command_text()
        payload = self.message(sender, self.private(sender), text=text)
        payload["entities"] = command_entities(text)
        return "message", payload

    def callback(self, sender: Sender) -> tuple[str, JSON]:
        """A button press with forged data on the newest bot message of the private chat."""
        return "callback_query", {
            "from": sender.json(),
            "data": self.callback_data(),
            "chat_id": sender.id,
        }

    def press(self, sender: Sender) -> tuple[str, JSON]:
        """A press of a real button of the newest bot message (a user clicking around)."""
        return "callback_query", {
            "from": sender.json(),
            "press": self.rng.randint(0, 20),
            "chat_id": sender.id,
        }

    def edited(self, sender: Sender) -> tuple[str, JSON]:
        """An edit of an earlier message."""
        payload = self.message(sender, self.private(sender), text=self.command_text())
        payload.update(message_id=self.rng.randint(1, 50), edit_date=int(time.time()))
        return "edited_message", payload

    def group_chat(self) -> JSON:
        """One of the groups the users share with the bot."""
        chat_id, kind = self.rng.choice(GROUPS)
        return {"id": chat_id, "type": kind, "title": "Grup ASN"}

    def group_message(self, sender: Sender) -> tuple[str, JSON]:
        """A text or command in a group."""
        text = self.command_text() if self.rng.random() < 0.6 else self.random_text()
        payload = self.message(sender, self.group_chat(), text=text)
        payload["entities"] = command_entities(text)
        return "message", payload

    def group_callback(self, sender: Sender) -> tuple[str, JSON]:
        """A forged press on a bot message in a group."""
        chat_id, _kind = self.rng.choice(GROUPS)
        return "callback_query", {
            "from": sender.json(),
            "data": self.callback_data(),
            "chat_id": chat_id,
        }

    def channel_post(self, _sender: Sender) -> tuple[str, JSON]:
        """A post in a channel (no sender)."""
        chat = {"id": CHANNEL, "type": "channel", "title": "Kanal"}
        return "channel_post", {"chat": chat, "date": int(time.time()), "text": self.command_text()}

    def contact(self, sender: Sender) -> tuple[str, JSON]:
        """A shared contact: own (random number), someone else's, or without a user id."""
        contact: JSON = {"phone_number": self.phone(), "first_name": self.random_text()[:20]}
        roll = self.rng.random()
        if roll < 0.6:
            contact["user_id"] = sender.id
        elif roll < 0.8:
            contact["user_id"] = self.rng.randint(1, 10**9)
        return "message", self.message(sender, self.private(sender), contact=contact)

    def document(self, sender: Sender) -> tuple[str, JSON]:
        """A document with a random name and random (or CSV-like) bytes."""
        rng = self.rng
        if rng.random() < 0.5:
            data = rng.randbytes(rng.randint(0, 3000))
        else:
            data = ("nip,nama,telepon\n" + self.random_text()[:500]).encode("utf-8", "replace")
        name = rng.choice(
            ("roster", "data", "../../etc/passwd", "x" * 200, self.random_text()[:30])
        )
        document = {
            "data_b64": base64.b64encode(data).decode(),
            "filename": (name + rng.choice(EXTENSIONS)).replace("\x00", "") or "f",
            "mime_type": rng.choice(MIME_TYPES),
        }
        content: JSON = {"document": document}
        if rng.random() < 0.3:
            content["caption"] = self.random_text()[:1024]
        return "message", self.message(sender, self.private(sender), **content)

    def photo(self, sender: Sender) -> tuple[str, JSON]:
        """A photo (a real tiny PNG or random bytes)."""
        data = tiny_png() if self.rng.random() < 0.5 else self.rng.randbytes(200)
        photo = {"data_b64": base64.b64encode(data).decode()}
        return "message", self.message(sender, self.private(sender), photo=photo)

    def sticker(self, sender: Sender) -> tuple[str, JSON]:
        """A sticker."""
        sticker = {"data_b64": base64.b64encode(self.rng.randbytes(64)).decode(), "emoji": "😀"}
        return "message", self.message(sender, self.private(sender), sticker=sticker)

    def dice(self, sender: Sender) -> tuple[str, JSON]:
        """A kind of message no feature handles."""
        dice = {"emoji": "🎲", "value": self.rng.randint(1, 6)}
        return "message", self.message(sender, self.private(sender), dice=dice)

    def foreign_chat(self, sender: Sender) -> tuple[str, JSON]:
        """A forged private message whose chat is someone else's."""
        victim = {"id": sender.id + 1, "type": "private", "first_name": "Korban"}
        text = self.command_text()
        return "message", self.message(sender, victim, text=text, entities=command_entities(text))
