"""The default socialization template shipped with the bot (texts in the locale files)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.texts import t

DEFAULT_TEMPLATE_NAME = "Sosialisasi mutasi"
PLACEHOLDERS = ("name", "tmt", "unit")  # filled per employee by ``timing.render``


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


def default_text(locale: str, key: str) -> str:
    """A default step's text with its ``{name}``/``{tmt}``/``{unit}`` placeholders kept."""
    return t(locale, key, **{name: "{" + name + "}" for name in PLACEHOLDERS})
