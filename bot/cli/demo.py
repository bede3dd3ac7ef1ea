"""``asn-bot demo [--script]``: the offline demo, no Telegram account needed."""

from __future__ import annotations

import argparse
import asyncio
import logging

from bot.demo.console import ConsoleChat
from bot.demo.script import ScriptError, run_script
from bot.demo.session import DemoWorld, demo_world
from bot.logging_setup import configure_logging
from bot.texts import DEFAULT_LOCALE, t


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the demo (interactive or scripted)."""
    configure_logging(logging.ERROR)
    try:
        return asyncio.run(_demo(args))
    except ScriptError as exc:
        print("\n" + t(DEFAULT_LOCALE, "cli.demo.failed", error=exc))
        return 1


async def _demo(args: argparse.Namespace) -> int:
    """Start the world and either play the script or chat interactively."""
    async with demo_world(args.db, args.employees) as world:
        url = world.harness.server.base_url
        print(t(DEFAULT_LOCALE, "cli.demo.started", employees=args.employees, url=url))
        if args.script:
            await run_script(world)
            print("\n" + t(DEFAULT_LOCALE, "cli.demo.finished"))
            return 0
        await _interactive(world)
    return 0


async def _interactive(world: DemoWorld) -> None:
    """Read lines from the terminal and play them as the current user."""
    print(t(DEFAULT_LOCALE, "cli.demo.help"))
    me = world.employee
    print(t(DEFAULT_LOCALE, "cli.demo.you_are", name=me.name, phone=me.phone))
    chat: ConsoleChat = world.employee
    while True:
        try:
            line = (await asyncio.to_thread(input, f"\n[{chat.name}] > ")).strip()
        except EOFError:
            return
        if line in (":keluar", ":quit", ":exit"):
            return
        if line in (":hr", ":pegawai"):
            chat = world.hr if line == ":hr" else world.employee
            print(t(DEFAULT_LOCALE, "cli.demo.switched", name=chat.name))
            continue
        if line.isdigit() and chat.buttons():
            labels = chat.buttons()
            index = int(line) - 1
            if 0 <= index < len(labels):
                await chat.tap(labels[index])
            else:
                print(t(DEFAULT_LOCALE, "cli.demo.no_button", number=line))
            continue
        if line:
            await chat.say(line)
