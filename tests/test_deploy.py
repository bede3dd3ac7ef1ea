"""Deployment: the compose file validates, the image and the unit are what the guide says,
and the backup / restore drill of docs/deploy.md works with the commands it shows."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.cli.main import main
from tests.texts import shows

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")


def _compose_command() -> list[str] | None:
    """``docker compose`` (v2 plugin) or ``docker-compose`` (v1), whichever runs here."""
    for command in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(command[0]) is None:
            continue
        probe = subprocess.run([*command, "version"], capture_output=True, check=False)
        if probe.returncode == 0:
            return command
    return None


@pytest.fixture
def compose_dir(tmp_path: Path) -> Path:
    """A copy of what compose.yaml reads, with .env made as the guide says."""
    for name in ("compose.yaml", "Dockerfile"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")
    shutil.copy(tmp_path / "deploy" / "compose.env.example", tmp_path / ".env")
    return tmp_path


def test_compose_config_validates(compose_dir: Path) -> None:
    """``docker compose config`` accepts the file: two webhook bots with their own ids on one
    PostgreSQL with a volume, and Caddy on 443 forwarding to both (no daemon needed)."""
    command = _compose_command()
    if command is None:
        missing = "docker compose is not installed (neither the v2 plugin nor docker-compose)"
        if os.environ.get("ASN_REQUIRE_COMPOSE"):
            pytest.fail(missing + " (ASN_REQUIRE_COMPOSE is set)")
        pytest.skip(missing)
    assert "cp deploy/compose.env.example .env" in GUIDE
    assert "docker compose config --quiet" in GUIDE
    quiet = subprocess.run(
        [*command, "config", "--quiet"], cwd=compose_dir, capture_output=True, text=True
    )
    assert quiet.returncode == 0, quiet.stderr
    shown = subprocess.run([*command, "config"], cwd=compose_dir, capture_output=True, text=True)
    services = yaml.safe_load(shown.stdout)["services"]
    bots = [services["bot1"], services["bot2"]]
    assert {b["environment"]["INSTANCE_ID"] for b in bots} == {"bot1", "bot2"}
    for bot in bots:
        env = bot["environment"]
        assert env["UPDATE_MODE"] == "webhook"
        assert env["WEBHOOK_URL"].endswith(env["WEBHOOK_PATH"])
        assert env["DATABASE_URL"].startswith("postgresql+asyncpg://")
    assert any("/var/lib/postgresql/data" in str(v) for v in services["db"]["volumes"])
    assert any("443" in str(p) for p in services["caddy"]["ports"])
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert "reverse_proxy bot1:8443 bot2:8443" in caddyfile and "round_robin" in caddyfile


def test_dockerfile_is_slim_non_root_hashed_with_healthcheck() -> None:
    """The image: python:3.11-slim, dependencies hash-checked, a non-root user, a health check."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "FROM python:3.11-slim" in text
    assert "--require-hashes" in text and "requirements.lock" in text
    assert "\nUSER asnbot\n" in text
    assert "HEALTHCHECK" in text and "healthcheck.py" in text
    assert "/healthz" in (ROOT / "deploy" / "healthcheck.py").read_text(encoding="utf-8")


def test_systemd_unit_runs_polling_hardened() -> None:
    """The single-server unit: `asn-bot run` as its own user, state dir, hardening on."""
    unit = (ROOT / "deploy" / "asn-bot.service").read_text(encoding="utf-8")
    for line in (
        "ExecStart=/opt/asn-bot/.venv/bin/asn-bot run",
        "User=asnbot",
        "Environment=UPDATE_MODE=polling",
        "StateDirectory=asn-bot",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "CapabilityBoundingSet=",
    ):
        assert f"\n{line}\n" in unit, line


def test_backup_then_restore_drill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`asn-bot backup FILE` while the database is open; the copy passes the guide's drill:
    pointed at by DATABASE_URL it upgrades (nothing to do) and lists the same admins."""
    live = tmp_path / "live" / "asn_bot.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{live}")
    monkeypatch.chdir(tmp_path)
    assert main(["admin", "add", "4242", "--role", "hr"]) == 0
    writer = sqlite3.connect(live)  # the running bot holds the file open meanwhile
    writer.execute("BEGIN IMMEDIATE")
    copy = tmp_path / "backups" / "asn-bot-2026-01-31.sqlite3"
    try:
        capsys.readouterr()
        assert main(["backup", str(copy)]) == 0
    finally:
        writer.rollback()
        writer.close()
    assert shows(capsys.readouterr().out, "cli.backup.done")
    assert main(["backup", str(copy)]) == 1  # never overwrites a backup
    assert shows(capsys.readouterr().err, "cli.backup.failed")
    assert "asn-bot backup" in GUIDE and "asn-bot admin list" in GUIDE
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{copy}")
    assert main(["db", "upgrade"]) == 0
    assert main(["admin", "list"]) == 0
    assert "4242\thr" in capsys.readouterr().out


def test_backup_of_postgres_points_to_pg_dump(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """On PostgreSQL the command says to use pg_dump (exit 2), as the guide does."""
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://u@127.0.0.1:1/x")
    assert main(["backup", str(tmp_path / "x.sqlite3")]) == 2
    assert shows(capsys.readouterr().err, "cli.backup.postgres")
    assert "pg_dump" in GUIDE and "pg_restore" in GUIDE
