"""aspirations: windows, aspirations, history

Revision ID: 0020
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0020"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DT = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "aspiration_windows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("starts_at", UTC_DT, nullable=False),
        sa.Column("ends_at", UTC_DT, nullable=False),
        sa.Column("closed_at", UTC_DT, nullable=True),
        sa.Column("unit_ids", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aspiration_windows")),
    )
    op.create_table(
        "aspirations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=True),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("preferences", sa.JSON(), nullable=False),
        sa.Column("reason_category", sa.String(length=20), nullable=False),
        sa.Column("reason_text", sa.Text(), nullable=False),
        sa.Column("willing_to_relocate", sa.Boolean(), nullable=False),
        sa.Column("relocate_note", sa.Text(), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column("eligibility_problems", sa.JSON(), nullable=False),
        sa.Column("hr_note", sa.Text(), nullable=False),
        sa.Column("submitted_at", UTC_DT, nullable=True),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.Column("updated_at", UTC_DT, nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_aspirations_employee_id_employees")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["aspiration_windows.id"],
            name=op.f("fk_aspirations_window_id_aspiration_windows"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aspirations")),
        sa.UniqueConstraint("reference", name=op.f("uq_aspirations_reference")),
        sa.UniqueConstraint(
            "window_id", "employee_id", name=op.f("uq_aspirations_window_id_employee_id")
        ),
    )
    op.create_index(op.f("ix_aspirations_employee_id"), "aspirations", ["employee_id"])
    op.create_index(op.f("ix_aspirations_status"), "aspirations", ["status"])
    op.create_index(op.f("ix_aspirations_window_id"), "aspirations", ["window_id"])
    op.create_table(
        "aspiration_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aspiration_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_DT, nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("actor_telegram_id", sa.BigInteger(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["aspiration_id"],
            ["aspirations.id"],
            name=op.f("fk_aspiration_history_aspiration_id_aspirations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aspiration_history")),
    )
    op.create_index(
        op.f("ix_aspiration_history_aspiration_id"), "aspiration_history", ["aspiration_id"]
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f("ix_aspiration_history_aspiration_id"), table_name="aspiration_history")
    op.drop_table("aspiration_history")
    op.drop_index(op.f("ix_aspirations_window_id"), table_name="aspirations")
    op.drop_index(op.f("ix_aspirations_status"), table_name="aspirations")
    op.drop_index(op.f("ix_aspirations_employee_id"), table_name="aspirations")
    op.drop_table("aspirations")
    op.drop_table("aspiration_windows")
