"""Configuration: validated once, errors name the variable, every variable documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_in_env_example() -> None:
    """.env.example lists every variable Settings reads."""
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    missing = [name.upper() for name in Settings.model_fields if f"{name.upper()}=" not in text]
    assert missing == []


def test_every_setting_is_in_the_readme_table() -> None:
    """README's configuration table names every variable Settings reads."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name.upper() for name in Settings.model_fields if f"`{name.upper()}`" not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"timezone": "Mars/Olympus"}, "TIMEZONE"),
        ({"database_url": "mysql://x"}, "DATABASE_URL"),
        ({"admin_telegram_ids": "12,abc"}, "ADMIN_TELEGRAM_IDS"),
        ({"default_locale": "fr"}, "DEFAULT_LOCALE"),
        ({"update_mode": "carrier-pigeon"}, "UPDATE_MODE"),
        ({"broadcast_rate_per_second": 0}, "BROADCAST_RATE_PER_SECOND"),
    ],
)
def test_bad_value_names_the_variable(overrides: dict[str, object], variable: str) -> None:
    """A bad value fails with a message naming the variable."""
    with pytest.raises(ConfigError, match=variable):
        load_settings(_env_file=None, **overrides)


def test_defaults_and_parsing(tmp_path: Path) -> None:
    """Admin ids are split; postgres URLs get the async driver."""
    settings = load_settings(
        _env_file=None,
        admin_telegram_ids="1, 2,3",
        database_url="postgresql://u@h/db",
    )
    assert settings.admin_telegram_ids == [1, 2, 3]
    assert settings.database_url == "postgresql+asyncpg://u@h/db"
    assert settings.timezone == "Asia/Jakarta" and settings.default_locale == "id"


def test_token_required_to_run() -> None:
    """Running needs a well-formed token; the error names TELEGRAM_BOT_TOKEN."""
    settings = load_settings(_env_file=None, telegram_bot_token="")
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        settings.require_token()


@pytest.mark.parametrize(
    "secret",
    ["", "short", "x" * 31, "has spaces in it but is long enough ....", "é" * 40],
)
def test_webhook_mode_refuses_a_missing_or_weak_secret(secret: str) -> None:
    """UPDATE_MODE=webhook without a strong WEBHOOK_SECRET stops with a line naming it."""
    settings = load_settings(
        _env_file=None, telegram_bot_token="1:abc", update_mode="webhook",
        webhook_url="https://example.invalid/telegram", webhook_secret=secret,
    )  # fmt: skip
    with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
        settings.require_token()


def test_generated_secret_is_accepted() -> None:
    """The secret printed by `asn-bot secret` satisfies webhook mode."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "bot", "secret"], capture_output=True, text=True, check=True
    ).stdout.strip()
    settings = load_settings(
        _env_file=None, telegram_bot_token="1:abc", update_mode="webhook",
        webhook_url="https://example.invalid/telegram", webhook_secret=out,
    )  # fmt: skip
    settings.require_token()
