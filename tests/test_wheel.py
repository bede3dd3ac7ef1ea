"""The package installs: build the wheel, install it non-editable, run the demo elsewhere.

The editable install of the development venv hides files missing from the wheel (locale
files, data files, migrations), so this test builds the wheel from a copy of the sources,
installs it with ``--no-deps`` into a fresh venv that borrows the development venv's
dependencies (a ``.pth`` line, added after the install so pip never sees them), checks that
``bot``, ``handlers`` and ``storage`` resolve inside the fresh venv, and plays
``asn-bot demo --script`` from an empty folder. Select it alone with ``-m wheel``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "bot", "handlers", "storage")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")
MESSAGE_ID = re.compile(r"^([A-Za-z][\w-]*)\s*=", re.MULTILINE)  # Fluent message ids
TOKEN = re.compile(r"\w[\w.-]*\w")

pytestmark = [pytest.mark.wheel, pytest.mark.timeout(600)]


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command, fail the test with its output when it exits non-zero."""
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def _clean_env() -> dict[str, str]:
    """The environment without anything that would point Python at the source tree."""
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP", "DATABASE_URL")
    return {k: v for k, v in os.environ.items() if k not in drop}


def _build_wheel(tmp: Path) -> Path:
    """Copy the sources (no stale build/ folder) and build the wheel without isolation."""
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=IGNORED)
        else:
            shutil.copy2(path, src / name)
    out = tmp / "wheelhouse"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation"]
    _run([*pip_wheel, "--quiet", "--wheel-dir", out], cwd=src)
    (wheel,) = out.glob("*.whl")
    return wheel


def _source_files() -> set[str]:
    """Every file of the three packages (migrations and data included), relative to the root."""
    found = set()
    for package in ("bot", "handlers", "storage"):
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(path.relative_to(ROOT).as_posix())
    return found


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    """A venv holding only the installed wheel; dependencies come from the dev venv."""
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet"]
    _run([*pip, wheel], cwd=tmp)
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=tmp)
    # A plain path line: the dev venv's own .pth files (its editable finder) are not run.
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(site.strip()) / "dev_venv_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    return env_dir


def _catalogue_keys() -> set[str]:
    """Every text key of the source tree's locale files (JSON keys or Fluent message ids)."""
    keys: set[str] = set()
    for path in (ROOT / "bot" / "locales").rglob("*"):
        if path.suffix == ".json":
            keys.update(json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix == ".ftl":
            keys.update(MESSAGE_ID.findall(path.read_text(encoding="utf-8")))
    return {k for k in keys if "." in k or "-" in k}  # one-word keys could be plain words


def test_wheel_installs_and_runs_the_demo(tmp_path: Path) -> None:
    """The installed wheel imports from its venv and plays the demo with real texts."""
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        missing = _source_files() - set(archive.namelist())
    assert not missing, f"files left out of the wheel: {sorted(missing)}"
    env_dir = _fresh_venv(tmp_path, wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _clean_env()
    code = "import bot, handlers, storage as s; print(bot.__file__, handlers.__file__, s.__file__)"
    where = _run([env_dir / "bin" / "python", "-c", code], cwd=elsewhere, env=env)
    for path in where.split():
        assert Path(path).is_relative_to(env_dir), where
    demo = [env_dir / "bin" / "asn-bot", "demo", "--script", "--db", tmp_path / "demo.sqlite3"]
    output = _run(demo, cwd=elsewhere, env=env)
    raw = sorted(set(TOKEN.findall(output)) & _catalogue_keys())
    assert not raw, f"raw text keys in the demo output: {raw[:20]}"
    assert "missing locale entry" not in output
