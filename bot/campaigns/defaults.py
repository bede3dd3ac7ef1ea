"""The default socialization template shipped with the bot, stored on first use.

Its step texts are locale keys, copied into the stored template in both languages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.texts import t
from storage.models.campaigns import CampaignTemplate
from storage.queries import campaigns as cq

TextOf = Callable[[str, str], str]  # (locale, key) -> raw text, placeholders kept

DEFAULT_TEMPLATE_NAME = "Sosialisasi mutasi"
# The locale texts' variables and the template placeholders they become (filled per
# employee by ``bot.delivery.template.render``).
PLACEHOLDERS = {
    "name": "{nama}",
    "tmt": "{tmt}",
    "unit": "{unit_baru}",
    "position": "{jabatan_baru}",
}


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


async def default_template(session: AsyncSession, text_of: TextOf) -> CampaignTemplate:
    """The default template, created from the shipped steps (texts in both locales) on first use."""
    found = await cq.find_default_template(session)
    if found is not None:
        return found
    steps = [
        (
            step.offset_days,
            step.send_time,
            text_of("id", step.text_key),
            text_of("en", step.text_key),
        )
        for step in DEFAULT_STEPS
    ]
    return await cq.add_template(session, DEFAULT_TEMPLATE_NAME, steps, is_default=True)


def default_text(locale: str, key: str) -> str:
    """A default step's text with its ``{nama}``/``{tmt}``/``{unit_baru}`` placeholders kept."""
    return t(locale, key, **PLACEHOLDERS)
