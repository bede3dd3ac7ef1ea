"""The layer contract (``[tool.importlinter]`` in pyproject.toml) passes and catches crossings.

The deliberate crossings run on a copy of the three packages with the real configuration,
so the working tree is never touched; each run takes well under a second.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "storage")
PROBE = "zz_layer_probe.py"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` (from this interpreter's environment) on the tree at ``cwd``."""
    script = Path(sys.executable).with_name("lint-imports")
    command = str(script) if script.exists() else shutil.which("lint-imports")
    assert command, "lint-imports is missing: install the dev dependencies"
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [command, "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _contract_names() -> dict[str, str]:
    """Contract id -> name, from pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return {c["id"]: c["name"] for c in contracts}


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the packages' Python files and of pyproject.toml."""
    root = tmp_path_factory.mktemp("layers")
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    yield root


def test_real_tree_keeps_every_contract() -> None:
    """The tree as it is passes, every contract kept (allowlists included)."""
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in _contract_names().values():
        assert f"{name} KEPT" in result.stdout


@pytest.mark.parametrize(
    ("package", "source", "broken"),
    [
        ("storage/queries", "from bot.texts import t\n", {"layers", "storage-independent"}),
        ("storage", "import handlers.base\n", {"layers", "storage-independent"}),
        ("bot/plans", "from handlers.request import Request\n", {"layers"}),
        ("handlers", "from sqlalchemy import select\n", {"no-sql-in-handlers"}),
        ("bot/services", "from bot.emulator import markup\n", {"no-emulator-in-production"}),
    ],
)
def test_cross_layer_import_fails(
    tree_copy: Path, package: str, source: str, broken: set[str]
) -> None:
    """A module that crosses a layer makes lint-imports exit non-zero, naming the contract."""
    probe = tree_copy / package / PROBE
    probe.write_text(f'"""Deliberate layer crossing."""\n\n{source}', encoding="utf-8")
    try:
        result = _lint_imports(tree_copy)
    finally:
        probe.unlink()
    assert result.returncode != 0, result.stdout
    module = f"{package.replace('/', '.')}.{PROBE.removesuffix('.py')}"
    assert module in result.stdout
    names = _contract_names()
    for contract_id, name in names.items():
        expected = "BROKEN" if contract_id in broken else "KEPT"
        assert f"{name} {expected}" in result.stdout, (contract_id, result.stdout)
