"""/usulan: an employee sees their own moves under consultation and can answer again.

Only the sender's own moves are listed; an unanswered move comes with fresh buttons of its
current version (for when the original message was lost).
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from handlers.commands import add_command
from handlers.plans_common import consultation_buttons, consultation_text, esc
from handlers.request import Request
from storage.queries import plans as q


async def usulan_cmd(request: Request) -> None:
    """The employee's current consultations, each as its own message."""
    if request.employee is None:
        request.reply_key("common.register_first")
        return
    rows = await q.consultation_rows_of_employee(request.session, request.employee.id)
    if not rows:
        request.reply_key("plans.usulan_none")
        return
    for row in rows:
        text = await consultation_text(request.session, request.services, request.locale, row)
        move = row.move
        if move.answer is None:
            request.reply(text, consultation_buttons(request.locale, move.id, move.version))
            continue
        answer = request.t(
            "plans.usulan_answered", answer=request.t("plans.answer", answer=move.answer),
            text=esc(move.answer_text or "-"),
        )  # fmt: skip
        request.reply(text.split("\n\n")[0] + "\n\n" + answer)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /usulan for linked employees."""
    add_command(
        app, "usulan", usulan_cmd, description_key="cmd.usulan", menu_key="menu.usulan", linked=True
    )
