"""The interactive demo: lines typed in the terminal go to the bot as the current person.

Everything typed is a message to the bot (digits too: a NIP, a phone number), except
``#N`` (press button N of the latest message with buttons) and the demo's own commands,
which start with ``:`` (see ``cli.demo.help``): switch person, jump the demo clock, quit.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from bot.demo.console import ConsoleChat
from bot.demo.session import DemoWorld
from bot.i18n.dates import format_datetime
from bot.texts import DEFAULT_LOCALE, t

QUIT = frozenset({":keluar", ":quit", ":exit", ":q"})
HELP = frozenset({":bantuan", ":help", ":?"})
_JUMP = re.compile(r"^:(?:maju|advance)\s+(\d{1,4})\s*([a-z]*)$")
_UNITS: dict[str, str] = {
    "": "days", "hari": "days", "d": "days", "day": "days", "days": "days",
    "jam": "hours", "h": "hours", "hour": "hours", "hours": "hours",
    "minggu": "weeks", "w": "weeks", "week": "weeks", "weeks": "weeks",
    "menit": "minutes", "min": "minutes", "minute": "minutes", "minutes": "minutes",
}  # fmt: skip
_PERSON = re.compile(r"^:(?:pegawai|employee)(?:\s+(\d{1,5}))?$")
_BUTTON = re.compile(r"^#(\d{1,3})$")


def parse_jump(line: str) -> timedelta | None:
    """``:maju 30 hari`` / ``:advance 30d`` / ``:maju 2 jam`` as a timedelta (None if not one)."""
    match = _JUMP.match(" ".join(line.lower().split()))
    if match is None or match.group(2) not in _UNITS:
        return None
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def say(key: str, **params: object) -> None:
    """Print one demo console text."""
    print(t(DEFAULT_LOCALE, key, **params))


@dataclass
class Console:
    """The interactive session: who is typing, and what a line does."""

    world: DemoWorld
    chat: ConsoleChat

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False when the user quits."""
        if line in QUIT:
            return False
        if line in HELP:
            say("cli.demo.help")
        elif line.startswith(":"):
            await self._demo_command(line)
        elif (button := _BUTTON.match(line)) is not None:
            await self._press(int(button.group(1)))
        elif line:
            await self.chat.say(line)
        return True

    async def _demo_command(self, line: str) -> None:
        """Switch person or jump the clock."""
        jump = parse_jump(line)
        person = _PERSON.match(line)
        if jump is not None:
            await self.jump(jump)
        elif person is not None:
            await self._switch(self.world.employee_chat(int(person.group(1) or 1)))
        elif line in (":hr", ":bkpsdm"):
            await self._switch(self.world.hr)
        elif line in (":ppk", ":approver"):
            await self._switch(self.world.approver)
        else:
            say("cli.demo.unknown_command", line=line)

    async def _switch(self, chat: ConsoleChat) -> None:
        """Act as another person; show what they received meanwhile."""
        self.chat = chat
        say("cli.demo.switched", name=chat.name)
        await chat.show_unseen()

    async def _press(self, number: int) -> None:
        """Press button ``number`` of the latest message with buttons."""
        labels = self.chat.buttons()
        if 1 <= number <= len(labels):
            await self.chat.tap(labels[number - 1])
        else:
            say("cli.demo.no_button", number=number)

    async def jump(self, delta: timedelta) -> None:
        """Move the demo clock; report what fired and show the current person's new messages."""
        outcomes = await self.world.advance(delta)
        when = format_datetime(self.world.now(), DEFAULT_LOCALE, self.world.harness.settings.tz)
        say("cli.demo.jumped", when=when, count=len(outcomes))
        await self.chat.show_unseen()


async def run_console(world: DemoWorld, read: Callable[[str], Awaitable[str]]) -> None:
    """Read lines with ``read(prompt)`` and play them until EOF or ``:keluar``."""
    say("cli.demo.help")
    me = world.employee
    say("cli.demo.you_are", name=me.name, phone=me.phone)
    console = Console(world, me)
    while True:
        try:
            line = (await read(f"\n[{console.chat.name}] > ")).strip()
        except EOFError:
            return
        if not await console.handle(line):
            return
