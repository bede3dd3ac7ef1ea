"""What each ``asn-bot`` path imports: a light parser tree, and no emulator in production.

Imports are checked in fresh subprocesses (``sys.modules`` of this test process already
holds everything). No timings here: ``bench/bench_cli.py`` measures them.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import parsers
from bot.cli.main import build_parser
from storage.queries import users

ROOT = Path(__file__).resolve().parent.parent
BOT_FACE = ("telegram", "handlers", "bot.app", "bot.emulator", "bot.demo", "bot.harness")
# Where the emulator may be imported: itself, the demo and harness, their CLI commands.
EMULATOR_USERS = (
    "bot/emulator/",
    "bot/demo/",
    "bot/harness.py",
    "bot/cli/demo",
    "bot/cli/emulator.py",
)


def _modules_after(code: str) -> set[str]:
    """Names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def _loaded(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    """The packages of ``packages`` present (themselves or a submodule) in ``modules``."""
    return [p for p in packages if any(m == p or m.startswith(p + ".") for m in modules)]


def _target_module(argv: list[str]) -> str:
    """The module that implements the subcommand ``argv``."""
    func = build_parser().parse_args(argv).func
    assert isinstance(func, parsers.Command), argv
    return func.target.partition(":")[0]


def _commands(parser: argparse.ArgumentParser) -> Iterator[parsers.Command]:
    """Every Command reachable in the parser tree."""
    func = parser.get_default("func")
    if isinstance(func, parsers.Command):
        yield func
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _commands(child)


def test_parser_tree_imports_no_subcommand() -> None:
    """Building the tree (``asn-bot --help``) loads neither the bot nor its libraries."""
    heavy = (*BOT_FACE, "storage", "sqlalchemy", "alembic", "pydantic_settings", "numpy")
    modules = _modules_after("from bot.cli.main import build_parser; build_parser()")
    assert not _loaded(modules, (*heavy, "scipy", "matplotlib", "openpyxl", "aiohttp"))


def test_match_loads_the_engine_only() -> None:
    """``asn-bot match`` reaches neither Telegram, the handlers, the emulator nor the database."""
    argv = ["match", "--employees", "e.csv", "--positions", "p.csv"]
    modules = _modules_after(f"import {_target_module(argv)}")
    assert "bot.matching.engine" in modules
    assert not _loaded(modules, (*BOT_FACE, "sqlalchemy", "matplotlib", "openpyxl"))


def test_run_path_does_not_import_the_emulator() -> None:
    """The bot itself (``bot.app`` and the ``run`` subcommand) never loads the emulator.

    Nor matplotlib: charts import it when they are drawn.
    """
    modules = _modules_after(f"import bot.app, {_target_module(['run'])}")
    assert "handlers" in modules
    assert not _loaded(modules, ("bot.emulator", "bot.demo", "bot.harness", "matplotlib"))


def test_only_demo_side_imports_the_emulator() -> None:
    """Outside the emulator, demo, harness and their commands, no module imports it."""
    offenders = []
    for folder in ("bot", "handlers", "storage"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(EMULATOR_USERS):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                if any(n == "bot.emulator" or n.startswith("bot.emulator.") for n in names):
                    offenders.append(f"{rel}:{node.lineno}")
    assert not offenders


@pytest.mark.parametrize(
    "command",
    sorted(set(_commands(build_parser())), key=lambda c: c.target),
    ids=lambda c: c.target,
)
def test_every_command_target_exists(command: parsers.Command) -> None:
    """Each parser names a function that exists (a typo would surface only when run)."""
    module, _, name = command.target.partition(":")
    assert callable(getattr(importlib.import_module(module), name))


def test_role_choices_match_storage() -> None:
    """The parser's role choices are the roles storage accepts."""
    assert parsers.ROLES == users.ROLES
