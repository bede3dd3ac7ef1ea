"""move aspiration: the employee's aspiration behind a move, and its choice

A move made of an accepted aspiration keeps the link (``plan_moves.aspiration_id``) and
which of the employee's choices it follows (``aspiration_choice``, 1 = first), so the
approver sees "requested by the employee" and the aspiration's status follows the move.

Revision ID: 0076
Revises: 0075
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0076"
down_revision: str | None = "0075"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("plan_moves", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aspiration_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("aspiration_choice", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_plan_moves_aspiration_id"), ["aspiration_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_plan_moves_aspiration_id_aspirations"),
            "aspirations",
            ["aspiration_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("plan_moves", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_plan_moves_aspiration_id_aspirations"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_plan_moves_aspiration_id"))
        batch_op.drop_column("aspiration_choice")
        batch_op.drop_column("aspiration_id")
