"""The consultation message an employee receives: the proposed move and four buttons.

The buttons carry the move id and its version, so a revised move makes earlier buttons
stale. Texts are rendered in the employee's language.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.windows import format_local
from bot.messages import Button, OutgoingMessage, rows
from bot.plans import buttons as b
from bot.plans.dates import fmt_date
from bot.plans.notices import esc
from bot.texts import t
from storage.models import PlanMove
from storage.queries import plans as q


def consultation_buttons(locale: str, move_id: int, version: int) -> tuple[tuple[Button, ...], ...]:
    """Setuju / Setuju dengan catatan / Keberatan / Tanya BKPSDM, tied to one version."""
    return rows(
        [
            Button(t(locale, "plans.kons_btn_ok"), b.Agree(move_id, version)),
            Button(t(locale, "plans.kons_btn_note"), b.AgreeWithNote(move_id, version)),
        ],
        [
            Button(t(locale, "plans.kons_btn_obj"), b.Object(move_id, version)),
            Button(t(locale, "plans.kons_btn_ask"), b.Ask(move_id, version)),
        ],
    )


def deadline_text(move: PlanMove, tz: ZoneInfo) -> str:
    """The answer deadline in local time, or "-"."""
    return format_local(move.deadline, tz, end=True) if move.deadline else "-"


async def consultation_text(
    session: AsyncSession, tz: ZoneInfo, locale: str, row: q.MoveRow
) -> str:
    """The consultation text: where to, position, main duties, TMT, deadline."""
    move = row.move
    duties = ""
    if move.position_ref is not None:
        position = await q.get_position_by_pk(session, move.position_ref)
        duties = position.main_duties if position is not None else ""
    key = "plans.kons_message_revised" if move.version > 1 else "plans.kons_message"
    return t(
        locale, key, id=move.id, version=move.version, from_unit=esc(row.from_unit),
        from_position=esc(move.from_position or "-"), to_unit=esc(row.to_unit),
        to_position=esc(move.to_position), duties=esc(duties or "-"),
        tmt=fmt_date(move.proposed_tmt), rationale=esc(move.rationale or "-"),
        deadline=deadline_text(move, tz),
    )  # fmt: skip


async def consultation_message(
    session: AsyncSession, tz: ZoneInfo, locale: str, row: q.MoveRow
) -> OutgoingMessage:
    """The consultation with the answer buttons of the move's current version."""
    text = await consultation_text(session, tz, locale, row)
    return OutgoingMessage(text, consultation_buttons(locale, row.move.id, row.move.version))


def reminder_message(locale: str, move: PlanMove, tz: ZoneInfo) -> OutgoingMessage:
    """The reminder to an employee who has not answered yet (with the answer buttons)."""
    text = t(locale, "plans.kons_reminder", id=move.id, deadline=deadline_text(move, tz))
    return OutgoingMessage(text, consultation_buttons(locale, move.id, move.version))
