"""Text keys of the rule set: each rule id and result code maps to one literal key."""

from __future__ import annotations

from bot.rules.model import BLOCKING, OK, WARNING

RULE_NAME = {
    "time_in_position": "rules.name_time_in_position",
    "rotation_due": "rules.name_rotation_due",
    "sanction": "rules.name_sanction",
    "examination": "rules.name_examination",
    "study_leave": "rules.name_study_leave",
    "service_bond": "rules.name_service_bond",
    "freeze": "rules.name_freeze",
    "out_min_service": "rules.name_out_min_service",
    "retirement": "rules.name_retirement",
    "quota_full": "rules.name_quota_full",
    "rank_range": "rules.name_rank_range",
    "education": "rules.name_education",
    "skp": "rules.name_skp",
}
RESULT_TEXT = {
    "tmt_unknown": "rules.res_tmt_unknown",
    "too_short": "rules.res_too_short",
    "served": "rules.res_served",
    "rotation_due": "rules.res_rotation_due",
    "sanction_none": "rules.res_sanction_none",
    "sanction_ended": "rules.res_sanction_ended",
    "sanction_open": "rules.res_sanction_open",
    "sanction_active": "rules.res_sanction_active",
    "examination": "rules.res_examination",
    "examination_none": "rules.res_examination_none",
    "study_leave": "rules.res_study_leave",
    "study_leave_open": "rules.res_study_leave_open",
    "study_leave_none": "rules.res_study_leave_none",
    "service_bond_out": "rules.res_service_bond_out",
    "service_bond_inside": "rules.res_service_bond_inside",
    "freeze": "rules.res_freeze",
    "freeze_approved": "rules.res_freeze_approved",
    "freeze_none": "rules.res_freeze_none",
    "nip_unreadable": "rules.res_nip_unreadable",
    "out_too_early": "rules.res_out_too_early",
    "out_served": "rules.res_out_served",
    "retired": "rules.res_retired",
    "out_near_retirement": "rules.res_out_near_retirement",
    "before_retirement": "rules.res_before_retirement",
    "quota_full": "rules.res_quota_full",
    "rank_range": "rules.res_rank_range",
    "education_unknown": "rules.res_education_unknown",
    "education": "rules.res_education",
    "skp_good": "rules.res_skp_good",
    "skp_low": "rules.res_skp_low",
}
ICON = {OK: "✅", WARNING: "⚠️", BLOCKING: "⛔"}
POINT = {
    "add": "rules.point_add",
    "submit": "rules.point_submit",
    "approve": "rules.point_approve",
    "decree": "rules.point_decree",
}
