"""The default socialization template shipped with the bot (texts in the locale files)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TEMPLATE_NAME = "Sosialisasi mutasi"


@dataclass(frozen=True)
class DefaultStep:
    """One default step: offset from the TMT, local send time, locale key of its text."""

    offset_days: int
    send_time: str
    text_key: str


DEFAULT_STEPS = (
    DefaultStep(-14, "08:00", "campaigns.default.d_minus_14"),
    DefaultStep(-7, "08:00", "campaigns.default.d_minus_7"),
    DefaultStep(-1, "08:00", "campaigns.default.d_minus_1"),
    DefaultStep(1, "08:00", "campaigns.default.d_plus_1"),
)
