"""``EmulatedUser``: a Telegram user driven through the emulator's control API."""

from __future__ import annotations

import asyncio
import base64
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from bot.emulator.botmessage import JSON, BotMessage, tiny_png

if TYPE_CHECKING:
    from bot.emulator.client import EmulatorClient

DEFAULT_GROUP_ID = -1001000000001


class EmulatedUser:
    """One user: injects updates and reads what the bot sent back to them."""

    def __init__(
        self,
        client: EmulatorClient,
        user_id: int,
        first_name: str,
        username: str | None,
        language_code: str,
    ) -> None:
        self.client = client
        self.id = user_id
        self.chat_id = user_id
        self.group_chat_id = DEFAULT_GROUP_ID
        self.first_name = first_name
        self.username = username
        self.language_code = language_code
        self._seen: dict[int, int] = {}  # chat_id -> last message_id returned
        self._edits: dict[tuple[int, int], int] = {}  # (chat, message) -> edit_count seen
        self._generation = client.generation

    def _user_json(self) -> JSON:
        """The User object fields for injected updates."""
        user: JSON = {"id": self.id, "first_name": self.first_name}
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def _sync_generation(self) -> None:
        """Drop remembered message ids after the emulator was reset."""
        if self._generation != self.client.generation:
            self._seen.clear()
            self._edits.clear()
            self._generation = self.client.generation

    def _chat(self, chat_type: str, chat_id: int | None) -> int:
        """The chat id an operation targets."""
        if chat_id is not None:
            return chat_id
        return self.chat_id if chat_type == "private" else self.group_chat_id

    async def _inject(
        self, body: JSON, chat_type: str = "private", chat_id: int | None = None
    ) -> JSON:
        """Inject a message update; remember the bot's last message id as the read baseline."""
        self._sync_generation()
        target = self._chat(chat_type, chat_id)
        body = dict(body, user=self._user_json(), chat_type=chat_type, chat_id=target)
        result: JSON = await self.client._call("POST", "/inject/message", body)
        self._seen.setdefault(target, result["last_bot_message_id"])
        return result

    async def send(
        self,
        text: str,
        *,
        chat_type: str = "private",
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> None:
        """Send a text message (commands get a bot_command entity)."""
        body = {"text": text, "reply_to_message_id": reply_to_message_id}
        await self._inject(body, chat_type, chat_id)

    async def press(
        self,
        label: str | None = None,
        *,
        data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Press an inline button by label (first button if None) or send forged ``data``."""
        self._sync_generation()
        body = {
            "user": self._user_json(),
            "chat_id": self.chat_id if chat_id is None else chat_id,
            "label": label,
            "data": data,
            "message_id": message_id,
        }
        await self.client._call("POST", "/inject/callback", body)

    async def share_contact(
        self, phone: str, *, user_id: int | None = None, first_name: str = "Test"
    ) -> None:
        """Share a contact (own by default; ``user_id=0`` omits user_id)."""
        contact = {"phone_number": phone, "first_name": first_name, "user_id": user_id}
        await self._inject({"contact": contact})

    async def upload(
        self,
        path_or_bytes: str | Path | bytes,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> None:
        """Send a document from a path or bytes."""
        if isinstance(path_or_bytes, bytes):
            data, name = path_or_bytes, filename or "file.bin"
        else:
            path = Path(path_or_bytes)
            data, name = await asyncio.to_thread(path.read_bytes), filename or path.name
        mime = mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        encoded = base64.b64encode(data).decode()
        document = {"data_b64": encoded, "filename": name, "mime_type": mime}
        await self._inject({"document": document, "caption": caption})

    async def send_photo(self, data: bytes | None = None, caption: str | None = None) -> None:
        """Send a photo (a tiny PNG by default)."""
        photo = {"data_b64": base64.b64encode(data or tiny_png()).decode()}
        await self._inject({"photo": photo, "caption": caption})

    def _remember(self, messages: list[BotMessage]) -> None:
        """Advance the read baseline and the seen edit counts."""
        for msg in messages:
            self._seen[msg.chat_id] = max(self._seen.get(msg.chat_id, 0), msg.message_id)
            self._edits[(msg.chat_id, msg.message_id)] = msg.edit_count

    async def replies(
        self,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109 - server-side long-poll duration
        *,
        chat_id: int | None = None,
    ) -> list[BotMessage]:
        """Wait for ``count`` new bot messages in the chat (AssertionError if they don't come)."""
        self._sync_generation()
        target = self.chat_id if chat_id is None else chat_id
        after = self._seen.get(target, 0)
        records = await self.client._call(
            "GET", "/messages", chat_id=target, after=after, min_count=count, timeout=timeout
        )
        got = [BotMessage.from_record(r) for r in records]
        if len(got) < count:
            texts = [m.text for m in got]
            raise AssertionError(
                f"expected {count} new bot message(s) in chat {target} within {timeout}s, "
                f"got {len(got)}: {texts}"
            )
        got = got[:count]
        self._remember(got)
        return got

    async def reply(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109 - server-side long-poll duration
        *,
        chat_id: int | None = None,
    ) -> BotMessage:
        """The next new bot message."""
        return (await self.replies(1, timeout, chat_id=chat_id))[0]

    async def ask(self, text: str, timeout: float = 10.0) -> BotMessage:  # noqa: ASYNC109
        """Send ``text`` and return the next bot reply."""
        await self.send(text)
        return await self.reply(timeout)

    async def latest(self, *, chat_id: int | None = None) -> BotMessage:
        """Latest state of the latest (non-deleted) bot message in the chat."""
        self._sync_generation()
        target = self.chat_id if chat_id is None else chat_id
        record = await self.client._call("GET", "/latest", chat_id=target)
        if record is None:
            raise AssertionError(f"the bot has not sent anything to chat {target}")
        msg = BotMessage.from_record(record)
        self._remember([msg])
        return msg

    async def wait_edit(
        self,
        message_id: int,
        timeout: float = 10.0,  # noqa: ASYNC109 - server-side long-poll duration
        *,
        chat_id: int | None = None,
    ) -> BotMessage:
        """Wait until the message is edited again (beyond the edit count last seen)."""
        target = self.chat_id if chat_id is None else chat_id
        wanted = self._edits.get((target, message_id), 0) + 1
        record = await self.client._call(
            "GET",
            "/message",
            chat_id=target,
            message_id=message_id,
            min_edit_count=wanted,
            timeout=timeout,
        )
        msg = BotMessage.from_record(record)
        if msg.edit_count < wanted:
            raise AssertionError(f"message {message_id} not edited within {timeout}s: {msg.text!r}")
        self._edits[(target, message_id)] = msg.edit_count
        return msg

    async def callback_answers(
        self,
        min_count: int = 0,
        timeout: float = 10.0,  # noqa: ASYNC109 - server-side long-poll duration
    ) -> list[JSON]:
        """answerCallbackQuery calls for this user's presses (waits for ``min_count``)."""
        result: list[JSON] = await self.client._call(
            "GET", "/callback_answers", user_id=self.id, min_count=min_count, timeout=timeout
        )
        if len(result) < min_count:
            raise AssertionError(f"expected {min_count} callback answers, got {result}")
        return result

    async def actions(self) -> list[JSON]:
        """Chat actions sent to this user's private chat."""
        return await self.client.actions(self.chat_id)

    async def download(self, msg: BotMessage) -> bytes:
        """Bytes of the document or (largest) photo of a bot message."""
        if msg.document:
            file_id = msg.document["file_id"]
        elif msg.photo:
            file_id = msg.photo[-1]["file_id"]
        else:
            raise AssertionError(f"message {msg.message_id} has no document or photo")
        return await self.client.get_bytes(f"/files/{file_id}")
