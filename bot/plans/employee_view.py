"""/usulan: an employee's own moves — those under consultation (with the answer buttons),
and the decided ones (approved after consultation, decreed, carried out) with where to,
the TMT, the SK and HR's reason for keeping a move despite an objection. "Tanya BKPSDM"
stays until TMT + 30 days (``consultation.question_refusal``, checked again when pressed).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import consultation as kc
from bot.plans import labels
from bot.plans.consultation_messages import consultation_message, consultation_text
from bot.plans.dates import fmt_date
from bot.plans.notices import esc
from bot.plans.service_questions import question_tmt
from bot.texts import t
from storage.queries import plans as q
from storage.types import MOVE_CONSULTATION


def _decided(locale: str, row: q.MoveRow, today: date) -> OutgoingMessage:
    """A decided move: status, where to, TMT, SK; "Tanya BKPSDM" while the window is open."""
    move = row.move
    tmt = question_tmt(move)
    lines = [
        t(
            locale, "plans.usulan_decided", id=move.id,
            status=t(locale, labels.MOVE_STATUS[move.status]), to_unit=esc(row.to_unit),
            to_position=esc(move.to_position or "-"), tmt=fmt_date(tmt),
            sk=esc(move.decree_number or "-"),
        )
    ]  # fmt: skip
    if move.kept_reason:
        lines.append(t(locale, "plans.usulan_kept", reason=esc(move.kept_reason)))
    until = kc.questions_until(tmt)
    if today > until:
        lines.append(t(locale, "plans.usulan_ask_closed", date=fmt_date(until)))
        return OutgoingMessage("\n".join(lines))
    lines.append(t(locale, "plans.usulan_ask_until", date=fmt_date(until)))
    ask = Button(t(locale, "plans.kons_btn_ask"), b.Ask(move.id, move.version))
    return OutgoingMessage("\n".join(lines), ((ask,),))


async def employee_moves(
    session: AsyncSession, employee_id: int, locale: str, tz: ZoneInfo, today: date
) -> list[OutgoingMessage]:
    """The employee's consultations (fresh buttons where unanswered), then decided moves."""
    statuses = (MOVE_CONSULTATION, *sorted(kc.DECIDED))
    messages = []
    for row in await q.consultation_rows_of_employee(session, employee_id, statuses):
        move = row.move
        if move.status != MOVE_CONSULTATION:
            consulted = move.consulted_at is not None
            if kc.decided_shown(move.status, consulted, question_tmt(move), today):
                messages.append(_decided(locale, row, today))
            continue
        if move.answer is None:
            messages.append(await consultation_message(session, tz, locale, row))
            continue
        text = await consultation_text(session, tz, locale, row)
        answer = t(
            locale, "plans.usulan_answered", answer=t(locale, labels.ANSWER[move.answer]),
            text=esc(move.answer_text or "-"),
        )  # fmt: skip
        messages.append(OutgoingMessage(text.split("\n\n")[0] + "\n\n" + answer))
    return messages
