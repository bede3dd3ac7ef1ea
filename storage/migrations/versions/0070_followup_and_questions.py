"""follow-up cases and their notes, the FAQ, general questions to BKPSDM

A follow-up case is opened when an employee agrees, after an anonymous survey, to be
contacted about their placement; it names the employee and the round and holds no answer
data. The FAQ is edited by HR in chat; general questions wait for HR's answer with a due
date (the response-time target in working days).

Revision ID: 0070
Revises: 0065
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0070"
down_revision: str | None = "0065"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DT = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "faq_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("answer_id", sa.Text(), nullable=False),
        sa.Column("question_en", sa.String(length=200), nullable=False),
        sa.Column("answer_en", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_entries")),
    )
    op.create_table(
        "followup_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("owner_telegram_id", sa.BigInteger(), nullable=True),
        sa.Column("closed_at", UTC_DT, nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("closed_by", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_followup_cases_employee_id_employees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_rounds.id"],
            name=op.f("fk_followup_cases_round_id_survey_rounds"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_cases")),
        sa.UniqueConstraint(
            "employee_id", "round_id", name=op.f("uq_followup_cases_employee_id_round_id")
        ),
    )
    op.create_index(op.f("ix_followup_cases_employee_id"), "followup_cases", ["employee_id"])
    op.create_index("ix_followup_cases_status_due", "followup_cases", ["status", "due_on"])
    op.create_table(
        "followup_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_DT, nullable=False),
        sa.Column("author", sa.BigInteger(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["followup_cases.id"],
            name=op.f("fk_followup_notes_case_id_followup_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_notes")),
    )
    op.create_index(op.f("ix_followup_notes_case_id"), "followup_notes", ["case_id"])
    op.create_table(
        "general_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("asked_at", UTC_DT, nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.BigInteger(), nullable=True),
        sa.Column("answered_at", UTC_DT, nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_general_questions_employee_id_employees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_general_questions")),
    )
    op.create_index(op.f("ix_general_questions_employee_id"), "general_questions", ["employee_id"])
    op.create_index("ix_general_questions_open", "general_questions", ["answered_at", "due_on"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_general_questions_open", table_name="general_questions")
    op.drop_index(op.f("ix_general_questions_employee_id"), table_name="general_questions")
    op.drop_table("general_questions")
    op.drop_index(op.f("ix_followup_notes_case_id"), table_name="followup_notes")
    op.drop_table("followup_notes")
    op.drop_index("ix_followup_cases_status_due", table_name="followup_cases")
    op.drop_index(op.f("ix_followup_cases_employee_id"), table_name="followup_cases")
    op.drop_table("followup_cases")
    op.drop_table("faq_entries")
