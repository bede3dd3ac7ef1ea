"""Typed button payloads of mutation plans: HR's plan and move cards, approvals,
consultation answers, HR's question queue and the audit trail.

They live in the domain package because services build consultation messages (with
these buttons) for the outbox. Every payload is re-checked when pressed: the role by the
button router, ownership and the current version by the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast, get_args

from bot.callback_data import CallbackData

Decision = Literal["approve", "reject"]
Category = Literal["family", "health", "career", "competence", "distance", "other"]
CATEGORIES = cast(tuple[Category, ...], get_args(Category))

# -- HR: the plan card (/rencana) ---------------------------------------------------------


@dataclass(frozen=True)
class NewPlan(CallbackData, prefix="plan-new"):
    """Start drafting a new plan."""


@dataclass(frozen=True)
class OpenPlan(CallbackData, prefix="plan-open"):
    """Show a plan's card."""

    plan_id: int


@dataclass(frozen=True)
class SubmitPlan(CallbackData, prefix="plan-submit"):
    """Send a draft plan to the approvers."""

    plan_id: int


@dataclass(frozen=True)
class ConfirmSubmitPlan(CallbackData, prefix="plan-submit-yes"):
    """Confirmed: send the draft plan to the approvers."""

    plan_id: int


@dataclass(frozen=True)
class StartConsultation(CallbackData, prefix="plan-consult"):
    """Send the approved moves of a plan to their employees."""

    plan_id: int


@dataclass(frozen=True)
class PlanSummary(CallbackData, prefix="plan-summary"):
    """The consultation tally of a plan."""

    plan_id: int


@dataclass(frozen=True)
class ExportPlan(CallbackData, prefix="plan-export"):
    """A plan's moves, answers and trail as XLSX."""

    plan_id: int


@dataclass(frozen=True)
class ShowAudit(CallbackData, prefix="plan-audit"):
    """A plan's audit trail (HR and approvers)."""

    plan_id: int


@dataclass(frozen=True)
class AuditPage(CallbackData, prefix="plan-audit-page"):
    """Another page of a plan's audit trail (HR and approvers)."""

    plan_id: int
    page: int


@dataclass(frozen=True)
class CancelPlan(CallbackData, prefix="plan-cancel"):
    """Ask the reason, then cancel a whole plan."""

    plan_id: int


@dataclass(frozen=True)
class AddMove(CallbackData, prefix="plan-add-move"):
    """Add a move to a draft plan in the chat."""

    plan_id: int


@dataclass(frozen=True)
class PickEmployee(CallbackData, prefix="plan-pick-employee"):
    """One of several employees matching what HR typed."""

    employee_id: int


@dataclass(frozen=True)
class PickEmployeePage(CallbackData, prefix="plan-pick-page"):
    """Another page of the employees matching what HR typed."""

    page: int


@dataclass(frozen=True)
class ProposeMove(CallbackData, prefix="plan-propose"):
    """From /kandidat: propose an employee for an open position (latest draft plan)."""

    position_id: int
    employee_id: int


@dataclass(frozen=True)
class NewPlanForProposal(CallbackData, prefix="plan-new-propose"):
    """No draft plan for a /kandidat proposal: create one, then continue the proposal."""

    position_id: int
    employee_id: int


@dataclass(frozen=True)
class MovesPage(CallbackData, prefix="plan-moves"):
    """One page of a plan's moves."""

    plan_id: int
    page: int


# -- HR: the move card ---------------------------------------------------------------------


@dataclass(frozen=True)
class OpenMove(CallbackData, prefix="move-open"):
    """Show a move's card."""

    move_id: int


@dataclass(frozen=True)
class ReviseMove(CallbackData, prefix="move-revise"):
    """Revise an objected (or unanswered) move."""

    move_id: int


@dataclass(frozen=True)
class KeepMove(CallbackData, prefix="move-keep"):
    """Keep an objected move unchanged, with a reason."""

    move_id: int


@dataclass(frozen=True)
class DecreeMove(CallbackData, prefix="move-decree"):
    """Record the decree (SK number, TMT)."""

    move_id: int


@dataclass(frozen=True)
class ChangeTmt(CallbackData, prefix="move-tmt"):
    """Change the TMT of a decreed move."""

    move_id: int


@dataclass(frozen=True)
class CarryOut(CallbackData, prefix="move-done"):
    """Mark a decreed move as carried out."""

    move_id: int


@dataclass(frozen=True)
class CancelMove(CallbackData, prefix="move-cancel"):
    """Ask the reason, then cancel one move."""

    move_id: int


# -- approvers (/persetujuan) ------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalPage(CallbackData, prefix="approval-page"):
    """One page of a submitted plan's moves."""

    plan_id: int
    page: int


@dataclass(frozen=True)
class Decide(CallbackData, prefix="approval-decide"):
    """Approve a move, or start rejecting it (a note is required)."""

    move_id: int
    decision: Decision
    page: int


@dataclass(frozen=True)
class ConfirmApprove(CallbackData, prefix="approval-approve-yes"):
    """Confirmed: approve the move (``page``: the approval page to show again)."""

    move_id: int
    page: int


# -- employees: answering a consultation (move id and version) ----------------------------


@dataclass(frozen=True)
class Agree(CallbackData, prefix="consult-agree"):
    """Setuju."""

    move_id: int
    version: int


@dataclass(frozen=True)
class AgreeWithNote(CallbackData, prefix="consult-note"):
    """Setuju dengan catatan: ask the note."""

    move_id: int
    version: int


@dataclass(frozen=True)
class Object(CallbackData, prefix="consult-object"):
    """Keberatan: show the objection categories."""

    move_id: int
    version: int


@dataclass(frozen=True)
class ObjectionCategory(CallbackData, prefix="consult-category"):
    """The category of an objection: ask the reason."""

    move_id: int
    version: int
    category: Category


@dataclass(frozen=True)
class Ask(CallbackData, prefix="consult-ask"):
    """Tanya BKPSDM: ask the question."""

    move_id: int
    version: int


# -- HR: employees' questions (/tanya) ----------------------------------------------------


@dataclass(frozen=True)
class AnswerQuestion(CallbackData, prefix="question-answer"):
    """Start answering one question."""

    question_id: int


@dataclass(frozen=True)
class QuestionsPage(CallbackData, prefix="question-page"):
    """Turn to another page of the open questions."""

    page: int
