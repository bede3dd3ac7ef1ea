"""Configuration read once from the environment / ``.env`` and validated with pydantic."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.i18n.date_input import DateProblem, read_date

SQLITE, PG = "sqlite+aiosqlite://", "postgresql+asyncpg://"
DEFAULT_SQLITE_URL = "sqlite+aiosqlite:///./data/asn_bot.sqlite3"
PG_EXAMPLE = "postgresql+asyncpg://user@127.0.0.1:5432/asn_bot"
SUPPORTED_LOCALES = ("id", "en")
# Telegram accepts 1-256 of these characters; we ask for at least 32 (a random secret).
WEBHOOK_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{32,256}")


class ConfigError(Exception):
    """Raised when the configuration is invalid; the message names the bad variable."""


class Settings(BaseSettings):
    """All settings of the bot; every field maps to an upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field(default="", description="Bot token from @BotFather")
    database_url: str = DEFAULT_SQLITE_URL
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_file_base_url: str = "https://api.telegram.org/file/bot"
    admin_telegram_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    timezone: str = "Asia/Jakarta"
    default_locale: Literal["id", "en"] = "id"
    update_mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: str = ""
    metrics_port: int = Field(default=0, ge=0, le=65535)  # polling mode: 0 = no listener
    bot_username: str = ""
    max_concurrent_updates: int = Field(default=64, ge=1, le=1024)
    max_queued_updates_per_user: int = Field(default=20, ge=1, le=1000)
    import_max_rows: int = Field(default=100_000, ge=10, le=2_000_000)
    invite_ttl_hours: int = Field(default=72, ge=1, le=24 * 60)
    max_failed_link_attempts: int = Field(default=5, ge=1, le=100)
    link_lockout_minutes: int = Field(default=30, ge=1, le=24 * 60)
    conversation_timeout_minutes: int = Field(default=30, ge=1, le=24 * 60)
    min_years_in_position: float = Field(default=2.0, ge=0, le=40)
    aspiration_freeze_from: str = ""
    aspiration_freeze_until: str = ""
    rotation_due_years: float = Field(default=5.0, ge=0, le=40)
    out_of_agency_min_service_years: float = Field(default=10.0, ge=0, le=40)
    out_of_agency_years_before_retirement: float = Field(default=5.0, ge=0, le=40)
    retirement_ages: str = ""  # "JPT=60,administrator=58,..." over bot.rules.model defaults
    broadcast_rate_per_second: float = Field(default=25.0, gt=0, le=1000)
    schedule_grace_minutes: int = Field(default=360, ge=0, le=7 * 24 * 60)
    scheduler_poll_seconds: float = Field(default=30.0, ge=1, le=3600)  # items from elsewhere
    instance_id: str = Field(default="", max_length=60, pattern=r"^[A-Za-z0-9._-]*$")
    instance_lease_seconds: float = Field(default=15.0, ge=3, le=600)  # outbox takeover
    survey_min_group: int = Field(default=5, ge=1, le=100)  # anonymity threshold of results
    followup_due_days: int = Field(default=14, ge=1, le=365)  # follow-up cases: days to act
    question_target_working_days: int = Field(default=3, ge=1, le=60)  # general questions
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    startup_attempts: int = Field(default=6, ge=1, le=100)  # Bot API tries at start
    dashboard_enabled: bool = True  # the HR dashboard (Telegram Mini App) under /dasbor/
    dashboard_listen: str = "127.0.0.1"  # polling mode: the dashboard's own listener
    dashboard_port: int = Field(default=8080, ge=0, le=65535)  # 0: any free port
    dashboard_public_url: str = ""  # https URL Telegram opens for the "📊 Dasbor" button
    dashboard_max_age: int = Field(default=3600, ge=60, le=7 * 24 * 3600)  # initData age, s

    @field_validator("admin_telegram_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept ``"1, 2,3"`` as well as a list."""
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            try:
                return [int(p) for p in parts]
            except ValueError as exc:
                raise ValueError("must be comma-separated numeric Telegram ids") from exc
        return value

    @field_validator("retirement_ages")
    @classmethod
    def _check_retirement_ages(cls, value: str) -> str:
        """``kind=age`` pairs, comma-separated; kinds as in bot.rules.model, ages 40-75."""
        parse_retirement_ages(value)
        return value

    @property
    def retirement_age_map(self) -> dict[str, int]:
        """The retirement ages per position kind (defaults with the configured changes)."""
        return parse_retirement_ages(self.retirement_ages)

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        """The time zone must be a known IANA name such as Asia/Jakarta."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (e.g. Asia/Jakarta)") from exc
        return value

    @field_validator("database_url")
    @classmethod
    def _check_db_url(cls, value: str) -> str:
        """Only the async SQLite and PostgreSQL drivers, with a file or a database named."""
        return normalise_database_url(value.strip())

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        """``info`` works as well as ``INFO``."""
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("aspiration_freeze_from", "aspiration_freeze_until")
    @classmethod
    def _check_freeze_date(cls, value: str) -> str:
        """A calendar date (``31-12-2026`` or ``2026-12-31``), stored as ISO; empty for none."""
        return freeze_date(value)

    @model_validator(mode="after")
    def _check_freeze_order(self) -> Settings:
        """The freeze cannot end before it starts."""
        start, end = self.aspiration_freeze_from, self.aspiration_freeze_until
        if start and end and end < start:
            shown = ", ".join(f"{d[8:]}-{d[5:7]}-{d[:4]}" for d in (end, start))
            raise ValueError(f"ASPIRATION_FREEZE_UNTIL: before ASPIRATION_FREEZE_FROM ({shown})")
        return self

    @property
    def tz(self) -> ZoneInfo:
        """The local time zone used to show and read times."""
        return ZoneInfo(self.timezone)

    @property
    def is_sqlite(self) -> bool:
        """True when the database is a SQLite file."""
        return self.database_url.startswith("sqlite")

    def require_token(self) -> None:
        """Fail with a clear message when a command needs the bot token and it is missing."""
        if not self.telegram_bot_token or ":" not in self.telegram_bot_token:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN: missing or malformed "
                "(expected '<id>:<secret>' from @BotFather)"
            )
        if self.update_mode == "webhook" and not self.webhook_url:
            raise ConfigError("WEBHOOK_URL: required when UPDATE_MODE=webhook")
        if self.update_mode == "webhook" and not WEBHOOK_SECRET_RE.fullmatch(self.webhook_secret):
            raise ConfigError(
                "WEBHOOK_SECRET: required when UPDATE_MODE=webhook, at least 32 random "
                "characters (A-Z, a-z, 0-9, _ or -); generate one with `asn-bot secret`"
            )


# Batas usia pensiun (PP 11/2017 pasal 239): 58 for administrators, pengawas and pelaksana,
# 60 for JPT and ahli madya functional posts, 65 for ahli utama.
RETIREMENT_DEFAULTS = {
    "JPT": 60, "administrator": 58, "pengawas": 58, "pelaksana": 58, "fungsional": 58,
    "ahli_madya": 60, "ahli_utama": 65, "default": 58,
}  # fmt: skip


def parse_retirement_ages(value: str) -> dict[str, int]:
    """The default retirement ages changed by ``"kind=age,..."``; ValueError when malformed."""
    ages = dict(RETIREMENT_DEFAULTS)
    for part in filter(None, (p.strip() for p in value.split(","))):
        kind, _, age = part.partition("=")
        if kind.strip() not in ages or not age.strip().isdigit():
            raise ValueError(f"expected kind=age with a kind of {', '.join(ages)}; got {part!r}")
        if not 40 <= int(age) <= 75:
            raise ValueError(f"retirement age out of range 40-75: {part!r}")
        ages[kind.strip()] = int(age)
    return ages


def load_settings(**overrides: object) -> Settings:
    """Read and validate the settings, turning pydantic errors into a one-line ConfigError.

    Nothing is created here: the SQLite folder is made when the database is first opened.
    """
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            message = str(err["msg"]).removeprefix("Value error, ")
            name = ".".join(str(p) for p in err["loc"]).upper()
            problems.append(f"{name}: {message}" if name else message)
        raise ConfigError("; ".join(problems)) from exc


def normalise_database_url(value: str) -> str:
    """The URL with its async driver; ValueError saying what is wrong with it."""
    if not value:
        raise ValueError(f"empty; use {DEFAULT_SQLITE_URL} or {PG_EXAMPLE}")
    for plain, driver in (("postgres://", PG), ("postgresql://", PG), ("sqlite://", SQLITE)):
        if value.startswith(plain):
            value = driver + value.removeprefix(plain)
    if not value.startswith((SQLITE, PG)):
        raise ValueError(f"must start with {SQLITE}/ or {PG}")
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise ValueError(f"malformed URL ({exc})") from exc
    if value.startswith(SQLITE) and (url.host or not url.database or url.database == ":memory:"):
        raise ValueError(
            "malformed SQLite URL: name a file after three slashes, e.g. "
            "sqlite+aiosqlite:///./data/asn_bot.sqlite3 (four for an absolute path)"
        )
    if value.startswith(PG) and not (url.database and (url.host or url.query.get("host"))):
        raise ValueError(f"empty PostgreSQL URL: name the host and database, e.g. {PG_EXAMPLE}")
    return value


def freeze_date(value: str) -> str:
    """A freeze date setting as ISO (``2026-12-31``), or "" when unset; ValueError else."""
    if not value.strip():
        return ""
    typed = read_date(value, now=datetime.now(UTC), zone=UTC, time_rule="none", relative=False)
    if isinstance(typed, DateProblem):
        raise ValueError(f"not a date: {value.strip()!r} (use DD-MM-YYYY, e.g. 31-12-2026)")
    return typed.day.isoformat()
