"""Text keys of plan values: each stored code maps to one literal locale key.

Keys are never built by joining strings, so a search for a key finds every use, and a
new status without a text fails loudly in the tests instead of showing a raw key.
"""

from __future__ import annotations

from bot.plans import consultation as kc
from bot.plans import status as st

PLAN_STATUS = {
    st.PLAN_DRAFT: "plans.pstatus_draft",
    st.PLAN_SUBMITTED: "plans.pstatus_submitted",
    st.PLAN_ACTIVE: "plans.pstatus_active",
    st.PLAN_CANCELLED: "plans.pstatus_cancelled",
}
MOVE_STATUS = {
    st.DRAFT: "plans.status_draft",
    st.SUBMITTED: "plans.status_submitted",
    st.APPROVED: "plans.status_approved",
    st.REJECTED: "plans.status_rejected",
    st.CONSULTATION: "plans.status_consultation",
    st.DECREED: "plans.status_decreed",
    st.DONE: "plans.status_done",
    st.CANCELLED: "plans.status_cancelled",
}
ANSWER = {
    kc.AGREE: "plans.answer_agree",
    kc.AGREE_NOTES: "plans.answer_agree_notes",
    kc.OBJECT: "plans.answer_object",
}
THANKS = {
    kc.AGREE: "plans.kons_thanks_agree",
    kc.AGREE_NOTES: "plans.kons_thanks_agree_notes",
    kc.OBJECT: "plans.kons_thanks_object",
}
CATEGORY = {
    "family": "plans.cat_family",
    "health": "plans.cat_health",
    "career": "plans.cat_career",
    "competence": "plans.cat_competence",
    "distance": "plans.cat_distance",
    "other": "plans.cat_other",
}
DECIDED = {"approve": "plans.apv_done_approve", "reject": "plans.apv_done_reject"}
EXPORT_COLUMNS = {
    "id": "plans.col_id",
    "nip": "plans.col_nip",
    "name": "plans.col_name",
    "from_unit": "plans.col_from_unit",
    "from_position": "plans.col_from_position",
    "to_unit": "plans.col_to_unit",
    "to_position": "plans.col_to_position",
    "tmt": "plans.col_tmt",
    "rationale": "plans.col_rationale",
    "warnings": "plans.col_warnings",
    "override": "plans.col_override",
    "status": "plans.col_status",
    "version": "plans.col_version",
    "decision_note": "plans.col_decision_note",
    "answer": "plans.col_answer",
    "category": "plans.col_category",
    "answer_text": "plans.col_answer_text",
    "kept": "plans.col_kept",
    "overdue": "plans.col_overdue",
    "questions": "plans.col_questions",
    "sk": "plans.col_sk",
    "sk_tmt": "plans.col_sk_tmt",
}
AUDIT_ACTION = {
    "plan.created": "plans.act_plan_created",
    "plan.submitted": "plans.act_plan_submitted",
    "plan.decided": "plans.act_plan_decided",
    "plan.moves_imported": "plans.act_plan_moves_imported",
    "plan.exported": "plans.act_plan_exported",
    "plan.audit_read": "plans.act_plan_audit_read",
    "plan.cancelled": "plans.act_plan_cancelled",
    "move.added": "plans.act_move_added",
    "move.rule_override": "plans.act_move_rule_override",
    "move.submit": "plans.act_move_submit",
    "move.approve": "plans.act_move_approve",
    "move.reject": "plans.act_move_reject",
    "move.consult": "plans.act_move_consult",
    "move.decree": "plans.act_move_decree",
    "move.change_tmt": "plans.act_move_change_tmt",
    "move.send_back": "plans.act_move_send_back",
    "move.change_decided": "plans.act_move_change_decided",
    "move.carry_out": "plans.act_move_carry_out",
    "move.cancel": "plans.act_move_cancel",
    "move.answered": "plans.act_move_answered",
    "move.question": "plans.act_move_question",
    "move.question_answered": "plans.act_move_question_answered",
    "move.kept": "plans.act_move_kept",
    "move.revised": "plans.act_move_revised",
    "move.reminded": "plans.act_move_reminded",
    "move.overdue": "plans.act_move_overdue",
}
AUDIT_ENTITY = {"plan": "plans.entity_plan", "move": "plans.entity_move"}
AUDIT_COLUMNS = (
    "plans.audit_col_at",
    "plans.audit_col_actor",
    "plans.audit_col_action",
    "plans.audit_col_entity",
    "plans.audit_col_details",
)


def category_key(category: str) -> str:
    """The text key of an objection category (unknown or empty: "other")."""
    return CATEGORY.get(category, CATEGORY["other"])
