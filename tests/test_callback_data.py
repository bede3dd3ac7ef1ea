"""Typed button payloads: packing, strict unpacking, prefixes and the 64-byte limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pytest

from bot.callback_data import CallbackData, CallbackDataError


@dataclass(frozen=True)
class DecideSample(CallbackData, prefix="test-decide"):
    """A sample button with every supported field type."""

    item_id: int
    decision: Literal["accept", "reject"]
    confirm: bool = False
    page: int | None = None


@pytest.mark.parametrize(
    ("value", "packed"),
    [
        (DecideSample(7, "accept"), "test-decide:7:accept:0:"),
        (DecideSample(-1, "reject", True, 3), "test-decide:-1:reject:1:3"),
    ],
)
def test_pack_and_unpack_round_trip(value: DecideSample, packed: str) -> None:
    """Packing gives a readable payload and unpacking restores the same value."""
    assert value.pack() == packed
    assert DecideSample.unpack(packed) == value


@pytest.mark.parametrize(
    "forged",
    [
        None,
        "",
        "test-decide",
        "test-decide:7:accept:0",  # a field missing
        "test-decide:7:accept:0::x",  # a field too many
        "test-decide:x:accept:0:",  # not a number
        "test-decide:7:approve:0:",  # not an allowed value
        "test-decide:7:accept:2:",  # not a flag
        "other-prefix:7:accept:0:",
        "test-decide:99999999999999999999999:accept:0:",  # absurd number
    ],
)
def test_forged_payloads_are_refused(forged: str | None) -> None:
    """Anything not produced by pack() raises CallbackDataError."""
    with pytest.raises(CallbackDataError):
        DecideSample.unpack(forged)


def test_pattern_matches_only_its_prefix() -> None:
    """The handler pattern does not catch a longer prefix that starts the same."""
    import re

    pattern = re.compile(DecideSample.pattern())
    assert pattern.match("test-decide:1:accept:0:")
    assert not pattern.match("test-decide-more:1")


def test_prefix_rules() -> None:
    """Prefixes are readable, unique and the payload fits in 64 bytes."""
    with pytest.raises(ValueError):

        @dataclass(frozen=True)
        class Cryptic(CallbackData, prefix="X:"):
            """A bad prefix."""

    with pytest.raises(ValueError):

        @dataclass(frozen=True)
        class Twice(CallbackData, prefix="test-decide"):
            """A prefix used twice."""

    @dataclass(frozen=True)
    class Long(CallbackData, prefix="test-long"):
        """A payload that can grow too long."""

        text: str

    with pytest.raises(CallbackDataError):
        Long("x" * 60).pack()
    with pytest.raises(CallbackDataError):
        Long("a:b").pack()
