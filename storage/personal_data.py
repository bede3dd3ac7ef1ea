"""Which columns hold personal data, and what the data-rights export and the unlink do.

Every column of every table is classified here, once (``tests/test_personal_data.py`` walks
``Base.metadata`` and fails on a column that is missing, so a new column needs a decision):

- ``ERASE``: the person's data, in their export, deleted or redacted when they unlink;
- ``KEEP``: the person's data, in their export, kept after unlink as BKPSDM's official record
  (roster, submitted aspirations, decisions, named survey answers, delivery records);
- ``OFFICIAL``: identifies the official who acted (HR, approver); kept as the institution's
  record and not given to the employee concerned; the official's own actions are in their
  export through the audit log;
- ``PLAIN``: no personal data (keys, codes, settings, HR's own texts for everyone).

Which exporter and eraser cover a table is declared in ``storage.queries.privacy.PARTS``.
"""

from __future__ import annotations

from typing import Literal

Rule = Literal["erase", "keep", "official", "plain"]
ERASE: Rule = "erase"
KEEP: Rule = "keep"
OFFICIAL: Rule = "official"
PLAIN: Rule = "plain"

# table -> rule -> space-separated column names
COLUMNS: dict[str, dict[Rule, str]] = {
    "bot_users": {
        ERASE: "employee_id consent_at linked_at",
        KEEP: "telegram_id locale failed_link_attempts locked_until unreachable_at menu_roles"
        " created_at",
    },
    "role_grants": {ERASE: "telegram_id role created_at", OFFICIAL: "granted_by", PLAIN: "id"},
    "conversation_states": {ERASE: "telegram_id flow step data updated_at"},
    "invite_codes": {
        KEEP: "employee_id expires_at used_at used_by created_at",
        PLAIN: "id code_hash",  # a credential's hash, useless to the person, never exported
    },
    "employees": {
        KEEP: "nip name phone unit_id position_title position_kind rank education_level"
        " education_major position_tmt disciplinary_sanction study_leave roster_skills active"
        " sanction_level sanction_until under_examination study_leave_until service_bond_until"
        " skp_last_year skp_year_before",
        PLAIN: "id created_at updated_at",
    },
    "position_history": {  # riwayat jabatan: BKPSDM's record of the decrees carried out
        KEEP: "employee_id unit_name position position_kind tmt previous_unit_name"
        " previous_position previous_tmt decree_number created_at",
        PLAIN: "id move_id",
    },
    "employee_skills": {ERASE: "employee_id kind text self_declared created_at", PLAIN: "id"},
    "audit_log": {
        KEEP: "at actor action entity entity_id",
        ERASE: "details",  # the person's own free text in their entries is redacted
        PLAIN: "id",
    },
    "outbox_messages": {
        KEEP: "chat_id status sent_at created_at",
        ERASE: "text reply_markup attachment_file_id",
        PLAIN: "id broadcast_id parse_mode attachment_kind attempts next_attempt_at claimed_by"
        " claimed_at telegram_message_id error dedup_key",
    },
    "aspirations": {
        KEEP: "reference window_id employee_id status kind preferences reason_category"
        " reason_text willing_to_relocate relocate_note eligible eligibility_problems hr_note"
        " submitted_at created_at updated_at",
        PLAIN: "id",
    },
    "aspiration_history": {
        KEEP: "at action from_status to_status note snapshot",
        OFFICIAL: "actor actor_telegram_id",
        PLAIN: "id aspiration_id",
    },
    "plan_moves": {
        KEEP: "employee_id from_unit_id from_position to_unit_id to_position proposed_tmt"
        " rationale warnings override_reason status version decision_note decided_at"
        " consulted_at deadline overdue answer answer_category answered_at kept_reason"
        " decree_number decree_tmt to_agency freeze_approval_number freeze_approval_date"
        " aspiration_choice resume_status change_summary",
        ERASE: "answer_text",
        OFFICIAL: "decided_by submitted_by",
        PLAIN: "id plan_id position_ref aspiration_id created_at updated_at",
    },
    "move_rule_overrides": {
        KEEP: "move_version rule point judged_on reason created_at",
        OFFICIAL: "actor",
        PLAIN: "id move_id",
    },
    "freeze_periods": {OFFICIAL: "created_by", PLAIN: "id name starts_on ends_on created_at"},
    "move_questions": {
        ERASE: "text",
        KEEP: "asked_at answer answered_at",
        OFFICIAL: "answered_by",
        PLAIN: "id move_id move_version",
    },
    "campaign_enrollments": {
        KEEP: "move_id employee_id effective_date status created_at",
        PLAIN: "id plan_id template_id",
    },
    "campaign_step_instances": {
        KEEP: "run_at status reason",
        PLAIN: "id enrollment_id step_id broadcast_id created_at",
    },
    "survey_participations": {
        KEEP: "employee_id unit_id status due_at invited_at closes_at started finished_on"
        " reminders_sent",
        ERASE: "draft",
        PLAIN: "id round_id move_id",
    },
    "survey_responses": {
        KEEP: "employee_id answers",  # named surveys only; anonymous rows hold no person
        PLAIN: "id survey_id round_id unit_id",
    },
    "survey_waiting_answers": {  # anonymous answers waiting for their batch: no person, no time
        PLAIN: "id survey_id round_id unit_id answers",
    },
    "followup_cases": {  # named, apart from the survey answers (no link to them)
        KEEP: "employee_id created_on due_on status closed_at closing_note",
        OFFICIAL: "owner_telegram_id closed_by",
        PLAIN: "id round_id",
    },
    "followup_notes": {KEEP: "at text", OFFICIAL: "author", PLAIN: "id case_id"},
    "general_questions": {
        ERASE: "text",
        KEEP: "employee_id asked_at due_on answer answered_at",
        OFFICIAL: "answered_by",
        PLAIN: "id",
    },
    "faq_entries": {
        OFFICIAL: "updated_by",
        PLAIN: "id question_id answer_id question_en answer_en updated_at",
    },
    "broadcasts": {
        OFFICIAL: "created_by progress_chat_id",
        PLAIN: "id kind title text parse_mode attachment_file_id attachment_kind audience"
        " created_at scheduled_at status started_at finished_at late status_reason"
        " progress_message_id",
    },
    "mutation_plans": {
        OFFICIAL: "created_by",
        PLAIN: "id name status submitted_at created_at updated_at",
    },
    "aspiration_windows": {
        OFFICIAL: "created_by",
        PLAIN: "id name starts_at ends_at closed_at unit_ids created_at",
    },
    "surveys": {
        OFFICIAL: "created_by",
        PLAIN: "id slug title anonymous trigger definition version active created_at updated_at",
    },
    "survey_rounds": {
        OFFICIAL: "created_by",
        PLAIN: "id survey_id kind label audience opens_at closes_at status created_at",
    },
    "campaign_steps": {
        OFFICIAL: "updated_by",
        PLAIN: "id template_id position offset_days send_time text_id text_en updated_at",
    },
    "campaign_templates": {PLAIN: "id name is_default created_at"},
    "instances": {
        PLAIN: "id host pid started_at heartbeat_at lease_until stopped_at sending",
    },
    "periodic_runs": {PLAIN: "name due_at last_run_at last_owner"},
    "scheduled_items": {PLAIN: "id kind ref_id run_at status fired_at late reason created_at"},
    "units": {PLAIN: "id name created_at"},
    "positions": {
        PLAIN: "id position_id title position_kind unit_id unit_name required_skills"
        " education_level education_fields min_rank max_rank quota main_duties open created_at"
        " updated_at",
    },
    "workload_figures": {PLAIN: "id unit_id unit_name position need staffed updated_at"},
    "custom_competences": {PLAIN: "id name name_en created_at"},
    "competence_variants": {PLAIN: "id competence_id text created_at"},
}


def columns(*rules: Rule) -> set[str]:
    """``table.column`` of every column classified under one of ``rules``."""
    return {
        f"{table}.{name}"
        for table, by_rule in COLUMNS.items()
        for rule, names in by_rule.items()
        if rule in rules
        for name in names.split()
    }


def personal_tables() -> set[str]:
    """Tables with at least one column in a person's export (ERASE or KEEP)."""
    return {name.split(".")[0] for name in columns(ERASE, KEEP)}


def erased_tables() -> set[str]:
    """Tables with at least one column that unlink deletes or redacts."""
    return {name.split(".")[0] for name in columns(ERASE)}
