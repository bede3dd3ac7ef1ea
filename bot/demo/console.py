"""Print a chat with the bot in the terminal: messages, edits and numbered buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.emulator.client import BotMessage, EmulatedUser

QUIET_SECONDS = 0.6


@dataclass
class ConsoleChat:
    """One user's chat, printed as it happens."""

    user: EmulatedUser
    name: str
    phone: str = ""
    out: Callable[[str], Any] = print
    last_with_buttons: BotMessage | None = None
    seen_edits: dict[int, int] = field(default_factory=dict)

    async def say(self, text: str) -> list[BotMessage]:
        """Send ``text`` as the user and print the bot's answers."""
        self.out(f"\n👤 {self.name}: {text}")
        await self.user.send(text)
        return await self.collect()

    async def tap(self, label: str) -> list[BotMessage]:
        """Press the button labelled ``label`` (inline or reply keyboard)."""
        self.out(f"\n👤 {self.name} ▸ [{label}]")
        target = self.last_with_buttons
        if target is not None and self._is_contact_button(target, label):
            await self.user.share_contact(self.phone)
            return await self.collect()
        await self.user.press(label)
        return await self.collect(pressed=target)

    async def upload(self, data: bytes, filename: str) -> list[BotMessage]:
        """Send a file as the user."""
        self.out(f"\n👤 {self.name}: 📎 {filename}")
        await self.user.upload(data, filename=filename)
        return await self.collect()

    def buttons(self) -> list[str]:
        """Labels of the latest message with buttons, in display order."""
        msg = self.last_with_buttons
        if msg is None:
            return []
        labels = [label for row in msg.buttons for label in row]
        for row in msg.reply_keyboard or []:
            labels += [b.get("text", "") for b in row]
        return labels

    async def collect(
        self, pressed: BotMessage | None = None, first: float = 10.0
    ) -> list[BotMessage]:
        """Print new messages until the bot is quiet, and an edit of the pressed message."""
        new: list[BotMessage] = []
        timeout = first
        while True:
            try:
                batch = await self.user.replies(1, timeout=timeout)
            except AssertionError:
                break
            new += batch
            timeout = QUIET_SECONDS
        if pressed is not None:
            await self._show_edit(pressed)
        for msg in new:
            self._print(msg)
        return new

    async def _show_edit(self, pressed: BotMessage) -> None:
        """Print the pressed message again when the bot edited it."""
        for msg in await self.user.client.messages(self.user.chat_id, after=pressed.message_id - 1):
            if msg.message_id == pressed.message_id and msg.edit_count > self.seen_edits.get(
                msg.message_id, pressed.edit_count
            ):
                self.seen_edits[msg.message_id] = msg.edit_count
                self.out("🤖 (diubah / edited)")
                self._print(msg)

    def _print(self, msg: BotMessage) -> None:
        """Print one bot message with its numbered buttons."""
        body = msg.text or ""
        if msg.document:
            body += f"\n📄 {msg.document.get('file_name', 'file')}"
        if msg.photo:
            body += "\n🖼 (gambar)"
        self.out("🤖 " + body.replace("\n", "\n   "))
        labels = [label for row in msg.buttons for label in row]
        for row in msg.reply_keyboard or []:
            labels += [b.get("text", "") for b in row]
        if labels:
            self.last_with_buttons = msg
            self.out("   " + "  ".join(f"[{i}] {label}" for i, label in enumerate(labels, 1)))

    @staticmethod
    def _is_contact_button(msg: BotMessage, label: str) -> bool:
        """True when ``label`` is a reply-keyboard button that requests the contact."""
        for row in msg.reply_keyboard or []:
            for button in row:
                if button.get("text") == label and button.get("request_contact"):
                    return True
        return False
