"""Telegram Mini App ``initData``: check its signature and age, and sign it (demo, tests).

Telegram's rule ("Validating data received via the Mini App"): the secret key is
HMAC-SHA256 of the bot token keyed with ``"WebAppData"``; the hash is HMAC-SHA256 (hex) of
the *data-check-string* — every received field but ``hash``, as ``key=value`` sorted by key
and joined with line feeds — keyed with that secret. ``auth_date`` (Unix seconds) older than
the configured age is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode

SCHEME = "tma"  # Authorization: tma <initData>
MAX_INIT_DATA = 4096


class InitDataError(ValueError):
    """The launch data is missing, malformed, forged (or for another bot) or too old."""


@dataclass(frozen=True)
class LaunchUser:
    """The Telegram user named in valid launch data."""

    id: int
    first_name: str
    language_code: str
    auth_date: int


def _secret(bot_token: str) -> bytes:
    """HMAC_SHA256(key="WebAppData", msg=bot_token)."""
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def _check_string(fields: dict[str, str]) -> str:
    """The data-check-string: ``key=value`` lines sorted by key, ``hash`` left out."""
    return "\n".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "hash")


def _hash(bot_token: str, fields: dict[str, str]) -> str:
    """The hex signature of ``fields`` under ``bot_token``."""
    data = _check_string(fields).encode()
    return hmac.new(_secret(bot_token), data, hashlib.sha256).hexdigest()


def sign(bot_token: str, user: dict[str, object], auth_date: datetime) -> str:
    """Launch data for ``user`` (id, first_name, language_code …) signed as Telegram does."""
    fields = {
        "auth_date": str(int(auth_date.timestamp())),
        "query_id": f"dash{user.get('id')}",
        "user": json.dumps(user, separators=(",", ":"), ensure_ascii=False),
    }
    fields["hash"] = _hash(bot_token, fields)
    return urlencode(fields)


def from_header(value: str | None) -> str:
    """The raw initData of an ``Authorization: tma <initData>`` header."""
    scheme, _, data = (value or "").strip().partition(" ")
    if scheme.lower() != SCHEME or not data.strip():
        raise InitDataError("missing")
    return data.strip()


def validate(init_data: str, bot_token: str, now: datetime, max_age: int) -> LaunchUser:
    """The user of ``init_data`` when its hash is right and it is at most ``max_age`` s old."""
    if len(init_data) > MAX_INIT_DATA:
        raise InitDataError("too long")
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError as exc:
        raise InitDataError("malformed") from exc
    fields = dict(pairs)
    if len(fields) != len(pairs) or "hash" not in fields:
        raise InitDataError("malformed")
    if not hmac.compare_digest(_hash(bot_token, fields).encode(), fields["hash"].encode()):
        raise InitDataError("bad signature")
    try:
        auth_date = int(fields.get("auth_date", ""))
        user = json.loads(fields.get("user", ""))
        user_id = int(user["id"])
    except (ValueError, TypeError, KeyError) as exc:
        raise InitDataError("malformed") from exc
    age = now.timestamp() - auth_date
    if age > max_age or age < -60:  # a minute of clock skew into the future
        raise InitDataError("expired")
    return LaunchUser(
        user_id,
        str(user.get("first_name", "")),
        str(user.get("language_code", "")),
        auth_date,
    )
