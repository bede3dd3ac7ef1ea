"""decree applies: position history, who submitted a move, changes sent back to the approver

Adds the position history (``position_history``, riwayat jabatan) written when a decreed
move is carried out, and on ``plan_moves`` who sent the current version to the approvers
(``submitted_by``), the status a move changed after approval returns to once approved
again (``resume_status``) and what changed (``change_summary``).

Revision ID: 0080
Revises: 0078
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0080"
down_revision: str | None = "0078"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "position_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("move_id", sa.Integer(), nullable=True),
        sa.Column("unit_name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("position_kind", sa.String(length=20), nullable=False),
        sa.Column("tmt", sa.Date(), nullable=True),
        sa.Column("previous_unit_name", sa.String(length=200), nullable=False),
        sa.Column("previous_position", sa.String(length=200), nullable=False),
        sa.Column("previous_tmt", sa.Date(), nullable=True),
        sa.Column("decree_number", sa.String(length=100), nullable=False),
        sa.Column("created_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_position_history_employee_id_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["move_id"],
            ["plan_moves.id"],
            name=op.f("fk_position_history_move_id_plan_moves"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_position_history")),
    )
    with op.batch_alter_table("position_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_position_history_employee_id"), ["employee_id"], unique=False
        )
    with op.batch_alter_table("plan_moves", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submitted_by", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("resume_status", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("change_summary", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("plan_moves", schema=None) as batch_op:
        for name in ("change_summary", "resume_status", "submitted_by"):
            batch_op.drop_column(name)
    with op.batch_alter_table("position_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_position_history_employee_id"))
    op.drop_table("position_history")
