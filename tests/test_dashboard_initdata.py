"""Telegram Mini App launch data: Telegram's signature rule, age, and the header convention."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.dashboard import initdata
from bot.dashboard.initdata import InitDataError

TOKEN = "123456:TEST-TOKEN"
NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
USER = {"id": 900001, "first_name": "Rina", "language_code": "id"}


def _telegram_hash(token: str, fields: dict[str, str]) -> str:
    """The hash exactly as Telegram's documentation describes it, written out independently."""
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()) if k != "hash")
    return hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()


def test_signature_follows_telegrams_rule() -> None:
    """Our signer and an independent implementation of the documented rule agree."""
    fields = dict(parse_qsl(initdata.sign(TOKEN, USER, NOW)))
    assert fields["hash"] == _telegram_hash(TOKEN, fields)
    user = initdata.validate(urlencode(fields), TOKEN, NOW, 3600)
    assert (user.id, user.first_name, user.language_code) == (900001, "Rina", "id")


def test_fields_telegram_adds_are_part_of_the_signature() -> None:
    """Extra fields (chat_type, signature …) are checked too, whatever their order."""
    fields = dict(parse_qsl(initdata.sign(TOKEN, USER, NOW)))
    fields.update({"chat_type": "sender", "signature": "abc"})
    fields["hash"] = _telegram_hash(TOKEN, fields)
    reordered = urlencode(dict(reversed(list(fields.items()))))
    assert initdata.validate(reordered, TOKEN, NOW, 3600).id == 900001


def _tampered(field: str, value: str) -> str:
    """Signed data with one field changed afterwards."""
    fields = dict(parse_qsl(initdata.sign(TOKEN, USER, NOW)))
    fields[field] = value
    return urlencode(fields)


@pytest.mark.parametrize(
    ("init", "token", "now"),
    [
        (initdata.sign(TOKEN, USER, NOW), "999:OTHER-BOT", NOW),  # signed for another bot
        (_tampered("user", '{"id":1,"first_name":"X"}'), TOKEN, NOW),  # forged user
        (_tampered("auth_date", str(int(NOW.timestamp()) + 10)), TOKEN, NOW),  # re-dated
        (_tampered("hash", "0" * 64), TOKEN, NOW),  # forged hash
        (initdata.sign(TOKEN, USER, NOW), TOKEN, NOW + timedelta(seconds=3601)),  # expired
        (initdata.sign(TOKEN, USER, NOW + timedelta(minutes=5)), TOKEN, NOW),  # from the future
        ("user=%7B%7D&auth_date=1", TOKEN, NOW),  # no hash
        ("hash=a&hash=b", TOKEN, NOW),  # a field twice
        ("", TOKEN, NOW),
        ("x" * 5000, TOKEN, NOW),
    ],
)
def test_bad_launch_data_is_refused(init: str, token: str, now: datetime) -> None:
    """Forged, foreign, expired or malformed data raises InitDataError."""
    with pytest.raises(InitDataError):
        initdata.validate(init, token, now, 3600)


def test_signed_but_malformed_user_is_refused() -> None:
    """A correct hash over a user without an id is still refused."""
    fields = {"auth_date": str(int(NOW.timestamp())), "user": '{"first_name":"X"}'}
    fields["hash"] = _telegram_hash(TOKEN, fields)
    with pytest.raises(InitDataError):
        initdata.validate(urlencode(fields), TOKEN, NOW, 3600)


@pytest.mark.parametrize("header", [None, "", "tma", "Bearer abc", "tma    "])
def test_header_without_tma_data_is_missing(header: str | None) -> None:
    """Only ``Authorization: tma <initData>`` carries launch data."""
    with pytest.raises(InitDataError):
        initdata.from_header(header)


def test_header_with_tma_data() -> None:
    """The data after ``tma`` is returned as sent."""
    assert initdata.from_header("tma a=1&hash=2") == "a=1&hash=2"
