"""Print a chat with the bot in the terminal: messages, edits, pop-up notices, numbered buttons.

After each action the chat waits until the bot is quiet (every update handled, the outbox
empty; :meth:`bot.harness.BotHarness.settle`), then prints what changed in this user's
chat: new messages, messages the bot edited, and the notices of pressed buttons
(``answerCallbackQuery``), which Telegram shows as a toast or a pop-up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.emulator.client import BotMessage, EmulatedUser
from bot.harness import BotHarness
from bot.texts import DEFAULT_LOCALE, t

Out = Callable[[str], Any]


class Answers(list[BotMessage]):
    """What one action made the bot show in a chat; ``chat`` can wait for more."""

    def __init__(self, chat: ConsoleChat, messages: list[BotMessage]) -> None:
        super().__init__(messages)
        self.chat = chat


def _labels(msg: BotMessage) -> list[str]:
    """Inline and reply-keyboard button labels of a message, in display order."""
    labels = [label for row in msg.buttons for label in row]
    for row in msg.reply_keyboard or []:
        labels += [b.get("text", "") for b in row]
    return labels


@dataclass
class ConsoleChat:
    """One user's chat, printed as it happens."""

    harness: BotHarness
    user: EmulatedUser
    name: str
    phone: str = ""
    out: Out = print
    last_with_buttons: BotMessage | None = None
    seen: dict[int, int] = field(default_factory=dict)  # message_id -> edit_count printed
    answers_seen: int = 0
    shown: dict[int, BotMessage] = field(default_factory=dict)  # latest state printed
    files_dir: Path | None = None  # where documents and pictures the bot sends are saved
    saved: list[Path] = field(default_factory=list)

    async def say(self, text: str) -> Answers:
        """Send ``text`` as the user and print the bot's answers."""
        self.out(f"\n👤 {self.name}: {text}")
        await self.user.send(text)
        return await self.collect()

    async def tap(self, label: str) -> Answers:
        """Press the button labelled ``label`` (inline or reply keyboard)."""
        self.out(f"\n👤 {self.name} ▸ [{label}]")
        target = self.last_with_buttons
        if target is not None and self._is_contact_button(target, label):
            await self.user.share_contact(self.phone)
            return await self.collect()
        message_id = self._message_with(label)
        await self.user.press(label, message_id=message_id)
        return await self.collect()

    async def press_data(self, data: str) -> Answers:
        """Press a button by its callback data (a button of an earlier screen, shown by name)."""
        await self.user.press(data=data)
        return await self.collect()

    async def upload(self, data: bytes, filename: str) -> Answers:
        """Send a file as the user."""
        self.out(f"\n👤 {self.name}: 📎 {filename}")
        await self.user.upload(data, filename=filename)
        return await self.collect()

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Act without printing (the script sums such steps up in one line)."""
        out, self.out = self.out, _silent
        try:
            yield
        finally:
            self.out = out

    def buttons(self) -> list[str]:
        """Labels of the latest message with buttons, in display order."""
        msg = self.last_with_buttons
        return [] if msg is None else _labels(msg)

    async def collect(self) -> Answers:
        """Wait until the bot is quiet; print and return what changed in this chat."""
        await self.harness.settle()
        return await self.show_unseen(header=False)

    async def show_unseen(self, *, header: bool = True) -> Answers:
        """Print pop-up notices, new messages and edited ones not printed yet.

        With ``header`` (messages that arrived while someone else acted) the chat's owner
        is named first, so the transcript says whose phone shows them.
        """
        if header:
            await self.harness.settle()
        named = not header
        for answer in (await self.user.callback_answers())[self.answers_seen :]:
            self.answers_seen += 1
            if answer.get("text"):
                mark = "⚠️" if answer.get("show_alert") else "💬"
                self.out(f"🤖 {mark} {answer['text']}")
        changed: list[BotMessage] = []
        for msg in await self.user.client.messages(self.user.chat_id):
            printed = self.seen.get(msg.message_id)
            if printed is not None and msg.edit_count <= printed:
                continue
            self.seen[msg.message_id] = msg.edit_count
            self.shown[msg.message_id] = msg
            if msg.deleted:
                continue
            if not named:
                self.out(f"\n📱 {self.name}")
                named = True
            if printed is not None:
                self.out("🤖 " + t(DEFAULT_LOCALE, "cli.demo.edited"))
            self._print(msg, await self._save(msg) if printed is None else None)
            changed.append(msg)
        return Answers(self, changed)

    async def _save(self, msg: BotMessage) -> Path | None:
        """Save a document or picture of ``msg`` under ``files_dir``; its path."""
        if self.files_dir is None or not (msg.document or msg.photo):
            return None
        name = (msg.document or {}).get("file_name") or f"gambar-{msg.message_id}.png"
        path = self.files_dir / f"{self.user.chat_id}-{msg.message_id}-{Path(name).name}"
        data = await self.user.download(msg)
        await asyncio.to_thread(_write, path, data)
        self.saved.append(path)
        return path

    def find_button(self, part: str) -> str | None:
        """The label of the newest printed button whose label contains ``part``."""
        for message_id in sorted(self.shown, reverse=True):
            for found in self.shown[message_id].button_labels:
                if part in found:
                    return found
        return None

    def _message_with(self, label: str) -> int | None:
        """The newest printed message carrying an inline button ``label``, if any."""
        for message_id in sorted(self.shown, reverse=True):
            if label in self.shown[message_id].button_labels:
                return message_id
        return None

    def _print(self, msg: BotMessage, saved: Path | None = None) -> None:
        """Print one bot message with its numbered buttons (and where its file was saved)."""
        body = msg.text or ""
        if msg.document:
            body += f"\n📄 {msg.document.get('file_name', 'file')}"
        if msg.photo:
            body += "\n🖼 (gambar / picture)"
        if saved is not None:
            body += f" → {saved}"
        self.out("🤖 " + body.replace("\n", "\n   "))
        labels = _labels(msg)
        if labels:
            self.last_with_buttons = msg
            self.out("   " + "  ".join(f"[#{i}] {label}" for i, label in enumerate(labels, 1)))

    @staticmethod
    def _is_contact_button(msg: BotMessage, label: str) -> bool:
        """True when ``label`` is a reply-keyboard button that requests the contact."""
        for row in msg.reply_keyboard or []:
            for button in row:
                if button.get("text") == label and button.get("request_contact"):
                    return True
        return False


def _silent(_line: str) -> None:
    """Print nothing."""


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
